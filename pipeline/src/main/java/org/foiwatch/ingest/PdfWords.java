package org.foiwatch.ingest;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * One PDF page's text as lines of positioned words: PDFBox's text stripper with the settings
 * Tika's PDF parser uses (sorted by position), so the lines, words and paragraphs are the ones
 * Tika writes, each word with the x extent of its glyphs.
 */
final class PdfWords extends PDFTextStripper {

  /**
   * A space glyph followed by a blank this many font sizes wide ends a word: a cell's text that
   * ends in a space runs into the next cell without a separator, while the spaces of a line of
   * text, even justified, are narrower.
   */
  private static final float CELL_SPACE = 0.6f;

  private final List<WordColumns.Line> lines = new ArrayList<>();
  private List<WordColumns.Word> words = new ArrayList<>();
  private float top = Float.NaN;
  private float fontSize;
  private boolean paragraphStart = true;

  private PdfWords() {
    setSortByPosition(true);
  }

  /** The lines of page {@code pageIndex} (0-based) of {@code document}, top to bottom. */
  static List<WordColumns.Line> page(PDDocument document, int pageIndex) throws IOException {
    PdfWords stripper = new PdfWords();
    stripper.setStartPage(pageIndex + 1);
    stripper.setEndPage(pageIndex + 1);
    stripper.writeText(document, new StringWriter());
    stripper.endLine();
    return stripper.lines;
  }

  @Override
  protected void writeString(String text, List<TextPosition> positions) {
    if (positions.isEmpty() || text.isBlank()) {
      return;
    }
    if (words.isEmpty()) {
      top = positions.get(0).getYDirAdj();
      fontSize = positions.get(0).getFontSizeInPt();
    }
    List<Integer> cuts = new ArrayList<>();
    float end = -Float.MAX_VALUE;
    boolean space = false;
    for (int g = 0; g < positions.size(); g++) {
      TextPosition glyph = positions.get(g);
      if (glyph.getUnicode() == null || glyph.getUnicode().isBlank()) {
        space = true;
        continue;
      }
      if (space && end > -Float.MAX_VALUE && glyph.getXDirAdj() - end >= CELL_SPACE * glyph.getFontSizeInPt()) {
        cuts.add(g);
      }
      space = false;
      end = Math.max(end, glyph.getXDirAdj() + glyph.getWidthDirAdj());
    }
    if (cuts.isEmpty()) {
      words.add(word(text, positions));
      return;
    }
    cuts.add(positions.size());
    int from = 0;
    for (int cut : cuts) {
      List<TextPosition> part = positions.subList(from, cut);
      StringBuilder partText = new StringBuilder();
      part.forEach(glyph -> partText.append(glyph.getUnicode() == null ? "" : glyph.getUnicode()));
      if (!partText.toString().isBlank()) {
        words.add(word(partText.toString().strip(), part));
      }
      from = cut;
    }
  }

  /** The word and the x extent of its glyphs, spaces at its ends left out. */
  private static WordColumns.Word word(String text, List<TextPosition> glyphs) {
    float start = Float.MAX_VALUE;
    float end = -Float.MAX_VALUE;
    for (TextPosition glyph : glyphs) {
      if (glyph.getUnicode() != null && !glyph.getUnicode().isBlank()) {
        start = Math.min(start, glyph.getXDirAdj());
        end = Math.max(end, glyph.getXDirAdj() + glyph.getWidthDirAdj());
      }
    }
    return start > end ? new WordColumns.Word(0, 0, text) : new WordColumns.Word(start, end, text);
  }

  @Override
  protected void writeWordSeparator() {
    // Words are placed by their positions; the gap between them is what the table reader reads.
  }

  @Override
  protected void writeLineSeparator() {
    endLine();
  }

  @Override
  protected void writeParagraphStart() {
    endLine();
    paragraphStart = true;
  }

  @Override
  protected void writeParagraphEnd() {
    endLine();
  }

  private void endLine() {
    if (words.isEmpty()) {
      return;
    }
    lines.add(new WordColumns.Line(words, top, fontSize, paragraphStart));
    words = new ArrayList<>();
    paragraphStart = false;
  }
}
