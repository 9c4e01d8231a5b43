package org.foiwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.foiwatch.ingest.Block;
import org.foiwatch.ingest.DocumentStatus;
import org.foiwatch.ingest.OcrReport;
import org.foiwatch.ingest.ParsedDocument;
import org.foiwatch.normalise.ModelGrammars;
import org.junit.jupiter.api.Test;

class OcrTextTest {

  private static ParsedDocument scanned(List<Integer> ocrPages, String... paragraphs) {
    List<Block> blocks = java.util.Arrays.stream(paragraphs).map(p -> Block.paragraph(1, p, false)).toList();
    return new ParsedDocument("s", null, "id", null, 0, "sha", "application/pdf", DocumentStatus.PARSED, null, null,
        1, Map.of(), blocks, new OcrReport(OcrReport.Status.RAN, ocrPages, 0, List.of(), 10));
  }

  private static List<String> texts(ParsedDocument document) {
    return document.blocks().stream().map(Block::text).toList();
  }

  @Test
  void blanksTableRulesButNotABarInsideAWord() {
    assertEquals("Depot  Hanwha SNO-6084R   26", OcrText.blankRules("Depot |Hanwha SNO-6084R | 26"));
    assertEquals("Museum   Lorex LNB4321B  19 ", OcrText.blankRules("Museum _ Lorex LNB4321B |19|"));
    assertEquals("DS-76|8NI", OcrText.blankRules("DS-76|8NI"));
    assertEquals("(12 x DS 2CD2347G2 and 4 x ds", OcrText.blankRules("(12:x DS 2CD2347G2 and 4;x ds"));
    assertEquals("at 10:30 and 16:9 x 2", OcrText.blankRules("at 10:30 and 16:9 x 2"));
  }

  @Test
  void joinsAModelWrappedByANarrowColumnWhenItsGrammarAcceptsTheWhole() {
    ParsedDocument document = scanned(List.of(1),
        "Sports Ground LTS CMIP3042 20", "W-28M", "Recycling Centre LTS LTN8708K 1\n| P8\nCrematorium Lorex LNB4321B 19");
    assertEquals(List.of("Sports Ground LTS CMIP3042W-28M 20",
            "Recycling Centre LTS LTN8708K-P8 1\nCrematorium Lorex LNB4321B 19"),
        texts(OcrText.rejoinWrappedModels(document, ModelGrammars.standard())));
  }

  @Test
  void leavesLinesAloneThatContinueNoModel() {
    ParsedDocument document = scanned(List.of(1), "We hold 40 cameras.\nA12", "Page 2");
    assertEquals(texts(document), texts(OcrText.rejoinWrappedModels(document, ModelGrammars.standard())));
  }

  @Test
  void onlyOcrPagesAreRejoined() {
    ParsedDocument document = scanned(List.of(), "Sports Ground LTS CMIP3042 20", "W-28M");
    assertEquals(texts(document), texts(OcrText.rejoinWrappedModels(document, ModelGrammars.standard())));
  }
}
