package org.foiwatch.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns Tika's XHTML for one document into {@link Block}s: pages from {@code <div
 * class="page">} (PDF pages, .xls sheets) or {@code <div class="sheet">} (.xlsx sheets),
 * paragraphs and lines from block elements, tables as rows of cells, sheet names from the
 * heading Tika writes before each sheet's table, quoted text from blockquotes and from
 * plain-text "> " lines. A streaming SAX pass over the markup.
 */
public final class XhtmlBlockReader {

  private static final Set<String> BLOCK_ELEMENTS =
      Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "dd", "dt",
          "title", "ul", "ol", "body");
  private static final Set<String> SKIPPED = Set.of("head", "script", "style");
  private static final java.util.regex.Pattern BLANK_LINE =
      java.util.regex.Pattern.compile("\\n[ \\t\\u00a0\\r]*\\n");
  /** The "> " (or "> > ") prefix a plain-text e-mail reply puts on each line it quotes. */
  private static final java.util.regex.Pattern QUOTE_MARKER =
      java.util.regex.Pattern.compile("^[ \\t]*(?:>[ \\t]?)+");
  /** Tika's page-like divs: one per PDF page or .xls sheet ("page"), one per .xlsx sheet ("sheet"). */
  private static final Set<String> PAGE_CLASSES = Set.of("page", "sheet");
  /** The widest colspan read; wider ones (hostile or layout tables) count as this. */
  private static final int MAX_COLSPAN = 64;

  /**
   * The blocks and page count of one document.
   *
   * @param rowsCut a table (sheet) had more rows than the limit; the rest were dropped
   * @param ocr one entry per image Tesseract was asked to read, in order
   */
  public record Result(List<Block> blocks, int pages, boolean rowsCut, List<OcrImage> ocr) {}

  /**
   * One image sent to OCR, from the attributes {@link CachingTesseractOCRParser} puts on its
   * {@code <div class="ocr">}.
   *
   * @param page the page the image was read for (1 for an image file)
   * @param skipped why it was not read (budget, error), or null when it was
   */
  public record OcrImage(int page, long millis, boolean cached, String skipped) {}

  private final SAXParserFactory factory;
  private final int maxRowsPerTable;

  public XhtmlBlockReader(int maxRowsPerTable) {
    this.maxRowsPerTable = maxRowsPerTable;
    factory = SAXParserFactory.newInstance();
    factory.setNamespaceAware(true);
    try {
      // Tika's own XHTML has no DTD; refuse any so nothing external can be resolved.
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("XML parser does not support secure processing", e);
    }
  }

  public Result read(String xhtml) {
    Handler handler = new Handler(maxRowsPerTable);
    try {
      SAXParser parser = factory.newSAXParser();
      parser.parse(new InputSource(new StringReader(xhtml)), handler);
    } catch (ParserConfigurationException | SAXException | IOException e) {
      // Tika produced the XHTML itself; a failure here means a truncated write. Keep what we have.
    }
    handler.flushAll();
    int pages = handler.pageDivs > 0 ? handler.pageDivs : (handler.blocks.isEmpty() ? 0 : 1);
    return new Result(handler.blocks, pages, handler.rowsCut, handler.ocr);
  }

  private static final class Handler extends DefaultHandler {
    private final int maxRowsPerTable;
    private final List<Block> blocks = new ArrayList<>();
    private final List<OcrImage> ocr = new ArrayList<>();
    private int tableRows;
    private boolean rowsCut;
    private final StringBuilder text = new StringBuilder();
    private int pageDivs;
    private int skipDepth;
    private int quoteDepth;
    private int tableDepth;
    private int tableCount = -1;
    private String heading;
    private String sheet;
    private List<String> row;
    private StringBuilder cell;
    private int cellColumns;
    private int cellRows;
    /** Per column, how many more rows a cell above spans into it (HTML rowspan). */
    private final List<Integer> rowsSpanned = new ArrayList<>();
    private final List<String> pendingLines = new ArrayList<>();
    private boolean pendingQuoted;

    Handler(int maxRowsPerTable) {
      this.maxRowsPerTable = maxRowsPerTable;
    }

    private int page() {
      return Math.max(pageDivs, 1);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      String name = localName.toLowerCase(Locale.ROOT);
      if (SKIPPED.contains(name) || skipDepth > 0) {
        skipDepth++;
        return;
      }
      switch (name) {
        case "div" -> {
          String divClass = attributes.getValue("class");
          if (divClass != null && PAGE_CLASSES.contains(divClass)) {
            flushAll();
            pageDivs++;
            heading = null;
          } else if (cell == null) {
            flushParagraph();
          }
          if (CachingTesseractOCRParser.OCR_CLASS.equals(divClass)) {
            ocr.add(ocrImage(attributes));
          }
        }
        case "table" -> {
          flushAll();
          if (tableDepth++ == 0) {
            tableCount++;
            tableRows = 0;
            sheet = heading;
          }
        }
        case "tr" -> {
          if (tableDepth == 1) {
            row = new ArrayList<>();
          }
        }
        case "td", "th" -> {
          if (tableDepth == 1 && row != null) {
            cell = new StringBuilder();
            cellColumns = span(attributes.getValue("colspan"), MAX_COLSPAN);
            cellRows = span(attributes.getValue("rowspan"), maxRowsPerTable);
          }
        }
        case "br" -> append("\n");
        case "blockquote" -> {
          flushAll();
          quoteDepth++;
        }
        case "h1", "h2", "h3", "h4", "h5", "h6" -> {
          flushAll();
        }
        default -> {
          if (BLOCK_ELEMENTS.contains(name)) {
            if (cell != null) {
              separateCellParagraphs();
            } else {
              flushParagraph();
            }
          }
        }
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      String name = localName.toLowerCase(Locale.ROOT);
      if (skipDepth > 0) {
        skipDepth--;
        return;
      }
      switch (name) {
        case "td", "th" -> {
          if (cell != null && row != null) {
            addSpannedFromAbove();
            for (int c = 0; c < cellColumns; c++) {
              spanRows(row.size(), cellRows - 1);
              row.add(c == 0 ? normalise(cell.toString()) : "");
            }
            cell = null;
          }
        }
        case "tr" -> {
          if (tableDepth == 1 && row != null) {
            int lastSpanned = rowsSpanned.size() - 1;
            while (lastSpanned >= row.size() && rowsSpanned.get(lastSpanned) == 0) {
              lastSpanned--;
            }
            while (row.size() <= lastSpanned) {
              spanRows(row.size(), rowsSpanned.get(row.size()) - 1);
              row.add("");
            }
            if (row.stream().anyMatch(c -> !c.isEmpty())) {
              if (tableRows++ < maxRowsPerTable) {
                blocks.add(Block.row(page(), sheet, tableCount, row));
              } else {
                rowsCut = true;
              }
            }
            row = null;
          }
        }
        case "table" -> {
          tableDepth = Math.max(0, tableDepth - 1);
          if (tableDepth == 0) {
            rowsSpanned.clear();
          }
        }
        case "blockquote" -> {
          flushAll();
          quoteDepth = Math.max(0, quoteDepth - 1);
        }
        case "h1", "h2", "h3", "h4", "h5", "h6" -> {
          heading = normalise(text.toString());
          flushAll();
        }
        default -> {
          if (BLOCK_ELEMENTS.contains(name) && cell == null) {
            flushParagraph();
          }
        }
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (skipDepth == 0) {
        append(new String(ch, start, length));
      }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
      characters(ch, start, length);
    }

    /**
     * Empty cells where cells of the rows above reach down (merged cells): the table reader
     * reads an empty vendor cell as the one above and leaves a merged count to the first row.
     */
    private void addSpannedFromAbove() {
      while (row.size() < rowsSpanned.size() && rowsSpanned.get(row.size()) > 0) {
        spanRows(row.size(), rowsSpanned.get(row.size()) - 1);
        row.add("");
      }
    }

    private void spanRows(int column, int rows) {
      while (rowsSpanned.size() <= column) {
        rowsSpanned.add(0);
      }
      rowsSpanned.set(column, Math.max(0, rows));
    }

    private OcrImage ocrImage(Attributes attributes) {
      String millis = attributes.getValue(CachingTesseractOCRParser.MILLIS_ATTRIBUTE);
      return new OcrImage(page(), millis == null ? 0 : Long.parseLong(millis),
          Boolean.parseBoolean(attributes.getValue(CachingTesseractOCRParser.CACHED_ATTRIBUTE)),
          attributes.getValue(CachingTesseractOCRParser.SKIPPED_ATTRIBUTE));
    }

    /** A rowspan or colspan value: 1 when absent, unreadable or 0 ("to the end"), at most {@code max}. */
    private static int span(String value, int max) {
      if (value == null) {
        return 1;
      }
      try {
        int span = Integer.parseInt(value.strip());
        return span < 1 ? 1 : Math.min(span, Math.max(1, max));
      } catch (NumberFormatException e) {
        return 1;
      }
    }

    private void append(String chars) {
      if (cell != null) {
        cell.append(chars);
      } else if (tableDepth == 0 || row == null) {
        text.append(chars);
      }
    }

    private void separateCellParagraphs() {
      if (cell.length() > 0 && cell.charAt(cell.length() - 1) != '\n') {
        cell.append('\n');
      }
    }

    /**
     * Emits the pending text; blank lines (plain-text bodies) separate paragraphs. Runs of
     * "> "-prefixed lines become quoted paragraphs without their markers, as a blockquote would.
     */
    void flushParagraph() {
      StringBuilder run = new StringBuilder();
      boolean runQuoted = false;
      for (String line : text.toString().split("\n", -1)) {
        java.util.regex.Matcher marker = QUOTE_MARKER.matcher(line);
        boolean lineQuoted = marker.lookingAt();
        if (lineQuoted != runQuoted) {
          emitParagraphs(run, runQuoted);
          runQuoted = lineQuoted;
        }
        run.append(lineQuoted ? line.substring(marker.end()) : line).append('\n');
      }
      emitParagraphs(run, runQuoted);
      text.setLength(0);
    }

    void flushAll() {
      flushParagraph();
      flushPendingLines();
    }

    /**
     * Paragraphs, and the tables written as text inside them as rows ({@link TextTables}). A
     * paragraph of one line that may be a table's row (a word processor's "| a | b |" or
     * tab-separated paragraphs) waits for the next, so that rows written one per paragraph are
     * read as one table.
     */
    private void emitParagraphs(StringBuilder run, boolean markedQuoted) {
      boolean quoted = quoteDepth > 0 || markedQuoted;
      for (String part : BLANK_LINE.split(run)) {
        String line = part.strip();
        if (line.isEmpty()) {
          continue;
        }
        if (line.indexOf('\n') < 0 && TextTables.mayBeRow(line)
            && (pendingLines.isEmpty() || pendingQuoted == quoted)) {
          pendingLines.add(part.stripTrailing());
          pendingQuoted = quoted;
          continue;
        }
        flushPendingLines();
        emitText(part, quoted);
      }
      run.setLength(0);
    }

    /** The waiting one-line paragraphs: rows where they make a table, else each its own paragraph again. */
    private void flushPendingLines() {
      if (pendingLines.isEmpty()) {
        return;
      }
      for (TextTables.Segment segment : TextTables.split(String.join("\n", pendingLines))) {
        if (segment.isTable()) {
          emitTextTable(segment.rows(), pendingQuoted);
        } else {
          segment.text().lines().forEach(line -> emitParagraph(line, pendingQuoted));
        }
      }
      pendingLines.clear();
    }

    private void emitText(String part, boolean quoted) {
      for (TextTables.Segment segment : TextTables.split(part)) {
        if (segment.isTable()) {
          emitTextTable(segment.rows(), quoted);
        } else {
          emitParagraph(segment.text(), quoted);
        }
      }
    }

    private void emitParagraph(String raw, boolean quoted) {
      String paragraph = normalise(raw);
      if (!paragraph.isEmpty()) {
        blocks.add(Block.paragraph(page(), paragraph, quoted));
      }
    }

    private void emitTextTable(List<List<String>> rows, boolean quoted) {
      tableCount++;
      for (List<String> cells : rows) {
        List<String> normalised = cells.stream().map(XhtmlBlockReader::normalise).toList();
        blocks.add(new Block(page(), null, tableCount, normalised, quoted));
      }
    }
  }

  /** Collapses runs of spaces and tabs, trims each line, drops blank lines at the ends. */
  static String normalise(String raw) {
    String[] lines = raw.replace('\u00a0', ' ').replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    StringBuilder out = new StringBuilder(raw.length());
    for (String line : lines) {
      String collapsed = collapseBlanks(line).strip();
      if (collapsed.isEmpty()) {
        continue;
      }
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(collapsed);
    }
    return out.toString();
  }

  /**
   * The line with each run of spaces, tabs, vertical tabs and form feeds made one space, as
   * {@code replaceAll("[ \\t\\x0B\\f]+", " ")} does without compiling a pattern for every line.
   */
  private static String collapseBlanks(String line) {
    int first = 0;
    while (first < line.length() && !opensRunToCollapse(line, first)) {
      first++;
    }
    if (first == line.length()) {
      return line; // most lines: single spaces only
    }
    StringBuilder out = new StringBuilder(line.length()).append(line, 0, first);
    boolean inRun = false;
    for (int i = first; i < line.length(); i++) {
      char c = line.charAt(i);
      if (!isBlank(c)) {
        out.append(c);
      } else if (!inRun) {
        out.append(' ');
      }
      inRun = isBlank(c);
    }
    return out.toString();
  }

  /** True at a blank that collapsing changes: any but a single space. */
  private static boolean opensRunToCollapse(String line, int i) {
    char c = line.charAt(i);
    return isBlank(c) && (c != ' ' || i + 1 < line.length() && isBlank(line.charAt(i + 1)));
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\u000B' || c == '\f';
  }
}
