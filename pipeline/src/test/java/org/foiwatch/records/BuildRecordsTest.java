package org.foiwatch.records;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.foiwatch.extract.FileExtraction;
import org.foiwatch.ingest.FileParser;
import org.foiwatch.ingest.FileParserTest;
import org.foiwatch.ingest.InputConfinement;
import org.foiwatch.ingest.MatchInputs;
import org.foiwatch.ingest.OcrSettings;
import org.foiwatch.ingest.ParserLimits;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * BuildRecords turns each input file into its records in one step: every file of a folder ends
 * as one element with a document record per document, parsed or failed with its reason, and the
 * equipment it states; parsed and failed input files are counted.
 */
public class BuildRecordsTest {

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void everyInputFileEndsAsItsRecords() throws Exception {
    Path dir = temp.newFolder("in").toPath();
    List<KV<String, Long>> files = FileParserTest.mixedInput(dir, temp.newFolder("outside").toPath());

    PCollection<KV<String, RecordBuilder.Records>> records = pipeline
        .apply(new MatchInputs(files, true))
        .apply(new BuildRecords(
            new FileParser(ParserLimits.defaults().withIsolation(false), OcrSettings.never(),
                InputConfinement.forInput(dir.toString(), false)),
            new FileExtraction(60),
            new FileRecords(SourcePaths.of("relative", dir.toString()))));

    PAssert.that(records).satisfies(elements -> {
      Map<String, RecordBuilder.Records> byFile = new TreeMap<>();
      elements.forEach(file -> byFile.put(file.getKey().substring(file.getKey().lastIndexOf('/') + 1), file.getValue()));
      assertEquals(List.of("broken.pdf", "cover.eml", "link.txt", "reply.pdf"), List.copyOf(byFile.keySet()));
      Map<String, String> statuses = new TreeMap<>();
      byFile.values().forEach(file -> file.documents().forEach(document ->
          statuses.put(document.getSource() + (document.getAttachment() == null ? "" : "!" + document.getAttachment()),
              document.getStatus())));
      assertEquals(Map.of("broken.pdf", "corrupt", "cover.eml", "parsed", "cover.eml!sites.csv", "parsed",
          "link.txt", "skipped", "reply.pdf", "parsed"), statuses);
      byFile.get("broken.pdf").documents().forEach(document -> assertNotNull(document.getError()));
      assertTrue(byFile.get("reply.pdf").equipment().stream()
          .anyMatch(e -> "Hikvision DS-2CD2143G0-I 12".equals(e.getVendor() + " " + e.getModel() + " " + e.getQuantity())));
      return null;
    });
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();
    assertEquals(4L, committed(result, BuildRecords.class, BuildRecords.FILES_PARSED));
    assertEquals(2L, committed(result, FileParser.class, "input_files_failed"));
  }

  private static long committed(PipelineResult result, Class<?> namespace, String name) {
    return result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(namespace, name)).build()).getCounters().iterator().next().getCommitted();
  }
}
