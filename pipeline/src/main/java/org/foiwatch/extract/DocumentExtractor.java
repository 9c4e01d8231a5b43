package org.foiwatch.extract;

import java.util.ArrayList;
import java.util.List;
import org.foiwatch.ingest.Block;
import org.foiwatch.ingest.ParsedDocument;
import org.foiwatch.normalise.ModelGrammars;
import org.foiwatch.normalise.VendorCatalogue;

/**
 * Everything foiwatch reads from one parsed document: its FOI fields and its equipment
 * mentions from tables and prose, outside the quoted request and e-mail quotes. Plain Java
 * (no Beam): build once per worker, it holds the OpenNLP models and matchers.
 */
public final class DocumentExtractor {

  /** The result for one document. */
  public record Extraction(DocumentFields fields, List<EquipmentMention> mentions) implements java.io.Serializable {}

  private final ModelGrammars grammars;
  private final TableExtractor tables;
  private final ProseExtractor prose;

  public DocumentExtractor() {
    VendorCatalogue catalogue = VendorCatalogue.standard();
    this.grammars = ModelGrammars.standard();
    this.tables = new TableExtractor(catalogue, grammars);
    this.prose = new ProseExtractor(catalogue, new VendorFinder(catalogue), grammars);
  }

  public Extraction extract(ParsedDocument parsed) {
    if (parsed.blocks().isEmpty()) {
      return new Extraction(DocumentFields.none(), List.of());
    }
    ParsedDocument document = StackedCells.rebuild(
        Answers.separate(WrappedCells.rejoin(OcrText.rejoinWrappedModels(parsed, grammars), grammars)));
    DocumentText text = new DocumentText(document.blocks());
    boolean[] excluded = ContextFilter.excludedBlocks(document.blocks());
    List<EquipmentMention> mentions = new ArrayList<>();
    Integer totalCameras = null;
    List<Block> blocks = document.blocks();
    boolean[] readAsProse = new boolean[blocks.size()];
    for (int i = 0; i < blocks.size(); i++) {
      readAsProse[i] = !excluded[i] && !blocks.get(i).isRow();
    }
    for (List<Integer> table : text.tables()) {
      TableExtractor.Result result = tables.extract(text, table, excluded);
      mentions.addAll(result.mentions());
      if (result.totalCameras() != null) {
        totalCameras = result.totalCameras();
      }
      if (!result.headed()) {
        // A table without a header row (a layout table, a list set out in cells): each row is a unit of text.
        table.forEach(row -> readAsProse[row] = !excluded[row]);
      }
    }
    for (int i = 0; i < blocks.size(); i++) {
      if (readAsProse[i]) {
        // OCR gives running text, never table rows: only prose reads look-alikes back.
        mentions.addAll(prose.extract(text, i, document.ocr().isOcrPage(blocks.get(i).page())));
      }
    }
    return new Extraction(FoiFieldExtractor.extract(document, excluded, totalCameras), mentions);
  }
}
