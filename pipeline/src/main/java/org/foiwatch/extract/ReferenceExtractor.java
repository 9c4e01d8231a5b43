package org.foiwatch.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.foiwatch.normalise.ReferenceData;

/**
 * The authority's own FOI reference: the token after a label ("Our ref", "TfL Ref", "Request
 * number", "Case", labels in {@code foi-labels.json}), else a token of an FOI reference's shape,
 * else the token after a request type alone ("FOI BVDC/2025/044").
 * The requester's "Your ref" is never read, nor is a date, phone number or section number.
 */
final class ReferenceExtractor {

  private static final JsonNode LABELS = ReferenceData.json("/org/foiwatch/extract/foi-labels.json").get("reference");
  /** Label tiers: every "ours" label in the text is tried before any "generic" one. */
  private static final List<IndexedPattern> LABEL_TIERS = List.of(labels("ours"), labels("generic"));
  /** A request type alone before the reference ("FOI BVDC/2025/044"): read when nothing else is found. */
  private static final IndexedPattern BARE_LABELS = labels("bare");
  private static final Pattern REQUESTERS = Pattern.compile(
      "(?i)(?:" + String.join("|", ReferenceData.strings(LABELS.get("requesters"))) + ")\\W{0,3}$");
  /**
   * A reference: alphanumeric groups joined by / - . _ or by a space before a digit on its line
   * ("FOI 2024 1090"), read from the first character after the label and its colon, dash or line break.
   */
  private static final Pattern TOKEN = Pattern.compile(
      "[\\s:.#–—-]{0,8}([A-Za-z0-9]+(?:(?:[/._-]|[ \\t](?=\\d))[A-Za-z0-9]+)*)");
  /**
   * Shapes an FOI reference has without a label: a request-type word joined to a number
   * ("ICT/FOI/2290", "2021-FOI-1108", "FOIR-21-2202", "INF-2024-0212", "FOI 2024 1090") or an "F"
   * and a number ("F24/1387", "F1234567").
   */
  private static final IndexedPattern SHAPE = IndexedPattern.compile(
      "(?<![\\w/-])((?:[A-Z]{2,6}[/-]|\\d{2,4}[/.-])?(?:FOI[AR]?|FOISA|EIR|IR|INF|RFI|REQ)(?:[/-][A-Z]{2,5})?"
          + "(?:[ \\t/.-]?\\d{2,8})(?:[/.-]\\d{1,8}|[ \\t]\\d{3,8}){0,2}"
          + "|F\\d{2}/\\d{3,6}|F\\d{6,9})(?![\\w/])");
  /** "FOIA 2000", "FOISA 2002": an act's name and year, not a reference. */
  private static final Pattern ACT_AND_YEAR = Pattern.compile("[A-Z]+\\s?(?:19|20)\\d{2}");
  /** After a bare "FOI": "Act 2000", "requests 2024" are words and a year, not a reference. */
  private static final Pattern WORD_AND_YEAR = Pattern.compile("[A-Za-z]+\\s?(?:19|20)\\d{2}");
  private static final Pattern DATE_SHAPE = Pattern.compile(
      "\\d{1,2}[/.-]\\d{1,2}(?:[/.-]\\d{2,4})?|\\d{4}[/.-]\\d{1,2}[/.-]\\d{1,2}|\\d{1,2}(?:st|nd|rd|th)", Pattern.CASE_INSENSITIVE);
  private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d{2}");
  /** A UK phone number: 10 or 11 digits from a leading 0, however grouped. */
  private static final Pattern PHONE = Pattern.compile("0[\\d\\s]{9,13}");

  private ReferenceExtractor() {}

  static String reference(String text, String title) {
    for (IndexedPattern labels : LABEL_TIERS) {
      for (String candidate : new String[] {text, title}) {
        String found = labelled(candidate, labels);
        if (found != null) {
          return found;
        }
      }
    }
    for (String candidate : new String[] {title, text}) {
      Matcher shape = SHAPE.matcher(candidate);
      for (int from = 0; SHAPE.next(shape, candidate, from); from = shape.end()) {
        if (!ACT_AND_YEAR.matcher(shape.group(1)).matches()) {
          return shape.group(1);
        }
      }
    }
    for (String candidate : new String[] {text, title}) {
      String found = labelled(candidate, BARE_LABELS);
      if (found != null && !WORD_AND_YEAR.matcher(found).matches()) {
        return found;
      }
    }
    return null;
  }

  private static String labelled(String text, IndexedPattern labels) {
    Matcher label = labels.matcher(text);
    for (int from = 0; labels.next(label, text, from); from = label.end()) {
      if (REQUESTERS.matcher(text.substring(Math.max(0, label.start() - 12), label.end())).find()) {
        continue;
      }
      Matcher token = TOKEN.matcher(text);
      token.region(label.end(), text.length());
      if (token.lookingAt() && isReference(token.group(1))) {
        return token.group(1);
      }
    }
    return null;
  }

  /** A token with a digit that is no date, year, ordinal, phone or section number ("31"). */
  static boolean isReference(String token) {
    long digits = token.chars().filter(Character::isDigit).count();
    boolean numeric = token.chars().noneMatch(Character::isLetter);
    return digits > 0
        && !DATE_SHAPE.matcher(token).matches()
        && !YEAR.matcher(token).matches()
        && !PHONE.matcher(token).matches()
        && (!numeric || digits >= 4);
  }

  private static IndexedPattern labels(String tier) {
    return IndexedPattern.compile("(?i)(?<![\\w-])(?:" + String.join("|", ReferenceData.strings(LABELS.get(tier))) + ")(?![\\w-])");
  }
}
