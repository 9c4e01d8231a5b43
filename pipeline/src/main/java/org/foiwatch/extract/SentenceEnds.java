package org.foiwatch.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * An answer's paragraphs cut into sentences where its outcome is read: after '.', '!' or '?'
 * where white space runs up to an upper-case letter. The same pieces as splitting at {@code
 * (?<=[.!?])\s+(?=\p{Lu})}, read in one pass instead of trying the look-behind at every character.
 */
final class SentenceEnds {

  private SentenceEnds() {}

  static List<String> split(List<String> paragraphs) {
    List<String> sentences = new ArrayList<>();
    for (String paragraph : paragraphs) {
      split(paragraph, sentences);
    }
    return sentences;
  }

  private static void split(String text, List<String> sentences) {
    int start = 0;
    for (int i = 1; i < text.length(); i++) {
      char before = text.charAt(i - 1);
      if ((before == '.' || before == '!' || before == '?') && isSpace(text.charAt(i))) {
        int next = i;
        while (next < text.length() && isSpace(text.charAt(next))) {
          next++;
        }
        if (next < text.length() && Character.getType(text.codePointAt(next)) == Character.UPPERCASE_LETTER) {
          sentences.add(text.substring(start, i));
          start = next;
          i = next;
        }
      }
    }
    sentences.add(text.substring(start));
  }

  /** Regex {@code \s}: ASCII white space only. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}
