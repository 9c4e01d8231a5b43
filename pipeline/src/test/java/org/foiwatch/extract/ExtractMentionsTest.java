package org.foiwatch.extract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.foiwatch.extract.ExtractMentions.ExtractedDocument;
import org.foiwatch.ingest.Block;
import org.foiwatch.ingest.DocumentStatus;
import org.foiwatch.ingest.OcrReport;
import org.foiwatch.ingest.ParsedDocument;
import org.foiwatch.ingest.ParsedDocumentCoder;
import org.foiwatch.records.BuildRecords;
import org.foiwatch.records.DocumentRecord;
import org.foiwatch.records.SourcePaths;
import org.foiwatch.records.SplitRecords;
import org.junit.Rule;
import org.junit.Test;

/**
 * ExtractMentions extracts every document of a file and keeps them together; a document whose
 * extraction throws keeps its record as extract_failed with the error, and the rest of the
 * file, and of the run, goes on.
 *
 * <p>No file the parser reads makes the extractor throw (that would be a bug, fixed where it is
 * found), so the failing document is one the parser never makes: a paragraph block without a
 * cell, on which the real extractor fails. Nothing is injected into the extractor.
 */
public class ExtractMentionsTest {

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  static final String SOURCE = "file:/in/reply.pdf";
  static final String LETTER = "Dear Sir, the council holds 12 Hikvision DS-2CD2143G0-I cameras in the town centre.";

  static ParsedDocument document(String id, String attachment, List<Block> blocks) {
    return new ParsedDocument(SOURCE, attachment, id, attachment == null ? null : "container", attachment == null ? 0 : 1,
        "sha-" + id, "text/plain", DocumentStatus.PARSED, null, null, 1, Map.of(), blocks, OcrReport.of(OcrReport.Status.NOT_NEEDED));
  }

  /** The reply itself, an attachment that reads, and an attachment whose extraction throws. */
  static KV<String, List<ParsedDocument>> replyWithOneBadAttachment() {
    return KV.of(SOURCE, List.of(
        document("container", null, List.of(Block.paragraph(1, LETTER, false))),
        document("good", "good.txt", List.of(Block.paragraph(1, "Axis P3245 cameras: 3", false))),
        document("bad", "bad.txt", List.of(new Block(1, null, -1, List.of(), false)))));
  }

  static PCollection<KV<String, List<ParsedDocument>>> input(TestPipeline pipeline) {
    return pipeline.apply(Create.of(List.of(replyWithOneBadAttachment()))
        .withCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(ParsedDocumentCoder.of()))));
  }

  @Test
  public void aDocumentWhoseExtractionThrowsEndsExtractFailedAndTheOthersAreExtracted() {
    PCollection<KV<String, List<ExtractedDocument>>> extracted = input(pipeline).apply(new ExtractMentions(60));

    PAssert.that(extracted).satisfies(files -> {
      KV<String, List<ExtractedDocument>> file = files.iterator().next();
      assertEquals(SOURCE, file.getKey());
      List<ExtractedDocument> documents = file.getValue();
      assertEquals(3, documents.size());
      ExtractedDocument container = documents.get(0);
      assertEquals(DocumentStatus.PARSED, container.document().status());
      assertFalse(container.extraction().mentions().isEmpty());
      assertTrue("text dropped after extraction", container.document().blocks().isEmpty());
      ExtractedDocument bad = documents.get(2);
      assertEquals(DocumentStatus.EXTRACT_FAILED, bad.document().status());
      assertTrue(bad.document().error(), bad.document().error().startsWith("extraction failed: java.lang."));
      assertTrue(bad.extraction().mentions().isEmpty());
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void theFailedDocumentKeepsItsRecordWhileTheRunGoesOn() {
    PCollection<DocumentRecord> documents = input(pipeline)
        .apply(new ExtractMentions(60))
        .apply(new BuildRecords(SourcePaths.of("absolute", "/")))
        .apply(new SplitRecords())
        .get(SplitRecords.DOCUMENTS);

    PAssert.that(documents).satisfies(records -> {
      Map<String, String> statuses = new java.util.TreeMap<>();
      records.forEach(record -> statuses.put(record.getDocumentId(), record.getStatus()));
      assertEquals(Map.of("container", "parsed", "good", "parsed", "bad", "extract_failed"), statuses);
      records.forEach(record -> assertEquals("bad".equals(record.getDocumentId()), record.getError() != null));
      return null;
    });
    pipeline.run().waitUntilFinish();
  }
}
