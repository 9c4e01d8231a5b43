package org.foiwatch.records;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PCollection;
import org.foiwatch.testing.Replies;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * SummarizeAuthorities sorts the per-file summaries by authority, spilling them to run files,
 * and merges each authority's as they stream past: the result is what {@link
 * AuthoritySummary#merge} gives for each authority's parts taken together, whatever bundles
 * the parts arrived in, and no run file stays behind.
 */
public class SummarizeAuthoritiesTest {

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  private static final List<String> AUTHORITIES = List.of("Leeds City Council", "Bristol City Council", "Cardiff Council");

  @Test
  public void mergesEachAuthoritysRepliesIntoOneSummary() throws Exception {
    List<SummaryRecord> parts = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      RecordBuilder.Records reply = Replies.reply("file:/in/reply-" + i + ".pdf", AUTHORITIES.get(i % 3), "FOI-" + i,
          i % 2 == 0 ? "Hikvision" : "Axis", i % 2 == 0 ? "DS-2CD2143G0-I" : "P3245-V", i + 1);
      parts.addAll(AuthoritySummary.perInputFile(reply.documents(), reply.mentions(), reply.equipment()));
    }
    Map<String, List<SummaryRecord>> byAuthority = new TreeMap<>();
    parts.forEach(part -> byAuthority.computeIfAbsent(part.getAuthority(), a -> new ArrayList<>()).add(part));
    assertEquals("three authorities", 3, byAuthority.size());
    List<SummaryRecord> expected = byAuthority.entrySet().stream()
        .map(entry -> AuthoritySummary.merge(entry.getKey(), entry.getValue())).toList();

    String work = temp.getRoot().toString();
    PCollection<SummaryRecord> summary = pipeline
        .apply(Create.of(parts).withCoder(AvroCoder.specific(SummaryRecord.class)))
        .apply(Reshuffle.<SummaryRecord>viaRandomKey().withNumBuckets(3))
        .apply(new SummarizeAuthorities(work));

    PAssert.that(summary).containsInAnyOrder(expected);
    pipeline.run().waitUntilFinish();
    assertEquals("run files removed", 0, java.nio.file.Files.list(temp.getRoot().toPath())
        .flatMap(SummarizeAuthoritiesTest::walk).filter(java.nio.file.Files::isRegularFile).count());
  }

  private static java.util.stream.Stream<java.nio.file.Path> walk(java.nio.file.Path path) {
    try {
      return java.nio.file.Files.walk(path);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
