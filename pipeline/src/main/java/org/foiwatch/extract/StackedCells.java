package org.foiwatch.extract;

import java.util.ArrayList;
import java.util.List;
import org.foiwatch.ingest.Block;
import org.foiwatch.ingest.ParsedDocument;
import org.foiwatch.normalise.TableHeaders.Column;

/**
 * A table whose cells arrive one per paragraph, row after row (RTF tables as Tika reads them,
 * tables pasted from a web page): a run of short one-line paragraphs that opens with a header
 * row the lexicon recognises, with a count column, followed by rows of as many cells, each of
 * whose counts reads as one. Such a run becomes table rows for the table reader.
 */
final class StackedCells {

  /** The longest cell text of such a table; longer lines are running text. */
  private static final int MAX_CELL_CHARS = 80;
  private static final int MAX_COLUMNS = 8;
  /** How far into a run of short lines the header may start (a title line or two above it). */
  private static final int MAX_LINES_BEFORE_HEADER = 3;

  private StackedCells() {}

  static ParsedDocument rebuild(ParsedDocument document) {
    List<Block> blocks = document.blocks();
    int nextTable = blocks.stream().mapToInt(Block::table).max().orElse(-1) + 1;
    List<Block> out = new ArrayList<>(blocks.size());
    boolean changed = false;
    int i = 0;
    while (i < blocks.size()) {
      int runEnd = i;
      while (runEnd < blocks.size() && isCellLike(blocks.get(runEnd), blocks.get(i))) {
        runEnd++;
      }
      int[] table = runEnd - i >= 4 ? findTable(blocks, i, runEnd) : null;
      if (table == null) {
        out.add(blocks.get(i));
        i++;
        continue;
      }
      int start = table[0];
      int width = table[1];
      int rows = table[2];
      out.addAll(blocks.subList(i, start));
      for (int r = 0; r <= rows; r++) {
        List<String> cells = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
          cells.add(blocks.get(start + r * width + c).text());
        }
        out.add(Block.row(blocks.get(start).page(), null, nextTable, cells));
      }
      nextTable++;
      changed = true;
      i = start + (rows + 1) * width;
    }
    return changed ? document.withBlocks(out) : document;
  }

  private static boolean isCellLike(Block block, Block first) {
    return !block.isRow() && !block.quoted() && block.page() == first.page()
        && block.text().indexOf('\n') < 0 && block.text().length() <= MAX_CELL_CHARS;
  }

  /** {start, width, rows} of the widest table found in the run [from, to), or null. */
  private static int[] findTable(List<Block> blocks, int from, int to) {
    int[] best = null;
    for (int start = from; start <= Math.min(from + MAX_LINES_BEFORE_HEADER, to - 2); start++) {
      for (int width = 2; width <= MAX_COLUMNS && start + 2 * width <= to; width++) {
        List<String> header = texts(blocks, start, start + width);
        if (!header.stream().allMatch(StackedCells::isHeaderCell)) {
          break;
        }
        int[] columns = TableExtractor.headerColumns(header);
        if (columns == null || columns[Column.QUANTITY.ordinal()] < 0) {
          continue;
        }
        int rows = 0;
        while (start + (rows + 2) * width <= to
            && countsRead(texts(blocks, start + (rows + 1) * width, start + (rows + 2) * width), columns)) {
          rows++;
        }
        if (rows > 0 && (best == null || rows * width > best[1] * best[2])) {
          best = new int[] {start, width, rows};
        }
      }
      if (best != null) {
        return best;
      }
    }
    return null;
  }

  /** A column's name: a few words without digits, not a sentence or a lead-in ending in ':' or '.'. */
  private static boolean isHeaderCell(String cell) {
    String text = cell.strip();
    return !text.isEmpty() && text.split("\\s+").length <= 5 && text.chars().noneMatch(Character::isDigit)
        && !text.endsWith(":") && !text.endsWith(".");
  }

  private static boolean countsRead(List<String> row, int[] columns) {
    String count = row.get(columns[Column.QUANTITY.ordinal()]);
    return QuantityParser.parseCell(count).isPresent() && TableExtractor.headerColumns(row) == null;
  }

  private static List<String> texts(List<Block> blocks, int from, int to) {
    return blocks.subList(from, to).stream().map(Block::text).toList();
  }
}
