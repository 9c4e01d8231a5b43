package org.foiwatch;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.foiwatch.extract.ExtractMentions;
import org.foiwatch.ingest.ForkedParsers;
import org.foiwatch.ingest.InputFiles;
import org.foiwatch.ingest.MatchInputs;
import org.foiwatch.ingest.OcrSettings;
import org.foiwatch.ingest.ParseDocuments;
import org.foiwatch.ingest.ParsedDocument;
import org.foiwatch.ingest.ParserLimits;
import org.foiwatch.records.BuildRecords;
import org.foiwatch.records.SummarizeAuthorities;
import org.foiwatch.records.SummaryRecord;
import org.foiwatch.sinks.HtmlReport;
import org.foiwatch.sinks.RecordFormat;
import org.foiwatch.sinks.RunSummary;
import org.foiwatch.sinks.WriteOutputs;

/**
 * foiwatch: FOI responses in, documents / mentions / equipment records out.
 * match → parse (Tika) → extract (matchers) → normalise and build records → write.
 */
public final class FoiPipeline {

  /** Exit status for bad command-line input. */
  static final int USAGE_ERROR = 2;
  private static final String LOG_FILE_PROPERTY = "org.slf4j.simpleLogger.logFile";

  private FoiPipeline() {}

  public static void main(String[] args) {
    // Log lines go to a file, not the terminal. Set here rather than in simplelogger.properties:
    // the forked Tika JVMs share the class path and would truncate the same file.
    if (System.getProperty(LOG_FILE_PROPERTY) == null) {
      System.setProperty(LOG_FILE_PROPERTY, "foiwatch.log");
    }
    PipelineOptionsFactory.register(FoiOptions.class);
    if (List.of(args).contains("--help")) {
      PipelineOptionsFactory.printHelp(System.out, FoiOptions.class);
      System.out.println("Runner options: --runner=DirectRunner|FlinkRunner (default DirectRunner); "
          + "for FlinkRunner also --flinkMaster=host:port, --parallelism=N (see README).");
      return;
    }
    FoiOptions options;
    try {
      options = PipelineOptionsFactory.fromArgs(args).withValidation().as(FoiOptions.class);
    } catch (IllegalArgumentException e) {
      System.err.println("foiwatch: " + firstLine(e.getMessage()) + " (see --help)");
      System.exit(USAGE_ERROR);
      return;
    }
    skipDirectRunnerChecks(options, args);
    int status;
    try {
      status = run(options, System.out);
    } catch (InputException e) {
      System.err.println("foiwatch: " + e.getMessage());
      status = USAGE_ERROR;
    }
    System.out.flush();
    System.err.flush();
    if (options.getRunner().getSimpleName().startsWith("Flink")) {
      // Embedded Flink's Pekko shutdown hook runs after its class loader is closed and prints a
      // ClassNotFoundException trace on every exit; the run is over and flushed, so skip hooks
      // (stopping the parser JVMs, which a hook would have done, first).
      ForkedParsers.stopAll();
      Runtime.getRuntime().halt(status);
    }
    System.exit(status);
  }

  private static boolean isDirectRunner(FoiOptions options) {
    return options.getRunner().getSimpleName().equals("DirectRunner");
  }

  /**
   * The DirectRunner encodes, decodes and compares every element to catch DoFns that mutate
   * their input and coders that lose data: development checks that cost CPU on every element.
   * Tests keep them (they call {@link #run}); a command-line run skips them unless
   * --enforceImmutability or --enforceEncodability is given.
   */
  private static void skipDirectRunnerChecks(FoiOptions options, String[] args) {
    if (!isDirectRunner(options)) {
      return;
    }
    DirectOptions direct = options.as(DirectOptions.class);
    if (Arrays.stream(args).noneMatch(a -> a.startsWith("--enforceImmutability"))) {
      direct.setEnforceImmutability(false);
    }
    if (Arrays.stream(args).noneMatch(a -> a.startsWith("--enforceEncodability"))) {
      direct.setEnforceEncodability(false);
    }
  }

  /** Runs the pipeline, prints the summary, and returns the process exit status. */
  public static int run(FoiOptions options, PrintStream out) {
    org.apache.beam.sdk.io.FileSystems.setDefaultPipelineOptions(options);
    List<MatchResult.Metadata> files;
    try {
      files = InputFiles.list(options.getInput());
    } catch (java.io.UncheckedIOException | IllegalArgumentException e) {
      throw new InputException("cannot read --input=" + options.getInput() + ": " + e.getMessage());
    }
    List<String> inputs = files.stream().map(file -> file.resourceId().toString()).toList();
    if (inputs.isEmpty()) {
      throw new InputException("no input files match --input=" + options.getInput());
    }
    try {
      RecordFormat.parse(options.getFormats());
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage());
    }
    if (options.getRecordsPerShard() < 1) {
      throw new InputException("--recordsPerShard must be at least 1");
    }
    try {
      WriteOutputs.deletePrevious(options.getOutput());
    } catch (IOException e) {
      throw new InputException("cannot clear earlier record files in --output=" + options.getOutput() + ": " + e.getMessage());
    }
    if (options.getRunner().getSimpleName().equals("DirectRunner")) {
      // run() returns at once, so the progress can be polled while the pipeline runs.
      options.as(DirectOptions.class).setBlockOnRun(false);
    }
    long started = System.nanoTime();
    Pipeline pipeline = build(options, files);
    if (ocrSettings(options).mode() != OcrSettings.Mode.NEVER && !OcrSettings.tesseractAvailable()) {
      out.println("foiwatch: WARNING: tesseract is not installed; scanned pages and images are not read"
          + " (their documents say ocr: unavailable). scripts/run.sh installs it where it can.");
    }
    PipelineResult result = pipeline.run();
    new Progress(result, inputs.size(), out).await(options.getProgressSeconds());
    double seconds = (System.nanoTime() - started) / 1e9;
    try {
      RunSummary summary = RunSummary.read(options.getOutput(), inputs);
      summary.print(out, seconds);
      HtmlReport.write(options.getOutput(), options.getReportScreenshot(), out);
      return summary.missing().isEmpty() ? 0 : 1;
    } catch (IOException e) {
      out.println("foiwatch: could not read back the records to check them: " + e.getMessage());
      return 1;
    }
  }

  public static Pipeline build(FoiOptions options, List<MatchResult.Metadata> files) {
    ParserLimits limits = new ParserLimits(options.getMaxFileBytes(), options.getMaxCharsPerDocument(),
        options.getMaxAttachments(), options.getMaxAttachmentDepth(), options.getMaxRowsPerSheet(),
        options.getMaxCompressionRatio(), options.getParseTimeoutSeconds(), options.getParseMemoryMb(),
        options.getPdfMaxMainMemoryBytes(), options.getIsolateParsing());
    Pipeline pipeline = Pipeline.create(options);
    PCollection<KV<String, List<ParsedDocument>>> parsed = pipeline
        .apply("MatchInputs", new MatchInputs(files, isDirectRunner(options)))
        .apply("ParseDocuments", new ParseDocuments(limits, ocrSettings(options)));
    PCollectionTuple records = parsed
        .apply("CountParsedFiles", ParDo.of(new Progress.CountParsedFiles()))
        .setCoder(parsed.getCoder())
        .apply("ExtractMentions", new ExtractMentions())
        .apply("BuildRecords", new BuildRecords());
    PCollection<SummaryRecord> summary = records.get(BuildRecords.FILE_SUMMARIES)
        .apply("SummarizeAuthorities", new SummarizeAuthorities(options.getOutput()));
    records.and(SummarizeAuthorities.SUMMARY, summary)
        .apply("WriteOutputs", new WriteOutputs(options.getOutput(), RecordFormat.parse(options.getFormats()),
            options.getRecordsPerShard()));
    return pipeline;
  }

  private static OcrSettings ocrSettings(FoiOptions options) {
    try {
      return new OcrSettings(OcrSettings.Mode.parse(options.getOcr()), options.getOcrCacheDir());
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage());
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid arguments";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** Bad input named on the command line: a one-line message and exit status 2. */
  static final class InputException extends RuntimeException {
    InputException(String message) {
      super(message);
    }
  }
}
