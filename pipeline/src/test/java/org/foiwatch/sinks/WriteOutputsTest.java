package org.foiwatch.sinks;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.foiwatch.json.RecordJson;
import org.foiwatch.records.DocumentRecord;
import org.foiwatch.records.EquipmentRecord;
import org.foiwatch.records.RecordBuilder;
import org.foiwatch.records.RecordsCoder;
import org.foiwatch.records.SplitRecords;
import org.foiwatch.records.SummarizeAuthorities;
import org.foiwatch.records.SummaryRecord;
import org.foiwatch.testing.Replies;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * WriteOutputs writes each kind of record to its file, complete and sorted by its key, whatever
 * order and bundles the records came in; the split it writes from holds what went in.
 */
public class WriteOutputsTest {

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void eachKindIsWrittenCompleteAndSorted() throws Exception {
    List<KV<String, RecordBuilder.Records>> replies = new ArrayList<>();
    for (int i = 9; i >= 0; i--) {
      String source = "file:/in/reply-" + i + ".pdf";
      replies.add(KV.of(source, Replies.reply(source, i % 2 == 0 ? "Leeds City Council" : "Bristol City Council",
          "FOI-" + i, "Hikvision", "DS-2CD2143G0-I", i + 1)));
    }
    String output = temp.getRoot().toString();
    PCollectionTuple records = pipeline
        .apply(Create.of(replies).withCoder(RecordsCoder.perInputFile()))
        .apply(Reshuffle.<KV<String, RecordBuilder.Records>>viaRandomKey().withNumBuckets(3))
        .apply(new SplitRecords());
    PCollection<SummaryRecord> summary = records.get(SplitRecords.FILE_SUMMARIES)
        .apply(new SummarizeAuthorities(output));
    List<DocumentRecord> documents = replies.stream().flatMap(r -> r.getValue().documents().stream()).toList();
    PAssert.that(records.get(SplitRecords.DOCUMENTS)).containsInAnyOrder(documents);
    records.and(SummarizeAuthorities.SUMMARY, summary)
        .apply(new WriteOutputs(output, List.of(RecordFormat.JSONL), 1000));
    pipeline.run().waitUntilFinish();

    Path dir = temp.getRoot().toPath();
    assertEquals(documents.stream().sorted(Comparator.comparing(DocumentRecord::getSource)).map(RecordJson::toJson).toList(),
        Files.readAllLines(dir.resolve("documents.jsonl")));
    List<EquipmentRecord> equipment = replies.stream().flatMap(r -> r.getValue().equipment().stream()).toList();
    assertEquals(equipment.stream().sorted(Comparator.comparing(EquipmentRecord::getSource)).map(RecordJson::toJson).toList(),
        Files.readAllLines(dir.resolve("equipment.jsonl")));
    assertEquals(10, Files.readAllLines(dir.resolve("mentions.jsonl")).size());
    List<String> summaries = Files.readAllLines(dir.resolve("summary.jsonl"));
    assertEquals(2, summaries.size());
    assertEquals(true, summaries.get(0).startsWith("{\"authority\":\"Bristol City Council\""));
  }
}
