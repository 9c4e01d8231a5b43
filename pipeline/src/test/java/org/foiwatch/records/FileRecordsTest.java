package org.foiwatch.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.foiwatch.extract.DocumentExtractor;
import org.foiwatch.extract.DocumentFields;
import org.foiwatch.extract.EquipmentMention;
import org.foiwatch.extract.EquipmentMention.Method;
import org.foiwatch.extract.EquipmentMention.Role;
import org.foiwatch.extract.ExtractedDocument;
import org.foiwatch.ingest.DocumentStatus;
import org.foiwatch.ingest.OcrReport;
import org.foiwatch.ingest.ParsedDocument;
import org.junit.jupiter.api.Test;

/**
 * FileRecords builds one input file's documents, mentions and equipment; a document whose
 * records cannot be built (here a mention without a vendor, which the schema forbids) keeps its
 * document record as extract_failed with the error, and the file's other documents keep theirs.
 */
class FileRecordsTest {

  private static final String SOURCE = "file:/in/reply.pdf";

  private static ExtractedDocument extracted(String id, String attachment, EquipmentMention... mentions) {
    ParsedDocument document = new ParsedDocument(SOURCE, attachment, id, attachment == null ? null : "container",
        attachment == null ? 0 : 1, "sha-" + id, "text/plain", DocumentStatus.PARSED, null, null, 1, Map.of(), List.of(),
        OcrReport.of(OcrReport.Status.NOT_NEEDED));
    return new ExtractedDocument(document, 100,
        new DocumentExtractor.Extraction(DocumentFields.none(), List.of(mentions), false));
  }

  private static EquipmentMention mention(String vendor, String model, int quantity) {
    return new EquipmentMention(vendor, vendor != null, null, vendor, model, model, true, quantity, Role.ITEM, "camera",
        1, null, 0, 20, vendor + " " + model, Method.PROSE, null);
  }

  private static RecordBuilder.Records build(ExtractedDocument... documents) {
    FileRecords records = new FileRecords(SourcePaths.of("absolute", "/"));
    records.setup();
    return records.build(SOURCE, List.of(documents));
  }

  @Test
  void buildsDocumentsMentionsAndEquipmentOfAFile() {
    RecordBuilder.Records file = build(
        extracted("container", null, mention("Hikvision", "DS-2CD2143G0-I", 12)),
        extracted("sheet", "sites.xlsx", mention("Axis", "P3245-V", 3)));

    assertEquals(List.of("container", "sheet"), file.documents().stream().map(DocumentRecord::getDocumentId).toList());
    assertEquals(2, file.mentions().size());
    assertEquals(List.of("Axis P3245-V 3", "Hikvision DS-2CD2143G0-I 12"), file.equipment().stream()
        .map(e -> e.getVendor() + " " + e.getModel() + " " + e.getQuantity()).toList());
  }

  @Test
  void aDocumentWhoseRecordsCannotBeBuiltEndsExtractFailed() {
    RecordBuilder.Records file = build(
        extracted("container", null, mention("Hikvision", "DS-2CD2143G0-I", 12)),
        extracted("broken", "broken.txt", mention(null, "X-1", 2)));

    Map<String, String> statuses = new TreeMap<>();
    file.documents().forEach(d -> statuses.put(d.getDocumentId(), d.getStatus()));
    assertEquals(Map.of("broken", "extract_failed", "container", "parsed"), statuses);
    DocumentRecord broken = file.documents().stream().filter(d -> d.getDocumentId().equals("broken")).findFirst().get();
    assertTrue(broken.getError().startsWith("building records failed: "), broken.getError());
    assertEquals(List.of("Hikvision"), file.mentions().stream().map(MentionRecord::getVendor).toList());
    assertEquals(1, file.equipment().size());
  }
}
