package org.foiwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Cutting at sentence ends in one pass gives the pieces the look-behind split gives. */
class SentenceEndsTest {

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=\\p{Lu})");
  /** Ends, white space of every kind \s knows and one it does not, upper and lower case, a surrogate pair's capital. */
  private static final List<String> PIECES = List.of(".", "!", "?", " ", "\n", "\t", "\r", "\u000B", "\f", "\u00A0",
      "We", "the", "É", "é", "\uD835\uDC00", "7", "..", "No. 4");

  @Test
  void givesThePiecesOfTheRegexSplit() {
    Random random = new Random(5);
    int cuts = 0;
    for (int t = 0; t < 5_000; t++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        text.append(PIECES.get(random.nextInt(PIECES.size())));
      }
      String s = text.toString();
      List<String> expected = SENTENCE_END.splitAsStream(s).toList();
      assertEquals(expected, SentenceEnds.split(List.of(s)), () -> "[" + s + "]");
      cuts += expected.size() - 1;
    }
    assertTrue(cuts > 300, "the random texts should hold many sentence ends: " + cuts);
  }

  @Test
  void paragraphsAreCutInOrder() {
    assertEquals(List.of("One.", "Two!  ", "", "Three? four.", "Five"),
        SentenceEnds.split(List.of("One. Two!  ", "", "Three? four. Five")));
  }
}
