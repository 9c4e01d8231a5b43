package org.foiwatch.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * Holds each PDF page's XHTML until the page ends, then reads the page's words with their
 * positions: when they line up into a table, the page's paragraphs are written again from those
 * words, the table as rows of cells and the rest as paragraphs of lines; otherwise the page goes
 * on as Tika wrote it. Everything else on the page (OCR output, annotations) is kept as it came.
 */
final class PdfPageTables extends ContentHandlerDecorator {

  /** A column boundary is at least this many average character widths of the page. */
  private static final float MIN_GAP_CHARACTERS = 1.0f;

  private enum Kind { START, END, CHARACTERS }

  /** One held SAX event; {@code depth} 0 is a direct child of the page's div. */
  private record Event(Kind kind, String uri, String localName, String qName, Attributes attributes,
      String text, int depth) {}

  private final LayoutPdfParser.OpenDocument document;
  private final List<Event> page = new ArrayList<>();
  /** Depth of elements open inside the current page div; -1 outside a page. */
  private int depth = -1;
  private int pageIndex = -1;

  PdfPageTables(ContentHandler handler, LayoutPdfParser.OpenDocument document) {
    super(handler);
    this.document = document;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
    if (depth < 0) {
      if ("div".equals(localName) && "page".equals(atts.getValue("class"))) {
        depth = 0;
        pageIndex++;
      }
      super.startElement(uri, localName, qName, atts);
      return;
    }
    page.add(new Event(Kind.START, uri, localName, qName, new AttributesImpl(atts), null, depth++));
  }

  @Override
  public void endElement(String uri, String localName, String qName) throws SAXException {
    if (depth == 0) {
      writePage();
      depth = -1;
    } else if (depth > 0) {
      page.add(new Event(Kind.END, uri, localName, qName, null, null, --depth));
      return;
    }
    super.endElement(uri, localName, qName);
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    if (depth < 0) {
      super.characters(ch, start, length);
    } else {
      page.add(new Event(Kind.CHARACTERS, null, null, null, null, new String(ch, start, length), depth));
    }
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
    characters(ch, start, length);
  }

  @Override
  public void endDocument() throws SAXException {
    if (depth >= 0) {
      writePage();
      depth = -1;
    }
    super.endDocument();
  }

  private void writePage() throws SAXException {
    List<WordColumns.Segment> segments = tables();
    boolean written = false;
    boolean inParagraph = false;
    for (Event event : page) {
      boolean paragraph = event.depth() == 0 && "p".equals(event.localName());
      if (segments != null && (inParagraph || paragraph)) {
        // Tika's paragraphs give way to the page read again, written where the first one stood.
        if (paragraph && event.kind() == Kind.START) {
          inParagraph = true;
          if (!written) {
            written = true;
            write(segments, event.uri());
          }
        } else if (paragraph && event.kind() == Kind.END) {
          inParagraph = false;
        }
        continue;
      }
      replay(event);
    }
    page.clear();
  }

  /** The page read as segments when its word positions show a table, else null. */
  private List<WordColumns.Segment> tables() {
    PDDocument pdf = document.get();
    if (pdf == null || !mayHoldTable()) {
      return null;
    }
    try {
      List<WordColumns.Line> lines = PdfWords.page(pdf, pageIndex);
      List<WordColumns.Segment> segments = WordColumns.read(lines, MIN_GAP_CHARACTERS * averageCharacterWidth(lines));
      return segments.stream().anyMatch(WordColumns.Segment::isTable) ? segments : null;
    } catch (java.io.IOException | RuntimeException e) {
      // The page as Tika read it is still whole; only its table layout is lost.
      return null;
    }
  }

  /**
   * Reading a page's positions costs a second pass over it; it is paid only where Tika's text
   * has two lines that may be a table's rows: each with a digit (a count, a model) and a word
   * separator, which Tika writes as an event of its own where text is placed apart without a
   * space (cells are; the words of a line of text usually carry their spaces).
   */
  private boolean mayHoldTable() {
    int rowLines = 0;
    boolean digit = false;
    boolean separator = false;
    for (Event event : page) {
      if (event.kind() == Kind.START && event.depth() == 0) { // a paragraph starts a line
        rowLines += digit && separator ? 1 : 0;
        digit = separator = false;
      }
      if (event.kind() != Kind.CHARACTERS || event.depth() != 1) {
        continue;
      }
      String text = event.text();
      separator |= text.equals(" ");
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\n') {
          rowLines += digit && separator ? 1 : 0;
          digit = separator = false;
        } else {
          digit |= c >= '0' && c <= '9';
        }
      }
    }
    return rowLines + (digit && separator ? 1 : 0) >= 2;
  }

  private static float averageCharacterWidth(List<WordColumns.Line> lines) {
    double width = 0;
    long characters = 0;
    for (WordColumns.Line line : lines) {
      for (WordColumns.Word word : line.words()) {
        width += word.end() - word.start();
        characters += word.text().length();
      }
    }
    return characters == 0 ? 0 : (float) (width / characters);
  }

  private void write(List<WordColumns.Segment> segments, String uri) throws SAXException {
    AttributesImpl none = new AttributesImpl();
    for (WordColumns.Segment segment : segments) {
      if (segment.isTable()) {
        start(uri, "table", none);
        for (List<String> row : segment.rows()) {
          start(uri, "tr", none);
          for (String cell : row) {
            start(uri, "td", none);
            text(cell);
            super.endElement(uri, "td", "td");
          }
          super.endElement(uri, "tr", "tr");
        }
        super.endElement(uri, "table", "table");
        continue;
      }
      boolean open = false;
      for (WordColumns.Line line : segment.lines()) {
        if (open && line.paragraphStart()) {
          super.endElement(uri, "p", "p");
          open = false;
        }
        if (!open) {
          start(uri, "p", none);
          open = true;
        }
        text(line.text() + "\n");
      }
      super.endElement(uri, "p", "p");
    }
  }

  private void start(String uri, String name, Attributes attributes) throws SAXException {
    super.startElement(uri, name, name, attributes);
  }

  private void text(String text) throws SAXException {
    super.characters(text.toCharArray(), 0, text.length());
  }

  private void replay(Event event) throws SAXException {
    switch (event.kind()) {
      case START -> super.startElement(event.uri(), event.localName(), event.qName(), event.attributes());
      case END -> super.endElement(event.uri(), event.localName(), event.qName());
      case CHARACTERS -> text(event.text());
    }
  }
}
