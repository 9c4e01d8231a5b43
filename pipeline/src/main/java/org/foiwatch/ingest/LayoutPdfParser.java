package org.foiwatch.ingest;

import java.io.IOException;
import java.io.InputStream;
import org.apache.pdfbox.io.RandomAccessStreamCache;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.pdf.PDFParser;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Tika's PDF parser, with each page's tables read from the positions of its words: Tika's text
 * stripper writes one space for any gap, so a table's columns arrive as words in a line. Where
 * the positions show a table ({@link WordColumns}), {@link PdfPageTables} writes the page's
 * text again with that table as rows of cells; other pages pass through as Tika wrote them.
 */
public class LayoutPdfParser extends PDFParser {

  private static final long serialVersionUID = 1L;

  /** The document being parsed, for the page handler (an attachment's parse sets its own). */
  static final class OpenDocument {
    private PDDocument document;

    PDDocument get() {
      return document;
    }
  }

  @Override
  public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
      throws IOException, SAXException, TikaException {
    OpenDocument open = new OpenDocument();
    OpenDocument outer = context.get(OpenDocument.class);
    context.set(OpenDocument.class, open);
    try {
      super.parse(stream, handler == null ? null : new PdfPageTables(handler, open), metadata, context);
    } finally {
      context.set(OpenDocument.class, outer);
    }
  }

  @Override
  protected PDDocument getPDDocument(InputStream stream, TikaInputStream tikaStream, String password,
      RandomAccessStreamCache.StreamCacheCreateFunction streamCache, Metadata metadata, ParseContext context)
      throws IOException, EncryptedDocumentException {
    PDDocument document = super.getPDDocument(stream, tikaStream, password, streamCache, metadata, context);
    OpenDocument open = context.get(OpenDocument.class);
    if (open != null) {
      open.document = document;
    }
    return document;
  }
}
