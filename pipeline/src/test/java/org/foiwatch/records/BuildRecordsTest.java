package org.foiwatch.records;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.foiwatch.extract.DocumentExtractor;
import org.foiwatch.extract.DocumentFields;
import org.foiwatch.extract.EquipmentMention;
import org.foiwatch.extract.EquipmentMention.Method;
import org.foiwatch.extract.EquipmentMention.Role;
import org.foiwatch.extract.ExtractMentions.ExtractedDocument;
import org.foiwatch.ingest.DocumentStatus;
import org.foiwatch.ingest.OcrReport;
import org.foiwatch.ingest.ParsedDocument;
import org.junit.Rule;
import org.junit.Test;

/**
 * BuildRecords builds one input file's documents, mentions and equipment; a document whose
 * records cannot be built (here a mention without a vendor, which the schema forbids) keeps its
 * document record as extract_failed with the error, and the file's other documents keep theirs.
 */
public class BuildRecordsTest {

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

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

  private PCollection<KV<String, RecordBuilder.Records>> build(List<ExtractedDocument> documents) {
    return pipeline
        .apply(Create.of(List.of(KV.of(SOURCE, documents)))
            .withCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(SerializableCoder.of(ExtractedDocument.class)))))
        .apply(new BuildRecords(SourcePaths.of("absolute", "/")));
  }

  @Test
  public void buildsDocumentsMentionsAndEquipmentOfAFile() {
    PCollection<KV<String, RecordBuilder.Records>> records = build(List.of(
        extracted("container", null, mention("Hikvision", "DS-2CD2143G0-I", 12)),
        extracted("sheet", "sites.xlsx", mention("Axis", "P3245-V", 3))));

    PAssert.that(records).satisfies(files -> {
      KV<String, RecordBuilder.Records> file = files.iterator().next();
      assertEquals(SOURCE, file.getKey());
      assertEquals(List.of("container", "sheet"),
          file.getValue().documents().stream().map(DocumentRecord::getDocumentId).toList());
      assertEquals(2, file.getValue().mentions().size());
      assertEquals(List.of("Axis P3245-V 3", "Hikvision DS-2CD2143G0-I 12"), file.getValue().equipment().stream()
          .map(e -> e.getVendor() + " " + e.getModel() + " " + e.getQuantity()).toList());
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void aDocumentWhoseRecordsCannotBeBuiltEndsExtractFailed() {
    PCollection<KV<String, RecordBuilder.Records>> records = build(List.of(
        extracted("container", null, mention("Hikvision", "DS-2CD2143G0-I", 12)),
        extracted("broken", "broken.txt", mention(null, "X-1", 2))));

    PAssert.that(records).satisfies(files -> {
      RecordBuilder.Records file = files.iterator().next().getValue();
      Map<String, String> statuses = new TreeMap<>();
      file.documents().forEach(d -> statuses.put(d.getDocumentId(), d.getStatus()));
      assertEquals(Map.of("broken", "extract_failed", "container", "parsed"), statuses);
      DocumentRecord broken = file.documents().stream().filter(d -> d.getDocumentId().equals("broken")).findFirst().get();
      assertTrue(broken.getError(), broken.getError().startsWith("building records failed: "));
      assertEquals(List.of("Hikvision"), file.mentions().stream().map(MentionRecord::getVendor).toList());
      assertEquals(1, file.equipment().size());
      return null;
    });
    pipeline.run().waitUntilFinish();
  }
}
