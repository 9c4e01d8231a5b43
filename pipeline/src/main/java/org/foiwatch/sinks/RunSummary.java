package org.foiwatch.sinks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * The end-of-run check and summary: reads the written records back, verifies that every
 * matched input file has its document record, and counts what the run produced.
 */
public record RunSummary(
    int inputFiles, int attachments, Map<String, Integer> byStatus, int mentions, int equipment, List<String> missing,
    Ocr ocr) {

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

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The run's figures, read back from the records it wrote, checked against its input files. */
  public static RunSummary read(String outputDirectory, List<String> inputs) throws IOException {
    Set<String> sources = new HashSet<>();
    int attachments = 0;
    Map<String, Integer> byStatus = new TreeMap<>();
    int ocrPages = 0;
    int ocrCached = 0;
    int ocrSkipped = 0;
    long ocrMillis = 0;
    int ocrUnavailable = 0;
    for (JsonNode document : lines(outputDirectory, "documents")) {
      ocrPages += document.path("ocr_pages").size();
      ocrSkipped += document.path("ocr_skipped_pages").size();
      ocrCached += document.path("ocr_cached_pages").asInt();
      ocrMillis += document.path("ocr_ms").asLong();
      if ("unavailable".equals(document.path("ocr").asText())) {
        ocrUnavailable++;
      }
      if (document.get("attachment").isNull()) {
        sources.add(document.get("source").asText());
      } else {
        attachments++;
      }
      byStatus.merge(document.get("status").asText(), 1, Integer::sum);
    }
    List<String> missing = new ArrayList<>(new TreeSet<>(inputs));
    missing.removeAll(sources);
    return new RunSummary(inputs.size(), attachments, byStatus, lines(outputDirectory, "mentions").size(),
        lines(outputDirectory, "equipment").size(), missing,
        new Ocr(ocrPages, ocrCached, ocrSkipped, ocrMillis, ocrUnavailable));
  }

  /** The records of one kind, read back from its JSON Lines file or shards. */
  static List<JsonNode> lines(String outputDirectory, String name) throws IOException {
    List<ResourceId> files = WriteRecords.existingFiles(outputDirectory, name, RecordFormat.JSONL);
    if (files.isEmpty()) {
      throw new IOException("no " + name + ".jsonl in " + outputDirectory);
    }
    List<JsonNode> nodes = new ArrayList<>();
    for (ResourceId file : files) {
      try (BufferedReader reader = new BufferedReader(
          new InputStreamReader(Channels.newInputStream(FileSystems.open(file)), StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          if (!line.isBlank()) {
            nodes.add(JSON.readTree(line));
          }
        }
      }
    }
    return nodes;
  }

  public void print(PrintStream out, double seconds) {
    int failed = byStatus.entrySet().stream()
        .filter(e -> !e.getKey().equals("parsed") && !e.getKey().equals("truncated"))
        .mapToInt(Map.Entry::getValue).sum();
    out.printf("foiwatch: %d input files, %d attachments; parsed %d, failed %d %s; %d mentions, %d equipment records; %.1f s%n",
        inputFiles, attachments, byStatus.getOrDefault("parsed", 0) + byStatus.getOrDefault("truncated", 0),
        failed, byStatus, mentions, equipment, seconds);
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
