package org.foiwatch.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The vendor catalogue from {@code vendors.json}, with tolerant name resolution. */
public final class VendorCatalogue implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String RESOURCE = "/org/foiwatch/normalise/vendors.json";

  /** Trailing words that qualify a company name without changing which company it is. */
  private static final Set<String> QUALIFIER_WORDS =
      Set.of(
          "co", "ltd", "limited", "inc", "incorporated", "llc", "plc", "ab", "ag", "gmbh", "kg",
          "sa", "as", "bv", "nv", "corp", "corporation", "company", "group", "holdings",
          "technology", "technologies", "tech", "digital", "systems", "security", "communications",
          "international", "uk", "europe", "emea", "ireland", "and");

  /** Stripped forms shorter than this are too likely to be an ordinary word or initials. */
  private static final int MIN_STRIPPED_KEY_LENGTH = 3;

  private static final Pattern BRACKETED = Pattern.compile("[(\\[][^()\\[\\]]{0,200}[)\\]]");
  private static final Pattern POSSESSIVE = Pattern.compile("['’]s\\b");
  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{Alnum}]+");

  private final Map<String, Vendor> byCanonical;
  private final Map<String, Vendor> byCaseInsensitiveKey;
  private final Map<String, Vendor> byCaseSensitiveKey;

  private VendorCatalogue(List<Vendor> vendors) {
    Map<String, Vendor> canonical = new LinkedHashMap<>();
    vendors.forEach(v -> canonical.put(v.canonical(), v));
    this.byCanonical = Collections.unmodifiableMap(canonical);

    Map<String, Vendor> caseSensitive = new HashMap<>();
    Set<String> caseSensitiveLowered = new HashSet<>();
    for (Vendor v : vendors) {
      for (String alias : v.caseSensitiveAliases()) {
        String key = words(alias, true);
        putUnique(caseSensitive, key, v);
        caseSensitiveLowered.add(key.toLowerCase(Locale.ROOT));
      }
    }
    Map<String, Vendor> caseInsensitive = new HashMap<>();
    for (Vendor v : vendors) {
      for (String name : namesOf(v)) {
        if (v.caseSensitiveAliases().contains(name)) {
          continue;
        }
        List<String> forms = strippedForms(words(name, false));
        putUnique(caseInsensitive, forms.get(0), v);
        // A shortened form must not let a case-sensitive alias through in any case ("axis").
        for (String form : forms.subList(1, forms.size())) {
          if (form.length() >= MIN_STRIPPED_KEY_LENGTH && !caseSensitiveLowered.contains(form)) {
            caseInsensitive.putIfAbsent(form, v);
          }
        }
      }
    }
    this.byCaseInsensitiveKey = Collections.unmodifiableMap(caseInsensitive);
    this.byCaseSensitiveKey = Collections.unmodifiableMap(caseSensitive);
  }

  /** The catalogue bundled with the pipeline, loaded once. */
  public static VendorCatalogue standard() {
    return StandardHolder.INSTANCE;
  }

  private static final class StandardHolder {
    static final VendorCatalogue INSTANCE = load();
  }

  public Collection<Vendor> vendors() {
    return byCanonical.values();
  }

  public Optional<Vendor> byCanonical(String canonical) {
    return Optional.ofNullable(byCanonical.get(canonical));
  }

  /**
   * The vendor a name refers to, tolerating case, punctuation, whitespace, legal and regional
   * suffixes ("Co., Ltd.", "UK"), parentheticals and possessives.
   */
  public Optional<Vendor> resolve(String asWritten) {
    if (asWritten == null || asWritten.isBlank()) {
      return Optional.empty();
    }
    List<String> keptCase = strippedForms(words(asWritten, true));
    for (String form : keptCase) {
      Vendor exact = byCaseSensitiveKey.get(form);
      if (exact != null) {
        return Optional.of(exact);
      }
      Vendor v = byCaseInsensitiveKey.get(form.toLowerCase(Locale.ROOT));
      if (v != null) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /** Every name the vendor may be written as: canonical, aliases and former names. */
  static List<String> namesOf(Vendor v) {
    List<String> names = new ArrayList<>();
    names.add(v.canonical());
    for (String alias : v.aliases()) {
      if (!names.contains(alias)) {
        names.add(alias);
      }
    }
    return names;
  }

  private static void putUnique(Map<String, Vendor> index, String key, Vendor v) {
    Vendor previous = index.putIfAbsent(key, v);
    if (previous != null && !previous.canonical().equals(v.canonical())) {
      throw new IllegalStateException(
          "vendors.json: '" + key + "' names both " + previous.canonical() + " and " + v.canonical());
    }
  }

  /** Words of a name: accents, bracketed asides, possessives and punctuation removed. */
  static String words(String name, boolean keepCase) {
    String s = Normalizer.normalize(name, Normalizer.Form.NFKD);
    s = COMBINING_MARKS.matcher(s).replaceAll("");
    s = BRACKETED.matcher(s).replaceAll(" ");
    s = POSSESSIVE.matcher(s).replaceAll("");
    s = s.replace("&", " and ");
    s = NON_ALNUM.matcher(s).replaceAll(" ").trim();
    return keepCase ? s : s.toLowerCase(Locale.ROOT);
  }

  /** The name, then the name with trailing qualifier words removed one at a time. */
  private static List<String> strippedForms(String words) {
    List<String> forms = new ArrayList<>();
    if (words.isEmpty()) {
      return forms;
    }
    List<String> tokens = new ArrayList<>(Arrays.asList(words.split(" ")));
    forms.add(words);
    while (tokens.size() > 1
        && QUALIFIER_WORDS.contains(tokens.get(tokens.size() - 1).toLowerCase(Locale.ROOT))) {
      tokens.remove(tokens.size() - 1);
      forms.add(String.join(" ", tokens));
    }
    return forms;
  }

  private static VendorCatalogue load() {
    JsonNode root = ReferenceData.json(RESOURCE);
    JsonNode entries = root.isArray() ? root : root.get("vendors");
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    entries.forEach(e -> byName.put(e.get("canonical").asText(), e));
    List<Vendor> vendors = new ArrayList<>();
    for (JsonNode e : byName.values()) {
      vendors.add(toVendor(e, byName));
    }
    return new VendorCatalogue(vendors);
  }

  private static Vendor toVendor(JsonNode e, Map<String, JsonNode> byName) {
    String oemOf = e.path("oem_of").isTextual() ? e.get("oem_of").asText() : null;
    String parent = e.path("parent").isTextual() ? e.get("parent").asText() : null;
    List<String> formerNames = strings(e.path("former_names"));
    List<String> aliases = new ArrayList<>(strings(e.path("aliases")));
    formerNames.stream().filter(n -> !aliases.contains(n)).forEach(aliases::add);
    return new Vendor(
        e.get("canonical").asText(),
        oemOf,
        parent,
        e.path("country").asText(null),
        strings(e.path("product_kinds")),
        effectiveRestrictions(e, byName),
        aliases,
        formerNames,
        strings(e.path("case_sensitive_aliases")),
        e.path("source").asText(null));
  }

  /**
   * A vendor's own restrictions plus those of every company behind it: the maker an OEM brand
   * relabels ({@code oem_of}) and the company that owns it ({@code parent}), transitively.
   */
  private static List<String> effectiveRestrictions(JsonNode e, Map<String, JsonNode> byName) {
    Set<String> restrictions = new TreeSet<>();
    Set<String> visited = new HashSet<>();
    List<JsonNode> pending = new ArrayList<>(List.of(e));
    while (!pending.isEmpty()) {
      JsonNode current = pending.remove(pending.size() - 1);
      if (current == null || !visited.add(current.get("canonical").asText())) {
        continue;
      }
      restrictions.addAll(strings(current.path("restrictions")));
      for (String relation : List.of("oem_of", "parent")) {
        if (current.path(relation).isTextual()) {
          JsonNode behind = byName.get(current.get(relation).asText());
          if (behind == null) {
            throw new IllegalStateException(
                "vendors.json: " + current.get("canonical").asText() + " names unknown " + relation + " "
                    + current.get(relation).asText());
          }
          pending.add(behind);
        }
      }
    }
    return List.copyOf(restrictions);
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(n -> values.add(n.asText()));
    return values;
  }
}
