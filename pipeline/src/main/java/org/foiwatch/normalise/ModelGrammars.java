package org.foiwatch.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/** Per-vendor model-number grammars from {@code model-grammars.json}. */
public final class ModelGrammars implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String RESOURCE = "/org/foiwatch/normalise/model-grammars.json";

  /**
   * What a hyphen in a grammar pattern may be written as once dashes are normalised: a hyphen
   * (optionally spaced, optionally broken across a line) or a single space.
   */
  static final String SEPARATOR = "(?: ?-[ ]{0,2}(?:\\r?\\n[ ]{0,4})?| )";

  private static final Pattern WRITTEN_SEPARATOR = Pattern.compile(SEPARATOR);

  /** A model never starts inside a word, a number or a hyphenated reference. */
  private static final String START_GUARD = "(?<![\\p{Alnum}_.\\-])";

  /** ...nor stops inside a word or before the decimal part of a number. */
  private static final String END_GUARD = "(?![\\p{Alnum}_]|[.,][0-9])";

  /** Space-separated tokens that describe the product rather than name it: 4MP, 2.8mm, 1080p, x4. */
  static final Pattern SPEC_TOKEN =
      Pattern.compile(
          "(?i)[0-9]{1,4}(?:[.][0-9]{1,2})?(?:MP|MM|FPS|CH|TB|GB|HZ|K)|[0-9]{3,4}P|X[0-9]{1,4}|[0-9]{1,4}X"
              + "|[0-9]{1,6}(?:NOS?|PCS)");

  private static final int MAX_SUFFIX_LETTERS = 4;

  /** Lower-case function words that follow a model in prose ("9 x cd52 and 12 x CD62"), never a suffix. */
  private static final Set<String> PROSE_WORDS =
      Set.of("and", "or", "nor", "in", "on", "at", "to", "of", "for", "by", "the", "a", "an", "with", "are",
          "is", "was", "were", "as", "per", "via", "plus", "from");

  /** Abbreviations of a product's kind written after its model ("Q6075-E PTZ"), never a spaced last part of it. */
  private static final Set<String> KIND_ABBREVIATIONS = Set.of("PTZ", "NVR", "DVR", "XVR", "CCTV", "ANPR", "LPR", "BWV", "VMS");

  /** What may precede the model in a cell: whitespace, quotes, an opening bracket, a bullet. */
  private static final String OPENING_PUNCTUATION = " \t\r\n\u00A0\"'\u201C\u2018(\u2022*";

  private static final Pattern WORD = Pattern.compile("\\S+");

  record Hit(String grammarId, int start, int end) {}

  private final List<ModelGrammar> grammars;
  /** Resolves brands and context vendors, and tells which makers are related. */
  private final VendorCatalogue catalogue;
  private final Map<String, Integer> orderById;
  /** Per ASCII character, the grammars (by order) whose match can begin with it. */
  private final int[][] grammarsByFirstChar = new int[128][];
  /**
   * Per two ASCII characters, the grammars whose match can begin with them: a sixth of the tries
   * of the first character alone, where prose holds thousands of words to try.
   */
  private final int[][][] grammarsByFirstTwo = new int[128][128][];
  private final int[] allGrammars;
  private final OcrModelCorrector ocrCorrector = OcrModelCorrector.standard();
  /**
   * Each thread's {@link Scratch}. Set on first use (also after deserialisation); two threads
   * racing to set it each still get scratch of their own.
   */
  private transient ThreadLocal<Scratch> threadScratch;

  /** What one thread's {@link #hits} reuses from text to text. */
  private final class Scratch {
    /** A matcher per grammar, reset onto every searched text: making them anew per text cost a sixth of {@link #hits}. */
    final Matcher[] matchers = newMatchers();
    /**
     * Per first two ASCII characters ({@code first << 7 | second}) and third, the grammars of
     * the first two's list that can begin with all three: filled as texts bring them, since prose
     * holds few of the two million. Arrays of the thread's own, not a shared map: a boxed key and
     * a function object per look-up cost more than the look-up.
     */
    final int[][][] grammarsByFirstThree = new int[128 * 128][][];
  }

  private ModelGrammars(List<ModelGrammar> grammars, VendorCatalogue catalogue) {
    this.grammars = List.copyOf(grammars);
    this.catalogue = catalogue;
    Map<String, Integer> order = new HashMap<>();
    for (int i = 0; i < grammars.size(); i++) {
      if (order.put(grammars.get(i).id(), i) != null) {
        throw new IllegalStateException("model-grammars.json: duplicate id " + grammars.get(i).id());
      }
    }
    this.orderById = order;
    this.allGrammars = IntStream.range(0, grammars.size()).toArray();
    for (char c = 0; c < grammarsByFirstChar.length; c++) {
      grammarsByFirstChar[c] = canBegin(allGrammars, String.valueOf(c));
      for (char d = 0; d < grammarsByFirstTwo[c].length; d++) {
        grammarsByFirstTwo[c][d] = canBegin(grammarsByFirstChar[c], "" + c + d);
      }
    }
  }

  /** The grammars of {@code among} that match {@code text} or run out of input in it, so can begin with it. */
  private int[] canBegin(int[] among, String text) {
    return IntStream.of(among)
        .filter(i -> {
          Matcher m = grammars.get(i).pattern().matcher(text);
          return m.lookingAt() || m.hitEnd();
        })
        .toArray();
  }

  /** The grammars bundled with the pipeline, with the bundled vendor catalogue, loaded once. */
  public static ModelGrammars standard() {
    return StandardHolder.INSTANCE;
  }

  private static final class StandardHolder {
    static final ModelGrammars INSTANCE = load(VendorCatalogue.standard());
  }

  public List<ModelGrammar> grammars() {
    return grammars;
  }

  /**
   * The text with every dash variant turned into '-' and every horizontal space into ' ',
   * character for character, so offsets into it are offsets into the original.
   */
  public static String normaliseSeparators(CharSequence text) {
    char[] chars = new char[text.length()];
    for (int i = 0; i < chars.length; i++) {
      char c = text.charAt(i);
      chars[i] =
          switch (c) {
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58',
                '\uFE63', '\uFF0D' -> '-';
            case '\t', '\u00A0', '\u2007', '\u2009', '\u202F' -> ' ';
            default -> c;
          };
    }
    return new String(chars);
  }

  /** All non-overlapping model spans in the text, longest first; see {@link #resolve}. */
  public List<ModelMatch> find(CharSequence text, String contextVendor) {
    return find(text, contextVendor, false);
  }

  /** As {@link #find(CharSequence, String)}; {@code ocr} text is read through {@link #searchText}. */
  public List<ModelMatch> find(CharSequence text, String contextVendor, boolean ocr) {
    String searched = searchText(text, contextVendor, ocr);
    return resolve(text, searched, hits(searched), contextVendor);
  }

  /**
   * Every grammar's matches in the searched text at every start its {@link #START_GUARD} allows.
   * A pattern is tried only after a character the guard allows and at characters it can begin
   * with, which skips most of the text for most patterns. Unlike {@code Matcher.find()}, a match
   * does not hide the starts inside it: a raw match may run on over words that {@link #resolve}
   * then trims ("DS-2CD2143G0-I and DS" before "-2CD2386G2-IU"), and the next model starts there.
   */
  List<Hit> hits(String searched) {
    List<Hit> hits = new ArrayList<>();
    if (threadScratch == null) {
      threadScratch = ThreadLocal.withInitial(Scratch::new);
    }
    Scratch scratch = threadScratch.get();
    Matcher[] matchers = new Matcher[grammars.size()];
    for (int i = 0; i < searched.length(); i++) {
      if (i > 0 && failsStartGuard(searched.charAt(i - 1))) {
        continue;
      }
      for (int g : candidates(searched, i, scratch.grammarsByFirstThree)) {
        Matcher m = matchers[g];
        if (m == null) {
          m = matchers[g] = scratch.matchers[g].reset(searched);
        }
        m.region(i, searched.length());
        if (m.lookingAt()) {
          hits.add(new Hit(grammars.get(g).id(), i, m.end()));
        }
      }
    }
    return hits;
  }

  /** The grammars whose match can begin at {@code i}, by the characters there. */
  private int[] candidates(String searched, int i, int[][][] grammarsByFirstThree) {
    char first = searched.charAt(i);
    if (first >= grammarsByFirstChar.length) {
      return allGrammars;
    }
    char second = i + 1 < searched.length() ? searched.charAt(i + 1) : Character.MAX_VALUE;
    if (second >= grammarsByFirstTwo[first].length) {
      return grammarsByFirstChar[first];
    }
    int[] byTwo = grammarsByFirstTwo[first][second];
    char third = i + 2 < searched.length() ? searched.charAt(i + 2) : Character.MAX_VALUE;
    if (byTwo.length == 0 || third >= 128) {
      return byTwo;
    }
    int[][] byThird = grammarsByFirstThree[first << 7 | second];
    if (byThird == null) {
      byThird = grammarsByFirstThree[first << 7 | second] = new int[128][];
    }
    if (byThird[third] == null) {
      byThird[third] = canBegin(byTwo, "" + first + second + third);
    }
    return byThird[third];
  }

  private Matcher[] newMatchers() {
    Matcher[] matchers = new Matcher[grammars.size()];
    for (int g = 0; g < matchers.length; g++) {
      matchers[g] = grammars.get(g).pattern().matcher("");
      matchers[g].useTransparentBounds(true); // the guards look outside the region, as find() would
      matchers[g].useAnchoringBounds(false);
    }
    return matchers;
  }

  /** True for a character after which {@link #START_GUARD} cannot hold ({@code \p{Alnum}} is ASCII). */
  private static boolean failsStartGuard(char previous) {
    return previous < 128 && (Character.isLetterOrDigit(previous) || "_.-".indexOf(previous) >= 0);
  }

  /**
   * The text the grammar patterns run over, offset for offset the same as {@code text}: its
   * separators normalised and, for text that came from OCR, look-alike characters inside model
   * numbers read back as the grammar of one vendor (the context vendor's first) accepts them,
   * "DS-2CO2347G2-LU" as "DS-2CD2347G2-LU". Matches keep the text as written.
   */
  public String searchText(CharSequence text, String contextVendor, boolean ocr) {
    String normalised = normaliseSeparators(text);
    if (!ocr) {
      return normalised;
    }
    Optional<Vendor> context = contextVendor(contextVendor);
    List<Pattern> byPreference = grammars.stream()
        .sorted(Comparator.comparingInt((ModelGrammar g) -> contextScore(g, context)).reversed())
        .map(ModelGrammar::pattern)
        .toList();
    return ocrCorrector.correct(normalised, byPreference);
  }

  /**
   * Turns raw pattern hits over {@code searched} (from {@link #hits}) into model matches: drops
   * trailing words that are not model suffixes, drops short codes whose vendor is neither named
   * beside them nor the context vendor, then keeps non-overlapping spans, longest first, with ties
   * going to the context vendor's grammar and then to the grammar listed first. Each match's
   * {@code asWritten} is from {@code text}.
   */
  private List<ModelMatch> resolve(
      CharSequence text, String searched, List<Hit> hits, String contextVendor) {
    String original = text.toString();
    Optional<Vendor> context = contextVendor(contextVendor);
    record Candidate(ModelMatch match, int contextScore, int order) {
      int length() {
        return match.end() - match.start();
      }
    }
    List<Candidate> candidates = new ArrayList<>();
    for (Hit hit : hits) {
      Integer order = orderById.get(hit.grammarId());
      if (order == null) {
        continue;
      }
      ModelGrammar g = grammars.get(order);
      int score = contextScore(g, context);
      interpret(g, original, searched, hit.start(), hit.end(), score)
          .ifPresent(match -> candidates.add(new Candidate(match, score, order)));
    }
    candidates.sort(
        Comparator.comparingInt(Candidate::length)
            .reversed()
            .thenComparing(Comparator.comparingInt(Candidate::contextScore).reversed())
            .thenComparingInt(Candidate::order)
            .thenComparingInt(c -> c.match().start()));
    // Chosen spans never overlap, so the one starting last before a candidate's end is the only
    // one that can overlap it.
    TreeMap<Integer, ModelMatch> chosen = new TreeMap<>();
    for (Candidate c : candidates) {
      Map.Entry<Integer, ModelMatch> before = chosen.lowerEntry(c.match().end());
      if (before == null || before.getValue().end() <= c.match().start()) {
        chosen.put(c.match().start(), c.match());
      }
    }
    return List.copyOf(chosen.values());
  }

  /**
   * The model in a table cell that holds one model, possibly after a brand name ("Hikvision
   * DS-2CD2143G0-I", "AXIS P3245-LVE"). Offsets are into the cell as given.
   */
  public Optional<ModelMatch> parseCell(String cell, String contextVendor) {
    if (cell == null || cell.isBlank()) {
      return Optional.empty();
    }
    Optional<ModelMatch> direct = modelAtStart(cell, 0, contextVendor);
    if (direct.isPresent()) {
      return direct;
    }
    Matcher words = WORD.matcher(cell);
    List<int[]> spans = new ArrayList<>();
    while (words.find() && spans.size() < 7) {
      spans.add(new int[] {words.start(), words.end()});
    }
    // A leading brand name written before the model: longest one that resolves to a vendor.
    for (int k = spans.size() - 1; k >= 1; k--) {
      String brand = cell.substring(spans.get(0)[0], spans.get(k - 1)[1]);
      Optional<Vendor> vendor = catalogue.resolve(brand);
      if (vendor.isPresent()) {
        String context = contextVendor != null ? contextVendor : vendor.get().canonical();
        return modelAtStart(cell, spans.get(k)[0], context);
      }
    }
    return Optional.empty();
  }

  private Optional<ModelMatch> modelAtStart(String cell, int from, String contextVendor) {
    int first = from;
    while (first < cell.length() && OPENING_PUNCTUATION.indexOf(cell.charAt(first)) >= 0) {
      first++;
    }
    int start = first;
    return find(cell, contextVendor).stream().filter(m -> m.start() == start).findFirst();
  }

  private Optional<ModelMatch> interpret(
      ModelGrammar g, String original, String normalised, int start, int end, int contextScore) {
    Matcher m = g.pattern().matcher(normalised);
    m.useTransparentBounds(true);
    m.useAnchoringBounds(false);
    int cut = end;
    while (true) {
      m.region(start, cut);
      if (!m.matches()) {
        return Optional.empty();
      }
      int unlikely = g.isProductName() ? -1 : startOfUnlikelySuffix(normalised, m, start, cut, g.suffixWords());
      if (unlikely < 0) {
        break;
      }
      cut = unlikely;
    }
    int tailStart = beforeSpacedDashTail(normalised, start, cut);
    if (tailStart < cut) {
      cut = tailStart;
      m.region(start, cut);
      if (!m.matches()) {
        return Optional.empty();
      }
    }
    if (!g.isProductName() && startsWithProseWord(normalised, start, cut)) {
      return Optional.empty();
    }
    if (g.requiresContext() && !brandWritten(m) && contextScore < 2) {
      return Optional.empty();
    }
    String asWritten = original.substring(start, cut);
    if (g.isProductName() && asWritten.equals(asWritten.toLowerCase(Locale.ROOT))) {
      return Optional.empty(); // product names in all lower case are ordinary prose
    }
    return Optional.of(
        new ModelMatch(start, cut, asWritten, canonical(g, m), g.vendor(), g.productType(), g.id()));
  }

  /**
   * Where a space-separated token that cannot be part of a model begins, or -1. A token after a
   * plain space (not a hyphen) is kept only if it mixes letters and digits without being a
   * spec like "4MP", or is a short all-letter suffix in the same case as what precedes it; so
   * "DS-2CD2143G0-I cameras" and "P3375-V in" lose their last word, "DS 2CD2347G2 LU" does not.
   */
  private static int startOfUnlikelySuffix(
      String text, Matcher m, int start, int end, Set<String> suffixWords) {
    int generationStart = groupStart(m, "gen");
    String previous = null;
    int segmentStart = start;
    int i = start;
    while (true) {
      if (i < end && !isPlainSpaceBetween(text, i, start, end)) {
        i++;
        continue;
      }
      String segment = text.substring(segmentStart, i);
      boolean inGeneration = generationStart >= 0 && segmentStart > generationStart;
      boolean vendorWord = suffixWords.contains(segment.toLowerCase(Locale.ROOT));
      if (previous != null && !inGeneration && !vendorWord && !plausibleSuffix(segment, previous)) {
        return spaceStartBefore(text, segmentStart, start);
      }
      if (i == end) {
        return -1;
      }
      previous = segment;
      while (i < end && isSpace(text.charAt(i))) {
        i++;
      }
      segmentStart = i;
    }
  }

  /**
   * True when a lower-case word is followed by a space and an upper-case code, as in "and
   * X2221-10-FLI": the word is prose, not the first part of a code written with a space.
   */
  private static boolean startsWithProseWord(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (isPlainSpaceBetween(text, i, start, end)) {
        String first = text.substring(start, i);
        String rest = text.substring(i, end);
        return first.chars().allMatch(Character::isLowerCase)
            && !rest.equals(rest.toLowerCase(Locale.ROOT));
      }
    }
    return false;
  }

  private static final Pattern SPACED_DASH_TAIL = Pattern.compile("\\s+-\\s+(?:\\d+|[a-z]{3,}(?:-[a-z]+)*)$");

  /**
   * "XRN-1610S – 2 no.", "DS-2CD2143G0-I – twenty-four": a number or a lower-case word after a
   * spaced dash is a count or prose, not the model's last segment.
   */
  private static int beforeSpacedDashTail(String text, int start, int cut) {
    Matcher tail = SPACED_DASH_TAIL.matcher(text.substring(start, cut));
    return tail.find() ? start + tail.start() : cut;
  }

  private static boolean isPlainSpaceBetween(String text, int i, int start, int end) {
    if (!isSpace(text.charAt(i)) || i == start || isSpace(text.charAt(i - 1))) {
      return false;
    }
    int j = i;
    while (j < end && isSpace(text.charAt(j))) {
      j++;
    }
    return text.charAt(i - 1) != '-' && j < end && text.charAt(j) != '-';
  }

  private static int spaceStartBefore(String text, int segmentStart, int floor) {
    int k = segmentStart;
    while (k > floor && isSpace(text.charAt(k - 1))) {
      k--;
    }
    return k;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\r';
  }

  private static boolean plausibleSuffix(String segment, String previous) {
    boolean hasDigit = segment.chars().anyMatch(Character::isDigit);
    boolean hasLetter = segment.chars().anyMatch(Character::isLetter);
    if (hasDigit && !hasLetter) {
      // "NDE 5503 AL": digits right after an upper-case series prefix are the model's number;
      // digits after a complete code ("XNO-6080R 39") or a word ("and 2024") are not.
      return segment.length() >= 3 && previous.chars().allMatch(Character::isUpperCase);
    }
    if (hasDigit) {
      return !SPEC_TOKEN.matcher(segment).matches();
    }
    if (!segment.chars().allMatch(Character::isLetter) || segment.length() > MAX_SUFFIX_LETTERS
        || PROSE_WORDS.contains(segment) || KIND_ABBREVIATIONS.contains(segment.toUpperCase(Locale.ROOT))) {
      return false;
    }
    String previousLetters = previous.replaceAll("[^\\p{Alpha}]", "");
    boolean upper = segment.equals(segment.toUpperCase(Locale.ROOT));
    boolean lower = segment.equals(segment.toLowerCase(Locale.ROOT));
    return upper && previousLetters.equals(previousLetters.toUpperCase(Locale.ROOT))
        || lower && !previousLetters.isEmpty()
            && previousLetters.equals(previousLetters.toLowerCase(Locale.ROOT));
  }

  private static String canonical(ModelGrammar g, Matcher m) {
    String model = groupStart(m, "model") >= 0 ? m.group("model") : m.group();
    if (g.isProductName()) {
      List<String> words = new ArrayList<>();
      for (String word : model.trim().split("\\s+")) {
        words.add(g.nameWords().getOrDefault(word.toLowerCase(Locale.ROOT), word));
      }
      return String.join(" ", words);
    }
    String code = WRITTEN_SEPARATOR.matcher(model.trim()).replaceAll("-").toUpperCase(Locale.ROOT);
    String generation = "";
    if (groupStart(m, "gen") >= 0) {
      String[] parts = m.group("gen").trim().split("\\s+");
      generation = " MK " + parts[parts.length - 1].toUpperCase(Locale.ROOT);
    }
    return g.canonicalPrefix() + code + generation;
  }

  private static boolean brandWritten(Matcher m) {
    return groupStart(m, "brand") >= 0;
  }

  /** Start of a named group in the last match, or -1 if the pattern lacks it or it did not take part. */
  private static int groupStart(Matcher m, String group) {
    try {
      return m.start(group);
    } catch (IllegalArgumentException noSuchGroup) {
      return -1;
    }
  }

  private Optional<Vendor> contextVendor(String contextVendor) {
    if (contextVendor == null || contextVendor.isBlank()) {
      return Optional.empty();
    }
    return catalogue.byCanonical(contextVendor).or(() -> catalogue.resolve(contextVendor));
  }

  /** 2 when the grammar is the context vendor's own, 1 when one of the two makes or owns the other. */
  private int contextScore(ModelGrammar g, Optional<Vendor> context) {
    if (context.isEmpty()) {
      return 0;
    }
    Vendor c = context.get();
    if (g.vendor().equals(c.canonical())) {
      return 2;
    }
    Optional<Vendor> grammarVendor = catalogue.byCanonical(g.vendor());
    boolean related =
        g.vendor().equals(c.oemOf())
            || g.vendor().equals(c.parent())
            || grammarVendor.map(v -> c.canonical().equals(v.oemOf()) || c.canonical().equals(v.parent()))
                .orElse(false);
    return related ? 1 : 0;
  }

  /**
   * Rewrites a grammar pattern from the data file: each hyphen outside a character class becomes
   * {@link #SEPARATOR}, and the whole is wrapped in word guards.
   */
  static String expand(String pattern) {
    StringBuilder out = new StringBuilder(START_GUARD).append("(?:");
    int classDepth = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        out.append(c).append(pattern.charAt(++i));
      } else if (c == '[') {
        classDepth++;
        out.append(c);
      } else if (c == ']' && classDepth > 0) {
        classDepth--;
        out.append(c);
      } else if (c == '-' && classDepth == 0) {
        out.append(SEPARATOR);
      } else {
        out.append(c);
      }
    }
    return out.append(')').append(END_GUARD).toString();
  }

  private static ModelGrammars load(VendorCatalogue catalogue) {
    JsonNode root = ReferenceData.json(RESOURCE);
    JsonNode entries = root.isArray() ? root : root.get("grammars");
    List<ModelGrammar> grammars = new ArrayList<>();
    for (JsonNode e : entries) {
      grammars.add(toGrammar(e));
    }
    return new ModelGrammars(grammars, catalogue);
  }

  private static ModelGrammar toGrammar(JsonNode e) {
    Map<String, String> nameWords = new LinkedHashMap<>();
    e.path("words").forEach(w -> nameWords.put(w.asText().toLowerCase(Locale.ROOT), w.asText()));
    Set<String> suffixWords = new HashSet<>();
    e.path("suffix_words").forEach(w -> suffixWords.add(w.asText().toLowerCase(Locale.ROOT)));
    List<String> examples = new ArrayList<>();
    e.path("examples").forEach(x -> examples.add(x.asText()));
    return new ModelGrammar(
        e.get("id").asText(),
        e.get("vendor").asText(),
        e.path("family").asText(""),
        e.get("product_type").asText(),
        Pattern.compile(expand(e.get("pattern").asText()), Pattern.CASE_INSENSITIVE),
        e.path("requires_context").asBoolean(false),
        e.path("canonical_prefix").asText(""),
        Map.copyOf(nameWords),
        Set.copyOf(suffixWords),
        List.copyOf(examples),
        e.path("source").asText(""));
  }
}
