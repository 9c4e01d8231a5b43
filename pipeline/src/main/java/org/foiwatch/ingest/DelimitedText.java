package org.foiwatch.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A .csv or .tsv file that Tika detects from its content as plain text arrives as lines; this
 * turns them into table rows (RFC 4180 quoting; comma, semicolon or tab, whichever one of the
 * first lines holds most of) so the table reader sees its columns. A file named .csv whose content is
 * something else (a PDF, a spreadsheet) is untouched: only plain text is split.
 */
final class DelimitedText {

  private DelimitedText() {}

  static boolean applies(String name, String mediaType) {
    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
    boolean delimitedName = lower.endsWith(".csv") || lower.endsWith(".tsv");
    return delimitedName && ("text/plain".equals(mediaType) || "text/csv".equals(mediaType)
        || "text/tab-separated-values".equals(mediaType));
  }

  /** The rows of the text held by {@code blocks}; the blocks unchanged if it does not parse. */
  static List<Block> rows(List<Block> blocks) {
    StringBuilder text = new StringBuilder();
    for (Block block : blocks) {
      text.append(block.text()).append('\n');
    }
    CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter(text)).setIgnoreEmptyLines(true).build();
    List<Block> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text.toString()), format)) {
      for (CSVRecord record : parser) {
        List<String> cells = new ArrayList<>(record.size());
        record.forEach(cell -> cells.add(cell.strip()));
        if (cells.stream().anyMatch(cell -> !cell.isEmpty())) {
          rows.add(Block.row(1, null, 0, cells));
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      // Unbalanced quotes and the like: keep the lines as text rather than lose them.
      return blocks;
    }
    return rows;
  }

  /** Lines read to choose the delimiter: a title row or two may stand above the header. */
  private static final int DELIMITER_LINES = 10;

  /**
   * Comma, semicolon or tab: whichever one of the first lines holds most of. A title row above
   * the header ("Council - CCTV cameras in service") has few or none, so it does not decide.
   */
  private static char delimiter(CharSequence text) {
    char best = ',';
    long bestCount = 0;
    String[] lines = text.toString().split("\n", DELIMITER_LINES + 1);
    for (int l = 0; l < Math.min(lines.length, DELIMITER_LINES); l++) {
      for (char candidate : new char[] {',', ';', '\t'}) {
        long count = lines[l].chars().filter(c -> c == candidate).count();
        if (count > bestCount) {
          best = candidate;
          bestCount = count;
        }
      }
    }
    return best;
  }
}
