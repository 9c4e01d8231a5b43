package org.foiwatch.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Words that mark a name as no equipment maker ({@code non-makers.json}): installers,
 * contractors and maintainers, public bodies, and words that open a phrase rather than a name.
 * A name the catalogue does not know is kept as an unknown vendor only when it holds none.
 */
public final class NonMakers {

  private static final String RESOURCE = "/org/foiwatch/normalise/non-makers.json";
  private static final Set<String> WORDS = load();

  private NonMakers() {}

  /** True when a word of the name marks an installer, a public body or no name at all. */
  public static boolean excludes(String name) {
    for (String word : name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (WORDS.contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> load() {
    JsonNode root = ReferenceData.json(RESOURCE);
    Set<String> words = new HashSet<>();
    for (String list : new String[] {"installers", "public_bodies", "not_names"}) {
      words.addAll(ReferenceData.strings(root.get(list)));
    }
    return Set.copyOf(words);
  }
}
