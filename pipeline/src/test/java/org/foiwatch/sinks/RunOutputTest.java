package org.foiwatch.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staging, publishing, and what a failed or killed run leaves for the next one. */
class RunOutputTest {

  @TempDir Path output;

  private static RunManifest manifest(String runId, List<String> outputs) {
    return new RunManifest(runId, "test", null, "2026-12-05T10:00:00Z", "2026-12-05T10:01:00Z", Map.of(), "f",
        new RunManifest.FileCounts(1, 1, 0, 0), Map.of("parsed", 1),
        List.of(new RunManifest.InputFile("/in/a.txt", "00", "parsed")), outputs);
  }

  private Path run(String runId) throws IOException {
    return Files.createDirectories(output.resolve(".foiwatch/runs").resolve(runId));
  }

  private List<String> runIds() throws IOException {
    try (Stream<Path> runs = Files.list(output.resolve(".foiwatch/runs"))) {
      return runs.map(run -> run.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aKilledRunsStagingGoesAndThePreviousResultsStay() throws IOException {
    Files.writeString(output.resolve("documents.jsonl"), "old\n");
    Files.writeString(run("a").resolve("state"), "what the next run reuses");
    manifest("a", List.of("documents.jsonl")).write(output.toString());
    Path killed = run("b");
    Files.writeString(killed.resolve("documents.jsonl"), "half\n");
    Files.createDirectories(killed.resolve(".foiwatch-runs-mentions"));
    Files.writeString(killed.resolve(".foiwatch-runs-mentions/1.run"), "a sort run");
    run("c"); // killed before it wrote a file

    RunOutput next = RunOutput.prepare(output.toString());

    assertEquals(List.of("a"), runIds());
    assertEquals("what the next run reuses", Files.readString(output.resolve(".foiwatch/runs/a/state")));
    assertEquals("old\n", Files.readString(output.resolve("documents.jsonl")));
    assertEquals("a", RunManifest.read(output.toString()).orElseThrow().runId());
    assertTrue(next.staging().startsWith(output.resolve(".foiwatch/runs") + "/"), next.staging());
  }

  @Test
  void aRunKilledWhilePublishingIsPublishedByTheNext() throws IOException {
    Files.writeString(output.resolve("mentions.parquet"), "old, and not written by the new run");
    run("a");
    // Run b was killed after moving documents.jsonl: the old run.json is gone, report.html still staged.
    Path b = run("b");
    manifest("b", List.of("documents.jsonl", "report.html")).write(b.toString());
    Files.writeString(output.resolve("documents.jsonl"), "new\n");
    Files.writeString(b.resolve("report.html"), "<html>new</html>");

    RunOutput.prepare(output.toString());

    assertEquals("new\n", Files.readString(output.resolve("documents.jsonl")));
    assertEquals("<html>new</html>", Files.readString(output.resolve("report.html")));
    assertFalse(Files.exists(output.resolve("mentions.parquet")));
    assertEquals("b", RunManifest.read(output.toString()).orElseThrow().runId());
    assertEquals(List.of("b"), runIds());
  }

  @Test
  void publishingReplacesEveryEarlierRecordFileAndWritesRunJsonLast() throws IOException {
    Files.writeString(output.resolve("documents.jsonl"), "old\n");
    Files.writeString(output.resolve("equipment-00000-of-00002.csv"), "old shard");
    Files.writeString(output.resolve("notes.txt"), "the user's own file");
    Files.writeString(run("a").resolve("state"), "old state");
    manifest("a", List.of("documents.jsonl", "equipment-00000-of-00002.csv")).write(output.toString());
    RunOutput next = RunOutput.prepare(output.toString());
    Path staging = Files.createDirectories(Path.of(next.staging()));
    Files.writeString(staging.resolve("documents.jsonl"), "new\n");
    Files.writeString(staging.resolve("equipment.csv"), "new single file");
    Files.writeString(staging.resolve("state"), "new state");
    RunManifest manifest = manifest(next.runId(), List.of("documents.jsonl", "equipment.csv"));
    manifest.write(next.staging());
    // Until it is published, the output still holds the previous run.
    assertEquals("old\n", Files.readString(output.resolve("documents.jsonl")));

    next.publish(manifest);

    assertEquals("new\n", Files.readString(output.resolve("documents.jsonl")));
    assertEquals("new single file", Files.readString(output.resolve("equipment.csv")));
    assertFalse(Files.exists(output.resolve("equipment-00000-of-00002.csv")));
    assertEquals("the user's own file", Files.readString(output.resolve("notes.txt")));
    assertEquals(next.runId(), RunManifest.read(output.toString()).orElseThrow().runId());
    assertEquals(List.of(next.runId()), runIds());
    assertEquals("new state", Files.readString(staging.resolve("state")));
  }
}
