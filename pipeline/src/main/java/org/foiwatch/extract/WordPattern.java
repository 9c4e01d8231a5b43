package org.foiwatch.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A case-insensitive phrase pattern, {@code (?i)\b(?:ALTERNATIVES)\b}, whose every alternative
 * begins with an ASCII letter, searched for only where a word begins with a letter that a match
 * can begin with. {@code Matcher.find()} tries it at every character, and Java's {@code \b} test
 * there was most of the time spent on a response's outcome (18% of the main JVM's samples on
 * 2400 files). The answer is the same: a match starts at a word boundary followed by one of those
 * letters, and each such place is tried in order.
 *
 * <p>Where every alternative opens with literal text ("refus", "not", "internal"), those
 * openings are found in one pass by {@link Keywords}, and the pattern is tried only at a word
 * start where one of them stands: most words open none.
 */
final class WordPattern {

  private final Pattern pattern;
  /** The ASCII letters a match can begin with (see {@link IndexedPattern#canBegin}). */
  private final boolean[] firstLetters = new boolean[128];
  /** The literal openings of the alternatives, or null when some alternative opens otherwise. */
  private final List<String> openings;
  private final Keywords openingKeywords;

  private WordPattern(Pattern pattern, List<String> openings) {
    this.pattern = pattern;
    this.openings = openings;
    this.openingKeywords = openings == null ? null : new Keywords(openings, Keywords.Case.ASCII_INSENSITIVE);
    for (char c = 0; c < firstLetters.length; c++) {
      firstLetters[c] = isAsciiLetter(c) && IndexedPattern.canBegin(pattern, c);
    }
  }

  /** {@code alternatives}: regex alternatives, each beginning with an ASCII letter. */
  static WordPattern compile(String alternatives) {
    return new WordPattern(Pattern.compile("(?i)\\b(?:" + alternatives + ")\\b"), openings(alternatives));
  }

  Pattern pattern() {
    return pattern;
  }

  /** See {@link #openings(String)}. */
  List<String> openings() {
    return openings;
  }

  /** As {@code pattern().matcher(text).find()}. */
  boolean find(String text) {
    if (openingKeywords != null) {
      Matcher[] matcher = new Matcher[1];
      return openingKeywords.anyStart(text, 0, text.length(), start -> matchesAt(text, start, matcher, 0));
    }
    Matcher matcher = null;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c >= firstLetters.length || !firstLetters[c] || (i > 0 && isWordChar(text.charAt(i - 1)))) {
        continue;
      }
      if (matcher == null) {
        matcher = pattern.matcher(text);
        matcher.useTransparentBounds(true); // \b looks at the character before the region
        matcher.useAnchoringBounds(false);
      }
      matcher.region(i, length);
      if (matcher.lookingAt()) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when a match starts at {@code start}, a word's start; the matcher over {@code text} is
   * {@code matchers[slot]}, made on first use.
   */
  boolean matchesAt(String text, int start, Matcher[] matchers, int slot) {
    if (start > 0 && isWordChar(text.charAt(start - 1))) {
      return false;
    }
    if (matchers[slot] == null) {
      matchers[slot] = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    }
    return matchers[slot].region(start, text.length()).lookingAt();
  }

  /**
   * The literal texts one of which opens every match of {@code regex}, a list of alternatives, or
   * null when an alternative opens with no literal text (a class, an escape such as {@code \s},
   * a look-around). Read conservatively: an opening stops before any character a quantifier makes
   * optional or repeats, and an optional group opens with its own openings or with what follows it.
   */
  static List<String> openings(String regex) {
    List<String> openings = new ArrayList<>();
    for (String alternative : alternatives(regex)) {
      List<String> opening = sequenceOpenings(alternative);
      if (opening == null) {
        return null;
      }
      openings.addAll(opening);
    }
    return openings;
  }

  private static List<String> sequenceOpenings(String sequence) {
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < sequence.length()) {
      char c = sequence.charAt(i);
      if (c == '(') {
        if (literal.length() > 0 || !sequence.startsWith("(?:", i)) {
          break;
        }
        int close = closingParenthesis(sequence, i);
        List<String> inner = close < 0 ? null : openings(sequence.substring(i + 3, close));
        char quantifier = close >= 0 && close + 1 < sequence.length() ? sequence.charAt(close + 1) : 0;
        if (inner == null || quantifier == '*' || quantifier == '{') {
          return null;
        }
        if (quantifier != '?') {
          return inner;
        }
        List<String> rest = sequenceOpenings(sequence.substring(close + 2));
        if (rest == null) {
          return null;
        }
        List<String> either = new ArrayList<>(inner);
        either.addAll(rest);
        return either;
      }
      char atom;
      int atomEnd;
      if (c == '\\' && i + 1 < sequence.length() && !Character.isLetterOrDigit(sequence.charAt(i + 1))) {
        atom = sequence.charAt(i + 1);
        atomEnd = i + 2;
      } else if (c == '\\' || "[.^$|)?*+{".indexOf(c) >= 0) {
        break;
      } else {
        atom = c;
        atomEnd = i + 1;
      }
      char quantifier = atomEnd < sequence.length() ? sequence.charAt(atomEnd) : 0;
      if (quantifier == '?' || quantifier == '*' || quantifier == '{') {
        break;
      }
      literal.append(atom);
      if (quantifier == '+') {
        break;
      }
      i = atomEnd;
    }
    return literal.length() > 0 ? List.of(literal.toString()) : null;
  }

  /** The top-level alternatives of {@code regex}: split at each '|' outside groups and classes. */
  private static List<String> alternatives(String regex) {
    List<String> alternatives = new ArrayList<>();
    int depth = 0;
    boolean inClass = false;
    int start = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        alternatives.add(regex.substring(start, i));
        start = i + 1;
      }
    }
    alternatives.add(regex.substring(start));
    return alternatives;
  }

  /** The index of the ')' closing the group opened at {@code open}, or -1. */
  private static int closingParenthesis(String regex, int open) {
    int depth = 0;
    boolean inClass = false;
    for (int i = open; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** A character after which {@code \b} cannot open a word (Java's word characters). */
  private static boolean isWordChar(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }
}
