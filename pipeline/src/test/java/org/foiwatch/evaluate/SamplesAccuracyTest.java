package org.foiwatch.evaluate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.foiwatch.FoiOptions;
import org.foiwatch.FoiPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the pipeline on samples/docs and fails when accuracy falls below what it reaches today. */
class SamplesAccuracyTest {

  private static final Path SAMPLES = Path.of("..", "samples");

  @Test
  void accuracyOnTheSamplesDoesNotDrop(@TempDir Path output) throws Exception {
    FoiOptions options = PipelineOptionsFactory.fromArgs(
        "--input=" + SAMPLES.resolve("docs"), "--output=" + output).as(FoiOptions.class);
    FoiPipeline.run(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    Evaluator.Scores scores = Evaluator.evaluate(SAMPLES.resolve("truth.jsonl"), output);
    ByteArrayOutputStream report = new ByteArrayOutputStream();
    scores.print(new PrintStream(report, true, StandardCharsets.UTF_8));
    String figures = report.toString(StandardCharsets.UTF_8);
    assertTrue(scores.vendorF1() >= VENDOR_F1, figures);
    assertTrue(scores.modelF1() >= MODEL_F1, figures);
    assertTrue(scores.quantityAccuracy() >= QUANTITY, figures);
    assertTrue(scores.authorityAccuracy() >= FIELDS && scores.referenceAccuracy() >= FIELDS
        && scores.outcomeAccuracy() >= FIELDS && scores.responseDateAccuracy() >= FIELDS, figures);
  }

  // The figures reached on the samples when this test was last tightened.
  private static final double VENDOR_F1 = 0.95;
  private static final double MODEL_F1 = 0.95;
  private static final double QUANTITY = 0.98;
  private static final double FIELDS = 0.88;
}
