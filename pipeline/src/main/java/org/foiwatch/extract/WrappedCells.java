package org.foiwatch.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.foiwatch.normalise.ModelGrammars;

/**
 * Model numbers cut by the width of a narrow table cell, their pieces on the cell's lines
 * ("DS-2CD2386" / "G2-IU"): PDF and fixed-width text tables give a wrapped cell's lines as
 * they are, and the table reader joins them back here, where the grammars say which join is
 * one model.
 */
final class WrappedCells {

  /** A piece of a code: a token holding a digit, or an upper-case one ("DS", "XNO-"; "W" only before another). */
  private static final Pattern CODE_PIECE = Pattern.compile("(?=\\S*[0-9])[A-Za-z0-9][A-Za-z0-9/\\-]*|[A-Z][A-Z\\-]{0,7}");
  /** A count, which neither begins nor continues a code. */
  private static final Pattern NUMBER = Pattern.compile("[0-9]+");

  /** The most lines one code is read back from ("DS-" / "2CD2386" / "G2-" / "IU"). */
  private static final int MAX_CODE_LINES = 4;
  /** The most lines of a cell whose codes are joined back: a narrow model cell holds a few. */
  private static final int MAX_CELL_LINES = 16;

  private WrappedCells() {}

  /**
   * A table cell's lines read as one text: a code cut by the cell's width over up to four lines
   * ("IPC2122LB-SF" / "28-A", "NDE-3503" / "-AL") is joined back where the joined code
   * is one model a grammar accepts whole; other line breaks become spaces.
   */
  static String joinCellLines(String cell, ModelGrammars grammars) {
    if (cell.indexOf('\n') < 0) {
      return cell;
    }
    List<String> lines = Arrays.stream(cell.split("\n")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (lines.size() > MAX_CELL_LINES) {
      return String.join(" ", lines); // a note or a list, not one code wrapped
    }
    StringBuilder text = new StringBuilder();
    String line = lines.isEmpty() ? "" : lines.get(0);
    int i = 0;
    while (i < lines.size()) {
      int codeStart = line.lastIndexOf(' ') + 1;
      int end = i;
      String joined = null;
      for (int j = Math.min(i + MAX_CODE_LINES - 1, lines.size() - 1); j > i && joined == null; j--) {
        List<String> pieces = codePieces(line.substring(codeStart), lines.subList(i + 1, j + 1));
        joined = pieces == null ? null : wholeModel(pieces.get(0), pieces, 1, grammars);
        end = j;
      }
      if (joined != null) {
        String last = lines.get(end);
        int headEnd = last.indexOf(' ') < 0 ? last.length() : last.indexOf(' ');
        line = line.substring(0, codeStart) + joined + last.substring(headEnd);
        i = end;
        continue;
      }
      text.append(text.length() == 0 ? "" : " ").append(line);
      if (++i < lines.size()) {
        line = lines.get(i);
      }
    }
    return text.toString();
  }

  /** The code and the pieces below it: whole lines of one piece, then the last line's first token; null when any is no code piece. */
  private static List<String> codePieces(String code, List<String> below) {
    List<String> pieces = new ArrayList<>(List.of(code));
    for (int k = 0; k < below.size(); k++) {
      String line = below.get(k);
      int space = line.indexOf(' ');
      if (space >= 0 && k < below.size() - 1) {
        return null;
      }
      pieces.add(space < 0 ? line : line.substring(0, space));
    }
    for (String piece : pieces) {
      String bare = piece.startsWith("-") ? piece.substring(1) : piece; // cut before a hyphen: "NDE-3503" / "-AL"
      if (bare.isEmpty() || !CODE_PIECE.matcher(bare).matches() || NUMBER.matcher(piece).matches()) {
        return null;
      }
    }
    return pieces;
  }

  /** The first way, likeliest joins first, that {@code pieces} from {@code next} on complete {@code code} into one model. */
  private static String wholeModel(String code, List<String> pieces, int next, ModelGrammars grammars) {
    if (next == pieces.size()) {
      return isWholeModel(code, grammars) ? code : null;
    }
    for (String joined : joins(code, pieces.get(next))) {
      String whole = wholeModel(joined, pieces, next + 1, grammars);
      if (whole != null) {
        return whole;
      }
    }
    return null;
  }

  /**
   * The ways a wrapped code reads back, likeliest first: run together ("DS-2CD2386" + "G2-IU",
   * "IPC2122LB-SF" + "28-A"), except between two letters, where a hyphen was the break
   * ("P1465" + "LE" reads "P1465-LE" first); a code already ending in a hyphen takes the piece as it is.
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
