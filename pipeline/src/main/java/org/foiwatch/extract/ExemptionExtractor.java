package org.foiwatch.extract;

import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The exemptions a response cites: FOIA and FOISA sections, EIR regulations. */
final class ExemptionExtractor {

  private static final Pattern EXEMPTION = Pattern.compile(
      "(?i)\\b(?:section|s\\.?)\\s?(\\d{1,2})(?:\\s?\\(\\d\\)(?:\\s?\\([a-z]\\))?)?(?=[^\\d]|$)");
  /** An exception of the Environmental Information Regulations 2004: regulation 12(4)(b), reg. 13(1). */
  private static final Pattern EIR_EXCEPTION = Pattern.compile(
      "(?i)\\b(?:regulations?|reg\\.?)\\s?(1[23](?:\\s?\\(\\d\\)(?:\\s?\\([a-z]\\))?)?)(?![\\d(])");
  /** A paragraph that cites exemptions holds one of these (any case, inside words too) or a phrase below. */
  private static final List<String> EXEMPTION_CONTEXT_WORDS = List.of("exempt", "withh", "refus", "exception");
  private static final Pattern EXEMPTION_CONTEXT_PHRASE = Pattern.compile("(?i)cost\\s+limit|neither\\s+confirm");
  private static final Pattern FOISA = Pattern.compile("(?i)\\bFOISA\\b|Freedom\\s+of\\s+Information\\s+\\(Scotland\\)");

  private ExemptionExtractor() {}

  /** One case-insensitive scan per word (String.contains) instead of a regex alternation at every character. */
  private static boolean citesExemptions(String paragraph) {
    String lower = asciiLowerCase(paragraph);
    return EXEMPTION_CONTEXT_WORDS.stream().anyMatch(lower::contains) || EXEMPTION_CONTEXT_PHRASE.matcher(paragraph).find();
  }

  /** Lower case as {@code (?i)} compares: ASCII letters only. */
  private static String asciiLowerCase(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] >= 'A' && chars[i] <= 'Z') {
        chars[i] = (char) (chars[i] + ('a' - 'A'));
      }
    }
    return new String(chars);
  }

  /** FOIA sections as "s.31", FOISA's as "FOISA s.35" (when the answer cites that Act), EIR regulations as "EIR reg.12(4)(b)". */
  static List<String> exemptions(List<String> answer) {
    TreeSet<String> found = new TreeSet<>();
    String prefix = answer.stream().anyMatch(text -> FOISA.matcher(text).find()) ? "FOISA s." : "s.";
    for (String paragraph : answer) {
      if (!citesExemptions(paragraph)) {
        continue;
      }
      Matcher matcher = EXEMPTION.matcher(paragraph);
      while (matcher.find()) {
        int section = Integer.parseInt(matcher.group(1));
        if (section >= 12 && section <= 44) {
          found.add(prefix + section);
        }
      }
      Matcher regulation = EIR_EXCEPTION.matcher(paragraph);
      while (regulation.find()) {
        found.add("EIR reg." + regulation.group(1).replaceAll("\\s", ""));
      }
    }
    return List.copyOf(found);
  }
}
