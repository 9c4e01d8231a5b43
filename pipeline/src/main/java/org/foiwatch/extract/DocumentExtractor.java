package org.foiwatch.extract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
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

  /** Seconds one document's extraction may take by default (--extractTimeoutSeconds). */
  public static final int DEFAULT_TIMEOUT_SECONDS = 60;

  /**
   * The result for one document.
   *
   * @param timedOut true when the extraction budget ended it: the mentions are those found until then
   */
  public record Extraction(DocumentFields fields, List<EquipmentMention> mentions, boolean timedOut) {}

  private final ModelGrammars grammars;
  private final TableExtractor tables;
  private final ProseExtractor prose;
  private final Duration budget;
  private final LongSupplier nanoClock;

  public DocumentExtractor() {
    this(Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS));
  }

  /** An extractor that ends each document's extraction after {@code budget}. */
  public DocumentExtractor(Duration budget) {
    this(budget, System::nanoTime);
  }

  DocumentExtractor(Duration budget, LongSupplier nanoClock) {
    this.budget = budget;
    this.nanoClock = nanoClock;
    VendorCatalogue catalogue = VendorCatalogue.standard();
    this.grammars = ModelGrammars.standard();
    this.tables = new TableExtractor(catalogue, grammars);
    this.prose = new ProseExtractor(catalogue, new VendorFinder(catalogue), grammars);
  }

  public Extraction extract(ParsedDocument parsed) {
    if (parsed.blocks().isEmpty()) {
      return new Extraction(DocumentFields.none(), List.of(), false);
    }
    ExtractionBudget budget = new ExtractionBudget(this.budget, nanoClock);
    ParsedDocument document = LabelledRecords.rebuild(StackedCells.rebuild(
        Answers.separate(OcrText.rejoinWrappedModels(parsed, grammars))));
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
      if (budget.isSpent()) {
        break;
      }
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
    for (int i = 0; i < blocks.size() && !budget.stoppedWork(); i++) {
      if (readAsProse[i]) {
        // OCR gives running text, never table rows: only prose reads look-alikes back.
        mentions.addAll(prose.extract(text, i, document.ocr().isOcrPage(blocks.get(i).page()), budget));
      }
    }
    DocumentFields fields = FoiFieldExtractor.extract(document, excluded, totalCameras);
    return new Extraction(fields, withoutTheReference(mentions, fields.foiReference()), budget.stoppedWork());
  }

  /**
   * The mentions without models read inside the letter's own FOI reference ("Our ref: NHC
   * 2025/0412" is no Bosch model), which may share a product line's letters.
   */
  private static List<EquipmentMention> withoutTheReference(List<EquipmentMention> mentions, String reference) {
    if (reference == null) {
      return mentions;
    }
    String written = reference.replaceAll("\\s+", " ");
    return mentions.stream().filter(m -> m.modelAsWritten() == null
        || !written.contains(m.modelAsWritten().replaceAll("\\s+", " "))).toList();
  }
}
