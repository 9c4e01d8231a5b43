package org.foiwatch.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a sentence of running text into the units a count may not leave: list items (a line
 * opening with a bullet, a dash, "1." / "(a)" / "ii)" or a "Q1" / "A1:" label) and items of a
 * list separated by semicolons. A line that wraps an item without a marker stays in it. Numbers
 * opening the items are list numbering when they rise ("1)", "2)", "4)") or start again ("1)",
 * "2)"), and the items' counts otherwise ("(14) ...", "(2) ...", "(37) ..."), so those stay in their units.
 */
final class Units {

  /** A list item's marker at the start of a line, followed by a space. */
  private static final Pattern ITEM_MARKER = Pattern.compile(
      "[ \\t]*(?:[-*•·‣▪◦–—]|\\(?(?<number>\\d{1,3})[.)]|\\(?[a-z][.)]|\\(?[ivx]{1,4}[.)]|[QA]\\d{1,2}\\s*[:.)]?)[ \\t]+");

  private Units() {}

  /**
   * [start, end) of each unit of {@code text}'s stretch [start, end), in order; an item's marker
   * is left out, but not its count when {@code numbersAreCounts} (see {@link #numbersAreCounts}).
   */
  static List<int[]> split(String text, int start, int end, boolean numbersAreCounts) {
    List<int[]> units = new ArrayList<>();
    Matcher marker = ITEM_MARKER.matcher(text);
    int unitStart = afterMarker(marker, start, end, numbersAreCounts);
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      boolean itemStarts = c == '\n' && i + 1 < end && marker.region(i + 1, end).lookingAt();
      if (itemStarts || c == ';') {
        add(units, unitStart, c == ';' ? i + 1 : i);
        unitStart = itemStarts ? unitStart(marker, i + 1, numbersAreCounts) : i + 1;
      }
    }
    add(units, unitStart, end);
    return units;
  }

  /**
   * True when {@code text} has items opening with numbers that do not rise from one item to the
   * next ("(14)", "(2)", "(37)"): numbering rises, even with gaps, and a new list starts again
   * with 1 and 2, so these are the items' counts.
   */
  static boolean numbersAreCounts(String text) {
    List<Integer> numbers = new ArrayList<>();
    Matcher marker = ITEM_MARKER.matcher(text);
    for (int lineStart = 0; lineStart >= 0; lineStart = nextLine(text, lineStart)) {
      if (marker.region(lineStart, text.length()).lookingAt() && marker.group("number") != null) {
        numbers.add(Integer.parseInt(marker.group("number")));
      }
    }
    for (int i = 1; i < numbers.size(); i++) {
      boolean restarts = numbers.get(i) == 1 && (i + 1 == numbers.size() || numbers.get(i + 1) == 2);
      if (numbers.get(i) <= numbers.get(i - 1) && !restarts) {
        return true;
      }
    }
    return false;
  }

  /** Where the line after the one starting at {@code lineStart} starts, or -1 at the last line. */
  private static int nextLine(String text, int lineStart) {
    int newline = text.indexOf('\n', lineStart);
    return newline < 0 ? -1 : newline + 1;
  }

  /** True when {@code line} opens a list item. */
  static boolean opensItem(String line) {
    return ITEM_MARKER.matcher(line).lookingAt();
  }

  private static int afterMarker(Matcher marker, int start, int end, boolean numbersAreCounts) {
    return start < end && marker.region(start, end).lookingAt() ? unitStart(marker, start, numbersAreCounts) : start;
  }

  /** Where the unit of an item whose marker {@code marker} just matched at {@code lineStart} begins. */
  private static int unitStart(Matcher marker, int lineStart, boolean numbersAreCounts) {
    return numbersAreCounts && marker.group("number") != null ? lineStart : marker.end();
  }

  private static void add(List<int[]> units, int start, int end) {
    if (end > start) {
      units.add(new int[] {start, end});
    }
  }
}
