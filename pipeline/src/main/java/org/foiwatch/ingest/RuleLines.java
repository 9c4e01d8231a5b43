package org.foiwatch.ingest;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Erases a scanned page's ruling lines (table borders, underlines) before OCR. Tesseract reads a
 * thin grey rule crossing a table as text ("|", "_", "——") and, where a cell's wrapped second
 * line sits close to the rule under it, loses that line altogether. A rule is a run of darkish
 * pixels far longer than any letter's stroke (a thirtieth of the page width) and thin across (a
 * hundred-and-fiftieth); thicker runs are filled areas, such as a header band or a shaded row,
 * and are left alone with whatever crosses them.
 */
public final class RuleLines {

  /** Pixels lighter than this are paper; scanned rules are often light grey. */
  private static final int INK = 220;

  /** The shortest rule, as a share of the page width: longer than any letter's stroke. */
  private static final int MIN_LENGTH_DIVISOR = 30;

  /** The thickest rule, as a share of the page width: thinner than a filled area. */
  private static final int MAX_THICKNESS_DIVISOR = 150;

  /** A run with a fifth or more of its length in a filled area is no rule (see {@link #whiten}). */
  private static final int MAX_AREA_SHARE = 5;

  private RuleLines() {}

  /**
   * The image with its rules erased, as an uncompressed greyscale TIFF (written in a third of a
   * PNG's time; Tesseract reads either); the bytes as they were when ImageIO cannot read them.
   */
  public static byte[] erase(byte[] image) throws IOException {
    BufferedImage page = ImageIO.read(new ByteArrayInputStream(image));
    if (page == null) {
      return image;
    }
    BufferedImage grey = greyscale(page);
    byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
    boolean[] ink = new boolean[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      ink[i] = (pixels[i] & 0xff) < INK;
    }
    int minLength = Math.max(2, grey.getWidth() / MIN_LENGTH_DIVISOR);
    int maxThickness = Math.max(1, grey.getWidth() / MAX_THICKNESS_DIVISOR);
    Axis across = Axis.across(grey.getWidth(), grey.getHeight());
    Axis down = Axis.down(grey.getWidth(), grey.getHeight());
    boolean[] longAcross = longRuns(ink, across, minLength);
    boolean[] longDown = longRuns(ink, down, minLength);
    boolean[] thinAcross = thin(longAcross, down, maxThickness);
    boolean[] thinDown = thin(longDown, across, maxThickness);
    boolean[] areaAcross = minus(longAcross, thinAcross);
    boolean[] areaDown = minus(longDown, thinDown);
    whiten(pixels, ink, thinAcross, areaDown, across);
    whiten(pixels, ink, thinDown, areaAcross, down);
    ByteArrayOutputStream tiff = new ByteArrayOutputStream(pixels.length + 4096);
    ImageIO.write(grey, "tiff", tiff);
    return tiff.toByteArray();
  }

  /**
   * One direction of the page's pixel array: {@code lines} lines of runs, each {@code length}
   * long; {@code along} is the index step along a line, {@code step} from one line to the next.
   */
  private record Axis(int lines, int length, int along, int step) {
    static Axis across(int width, int height) {
      return new Axis(height, width, 1, width);
    }

    static Axis down(int width, int height) {
      return new Axis(width, height, width, 1);
    }

    int index(int line, int position) {
      return line * step + position * along;
    }
  }

  /**
   * The pixels of runs of ink at least {@code minLength} long along the axis. A skewed rule is
   * drawn in steps one pixel apart; each step at least that long is a run (measured on scans:
   * joining the steps erases more, and Tesseract then splits a table into columns).
   */
  private static boolean[] longRuns(boolean[] ink, Axis axis, int minLength) {
    boolean[] runs = new boolean[ink.length];
    forEachRun(ink, axis, (line, start, end) -> {
      if (end - start >= minLength) {
        mark(runs, axis, line, start, end);
      }
    });
    return runs;
  }

  /** The long runs whose band, measured along the {@code across} axis, is at most {@code maxThickness} lines thick. */
  private static boolean[] thin(boolean[] runs, Axis across, int maxThickness) {
    boolean[] thin = new boolean[runs.length];
    forEachRun(runs, across, (line, start, end) -> {
      if (end - start <= maxThickness) {
        mark(thin, across, line, start, end);
      }
    });
    return thin;
  }

  private static boolean[] minus(boolean[] all, boolean[] part) {
    boolean[] rest = new boolean[all.length];
    for (int i = 0; i < all.length; i++) {
      rest[i] = all[i] && !part[i];
    }
    return rest;
  }

  /**
   * Whitens the ink of each stretch of thin runs along the axis, unless a fifth of it or more lies
   * in a filled area of the other direction: then it is the ink between a band's letters.
   */
  private static void whiten(byte[] pixels, boolean[] ink, boolean[] thin, boolean[] area, Axis axis) {
    forEachRun(thin, axis, (line, start, end) -> {
      int inArea = 0;
      for (int i = start; i < end; i++) {
        inArea += area[axis.index(line, i)] ? 1 : 0;
      }
      if (inArea * MAX_AREA_SHARE < end - start) {
        for (int i = start; i < end; i++) {
          int at = axis.index(line, i);
          pixels[at] = ink[at] ? (byte) 0xff : pixels[at];
        }
      }
    });
  }

  /** A stretch [start, end) of one line of an axis. */
  private interface Run {
    void accept(int line, int start, int end);
  }

  /** Every stretch along the axis where {@code marked} holds, line by line. */
  private static void forEachRun(boolean[] marked, Axis axis, Run run) {
    for (int line = 0; line < axis.lines(); line++) {
      int start = -1;
      for (int i = 0; i <= axis.length(); i++) {
        boolean on = i < axis.length() && marked[axis.index(line, i)];
        if (on && start < 0) {
          start = i;
        } else if (!on && start >= 0) {
          run.accept(line, start, i);
          start = -1;
        }
      }
    }
  }

  private static void mark(boolean[] mask, Axis axis, int line, int start, int end) {
    for (int i = start; i < end; i++) {
      mask[axis.index(line, i)] = true;
    }
  }

  private static BufferedImage greyscale(BufferedImage page) {
    if (page.getType() == BufferedImage.TYPE_BYTE_GRAY) {
      return page;
    }
    BufferedImage grey = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = grey.createGraphics();
    g.drawImage(page, 0, 0, Color.WHITE, null);
    g.dispose();
    return grey;
  }
}
