package org.foiwatch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ParserDecorator;
import org.apache.tika.parser.html.DefaultHtmlMapper;
import org.apache.tika.parser.html.HtmlMapper;
import org.apache.tika.parser.html.JSoupParser;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Tika's HTML parser, keeping the {@code rowspan} and {@code colspan} of table cells (Tika's
 * default mapping drops them): a cell merged over rows or columns otherwise shifts every cell
 * after it into the wrong column. {@link XhtmlBlockReader} puts the spanned cells back.
 */
public class TableSpansHtmlParser extends ParserDecorator {

  private static final long serialVersionUID = 1L;

  private static final HtmlMapper KEEPS_SPANS = new DefaultHtmlMapper() {
    @Override
    public String mapSafeAttribute(String elementName, String attributeName) {
      String element = elementName.toLowerCase(Locale.ROOT);
      String attribute = attributeName.toLowerCase(Locale.ROOT);
      if ((element.equals("td") || element.equals("th")) && (attribute.equals("rowspan") || attribute.equals("colspan"))) {
        return attribute;
      }
      return super.mapSafeAttribute(elementName, attributeName);
    }
  };

  public TableSpansHtmlParser() {
    super(new JSoupParser());
  }

  @Override
  public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
      throws IOException, SAXException, TikaException {
    context.set(HtmlMapper.class, KEEPS_SPANS);
    super.parse(stream, handler, metadata, context);
  }
}
