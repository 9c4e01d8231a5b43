package org.foiwatch.extract;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.foiwatch.ingest.Block;

/**
 * Who replied: a vote over the names of public bodies in the letterhead, signature and sender
 * (weighted) and the body (each line once), with the body whose own domain, reference label or
 * reference letters the letter carries preferred over bodies the answer only mentions.
 */
final class AuthorityExtractor {

  /** The weight of the letterhead, the signature, the sender and the body's own marks (domain, reference). */
  private static final int STRONG = 3;

  /** The words that end an authority's name ("Kent Police"), as regex alternatives. */
  private static final List<String> AUTHORITY_WORDS = List.of("Council", "Police", "Constabulary", "Trust", "University",
      "Authority", "Commissioner", "Fire\\s+and\\s+Rescue\\s+Service", "Fire\\s+Authority", "Police\\s+Service",
      "Ambulance\\s+Service", "Health\\s+Board", "College", "Agency", "Executive", "Corporation");
  /**
   * The words that open a body's name ("Transport for London", "NHS Lothian", "Cyngor Sir
   * Ceredigion", "Police Scotland"), as regex alternatives.
   */
  private static final List<String> OPENING_WORDS = List.of("Transport\\s+for", "Department\\s+(?:for|of)", "Ministry\\s+of",
      "University\\s+of", "Police\\s+Service\\s+of", "Police", "NHS", "HM", "Cyngor", "Comhairle");
  /** The words that open a "County of ..." name. */
  private static final List<String> PLACE_WORDS = List.of("(?:London|Royal)\\s+Borough", "City", "County", "Borough",
      "Metropolitan\\s+Borough", "District");
  /**
   * Every authority name holds all the capitalised words of one of the alternatives above, so a
   * line with none of them is not searched: that skips most lines.
   */
  private static final Keywords AUTHORITY_LITERALS = new Keywords(capitalisedWords(
      String.join(" ", AUTHORITY_WORDS) + " " + String.join(" ", PLACE_WORDS) + " " + String.join(" ", OPENING_WORDS)),
      Keywords.Case.SENSITIVE);
  /** The words of a name that say what kind of body it is, not which: a name of these alone is cut short. */
  private static final Set<String> GENERIC_NAME_WORDS = Stream.concat(
          capitalisedWords(String.join(" ", AUTHORITY_WORDS) + " " + String.join(" ", PLACE_WORDS)).stream(), Stream.of("of", "and"))
      .collect(Collectors.toUnmodifiableSet());
  /** Lower-case words inside a name: "Avon and Somerset", "Newcastle upon Tyne", "Brighton & Hove", "Comhairle nan Eilean Siar". */
  private static final String CONNECTOR = "(?:and|&|upon|of|nan|na)";
  /** Words that follow a body's name without being part of it: its team, building or a label. */
  private static final String NOT_A_NAME_WORD =
      "(?!(?:Freedom|Information|FOI|Team|Unit|House|Hall|Offices?|Centre|Buildings?|Ref|Reference|Request|Act|Street|Road|Square|Lane|Station|Headquarters|HQ|Officers?|Staff|Dear|Our|Your|Date)\\b)";
  /** Longest first, so "Police Service" is read whole rather than as "Police". */
  private static final String AUTHORITY_WORD = "(?:" + AUTHORITY_WORDS.stream()
      .sorted(Comparator.comparingInt(String::length).reversed()).collect(Collectors.joining("|")) + ")";
  /**
   * The suffix words a name's own words cannot be: a letterhead set beside "Council House" reads
   * "Calderbrook Council Council House", whose authority ends at the first.
   */
  private static final String NOT_INSIDE_A_NAME = "(?!(?:Council|Constabulary)\\b)";
  /** A word of a place's name after "Borough of": capitalised, not an acronym such as "FOI" set beside it. */
  private static final String PLACE_NAME_WORD = "[A-Z][a-z'’][\\w'’-]*";
  private static final Pattern AUTHORITY = Pattern.compile(
      "\\b((?:" + String.join("|", PLACE_WORDS) + ")\\s+of\\s+" + PLACE_NAME_WORD + "(?:\\s+(?!Town\\b|Civic\\b|Council\\b|House\\b|Hall\\b|Offices?\\b|Centre\\b|Buildings?\\b)" + PLACE_NAME_WORD + "){0,2}(?:\\s+Council)?"
          + "|(?!" + AUTHORITY_WORD + "\\b)[A-Z][\\w'’-]+\\s+(?:(?:" + CONNECTOR + "\\s+)?" + NOT_INSIDE_A_NAME + "[A-Z][\\w'’-]+\\s+){0,3}" + AUTHORITY_WORD
          + "|(?:" + String.join("|", OPENING_WORDS) + ")\\s+(?:" + CONNECTOR + "\\s+)?" + NOT_A_NAME_WORD + "[A-Z][\\w'’-]+"
          + "(?:\\s+(?:" + CONNECTOR + "\\s+)?" + NOT_A_NAME_WORD + "[A-Z][\\w'’-]+){0,3})");
  /** A letterhead's parts: lines, cells, and "•" or "|" between address parts. */
  private static final Pattern LINE_PARTS = Pattern.compile("[\\n\\t•|]");
  private static final Pattern NOT_AN_AUTHORITY_START = Pattern.compile(
      "^(?:The|Dear|Yours|Re|From|To|Our|Your|Information|Freedom|Request|Internal|This|Thank|Please|Kind|Regards|Subject|FOI|Data|Records|Legal|Customer|Corporate|Democratic)\\s");

  /** The closing that opens a letter's signature. */
  private static final IndexedPattern CLOSING = IndexedPattern.compile("(?i)\\b(?:yours\\s+(?:sincerely|faithfully|truly)|kind\\s+regards|best\\s+regards|regards|best\\s+wishes)\\b");
  /** An e-mail or web address's first label before the host: foi@kent.police.uk, www.tfl.gov.uk. */
  private static final IndexedPattern DOMAIN = IndexedPattern.compile("(?i)(?:@|\\bwww\\.)(?:[a-z0-9-]+\\.)*?([a-z0-9-]+)\\.(?:gov|police|nhs|ac|org|sch|mod|parliament|llyw|gov\\.wales|gov\\.scot)\\b");
  /** A reference label naming its body: "MPS Ref:", "TfL Reference". */
  private static final IndexedPattern REFERENCE_LABEL_BODY = IndexedPattern.compile("\\b([A-Z][A-Za-z]{1,5})\\s+Ref(?:erence)?\\b");
  /** Letters in a reference that may be its body's initials: not a request word such as FOI or EIR. */
  private static final Pattern REFERENCE_LETTERS = Pattern.compile("(?<![A-Za-z])(?!(?:FOI[AR]?|FOISA|EIR|IR|INF|RFI|REQ|REF|CASE|CAS)(?![A-Za-z]))[A-Z]{2,6}(?![A-Za-z])");
  /** Words a domain leaves out of a name besides the generic ones: "tenterby" for Tenterby Town Council. */
  private static final Set<String> DOMAIN_GENERIC_WORDS = Set.of("Town", "Parish", "for", "the", "&");

  private AuthorityExtractor() {}

  private static List<String> capitalisedWords(String text) {
    return Pattern.compile("[A-Z][A-Za-z]+").matcher(text).results().map(MatchResult::group).distinct().toList();
  }

  static String authority(List<Block> blocks, Map<String, String> metadata, String reference) {
    Map<String, Integer> votes = new HashMap<>();
    Map<String, Integer> firstSeen = new HashMap<>();
    int order = 0;
    String from = metadata.get("from");
    if (from != null) {
      order = vote(from.replaceAll("<.*?>", " "), votes, firstSeen, order, STRONG);
    }
    int signatureUntil = -1;
    for (int i = 0; i < blocks.size(); i++) {
      String text = blocks.get(i).text();
      if (CLOSING.find(text)) {
        signatureUntil = i + 2;
      }
      // The letterhead and the signature name the body that replied; a body the answer only
      // mentions (a neighbour, "the council holds this") has its line's weight alone.
      int weight = i < 3 || i <= signatureUntil ? STRONG : 1;
      for (String line : LINE_PARTS.split(text)) {
        order = vote(line, votes, firstSeen, order, weight);
      }
    }
    Map<String, Integer> counted = countShortFormsAsFull(votes, firstSeen);
    if (counted.size() > 1) {
      // Only a choice between names needs the body's own keys: reading them scans the whole answer twice.
      Set<String> ownKeys = ownKeys(blocks, metadata, reference);
      counted.replaceAll((name, count) -> Collections.disjoint(nameKeys(name), ownKeys) ? count : count + STRONG);
    }
    return counted.entrySet().stream()
        .max((a, b) -> a.getValue().equals(b.getValue())
            ? Integer.compare(firstSeen.get(b.getKey()), firstSeen.get(a.getKey()))
            : Integer.compare(a.getValue(), b.getValue()))
        .map(Map.Entry::getKey).orElse(null);
  }

  /**
   * What the replying body calls itself besides its name, lower case: the first label of its
   * e-mail and web domains ("foi@kent.police.uk", "www.tfl.gov.uk"), the body named in a
   * reference label ("MPS Ref:") and the letters of its reference that are no request word
   * ("KDC" in KDC-FOI-1187).
   */
  private static Set<String> ownKeys(List<Block> blocks, Map<String, String> metadata, String reference) {
    Set<String> keys = new TreeSet<>();
    if (reference != null) {
      Matcher letters = REFERENCE_LETTERS.matcher(reference);
      while (letters.find()) {
        keys.add(letters.group().toLowerCase(Locale.ROOT));
      }
    }
    String text = metadata.getOrDefault("from_email", "") + "\n"
        + blocks.stream().map(Block::text).collect(Collectors.joining("\n"));
    Matcher domain = DOMAIN.matcher(text);
    for (int from = 0; DOMAIN.next(domain, text, from); from = domain.end()) {
      keys.add(domain.group(1).toLowerCase(Locale.ROOT));
    }
    Matcher label = REFERENCE_LABEL_BODY.matcher(text);
    for (int from = 0; REFERENCE_LABEL_BODY.next(label, text, from); from = label.end()) {
      keys.add(label.group(1).toLowerCase(Locale.ROOT));
    }
    return keys;
  }

  /**
   * A name as a domain or an abbreviation writes it: its distinctive words run together
   * ("Tollerton Cross Borough Council" → tollertoncross) and its initials with and without the
   * small words (Transport for London → tfl, tl).
   */
  static Set<String> nameKeys(String name) {
    List<String> words = List.of(name.split(" "));
    String distinctive = words.stream().filter(w -> !GENERIC_NAME_WORDS.contains(w) && !DOMAIN_GENERIC_WORDS.contains(w))
        .collect(Collectors.joining()).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    String initials = words.stream().map(w -> w.substring(0, 1)).collect(Collectors.joining()).toLowerCase(Locale.ROOT);
    String capitalInitials = words.stream().filter(w -> Character.isUpperCase(w.charAt(0)))
        .map(w -> w.substring(0, 1)).collect(Collectors.joining()).toLowerCase(Locale.ROOT);
    Set<String> keys = new TreeSet<>(List.of(initials, capitalInitials));
    if (!distinctive.isEmpty()) {
      keys.add(distinctive);
    }
    keys.removeIf(key -> key.length() < 2);
    return keys;
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
    if (!AUTHORITY_LITERALS.occursIn(line)) {
      return order;
    }
    Matcher matcher = AUTHORITY.matcher(line);
    Set<String> seen = new HashSet<>();
    while (matcher.find()) {
      String name = trimAuthority(matcher.group(1));
      // A name counts once per line: a sentence naming a body three times is one mention.
      if (name == null || !seen.add(name)) {
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
    if (GENERIC_NAME_WORDS.containsAll(List.of(name.split(" "))) && !name.contains("Police")) {
      // "Borough Council": the rest of the name is on another line. A force's name may be of
      // such words alone: "Metropolitan Police Service".
      return null;
    }
    if (name.matches("(?i).*\\b(?:information|commissioner'?s?|ico)\\b.*") || name.matches("(?i)^(?:the\\s+)?(?:council|police|trust)$")) {
      return null;
    }
    return name;
  }
}
