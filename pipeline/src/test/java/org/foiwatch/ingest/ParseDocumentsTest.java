package org.foiwatch.ingest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.foiwatch.testing.Fixtures;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * ParseDocuments turns each input file into its documents, one element per file: a reply and an
 * e-mail with an attachment parse; a damaged PDF and a link leading out of the input folder end
 * as documents with a failed status and their error, beside the others, and are counted.
 */
public class ParseDocumentsTest {

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void everyFileEndsAsItsDocumentsFailuresIncluded() throws Exception {
    Path dir = temp.newFolder("in").toPath();
    Fixtures.writeTo(dir, "reply.pdf", Fixtures.pdf(List.of("Leeds City Council", "We hold 12 Hikvision cameras."),
        Fixtures.table(Fixtures.row("Model", "Quantity"), Fixtures.row("DS-2CD2143G0-I", "12"))));
    Fixtures.writeTo(dir, "cover.eml", Fixtures.emlWithAttachments(
        new Fixtures.Mail("foi@leeds.gov.uk", "me@example.org", "Your request", "Mon, 4 Mar 2024 10:00:00 +0000", "<1@leeds>"),
        "Please find our response attached.",
        List.of(Fixtures.attachment("sites.csv", Fixtures.csv(List.of(List.of("Site", "Cameras"), List.of("Depot", "4")))))));
    Fixtures.writeTo(dir, "broken.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog broken".getBytes(StandardCharsets.US_ASCII));
    Path outside = Files.writeString(temp.newFolder("outside").toPath().resolve("secret.txt"), "not for reading");
    Files.createSymbolicLink(dir.resolve("link.txt"), outside);
    List<KV<String, Long>> files = InputFiles.list(dir.toString());
    assertEquals(4, files.size());

    PCollection<KV<String, List<ParsedDocument>>> parsed = pipeline
        .apply(new MatchInputs(files, true))
        .apply(new ParseDocuments(ParserLimits.defaults().withIsolation(false), OcrSettings.never(),
            InputConfinement.forInput(dir.toString(), false)));

    PAssert.that(parsed).satisfies(elements -> {
      Map<String, List<ParsedDocument>> byFile = new TreeMap<>();
      elements.forEach(file -> byFile.put(file.getKey().substring(file.getKey().lastIndexOf('/') + 1), file.getValue()));
      assertEquals(List.of("broken.pdf", "cover.eml", "link.txt", "reply.pdf"), List.copyOf(byFile.keySet()));

      ParsedDocument reply = byFile.get("reply.pdf").get(0);
      assertEquals(DocumentStatus.PARSED, reply.status());
      assertNull(reply.error());
      assertTrue(reply.chars() > 0);
      assertEquals(List.of("cover.eml", "sites.csv"), byFile.get("cover.eml").stream()
          .map(d -> d.attachment() == null ? "cover.eml" : d.attachment()).toList());
      byFile.get("cover.eml").forEach(d -> assertEquals(d.attachment(), DocumentStatus.PARSED, d.status()));

      ParsedDocument broken = byFile.get("broken.pdf").get(0);
      assertEquals(DocumentStatus.CORRUPT, broken.status());
      assertNotNull(broken.error());
      ParsedDocument link = byFile.get("link.txt").get(0);
      assertEquals(DocumentStatus.SKIPPED, link.status());
      assertNotNull(link.error());
      return null;
    });
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();
    MetricQueryResults failed = result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(ParseDocuments.ParseFileFn.class, "input_files_failed")).build());
    assertEquals(2L, (long) failed.getCounters().iterator().next().getCommitted());
  }
}
