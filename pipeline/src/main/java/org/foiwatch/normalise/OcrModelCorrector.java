package org.foiwatch.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes OCR's look-alike confusions ({@code ocr-confusions.json}: O/0, I/1/l, S/5, B/8, Z/2)
 * inside model numbers. A run of one to three words is rewritten only when some grammar accepts
 * the rewritten run whole, with as few substitutions as possible; only words that hold a digit
 * are ever changed, so prose stays as written, and text no grammar accepts stays as it was: a
 * model is corrected, never invented. The result has the input's length, so offsets hold.
 */
final class OcrModelCorrector implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String RESOURCE = "/org/foiwatch/normalise/ocr-confusions.json";

  /** Beyond three look-alikes in one code the rewrite is a guess rather than a reading. */
  static final int MAX_SUBSTITUTIONS = 3;

  /** A model is at most three words ("DS 2CD2347G2 LU", "AXIS P3245-LVE"). */
  private static final int MAX_WINDOW_WORDS = 3;

  private static final int MAX_WINDOW_CHARS = 48;

  /**
   * A word: letters and digits, with a code's inner '-' and '/' and the bar OCR makes of a
   * stroke (1, I, l) inside it; a bar at a word's edge is a table rule, not part of it.
   */
  private static final Pattern WORD = Pattern.compile("\\p{Alnum}(?:[\\p{Alnum}|/\\-]*\\p{Alnum})?");

  /** What may stand between the words of one model: one or two spaces. */
  private static final Pattern WORD_GAP = Pattern.compile(" {1,2}");

  private final Map<Character, char[]> alternatives;

  private OcrModelCorrector(Map<Character, char[]> alternatives) {
    this.alternatives = Map.copyOf(alternatives);
  }

  static OcrModelCorrector standard() {
    List<String> groups = new ArrayList<>();
    for (JsonNode group : ReferenceData.json(RESOURCE).get("groups")) {
      groups.add(group.asText());
    }
    return fromGroups(groups);
  }

  /** Each character of a group may stand for any other letter or digit of it. */
  static OcrModelCorrector fromGroups(List<String> groups) {
    Map<Character, char[]> alternatives = new HashMap<>();
    for (String group : groups) {
      for (char c : group.toCharArray()) {
        StringBuilder others = new StringBuilder();
        for (char other : group.toCharArray()) {
          // Grammars match case-insensitively, so a change of case is no substitution.
          if (Character.isLetterOrDigit(other) && Character.toUpperCase(other) != Character.toUpperCase(c)
              && others.indexOf(String.valueOf(other)) < 0) {
            others.append(other);
          }
        }
        alternatives.put(c, others.toString().toCharArray());
      }
    }
    return new OcrModelCorrector(alternatives);
  }

  /**
   * The text with confusions inside model numbers undone. Words are taken left to right, each
   * starting the run that a pattern accepts with the fewest substitutions, the longest of those:
   * a code already correct is kept as it is, neither re-read as a shorter code nor stretched over
   * the next word by reading that word ("LNB4321B |19" is no "LNB4321B I19").
   */
  String correct(String text, List<Pattern> patterns) {
    List<int[]> words = new ArrayList<>();
    Matcher word = WORD.matcher(text);
    while (word.find()) {
      words.add(new int[] {word.start(), word.end()});
    }
    char[] out = text.toCharArray();
    int i = 0;
    while (i < words.size()) {
      int taken = 1;
      char[] best = null;
      int fewest = Integer.MAX_VALUE;
      for (int n = Math.min(MAX_WINDOW_WORDS, words.size() - i); n >= 1; n--) {
        int start = words.get(i)[0];
        int end = words.get(i + n - 1)[1];
        if (end - start > MAX_WINDOW_CHARS || !adjacent(text, words, i, n)) {
          continue;
        }
        boolean[] substitutable = substitutable(text, words, i, n);
        if (substitutable == null) {
          continue;
        }
        char[] run = text.substring(start, end).toCharArray();
        char[] read = rewrite(run, substitutable, patterns);
        int substitutions = read == null ? Integer.MAX_VALUE : differences(run, read);
        if (substitutions < fewest) {
          best = read;
          fewest = substitutions;
          taken = n;
        }
      }
      if (best != null) {
        System.arraycopy(best, 0, out, words.get(i)[0], best.length);
      }
      i += taken;
    }
    return new String(out);
  }

  private static int differences(char[] a, char[] b) {
    int count = 0;
    for (int k = 0; k < a.length; k++) {
      if (a[k] != b[k]) {
        count++;
      }
    }
    return count;
  }

  private static boolean adjacent(String text, List<int[]> words, int first, int count) {
    for (int k = first + 1; k < first + count; k++) {
      if (!WORD_GAP.matcher(text.substring(words.get(k - 1)[1], words.get(k)[0])).matches()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Which characters of the run may be read as a look-alike: those with alternatives inside a
   * word that holds a digit. Null when there are none.
   */
  private boolean[] substitutable(String text, List<int[]> words, int first, int count) {
    int base = words.get(first)[0];
    boolean[] result = new boolean[words.get(first + count - 1)[1] - base];
    boolean any = false;
    for (int k = first; k < first + count; k++) {
      int[] w = words.get(k);
      if (text.substring(w[0], w[1]).chars().noneMatch(Character::isDigit)) {
        continue;
      }
      for (int c = w[0]; c < w[1]; c++) {
        char[] alts = alternatives.get(text.charAt(c));
        if (alts != null && alts.length > 0) {
          result[c - base] = true;
          any = true;
        }
      }
    }
    return any ? result : null;
  }

  /**
   * The run as read with the fewest substitutions (none first) that one of the patterns accepts
   * whole, trying the patterns in order at each count; null when none does within the limit.
   */
  private char[] rewrite(char[] run, boolean[] substitutable, List<Pattern> patterns) {
    for (int budget = 0; budget <= MAX_SUBSTITUTIONS; budget++) {
      for (Pattern pattern : patterns) {
        char[] work = run.clone();
        if (search(pattern.matcher(""), work, substitutable, 0, budget)) {
          return work;
        }
      }
    }
    return null;
  }

  /**
   * Depth-first over the characters, keeping each as written before trying its look-alikes;
   * a prefix that cannot begin a match ends the branch (the matcher did not reach the input's
   * end, so no longer input can match).
   */
  private boolean search(Matcher matcher, char[] work, boolean[] substitutable, int position, int budget) {
    if (position > 0) {
      matcher.reset(CharBuffer.wrap(work, 0, position));
      boolean matched = matcher.matches();
      if (position == work.length) {
        return matched;
      }
      if (!matched && !matcher.hitEnd()) {
        return false;
      }
    }
    if (search(matcher, work, substitutable, position + 1, budget)) {
      return true;
    }
    if (budget == 0 || !substitutable[position]) {
      return false;
    }
    char written = work[position];
    for (char alternative : alternatives.get(written)) {
      work[position] = alternative;
      if (search(matcher, work, substitutable, position + 1, budget - 1)) {
        return true;
      }
    }
    work[position] = written;
    return false;
  }
}
