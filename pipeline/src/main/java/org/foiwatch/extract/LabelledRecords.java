package org.foiwatch.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.foiwatch.ingest.Block;
import org.foiwatch.ingest.ParsedDocument;
import org.foiwatch.normalise.TableHeaders;
import org.foiwatch.normalise.TableHeaders.Column;

/**
 * Records written as "label: value" (or "label ...... value") lines, one field per line, a table
 * turned on its side:
 *
 * <pre>
 * Make: Bosch
 * Model: NBE-3502-AL
 * Quantity: 9
 * </pre>
 *
 * A record ends where a label comes round again or the labelled lines stop. A record whose labels
 * the header lexicon reads as a count and a vendor or model becomes a header row and a table
 * row, for the table reader; records with the same labels share one table. Lines of a paragraph
 * outside such records stay a paragraph.
 */
final class LabelledRecords {

  /** "Label: value" or "Label ...... value" on one line; labels are short (a header's words, not a sentence). */
  private static final Pattern LABELLED = Pattern.compile(
      "^\\s*((?:[^:.…\\n]|\\.(?!\\.\\.)){2,40}?)\\s*(?::|\\.{3,}|…+)\\s*(\\S[^\\n]*?)\\s*$");

  private static final TableHeaders HEADERS = TableHeaders.standard();

  private LabelledRecords() {}

  static ParsedDocument rebuild(ParsedDocument document) {
    List<Block> blocks = document.blocks();
    int nextTable = blocks.stream().mapToInt(Block::table).max().orElse(-1) + 1;
    List<Block> out = new ArrayList<>(blocks.size());
    boolean changed = false;
    List<String> tableLabels = null;
    for (Block block : blocks) {
      List<List<String[]>> records = block.isRow() || block.quoted() || !mayHoldLabels(block.text()) ? List.of() : records(block.text());
      if (records.isEmpty()) {
        out.add(block);
        tableLabels = null;
        continue;
      }
      changed = true;
      String[] lines = block.text().split("\n", -1);
      int line = 0;
      StringBuilder paragraph = new StringBuilder();
      for (List<String[]> record : records) {
        int first = lineOf(lines, line, record.get(0));
        for (; line < first; line++) {
          paragraph.append(paragraph.length() > 0 ? "\n" : "").append(lines[line]);
        }
        if (paragraph.length() > 0) {
          out.add(Block.paragraph(block.page(), paragraph.toString(), false));
          paragraph.setLength(0);
          tableLabels = null;
        }
        List<String> labels = record.stream().map(field -> field[0]).toList();
        if (!labels.equals(tableLabels)) {
          tableLabels = labels;
          nextTable++;
          out.add(Block.row(block.page(), null, nextTable - 1, labels));
        }
        out.add(Block.row(block.page(), null, nextTable - 1, record.stream().map(field -> field[1]).toList()));
        line = first + record.size();
      }
      for (; line < lines.length; line++) {
        paragraph.append(paragraph.length() > 0 ? "\n" : "").append(lines[line]);
      }
      if (!paragraph.toString().isBlank()) {
        out.add(Block.paragraph(block.page(), paragraph.toString(), false));
        tableLabels = null;
      }
    }
    return changed ? document.withBlocks(out) : document;
  }

  /** False when no line of {@code text} can be labelled: no colon, no dot leaders. */
  private static boolean mayHoldLabels(String text) {
    return text.indexOf(':') >= 0 || text.contains("...") || text.indexOf('…') >= 0;
  }

  /** The records of equipment in {@code text}, each its {label, value} fields in line order. */
  private static List<List<String[]>> records(String text) {
    List<List<String[]>> records = new ArrayList<>();
    List<String[]> record = new ArrayList<>();
    Set<String> labels = new HashSet<>();
    for (String line : text.split("\n", -1)) {
      Matcher labelled = LABELLED.matcher(line);
      boolean fits = labelled.matches();
      if (!fits || labels.contains(labelled.group(1).toLowerCase(Locale.ROOT))) {
        keepIfEquipment(records, record);
        record = new ArrayList<>();
        labels.clear();
      }
      if (fits) {
        record.add(new String[] {labelled.group(1), labelled.group(2)});
        labels.add(labelled.group(1).toLowerCase(Locale.ROOT));
      }
    }
    keepIfEquipment(records, record);
    return records;
  }

  /**
   * Adds the part of {@code record} from its first to its last field the lexicon names a column
   * ("Ref:" and "Date:" lines above a record stay text), when those name a count and a vendor or model.
   */
  private static void keepIfEquipment(List<List<String[]>> records, List<String[]> fields) {
    int first = 0;
    int last = fields.size() - 1;
    while (first <= last && !namesAColumn(fields.get(first)[0])) {
      first++;
    }
    while (last >= first && !namesAColumn(fields.get(last)[0])) {
      last--;
    }
    List<String[]> record = fields.subList(first, last + 1);
    if (record.size() < 2) {
      return;
    }
    int[] columns = TableExtractor.headerColumns(record.stream().map(field -> field[0]).toList());
    if (columns != null && columns[Column.QUANTITY.ordinal()] >= 0) {
      records.add(record);
    }
  }

  private static boolean namesAColumn(String label) {
    return HEADERS.classify(label) != null;
  }

  /** The first line at or after {@code from} that holds {@code field}. */
  private static int lineOf(String[] lines, int from, String[] field) {
    for (int i = from; i < lines.length; i++) {
      Matcher labelled = LABELLED.matcher(lines[i]);
      if (labelled.matches() && labelled.group(1).equals(field[0]) && labelled.group(2).equals(field[1])) {
        return i;
      }
    }
    throw new IllegalStateException("a record's line is not in its paragraph");
  }
}
