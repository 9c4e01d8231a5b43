package org.foiwatch.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.foiwatch.normalise.ReferenceData;

/**
 * Whether a reply says it replaces an earlier reply to the same request: an internal review's
 * outcome, a corrected or revised response, "replaces our response of ...". The wordings, with
 * why each is read, are the "revision" section of {@code foi-labels.json}; records decide from
 * it which of an authority's replies stands (see docs/reconciliation.md).
 */
final class RevisionExtractor {

  private static final JsonNode LABELS = ReferenceData.json("/org/foiwatch/extract/foi-labels.json").get("revision");
  /** Each kind's wordings, in the file's order: the first kind found names the revision. */
  private static final Map<String, WordPattern> KINDS = kinds();
  /** How to ask for a review is in nearly every letter: such a sentence says nothing about this reply. */
  private static final WordPattern NOT_THE_REPLY = WordPattern.compile(String.join("|", ReferenceData.strings(LABELS.get("notTheReply"))));
  /** The kinds' wordings in the file's order, then {@link #NOT_THE_REPLY}: a sentence is read once for all. */
  private static final WordPatterns WORDINGS = wordings();

  /**
   * A reply says so in a sentence of its own, near its start: a longer run without a sentence
   * break is no prose, and reading it whole would cost a scan per kind of every character.
   */
  private static final int SENTENCE_CHARS = 1000;

  private RevisionExtractor() {}

  private static Map<String, WordPattern> kinds() {
    Map<String, WordPattern> kinds = new LinkedHashMap<>();
    LABELS.get("kinds").forEach(kind ->
        kinds.put(kind.get("kind").asText(), WordPattern.compile(String.join("|", ReferenceData.strings(kind.get("phrases"))))));
    return kinds;
  }

  private static WordPatterns wordings() {
    List<WordPattern> wordings = new ArrayList<>(KINDS.values());
    wordings.add(NOT_THE_REPLY);
    return new WordPatterns(wordings);
  }

  /** The kind of revision the answer's sentences say it is, or null. */
  static String revision(List<String> sentences) {
    List<boolean[]> found = sentences.stream()
        .map(s -> WORDINGS.find(s.length() > SENTENCE_CHARS ? s.substring(0, SENTENCE_CHARS) : s)).toList();
    int notTheReply = KINDS.size();
    int kind = 0;
    for (String name : KINDS.keySet()) {
      int k = kind++;
      if (found.stream().anyMatch(sentence -> sentence[k] && !sentence[notTheReply])) {
        return name;
      }
    }
    return null;
  }
}
