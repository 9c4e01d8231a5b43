package org.foiwatch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tables written as text, read into rows of cells (what tabula and Camelot call stream mode, on
 * character columns): pipe and markdown tables ({@code | a | b |}, with or without {@code +---+}
 * borders and {@code |:--|} rules), tab-separated lines, and fixed-width columns, whose
 * boundaries are runs of at least two blank character positions that line up down every line of
 * the table. A cell wrapped over several lines is rebuilt: a line that leaves the first and the
 * last column empty continues the row above. Everything else stays text, in order.
 *
 * <p>Works on a paragraph's raw text, before runs of spaces are collapsed (plain-text files,
 * e-mail bodies, and PDF text that keeps its pipes and rules).
 */
final class TextTables {

  /** A piece of a paragraph: text ({@code rows == null}) or a table's rows. */
  record Segment(String text, List<List<String>> rows) {
    boolean isTable() {
      return rows != null;
    }
  }

  /** A ruling line: dashes, equals signs or underscores, with the corners and colons of borders. */
  private static final Pattern RULE = Pattern.compile("^\\s*[-=_:+| ]*[-=_]{3,}[-=_:+| ]*$");
  /** Two or more spaces between words: a gap that may be a column boundary. */
  private static final Pattern INNER_GAP = Pattern.compile("\\S {2,}\\S");
  private static final int TAB_WIDTH = 8;
  /** The narrowest column boundary: one blank is only a space between words. */
  private static final int MIN_GAP = 2;

  private TextTables() {}

  static List<Segment> split(String raw) {
    String[] lines = raw.replace('\u00a0', ' ').replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    List<Segment> segments = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < lines.length) {
      int end = pipeRun(lines, i);
      List<List<String>> rows = null;
      if (end > i) {
        rows = pipeRows(lines, i, end);
      } else if ((end = tabRun(lines, i)) > i) {
        rows = tabRows(lines, i, end);
      } else if ((end = gapRun(lines, i)) > i) {
        rows = fixedWidthRows(lines, i, end);
      }
      if (rows == null || rows.size() < 2) {
        text.append(lines[i]).append('\n');
        i++;
        continue;
      }
      if (text.length() > 0) {
        segments.add(new Segment(text.toString(), null));
        text.setLength(0);
      }
      segments.add(new Segment(null, joinContinuations(rows)));
      i = end;
    }
    if (text.length() > 0) {
      segments.add(new Segment(text.toString(), null));
    }
    return segments;
  }

  /** True when {@code line} could be one row of a table written as text (pipes, tabs, column gaps or a rule). */
  static boolean mayBeRow(String line) {
    return isPipeLine(line) || isRule(line) || isTabLine(line) || hasGap(expandTabs(line));
  }

  private static boolean isRule(String line) {
    return RULE.matcher(line).matches();
  }

  private static boolean isPipeLine(String line) {
    return !isRule(line) && line.chars().filter(c -> c == '|').count() >= 2;
  }

  /** End (exclusive) of the pipe table starting at {@code start}: rules and pipe lines, two of the latter at least. */
  private static int pipeRun(String[] lines, int start) {
    int end = start;
    int pipeLines = 0;
    while (end < lines.length && (isPipeLine(lines[end]) || isRule(lines[end]) && (pipeLines > 0 || end == start))) {
      pipeLines += isPipeLine(lines[end]) ? 1 : 0;
      end++;
    }
    return pipeLines >= 2 ? end : start;
  }

  private static List<List<String>> pipeRows(String[] lines, int start, int end) {
    List<List<String>> rows = new ArrayList<>();
    for (int i = start; i < end; i++) {
      if (!isPipeLine(lines[i])) {
        continue;
      }
      String line = lines[i].strip();
      if (line.startsWith("|")) {
        line = line.substring(1);
      }
      if (line.endsWith("|")) {
        line = line.substring(0, line.length() - 1);
      }
      List<String> cells = new ArrayList<>();
      for (String cell : line.split("\\|", -1)) {
        cells.add(cell.strip());
      }
      rows.add(cells);
    }
    return rows;
  }

  private static boolean isTabLine(String line) {
    return trimSpaces(line).contains("\t");
  }

  /** The line without its outer spaces; a leading tab is an empty first cell, so it stays. */
  private static String trimSpaces(String line) {
    return line.replaceAll("^ +| +$", "");
  }

  private static int tabRun(String[] lines, int start) {
    int end = start;
    while (end < lines.length && isTabLine(lines[end])) {
      end++;
    }
    return end - start >= 2 ? end : start;
  }

  /** Cells between tabs; a run of tabs that only aligns text is one boundary unless every line has as many tabs. */
  private static List<List<String>> tabRows(String[] lines, int start, int end) {
    long tabs = trimSpaces(lines[start]).chars().filter(c -> c == '\t').count();
    boolean sameCount = true;
    for (int i = start; i < end; i++) {
      sameCount &= trimSpaces(lines[i]).chars().filter(c -> c == '\t').count() == tabs;
    }
    List<List<String>> rows = new ArrayList<>();
    for (int i = start; i < end; i++) {
      List<String> cells = new ArrayList<>();
      String line = trimSpaces(lines[i]);
      for (String cell : (sameCount ? line : line.strip()).split(sameCount ? "\t" : "\t+", -1)) {
        cells.add(cell.strip());
      }
      rows.add(cells);
    }
    return rows;
  }

  private static boolean hasGap(String line) {
    return INNER_GAP.matcher(line).find();
  }

  private static boolean isIndented(String line) {
    return line.startsWith("  ") && !line.isBlank();
  }

  /**
   * End of a fixed-width block: lines with an inner gap, segmented rules and indented
   * continuation lines between them; two gap lines at least.
   */
  private static int gapRun(String[] lines, int start) {
    if (!hasGap(expandTabs(lines[start]))) {
      return start;
    }
    int end = start;
    int gapLines = 0;
    int lastGap = start;
    while (end < lines.length) {
      String line = expandTabs(lines[end]);
      if (hasGap(line)) {
        gapLines++;
        lastGap = end + 1;
      } else if (!isIndented(line) && !isRule(line)) {
        break;
      }
      end++;
    }
    return gapLines >= 2 ? lastGap : start;
  }

  /**
   * Rows split at the blank columns shared by every line ({@link WordColumns}, the reader PDF
   * tables go through, with characters for points); null when fewer than two columns line up.
   */
  private static List<List<String>> fixedWidthRows(String[] lines, int start, int end) {
    List<WordColumns.Line> body = new ArrayList<>();
    for (int i = start; i < end; i++) {
      String line = expandTabs(lines[i]);
      if (!isRule(line) && !line.isBlank()) {
        body.add(positioned(line, body.size()));
      }
    }
    return WordColumns.columns(body, MIN_GAP);
  }

  /** A line's words at their character columns, as lines one unit apart. */
  private static WordColumns.Line positioned(String line, int index) {
    List<WordColumns.Word> words = new ArrayList<>();
    int p = 0;
    while (p < line.length()) {
      if (line.charAt(p) == ' ') {
        p++;
        continue;
      }
      int wordEnd = line.indexOf(' ', p);
      wordEnd = wordEnd < 0 ? line.length() : wordEnd;
      words.add(new WordColumns.Word(p, wordEnd, line.substring(p, wordEnd)));
      p = wordEnd;
    }
    return new WordColumns.Line(words, index, 1, false);
  }

  /**
   * A line that leaves both its first and its last cell empty carries the overflow of cells
   * wrapped in the row above: its pieces are appended to that row's cells.
   */
  private static List<List<String>> joinContinuations(List<List<String>> rows) {
    List<List<String>> joined = new ArrayList<>();
    for (List<String> row : rows) {
      List<String> previous = joined.isEmpty() ? null : joined.get(joined.size() - 1);
      boolean continuation = previous != null && row.size() > 1 && row.get(0).isEmpty()
          && row.get(row.size() - 1).isEmpty() && row.stream().anyMatch(c -> !c.isEmpty());
      if (!continuation) {
        joined.add(new ArrayList<>(row));
        continue;
      }
      appendPieces(previous, row);
    }
    return joined;
  }

  /**
   * Appends a wrapped line's pieces to the cells of the row above, each on a line of its own as
   * the page shows it: whether a piece goes on a word or a code cut by the cell's width is for the
   * reader of the cell to say.
   */
  static void appendPieces(List<String> above, List<String> pieces) {
    for (int c = 0; c < pieces.size() && c < above.size(); c++) {
      String piece = pieces.get(c);
      if (!piece.isEmpty()) {
        String cell = above.get(c);
        above.set(c, cell.isEmpty() ? piece : cell + "\n" + piece);
      }
    }
  }

  private static String expandTabs(String line) {
    if (line.indexOf('\t') < 0) {
      return line;
    }
    StringBuilder out = new StringBuilder(line.length() + 16);
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\t') {
        do {
          out.append(' ');
        } while (out.length() % TAB_WIDTH != 0);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
