package org.foiwatch.normalise;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of a model number that no grammar knows: letters and digits joined by hyphens or
 * slashes, of bounded length ("ZX-4000/B", "KV9R-220"). It is read only where a model is
 * expected (a model column, right after a maker's name), so an analyst sees an unseen family
 * instead of losing it. Codes of other kinds that share the shape are never read as models.
 */
public final class ModelShape {

  private static final int MIN_LENGTH = 3;
  private static final int MAX_LENGTH = 24;
  /** Characters either side of a code that its label or a postcode's other half is read from. */
  private static final int CONTEXT = 40;

  /** One code: alphanumeric pieces joined by hyphens or slashes, not inside a longer token. */
  private static final Pattern CODE = Pattern.compile(
      "(?<![\\p{Alnum}_./\\-])[A-Za-z0-9]+(?:[-/][A-Za-z0-9]+){0,5}(?![\\p{Alnum}_(:]|[./\\-][\\p{Alnum}(])");


  // Shapes of other codes in FOI letters, which share letters and digits with model numbers:

  /** "12-Mar-2024", "Mar-24", "2024-Q1": dates and periods written with a month or quarter. */
  private static final Pattern DATE = Pattern.compile(
      "(?i)(?:\\d{1,2}[-/])?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}[-/]\\d{2,4}"
          + "|\\d{4}[-/]?q[1-4]|q[1-4][-/]\\d{2,4}|(?:fy|cy)\\d{2,4}(?:[-/]\\d{2,4})?");
  /** A UK postcode whole ("SW1A1AA") or its outward part ("SW1A", "M1"), which the letter writes before "1AA". */
  private static final Pattern POSTCODE = Pattern.compile("(?i)[a-z]{1,2}\\d[a-z\\d]?(?:\\d[a-z]{2})?");
  private static final Pattern POSTCODE_INWARD = Pattern.compile("(?i)^\\s\\d[a-z]{2}\\b");
  private static final Pattern POSTCODE_INWARD_CODE = Pattern.compile("(?i)\\d[a-z]{2}");
  private static final Pattern POSTCODE_OUTWARD_BEFORE = Pattern.compile("(?i)\\b[a-z]{1,2}\\d[a-z\\d]?\\s$");
  /** "FOI/2024/0123", "FOI-1234-2024", "EIR 2024-55", "CRM:0012345", "Ref 12AB": request and case references. */
  private static final Pattern REFERENCE = Pattern.compile(
      "(?i)(?:foia?|foir|eir|rfi|sar|dpa|crm|ref|req)[-/]?\\d.*");
  private static final Pattern REFERENCE_LABEL = Pattern.compile(
      "(?i)(?:\\bref(?:erence)?|\\brequest|\\bcase|\\bticket)\\s*(?:no|number|id)?\\.?\\s*[:#]?\\s*$");
  /** "SN: 4F2A9C1D", "S/N 4F2A", "Serial No. AB12", "Asset tag CAM-012": one unit's identity, not its model. */
  private static final Pattern SERIAL_LABEL = Pattern.compile(
      "(?i)(?:\\bs/?n|\\bserial(?:\\s+(?:no|number))?|\\basset(?:\\s+(?:id|tag|no|number))?|\\bmac(?:\\s+address)?|\\bimei)\\.?\\s*[:#]?\\s*$");
  /** "s31", "s.31(1)(a)", "section 40(2)", "para 3a", "Reg 4b": sections of the Act and of the letter. */
  private static final Pattern SECTION = Pattern.compile("(?i)s\\d{1,3}[a-z]?");
  private static final Pattern SECTION_LABEL = Pattern.compile(
      "(?i)(?:(?<![\\p{L}'’])ss?|\\bsection|\\bsections|\\bpara|\\bparagraph|\\breg|\\bregulation|\\bart|\\barticle|\\bschedule|\\bpart|\\bclause|\\bpage|\\bappendix|\\bannex|\\bitem|\\bquestion|\\bq)\\.?\\s*$");
  /** "4F2A9C1D", "00-1A-2B-3C-4D-5E": a unit's hexadecimal serial or MAC address, not its model. */
  private static final Pattern HEX_IDENTITY = Pattern.compile("(?i)[0-9a-f]{8,}|(?:[0-9a-f]{2}-){5}[0-9a-f]{2}");
  /** "x12", "12x", "4MP", "1080p", "IP67", "IK10", "1st", "10am", "24V": counts, specs, ratings, ordinals, times. */
  private static final Pattern COUNT_OR_SPEC = Pattern.compile(
      "(?i)\\d{1,5}(?:st|nd|rd|th|am|pm|v|w|m|kg|km|mph|hrs?|mins?|days?|yrs?|ghz|mbps|lux)|ip\\d{2}|ik\\d{2}|h26[45]|[x×]\\d{1,5}|\\d{1,5}[x×]");

  private ModelShape() {}

  /**
   * The code starting at {@code from} after blanks, when it has the shape of a model number and
   * no other code's shape in its place: {@code text[start, end)} with its canonical form.
   */
  public static Optional<Code> codeAt(String text, int from) {
    int start = codeStart(text, from);
    if (start < 0) {
      return Optional.empty();
    }
    Matcher code = CODE.matcher(text).region(start, text.length()).useTransparentBounds(true).useAnchoringBounds(false);
    if (!code.lookingAt()) {
      return Optional.empty();
    }
    String written = code.group();
    if (!hasLetterAndDigit(written)) {
      return Optional.empty(); // most names are followed by a word, not a code: no context is read
    }
    String before = text.substring(Math.max(0, start - CONTEXT), start);
    String after = text.substring(code.end(), Math.min(text.length(), code.end() + CONTEXT));
    boolean model = isModelShape(written, before, after);
    return model ? Optional.of(new Code(start, code.end(), written, canonical(written))) : Optional.empty();
  }

  /** Where {@link #codeAt} reads a code from {@code from}: after the blanks there; -1 without any. */
  public static int codeStart(String text, int from) {
    int start = from;
    while (start < text.length() && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
      start++;
    }
    return start == from ? -1 : start;
  }

  /**
   * A model-column value no grammar reads: its canonical form when it is up to three words, each
   * letters and digits with hyphens or slashes, one of them a model-shaped code.
   */
  public static Optional<String> cell(String cell) {
    String value = canonical(cell.strip().replaceAll("\\s+", " "));
    String[] words = value.split(" ");
    if (value.isEmpty() || value.length() > MAX_LENGTH + 16 || words.length > 3) {
      return Optional.empty();
    }
    boolean hasCode = false;
    for (int i = 0; i < words.length; i++) {
      if (!CODE.matcher(words[i]).matches()) {
        return Optional.empty();
      }
      String before = String.join(" ", java.util.Arrays.copyOfRange(words, 0, i)) + " ";
      String after = " " + String.join(" ", java.util.Arrays.copyOfRange(words, i + 1, words.length));
      if (isOtherCode(words[i], before, after)) {
        return Optional.empty();
      }
      hasCode |= isModelShape(words[i], before, after);
    }
    return hasCode ? Optional.of(value) : Optional.empty();
  }

  /** Upper case, with dashes of every kind written as hyphens. */
  public static String canonical(String written) {
    return written.toUpperCase(Locale.ROOT).replaceAll("[\\u2010-\\u2015]", "-");
  }

  private static boolean isModelShape(String code, String before, String after) {
    return code.length() >= MIN_LENGTH && code.length() <= MAX_LENGTH && hasLetterAndDigit(code)
        && !isOtherCode(code, before, after);
  }

  /** An ASCII letter and an ASCII digit, on one line (as {@code .*[A-Za-z].*} and {@code .*[0-9].*} match). */
  private static boolean hasLetterAndDigit(String code) {
    boolean letter = false;
    boolean digit = false;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return false;
      }
      letter |= c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
      digit |= c >= '0' && c <= '9';
    }
    return letter && digit;
  }

  /** True when the code, with what is written before and after it, is a date, postcode, reference, section, serial or spec. */
  private static boolean isOtherCode(String code, String before, String after) {
    return DATE.matcher(code).matches()
        || POSTCODE.matcher(code).matches() && (POSTCODE_INWARD.matcher(after).find() || code.length() >= 5)
        || POSTCODE_INWARD_CODE.matcher(code).matches() && POSTCODE_OUTWARD_BEFORE.matcher(before).find()
        || REFERENCE.matcher(code).matches() || REFERENCE_LABEL.matcher(before).find()
        || SERIAL_LABEL.matcher(before).find() || HEX_IDENTITY.matcher(code).matches()
        || SECTION.matcher(code).matches() || SECTION_LABEL.matcher(before).find()
        || java.util.Arrays.stream(code.split("[-/]")).allMatch(ModelShape::isCountOrSpec);
  }

  /** "2MP/4MP", "12V-24V": pieces that each state a count or a spec make no model. */
  private static boolean isCountOrSpec(String piece) {
    return piece.chars().allMatch(Character::isDigit)
        || COUNT_OR_SPEC.matcher(piece).matches() || ModelGrammars.SPEC_TOKEN.matcher(piece).matches();
  }

  /** A model-shaped code in a text: {@code [start, end)}, as written and canonical. */
  public record Code(int start, int end, String asWritten, String canonical) {}
}
