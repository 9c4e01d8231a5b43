package org.foiwatch.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The UK authority register: councils (mySociety's names and codes, CC BY 4.0, with ONS GSS
 * codes, OGL v3) and the police forces of England and Wales (ONS police force areas, OGL v3), in
 * {@code authorities/} with their SOURCE.md. A name is found through the register's spellings
 * exactly, then with the generic words of {@code name-words.json} dropped from both sides; a
 * police force is looked for only among forces and a council only among councils, so "Kent Police"
 * is never Kent County Council.
 */
public final class AuthorityRegister {

  /** A register entry: its name, GSS code, type, nation and WhatDoTheyKnow body id (null if none). */
  public record Entry(String name, String gssCode, String type, String nation, String wdtkId) implements Serializable {}

  private static final String DIRECTORY = "/org/foiwatch/normalise/authorities/";
  private static final AuthorityRegister STANDARD = new AuthorityRegister();

  private final JsonNode words = ReferenceData.json(DIRECTORY + "name-words.json");
  private final Set<String> councilWords = Set.copyOf(ReferenceData.strings(words.get("councilWords")));
  private final Set<String> councilMarkers = Set.copyOf(ReferenceData.strings(words.get("councilMarkers")));
  private final Set<String> policeWords = Set.copyOf(ReferenceData.strings(words.get("policeWords")));
  private final Set<String> policeMarkers = Set.copyOf(ReferenceData.strings(words.get("policeMarkers")));
  private final Set<String> notCouncil = Set.copyOf(ReferenceData.strings(words.get("notCouncil")));
  /** Councils by exact (lower-case) spelling, then by normalised key; a key two councils share is dropped. */
  private final Map<String, Entry> councilsBySpelling = new HashMap<>();
  private final Map<String, Entry> councilsByKey = new HashMap<>();
  private final Map<String, Entry> forcesByKey = new HashMap<>();

  private AuthorityRegister() {
    Map<String, Entry> byCode = new HashMap<>();
    Map<String, Boolean> current = new HashMap<>();
    Set<String> ambiguous = new HashSet<>();
    readCsv("uk_local_authorities_current.csv", row -> {
      String wdtk = row.get("wdtk-id");
      Entry entry = new Entry(row.get("official-name"), blankToNull(row.get("gss-code")),
          row.get("local-authority-type-name"), row.get("nation"),
          wdtk.isBlank() ? null : String.valueOf((long) Double.parseDouble(wdtk)));
      String code = row.get("local-authority-code");
      byCode.put(code, entry);
      current.put(code, "True".equals(row.get("current-authority")));
      if (current.get(code)) {
        for (String name : names(row.get("official-name"), row.get("nice-name"), row.get("alt-names"))) {
          String key = key(name, councilWords);
          Entry known = councilsByKey.putIfAbsent(key, entry);
          if (key.isEmpty() || known != null && known != entry) {
            ambiguous.add(key);
          }
        }
      }
    });
    ambiguous.forEach(councilsByKey::remove);
    readCsv("lookup_name_to_registry.csv", row -> {
      String spelling = row.get("la-name").toLowerCase(Locale.ROOT);
      String code = row.get("local-authority-code");
      Entry known = councilsBySpelling.get(spelling);
      // Two councils under one spelling (an old county and its new unitary): the current one.
      if (known == null || current.getOrDefault(code, false)) {
        councilsBySpelling.put(spelling, byCode.get(code));
      }
    });
    Map<String, String> areas = new HashMap<>();
    readCsv("police_force_areas_2022.csv", row -> areas.put(row.get("pfa22cd"), row.get("pfa22nm")));
    readCsv("police-force-names.csv", row -> {
      String code = row.get("pfa22cd");
      Entry entry = new Entry(row.get("force-name"), code, "Police force", code.startsWith("W") ? "Wales" : "England", null);
      String area = areas.get(code);
      // ONS writes "London, City of" for the City of London.
      String areaName = area.contains(", ") ? area.substring(area.indexOf(", ") + 2) + " " + area.substring(0, area.indexOf(',')) : area;
      for (String name : names(row.get("force-name"), areaName, row.get("alt-names").replace(';', ','))) {
        forcesByKey.put(key(name, policeWords), entry);
      }
    });
  }

  public static AuthorityRegister standard() {
    return STANDARD;
  }

  /** The register entry of an authority's name, if it is a council or police force the register holds. */
  public Optional<Entry> find(String authority) {
    if (authority == null || authority.isBlank()) {
      return Optional.empty();
    }
    List<String> nameWords = List.of(words(authority).split(" "));
    if (nameWords.stream().anyMatch(policeMarkers::contains)) {
      return Optional.ofNullable(forcesByKey.get(key(authority, policeWords)));
    }
    if (nameWords.stream().anyMatch(notCouncil::contains) || nameWords.stream().noneMatch(councilMarkers::contains)) {
      return Optional.empty();
    }
    Entry exact = councilsBySpelling.get(authority.strip().toLowerCase(Locale.ROOT));
    return exact != null ? Optional.of(exact) : Optional.ofNullable(councilsByKey.get(key(authority, councilWords)));
  }

  /** The name's words without generic ones, joined: "Royal Borough of Kensington & Chelsea" → "kensington and chelsea". */
  private static String key(String name, Set<String> generic) {
    StringBuilder key = new StringBuilder();
    for (String word : words(name).split(" ")) {
      if (!word.isEmpty() && !generic.contains(word)) {
        key.append(key.length() == 0 ? "" : " ").append(word);
      }
    }
    return key.toString();
  }

  /** Lower-case words of letters and digits; "&" is "and", hyphens and apostrophes join. */
  private static String words(String name) {
    return name.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("['’]", "")
        .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  /** The two names and every comma-separated alternative. */
  private static List<String> names(String name, String otherName, String alternatives) {
    return Stream.concat(Stream.of(name, otherName), Arrays.stream(alternatives.split(",")))
        .map(String::strip).filter(n -> !n.isEmpty()).toList();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static void readCsv(String file, Consumer<CSVRecord> rows) {
    try (InputStream in = AuthorityRegister.class.getResourceAsStream(DIRECTORY + file)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DIRECTORY + file);
      }
      CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
      for (CSVRecord row : format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        rows.accept(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DIRECTORY + file, e);
    }
  }
}
