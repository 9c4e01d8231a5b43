package org.foiwatch.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a sentence of running text into the units a count may not leave: list items (a line
 * opening with a bullet, a dash, "1." / "(a)" / "ii)" or a "Q1" / "A1:" label) and items of a
 * list separated by semicolons. A line that wraps an item without a marker stays in it.
 */
final class Units {

  /** A list item's marker at the start of a line, followed by a space. */
  private static final Pattern ITEM_MARKER = Pattern.compile(
      "[ \\t]*(?:[-*•·‣▪◦–—]|\\(?\\d{1,3}[.)]|\\(?[a-z][.)]|\\(?[ivx]{1,4}[.)]|[QA]\\d{1,2}\\s*[:.)]?)[ \\t]+");

  private Units() {}

  /** [start, end) of each unit of {@code text}'s stretch [start, end), in order; an item's marker is left out. */
  static List<int[]> split(String text, int start, int end) {
    List<int[]> units = new ArrayList<>();
    Matcher marker = ITEM_MARKER.matcher(text);
    int unitStart = afterMarker(marker, start, end);
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      boolean itemStarts = c == '\n' && i + 1 < end && marker.region(i + 1, end).lookingAt();
      if (itemStarts || c == ';') {
        add(units, unitStart, c == ';' ? i + 1 : i);
        unitStart = itemStarts ? marker.end() : i + 1;
      }
    }
    add(units, unitStart, end);
    return units;
  }

  /** True when {@code line} opens a list item. */
  static boolean opensItem(String line) {
    return ITEM_MARKER.matcher(line).lookingAt();
  }

  private static int afterMarker(Matcher marker, int start, int end) {
    return start < end && marker.region(start, end).lookingAt() ? marker.end() : start;
  }

  private static void add(List<int[]> units, int start, int end) {
    if (end > start) {
      units.add(new int[] {start, end});
    }
  }
}
