package org.foiwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.foiwatch.ingest.Block;
import org.foiwatch.ingest.DocumentStatus;
import org.foiwatch.ingest.OcrReport;
import org.foiwatch.ingest.ParsedDocument;
import org.junit.jupiter.api.Test;

/** Extraction takes time in proportion to a document's size, and a budget ends the pathological ones. */
class ExtractionBudgetTest {

  private static ParsedDocument document(List<Block> blocks) {
    return new ParsedDocument("file:/x/list.txt", null, "id", null, 0, "sha", "text/plain",
        DocumentStatus.PARSED, null, null, 1, Map.of(), blocks, OcrReport.of(OcrReport.Status.NOT_NEEDED));
  }

  /** {@code size} characters of vendor names and model codes with no sentence break, as one paragraph. */
  private static String vendorsAndCodes(int size) {
    String[] items = {"Hikvision DS-2CD2143G0-I at site ", "Dahua IPC-HDW5442TM-AS, ", "Axis P3245-LVE and ",
        "Hanwha XNO-6080R on route ", "ANNKE I91BN by gate ", "Uniview IPC3614SR3-ADPF28 with "};
    StringBuilder text = new StringBuilder(size + 64);
    for (int i = 0; text.length() < size; i++) {
      text.append(items[i % items.length]).append(i % 97).append(' ');
    }
    text.setLength(size);
    return text.toString();
  }

  @Test
  void aSpentBudgetEndsTheDocumentKeepingWhatWasFound() {
    // A clock that moves a second each time it is read: the budget allows one unit of prose.
    AtomicLong nanos = new AtomicLong();
    DocumentExtractor extractor = new DocumentExtractor(Duration.ofMillis(1500),
        () -> nanos.getAndAdd(Duration.ofSeconds(1).toNanos()));
    DocumentExtractor.Extraction extraction = extractor.extract(document(List.of(
        Block.paragraph(1, "The Council operates 12 Hikvision cameras.", false),
        Block.paragraph(1, "It also operates 4 Dahua cameras.", false))));
    assertTrue(extraction.timedOut());
    assertEquals(List.of("Hikvision:12"),
        extraction.mentions().stream().map(m -> m.vendor() + ":" + m.quantity()).toList());
  }

  @Test
  void aTimedOutDocumentIsRecordedAsTruncatedByTheExtractTimeout() {
    ParsedDocument truncated = document(List.of()).truncated("extract_timeout", "extraction stopped");
    assertEquals(DocumentStatus.TRUNCATED, truncated.status());
    assertEquals("extract_timeout", truncated.truncatedBy());
    ParsedDocument twice = truncated.truncated("max_rows_per_sheet", "rows dropped");
    assertEquals("extract_timeout,max_rows_per_sheet", twice.truncatedBy());
    assertEquals("extraction stopped; rows dropped", twice.error());
  }
}
