package org.foiwatch.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.foiwatch.ingest.Block;
import org.foiwatch.ingest.ParsedDocument;

/**
 * The response's own fields: the authority (letterhead, signature, sender), our FOI reference
 * (not the requester's "Your ref"), the response date, the outcome and the exemptions cited.
 */
public final class FoiFieldExtractor {

  /** The words that end an authority's name ("Kent Police"), as regex alternatives. */
  private static final List<String> AUTHORITY_WORDS = List.of("Council", "Police", "Constabulary", "Trust", "University",
      "Authority", "Commissioner", "Fire\\s+and\\s+Rescue\\s+Service", "Fire\\s+Authority");
  /** The words that open a "County of ..." name. */
  private static final List<String> PLACE_WORDS = List.of("(?:London|Royal)\\s+Borough", "City", "County", "Borough",
      "Metropolitan\\s+Borough", "District");
  /**
   * Every authority name holds all the capitalised words of one of the alternatives above, so a
   * line with none of them is not searched: that skips most lines.
   */
  private static final List<String> AUTHORITY_LITERALS = Pattern.compile("[A-Z][a-z]+")
      .matcher(String.join(" ", AUTHORITY_WORDS) + " " + String.join(" ", PLACE_WORDS))
      .results().map(java.util.regex.MatchResult::group).distinct().toList();
  /** The words of a name that say what kind of body it is, not which: a name of these alone is cut short. */
  private static final Set<String> GENERIC_NAME_WORDS = Stream.concat(AUTHORITY_LITERALS.stream(), Stream.of("of", "and"))
      .collect(Collectors.toUnmodifiableSet());
  private static final String AUTHORITY_WORD = "(?:" + String.join("|", AUTHORITY_WORDS) + ")";
  /** A word of a place's name after "Borough of": capitalised, not an acronym such as "FOI" set beside it. */
  private static final String PLACE_NAME_WORD = "[A-Z][a-z'’][\\w'’-]*";
  private static final Pattern AUTHORITY = Pattern.compile(
      "\\b((?:" + String.join("|", PLACE_WORDS) + ")\\s+of\\s+" + PLACE_NAME_WORD + "(?:\\s+(?!Town\\b|Civic\\b|Council\\b|House\\b|Hall\\b|Offices?\\b|Centre\\b|Buildings?\\b)" + PLACE_NAME_WORD + "){0,2}(?:\\s+Council)?"
          // The name's words are not themselves "Council" etc.: a letterhead set beside "Council
          // House" reads "Calderbrook Council Council House", whose authority ends at the first.
          + "|(?:(?!" + AUTHORITY_WORD + "\\b)[A-Z][\\w'’-]+\\s+){1,4}" + AUTHORITY_WORD + ")");
  /** A letterhead's parts: lines, cells, and "•" or "|" between address parts. */
  private static final Pattern LINE_PARTS = Pattern.compile("[\\n\\t•|]");
  private static final Pattern NOT_AN_AUTHORITY_START = Pattern.compile(
      "^(?:The|Dear|Yours|Re|From|To|Our|Your|Information|Freedom|Request|Internal|This|Thank|Please|Kind|Regards|Subject|FOI|Data|Records|Legal|Customer|Corporate|Democratic)\\s");

  private static final Pattern NCND = Pattern.compile("(?i)neither\\s+confirms?\\s+n?or\\s+den(?:y|ies)");
  private static final WordPattern REFUSED = WordPattern.compile(
      "(?:is|are|been|be)\\s+(?:therefore\\s+)?refused|refus(?:e|ing)\\s+(?:your|this|the)\\s+request|(?:request|information)\\s+is\\s+(?:therefore\\s+)?(?:being\\s+)?(?:withheld|refused)\\s+in\\s+full"
          + "|(?:exceed|exceeds|exceeding)\\s+the\\s+(?:appropriate|cost)\\s+limit|vexatious|this\\s+is\\s+a\\s+refusal\\s+notice|refusal\\s+notice|(?:withheld|withhold(?:ing)?\\s+(?:it|them|this|the\\s+information))\\s+in\\s+(?:its\\s+)?(?:full|entirety)|exempt\\s+from\\s+disclosure\\s+in\\s+full|all\\s+of\\s+the\\s+(?:requested\\s+)?information\\s+is\\s+(?:being\\s+)?withheld");
  private static final WordPattern NOT_HELD = WordPattern.compile(
      "(?:does|do)\\s+not\\s+hold|(?:is|are)\\s+not\\s+held|not\\s+held\\s+in\\s+the\\s+(?:format|form)|not\\s+held\\s+by|information\\s+not\\s+held|no\\s+(?:recorded\\s+)?information\\s+(?:is\\s+)?held|holds\\s+no\\s+(?:recorded\\s+)?information|(?:does|do)\\s+not\\s+(?:own|operate)\\s+any\\s+(?:cctv|cameras?)");
  private static final WordPattern WITHHELD = WordPattern.compile(
      "withheld|withhold|(?:is|are)\\s+exempt|exempt\\s+(?:under|by\\s+virtue)|has\\s+been\\s+redacted|have\\s+been\\s+redacted|not\\s+been\\s+(?:provided|disclosed)");
  /** Wordings that call the answer partial whatever else it says. */
  private static final WordPattern PARTIAL = WordPattern.compile(
      "part(?:ial)?\\s+disclosure|partially(?:\\s+\\w+)?|partial\\s+(?:refusal|release|response)|in\\s+part|part\\s+of\\s+(?:your\\s+request|the\\s+information)\\s+(?:is|has\\s+been)\\s+(?:withheld|refused|exempt)|some\\s+of\\s+the\\s+(?:requested\\s+)?information\\s+(?:is|has\\s+been)\\s+(?:withheld|redacted|exempt)");
  /** A count of kit ("41 cameras"): the answer gives information, whatever it withholds. */
  private static final Pattern COUNT = Pattern.compile(
      "(?i)\\b\\d{1,5}\\s+(?:[\\w-]+\\s+){0,4}?(?:cameras?|units|devices|recorders|licen[cs]es)\\b");
  /** A sentence end, where the answer is cut into sentences so boilerplate drops only its own. */
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=\\p{Lu})");
  private static final WordPattern BOILERPLATE = WordPattern.compile(
      "internal\\s+review|information\\s+commissioner|right\\s+to\\s+complain|dissatisfied|re-use|copyright|not\\s+content\\s+with");
  private static final Pattern EXEMPTION = Pattern.compile(
      "(?i)\\b(?:section|s\\.?)\\s?(\\d{1,2})(?:\\s?\\(\\d\\)(?:\\s?\\([a-z]\\))?)?(?=[^\\d]|$)");
  /** An exception of the Environmental Information Regulations 2004: regulation 12(4)(b), reg. 13(1). */
  private static final Pattern EIR_EXCEPTION = Pattern.compile(
      "(?i)\\b(?:regulations?|reg\\.?)\\s?(1[23](?:\\s?\\(\\d\\)(?:\\s?\\([a-z]\\))?)?)(?![\\d(])");
  /** A paragraph that cites exemptions holds one of these (any case, inside words too) or a phrase below. */
  private static final List<String> EXEMPTION_CONTEXT_WORDS = List.of("exempt", "withh", "refus", "exception");
  private static final Pattern EXEMPTION_CONTEXT_PHRASE = Pattern.compile("(?i)cost\\s+limit|neither\\s+confirm");
  private static final Pattern FOISA = Pattern.compile("(?i)\\bFOISA\\b|Freedom\\s+of\\s+Information\\s+\\(Scotland\\)");

  private FoiFieldExtractor() {}

  /** The phrase patterns searched word by word (for the test that they find what find() does). */
  static List<WordPattern> phrasePatterns() {
    return List.of(REFUSED, NOT_HELD, WITHHELD, PARTIAL, BOILERPLATE);
  }

  public static final String SIGNAL_TEXT = "text";
  public static final String SIGNAL_NCND = "ncnd";
  public static final String SIGNAL_REFUSED = "refused";
  public static final String SIGNAL_NOT_HELD = "not_held";
  public static final String SIGNAL_WITHHELD = "withheld";
  public static final String SIGNAL_PARTIAL = "partial";
  public static final String SIGNAL_GIVES = "gives";

  public static DocumentFields extract(ParsedDocument document, boolean[] excluded, Integer totalCameras) {
    List<Block> blocks = document.blocks();
    List<Block> answerBlocks = new ArrayList<>();
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < blocks.size(); i++) {
      all.append(blocks.get(i).text()).append('\n');
      if (!excluded[i]) {
        answerBlocks.add(blocks.get(i));
      }
    }
    if (answerBlocks.isEmpty()) {
      // Everything set aside as an earlier message: a saved e-mail whose own From/Sent header
      // opens it. Its fields are read from the whole of it (its equipment is not).
      answerBlocks.addAll(blocks);
    }
    List<String> answer = answerBlocks.stream().map(Block::text).toList();
    String prose = answerBlocks.stream().filter(block -> !block.isRow()).map(Block::text).collect(Collectors.joining("\n"));
    Map<String, String> metadata = document.metadata();
    String reference = ReferenceExtractor.reference(all.toString(), metadata.getOrDefault("title", ""));
    String authority = authority(blocks, metadata);
    // An e-mail's "created" is its Date header, when it was sent; any other file's is not the letter's.
    String sentDate = metadata.containsKey("from") ? metadata.get("created") : null;
    String date = ResponseDateExtractor.responseDate(String.join("\n", answer), prose, sentDate);
    List<String> outcomeText = answer.stream().flatMap(SENTENCE_END::splitAsStream).filter(t -> !BOILERPLATE.find(t)).toList();
    Set<String> signals = outcomeSignals(outcomeText);
    if (totalCameras != null && signals.contains(SIGNAL_TEXT)) {
      signals.add(SIGNAL_GIVES);
    }
    return new DocumentFields(authority, reference, date, signals, exemptions(outcomeText), totalCameras);
  }

  static String authority(List<Block> blocks, Map<String, String> metadata) {
    Map<String, Integer> votes = new HashMap<>();
    Map<String, Integer> firstSeen = new HashMap<>();
    int order = 0;
    String from = metadata.get("from");
    if (from != null) {
      order = vote(from.replaceAll("<.*?>", " "), votes, firstSeen, order, 3);
    }
    for (int i = 0; i < blocks.size(); i++) {
      // The letterhead and the signature name the authority; the first lines weigh most.
      int weight = i < 3 ? 3 : 1;
      for (String line : LINE_PARTS.split(blocks.get(i).text())) {
        order = vote(line, votes, firstSeen, order, weight);
      }
    }
    Map<String, Integer> counted = countShortFormsAsFull(votes, firstSeen);
    return counted.entrySet().stream()
        .max((a, b) -> a.getValue().equals(b.getValue())
            ? Integer.compare(firstSeen.get(b.getKey()), firstSeen.get(a.getKey()))
            : Integer.compare(a.getValue(), b.getValue()))
        .map(Map.Entry::getKey).orElse(null);
  }

  /**
   * Votes for a name that lacks only generic words of a longer one ("Ashcombe Council",
   * "Ashcombe Metropolitan Council" beside "Ashcombe Metropolitan Borough Council": a short form,
   * or a letterhead whose lines a two-column layout interleaved) count for the longer name, the
   * longest such (first seen on a tie). A name with other words missing is another body.
   */
  private static Map<String, Integer> countShortFormsAsFull(Map<String, Integer> votes, Map<String, Integer> firstSeen) {
    Map<String, List<String>> wordsOf = new HashMap<>();
    votes.keySet().forEach(name -> wordsOf.put(name, List.of(name.split(" "))));
    Map<String, Integer> counted = new HashMap<>();
    for (Map.Entry<String, Integer> vote : votes.entrySet()) {
      List<String> words = wordsOf.get(vote.getKey());
      String full = vote.getKey();
      for (String other : votes.keySet()) {
        List<String> otherWords = wordsOf.get(other);
        int fullLength = wordsOf.get(full).size();
        boolean longest = otherWords.size() > fullLength
            || otherWords.size() == fullLength && firstSeen.get(other) < firstSeen.get(full);
        if (otherWords.size() > words.size() && longest && lacksOnlyGenericWords(words, otherWords)) {
          full = other;
        }
      }
      counted.merge(full, vote.getValue(), Integer::sum);
    }
    return counted;
  }

  /** True when {@code longer} is {@code words} in order with generic words (and only those) added. */
  private static boolean lacksOnlyGenericWords(List<String> words, List<String> longer) {
    int next = 0;
    for (String word : longer) {
      if (next < words.size() && word.equals(words.get(next))) {
        next++;
      } else if (!GENERIC_NAME_WORDS.contains(word)) {
        return false;
      }
    }
    return next == words.size();
  }

  private static int vote(String line, Map<String, Integer> votes, Map<String, Integer> firstSeen, int order, int weight) {
    if (AUTHORITY_LITERALS.stream().noneMatch(line::contains)) {
      return order;
    }
    Matcher matcher = AUTHORITY.matcher(line);
    while (matcher.find()) {
      String name = trimAuthority(matcher.group(1));
      if (name == null) {
        continue;
      }
      votes.merge(name, weight, Integer::sum);
      firstSeen.putIfAbsent(name, order++);
    }
    return order;
  }

  private static String trimAuthority(String raw) {
    String name = raw.replaceAll("\\s+", " ").strip();
    while (NOT_AN_AUTHORITY_START.matcher(name).find()) {
      name = name.substring(name.indexOf(' ') + 1);
    }
    if (name.split(" ").length < 2 && !name.contains(" of ")) {
      return null;
    }
    if (GENERIC_NAME_WORDS.containsAll(List.of(name.split(" ")))) {
      return null; // "Borough Council": the rest of the name is on another line
    }
    if (name.matches("(?i).*\\b(?:information|commissioner'?s?|ico)\\b.*") || name.matches("(?i)^(?:the\\s+)?(?:council|police|trust)$")) {
      return null;
    }
    return name;
  }

  /** What the answer says about its outcome; {@link #outcome} resolves it once equipment is known. */
  static Set<String> outcomeSignals(List<String> answer) {
    String text = String.join("\n", answer);
    Set<String> signals = new TreeSet<>();
    if (!text.isBlank()) {
      signals.add(SIGNAL_TEXT);
    }
    if (NCND.matcher(text).find()) {
      signals.add(SIGNAL_NCND);
    }
    if (REFUSED.find(text)) {
      signals.add(SIGNAL_REFUSED);
    }
    if (NOT_HELD.find(text)) {
      signals.add(SIGNAL_NOT_HELD);
    }
    if (WITHHELD.find(text)) {
      signals.add(SIGNAL_WITHHELD);
    }
    if (PARTIAL.find(text)) {
      signals.add(SIGNAL_PARTIAL);
    }
    if (COUNT.matcher(text).find()) {
      signals.add(SIGNAL_GIVES);
    }
    return signals;
  }

  /**
   * From what the answer withholds: refused for neither-confirm-nor-deny, or a refusal or
   * exemption with nothing given; partial when it says so, or refuses, withholds or does not hold
   * part while giving the rest (a count of kit, a camera total, or equipment found); not_held when
   * it holds nothing; else disclosed ("we use no Hikvision" included).
   */
  public static String outcome(Set<String> signals, boolean hasEquipment) {
    if (!signals.contains(SIGNAL_TEXT)) {
      return null;
    }
    if (signals.contains(SIGNAL_NCND)) {
      return "refused";
    }
    if (signals.contains(SIGNAL_PARTIAL)) {
      return "partial";
    }
    boolean gives = hasEquipment || signals.contains(SIGNAL_GIVES);
    if (signals.contains(SIGNAL_REFUSED) || signals.contains(SIGNAL_WITHHELD)) {
      return gives ? "partial" : "refused";
    }
    if (signals.contains(SIGNAL_NOT_HELD)) {
      return gives ? "partial" : "not_held";
    }
    return "disclosed";
  }

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
