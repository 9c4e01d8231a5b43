package org.foiwatch.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.foiwatch.ingest.Block;
import org.foiwatch.ingest.ParsedDocument;

/**
 * The response's own fields: the authority ({@link AuthorityExtractor}), our FOI reference
 * (not the requester's "Your ref", {@link ReferenceExtractor}), the response date, the outcome
 * ({@link OutcomeExtractor}) and the exemptions cited ({@link ExemptionExtractor}), each read from
 * the part of the letter that answers, boilerplate left out.
 */
public final class FoiFieldExtractor {

  /** A sentence end, where the answer is cut into sentences so boilerplate drops only its own. */
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=\\p{Lu})");
  private static final WordPattern BOILERPLATE = WordPattern.compile(
      "internal\\s+review|information\\s+commissioner|right\\s+to\\s+complain|dissatisfied|re-use|copyright|not\\s+content\\s+with");

  private FoiFieldExtractor() {}

  /** The phrase patterns searched word by word (for the test that they find what find() does). */
  static List<WordPattern> phrasePatterns() {
    List<WordPattern> patterns = new ArrayList<>(OutcomeExtractor.phrasePatterns());
    patterns.add(BOILERPLATE);
    return patterns;
  }

  public static DocumentFields extract(ParsedDocument document, boolean[] excluded, Integer totalCameras) {
    List<Block> blocks = document.blocks();
    List<Block> answerBlocks = new ArrayList<>();
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < blocks.size(); i++) {
      all.append(blocks.get(i).text()).append('\n');
      if (!excluded[i]) {
        answerBlocks.add(blocks.get(i));
      }
    }
    if (answerBlocks.isEmpty()) {
      // Everything set aside as an earlier message: a saved e-mail whose own From/Sent header
      // opens it. Its fields are read from the whole of it (its equipment is not).
      answerBlocks.addAll(blocks);
    }
    List<String> answer = answerBlocks.stream().map(Block::text).toList();
    // A table's data rows are not prose; a row of one cell is a sheet's title line ("exported 11 June 2024").
    String prose = answerBlocks.stream().filter(block -> !block.isRow() || block.cells().stream().filter(c -> !c.isBlank()).count() == 1)
        .map(Block::text).collect(Collectors.joining("\n"));
    Map<String, String> metadata = document.metadata();
    String reference = ReferenceExtractor.reference(all.toString(), metadata.getOrDefault("title", ""));
    String authority = AuthorityExtractor.authority(blocks, metadata, reference);
    // An e-mail's "created" is its Date header, when it was sent; any other file's is not the letter's.
    String sentDate = metadata.containsKey("from") ? metadata.get("created") : null;
    String date = ResponseDateExtractor.responseDate(String.join("\n", answer), prose, sentDate);
    List<String> sentences = answer.stream().flatMap(SENTENCE_END::splitAsStream).toList();
    List<String> outcomeText = sentences.stream().filter(t -> !BOILERPLATE.find(t)).toList();
    Set<String> signals = OutcomeExtractor.outcomeSignals(outcomeText);
    if (totalCameras != null && signals.contains(OutcomeExtractor.SIGNAL_TEXT)) {
      signals.add(OutcomeExtractor.SIGNAL_GIVES);
    }
    return new DocumentFields(authority, reference, date, signals, ExemptionExtractor.exemptions(outcomeText), totalCameras,
        RevisionExtractor.revision(sentences));
  }
}
