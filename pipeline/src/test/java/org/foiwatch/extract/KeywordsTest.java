package org.foiwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** One automaton pass finds every keyword start that a search for each keyword at each position finds. */
class KeywordsTest {

  /** Keywords that share prefixes and suffixes, nest in each other, and hold non-ASCII letters. */
  private static final List<String> KEYWORDS = List.of("he", "she", "his", "hers", "Hik", "hikvision", "vision",
      "ab", "bab", "é", "Ärzte", "re-use", "ſ");
  private static final String ALPHABET = "hesirkvonabHSIKVÉéäÄrzt-ſ ";

  @Test
  void findsEveryStartThatANaiveSearchFinds() {
    Random random = new Random(20);
    int found = 0;
    for (Keywords.Case folding : Keywords.Case.values()) {
      Keywords keywords = new Keywords(KEYWORDS, folding);
      for (int t = 0; t < 2_000; t++) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(40); i > 0; i--) {
          text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        String s = text.toString();
        TreeSet<Integer> expected = naiveStarts(s, folding);
        TreeSet<Integer> actual = new TreeSet<>();
        // Keywords sharing a start offer it once each.
        assertFalse(keywords.anyStart(s, 0, s.length(), start -> actual.add(start) && false));
        assertEquals(expected, actual, () -> folding + " on [" + s + "]");
        assertEquals(!expected.isEmpty(), keywords.occursIn(s), () -> folding + " on [" + s + "]");
        found += expected.size();
      }
    }
    assertTrue(found > 5_000, "the keywords should occur often in the random texts: " + found);
  }

  @Test
  void aRangeLimitsTheSearch() {
    Keywords keywords = new Keywords(List.of("cam"), Keywords.Case.ASCII_INSENSITIVE);
    String text = "CAM and cam";
    List<Integer> starts = new ArrayList<>();
    keywords.anyStart(text, 1, text.length(), start -> starts.add(start) && false);
    assertEquals(List.of(8), starts);
  }

  private static TreeSet<Integer> naiveStarts(String text, Keywords.Case folding) {
    TreeSet<Integer> starts = new TreeSet<>();
    for (String keyword : KEYWORDS) {
      for (int start = 0; start + keyword.length() <= text.length(); start++) {
        boolean equal = true;
        for (int k = 0; k < keyword.length() && equal; k++) {
          equal = folding.fold(text.charAt(start + k)) == folding.fold(keyword.charAt(k));
        }
        if (equal) {
          starts.add(start);
        }
      }
    }
    return starts;
  }
}
