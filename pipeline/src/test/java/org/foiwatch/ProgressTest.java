package org.foiwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricKey;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricResults;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.foiwatch.records.BuildRecords;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void rateAndEtaComeFromFilesDoneAndElapsedTime() {
    assertEquals("foiwatch: 30/120 input files parsed (25%), 0.5 files/s, elapsed 1m00s, ETA 3m00s",
        Progress.line(30, 120, 60));
    assertEquals("foiwatch: 0/5000 input files parsed (0%), 0.0 files/s, elapsed 4s, ETA unknown", Progress.line(0, 5000, 4));
    assertEquals("foiwatch: 1000/5000 input files parsed (20%), 0.3 files/s, elapsed 1h00m, ETA 4h00m",
        Progress.line(1000, 5000, 3600));
    assertEquals("foiwatch: 9/9 input files parsed (100%), 1.5 files/s, elapsed 6s, all parsed, extracting and writing the records",
        Progress.line(9, 9, 6));
  }

  @Test
  void oneLinePerIntervalWhileRunningWithTheCounterSummedOverSteps() {
    // A runner that is still running after two intervals, with the counter at 3 + 4 files.
    Deque<PipelineResult.State> states = new ArrayDeque<>(List.of(PipelineResult.State.RUNNING,
        PipelineResult.State.RUNNING, PipelineResult.State.DONE));
    MetricResults metrics = new MetricResults() {
      @Override
      public MetricQueryResults queryMetrics(MetricsFilter filter) {
        MetricName name = MetricName.named(BuildRecords.class, BuildRecords.FILES_PARSED);
        return MetricQueryResults.create(List.of(MetricResult.attempted(MetricKey.create("Parse/a", name), 3L),
            MetricResult.attempted(MetricKey.create("Parse/b", name), 4L)), List.of(), List.of(), List.of(), List.of(), List.of());
      }
    };
    PipelineResult result = new PipelineResult() {
      @Override
      public State getState() {
        return states.peek();
      }

      @Override
      public State cancel() {
        return State.CANCELLED;
      }

      @Override
      public State waitUntilFinish(Duration duration) {
        return states.poll();
      }

      @Override
      public State waitUntilFinish() {
        return State.DONE;
      }

      @Override
      public MetricResults metrics() {
        return metrics;
      }
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PipelineResult.State end = new Progress(result, 10, new PrintStream(out, true, StandardCharsets.UTF_8)).await(5);
    assertEquals(PipelineResult.State.DONE, end);
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(2, lines.size(), lines.toString());
    lines.forEach(line -> assertEquals(true, line.startsWith("foiwatch: 7/10 input files parsed (70%)"), line));
  }
}
