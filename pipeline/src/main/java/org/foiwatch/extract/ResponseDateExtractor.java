package org.foiwatch.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.foiwatch.normalise.ReferenceData;

/**
 * The date of the reply: the date after a "Date:" label, else an e-mail's sent date, else the
 * first date in the letter that is not when the request was made or received, or a deadline
 * (labels and contexts in {@code foi-labels.json}). A file's own metadata dates are not the
 * letter's and are never read.
 */
final class ResponseDateExtractor {

  private static final JsonNode LABELS = ReferenceData.json("/org/foiwatch/extract/foi-labels.json").get("date");
  private static final String MONTH =
      "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
  /**
   * "12th of March, 2024", "12 MAR 2024", "March 12, 2024", 12/03/2024 or 12.03.24 (day first,
   * as in the UK) and 2024-03-12; a weekday before any of them is read past.
   */
  private static final IndexedPattern DATE = IndexedPattern.compile(
      "(?<![\\w/.-])(?:(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?[\\s-]+" + MONTH + ",?[\\s-]+(\\d{4})"
          + "|" + MONTH.replace("(jan", "(?<m2>jan") + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})"
          + "|(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4}|\\d{2})"
          + "|(\\d{4})-(\\d{2})-(\\d{2}))(?![\\w/-])",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern LABELLED = Pattern.compile(
      "(?i)(?<![\\w-])(?:" + String.join("|", ReferenceData.strings(LABELS.get("labels"))) + ")\\s*[:.]?\\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?$");
  /** A not-the-letter word at most four words before a date, in its sentence. */
  private static final Pattern NOT_THE_LETTER = Pattern.compile(
      "(?i)(?<![\\w-])(?:" + String.join("|", ReferenceData.strings(LABELS.get("notTheLetter")))
          + ")(?![\\w-])(?:[\\s:,]+[^\\s.]+){0,4}?[\\s:,]*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?$");
  private static final int CONTEXT = 60;

  private ResponseDateExtractor() {}

  /**
   * @param text the answer's text
   * @param prose the answer's text without table rows: a date in a row (an install date) is data
   * @param sentDate an e-mail's sent date (ISO-8601), or null when the document is no e-mail
   */
  static String responseDate(String text, String prose, String sentDate) {
    String labelled = firstDate(text, start -> {
      String before = before(text, start);
      return LABELLED.matcher(before).find() && !NOT_THE_LETTER.matcher(before).find();
    });
    if (labelled != null) {
      return labelled;
    }
    if (sentDate != null && sentDate.length() >= 10) {
      return sentDate.substring(0, 10);
    }
    return firstDate(prose, start -> !NOT_THE_LETTER.matcher(before(prose, start)).find());
  }

  /** The text before {@code end} on its line (or the next line down, for a label above its value), at most 60 characters. */
  private static String before(String text, int end) {
    int start = Math.max(0, end - CONTEXT);
    String window = text.substring(start, end);
    String trimmed = window.stripTrailing();
    int lineStart = trimmed.lastIndexOf('\n');
    return lineStart < 0 ? window : window.substring(lineStart + 1);
  }

  /** The first date in {@code text}, as ISO-8601, whose start {@code accepted} holds for; null when none. */
  private static String firstDate(String text, IntPredicate accepted) {
    Matcher matcher = DATE.matcher(text);
    for (int from = 0; DATE.next(matcher, text, from); from = matcher.end()) {
      String iso = iso(matcher);
      if (iso != null && accepted.test(matcher.start())) {
        return iso;
      }
    }
    return null;
  }

  /** The first date in {@code text} as ISO-8601, or null. */
  static String isoDate(String text) {
    return firstDate(text, start -> true);
  }

  private static String iso(Matcher m) {
    try {
      if (m.group(1) != null) {
        return LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1))).toString();
      }
      if (m.group("m2") != null) {
        return LocalDate.of(Integer.parseInt(m.group(6)), month(m.group("m2")), Integer.parseInt(m.group(5))).toString();
      }
      if (m.group(7) != null) {
        int year = Integer.parseInt(m.group(9));
        return LocalDate.of(year < 100 ? 2000 + year : year, Integer.parseInt(m.group(8)), Integer.parseInt(m.group(7))).toString();
      }
      return LocalDate.of(Integer.parseInt(m.group(10)), Integer.parseInt(m.group(11)), Integer.parseInt(m.group(12))).toString();
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The month number of a name or its abbreviation, in any case. */
  private static int month(String name) {
    String prefix = name.substring(0, 3).toLowerCase(Locale.ROOT);
    return List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec").indexOf(prefix) + 1;
  }
}
