package org.foiwatch.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The header lexicon ({@code table-headers.json}): which equipment column a table's header cell
 * names, matched on its words rather than on the whole cell, so "Camera make", "Type / model"
 * or "How many" read as the make, model and count columns they are.
 */
public final class TableHeaders {

  /** The columns the table reader uses; {@code NONE} marks a header that is no equipment column. */
  public enum Column { VENDOR, MODEL, QUANTITY, TYPE, LOCATION, NONE }

  private static final String RESOURCE = "/org/foiwatch/normalise/table-headers.json";
  private static final TableHeaders STANDARD = load();

  private record Phrase(Column column, String[] words, boolean opens, boolean whole) {}

  private final List<Phrase> phrases;

  private TableHeaders(List<Phrase> phrases) {
    this.phrases = phrases;
  }

  public static TableHeaders standard() {
    return STANDARD;
  }

  /** The column a header cell names, or null when it names none the reader uses. */
  public Column classify(String cell) {
    Column column = named(cell);
    return column == Column.NONE ? null : column;
  }

  /** True when the lexicon knows {@code cell} as a header, of an equipment column or of none ("Serial", "Date"). */
  public boolean knows(String cell) {
    return named(cell) != null;
  }

  private Column named(String cell) {
    String[] words = words(cell);
    if (words.length == 0) {
      return null;
    }
    for (Phrase phrase : phrases) {
      if (matches(phrase, words)) {
        return phrase.column();
      }
    }
    return null;
  }

  private static boolean matches(Phrase phrase, String[] words) {
    String[] wanted = phrase.words();
    if (phrase.whole()) {
      return Arrays.equals(wanted, words);
    }
    int lastStart = phrase.opens() ? 0 : words.length - wanted.length;
    for (int start = 0; start <= lastStart; start++) {
      if (Arrays.equals(words, start, start + wanted.length, wanted, 0, wanted.length)) {
        return true;
      }
    }
    return false;
  }

  /** Lower-case words of a cell; '#' counts as a word ("#", "# of units"). */
  static String[] words(String text) {
    String spaced = text.toLowerCase(Locale.ROOT).replace("#", " # ").replaceAll("[^\\p{L}\\p{N}#]+", " ").strip();
    return spaced.isEmpty() ? new String[0] : spaced.split(" ");
  }

  private static TableHeaders load() {
    List<Phrase> phrases = new ArrayList<>();
    for (JsonNode group : ReferenceData.json(RESOURCE).get("columns")) {
      Column column = Column.valueOf(group.get("column").asText());
      for (JsonNode node : group.get("phrases")) {
        String phrase = node.asText();
        boolean opens = phrase.startsWith("^");
        boolean whole = phrase.startsWith("=");
        phrases.add(new Phrase(column, words(opens || whole ? phrase.substring(1) : phrase), opens, whole));
      }
    }
    return new TableHeaders(List.copyOf(phrases));
  }
}
