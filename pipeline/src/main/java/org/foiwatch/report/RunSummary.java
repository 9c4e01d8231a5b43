package org.foiwatch.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.foiwatch.records.Unread;
import org.foiwatch.sinks.RunManifest;
import org.foiwatch.sinks.WrittenRecords;

/**
 * The end-of-run check and summary: reads the written records back, verifies that every
 * matched input file has its document record, and counts what the run produced.
 */
public record RunSummary(
    int inputFiles, int attachments, Map<String, Integer> byStatus, int failed, int textlessImages, int mentions,
    int equipment, List<String> missing, Ocr ocr, List<RunManifest.InputFile> files) {

  /**
   * OCR over the run: pages read (cached ones among them), pages skipped, Tesseract time, and
   * documents that needed OCR where tesseract is not installed.
   */
  public record Ocr(int pages, int cachedPages, int skippedPages, long millis, int unavailable) {
    boolean any() {
      return pages + skippedPages + unavailable > 0;
    }

    /** Tesseract time per page it actually read (cached pages cost nothing). */
    double secondsPerReadPage() {
      int read = pages - cachedPages;
      return read == 0 ? 0 : millis / 1000.0 / read;
    }
  }

  /** The run's figures, read back from the records it wrote, checked against its input files. */
  public static RunSummary read(String outputDirectory, List<String> inputs) throws IOException {
    DocumentTally documents = new DocumentTally();
    WrittenRecords.forEach(outputDirectory, "documents", documents);
    List<String> missing = new ArrayList<>(new TreeSet<>(inputs));
    missing.removeAll(documents.files.keySet());
    return new RunSummary(inputs.size(), documents.attachments, documents.byStatus, documents.failed,
        documents.textlessImages, WrittenRecords.count(outputDirectory, "mentions"),
        WrittenRecords.count(outputDirectory, "equipment"), missing, new Ocr(documents.ocrPages, documents.ocrCached, documents.ocrSkipped,
            documents.ocrMillis, documents.ocrUnavailable), List.copyOf(documents.files.values()));
  }

  /** The document records' figures, added up one record at a time. */
  private static final class DocumentTally implements Consumer<JsonNode> {
    /** The input files' own records (not their attachments'), by source. */
    final Map<String, RunManifest.InputFile> files = new TreeMap<>();
    final Map<String, Integer> byStatus = new TreeMap<>();
    int attachments;
    /** Documents that could not be read, as the report counts them ({@link Unread}). */
    int failed;
    int textlessImages;
    int ocrPages;
    int ocrCached;
    int ocrSkipped;
    long ocrMillis;
    int ocrUnavailable;

    @Override
    public void accept(JsonNode document) {
      ocrPages += document.path("ocr_pages").size();
      ocrSkipped += document.path("ocr_skipped_pages").size();
      ocrCached += document.path("ocr_cached_pages").asInt();
      ocrMillis += document.path("ocr_ms").asLong();
      if ("unavailable".equals(document.path("ocr").asText())) {
        ocrUnavailable++;
      }
      if (document.get("attachment").isNull()) {
        String source = document.get("source").asText();
        JsonNode sha256 = document.path("sha256");
        files.put(source, new RunManifest.InputFile(source, sha256.isTextual() ? sha256.asText() : null,
            document.get("status").asText()));
      } else {
        attachments++;
      }
      byStatus.merge(document.get("status").asText(), 1, Integer::sum);
      String status = document.get("status").asText();
      String attachment = document.get("attachment").isNull() ? null : document.get("attachment").asText();
      String mediaType = document.path("media_type").isTextual() ? document.get("media_type").asText() : null;
      String ocrDone = document.path("ocr").asText();
      textlessImages += Unread.isTextlessImage(status, attachment, mediaType, ocrDone) ? 1 : 0;
      failed += Unread.failed(status, attachment, mediaType, ocrDone) ? 1 : 0;
    }
  }

  /** Prints the run's figures; {@code files} says how many input files were parsed, reused and dropped. */
  public void print(PrintStream out, double seconds, RunManifest.FileCounts files) {
    out.printf("foiwatch: %d input files (%d read, %d unchanged with their records reused, %d dropped), %d attachments;"
        + " parsed %d, failed %d%s %s; %d mentions, %d equipment records; %.1f s%n",
        inputFiles, files.parsed(), files.reused(), files.dropped(), attachments, byStatus.getOrDefault("parsed", 0) + byStatus.getOrDefault("truncated", 0),
        failed, textlessImages == 0 ? "" : " (not counted: " + textlessImages + " embedded image(s) without text)",
        byStatus, mentions, equipment, seconds);
    if (ocr.any()) {
      out.printf("foiwatch: OCR: %d pages read (%d from the cache), %d skipped; %.1f s Tesseract, %.1f s per page read%s%n",
          ocr.pages(), ocr.cachedPages(), ocr.skippedPages(), ocr.millis() / 1000.0, ocr.secondsPerReadPage(),
          ocr.unavailable() == 0 ? "" : "; " + ocr.unavailable() + " documents need OCR but tesseract is not installed");
    }
    if (!missing.isEmpty()) {
      out.println("foiwatch: ERROR: " + missing.size() + " input files have no document record: " + missing);
    }
  }
}
