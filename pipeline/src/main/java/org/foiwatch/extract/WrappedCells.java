package org.foiwatch.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.foiwatch.ingest.Block;
import org.foiwatch.ingest.ParsedDocument;
import org.foiwatch.normalise.ModelGrammars;

/**
 * Model numbers in PDF tables whose narrow cells wrap. A PDF holds no table, so such a row
 * arrives as a paragraph whose first line has each cell's first line and whose next lines have
 * the cells' continuations, left to right ("Library LTS CMIP3042 21 Kestrel Security" /
 * "W-28M Installations"); a last continuation may come as a paragraph of its own ("DE").
 * A piece on a line that completes a code on the line above into one model a grammar accepts
 * whole, where the piece alone is no model, is moved up to it; nothing else changes.
 */
final class WrappedCells {

  /** A piece of a code: a token holding a digit, or an upper-case one ("DS", "IPC-HDBW"; "W" only before another). */
  private static final Pattern CODE_PIECE = Pattern.compile("(?=\\S*[0-9])[A-Za-z0-9][A-Za-z0-9/\\-]*|[A-Z][A-Z\\-]{0,7}");
  /**
   * A piece of letters alone continues a code only when short ("DE") or after a hyphen the code
   * broke at ("P3245-" / "LVE"): a longer word in capitals is more often the next one ("CCTV").
   */
  private static final Pattern LONG_LETTERS = Pattern.compile("[A-Za-z\\-]{3,}");
  /** The most pieces a row's continuation line holds here (a wrapped row of eight columns). */
  private static final int MAX_CONTINUATION_TOKENS = 8;
  /** A brand written in capitals, as some vendors open a model's name ("AXIS P3245-LVE"). */
  private static final Pattern BRAND_WORD = Pattern.compile("[A-Z]{2,}");
  private static final Pattern SPACES = Pattern.compile(" +");
  /** A count, which neither begins nor continues a code. */
  private static final Pattern NUMBER = Pattern.compile("[0-9]+");

  private WrappedCells() {}

  static ParsedDocument rejoin(ParsedDocument document, ModelGrammars grammars) {
    if (!"application/pdf".equals(document.mediaType())) {
      return document;
    }
    List<Block> out = new ArrayList<>();
    boolean changed = false;
    for (Block block : document.blocks()) {
      if (block.isRow() || document.ocr().isOcrPage(block.page())) {
        out.add(block); // OCR pages: OcrText joins their wrapped codes
        continue;
      }
      List<String> lines = new ArrayList<>(List.of(block.text().split("\n")));
      boolean edited = false;
      for (int j = 1; j < lines.size(); j++) {
        edited |= moveUp(lines, j - 1, j, grammars);
      }
      Block previous = out.isEmpty() ? null : out.get(out.size() - 1);
      if (lines.size() == 1 && previous != null && !previous.isRow() && previous.page() == block.page()
          && Arrays.stream(SPACES.split(lines.get(0).strip())).allMatch(t -> CODE_PIECE.matcher(t).matches())) {
        // A paragraph of pieces alone ("DE") completes a code in the paragraph before it.
        List<String> above = new ArrayList<>(List.of(previous.text().split("\n")));
        above.add(lines.get(0));
        int last = above.size() - 1;
        for (int i = last - 1; i >= 0; i--) {
          if (moveUp(above, i, last, grammars)) {
            edited = true;
            lines = new ArrayList<>(List.of(above.remove(last)));
            out.set(out.size() - 1, Block.paragraph(previous.page(), String.join("\n", above), previous.quoted()));
            break;
          }
        }
      }
      lines.removeIf(String::isBlank); // a line whose only piece moved up
      changed |= edited;
      if (!edited) {
        out.add(block);
      } else if (!lines.isEmpty()) { // nothing left of a paragraph that was only a continuation
        out.add(Block.paragraph(block.page(), String.join("\n", lines), block.quoted()));
      }
    }
    return changed ? document.withBlocks(out) : document;
  }

  /**
   * Joins the first piece (one token or two) of line {@code below} that completes a code on line
   * {@code above}; true when it did. A continuation line holds only the overflow of a row's
   * cells, a few short pieces: longer lines are running text and a list's next item is no
   * overflow; a line with a model of its own is the next row, and lends no piece to a code.
   */
  private static boolean moveUp(List<String> lines, int above, int below, ModelGrammars grammars) {
    String lowerLine = lines.get(below).strip();
    // Counted before it is split: most lines are running text, far longer.
    if (spaceRuns(lowerLine) >= MAX_CONTINUATION_TOKENS || Units.opensItem(lines.get(below))) {
      return false;
    }
    List<String> lower = new ArrayList<>(List.of(SPACES.split(lowerLine)));
    List<String> upper = List.of(lines.get(above).split(" "));
    Boolean upperHasModel = null;
    Boolean lowerHasModel = null;
    for (int p = 0; p < lower.size(); p++) {
      // Two tokens first: "W 28M" is one piece written with a space.
      for (int width = Math.min(2, lower.size() - p); width >= 1; width--) {
        String piece = String.join(" ", lower.subList(p, p + width));
        if (!lower.subList(p, p + width).stream().allMatch(t -> CODE_PIECE.matcher(t).matches())
            || NUMBER.matcher(piece).matches() || width == 1 && piece.length() == 1) {
          continue;
        }
        boolean longLetters = LONG_LETTERS.matcher(piece).matches();
        boolean wholePiece = isWholeModel(piece, grammars);
        for (int u = upper.size() - 1; u >= 0; u--) {
          String code = upper.get(u);
          if (code.length() < 2 || !CODE_PIECE.matcher(code).matches() || NUMBER.matcher(code).matches()
              || longLetters && !code.endsWith("-")) {
            continue;
          }
          if (!wholePiece) {
            lowerHasModel = lowerHasModel != null ? lowerHasModel : !grammars.find(lines.get(below), null, false).isEmpty();
            if (lowerHasModel) {
              return false;
            }
            for (String joined : joins(code, piece)) {
              if (isWholeModel(joined, grammars)) {
                return moved(lines, above, below, upper, u, joined, lower, p, width);
              }
            }
          } else if (BRAND_WORD.matcher(code).matches()) {
            // A whole model under the first word of its name ("AXIS" / "P3245-LVE"), in a row with no model.
            upperHasModel = upperHasModel != null ? upperHasModel : !grammars.find(lines.get(above), null, false).isEmpty();
            String named = code + " " + piece;
            if (!upperHasModel && isWholeModel(named, grammars)) {
              return moved(lines, above, below, upper, u, named, lower, p, width);
            }
          }
        }
      }
    }
    return false;
  }

  /** The runs of spaces in a stripped line: one fewer than the pieces {@link #SPACES} splits it into. */
  private static int spaceRuns(String line) {
    int runs = 0;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == ' ' && line.charAt(i - 1) != ' ') {
        runs++;
      }
    }
    return runs;
  }

  private static boolean moved(List<String> lines, int above, int below, List<String> upper, int u, String joined,
      List<String> lower, int p, int width) {
    List<String> newUpper = new ArrayList<>(upper);
    newUpper.set(u, joined);
    lines.set(above, String.join(" ", newUpper));
    lower.subList(p, p + width).clear();
    lines.set(below, String.join(" ", lower));
    return true;
  }

  /**
   * The ways a wrapped code reads back, likeliest first: run together ("CMIP3042" + "W-28M",
   * "IPC-HDBW" + "2431E-S-S2"), except between two letters, where a hyphen was the break
   * ("DS-2DE4425IW" + "DE"); a code already ending in a hyphen takes the piece as it is.
   */
  private static List<String> joins(String code, String piece) {
    if (code.endsWith("-")) {
      return List.of(code + piece);
    }
    boolean letters = Character.isLetter(code.charAt(code.length() - 1)) && Character.isLetter(piece.charAt(0));
    return letters ? List.of(code + "-" + piece, code + piece) : List.of(code + piece, code + "-" + piece);
  }

  private static boolean isWholeModel(String text, ModelGrammars grammars) {
    return grammars.find(text, null, false).stream().anyMatch(m -> m.start() == 0 && m.end() == text.length());
  }
}
