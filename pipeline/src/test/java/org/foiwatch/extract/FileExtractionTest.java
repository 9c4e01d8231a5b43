package org.foiwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.foiwatch.ingest.Block;
import org.foiwatch.ingest.DocumentStatus;
import org.foiwatch.ingest.OcrReport;
import org.foiwatch.ingest.ParsedDocument;
import org.foiwatch.records.FileRecords;
import org.foiwatch.records.DocumentRecord;
import org.foiwatch.records.SourcePaths;
import org.junit.jupiter.api.Test;

/**
 * FileExtraction extracts every document of a file and keeps them together; a document whose
 * extraction throws keeps its record as extract_failed with the error, and the rest of the
 * file, and of the run, goes on.
 *
 * <p>No file the parser reads makes the extractor throw (that would be a bug, fixed where it is
 * found), so the failing document is one the parser never makes: a paragraph block without a
 * cell, on which the real extractor fails. Nothing is injected into the extractor.
 */
class FileExtractionTest {

  static final String SOURCE = "file:/in/reply.pdf";
  static final String LETTER = "Dear Sir, the council holds 12 Hikvision DS-2CD2143G0-I cameras in the town centre.";

  static ParsedDocument document(String id, String attachment, List<Block> blocks) {
    return new ParsedDocument(SOURCE, attachment, id, attachment == null ? null : "container", attachment == null ? 0 : 1,
        "sha-" + id, "text/plain", DocumentStatus.PARSED, null, null, 1, Map.of(), blocks, OcrReport.of(OcrReport.Status.NOT_NEEDED));
  }

  /** The reply itself, an attachment that reads, and an attachment whose extraction throws. */
  static List<ParsedDocument> replyWithOneBadAttachment() {
    return List.of(
        document("container", null, List.of(Block.paragraph(1, LETTER, false))),
        document("good", "good.txt", List.of(Block.paragraph(1, "Axis P3245 cameras: 3", false))),
        document("bad", "bad.txt", List.of(new Block(1, null, -1, List.of(), false))));
  }

  private static List<ExtractedDocument> extracted() {
    FileExtraction extraction = new FileExtraction(60);
    extraction.setup();
    return extraction.extract(replyWithOneBadAttachment());
  }

  @Test
  void aDocumentWhoseExtractionThrowsEndsExtractFailedAndTheOthersAreExtracted() {
    List<ExtractedDocument> documents = extracted();
    assertEquals(3, documents.size());
    ExtractedDocument container = documents.get(0);
    assertEquals(DocumentStatus.PARSED, container.document().status());
    assertFalse(container.extraction().mentions().isEmpty());
    assertTrue(container.document().blocks().isEmpty(), "text dropped after extraction");
    assertEquals(DocumentStatus.PARSED, documents.get(1).document().status());
    ExtractedDocument bad = documents.get(2);
    assertEquals(DocumentStatus.EXTRACT_FAILED, bad.document().status());
    assertTrue(bad.document().error().startsWith("extraction failed: java.lang."), bad.document().error());
    assertTrue(bad.extraction().mentions().isEmpty());
  }

  @Test
  void theFailedDocumentKeepsItsRecord() {
    FileRecords records = new FileRecords(SourcePaths.of("absolute", "/"));
    records.setup();
    List<DocumentRecord> documents = records.build(SOURCE, extracted()).documents();

    Map<String, String> statuses = new java.util.TreeMap<>();
    documents.forEach(record -> statuses.put(record.getDocumentId(), record.getStatus()));
    assertEquals(Map.of("container", "parsed", "good", "parsed", "bad", "extract_failed"), statuses);
    documents.forEach(record -> assertEquals("bad".equals(record.getDocumentId()), record.getError() != null));
  }
}
