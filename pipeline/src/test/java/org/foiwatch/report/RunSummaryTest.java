package org.foiwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.foiwatch.sinks.RunManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The end-of-run summary counts failures as the report does: an embedded image without text is none. */
class RunSummaryTest {

  private static String document(String source, String attachment, String mediaType, String status, String ocr) {
    return "{\"source\":\"" + source + "\",\"attachment\":" + (attachment == null ? "null" : "\"" + attachment + "\"")
        + ",\"sha256\":\"ab\",\"media_type\":\"" + mediaType + "\",\"status\":\"" + status + "\",\"ocr\":\"" + ocr
        + "\",\"ocr_pages\":[],\"ocr_skipped_pages\":[],\"ocr_cached_pages\":0,\"ocr_ms\":0}\n";
  }

  @Test
  void aWordThumbnailWithoutTextIsNoFailureButADamagedFileIs(@TempDir Path run) throws Exception {
    Files.writeString(run.resolve("documents.jsonl"),
        document("reply.docx", null, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "parsed", "not_needed")
            + document("reply.docx", "image1.emf.png", "image/png", "empty", "ran")
            + document("broken.pdf", null, "application/pdf", "corrupt", "not_needed"), StandardCharsets.UTF_8);
    Files.writeString(run.resolve("mentions.jsonl"), "");
    Files.writeString(run.resolve("equipment.jsonl"), "");

    RunSummary summary = RunSummary.read(run.toString(), List.of("reply.docx", "broken.pdf"));

    assertEquals(1, summary.failed());
    assertEquals(1, summary.textlessImages());
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    summary.print(new PrintStream(printed, true, StandardCharsets.UTF_8), 1.0, new RunManifest.FileCounts(2, 2, 0, 0));
    String line = printed.toString(StandardCharsets.UTF_8);
    assertTrue(line.contains("failed 1 (not counted: 1 embedded image(s) without text)"), line);
  }
}
