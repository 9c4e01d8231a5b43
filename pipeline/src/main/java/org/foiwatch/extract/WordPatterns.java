package org.foiwatch.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Several {@link WordPattern}s searched in one pass: the openings of all of them in one automaton,
 * each pattern tried where one of its own openings stands, until each is found or the text ends.
 */
final class WordPatterns {

  private final List<WordPattern> patterns;
  /** The openings of every pattern that has them. */
  private final Keywords openings;
  /** Per opening (by its number in {@link #openings}), the patterns it opens. */
  private final int[][] opened;

  WordPatterns(List<WordPattern> patterns) {
    this.patterns = List.copyOf(patterns);
    List<String> all = new ArrayList<>();
    patterns.stream().filter(p -> p.openings() != null).forEach(p -> all.addAll(p.openings()));
    this.openings = new Keywords(all, Keywords.Case.ASCII_INSENSITIVE);
    Map<String, List<Integer>> patternsByOpening = new HashMap<>();
    for (int p = 0; p < patterns.size(); p++) {
      if (patterns.get(p).openings() != null) {
        for (String opening : patterns.get(p).openings()) {
          List<Integer> opens = patternsByOpening.computeIfAbsent(
              Keywords.fold(opening, Keywords.Case.ASCII_INSENSITIVE), o -> new ArrayList<>());
          if (!opens.contains(p)) {
            opens.add(p);
          }
        }
      }
    }
    this.opened = openings.keywords().stream()
        .map(opening -> patternsByOpening.get(opening).stream().mapToInt(Integer::intValue).toArray())
        .toArray(int[][]::new);
  }

  /** For each pattern, in order, whether {@code find(text)} is true. */
  boolean[] find(String text) {
    boolean[] found = new boolean[patterns.size()];
    int[] left = {0};
    for (int p = 0; p < found.length; p++) {
      if (patterns.get(p).openings() == null) {
        found[p] = patterns.get(p).find(text);
      } else {
        left[0]++;
      }
    }
    if (left[0] == 0) {
      return found;
    }
    Matcher[] matchers = new Matcher[found.length];
    openings.anyMatch(text, 0, text.length(), (start, opening) -> {
      for (int p : opened[opening]) {
        if (!found[p] && patterns.get(p).matchesAt(text, start, matchers, p)) {
          found[p] = true;
          left[0]--;
        }
      }
      return left[0] == 0;
    });
    return found;
  }
}
