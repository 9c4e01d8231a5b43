package org.foiwatch.testing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Letters as a scanner returns them: printed text drawn with Java2D on an A4 page, turned a
 * little and speckled, at a scanner's resolution; written as PNG, TIFF or an image-only PDF
 * (JPEG pages, no text layer). Deterministic: the same letter and seed give the same pixels
 * and the same PDF bytes.
 */
public final class ScannedLetters {

  /** A letter: heading lines (authority, reference, date), body paragraphs, an optional table (header first). */
  public record Letter(List<String> heading, List<String> paragraphs, List<List<String>> table) {}

  private static final double A4_WIDTH_INCHES = 8.27;
  private static final double A4_HEIGHT_INCHES = 11.69;
  private static final float FONT_POINTS = 12f;

  private ScannedLetters() {}

  /** The letter as one greyscale page scanned at {@code dpi}, turned by {@code degrees}, speckled from {@code seed}. */
  public static BufferedImage scan(Letter letter, int dpi, double degrees, long seed) {
    int width = (int) Math.round(A4_WIDTH_INCHES * dpi);
    int height = (int) Math.round(A4_HEIGHT_INCHES * dpi);
    BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = page.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    // A slightly skewed sheet on the scanner glass: turn everything about the page centre.
    g.rotate(Math.toRadians(degrees), width / 2.0, height / 2.0);
    g.setColor(new Color(25, 25, 25));
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(FONT_POINTS * dpi / 72f)));
    FontMetrics metrics = g.getFontMetrics();
    int margin = dpi; // one inch
    int line = metrics.getHeight();
    int y = margin + metrics.getAscent();
    for (String heading : letter.heading()) {
      g.drawString(heading, margin, y);
      y += line;
    }
    y += line;
    for (String paragraph : letter.paragraphs()) {
      for (String wrapped : wrap(paragraph, metrics, width - 2 * margin)) {
        g.drawString(wrapped, margin, y);
        y += line;
      }
      y += line / 2;
    }
    if (letter.table() != null && !letter.table().isEmpty()) {
      drawTable(g, letter.table(), margin, y);
    }
    g.dispose();
    speckle(page, seed);
    return page;
  }

  /** Rows of cells with ruled lines, as a printed table (a cell's "\n" wraps it); returns the y below it. */
  private static int drawTable(Graphics2D g, List<List<String>> rows, int x, int top) {
    FontMetrics metrics = g.getFontMetrics();
    int columns = rows.stream().mapToInt(List::size).max().orElse(1);
    // Columns as wide as their text, as a word processor sizes them.
    int[] left = new int[columns + 1];
    left[0] = x;
    for (int c = 0; c < columns; c++) {
      int column = c;
      int widest = rows.stream().filter(r -> r.size() > column).flatMap(r -> r.get(column).lines())
          .mapToInt(metrics::stringWidth).max().orElse(0);
      left[c + 1] = left[c] + widest + 2 * (metrics.getHeight() / 3);
    }
    int padding = metrics.getHeight() / 3;
    // Thin grey rules, as a laser printer and a scanner leave a table's borders.
    Color ink = g.getColor();
    Color rule = new Color(120, 120, 120);
    g.setStroke(new BasicStroke(Math.max(1, metrics.getHeight() / 20f)));
    int y = top;
    for (List<String> row : rows) {
      g.setColor(rule);
      g.drawLine(x, y, left[columns], y);
      g.setColor(ink);
      int lines = row.stream().mapToInt(cell -> (int) cell.lines().count()).max().orElse(1);
      for (int c = 0; c < row.size(); c++) {
        List<String> cellLines = row.get(c).lines().toList();
        for (int l = 0; l < cellLines.size(); l++) {
          g.drawString(cellLines.get(l), left[c] + padding, y + padding + metrics.getAscent() + l * metrics.getHeight());
        }
      }
      y += lines * metrics.getHeight() + 2 * padding;
    }
    g.setColor(rule);
    g.drawLine(x, y, left[columns], y);
    for (int c = 0; c <= columns; c++) {
      g.drawLine(left[c], top, left[c], y);
    }
    g.setColor(ink);
    return y + metrics.getHeight();
  }

  private static List<String> wrap(String paragraph, FontMetrics metrics, int maxWidth) {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String word : paragraph.split(" ")) {
      String candidate = current.isEmpty() ? word : current + " " + word;
      if (metrics.stringWidth(candidate) > maxWidth && !current.isEmpty()) {
        lines.add(current.toString());
        current = new StringBuilder(word);
      } else {
        current = new StringBuilder(candidate);
      }
    }
    if (!current.isEmpty()) {
      lines.add(current.toString());
    }
    return lines;
  }

  /** Scanner dust and toner specks: small dark dots scattered over the page, and a faint grey cast. */
  private static void speckle(BufferedImage page, long seed) {
    Random random = new Random(seed);
    int specks = page.getWidth() * page.getHeight() / 6000;
    for (int i = 0; i < specks; i++) {
      int x = random.nextInt(page.getWidth() - 2);
      int y = random.nextInt(page.getHeight() - 2);
      int grey = 40 + random.nextInt(120);
      int rgb = new Color(grey, grey, grey).getRGB();
      page.setRGB(x, y, rgb);
      if (random.nextInt(4) == 0) {
        page.setRGB(x + 1, y, rgb);
        page.setRGB(x, y + 1, rgb);
      }
    }
  }

  public static byte[] png(BufferedImage image) {
    return write(image, "png");
  }

  /** TIFF through the JDK's own ImageIO plugin (Java 9 and later). */
  public static byte[] tiff(BufferedImage image) {
    return write(image, "tiff");
  }

  private static byte[] write(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** An image-only PDF: each scan a JPEG filling an A4 page, and no text layer at all. */
  public static byte[] imageOnlyPdf(List<BufferedImage> scans) {
    try (PDDocument document = new PDDocument()) {
      for (BufferedImage scan : scans) {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        PDImageXObject image = JPEGFactory.createFromImage(document, scan, 0.85f);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
        }
      }
      return Fixtures.save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
