package org.foiwatch;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.foiwatch.records.BuildRecords;
import org.joda.time.Duration;

/**
 * Waits for a running pipeline and prints a progress line at a steady interval: input files
 * parsed of the total, rate and ETA, from the counter of {@link BuildRecords}.
 * Runners whose {@code run()} returns only at the end (FlinkRunner in batch) have nothing to
 * poll, so they go straight to the final summary.
 */
final class Progress {

  private final PipelineResult result;
  private final int totalFiles;
  private final PrintStream out;
  private final long started = System.nanoTime();

  Progress(PipelineResult result, int totalFiles, PrintStream out) {
    this.result = result;
    this.totalFiles = totalFiles;
    this.out = out;
  }

  /** Blocks until the pipeline ends, reporting every {@code intervalSeconds} (0: silently). */
  PipelineResult.State await(int intervalSeconds) {
    if (intervalSeconds <= 0) {
      return result.waitUntilFinish();
    }
    while (true) {
      PipelineResult.State state = result.waitUntilFinish(Duration.standardSeconds(intervalSeconds));
      if (state != null && state.isTerminal()) {
        return state;
      }
      out.println(line(filesDone(), totalFiles, (System.nanoTime() - started) / 1e9));
    }
  }

  private long filesDone() {
    long done = 0;
    for (MetricResult<Long> counter : result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(BuildRecords.class, BuildRecords.FILES_PARSED)).build()).getCounters()) {
      done += counter.getAttempted();
    }
    return done;
  }

  static String line(long done, int total, double seconds) {
    double rate = done / Math.max(seconds, 1e-3);
    String next = done >= total ? "all parsed, extracting and writing the records"
        : "ETA " + (done == 0 ? "unknown" : duration((total - done) / rate));
    return String.format(Locale.ROOT, "foiwatch: %d/%d input files parsed (%.0f%%), %.1f files/s, elapsed %s, %s",
        done, total, 100.0 * done / Math.max(total, 1), rate, duration(seconds), next);
  }

  private static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60) : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
  }
}
