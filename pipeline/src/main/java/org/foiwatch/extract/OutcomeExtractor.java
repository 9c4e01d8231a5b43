package org.foiwatch.extract;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The outcome of a response: signals read from what the answer says (refuses, withholds, does
 * not hold, gives a count), resolved into one outcome once the equipment found is known.
 */
public final class OutcomeExtractor {

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

  static final String SIGNAL_TEXT = "text";
  static final String SIGNAL_NCND = "ncnd";
  static final String SIGNAL_REFUSED = "refused";
  static final String SIGNAL_NOT_HELD = "not_held";
  static final String SIGNAL_WITHHELD = "withheld";
  static final String SIGNAL_PARTIAL = "partial";
  static final String SIGNAL_GIVES = "gives";

  private OutcomeExtractor() {}

  /** The phrase patterns searched word by word. */
  static List<WordPattern> phrasePatterns() {
    return List.of(REFUSED, NOT_HELD, WITHHELD, PARTIAL);
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
}
