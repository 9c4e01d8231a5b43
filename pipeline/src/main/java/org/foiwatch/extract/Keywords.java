package org.foiwatch.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * A fixed set of keywords found in one left-to-right pass over a text, whatever their number: an
 * Aho–Corasick automaton whose failure links are folded into a full transition table, so each
 * character costs one table read. Own code rather than {@code org.ahocorasick:ahocorasick}: that
 * library keeps a map of boxed characters per state and allocates an object per match, and here
 * a scan runs over every paragraph, sentence and line that extraction reads.
 */
final class Keywords {

  /** How text and keywords are compared. */
  enum Case {
    /** Character for character. */
    SENSITIVE,
    /** ASCII letters in either case, as a regex's {@code (?i)} compares; other characters as they are. */
    ASCII_INSENSITIVE,
    /** Every character as {@code Character.toLowerCase(Character.toUpperCase(c))}, as equalsIgnoreCase compares. */
    INSENSITIVE;

    char fold(char c) {
      if (this == SENSITIVE) {
        return c;
      }
      if (c < 128) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
      }
      return this == INSENSITIVE ? Character.toLowerCase(Character.toUpperCase(c)) : c;
    }
  }

  /** Column in {@link #next} of each ASCII text character, folded; 0 for a character in no keyword. */
  private final int[] asciiColumn = new int[128];
  /** The same for other characters, by their high byte (null: no such character is in a keyword) and low byte. */
  private final int[][] otherColumn = new int[256][];
  private final int width;
  /** next[state * width + column]: the state after reading a character, failure links included. */
  private final int[] next;
  /** The keywords, folded and each once, by number. */
  private final List<String> keywords;
  /** Per state, the numbers of the keywords that end there (its own and its suffixes'), or null. */
  private final int[][] endingKeywords;

  /** A keyword found: true ends the search. */
  interface Found {
    boolean accept(int start, int keyword);
  }

  Keywords(Collection<String> words, Case folding) {
    Set<String> folded = new LinkedHashSet<>();
    for (String keyword : words) {
      if (keyword.isEmpty()) {
        throw new IllegalArgumentException("an empty keyword would match everywhere");
      }
      folded.add(fold(keyword, folding));
    }
    this.keywords = List.copyOf(folded);
    Map<Character, Integer> keywordColumn = new HashMap<>();
    for (String keyword : folded) {
      for (char c : keyword.toCharArray()) {
        keywordColumn.putIfAbsent(c, keywordColumn.size() + 1);
      }
    }
    this.width = keywordColumn.size() + 1;
    // Every text character whose fold is a keyword's character gets that character's column. Only
    // full case folding makes other characters fold to it ('K' for the Kelvin sign 'K').
    List<Character> textCharacters = new ArrayList<>();
    for (int c = 0; c < (folding == Case.INSENSITIVE ? Character.MAX_VALUE + 1 : 128); c++) {
      textCharacters.add((char) c);
    }
    if (folding != Case.INSENSITIVE) {
      keywordColumn.keySet().stream().filter(c -> c >= 128).forEach(textCharacters::add);
    }
    for (char c : textCharacters) {
      Integer column = keywordColumn.get(folding.fold(c));
      if (column == null) {
        continue;
      }
      if (c < 128) {
        asciiColumn[c] = column;
      } else {
        int[] page = otherColumn[c >>> 8] == null ? (otherColumn[c >>> 8] = new int[256]) : otherColumn[c >>> 8];
        page[c & 0xFF] = column;
      }
    }
    // The trie: -1 where it has no edge yet.
    List<int[]> edges = new ArrayList<>();
    List<Integer> ownKeyword = new ArrayList<>();
    edges.add(newRow());
    ownKeyword.add(-1);
    for (int k = 0; k < keywords.size(); k++) {
      String keyword = keywords.get(k);
      int state = 0;
      for (char c : keyword.toCharArray()) {
        int column = keywordColumn.get(c);
        if (edges.get(state)[column] < 0) {
          edges.get(state)[column] = edges.size();
          edges.add(newRow());
          ownKeyword.add(-1);
        }
        state = edges.get(state)[column];
      }
      ownKeyword.set(state, k);
    }
    int states = edges.size();
    this.next = new int[states * width];
    this.endingKeywords = new int[states][];
    int[] failure = new int[states];
    // Breadth first, so a state's failure state is complete before the state is.
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int column = 0; column < width; column++) {
      int child = edges.get(0)[column];
      next[column] = Math.max(child, 0);
      if (child > 0) {
        queue.add(child);
      }
    }
    while (!queue.isEmpty()) {
      int state = queue.poll();
      endingKeywords[state] = withOwn(ownKeyword.get(state), endingKeywords[failure[state]]);
      for (int column = 0; column < width; column++) {
        int child = edges.get(state)[column];
        if (child > 0) {
          failure[child] = next[failure[state] * width + column];
          next[state * width + column] = child;
          queue.add(child);
        } else {
          next[state * width + column] = next[failure[state] * width + column];
        }
      }
    }
  }

  private int[] newRow() {
    int[] row = new int[width];
    Arrays.fill(row, -1);
    return row;
  }

  private static int[] withOwn(int own, int[] inherited) {
    if (own < 0) {
      return inherited;
    }
    if (inherited == null) {
      return new int[] {own};
    }
    int[] all = new int[inherited.length + 1];
    all[0] = own;
    System.arraycopy(inherited, 0, all, 1, inherited.length);
    return all;
  }

  static String fold(String text, Case folding) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = folding.fold(chars[i]);
    }
    return new String(chars);
  }

  private int column(char c) {
    if (c < 128) {
      return asciiColumn[c];
    }
    int[] page = otherColumn[c >>> 8];
    return page == null ? 0 : page[c & 0xFF];
  }

  /** The keywords as searched (folded), by number. */
  List<String> keywords() {
    return keywords;
  }

  /** True when a keyword occurs anywhere in {@code text}. */
  boolean occursIn(String text) {
    return anyStart(text, 0, text.length(), start -> true);
  }

  /**
   * True as soon as {@code accept} holds for the start of a keyword found in [from, to) of {@code
   * text}. Starts are offered as keywords end, left to right by their end (so not always by start).
   */
  boolean anyStart(String text, int from, int to, IntPredicate accept) {
    return anyMatch(text, from, to, (start, keyword) -> accept.test(start));
  }

  /** As {@link #anyStart}, offering each keyword found with its number. */
  boolean anyMatch(String text, int from, int to, Found accept) {
    // Read from a copy: String.charAt checks its index on every call.
    char[] chars = new char[to - from];
    text.getChars(from, to, chars, 0);
    int state = 0;
    for (int k = 0; k < chars.length; k++) {
      state = next[state * width + column(chars[k])];
      int[] ending = endingKeywords[state];
      if (ending != null) {
        for (int keyword : ending) {
          if (accept.accept(from + k + 1 - keywords.get(keyword).length(), keyword)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
