package org.foiwatch.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.foiwatch.ingest.Block;
import org.foiwatch.ingest.ParsedDocument;

/**
 * The response's own fields: the authority ({@link AuthorityExtractor}), our FOI reference
 * (not the requester's "Your ref"), the response date, the outcome and the exemptions cited.
 */
public final class FoiFieldExtractor {

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
    // A table's data rows are not prose; a row of one cell is a sheet's title line ("exported 11 June 2024").
    String prose = answerBlocks.stream().filter(block -> !block.isRow() || block.cells().stream().filter(c -> !c.isBlank()).count() == 1)
        .map(Block::text).collect(Collectors.joining("\n"));
    Map<String, String> metadata = document.metadata();
    String reference = ReferenceExtractor.reference(all.toString(), metadata.getOrDefault("title", ""));
    String authority = AuthorityExtractor.authority(blocks, metadata, reference);
    // An e-mail's "created" is its Date header, when it was sent; any other file's is not the letter's.
    String sentDate = metadata.containsKey("from") ? metadata.get("created") : null;
    String date = ResponseDateExtractor.responseDate(String.join("\n", answer), prose, sentDate);
    List<String> sentences = answer.stream().flatMap(SENTENCE_END::splitAsStream).toList();
    List<String> outcomeText = sentences.stream().filter(t -> !BOILERPLATE.find(t)).toList();
    Set<String> signals = outcomeSignals(outcomeText);
    if (totalCameras != null && signals.contains(SIGNAL_TEXT)) {
      signals.add(SIGNAL_GIVES);
    }
    return new DocumentFields(authority, reference, date, signals, exemptions(outcomeText), totalCameras,
        RevisionExtractor.revision(sentences));
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
