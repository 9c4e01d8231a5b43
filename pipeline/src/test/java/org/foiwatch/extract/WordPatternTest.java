package org.foiwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Searching word starts only finds exactly what Matcher.find() finds, wherever the phrase sits. */
class WordPatternTest {

  private static final List<String> PHRASES = List.of(
      "is refused", "are therefore refused", "we refuse your request", "refusing the request",
      "the information is being withheld in full", "exceeds the cost limit", "exceeding the appropriate limit",
      "vexatious", "This is a refusal notice", "withheld in its entirety", "exempt from disclosure in full",
      "all of the requested information is withheld", "does not hold", "is not held", "not held by",
      "no recorded information is held", "holds no information", "do not operate any CCTV", "withholding",
      "are exempt", "exempt by virtue", "have been redacted", "not been disclosed", "partially", "in part",
      "internal review", "Information Commissioner", "right to complain", "dissatisfied", "re-use", "copyright",
      "not content with", "WITHHELD", "Is Refused", "is\u00a0refused", "in\tpart");
  // Before a phrase: text start, space, punctuation, a letter, a digit, '_', a non-ASCII letter,
  // a combining accent (a word character to \b when it follows a letter), a surrogate pair.
  private static final List<String> BEFORE = List.of("", " ", "(", "-", "x", "7", "_", "é", "e\u0301", "\u0301",
      "\uD835\uDC00", "\n");
  private static final List<String> AFTER = List.of("", ".", " and", "s", "_", "é", "1", "\u0301");

  @Test
  void findsWhatMatcherFindFindsInEveryPosition() {
    int found = 0;
    for (WordPattern pattern : FoiFieldExtractor.phrasePatterns()) {
      for (String phrase : PHRASES) {
        for (String before : BEFORE) {
          for (String after : AFTER) {
            String text = "Response: " + before + phrase + after;
            boolean expected = pattern.pattern().matcher(text).find();
            assertEquals(expected, pattern.find(text), () -> pattern.pattern() + " on [" + text + "]");
            found += expected ? 1 : 0;
            String bare = before + phrase + after;
            assertEquals(pattern.pattern().matcher(bare).find(), pattern.find(bare), () -> pattern.pattern() + " on [" + bare + "]");
          }
        }
      }
    }
    assertTrue(found > 500, "the phrases should match in many positions: " + found);
  }

  @Test
  void searchedTogetherTheyFindWhatEachFindsAlone() {
    List<WordPattern> patterns = new java.util.ArrayList<>(FoiFieldExtractor.phrasePatterns());
    patterns.add(WordPattern.compile("[a-z]+ed\\s+in\\s+full")); // no literal opening: searched alone
    WordPatterns together = new WordPatterns(patterns);
    int found = 0;
    for (String first : PHRASES) {
      for (String second : PHRASES) {
        String text = "Response: " + first + ". x" + second + " and " + second;
        boolean[] all = together.find(text);
        for (int p = 0; p < patterns.size(); p++) {
          assertEquals(patterns.get(p).find(text), all[p], patterns.get(p).pattern() + " on [" + text + "]");
          found += all[p] ? 1 : 0;
        }
      }
    }
    assertTrue(found > 1_000, "the phrases should match often: " + found);
  }

  @Test
  void aPhraseInsideAWordIsNotFound() {
    WordPattern refused = WordPattern.compile("refused|withheld");
    assertTrue(refused.find("The request is refused."));
    assertFalse(refused.find("unrefused"));
    assertFalse(refused.find("x_withheld"));
    assertFalse(refused.find(""));
  }

  @Test
  void openingsAreTheLiteralTextEveryAlternativeBeginsWith() {
    assertEquals(List.of("please", "disregard", "ignore"), WordPattern.openings("(?:please\\s+)?(?:disregard|ignore)\\s+our"));
    assertEquals(List.of("part", "partially", "in"), WordPattern.openings("part(?:ial)?\\s+disclosure|partially|in\\s+part"));
    assertEquals(List.of("colo", "a", "re-use", "e.g."), WordPattern.openings("colou?r|a+b|re-use|e\\.g\\."));
    assertEquals(null, WordPattern.openings("vexatious|\\s+refused"));
    assertEquals(null, WordPattern.openings("(?:is|are)*\\s+refused"));
    assertEquals(null, WordPattern.openings("[a-z]+ed"));
  }
}
