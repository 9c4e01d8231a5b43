package org.foiwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Trying a pattern only where a match can begin finds exactly what Matcher.find() finds. */
class IndexedPatternTest {

  /** Look-behinds, alternations, anchors, word boundaries, case folding and non-ASCII starts. */
  private static final List<IndexedPattern> PATTERNS = List.of(
      IndexedPattern.compile("(?<![\\w/.-])(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+(jan|feb|mar)[a-z]*,?\\s+(\\d{4})"
          + "|(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4}|\\d{2}))(?![\\w/-])", Pattern.CASE_INSENSITIVE),
      IndexedPattern.compile("(?<![\\w/-])((?:[A-Z]{2,6}[/-])?(?:FOI[AR]?|EIR)(?:[ \\t/.-]?\\d{2,8})|F\\d{2}/\\d{3,6})(?![\\w/])"),
      IndexedPattern.compile("(?i)(?:your request (?:was|is)|you asked|original request)\\s*:?[\"'“]?\\s*$"),
      IndexedPattern.compile("(?i)^(?:request|you asked|q\\d+)\\s*[:.-]"),
      IndexedPattern.compile("(?i)(?<![\\w-])(?:our\\s+ref(?:erence)?|case|réf)(?![\\w-])"),
      IndexedPattern.compile("\\b(?:é|Ü)[a-z]+|\\p{Lu}\\p{L}+"));

  private static final List<String> PIECES = List.of("12 March 2024", "3/4/24", "FOI/2024/0123", "ICT-FOI 2290",
      "F24/1387", "Your request was:", "you asked: \"", "original request ", "Request: ", "Q12 -", "Our ref",
      "our  reference 88", "CASE", "réf", "élan", "Über", "x", "7", "_", "-", "/", ".", " ", "\n", "é", "\u00A0");

  private static List<String> viaFind(IndexedPattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.pattern().matcher(text);
    while (m.find()) {
      found.add(describe(m));
    }
    return found;
  }

  private static List<String> viaNext(IndexedPattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    for (int from = 0; pattern.next(m, text, from); from = m.end()) {
      found.add(describe(m));
    }
    return found;
  }

  private static String describe(Matcher m) {
    StringBuilder groups = new StringBuilder(m.start() + "-" + m.end());
    for (int g = 1; g <= m.groupCount(); g++) {
      groups.append('|').append(m.group(g));
    }
    return groups.toString();
  }

  @Test
  void findsWhatMatcherFindFindsInOrder() {
    Random random = new Random(22);
    int matches = 0;
    for (int t = 0; t < 4_000; t++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        text.append(PIECES.get(random.nextInt(PIECES.size())));
      }
      String written = text.toString();
      for (IndexedPattern pattern : PATTERNS) {
        List<String> expected = viaFind(pattern, written);
        assertEquals(expected, viaNext(pattern, written), () -> pattern.pattern() + " on [" + written + "]");
        assertEquals(!expected.isEmpty(), pattern.find(written));
        matches += expected.size();
      }
    }
    assertTrue(matches > 5_000, "the pieces should match often: " + matches);
  }
}
