package org.foiwatch;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.foiwatch.extract.ExtractMentions;
import org.foiwatch.ingest.ForkedParsers;
import org.foiwatch.ingest.InputConfinement;
import org.foiwatch.ingest.InputFiles;
import org.foiwatch.ingest.MatchInputs;
import org.foiwatch.ingest.OcrSettings;
import org.foiwatch.ingest.ParseDocuments;
import org.foiwatch.ingest.ParsedDocument;
import org.foiwatch.ingest.ParserLimits;
import org.foiwatch.ingest.TikaDocumentParser;
import org.foiwatch.records.BuildRecords;
import org.foiwatch.records.SourcePaths;
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
  private static final String AWS_METADATA_DISABLED = "aws.disableEc2Metadata";
  private static final String LOG_FILE = "foiwatch.log";
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
    FoiOptions options;
    try {
      options = PipelineOptionsFactory.fromArgs(args).withValidation().as(FoiOptions.class);
    } catch (IllegalArgumentException e) {
      TERMINAL.println("foiwatch: " + firstLine(e.getMessage()) + " (see --help)");
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
    } catch (RuntimeException e) {
      TERMINAL.println("foiwatch: the run failed: " + firstLine(e.toString()));
      e.printStackTrace(); // into the log file, where there is one
      status = 1;
    }
    System.out.flush();
    System.err.flush();
    TERMINAL.flush();
    if (isFlinkRunner(options)) {
      // Embedded Flink's Pekko shutdown hook runs after its class loader is closed and prints a
      // ClassNotFoundException trace on every exit; the run is over and flushed, so skip hooks
      // (stopping the parser JVMs, which a hook would have done, first).
      ForkedParsers.stopAll();
      Runtime.getRuntime().halt(status);
    }
    System.exit(status);
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
   * on: a whole parsed file at each step (18% of a Flink worker's samples in one profile).
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
    try {
      RecordFormat.parse(options.getFormats());
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage());
    }
    inputConfinement(options); // a wrong --followSymlinks stops here, before --output is cleared
    SourcePaths paths = sourcePaths(options);
    if (options.getRecordsPerShard() < 1) {
      throw new InputException("--recordsPerShard must be at least 1");
    }
    try {
      WriteOutputs.deletePrevious(options.getOutput());
    } catch (IOException e) {
      throw new InputException("cannot clear earlier record files in --output=" + options.getOutput() + " ("
          + InputFiles.absolute(options.getOutput()) + "): " + e.getMessage());
    }
    if (isDirectRunner(options)) {
      // run() returns at once, so the progress can be polled while the pipeline runs.
      options.as(DirectOptions.class).setBlockOnRun(false);
    }
    long started = System.nanoTime();
    if (parsesInThisJvm(options)) {
      TikaDocumentParser.startForkedParsers(parserLimits(options), ocrSettings(options));
    }
    Pipeline pipeline = build(options, files);
    if (ocrSettings(options).mode() != OcrSettings.Mode.NEVER && !OcrSettings.tesseractAvailable()) {
      out.println("foiwatch: WARNING: tesseract is not installed; scanned pages and images are not read"
          + " (their documents say ocr: unavailable). scripts/run.sh installs it where it can.");
    }
    PipelineResult result = pipeline.run();
    new Progress(result, inputs.size(), out).await(options.getProgressSeconds());
    double seconds = (System.nanoTime() - started) / 1e9;
    try {
      RunSummary summary = RunSummary.read(options.getOutput(), inputs.stream().map(paths::written).toList());
      summary.print(out, seconds);
      HtmlReport.write(options.getOutput(), paths, options.getReportScreenshot(), out);
      return summary.missing().isEmpty() ? 0 : 1;
    } catch (IOException e) {
      out.println("foiwatch: could not read back the records to check them: " + e.getMessage());
      return 1;
    }
  }

  public static Pipeline build(FoiOptions options, List<KV<String, Long>> files) {
    ParserLimits limits = parserLimits(options);
    Pipeline pipeline = Pipeline.create(options);
    PCollection<KV<String, List<ParsedDocument>>> parsed = pipeline
        .apply("MatchInputs", new MatchInputs(files, isDirectRunner(options)))
        .apply("ParseDocuments", new ParseDocuments(limits, ocrSettings(options), inputConfinement(options)));
    PCollectionTuple records = parsed
        .apply("CountParsedFiles", ParDo.of(new Progress.CountParsedFiles()))
        .setCoder(parsed.getCoder())
        .apply("ExtractMentions", new ExtractMentions(options.getExtractTimeoutSeconds()))
        .apply("BuildRecords", new BuildRecords(sourcePaths(options)));
    PCollection<SummaryRecord> summary = records.get(BuildRecords.FILE_SUMMARIES)
        .apply("SummarizeAuthorities", new SummarizeAuthorities(options.getOutput()));
    records.and(SummarizeAuthorities.SUMMARY, summary)
        .apply("WriteOutputs", new WriteOutputs(options.getOutput(), RecordFormat.parse(options.getFormats()),
            options.getRecordsPerShard()));
    return pipeline;
  }

  private static ParserLimits parserLimits(FoiOptions options) {
    return new ParserLimits(options.getMaxFileBytes(), options.getMaxCharsPerDocument(),
        options.getMaxAttachments(), options.getMaxAttachmentDepth(), options.getMaxRowsPerSheet(),
        options.getMaxCompressionRatio(), options.getParseTimeoutSeconds(), options.getParseMemoryMb(),
        options.getPdfMaxMainMemoryBytes(), options.getIsolateParsing());
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
