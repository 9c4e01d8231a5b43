package org.foiwatch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.foiwatch.testing.HostileFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-runs over a folder that changes: unchanged files keep their records unparsed, new and
 * changed ones are parsed, removed ones drop out, and the records are byte-identical to a run
 * that reads everything (--full).
 */
class IncrementalRunTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path input;
  @TempDir Path output;
  @TempDir Path fullOutput;

  private static FoiOptions options(Path input, Path output, String... extra) {
    List<String> args = new ArrayList<>(List.of("--input=" + input, "--output=" + output, "--formats=jsonl,csv,avro,parquet",
        "--ocrCacheDir=", "--parseTimeoutSeconds=30"));
    args.addAll(List.of(extra));
    return PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(FoiOptions.class);
  }

  /** Runs foiwatch, checks it succeeded, and returns run.json's file counts. */
  private static JsonNode run(Path input, Path output, String... extra) throws IOException {
    ByteArrayOutputStream summary = new ByteArrayOutputStream();
    int status = FoiPipeline.run(options(input, output, extra), new PrintStream(summary, true, StandardCharsets.UTF_8));
    assertEquals(0, status, summary.toString(StandardCharsets.UTF_8));
    JsonNode files = JSON.readTree(output.resolve("run.json").toFile()).get("files");
    assertTrue(summary.toString(StandardCharsets.UTF_8).contains("(" + files.get("parsed") + " read, "
        + files.get("reused") + " unchanged with their records reused, " + files.get("dropped") + " dropped)"),
        summary.toString(StandardCharsets.UTF_8));
    return files;
  }

  private static String counts(JsonNode files) {
    return "parsed " + files.get("parsed") + ", reused " + files.get("reused") + ", dropped " + files.get("dropped");
  }

  /** The published files, but run.json (its times are the run's own), by name. */
  private static Map<String, byte[]> published(Path output) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> listing = Files.list(output)) {
      for (Path file : listing.filter(Files::isRegularFile).toList()) {
        if (!file.getFileName().toString().equals("run.json")) {
          files.put(file.getFileName().toString(), Files.readAllBytes(file));
        }
      }
    }
    return files;
  }

  private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((name, bytes) -> assertArrayEquals(bytes, actual.get(name), name));
  }

  private static Map<String, String> statuses(Path output) throws IOException {
    Map<String, String> statuses = new TreeMap<>();
    for (JsonNode file : JSON.readTree(output.resolve("run.json").toFile()).get("inputs")) {
      statuses.put(Path.of(file.get("source").asText()).getFileName().toString(), file.get("status").asText());
    }
    return statuses;
  }

  @Test
  void reRunsReadOnlyWhatChangedAndWriteTheSameRecordsAsAFullRun() throws Exception {
    Files.writeString(input.resolve("a.txt"), "Ashcombe District Council\nWe operate 3 x Axis P3245-LVE cameras.\n");
    Files.writeString(input.resolve("b.csv"), "Make,Model,Quantity\nDahua,IPC-HFW2431S-S-S2,7\n");
    Files.writeString(input.resolve("c.txt"), "Brackenford Town Council\nWe hold 2 Hikvision DS-2CD2143G0-I cameras.\n");
    Files.write(input.resolve("exits.xml"), HostileFiles.exitingParserInput());

    assertEquals("parsed 4, reused 0, dropped 0", counts(run(input, output)));
    Map<String, byte[]> first = published(output);

    assertEquals("parsed 0, reused 4, dropped 0", counts(run(input, output)));
    assertSameFiles(first, published(output));
    assertEquals("crashed", statuses(output).get("exits.xml"));

    Files.writeString(input.resolve("b.csv"), "Make,Model,Quantity\nDahua,IPC-HFW2431S-S-S2,9\nAxis,M7104,2\n");
    Files.writeString(input.resolve("d.txt"), "Coldharbour Fire and Rescue Service\nWe run 5 Bosch NBN-73023BA cameras.\n");
    Files.delete(input.resolve("c.txt"));
    assertEquals("parsed 2, reused 2, dropped 1", counts(run(input, output)));
    assertEquals(Map.of("a.txt", "parsed", "b.csv", "parsed", "d.txt", "parsed", "exits.xml", "crashed"), statuses(output));
    assertTrue(Files.readString(output.resolve("equipment.jsonl")).contains("\"quantity\":9"));

    assertEquals("parsed 4, reused 0, dropped 0", counts(run(input, fullOutput, "--full")));
    assertSameFiles(published(fullOutput), published(output));

    // A failure for want of a live parser is kept while the file is unchanged, unless asked.
    assertEquals("parsed 1, reused 3, dropped 0", counts(run(input, output, "--retryFailed")));
    assertSameFiles(published(fullOutput), published(output));
  }

  @Test
  void optionsThatShapeRecordsChangeTheFingerprintOthersDoNot() {
    String base = RunSettings.extractionFingerprint(options(input, output));
    assertEquals(base, RunSettings.extractionFingerprint(options(input.resolve("elsewhere"), fullOutput,
        "--reportScreenshot=true", "--progressSeconds=0", "--recordsPerShard=10", "--full", "--retryFailed")));
    assertNotEquals(base, RunSettings.extractionFingerprint(options(input, output, "--maxRowsPerSheet=10")));
    assertNotEquals(base, RunSettings.extractionFingerprint(options(input, output, "--ocr=never")));
    assertNotEquals(base, RunSettings.extractionFingerprint(options(input, output, "--extractTimeoutSeconds=5")));
  }
}
