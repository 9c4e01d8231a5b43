package org.foiwatch.sinks;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * The --output directory of a run: checked before anything is parsed, so a bad one costs a
 * one-line message and no work; and published atomically. A run writes everything (records,
 * report, {@code run.json} last) into its own staging directory {@code .foiwatch/runs/<run id>/}
 * inside the output, and only once {@code run.json} is there are the files moved up, in place of
 * the previous run's, {@code run.json} last. So a failed or killed run leaves the previous results
 * as they were, and the next run deletes what it left: a staging directory without {@code
 * run.json} is deleted, one with it (a run killed while publishing) is published first. The run
 * directory of the published run stays: it holds what the next run reuses ({@link RecordStore}).
 */
public final class RunOutput {

  private static final String RUNS = ".foiwatch/runs";
  /** The report's page and its screenshot, published with the records. */
  public static final String REPORT_PAGE = "report.html";
  public static final String REPORT_SCREENSHOT = "report.png";
  private static final List<String> REPORT_FILES = List.of(REPORT_PAGE, REPORT_SCREENSHOT);

  private final String directory;
  private final String runId;
  private final RunManifest previous;

  private RunOutput(String directory, String runId, RunManifest previous) {
    this.directory = directory;
    this.runId = runId;
    this.previous = previous;
  }

  /**
   * The output of a new run in {@code output} (a checked directory, see {@link #check}), after
   * finishing or deleting what earlier runs left there.
   */
  public static RunOutput prepare(String output) throws IOException {
    RunManifest published = RunManifest.read(output).orElse(null);
    Set<String> runs = runIds(output);
    for (String run : runs) {
      Optional<RunManifest> complete = RunManifest.read(runDirectory(output, run));
      if (complete.isPresent()) {
        publish(output, complete.get());
        published = complete.get();
      }
    }
    for (String run : runs) {
      if (published == null || !run.equals(published.runId())) {
        deleteTree(runDirectory(output, run));
      }
    }
    String runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC)
        .format(Instant.now()) + "-" + UUID.randomUUID().toString().substring(0, 8);
    return new RunOutput(output, runId, published);
  }

  /** The complete run the output holds (before this one is published), if any. */
  public Optional<RunManifest> previous() {
    return Optional.ofNullable(previous);
  }

  /** The directory of the previous run, which keeps its {@link RecordStore}. */
  public Optional<String> previousRunDirectory() {
    return previous().map(run -> runDirectory(directory, run.runId()));
  }

  public String runId() {
    return runId;
  }

  /** Where this run writes everything before it is published. */
  public String staging() {
    return runDirectory(directory, runId);
  }

  /**
   * Publishes the staged files {@code manifest} lists (its {@code run.json} must be in the staging
   * directory), then deletes the run directories of earlier runs.
   */
  public void publish(RunManifest manifest) throws IOException {
    publish(directory, manifest);
    for (String run : runIds(directory)) {
      if (!run.equals(runId)) {
        deleteTree(runDirectory(directory, run));
      }
    }
  }

  /**
   * Moves a complete run's files up into the output. Each step can be repeated after a kill: the
   * old run.json goes first (the output no longer claims a complete run), then the old record
   * files the new run does not replace, then the staged files move in, run.json last.
   */
  private static void publish(String output, RunManifest manifest) throws IOException {
    String staging = runDirectory(output, manifest.runId());
    FileSystems.delete(List.of(RunManifest.file(output)), StandardMoveOptions.IGNORE_MISSING_FILES);
    List<ResourceId> stale = new ArrayList<>();
    for (ResourceId file : publishedFiles(output)) {
      if (!manifest.outputs().contains(file.getFilename())) {
        stale.add(file);
      }
    }
    FileSystems.delete(stale, StandardMoveOptions.IGNORE_MISSING_FILES);
    List<ResourceId> from = new ArrayList<>();
    List<ResourceId> to = new ArrayList<>();
    for (String name : manifest.outputs()) {
      from.add(file(staging, name));
      to.add(file(output, name));
    }
    from.add(RunManifest.file(staging));
    to.add(RunManifest.file(output));
    FileSystems.rename(from, to, StandardMoveOptions.IGNORE_MISSING_FILES, StandardMoveOptions.SKIP_IF_DESTINATION_EXISTS);
  }

  /** The files of {@code directory} a run publishes: record files (any kind, format, shard) and the report. */
  public static List<ResourceId> publishedFiles(String directory) throws IOException {
    List<ResourceId> files = new ArrayList<>();
    for (String name : WriteOutputs.NAMES) {
      for (RecordFormat format : RecordFormat.values()) {
        files.addAll(WriteRecords.existingFiles(directory, name, format));
      }
    }
    for (String name : REPORT_FILES) {
      files.addAll(match(file(directory, name).toString()));
    }
    return files;
  }

  private static String runDirectory(String output, String runId) {
    return FileSystems.matchNewResource(output, true).resolve(RUNS, StandardResolveOptions.RESOLVE_DIRECTORY)
        .resolve(runId, StandardResolveOptions.RESOLVE_DIRECTORY).toString();
  }

  private static ResourceId file(String directory, String name) {
    return FileSystems.matchNewResource(directory, true).resolve(name, StandardResolveOptions.RESOLVE_FILE);
  }

  /** The ids of the run directories under {@code output}, from the files in them. */
  private static Set<String> runIds(String output) throws IOException {
    String runs = FileSystems.matchNewResource(output, true).resolve(RUNS, StandardResolveOptions.RESOLVE_DIRECTORY).toString();
    Set<String> ids = new LinkedHashSet<>();
    if (isLocal(runs)) {
      // Local directories can be empty (a run killed before it wrote a file).
      Path local = Path.of(runs);
      if (Files.isDirectory(local)) {
        try (var entries = Files.list(local)) {
          entries.map(entry -> entry.getFileName().toString()).sorted().forEach(ids::add);
        }
      }
      return ids;
    }
    for (ResourceId file : match(runs + "**")) {
      String relative = file.toString().substring(runs.length());
      ids.add(relative.substring(0, relative.indexOf('/')));
    }
    return ids;
  }

  private static void deleteTree(String directory) throws IOException {
    if (isLocal(directory)) {
      try (var tree = Files.walk(Path.of(directory))) {
        for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    } else {
      FileSystems.delete(match(directory + "**"), StandardMoveOptions.IGNORE_MISSING_FILES);
    }
  }

  private static boolean isLocal(String path) {
    return FileSystems.matchNewResource(path, true).getScheme().equals("file");
  }

  private static List<ResourceId> match(String pattern) throws IOException {
    List<ResourceId> files = new ArrayList<>();
    MatchResult result = FileSystems.match(pattern, EmptyMatchTreatment.ALLOW);
    if (result.status() == MatchResult.Status.OK) {
      result.metadata().forEach(m -> files.add(m.resourceId()));
    }
    return files;
  }

  /** An --output that cannot take a run's files; the message names its absolute path. */
  public static final class BadOutputException extends Exception {
    BadOutputException(String message) {
      super(message);
    }
  }

  /**
   * Checks that {@code output} is a directory this process can write, creating it when missing,
   * and describes it with its free space ("/abs/out, 12.3 GB free"). A remote output (s3://...)
   * has no directory to check and is described as given.
   */
  public static String check(String output) throws BadOutputException {
    if (output.contains("://") && !output.startsWith("file://")) {
      return output;
    }
    Path directory = Path.of(output.startsWith("file://") ? output.substring("file://".length()) : output)
        .toAbsolutePath().normalize();
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw new BadOutputException("--output=" + directory + " is a file, not a directory");
    }
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new BadOutputException("--output=" + directory + " cannot be created: " + reason(e));
    }
    try {
      Files.delete(Files.createTempFile(directory, ".foiwatch-probe", ""));
    } catch (IOException e) {
      throw new BadOutputException("--output=" + directory + " is not writable: " + reason(e));
    }
    try {
      return directory + ", " + gigabytes(Files.getFileStore(directory).getUsableSpace()) + " free";
    } catch (IOException e) {
      return directory.toString();
    }
  }

  private static String gigabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
  }

  /** The operating system's words ("Read-only file system", "Not a directory") where it gave some. */
  private static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such directory";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
