package org.foiwatch.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.foiwatch.records.EquipmentRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The external merge sort behind every output file: records arriving in many bundles (a key per
 * record, so a bundle and a run per record on the DirectRunner) come out complete and sorted,
 * cut into shards, whether the runs are merged at once or a few at a time in several rounds.
 */
class WriteRecordsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RECORDS = 300;

  @TempDir Path temp;

  @Test
  void recordsFromManyBundlesComeOutSortedAndComplete() throws IOException {
    Path allAtOnce = write(temp.resolve("at-once"), 200);
    Path inRounds = write(temp.resolve("in-rounds"), 3);

    List<String> ids = new ArrayList<>();
    for (int shard = 0; shard < 3; shard++) {
      for (String line : Files.readAllLines(inRounds.resolve(String.format("equipment-%05d-of-00003.jsonl", shard)))) {
        ids.add(JSON.readTree(line).get("equipment_id").asText());
      }
    }
    List<String> expected = IntStream.range(0, RECORDS).mapToObj(WriteRecordsTest::id).sorted().toList();
    assertEquals(expected, ids);
    for (int shard = 0; shard < 3; shard++) {
      String file = String.format("equipment-%05d-of-00003.jsonl", shard);
      assertEquals(Files.readString(allAtOnce.resolve(file)), Files.readString(inRounds.resolve(file)));
    }
    try (Stream<Path> left = Files.list(inRounds)) {
      assertFalse(left.anyMatch(path -> path.getFileName().toString().startsWith(".")), "run files left behind");
    }
  }

  private static Path write(Path output, int maxOpenRuns) {
    PipelineOptions options = PipelineOptionsFactory.create();
    options.setRunner(DirectRunner.class);
    Pipeline pipeline = Pipeline.create(options);
    // Out of order on purpose: id i is record (i * 7) % RECORDS.
    List<EquipmentRecord> records = IntStream.range(0, RECORDS).mapToObj(i -> record((i * 7) % RECORDS)).toList();
    pipeline.apply(Create.of(records).withCoder(AvroCoder.specific(EquipmentRecord.class)))
        .apply(Reshuffle.viaRandomKey())
        .apply(new WriteRecords<>(output.toString(), "equipment", EquipmentRecord.class, EquipmentRecord::getEquipmentId,
            List.of(RecordFormat.JSONL), 120, maxOpenRuns));
    pipeline.run().waitUntilFinish();
    return output;
  }

  private static String id(int i) {
    return String.format("e%04d", i);
  }

  private static EquipmentRecord record(int i) {
    return EquipmentRecord.newBuilder().setEquipmentId(id(i)).setSource("file" + (i % 11) + ".pdf").setVendor("Hikvision")
        .setVendorKnown(true).setModel("DS-2CD2143G0-I").setQuantity(i).setProductType("camera").setRestricted(List.of())
        .setMentionIds(List.of("m" + i)).build();
  }
}
