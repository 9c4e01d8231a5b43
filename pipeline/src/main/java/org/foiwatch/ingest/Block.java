package org.foiwatch.ingest;

import java.util.List;

/**
 * One unit of document structure: a paragraph (one cell, {@code table == -1}) or one row of a
 * table (its cells in order). Tables are numbered per document; {@code sheet} names the
 * spreadsheet sheet a row came from. {@code quoted} marks text inside an e-mail blockquote.
 */
public record Block(int page, String sheet, int table, List<String> cells, boolean quoted) {

  public static Block paragraph(int page, String text, boolean quoted) {
    return new Block(page, null, -1, List.of(text), quoted);
  }

  public static Block row(int page, String sheet, int table, List<String> cells) {
    return new Block(page, sheet, table, List.copyOf(cells), false);
  }

  public boolean isRow() {
    return table >= 0;
  }

  /** The block as one line of text: a paragraph's text, or a row's cells separated by tabs. */
  public String text() {
    return isRow() ? String.join("\t", cells) : cells.get(0);
  }
}
