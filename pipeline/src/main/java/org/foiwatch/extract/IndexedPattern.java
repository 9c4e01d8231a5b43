package org.foiwatch.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern searched for only at the characters a match can begin with. {@code Matcher.find()}
 * tries a pattern at every character, which costs tens of nanoseconds each for one that opens
 * with a look-behind or an alternation: a paragraph of 4 MB took a second per pattern. The
 * matches are those of {@code find()}, in the same order (for patterns that match no empty text).
 */
final class IndexedPattern {

  private final Pattern pattern;
  /** The ASCII characters a match can begin with; every other character is tried. */
  private final boolean[] leading = new boolean[128];
  /**
   * Per leading ASCII character, the ASCII characters that can stand before it ({@code
   * [c][previous]}) and after it ({@code [c][next]}) at a match's start; null for a pattern with
   * a look-behind that must find something, whose start these two characters alone cannot rule out.
   */
  private final boolean[][] previousAllowed;
  private final boolean[][] nextAllowed;

  private IndexedPattern(Pattern pattern) {
    this.pattern = pattern;
    boolean pairs = !pattern.pattern().contains("(?<=");
    this.previousAllowed = pairs ? new boolean[128][] : null;
    this.nextAllowed = pairs ? new boolean[128][] : null;
    for (char c = 0; c < leading.length; c++) {
      leading[c] = canBegin(pattern, c);
      if (leading[c] && pairs) {
        previousAllowed[c] = new boolean[128];
        nextAllowed[c] = new boolean[128];
        for (char other = 0; other < 128; other++) {
          previousAllowed[c][other] = canBegin(pattern, "" + other + c, 1);
          nextAllowed[c][other] = canBegin(pattern, "" + c + other, 0);
        }
      }
    }
  }

  static IndexedPattern compile(String regex) {
    return new IndexedPattern(Pattern.compile(regex));
  }

  static IndexedPattern compile(String regex, int flags) {
    return new IndexedPattern(Pattern.compile(regex, flags));
  }

  /**
   * True unless the pattern fails on {@code c} alone without reaching the end of that one-character
   * input ({@code hitEnd()}): then no longer text starting with it can match either.
   */
  static boolean canBegin(Pattern pattern, char c) {
    return canBegin(pattern, String.valueOf(c), 0);
  }

  /** As {@link #canBegin(Pattern, char)} for a match starting at {@code start} of {@code text}, the text before it in view. */
  private static boolean canBegin(Pattern pattern, String text, int start) {
    Matcher alone = pattern.matcher(text).region(start, text.length()).useTransparentBounds(true).useAnchoringBounds(false);
    return alone.lookingAt() || alone.hitEnd();
  }

  Pattern pattern() {
    return pattern;
  }

  /** A matcher over {@code text} for {@link #next}; its groups are read as after {@code find()}. */
  Matcher matcher(CharSequence text) {
    // Look-arounds and \b look outside the region, and ^ or $ hold only at the text's ends, as for find().
    return pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
  }

  /** As {@code find()} from {@code from}: moves {@code matcher} to the first match starting there or later. */
  boolean next(Matcher matcher, CharSequence text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c >= leading.length || leading[c] && pairAllows(text, i, c)) && matcher.region(i, text.length()).lookingAt()) {
        return true;
      }
    }
    return false;
  }

  /** False when the ASCII characters either side of a leading {@code c} at {@code i} rule a match out there. */
  private boolean pairAllows(CharSequence text, int i, char c) {
    if (previousAllowed == null) {
      return true;
    }
    char previous = i > 0 ? text.charAt(i - 1) : Character.MAX_VALUE;
    char next = i + 1 < text.length() ? text.charAt(i + 1) : Character.MAX_VALUE;
    return (previous >= 128 || previousAllowed[c][previous]) && (next >= 128 || nextAllowed[c][next]);
  }

  /** As {@code pattern().matcher(text).find()}. */
  boolean find(CharSequence text) {
    return next(matcher(text), text, 0);
  }
}
