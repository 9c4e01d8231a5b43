package org.foiwatch.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Tables read from lines of positioned words (stream mode, as tabula and Camelot read a page):
 * a column boundary is an x range at least {@code minGap} wide that no word of the table's lines
 * covers, with words on both sides in at least half of the lines that have such a gap (and two
 * of them). A table is a run of such lines; lines packed tightly below a row (a cell wrapped over
 * several lines) belong to it. Cells are the words between boundaries; a wrapped line's pieces
 * are joined to the row above.
 */
final class WordColumns {

  /** A word and the x extent of its glyphs. */
  record Word(float start, float end, String text) {}

  /**
   * One line of words, left to right.
   *
   * @param top the line's position down the page
   * @param fontSize the size of its first glyph, in the units of {@code top}
   * @param paragraphStart the text extractor started a paragraph with this line
   */
  record Line(List<Word> words, float top, float fontSize, boolean paragraphStart) {
    String text() {
      StringBuilder text = new StringBuilder();
      for (Word word : words) {
        text.append(text.length() == 0 ? "" : " ").append(word.text());
      }
      return text.toString();
    }
  }

  /** Consecutive lines of text ({@code rows == null}) or a table's rows of cells. */
  record Segment(List<Line> lines, List<List<String>> rows) {
    boolean isTable() {
      return rows != null;
    }
  }

  /** A line follows the one above with no more space than this many of its font sizes: the same cell or paragraph. */
  private static final float TIGHT_LINES = 1.45f;
  /** The most lines read as one table: more than pages hold, so a hostile page costs no more than that per line. */
  private static final int MAX_RUN_LINES = 500;

  private WordColumns() {}

  static List<Segment> read(List<Line> lines, float minGap) {
    List<Segment> segments = new ArrayList<>();
    List<Line> text = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      int end = run(lines, i, minGap);
      if (end == i) {
        text.add(lines.get(i++));
        continue;
      }
      List<Line> run = lines.subList(i, end);
      List<List<String>> rows = rows(run, minGap);
      if (rows == null || rows.size() < 2) {
        text.addAll(run);
      } else {
        if (!text.isEmpty()) {
          segments.add(new Segment(List.copyOf(text), null));
          text.clear();
        }
        segments.add(new Segment(List.copyOf(run), rows));
      }
      i = end;
    }
    if (!text.isEmpty()) {
      segments.add(new Segment(List.copyOf(text), null));
    }
    return segments;
  }

  /** The widest blank between two words of the line is at least {@code minGap}. */
  static boolean hasGap(Line line, float minGap) {
    List<Word> words = line.words();
    for (int w = 1; w < words.size(); w++) {
      if (words.get(w).start() - words.get(w - 1).end() >= minGap) {
        return true;
      }
    }
    return false;
  }

  private static boolean tight(Line above, Line line) {
    return line.top() - above.top() <= TIGHT_LINES * Math.max(above.fontSize(), line.fontSize());
  }

  /**
   * End (exclusive) of the table starting at {@code start}: lines with a gap, and lines packed
   * tightly below one (wrapped cells); a trailing wrapped line must leave the first column empty.
   * Two gap lines at least, else {@code start}.
   */
  private static int run(List<Line> lines, int start, float minGap) {
    if (!hasGap(lines.get(start), minGap)) {
      return start;
    }
    float left = lines.get(start).words().get(0).start();
    int end = start;
    int last = start;
    while (end < lines.size() && end - start < MAX_RUN_LINES) {
      Line line = lines.get(end);
      if (hasGap(line, minGap)) {
        last = end + 1;
        left = Math.min(left, line.words().get(0).start());
      } else if (end == start || !tight(lines.get(end - 1), line)) {
        break;
      } else if (line.words().get(0).start() >= left + minGap) {
        last = end + 1;
      }
      end++;
    }
    last = beforeSpaceApart(lines, start, last);
    int tableLines = 0;
    for (int l = start; l < last; l++) {
      tableLines += hasGap(lines.get(l), minGap) ? 1 : 0;
    }
    return tableLines >= 2 ? last : start;
  }

  /**
   * End of the lines from {@code start} before the first space more than twice their usual
   * spacing: two blocks set apart on the page (a letterhead above a reference block) are two
   * tables, or none, and not one.
   */
  private static int beforeSpaceApart(List<Line> lines, int start, int end) {
    if (end - start < 3) {
      return end;
    }
    float[] spacing = new float[end - start - 1];
    for (int l = start + 1; l < end; l++) {
      spacing[l - start - 1] = lines.get(l).top() - lines.get(l - 1).top();
    }
    float[] sorted = spacing.clone();
    java.util.Arrays.sort(sorted);
    float usual = sorted[sorted.length / 2];
    for (int k = 0; k < spacing.length; k++) {
      if (spacing[k] > 2 * usual) {
        return start + k + 1;
      }
    }
    return end;
  }

  /** Each line's cells between the boundaries its lines share; null when no boundary is crossed by enough lines. */
  static List<List<String>> columns(List<Line> lines, float minGap) {
    List<float[]> boundaries = lines.isEmpty() ? List.of() : boundaries(lines, minGap);
    return boundaries.isEmpty() ? null : lines.stream().map(line -> cells(line, boundaries)).toList();
  }

  /** The run's rows, wrapped lines joined; null when no boundary is crossed by enough lines. */
  private static List<List<String>> rows(List<Line> run, float minGap) {
    List<float[]> boundaries = boundaries(run, minGap);
    if (boundaries.isEmpty()) {
      return null;
    }
    int apart = 0;
    for (int l = 1; l < run.size(); l++) {
      apart += tight(run.get(l - 1), run.get(l)) ? 0 : 1;
    }
    // Rows set apart by more space than the lines of a cell (a fifth of the spacings at least,
    // not one wider gap under a header): the spacing tells a wrapped line. Rows spaced as lines:
    // a wrapped line fills only some columns.
    boolean spacingTells = apart >= 2 && apart * 5 >= run.size() - 1 && apart < run.size() - 1;
    List<List<String>> rows = new ArrayList<>();
    for (int l = 0; l < run.size(); l++) {
      List<String> cells = cells(run.get(l), boundaries);
      List<String> previous = rows.isEmpty() ? null : rows.get(rows.size() - 1);
      boolean continuation = previous != null && tight(run.get(l - 1), run.get(l))
          && (spacingTells || fillsFewColumns(cells));
      if (continuation) {
        TextTables.appendPieces(previous, cells);
      } else {
        rows.add(cells);
      }
    }
    return rows;
  }

  /**
   * A wrapped line: it leaves the first and last columns empty, or fills at most half of them
   * with the first or the last among the empty ones (a total row fills both ends).
   */
  private static boolean fillsFewColumns(List<String> cells) {
    long filled = cells.stream().filter(c -> !c.isEmpty()).count();
    boolean firstEmpty = cells.get(0).isEmpty();
    boolean lastEmpty = cells.get(cells.size() - 1).isEmpty();
    return firstEmpty && lastEmpty || filled * 2 <= cells.size() && (firstEmpty || lastEmpty);
  }

  /** Blank x ranges at least {@code minGap} wide that no word covers, crossed by most gap lines. */
  private static List<float[]> boundaries(List<Line> run, float minGap) {
    List<Word> words = new ArrayList<>();
    run.forEach(line -> words.addAll(line.words()));
    words.sort((a, b) -> Float.compare(a.start(), b.start()));
    List<float[]> gaps = new ArrayList<>();
    float covered = words.get(0).end();
    for (Word word : words) {
      if (word.start() - covered >= minGap) {
        gaps.add(new float[] {covered, word.start()});
      }
      covered = Math.max(covered, word.end());
    }
    int gapLines = (int) run.stream().filter(line -> hasGap(line, minGap)).count();
    List<float[]> boundaries = new ArrayList<>();
    for (float[] gap : gaps) {
      int crossing = 0;
      for (Line line : run) {
        List<Word> lineWords = line.words();
        if (lineWords.get(0).end() <= gap[0] && lineWords.get(lineWords.size() - 1).start() >= gap[1]) {
          crossing++;
        }
      }
      if (crossing >= 2 && crossing * 2 >= gapLines) {
        boundaries.add(gap);
      }
    }
    return boundaries;
  }

  private static List<String> cells(Line line, List<float[]> boundaries) {
    List<StringBuilder> cells = new ArrayList<>();
    for (int c = 0; c <= boundaries.size(); c++) {
      cells.add(new StringBuilder());
    }
    for (Word word : line.words()) {
      int column = 0;
      while (column < boundaries.size() && boundaries.get(column)[1] <= word.start()) {
        column++;
      }
      StringBuilder cell = cells.get(column);
      cell.append(cell.length() == 0 ? "" : " ").append(word.text());
    }
    List<String> texts = new ArrayList<>();
    cells.forEach(cell -> texts.add(cell.toString()));
    return texts;
  }
}
