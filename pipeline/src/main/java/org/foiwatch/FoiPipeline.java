package org.foiwatch;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.foiwatch.extract.FileExtraction;
import org.foiwatch.ingest.FileParser;
import org.foiwatch.ingest.ForkedParsers;
import org.foiwatch.ingest.InputConfinement;
import org.foiwatch.ingest.InputFiles;
import org.foiwatch.ingest.MatchInputs;
import org.foiwatch.ingest.OcrSettings;
import org.foiwatch.ingest.ParserLimits;
import org.foiwatch.ingest.TikaDocumentParser;
import org.foiwatch.records.BuildRecords;
import org.foiwatch.records.FileRecords;
import org.foiwatch.records.RecordBuilder;
import org.foiwatch.records.SourcePaths;
import org.foiwatch.records.SplitRecords;
import org.foiwatch.records.SummarizeAuthorities;
import org.foiwatch.records.SummaryRecord;
import org.foiwatch.report.HtmlReport;
import org.foiwatch.report.RunSummary;
import org.foiwatch.sinks.RecordFormat;
import org.foiwatch.sinks.RecordStore;
import org.foiwatch.sinks.RunManifest;
import org.foiwatch.sinks.RunOutput;
import org.foiwatch.sinks.WriteOutputs;

/**
 * foiwatch: FOI responses in, documents / mentions / equipment records out.
 * match → parse (Tika) → extract (matchers) → normalise and build records → write.
 */
public final class FoiPipeline {

  /** Exit status for bad command-line input. */
  static final int USAGE_ERROR = 2;
  private static final String LOG_FILE_PROPERTY = "org.slf4j.simpleLogger.logFile";
  private static final String AWS_METADATA_DISABLED = "aws.disableEc2Metadata";
  private static final String LOG_FILE = "foiwatch.log";
  private static final long EXIT_GRACE_MILLIS = 10_000;
  /** The terminal's stderr, for foiwatch's own one-line errors, whatever System.err becomes. */
  private static final PrintStream TERMINAL = System.err;

  private FoiPipeline() {}

  public static void main(String[] args) {
    if (System.getProperty(LOG_FILE_PROPERTY) == null) {
      logToFile(Path.of(LOG_FILE));
    }
    skipAwsInstanceMetadata(args);
    PipelineOptionsFactory.register(FoiOptions.class);
    if (Help.requested(args)) {
      Help.print(args, System.out);
      return;
    }
    if (List.of(args).contains("--version")) {
      String commit = RunManifest.buildCommit();
      System.out.println("foiwatch " + RunManifest.version() + (commit == null ? "" : " (" + commit + ")"));
      return;
    }
    FoiOptions options;
    try {
      options = PipelineOptionsFactory.fromArgs(args).withValidation().as(FoiOptions.class);
    } catch (IllegalArgumentException e) {
      TERMINAL.println("foiwatch: " + firstLine(argumentProblem(e)) + " (see --help)");
      System.exit(USAGE_ERROR);
      return;
    }
    skipDirectRunnerChecks(options, args);
    reuseFlinkObjects(options, args);
    int status;
    try {
      status = run(options, System.out);
    } catch (InputException e) {
      TERMINAL.println("foiwatch: " + e.getMessage());
      status = USAGE_ERROR;
    } catch (RuntimeException | Error e) {
      TERMINAL.println("foiwatch: the run failed: " + reason(e)
          + (System.getProperty(ForkedParsers.STDERR_FILE_PROPERTY) == null ? "" : " (details in " + LOG_FILE + ")"));
      e.printStackTrace(); // into the log file, where there is one
      status = 1;
    }
    System.out.flush();
    System.err.flush();
    TERMINAL.flush();
    // The parser JVMs go first: after a failure, workers may still be parsing with them.
    ForkedParsers.stopAll();
    if (isFlinkRunner(options)) {
      // Embedded Flink's Pekko shutdown hook runs after its class loader is closed and prints a
      // ClassNotFoundException trace on every exit; the run is over and flushed, so skip hooks.
      ForkedParsers.deleteScratchDirectory();
      Runtime.getRuntime().halt(status);
    }
    haltIfExitHangs(status);
    System.exit(status);
  }

  /**
   * System.exit waits for every shutdown hook, and a library's hook can wait for a thread stuck
   * in I/O (a full disk, a dead mount): the process must end all the same, with its status.
   */
  private static void haltIfExitHangs(int status) {
    Thread watchdog = new Thread(() -> {
      try {
        Thread.sleep(EXIT_GRACE_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      Runtime.getRuntime().halt(status);
    }, "foiwatch-exit-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  /**
   * What is wrong with the arguments: an option's own check (a format, an OCR mode) throws under
   * Beam's and Jackson's wrapping, so the innermost IllegalArgumentException says it best.
   */
  static String argumentProblem(IllegalArgumentException failure) {
    Throwable innermost = failure;
    for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause instanceof IllegalArgumentException) {
        innermost = cause;
      }
    }
    return innermost.getMessage();
  }

  /** The innermost cause in plain words, with its kind: what went wrong, not where. */
  static String reason(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : firstLine(root.getMessage());
    return message.isBlank() ? root.getClass().getSimpleName() : message + " (" + root.getClass().getSimpleName() + ")";
  }

  /**
   * Log lines and stack traces go to {@code file}, not the terminal: this JVM's through
   * System.err (slf4j-simple writes there), the forked parser JVMs' through their stderr (see
   * {@link ForkedParsers#STDERR_FILE_PROPERTY}). All of them append, so no writer overwrites
   * another's lines. {@code -Dorg.slf4j.simpleLogger.logFile=System.err} keeps it all on the
   * terminal. Not set in simplelogger.properties: the forked JVMs share the class path.
   */
  private static void logToFile(Path file) {
    try {
      Files.write(file, new byte[0]);
      System.setErr(new PrintStream(new FileOutputStream(file.toFile(), true), true, StandardCharsets.UTF_8));
      System.setProperty(LOG_FILE_PROPERTY, "System.err");
      System.setProperty(ForkedParsers.STDERR_FILE_PROPERTY, file.toAbsolutePath().toString());
    } catch (IOException e) {
      TERMINAL.println("foiwatch: cannot write " + file + " (" + e.getMessage() + "); logging to the terminal");
    }
  }

  /**
   * Beam registers its S3 filesystem at start-up, and the AWS SDK then looks for a region in the
   * EC2 instance metadata service, retrying with sleeps off EC2 (about 1.3 s of every run). A run
   * that names no s3:// path needs no region, so the lookup is turned off unless the user set it.
   */
  private static void skipAwsInstanceMetadata(String[] args) {
    boolean namesS3 = Arrays.stream(args).anyMatch(arg -> arg.contains("s3://"));
    if (!namesS3 && System.getProperty(AWS_METADATA_DISABLED) == null
        && System.getenv("AWS_EC2_METADATA_DISABLED") == null) {
      System.setProperty(AWS_METADATA_DISABLED, "true");
    }
  }

  private static boolean isDirectRunner(FoiOptions options) {
    return options.getRunner().getSimpleName().equals("DirectRunner");
  }

  private static boolean isFlinkRunner(FoiOptions options) {
    return options.getRunner().getSimpleName().startsWith("Flink");
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
    if (!given(args, "enforceImmutability")) {
      direct.setEnforceImmutability(false);
    }
    if (!given(args, "enforceEncodability")) {
      direct.setEnforceEncodability(false);
    }
  }

  /**
   * Flink copies every element between chained operators (encode, decode) unless object reuse is
   * on: each input file's records at each step (18% of a Flink worker's samples in one profile,
   * when parsed files crossed steps too; since {@link BuildRecords} only records do).
   * foiwatch's DoFns never change an element they received or sent (the DirectRunner's
   * immutability check in the tests holds them to it), so a run turns reuse on unless
   * --objectReuse is given. FlinkRunnerIT runs with it.
   */
  static void reuseFlinkObjects(FoiOptions options, String[] args) {
    if (isFlinkRunner(options) && !given(args, "objectReuse")) {
      options.as(FlinkPipelineOptions.class).setObjectReuse(true);
    }
  }

  /** True when the command line sets option {@code name} itself (so a run-time default must not). */
  private static boolean given(String[] args, String name) {
    return Arrays.stream(args).anyMatch(arg -> arg.startsWith("--" + name));
  }

  /** Runs the pipeline, prints the summary, and returns the process exit status. */
  public static int run(FoiOptions options, PrintStream out) {
    org.apache.beam.sdk.io.FileSystems.setDefaultPipelineOptions(options);
    List<KV<String, Long>> files;
    try {
      files = InputFiles.list(options.getInput());
    } catch (java.io.UncheckedIOException | IllegalArgumentException e) {
      throw new InputException("cannot read --input=" + options.getInput() + " (" + InputFiles.absolute(options.getInput())
          + "): " + e.getMessage());
    }
    List<String> inputs = files.stream().map(KV::getKey).toList();
    if (inputs.isEmpty()) {
      throw new InputException("no input files match --input=" + options.getInput() + " (looked for "
          + InputFiles.absolute(options.getInput()) + ")");
    }
    inputConfinement(options); // a wrong --followSymlinks stops here, before --output is touched
    SourcePaths paths = sourcePaths(options);
    if (options.getRecordsPerShard() < 1) {
      throw new InputException("--recordsPerShard must be at least 1");
    }
    RunOutput output;
    try {
      out.println("foiwatch: writing to " + RunOutput.check(options.getOutput()));
      output = RunOutput.prepare(options.getOutput());
    } catch (RunOutput.BadOutputException e) {
      throw new InputException(e.getMessage());
    } catch (IOException e) {
      throw new InputException("cannot tidy what earlier runs left in --output=" + options.getOutput() + " ("
          + InputFiles.absolute(options.getOutput()) + "): " + e.getMessage());
    }
    Instant startedAt = Instant.now();
    if (isDirectRunner(options)) {
      // run() returns at once, so the progress can be polled while the pipeline runs.
      options.as(DirectOptions.class).setBlockOnRun(false);
    }
    long started = System.nanoTime();
    ReusePlan plan;
    try {
      plan = ReusePlan.of(options, files, output, inputConfinement(options), paths);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the previous run's records in --output=" + options.getOutput(), e);
    }
    if (parsesInThisJvm(options) && !plan.toParse().isEmpty()) {
      TikaDocumentParser.startForkedParsers(ParserLimits.from(options), OcrSettings.from(options));
    }
    Pipeline pipeline = build(options, plan, output.staging());
    if (OcrSettings.from(options).mode() != OcrSettings.Mode.NEVER && !OcrSettings.tesseractAvailable()) {
      out.println("foiwatch: WARNING: tesseract is not installed; scanned pages and images are not read"
          + " (their documents say ocr: unavailable). scripts/run.sh installs it where it can.");
    }
    PipelineResult result = pipeline.run();
    try {
      new Progress(result, plan.toParse().size(), out).await(options.getProgressSeconds());
    } catch (RuntimeException e) {
      cancelQuietly(result); // the other workers stop now, not when their files are done
      throw e;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    RunSummary summary;
    try {
      summary = RunSummary.read(output.staging(), inputs.stream().map(paths::written).toList());
    } catch (IOException e) {
      out.println("foiwatch: could not read back the records to check them: " + e.getMessage());
      return 1;
    }
    summary.print(out, seconds, plan.counts());
    if (!summary.missing().isEmpty()) {
      out.println("foiwatch: the records were not published; " + options.getOutput() + " keeps the previous run's");
      return 1;
    }
    try {
      HtmlReport.write(output.staging(), options.getOutput(), paths, options.getReportScreenshot(), out);
      output.publish(manifest(options, output, startedAt, summary, plan.counts()));
    } catch (IOException e) {
      throw new UncheckedIOException("could not publish the run in --output=" + options.getOutput(), e);
    }
    return 0;
  }

  /** run.json for a run whose records are all staged; written into the staging directory, last. */
  private static RunManifest manifest(FoiOptions options, RunOutput output, Instant startedAt, RunSummary summary,
      RunManifest.FileCounts counts) throws IOException {
    List<String> outputs = RunOutput.publishedFiles(output.staging()).stream().map(ResourceId::getFilename).toList();
    RunManifest manifest = new RunManifest(output.runId(), RunManifest.version(), RunManifest.buildCommit(),
        startedAt.toString(), Instant.now().toString(), RunSettings.options(options), RunSettings.extractionFingerprint(options),
        counts, summary.byStatus(), summary.files(),
        outputs);
    manifest.write(output.staging());
    return manifest;
  }

  private static void cancelQuietly(PipelineResult result) {
    try {
      result.cancel();
    } catch (IOException | RuntimeException e) {
      // Already failed or finished: nothing left to stop.
    }
  }

  /**
   * The pipeline over the files {@code plan} parses and the stored records it reuses, writing
   * the records, and the store of them the next run reuses, into {@code runDirectory}.
   */
  static Pipeline build(FoiOptions options, ReusePlan plan, String runDirectory) {
    ParserLimits limits = ParserLimits.from(options);
    Pipeline pipeline = Pipeline.create(options);
    PCollection<KV<String, RecordBuilder.Records>> perInputFile = pipeline
        .apply("MatchInputs", new MatchInputs(plan.toParse(), isDirectRunner(options)))
        .apply("BuildRecords", new BuildRecords(
            new FileParser(limits, OcrSettings.from(options), inputConfinement(options)),
            new FileExtraction(options.getExtractTimeoutSeconds()),
            new FileRecords(sourcePaths(options))));
    if (!plan.reused().isEmpty()) {
      perInputFile = PCollectionList.of(perInputFile)
          .and(pipeline.apply("ReusePreviousRecords", new RecordStore.Read(plan.storeFiles(), plan.reused())))
          .apply("AllInputFiles", Flatten.pCollections());
    }
    perInputFile.apply("StoreRecordsForNextRun", new RecordStore.Write(runDirectory));
    PCollectionTuple records = perInputFile.apply("SplitRecords", new SplitRecords());
    PCollection<SummaryRecord> summary = records.get(SplitRecords.FILE_SUMMARIES)
        .apply("SummarizeAuthorities", new SummarizeAuthorities(runDirectory));
    records.and(SummarizeAuthorities.SUMMARY, summary)
        .apply("WriteOutputs", new WriteOutputs(runDirectory, RecordFormat.written(options.getFormats()),
            options.getRecordsPerShard()));
    return pipeline;
  }

  /** The DirectRunner and embedded Flink parse in this JVM's workers; a Flink cluster does not. */
  private static boolean parsesInThisJvm(FoiOptions options) {
    return isDirectRunner(options) || (isFlinkRunner(options)
        && List.of("[auto]", "[local]", "[collection]").contains(options.as(FlinkPipelineOptions.class).getFlinkMaster()));
  }

  private static InputConfinement inputConfinement(FoiOptions options) {
    return switch (options.getFollowSymlinks()) {
      case "inside" -> InputConfinement.forInput(options.getInput(), false);
      case "outside" -> InputConfinement.forInput(options.getInput(), true);
      default -> throw new InputException("--followSymlinks must be inside or outside, not " + options.getFollowSymlinks());
    };
  }

  private static SourcePaths sourcePaths(FoiOptions options) {
    try {
      return SourcePaths.of(options.getSourcePaths(), InputFiles.sourceRoot(options.getInput()));
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
