package org.foiwatch.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.foiwatch.ingest.Block;
import org.foiwatch.ingest.ParsedDocument;

/**
 * "Q2: Please give the make and model … / A2: The cameras are: …" in one paragraph: the
 * question is the request's text and the answer the authority's, so each answer label ("A2:",
 * "Answer 2:", "Response:") at the start of a line opens a paragraph of its own.
 */
final class Answers {

  private static final Pattern ANSWER_LABEL = Pattern.compile(
      "(?i)^\\s*(?:A\\s?\\d{1,2}|answer(?:\\s+(?:to\\s+)?(?:q(?:uestion)?\\s*)?\\d{1,2})?|response(?:\\s+\\d{1,2})?)\\s*[:.)–-]\\s");

  private Answers() {}

  static ParsedDocument separate(ParsedDocument document) {
    List<Block> out = new ArrayList<>();
    boolean changed = false;
    for (Block block : document.blocks()) {
      if (block.isRow() || block.text().indexOf('\n') < 0) {
        out.add(block);
        continue;
      }
      StringBuilder current = new StringBuilder();
      for (String line : block.text().split("\n")) {
        if (current.length() > 0 && ANSWER_LABEL.matcher(line).lookingAt()) {
          out.add(Block.paragraph(block.page(), current.toString(), block.quoted()));
          current.setLength(0);
          changed = true;
        }
        current.append(current.length() > 0 ? "\n" : "").append(line);
      }
      out.add(Block.paragraph(block.page(), current.toString(), block.quoted()));
    }
    return changed ? document.withBlocks(out) : document;
  }
}
