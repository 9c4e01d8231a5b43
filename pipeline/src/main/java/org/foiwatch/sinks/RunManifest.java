package org.foiwatch.sinks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.foiwatch.digest.Sha256;

/**
 * {@code run.json}, how a set of records was produced: foiwatch's version and commit, every
 * option, when the run started and ended, each input file with its sha256 and status, and the
 * published files. It is written last, so its presence marks a complete run; the next run reads
 * it to reuse the records of unchanged files. Fields are described in docs/runs.md.
 */
public record RunManifest(
    String runId,
    String foiwatchVersion,
    String gitCommit,
    String started,
    String ended,
    Map<String, String> options,
    String extractionFingerprint,
    FileCounts files,
    Map<String, Integer> statusCounts,
    List<InputFile> inputs,
    List<String> outputs) {

  public static final String FILE_NAME = "run.json";

  /** One input file: its source, the sha256 of its bytes (null when it was not read) and its status. */
  public record InputFile(String source, String sha256, String status) {}

  /** How many input files the run parsed, took over from the previous run unparsed, and dropped (gone since). */
  public record FileCounts(int inputs, int parsed, int reused, int dropped) {}

  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Writes {@code <directory>/run.json}. */
  public void write(String directory) throws IOException {
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(file(directory), "application/json"))) {
      out.write(JSON.writeValueAsBytes(this));
      out.write('\n');
    }
  }

  /** The manifest in {@code directory}, or empty when there is none (no complete run there). */
  public static Optional<RunManifest> read(String directory) throws IOException {
    try (InputStream in = Channels.newInputStream(FileSystems.open(file(directory)))) {
      return Optional.of(JSON.readValue(in, RunManifest.class));
    } catch (FileNotFoundException | NoSuchFileException e) {
      return Optional.empty();
    }
  }

  static ResourceId file(String directory) {
    return FileSystems.matchNewResource(directory, true).resolve(FILE_NAME, StandardResolveOptions.RESOLVE_FILE);
  }

  /** foiwatch's version, from the build ("unknown" when run from classes Maven did not build). */
  public static String version() {
    Properties properties = new Properties();
    try (InputStream in = RunManifest.class.getResourceAsStream("/foiwatch-version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // unknown, below
    }
    String version = properties.getProperty("version", "unknown");
    return version.startsWith("${") ? "unknown" : version;
  }

  /**
   * A digest of foiwatch's own classes and reference data (the class directory's files, or the
   * jar it runs from): a rebuilt foiwatch reads files anew even when its version is unchanged,
   * as it is between releases. "unknown" when the classes cannot be read.
   */
  public static synchronized String codeDigest() {
    if (codeDigest == null) {
      codeDigest = readCodeDigest();
    }
    return codeDigest;
  }

  private static String codeDigest;

  private static String readCodeDigest() {
    try {
      Path classes = Path.of(RunManifest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      MessageDigest digest = Sha256.newDigest();
      if (Files.isDirectory(classes)) {
        try (Stream<Path> files = Files.walk(classes)) {
          for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
            digest.update(classes.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(file));
          }
        }
      } else {
        digest.update(Files.readAllBytes(classes));
      }
      return Sha256.hex(digest).substring(0, 16);
    } catch (java.net.URISyntaxException | IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /**
   * The git commit foiwatch's classes were built from, when they sit in a git work tree and git is
   * installed ("-dirty" when tracked files differ from it); null otherwise (a jar elsewhere).
   */
  public static String buildCommit() {
    try {
      Path classes = Path.of(RunManifest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path directory = Files.isDirectory(classes) ? classes : classes.getParent();
      String commit = git(directory, "rev-parse", "HEAD");
      if (commit == null || commit.isEmpty()) {
        return null;
      }
      String changes = git(directory, "status", "--porcelain", "--untracked-files=no");
      return changes == null || changes.isEmpty() ? commit : commit + "-dirty";
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  private static String git(Path directory, String... args) {
    try {
      Process process = new ProcessBuilder(java.util.stream.Stream.concat(java.util.stream.Stream.of("git", "-C",
          directory.toString()), java.util.stream.Stream.of(args)).toList())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        return null;
      }
      return new String(output, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
