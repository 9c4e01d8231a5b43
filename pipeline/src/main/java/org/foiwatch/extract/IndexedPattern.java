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

  private IndexedPattern(Pattern pattern) {
    this.pattern = pattern;
    for (char c = 0; c < leading.length; c++) {
      leading[c] = canBegin(pattern, c);
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
    Matcher alone = pattern.matcher(String.valueOf(c));
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
      if ((c >= leading.length || leading[c]) && matcher.region(i, text.length()).lookingAt()) {
        return true;
      }
    }
    return false;
  }

  /** As {@code pattern().matcher(text).find()}. */
  boolean find(CharSequence text) {
    return next(matcher(text), text, 0);
  }
}
