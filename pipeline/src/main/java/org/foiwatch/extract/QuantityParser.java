package org.foiwatch.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads equipment quantities: digits with separators, number words ("forty", "twelve (12)"),
 * {@code x12}, {@code 12 no.}, {@code 12×}, approximations ("approximately 40", "c. 40") keep
 * the number, ranges give none. Rejects what only looks like a count: money, percentages,
 * resolutions (4MP, 2.8mm), channel counts, years, dates, times, decimals.
 */
public final class QuantityParser {

  private static final Map<String, Integer> UNITS = Map.ofEntries(
      Map.entry("zero", 0), Map.entry("no", 0), Map.entry("none", 0), Map.entry("a", 1), Map.entry("an", 1),
      Map.entry("one", 1), Map.entry("single", 1), Map.entry("two", 2), Map.entry("three", 3),
      Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
      Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
      Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
      Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
      Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20),
      Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60),
      Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90));

  /** Words that multiply what comes before them ("two dozen", "a pair", "three hundred"). */
  private static final Map<String, Integer> MULTIPLIERS = Map.of("hundred", 100, "dozen", 12, "pair", 2, "trio", 3);

  private static final String WORD =
      "(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
          + "|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
          + "|hundred|thousand|single|pair|dozen|trio)\\b";
  /** A number written as words: "forty", "twenty-five", "one hundred and twelve", "a dozen", "two dozen". */
  private static final String WORDS = "(?:an?\\s+(?:pair|dozen|trio)\\b|" + WORD + "(?:(?:[\\s-]+|\\s+and\\s+)" + WORD + "){0,5})";
  private static final String DIGITS = "\\d{1,3}(?:,\\d{3})+|\\d{1,6}";
  private static final String APPROX =
      "(?:(?:approximately|approx|about|around|circa|some|roughly|an estimated|estimated|over|almost|nearly)\\s+"
          + "|(?:c|ca|approx)\\.\\s*)?";
  /** A word that multiplies an item by the count before it: "12 x", "12 no.", "12nr", "2 off". */
  static final String MULTIPLIER = "x|×|no\\.?|nos\\.?|nr\\.?|off";
  /** What may follow a count without changing its meaning. */
  private static final String UNIT =
      "(?:\\s*(?:" + MULTIPLIER + "|units?|cameras?|devices?|recorders?|nvrs?|dvrs?|encoders?|items?)\\b)?";
  /** After a number these words mean it is not a count of units. */
  private static final Pattern NOT_A_COUNT_AFTER = Pattern.compile(
      "^(?:\\s*(?:%|per\\s*cent|percent|mm\\b|mp\\b|megapixel|m\\b|metres|meters|ch\\b|-?channel|-?port|tb\\b|gb\\b|"
          + "years?\\b|months?\\b|weeks?\\b|days?\\b|working\\s+days|hours?\\b|hrs\\b|fps\\b|am\\b|pm\\b|k\\b|"
          + "[:/.]\\d|-\\d|–\\d|\\s*(?:to|and|-|–)\\s*\\d))",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern MONEY_BEFORE = Pattern.compile("[£$€]\\s*$");
  private static final Pattern RANGE = Pattern.compile(
      "\\b(?:between\\s+\\S+\\s+and\\s+\\S+|\\d+\\s*(?:-|–|to)\\s*\\d+)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern WITHHELD = Pattern.compile(
      "\\b(?:withheld|exempt|redacted|not\\s+disclosed|s\\.?\\s?\\d{2}|section\\s+\\d{2}|n/?a|unknown|tbc)\\b",
      Pattern.CASE_INSENSITIVE);

  private static final Pattern CELL = Pattern.compile(
      "^\\s*\\(?\\s*" + APPROX + "(?:[x×]\\s*)?(" + DIGITS + "|" + WORDS + ")(?:\\s*\\((\\d{1,6})\\))?" + UNIT
          + "\\s*\\.?\\s*\\)?\\s*$",
      Pattern.CASE_INSENSITIVE);
  /** A note after a count in its cell: "16 (2 awaiting repair)", "5*", "12 [note 3]". */
  private static final Pattern CELL_NOTE = Pattern.compile("\\s*(?:\\([^()]*\\)|\\[[^\\]]*]|[*†‡¹²³]+)\\s*$");
  /**
   * The item's kind between it and a count given as its value ("PTZ cameras: 6", "speed domes: 2")
   * or followed by a count "in total" ("fisheye, 3 in total"); a comma alone leads to the next
   * item ("... cameras, thirteen (13) ..."), not to a count of this one.
   */
  private static final String KIND_LABEL =
      "(?:(?:ptz|speed|fixed|ip|hd|thermal|anpr|dome|bullet|turret|cctv|network|video)\\s+){0,3}"
          + "(?:cameras?|domes?|bullets?|turrets?|recorders?|nvrs?|dvrs?|encoders?|units?|devices?|ptzs?|fisheyes?"
          + "|multi-?sensors?|thermal)\\s*(?::|,(?=\\s*[\\w,.]+\\s+in\\s+total\\b))\\s*";
  /**
   * A count right after an item: "(nine units)", "x 12", ": 12", "– 12 units", "PTZ cameras: 6",
   * "...... 40" (dot leaders, as in a list of contents), a table gap.
   */
  private static final Pattern AFTER = Pattern.compile(
      "^[\\s:,()\\-–—]{0,4}(?:(?:[.·]{2,}|…+)\\s*)?(?:x\\s*|×\\s*|qty:?\\s*|quantity:?\\s*|" + KIND_LABEL + ")?" + APPROX + "(" + DIGITS + "|" + WORDS + ")"
          + "(?:\\s*\\((\\d{1,6})\\))?(\\s*(?:x|×|no\\.?|nos\\.?|units?|cameras?|devices?|recorders?|nvrs?|dvrs?|encoders?|of\\s+these|in\\s+total)\\b)?",
      Pattern.CASE_INSENSITIVE);
  /**
   * A count right before an item: "12 x ", "12 no. ", "twelve (12) ", "146 ", "30 are made by ",
   * "15 by ", "12nr ", "2 off ", and a counted kind naming its model next: "14 cameras (", "2 recorders: ",
   * "6 cameras (model ", "27 cameras, all ".
   */
  private static final Pattern BEFORE = Pattern.compile(
      "(?:^|[\\s(:,])" + APPROX + "(" + DIGITS + "|" + WORDS + ")(?:\\s*\\((\\d{1,6})\\))?"
          + "(\\s*(?:" + MULTIPLIER + "|units?\\s+of|of"
          + "|(?:(?:are|were)\\s+)?(?:(?:manufactured|made|supplied|produced)\\s+)?by"
          + "|(?:cameras?|domes?|units?|devices?|recorders?|nvrs?|dvrs?)"
          + "(?:\\s*[(:]|,?\\s+all(?:\\s+of\\s+them)?(?:\\s+are)?)?\\s*(?:models?\\b\\s*:?)?)\\s*)?\\s*$",
      Pattern.CASE_INSENSITIVE);

  /** A count in brackets right before an item: "(14) Hikvision ...". */
  private static final Pattern BRACKETED_BEFORE = Pattern.compile("(?:^|\\s)\\(\\s*(" + DIGITS + ")\\s*\\)\\s*$");

  /** The word of a count shared by each of the items it follows: "4 of each", "(3 each)". */
  private static final Pattern EACH = Pattern.compile("\\beach\\b", Pattern.CASE_INSENSITIVE);
  /** The count right before "each", read in a window of {@link #BEFORE_WINDOW} characters. */
  private static final Pattern COUNT_FOR_EACH = Pattern.compile(
      "(?<![\\w,.])(" + DIGITS + "|" + WORD + ")\\s+(?:of\\s+)?$", Pattern.CASE_INSENSITIVE);
  /** The word that says counts are given in the items' order ("6 and 8 respectively"). */
  private static final Pattern RESPECTIVELY = Pattern.compile("\\brespectively\\b", Pattern.CASE_INSENSITIVE);
  /** The counts right before "respectively": "6 and 8", "2, 15 and 1,100" (at most ten). */
  private static final Pattern COUNTS_IN_TURN = Pattern.compile(
      "((?:(?:" + DIGITS + ")\\s*,\\s*){0,8}(?:" + DIGITS + ")\\s*,?\\s*and\\s*(?:" + DIGITS + "))\\s+$",
      Pattern.CASE_INSENSITIVE);
  /** How far before "respectively" its counts are read. */
  private static final int COUNTS_IN_TURN_WINDOW = 100;
  private static final Pattern LISTED_COUNT = Pattern.compile(DIGITS);

  /** How far back {@link #before} reads for a count. */
  static final int BEFORE_WINDOW = 60;

  private QuantityParser() {}

  /** A table cell holding a quantity, perhaps with a note after it; empty for blank, withheld or range cells. */
  public static Optional<Integer> parseCell(String cell) {
    if (cell == null || cell.isBlank() || RANGE.matcher(cell).find() || WITHHELD.matcher(cell).find()) {
      return Optional.empty();
    }
    Matcher matcher = CELL.matcher(cell.strip());
    if (!matcher.matches()) {
      Matcher note = CELL_NOTE.matcher(cell);
      if (!note.find() || note.start() == 0) {
        return Optional.empty();
      }
      matcher = CELL.matcher(cell.substring(0, note.start()).strip());
      if (!matcher.matches()) {
        return Optional.empty();
      }
    }
    return Optional.ofNullable(value(matcher.group(1), matcher.group(2)));
  }

  /**
   * A count written right after position {@code from} (the end of a model or vendor name).
   * When {@code explicitOnly}, a bare number needs a unit word or brackets to count, as in prose.
   */
  public static Optional<Integer> after(String text, int from, boolean explicitOnly) {
    int to = Math.min(text.length(), from + 60);
    // "(eighteen\nunits)": a wrapped line inside the count; the next line's own text is not read.
    String window = text.substring(from, to).replace('\n', ' ');
    Matcher matcher = AFTER.matcher(window);
    if (!matcher.find()) {
      return Optional.empty();
    }
    String rest = window.substring(matcher.end(1));
    if (matcher.group(2) == null && NOT_A_COUNT_AFTER.matcher(rest).find()) {
      return Optional.empty();
    }
    String lead = window.substring(0, matcher.start(1));
    boolean explicit = matcher.group(3) != null || lead.matches(".*[(x×].*") || matcher.group(2) != null
        || lead.matches("(?is).*(?:[a-z]\\s*:|[.·]{2}|…)\\s*");
    if (explicitOnly && !explicit) {
      return Optional.empty();
    }
    return plausible(value(matcher.group(1), matcher.group(2)), matcher.group(1));
  }

  /** A count written right before position {@code to} (the start of a vendor or model name). */
  public static Optional<Integer> before(String text, int to) {
    int from = Math.max(0, to - BEFORE_WINDOW);
    String window = text.substring(from, to);
    int newline = window.lastIndexOf('\n');
    if (newline >= 0) {
      window = window.substring(newline + 1);
    }
    Matcher bracketed = BRACKETED_BEFORE.matcher(window);
    if (bracketed.find()) {
      return plausible(value(bracketed.group(1), null), bracketed.group(1));
    }
    Matcher matcher = BEFORE.matcher(window);
    if (!matcher.find()) {
      return Optional.empty();
    }
    String preceding = window.substring(0, matcher.start(1));
    // A date, time or range ("12/3", "10:30", "5-8") is no count; a label's colon or a list's dash is ("Recording: 2 x").
    if (MONEY_BEFORE.matcher(preceding).find() || preceding.matches(".*(?:\\d[/.:-]\\s*|[/.:-])$")) {
      return Optional.empty();
    }
    return plausible(value(matcher.group(1), matcher.group(2)), matcher.group(1));
  }

  /** The count {@code text} gives each of its items ("4 of each"), if any. */
  static Optional<Integer> each(String text) {
    Matcher each = EACH.matcher(text);
    while (each.find()) {
      Matcher count = COUNT_FOR_EACH.matcher(text.substring(Math.max(0, each.start() - BEFORE_WINDOW), each.start()));
      if (count.find()) {
        return plausible(value(count.group(1), null), count.group(1));
      }
    }
    return Optional.empty();
  }

  /** The counts {@code text} gives its items in their order ("6 and 8 respectively"); empty when none. */
  static List<Integer> respectively(String text) {
    Matcher respectively = RESPECTIVELY.matcher(text);
    if (!respectively.find()) {
      return List.of();
    }
    Matcher inTurn = COUNTS_IN_TURN.matcher(
        text.substring(Math.max(0, respectively.start() - COUNTS_IN_TURN_WINDOW), respectively.start()));
    if (!inTurn.find()) {
      return List.of();
    }
    List<Integer> counts = new ArrayList<>();
    Matcher count = LISTED_COUNT.matcher(inTurn.group(1));
    while (count.find()) {
      counts.add(Integer.valueOf(count.group().replace(",", "")));
    }
    return counts;
  }

  private static Optional<Integer> plausible(Integer value, String written) {
    if (value == null) {
      return Optional.empty();
    }
    boolean looksLikeYear = written.matches("(19|20)\\d\\d");
    return looksLikeYear ? Optional.empty() : Optional.of(value);
  }

  private static Integer value(String written, String bracketed) {
    if (bracketed != null) {
      return Integer.valueOf(bracketed);
    }
    String plain = written.replace(",", "");
    if (plain.chars().allMatch(Character::isDigit)) {
      return Integer.valueOf(plain);
    }
    return words(written.toLowerCase(Locale.ROOT));
  }

  /** "one hundred and twelve" → 112; null when the words are not a number. */
  static Integer words(String words) {
    int total = 0;
    int current = 0;
    boolean any = false;
    for (String word : words.split("[\\s-]+")) {
      if (word.equals("and")) {
        continue;
      }
      if (MULTIPLIERS.containsKey(word)) {
        current = Math.max(current, 1) * MULTIPLIERS.get(word);
      } else if (word.equals("thousand")) {
        total += Math.max(current, 1) * 1000;
        current = 0;
      } else if (UNITS.containsKey(word)) {
        current += UNITS.get(word);
      } else {
        return null;
      }
      any = true;
    }
    return any ? total + current : null;
  }
}
