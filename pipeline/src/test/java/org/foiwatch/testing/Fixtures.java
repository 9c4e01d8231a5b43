package org.foiwatch.testing;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Generates small, realistic FOI response files in code, so tests and the sample corpus never
 * depend on binary files nobody can regenerate. Every generator is deterministic: the same
 * content gives the same bytes (fixed zip timestamps, fixed document dates, a fixed PDF id).
 *
 * <p>A table is a list of rows, the first row being the header; {@code null} or an empty list
 * means no table. In {@link #pdf}, a paragraph equal to {@link #PAGE_BREAK} starts a new page.
 */
public final class Fixtures {

  /** A paragraph that forces a new page in {@link #pdf}. */
  public static final String PAGE_BREAK = "\f";

  /** One spreadsheet sheet: its tab name, an optional title row above the table, the table. */
  public record Sheet(String name, String title, List<List<String>> rows) {}

  /** The envelope of an e-mail. {@code date} is an RFC 822 date, e.g. "Tue, 12 Mar 2024 10:15:00 +0000". */
  public record Mail(String from, String to, String subject, String date, String messageId) {}

  /** A file attached to an e-mail or stored in a zip. */
  public record Attachment(String filename, String contentType, byte[] bytes) {}

  // Fixed so that generated files are byte-for-byte reproducible, whatever the clock or time zone.
  private static final long FIXED_TIME = 1_704_067_200_000L; // 2024-01-01T00:00:00Z
  private static final LocalDateTime FIXED_ZIP_TIME = LocalDateTime.of(2024, 1, 1, 0, 0);

  private Fixtures() {}

  // ---------------------------------------------------------------- PDF

  /** A text letter on A4 pages (Helvetica 11pt, wrapped, flowing onto new pages); the table follows, one text line per row. */
  public static byte[] pdf(List<String> paragraphs, List<List<String>> table) {
    return pdf(paragraphs, table, List.of());
  }

  /** As {@link #pdf(List, List)}, with {@code closing} paragraphs (sign-off, ICO paragraph) after the table. */
  public static byte[] pdf(List<String> paragraphs, List<List<String>> table, List<String> closing) {
    try (PDDocument document = new PDDocument()) {
      PdfWriter writer = new PdfWriter(document);
      writer.paragraphs(paragraphs);
      if (table != null && !table.isEmpty()) {
        writer.table(table);
      }
      writer.paragraphs(closing);
      writer.close();
      return save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * As {@link #pdf(List, List, List)}, the table's cells wrapped within columns of the given
   * widths (points), as a word processor lays out a table with narrow columns: with {@code ruled},
   * cells padded and ruled, rows set apart; without, rows spaced as lines of text.
   */
  public static byte[] pdfWrappedTable(List<String> paragraphs, List<List<String>> table, float[] columnWidths,
      boolean ruled, List<String> closing) {
    return pdfWrappedTable(paragraphs, table, columnWidths, ruled, false, closing);
  }

  /**
   * As {@link #pdfWrappedTable(List, List, float[], boolean, List)}; with {@code tagged}, a tagged
   * PDF as Word exports one: each cell's text is marked content under a Table / TR / TD
   * structure tree.
   */
  public static byte[] pdfWrappedTable(List<String> paragraphs, List<List<String>> table, float[] columnWidths,
      boolean ruled, boolean tagged, List<String> closing) {
    try (PDDocument document = new PDDocument()) {
      PdfWriter writer = new PdfWriter(document);
      writer.paragraphs(paragraphs);
      writer.wrappedTable(table, columnWidths, ruled, tagged ? StructureTree.of(document) : null);
      writer.paragraphs(closing);
      writer.close();
      return save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A piece of text placed on a page: {@code x} from the left, {@code y} down from the top, in points. */
  public record Placed(float x, float y, String text) {}

  /** One A4 page of Helvetica 11pt text, each piece where it is placed. */
  public static byte[] pdfPlaced(List<Placed> pieces) {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        for (Placed piece : pieces) {
          showText(content, font, 11, piece.x(), PDRectangle.A4.getHeight() - piece.y(), piece.text());
        }
      }
      return save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An image-only PDF, as a scanner makes: each page is the given lines of text rendered to a
   * 150 dpi greyscale image (Java2D, a serif font) stored as JPEG, with no text layer at all.
   */
  public static byte[] scannedPdf(List<List<String>> pages) {
    try (PDDocument document = new PDDocument()) {
      for (List<String> lines : pages) {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        PDImageXObject scan = JPEGFactory.createFromImage(document, render(lines), 0.8f);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.drawImage(scan, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
        }
      }
      return save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BufferedImage render(List<String> lines) {
    int dpi = 150;
    BufferedImage image = new BufferedImage(
        Math.round(PDRectangle.A4.getWidth() / 72 * dpi), Math.round(PDRectangle.A4.getHeight() / 72 * dpi),
        BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.setColor(Color.BLACK);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(new Font(Font.SERIF, Font.PLAIN, 24));
      int y = 150;
      for (String line : lines) {
        for (String wrapped : wrap(line, 80)) {
          g.drawString(wrapped, 120, y);
          y += 34;
        }
        y += 17;
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /** Saves with a fixed /ID: PDFBox otherwise writes a time-based one into the trailer. */
  static byte[] save(PDDocument document) throws IOException {
    COSArray id = new COSArray();
    id.add(new COSString(new byte[16]));
    id.add(new COSString(new byte[16]));
    document.getDocument().getTrailer().setItem(COSName.ID, id);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.save(out);
    return out.toByteArray();
  }

  /** Lays out lines of text top to bottom, starting a page when the current one is full. */
  private static final class PdfWriter {
    private static final float MARGIN = 56;
    private static final float FONT_SIZE = 11;
    private static final float LEADING = 14;
    private static final int WRAP_COLUMNS = 90;
    private final PDDocument document;
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream content;
    private float y;

    PdfWriter(PDDocument document) throws IOException {
      this.document = document;
      newPage();
    }

    void newPage() throws IOException {
      close();
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      content = new PDPageContentStream(document, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    void paragraphs(List<String> paragraphs) throws IOException {
      for (String paragraph : paragraphs) {
        if (PAGE_BREAK.equals(paragraph)) {
          newPage();
        } else {
          paragraph(paragraph);
        }
      }
    }

    void paragraph(String text) throws IOException {
      for (String line : text.split("\n")) {
        for (String wrapped : wrap(line, WRAP_COLUMNS)) {
          line(wrapped, MARGIN, regular);
          y -= LEADING;
        }
      }
      y -= LEADING; // a blank line between paragraphs
    }

    void table(List<List<String>> rows) throws IOException {
      float[] columnX = columnPositions(rows);
      for (int r = 0; r < rows.size(); r++) {
        List<String> row = rows.get(r);
        if (y < MARGIN + LEADING) {
          newPage();
        }
        for (int c = 0; c < row.size(); c++) {
          line(row.get(c), columnX[c], r == 0 ? bold : regular);
        }
        y -= LEADING;
      }
      y -= LEADING;
    }

    void wrappedTable(List<List<String>> rows, float[] widths, boolean ruled, StructureTree tags) throws IOException {
      float inset = 6;
      float padding = ruled ? 4 : 0;
      for (int r = 0; r < rows.size(); r++) {
        PDType1Font font = r == 0 ? bold : regular;
        List<List<String>> cells = new ArrayList<>();
        int height = 1;
        for (int c = 0; c < rows.get(r).size(); c++) {
          cells.add(wrapToWidth(rows.get(r).get(c), font, widths[c] - 2 * inset));
          height = Math.max(height, cells.get(c).size());
        }
        if (y - height * LEADING - 2 * padding < MARGIN) {
          newPage();
        }
        float top = y;
        float x = MARGIN;
        PDStructureElement row = tags == null ? null : tags.row();
        for (int c = 0; c < cells.size(); c++) {
          PDStructureElement cell = row == null ? null : tags.cell(row, document.getPage(document.getNumberOfPages() - 1));
          for (int l = 0; l < cells.get(c).size(); l++) {
            y = top - padding - l * LEADING;
            if (cell != null) {
              content.beginMarkedContent(COSName.getPDFName(StandardStructureTypes.TD), tags.mark(cell));
            }
            line(cells.get(c).get(l), x + inset, font);
            if (cell != null) {
              content.endMarkedContent();
            }
          }
          x += widths[c];
        }
        float bottom = top - height * LEADING - 2 * padding;
        if (ruled) {
          rule(MARGIN, top + FONT_SIZE, x, top + FONT_SIZE);
          rule(MARGIN, bottom + FONT_SIZE, x, bottom + FONT_SIZE);
          float edge = MARGIN;
          for (int c = 0; c <= cells.size(); c++) {
            rule(edge, top + FONT_SIZE, edge, bottom + FONT_SIZE);
            edge += c < cells.size() ? widths[c] : 0;
          }
        }
        y = bottom;
      }
      y -= LEADING;
    }

    private void rule(float x1, float y1, float x2, float y2) throws IOException {
      content.moveTo(x1, y1);
      content.lineTo(x2, y2);
      content.stroke();
    }

    /**
     * {@code text} broken at spaces (kept at the end of the line) into lines no wider than
     * {@code width}; a word wider than that
     * is broken after a hyphen, and a part still too wide between characters, as a word processor
     * breaks a long code in a narrow cell.
     */
    private static List<String> wrapToWidth(String text, PDType1Font font, float width) throws IOException {
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      for (String word : text.split(" ")) {
        String candidate = line.length() == 0 ? word : line + " " + word;
        if (width(font, candidate) <= width) {
          line.setLength(0);
          line.append(candidate);
          continue;
        }
        if (line.length() > 0) {
          lines.add(line + " "); // the space the line broke at stays on it, as a word processor writes it
          line.setLength(0);
        }
        for (String part : word.split("(?<=-)")) {
          if (line.length() > 0 && width(font, line + part) > width) {
            lines.add(line.toString());
            line.setLength(0);
          }
          for (char c : part.toCharArray()) {
            if (line.length() > 0 && width(font, line.toString() + c) > width) {
              lines.add(line.toString());
              line.setLength(0);
            }
            line.append(c);
          }
        }
      }
      lines.add(line.toString());
      return lines;
    }

    private static float width(PDType1Font font, String text) throws IOException {
      return font.getStringWidth(text) / 1000 * FONT_SIZE;
    }

    private float[] columnPositions(List<List<String>> rows) throws IOException {
      int columns = rows.stream().mapToInt(List::size).max().orElse(0);
      float[] x = new float[columns];
      x[0] = MARGIN;
      for (int c = 1; c < columns; c++) {
        float widest = 0;
        for (List<String> row : rows) {
          if (c - 1 < row.size()) {
            widest = Math.max(widest, bold.getStringWidth(row.get(c - 1)) / 1000 * FONT_SIZE);
          }
        }
        x[c] = x[c - 1] + widest + 18;
      }
      return x;
    }

    private void line(String text, float x, PDType1Font font) throws IOException {
      if (y < MARGIN) {
        newPage();
      }
      showText(content, font, FONT_SIZE, x, y, text);
    }

    void close() throws IOException {
      if (content != null) {
        content.close();
        content = null;
      }
    }
  }

  /** A tagged PDF's structure tree: one Table of TR rows of TD cells, each cell's text marked content. */
  private static final class StructureTree {
    private final PDStructureElement table;
    private int nextMcid;

    private StructureTree(PDStructureElement table) {
      this.table = table;
    }

    static StructureTree of(PDDocument document) {
      PDStructureTreeRoot root = new PDStructureTreeRoot();
      document.getDocumentCatalog().setStructureTreeRoot(root);
      PDMarkInfo marked = new PDMarkInfo();
      marked.setMarked(true);
      document.getDocumentCatalog().setMarkInfo(marked);
      PDStructureElement body = new PDStructureElement(StandardStructureTypes.DOCUMENT, root);
      root.appendKid(body);
      PDStructureElement table = new PDStructureElement(StandardStructureTypes.TABLE, body);
      body.appendKid(table);
      return new StructureTree(table);
    }

    PDStructureElement row() {
      PDStructureElement row = new PDStructureElement(StandardStructureTypes.TR, table);
      table.appendKid(row);
      return row;
    }

    PDStructureElement cell(PDStructureElement row, PDPage page) {
      PDStructureElement cell = new PDStructureElement(StandardStructureTypes.TD, row);
      cell.setPage(page);
      row.appendKid(cell);
      return cell;
    }

    /** The properties of the cell's next piece of marked content, its MCID recorded in the cell. */
    PDPropertyList mark(PDStructureElement cell) {
      COSDictionary properties = new COSDictionary();
      properties.setInt(COSName.MCID, nextMcid);
      cell.appendKid(new PDMarkedContent(COSName.getPDFName(StandardStructureTypes.TD), properties));
      nextMcid++;
      return PDPropertyList.create(properties);
    }
  }

  /** One line of text with its baseline starting at ({@code x}, {@code y}) from the page's bottom left. */
  private static void showText(PDPageContentStream content, PDType1Font font, float size, float x, float y,
      String text) throws IOException {
    content.beginText();
    content.setFont(font, size);
    content.newLineAtOffset(x, y);
    content.showText(text);
    content.endText();
  }

  /** {@code line} broken at spaces into lines of at most {@code columns} characters (a longer word stands alone). */
  public static List<String> wrap(String line, int columns) {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String word : line.split(" ")) {
      if (current.length() > 0 && current.length() + 1 + word.length() > columns) {
        lines.add(current.toString());
        current.setLength(0);
      }
      if (current.length() > 0) {
        current.append(' ');
      }
      current.append(word);
    }
    lines.add(current.toString());
    return lines;
  }

  // ---------------------------------------------------------------- Word, ODF, RTF

  /** A Word document: one paragraph each, then a real Word table. */
  public static byte[] docx(List<String> paragraphs, List<List<String>> table) {
    return docx(paragraphs, table, List.of());
  }

  /** As {@link #docx(List, List)}, with {@code closing} paragraphs after the table. */
  public static byte[] docx(List<String> paragraphs, List<List<String>> table, List<String> closing) {
    try (XWPFDocument document = new XWPFDocument()) {
      document.getProperties().getCoreProperties().setCreated(Optional.of(new Date(FIXED_TIME)));
      for (String paragraph : paragraphs) {
        document.createParagraph().createRun().setText(paragraph);
      }
      if (table != null && !table.isEmpty()) {
        int columns = table.stream().mapToInt(List::size).max().orElse(1);
        XWPFTable wordTable = document.createTable(table.size(), columns);
        for (int r = 0; r < table.size(); r++) {
          XWPFTableRow row = wordTable.getRow(r);
          for (int c = 0; c < table.get(r).size(); c++) {
            row.getCell(c).setText(table.get(r).get(c));
          }
        }
      }
      for (String paragraph : closing) {
        document.createParagraph().createRun().setText(paragraph);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.write(out);
      return fixZipTimestamps(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An OpenDocument text: mimetype stored first, a manifest, and content.xml with a table:table. */
  public static byte[] odt(List<String> paragraphs, List<List<String>> table) {
    StringBuilder body = new StringBuilder();
    for (String paragraph : paragraphs) {
      body.append("<text:p>").append(xml(paragraph)).append("</text:p>");
    }
    if (table != null && !table.isEmpty()) {
      int columns = table.stream().mapToInt(List::size).max().orElse(1);
      body.append("<table:table table:name=\"Equipment\">")
          .append("<table:table-column table:number-columns-repeated=\"").append(columns).append("\"/>");
      for (List<String> row : table) {
        body.append("<table:table-row>");
        for (String cell : row) {
          body.append("<table:table-cell office:value-type=\"string\"><text:p>")
              .append(xml(cell)).append("</text:p></table:table-cell>");
        }
        body.append("</table:table-row>");
      }
      body.append("</table:table>");
    }
    String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
        + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
        + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" office:version=\"1.2\">"
        + "<office:body><office:text>" + body + "</office:text></office:body></office:document-content>";
    String manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
        + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
        + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
        + "</manifest:manifest>";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      // ODF requires the mimetype entry first and uncompressed, so it can be sniffed at a fixed offset.
      byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
      ZipEntry mimetypeEntry = new ZipEntry("mimetype");
      mimetypeEntry.setMethod(ZipEntry.STORED);
      mimetypeEntry.setSize(mimetype.length);
      CRC32 crc = new CRC32();
      crc.update(mimetype);
      mimetypeEntry.setCrc(crc.getValue());
      putEntry(zip, mimetypeEntry, mimetype);
      putEntry(zip, new ZipEntry("META-INF/manifest.xml"), manifest.getBytes(StandardCharsets.UTF_8));
      putEntry(zip, new ZipEntry("content.xml"), content.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Rich Text: paragraphs, then a real RTF table (\trowd ... \cell ... \row). */
  public static byte[] rtf(List<String> paragraphs, List<List<String>> table) {
    StringBuilder rtf = new StringBuilder("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\\fs22\n");
    for (String paragraph : paragraphs) {
      rtf.append(rtfText(paragraph)).append("\\par\n");
    }
    if (table != null && !table.isEmpty()) {
      for (List<String> row : table) {
        rtf.append("\\trowd");
        for (int c = 1; c <= row.size(); c++) {
          rtf.append("\\cellx").append(c * 2400);
        }
        rtf.append('\n');
        for (String cell : row) {
          rtf.append("\\intbl ").append(rtfText(cell)).append("\\cell\n");
        }
        rtf.append("\\row\n");
      }
      rtf.append("\\pard\\par\n");
    }
    return rtf.append("}").toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static String rtfText(String text) {
    StringBuilder out = new StringBuilder();
    for (char ch : text.toCharArray()) {
      if (ch == '\\' || ch == '{' || ch == '}') {
        out.append('\\').append(ch);
      } else if (ch > 127) {
        out.append("\\u").append((int) (short) ch).append('?');
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }

  // ---------------------------------------------------------------- spreadsheets

  /** An Excel 2007+ workbook, one sheet per {@link Sheet}, the title (if any) in the row above the table. */
  public static byte[] xlsx(List<Sheet> sheets) {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      workbook.getProperties().getCoreProperties().setCreated(Optional.of(new Date(FIXED_TIME)));
      return fixZipTimestamps(write(workbook, sheets));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An Excel 97-2003 workbook with the same layout as {@link #xlsx}. */
  public static byte[] xls(List<Sheet> sheets) {
    try (HSSFWorkbook workbook = new HSSFWorkbook()) {
      return write(workbook, sheets);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] write(Workbook workbook, List<Sheet> sheets) throws IOException {
    for (Sheet sheet : sheets) {
      org.apache.poi.ss.usermodel.Sheet poiSheet = workbook.createSheet(sheet.name());
      int rowIndex = 0;
      if (sheet.title() != null) {
        poiSheet.createRow(rowIndex++).createCell(0).setCellValue(sheet.title());
        rowIndex++; // a blank row between title and header, as people lay them out
      }
      for (List<String> cells : sheet.rows()) {
        Row row = poiSheet.createRow(rowIndex++);
        for (int c = 0; c < cells.size(); c++) {
          String value = cells.get(c);
          // Whole numbers become numeric cells, as in a real register.
          if (value.matches("\\d{1,6}")) {
            row.createCell(c).setCellValue(Integer.parseInt(value));
          } else {
            row.createCell(c).setCellValue(value);
          }
        }
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    workbook.write(out);
    return out.toByteArray();
  }

  // ---------------------------------------------------------------- plain formats

  /** Comma-separated values with RFC 4180 quoting, CRLF line ends as Excel writes them. */
  public static byte[] csv(List<List<String>> rows) {
    StringBuilder csv = new StringBuilder();
    for (List<String> row : rows) {
      List<String> quoted = new ArrayList<>();
      for (String cell : row) {
        boolean needsQuotes = cell.contains(",") || cell.contains("\"") || cell.contains("\n");
        quoted.add(needsQuotes ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
      }
      csv.append(String.join(",", quoted)).append("\r\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Plain UTF-8 text, paragraphs separated by blank lines. */
  public static byte[] txt(List<String> paragraphs) {
    return (String.join("\n\n", paragraphs) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** An HTML page: one {@code <p>} per paragraph, then a {@code <table>} with a header row. */
  public static byte[] html(String title, List<String> paragraphs, List<List<String>> table) {
    return htmlPage(title, paragraphs, table).getBytes(StandardCharsets.UTF_8);
  }

  private static String htmlPage(String title, List<String> paragraphs, List<List<String>> table) {
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>")
        .append(xml(title)).append("</title></head>\n<body>\n");
    for (String paragraph : paragraphs) {
      html.append("<p>").append(xml(paragraph).replace("\n", "<br>")).append("</p>\n");
    }
    if (table != null && !table.isEmpty()) {
      html.append("<table border=\"1\">\n");
      for (int r = 0; r < table.size(); r++) {
        String cellTag = r == 0 ? "th" : "td";
        html.append("<tr>");
        for (String cell : table.get(r)) {
          html.append('<').append(cellTag).append('>').append(xml(cell)).append("</").append(cellTag).append('>');
        }
        html.append("</tr>\n");
      }
      html.append("</table>\n");
    }
    return html.append("</body>\n</html>\n").toString();
  }

  // ---------------------------------------------------------------- e-mail (raw RFC 822)

  /** A single-part text/plain message, 8bit UTF-8. */
  public static byte[] emlPlain(Mail mail, String body) {
    return (headers(mail) + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + crlf(body)).getBytes(StandardCharsets.UTF_8);
  }

  /** A text/plain message in quoted-printable: soft line breaks at 76 columns, non-ASCII as =XX (an en-dash is =E2=80=93). */
  public static byte[] emlQuotedPrintable(Mail mail, String body) {
    return (headers(mail) + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        + quotedPrintable(body)).getBytes(StandardCharsets.US_ASCII);
  }

  /** A message whose only body is text/html (paragraphs and an optional table). */
  public static byte[] emlHtml(Mail mail, List<String> paragraphs, List<List<String>> table) {
    return (headers(mail) + "Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + crlf(htmlPage(mail.subject(), paragraphs, table))).getBytes(StandardCharsets.UTF_8);
  }

  /** multipart/mixed: a text/plain body, then each attachment base64-encoded with its filename. */
  public static byte[] emlWithAttachments(Mail mail, String body, List<Attachment> attachments) {
    String boundary = "----=_Part_" + Integer.toHexString(mail.messageId().hashCode());
    StringBuilder message = new StringBuilder(headers(mail))
        .append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n")
        .append("This is a multi-part message in MIME format.\r\n")
        .append("--").append(boundary).append("\r\n")
        .append("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
        .append(crlf(body)).append("\r\n");
    for (Attachment attachment : attachments) {
      message.append("--").append(boundary).append("\r\n")
          .append("Content-Type: ").append(attachment.contentType()).append("; name=\"").append(attachment.filename()).append("\"\r\n")
          .append("Content-Disposition: attachment; filename=\"").append(attachment.filename()).append("\"\r\n")
          .append("Content-Transfer-Encoding: base64\r\n\r\n")
          .append(Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(attachment.bytes()))
          .append("\r\n");
    }
    message.append("--").append(boundary).append("--\r\n");
    return message.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A forwarding message: a text/plain note, then the original message attached as a
   * message/rfc822 part named {@code forwardedName} (e.g. "fw.eml"), as mail clients forward "as attachment".
   */
  public static byte[] emlForward(Mail mail, String note, String forwardedName, byte[] forwardedMessage) {
    String boundary = "----=_Fwd_" + Integer.toHexString(mail.messageId().hashCode());
    String message = headers(mail)
        + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + crlf(note) + "\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Type: message/rfc822; name=\"" + forwardedName + "\"\r\n"
        + "Content-Disposition: attachment; filename=\"" + forwardedName + "\"\r\n\r\n"
        + new String(forwardedMessage, StandardCharsets.UTF_8) + "\r\n"
        + "--" + boundary + "--\r\n";
    return message.getBytes(StandardCharsets.UTF_8);
  }

  /** A plain-text reply: the answer on top, then the request it answers with every line prefixed "> ". */
  public static byte[] emlReply(Mail mail, String answer, String quotedFrom, String quotedRequest) {
    StringBuilder body = new StringBuilder(answer).append("\n\n").append(quotedFrom).append(" wrote:\n");
    for (String line : quotedRequest.split("\n", -1)) {
      body.append(line.isEmpty() ? ">" : "> " + line).append('\n');
    }
    return emlPlain(mail, body.toString());
  }

  private static String headers(Mail mail) {
    return "From: " + mail.from() + "\r\n"
        + "To: " + mail.to() + "\r\n"
        + "Subject: " + mail.subject() + "\r\n"
        + "Date: " + mail.date() + "\r\n"
        + "Message-ID: " + mail.messageId() + "\r\n"
        + "MIME-Version: 1.0\r\n";
  }

  private static String crlf(String text) {
    return text.replace("\r\n", "\n").replace("\n", "\r\n");
  }

  /** RFC 2045 quoted-printable of UTF-8 text: lines of at most 76 chars, soft breaks as "=". */
  static String quotedPrintable(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
      StringBuilder encoded = new StringBuilder();
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < bytes.length; i++) {
        int b = bytes[i] & 0xff;
        boolean trailingSpace = (b == ' ' || b == '\t') && i == bytes.length - 1;
        String token = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !trailingSpace)
            ? String.valueOf((char) b)
            : String.format("=%02X", b);
        if (encoded.length() + token.length() > 75) {
          out.append(encoded).append("=\r\n");
          encoded.setLength(0);
        }
        encoded.append(token);
      }
      out.append(encoded).append("\r\n");
    }
    return out.toString();
  }

  // ---------------------------------------------------------------- archives and files

  /** A zip archive of the given files, in order. */
  public static byte[] zip(List<Attachment> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Attachment file : files) {
        putEntry(zip, new ZipEntry(file.filename()), file.bytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Writes {@code bytes} to {@code dir/name}, creating the directory; returns the file. */
  public static Path writeTo(Path dir, String name, byte[] bytes) {
    try {
      Files.createDirectories(dir);
      return Files.write(dir.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a zip (an OOXML package) entry by entry with a fixed timestamp, so output does not depend on the clock. */
  private static byte[] fixZipTimestamps(byte[] zipBytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zipBytes));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        putEntry(zip, new ZipEntry(entry.getName()), in.readAllBytes());
      }
    }
    return out.toByteArray();
  }

  private static void putEntry(ZipOutputStream zip, ZipEntry entry, byte[] bytes) throws IOException {
    // Local time is what a zip stores; setTime(millis) would convert through the default time zone.
    entry.setTimeLocal(FIXED_ZIP_TIME);
    zip.putNextEntry(entry);
    zip.write(bytes);
    zip.closeEntry();
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** Shorthand for a table literal: {@code table(row("Make", "Model"), row("Axis", "P3245-LVE"))}. */
  @SafeVarargs
  public static List<List<String>> table(List<String>... rows) {
    return List.of(rows);
  }

  public static List<String> row(String... cells) {
    return List.of(cells);
  }

  /** Shorthand for an attachment of a known kind, its content type from the file name's extension. */
  public static Attachment attachment(String filename, byte[] bytes) {
    return new Attachment(filename, CONTENT_TYPES.getOrDefault(
        filename.substring(filename.lastIndexOf('.') + 1), "application/octet-stream"), bytes);
  }

  private static final Map<String, String> CONTENT_TYPES = Map.of(
      "pdf", "application/pdf",
      "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "xls", "application/vnd.ms-excel",
      "csv", "text/csv",
      "txt", "text/plain",
      "eml", "message/rfc822");
}
