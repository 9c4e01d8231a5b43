package org.foiwatch.extract;

import java.util.ArrayList;
import java.util.List;
import org.foiwatch.ingest.Block;

/**
 * A document's blocks laid out as one text (one block per line, cells tab-separated), so that
 * every mention has character offsets and a page that can be checked against the source.
 */
public final class DocumentText {

  private final List<Block> blocks;
  private final int[] offsets;
  private final String text;

  public DocumentText(List<Block> blocks) {
    this.blocks = blocks;
    this.offsets = new int[blocks.size()];
    StringBuilder builder = new StringBuilder();
    for (int i = 0; i < blocks.size(); i++) {
      offsets[i] = builder.length();
      builder.append(blocks.get(i).text()).append('\n');
    }
    this.text = builder.toString();
  }

  public String text() {
    return text;
  }

  public List<Block> blocks() {
    return blocks;
  }

  /** Offset of block {@code index}'s first character. */
  public int offset(int index) {
    return offsets[index];
  }

  /** Offset of cell {@code cell} of block {@code index}. */
  public int cellOffset(int index, int cell) {
    int offset = offsets[index];
    List<String> cells = blocks.get(index).cells();
    for (int i = 0; i < cell; i++) {
      offset += cells.get(i).length() + 1;
    }
    return offset;
  }

  /** Plain text around [start, end): the line it stands on, cut to about 240 characters. */
  public String snippet(int start, int end) {
    // Only the 120 characters on each side are searched for the line's ends: a line may be megabytes long.
    int from = start - 120;
    for (int i = Math.max(start - 1, 0); i >= Math.max(0, start - 121); i--) {
      if (text.charAt(i) == '\n') {
        from = i + 1;
        break;
      }
    }
    int to = Math.min(text.length(), end + 120);
    for (int i = end; i < to; i++) {
      if (text.charAt(i) == '\n') {
        to = i;
        break;
      }
    }
    return text.substring(Math.max(0, from), Math.max(to, from)).replace('\t', ' ').strip();
  }

  /** Blocks as separate lists per table, in document order (for table extraction). */
  public List<List<Integer>> tables() {
    List<List<Integer>> tables = new ArrayList<>();
    int current = -2;
    for (int i = 0; i < blocks.size(); i++) {
      Block block = blocks.get(i);
      if (!block.isRow()) {
        continue;
      }
      if (block.table() != current) {
        tables.add(new ArrayList<>());
        current = block.table();
      }
      tables.get(tables.size() - 1).add(i);
    }
    return tables;
  }
}
