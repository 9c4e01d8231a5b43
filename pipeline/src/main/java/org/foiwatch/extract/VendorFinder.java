package org.foiwatch.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.tokenize.WhitespaceTokenizer;
import opennlp.tools.util.Span;
import org.foiwatch.normalise.Vendor;
import org.foiwatch.normalise.VendorCatalogue;

/**
 * Finds vendor names in text with OpenNLP: the English tokenizer, then a look-up of token runs
 * in every catalogue alias, as OpenNLP's dictionary name finder does. Not thread-safe (TokenizerME is not); build one per worker, e.g. in
 * a DoFn's {@code @Setup}.
 */
public final class VendorFinder {

  static final String TOKENIZER_MODEL = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";

  /** Characters that glue names together in FOI text ("Hikvision/Dahua") and that split them. */
  private static final String GLUE = "/\\|+,;:()[]{}\"“”";

  private record Entry(Vendor vendor, List<String> tokens, boolean caseSensitive) {}

  private static final int TOKEN_CACHE_SIZE = 50_000;
  /**
   * Longer whitespace tokens stay whole, split only at glue characters: the tokenizer's features
   * copy the token's text before and after every character, so its cost grows with the square
   * of a token's length, and a 64 KB "word" took seconds.
   */
  private static final int MAX_TOKENIZED_CHARS = 256;

  private final TokenizerME tokenizer;
  /** Whitespace token to the pieces the tokenizer cuts it into (see {@link #tokenizePos}). */
  private final Map<String, Span[]> tokenCache = new HashMap<>();
  private final Map<String, List<Entry>> entriesByKey = new HashMap<>();
  /** The keys of every name's first tokens but not all: a run of tokens that is none of them begins no longer name. */
  private final Set<String> unfinishedKeys = new HashSet<>();
  private final int maxAliasTokens;
  /** The first character of every key, lower case: a token opening with another begins no name. */
  private final BitSet keyFirstChars = new BitSet();
  /** The first word of every name: text holding none of them, ignoring case, holds no vendor. */
  private final Keywords firstWords;

  public VendorFinder() {
    this(VendorCatalogue.standard());
  }

  public VendorFinder(VendorCatalogue catalogue) {
    this.tokenizer = new TokenizerME(loadModel());
    int longest = 1;
    Set<String> firstWords = new HashSet<>();
    for (Vendor vendor : catalogue.vendors()) {
      List<String> names = new ArrayList<>(vendor.aliases());
      names.add(0, vendor.canonical());
      for (String name : names) {
        String[] tokens = tokenTexts(name, tokenize(name));
        if (tokens.length == 0) {
          continue;
        }
        String firstWord = lowerCase(tokens[0]);
        firstWords.add(firstWord);
        longest = Math.max(longest, tokens.length);
        boolean caseSensitive = vendor.caseSensitiveAliases().contains(name);
        entriesByKey
            .computeIfAbsent(key(tokens), k -> new ArrayList<>())
            .add(new Entry(vendor, List.of(tokens), caseSensitive));
        for (int k = 1; k < tokens.length; k++) {
          unfinishedKeys.add(key(Arrays.copyOfRange(tokens, 0, k)));
        }
      }
    }
    this.maxAliasTokens = longest;
    entriesByKey.keySet().forEach(key -> keyFirstChars.set(key.charAt(0)));
    unfinishedKeys.forEach(key -> keyFirstChars.set(key.charAt(0)));
    this.firstWords = new Keywords(firstWords, Keywords.Case.INSENSITIVE);
  }

  /** Vendor names in the text, left to right, the longest name winning where names overlap. */
  public List<VendorSpan> find(String text) {
    List<Span> tokenSpans = tokenizeAroundNames(text);
    String[] tokens = tokenTexts(text, tokenSpans);
    List<VendorSpan> found = new ArrayList<>();
    for (Span name : names(tokens)) {
      // Names are found ignoring case; a case-sensitive alias may fail, leaving a shorter name.
      for (int end = name.getEnd(); end > name.getStart(); end--) {
        Vendor vendor = vendorFor(tokens, name.getStart(), end);
        if (vendor != null) {
          int start = tokenSpans.get(name.getStart()).getStart();
          int stop = tokenSpans.get(end - 1).getEnd();
          found.add(new VendorSpan(start, stop, text.substring(start, stop), vendor));
          break;
        }
      }
    }
    return found;
  }

  /**
   * What {@code DictionaryNameFinder.find(tokens)} returns for the catalogue's names, ignoring
   * case, asked only where a name can start.
   * The finder tries every token with every length up to the longest name and keeps the longest
   * name at each; here only the tokens that are some name's first word are tried, and a name
   * found there is skipped past, as the finder's own left-to-right scan does.
   */
  private List<Span> names(String[] tokens) {
    List<Span> names = new ArrayList<>();
    for (int start = 0; start < tokens.length; start++) {
      if (!keyFirstChars.get(lowerCase(tokens[start].charAt(0)))) {
        continue; // no name begins with this letter: not lowered whole and looked up
      }
      String first = lowerCase(tokens[start]);
      if (!entriesByKey.containsKey(first) && !unfinishedKeys.contains(first)) {
        continue; // no name's first word
      }
      int longest = 0;
      StringBuilder run = new StringBuilder(first);
      for (int end = start + 1; end <= Math.min(tokens.length, start + maxAliasTokens); end++) {
        if (end > start + 1) {
          run.append(' ').append(lowerCase(tokens[end - 1]));
        }
        String key = run.toString(); // key(tokens[start, end)), built a token at a time
        if (entriesByKey.containsKey(key)) {
          longest = end - start;
        }
        if (!unfinishedKeys.contains(key)) {
          break;
        }
      }
      if (longest > 0) {
        names.add(new Span(start, start + longest, "vendor"));
        start += longest - 1;
      }
    }
    return names;
  }

  /**
   * The tokens of the words where a name can be: each whitespace word holding a name's first word
   * (ignoring case) and the words after it until {@link #maxAliasTokens} more tokens. No other
   * token starts a name (a token is a piece of its word), and none is reached from a name's start,
   * so the rest of the text is not tokenised: most prose names no vendor, and the tokenizer's
   * maxent model is the costly part.
   */
  private List<Span> tokenizeAroundNames(String text) {
    List<Integer> firstWordStarts = new ArrayList<>();
    firstWords.anyStart(text, 0, text.length(), start -> firstWordStarts.add(start) && false);
    if (firstWordStarts.isEmpty()) {
      return List.of();
    }
    Span[] words = WhitespaceTokenizer.INSTANCE.tokenizePos(text);
    boolean[] holdsFirstWord = new boolean[words.length];
    for (int start : firstWordStarts) {
      int word = wordAt(words, start);
      if (word >= 0) {
        holdsFirstWord[word] = true;
      }
    }
    List<Span> spans = new ArrayList<>();
    int tokensStillReached = 0;
    for (int w = 0; w < words.length; w++) {
      if (holdsFirstWord[w] || tokensStillReached > 0) {
        int before = spans.size();
        addTokens(text, words[w], spans);
        tokensStillReached = holdsFirstWord[w] ? maxAliasTokens : tokensStillReached - (spans.size() - before);
      }
    }
    return spans;
  }

  /** The index of the word (spans in order) holding {@code offset}, or -1. */
  private static int wordAt(Span[] words, int offset) {
    int low = 0;
    int high = words.length - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      if (words[middle].getEnd() <= offset) {
        low = middle + 1;
      } else if (words[middle].getStart() > offset) {
        high = middle - 1;
      } else {
        return middle;
      }
    }
    return -1;
  }

  /** Lower case char by char, so the text keeps its length and each piece lowers as it would alone. */
  private static String lowerCase(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = lowerCase(chars[i]);
    }
    return new String(chars);
  }

  private static char lowerCase(char c) {
    return Character.toLowerCase(Character.toUpperCase(c));
  }

  private Vendor vendorFor(String[] tokens, int start, int end) {
    if (end - start > maxAliasTokens) {
      return null;
    }
    String[] candidate = Arrays.copyOfRange(tokens, start, end);
    for (Entry entry : entriesByKey.getOrDefault(key(candidate), List.of())) {
      if (!entry.caseSensitive() || entry.tokens().equals(List.of(candidate))) {
        return entry.vendor();
      }
    }
    return null;
  }

  /**
   * Tokenizer spans, further split at glue characters and with possessives and pure punctuation
   * dropped, so that "Hikvision's", "(Dahua)" and "Hikvision/Dahua" expose the bare names.
   */
  private List<Span> tokenize(String text) {
    List<Span> spans = new ArrayList<>();
    for (Span word : WhitespaceTokenizer.INSTANCE.tokenizePos(text)) {
      addTokens(text, word, spans);
    }
    return spans;
  }

  /** The tokens of one whitespace word, as {@link #tokenize} cuts them. */
  private void addTokens(String text, Span word, List<Span> spans) {
    List<Span> pieces = new ArrayList<>();
    addTokenizerPieces(text, word, pieces);
    for (Span token : pieces) {
      int pieceStart = token.getStart();
      for (int i = token.getStart(); i <= token.getEnd(); i++) {
        if (i == token.getEnd() || GLUE.indexOf(text.charAt(i)) >= 0 || isMakerSuffix(text, i, token.getEnd())) {
          addWordPiece(text, pieceStart, i, spans);
          pieceStart = i + 1;
        }
      }
    }
  }

  /** "Hikvision-made", "Dahua-branded": the hyphen that joins a vendor's name to how it made the kit. */
  private static final Pattern MAKER_SUFFIX = Pattern.compile("-(?:made|branded|manufactured|supplied|built|designed)");

  private static boolean isMakerSuffix(String text, int hyphen, int tokenEnd) {
    return text.charAt(hyphen) == '-' && MAKER_SUFFIX.matcher(text).region(hyphen, tokenEnd).matches();
  }

  /**
   * What {@code tokenizer.tokenizePos(text)} returns, from a cache. TokenizerME splits at
   * whitespace and then splits each whitespace token by its own characters alone, so a token's
   * pieces can be remembered; FOI text repeats its words, and the maxent model is the cost.
   */
  List<Span> tokenizePos(String text) {
    List<Span> spans = new ArrayList<>();
    for (Span word : WhitespaceTokenizer.INSTANCE.tokenizePos(text)) {
      addTokenizerPieces(text, word, spans);
    }
    return spans;
  }

  /** The tokenizer's pieces of one whitespace word (see {@link #tokenizePos}). */
  private void addTokenizerPieces(String text, Span word, List<Span> spans) {
    if (word.length() > MAX_TOKENIZED_CHARS) {
      spans.add(word);
      return;
    }
    String token = word.getCoveredText(text).toString();
    if (tokenCache.size() >= TOKEN_CACHE_SIZE && !tokenCache.containsKey(token)) {
      tokenCache.clear();
    }
    Span[] pieces = tokenCache.get(token); // not computeIfAbsent: its function object per word cost as much as the look-up
    if (pieces == null) {
      pieces = tokenizer.tokenizePos(token);
      tokenCache.put(token, pieces);
    }
    for (Span piece : pieces) {
      spans.add(new Span(word.getStart() + piece.getStart(), word.getStart() + piece.getEnd()));
    }
  }

  private static void addWordPiece(String text, int start, int end, List<Span> spans) {
    // Read in place, without copies: every word of the text passes here.
    if (end - start >= 2 && isApostrophe(text.charAt(end - 2)) && (text.charAt(end - 1) == 's' || text.charAt(end - 1) == 'S')) {
      end -= 2;
    } else if (end > start && isApostrophe(text.charAt(end - 1))) {
      end -= 1;
    }
    while (end > start && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
      end--; // "Co." and "Co" are the same word; a full stop, or a hyphen before "made", is not part of a name
    }
    for (int i = start; i < end; i++) {
      if (Character.isLetterOrDigit(text.charAt(i))) {
        spans.add(new Span(start, end));
        return;
      }
    }
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '’';
  }

  private static String[] tokenTexts(String text, List<Span> spans) {
    return spans.stream().map(s -> text.substring(s.getStart(), s.getEnd())).toArray(String[]::new);
  }

  private static String key(String[] tokens) {
    return lowerCase(String.join(" ", tokens)); // char by char, as equalsIgnoreCase compares
  }

  private static TokenizerModel loadModel() {
    try (InputStream in = VendorFinder.class.getResourceAsStream(TOKENIZER_MODEL)) {
      if (in == null) {
        throw new IllegalStateException("tokenizer model not on the classpath: " + TOKENIZER_MODEL);
      }
      return new TokenizerModel(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load " + TOKENIZER_MODEL, e);
    }
  }
}
