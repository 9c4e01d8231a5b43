package org.foiwatch.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.foiwatch.ingest.Block;
import org.foiwatch.ingest.ParsedDocument;
import org.foiwatch.normalise.ModelGrammars;
import org.foiwatch.normalise.ModelMatch;

/**
 * What a scan leaves in OCR text besides the words: table rules read as '|' or '_', and model
 * numbers broken over two lines by a narrow table column ("CMIP3042" / "W-28M"). Applied only to
 * the pages whose text came from OCR.
 */
final class OcrText {

  /** The second line of a wrapped code: one short token holding a digit ("W-28M", "P8"). */
  private static final Pattern CONTINUATION = Pattern.compile("(?=[^ ]*[0-9])[A-Za-z0-9][A-Za-z0-9/\\-]{0,7}");

  private OcrText() {}

  /**
   * The text with table rules blanked, character for character: every '_' (models never hold
   * one) and every '|' at the edge of a word ("| 26", "|19", "Hanwha|"); a '|' inside a word
   * may be a 1, I or l and is left to the model grammars. A ':' or ';' between a count and its
   * "x" ("12:x DS-2CD2347G2-LU") is a space read as a mark. Offsets are unchanged.
   */
  static String blankRules(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      boolean edge = i == 0 || Character.isWhitespace(chars[i - 1])
          || i == chars.length - 1 || Character.isWhitespace(chars[i + 1]);
      if (chars[i] == '_' || chars[i] == '|' && edge || isMarkBeforeMultiplier(chars, i)) {
        chars[i] = ' ';
      }
    }
    return new String(chars);
  }

  private static boolean isMarkBeforeMultiplier(char[] chars, int i) {
    return (chars[i] == ':' || chars[i] == ';') && i > 0 && Character.isDigit(chars[i - 1])
        && i + 2 < chars.length && (chars[i + 1] == 'x' || chars[i + 1] == 'X') && chars[i + 2] == ' ';
  }

  /**
   * The document with wrapped model numbers on its OCR pages joined back: a line that is only a
   * short token with a digit continues the model on the line above when the joined code is
   * accepted by that model's own grammar, otherwise nothing changes. Joined without a separator
   * after a digit ("CMIP3042" + "W-28M": a code's number runs into its letter suffix), else with
   * a hyphen ("LTN8708K" + "P8"), the separator the grammars read.
   */
  static ParsedDocument rejoinWrappedModels(ParsedDocument document, ModelGrammars grammars) {
    if (document.ocr().pages().isEmpty()) {
      return document;
    }
    List<Block> out = new ArrayList<>();
    boolean changed = false;
    for (Block block : document.blocks()) {
      if (block.isRow() || !document.ocr().isOcrPage(block.page())) {
        out.add(block);
        continue;
      }
      List<String> lines = new ArrayList<>(List.of(block.text().split("\n")));
      for (int j = 0; j < lines.size(); j++) {
        String token = blankRules(lines.get(j)).strip();
        if (!CONTINUATION.matcher(token).matches()) {
          continue;
        }
        Block previous = out.isEmpty() ? null : out.get(out.size() - 1);
        boolean abovePrevious = j == 0 && previous != null && !previous.isRow() && previous.page() == block.page();
        String above = j > 0 ? lines.get(j - 1) : abovePrevious ? lastLine(previous.text()) : null;
        Optional<String> joined = above == null ? Optional.empty() : join(above, token, grammars);
        if (joined.isEmpty()) {
          continue;
        }
        changed = true;
        lines.remove(j);
        if (j > 0) {
          lines.set(j - 1, joined.get());
        } else {
          out.set(out.size() - 1, withLastLine(previous, joined.get()));
        }
        j--;
      }
      if (!lines.isEmpty()) {
        out.add(Block.paragraph(block.page(), String.join("\n", lines), block.quoted()));
      }
    }
    return changed ? document.withBlocks(out) : document;
  }

  private static Optional<String> join(String line, String token, ModelGrammars grammars) {
    List<ModelMatch> models = grammars.find(blankRules(line), null, true);
    for (int k = models.size() - 1; k >= 0; k--) {
      ModelMatch model = models.get(k);
      String written = model.asWritten();
      boolean runsOn = written.endsWith("-")
          || Character.isDigit(written.charAt(written.length() - 1)) && Character.isLetter(token.charAt(0));
      String candidate = written + (runsOn ? "" : "-") + token;
      boolean accepted = grammars.find(candidate, model.vendor(), true).stream()
          .anyMatch(m -> m.start() == 0 && m.end() == candidate.length() && m.grammarId().equals(model.grammarId()));
      if (accepted) {
        return Optional.of(line.substring(0, model.start()) + candidate + line.substring(model.end()));
      }
    }
    return Optional.empty();
  }

  private static String lastLine(String text) {
    return text.substring(text.lastIndexOf('\n') + 1);
  }

  private static Block withLastLine(Block block, String line) {
    String text = block.text();
    return Block.paragraph(block.page(), text.substring(0, text.lastIndexOf('\n') + 1) + line, block.quoted());
  }
}
