package org.foiwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad --output stops a run before anything is parsed, and a failure once the pipeline runs
 * ends the process (the real command line, in a JVM of its own) with a status and one line.
 */
class RunFailureTest {

  /** A MockParser input (tika-core test jar) that keeps its parser busy for a few seconds, then parses. */
  static final byte[] SLOW_FILE = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mock>\n"
      + "<hang millis=\"5000\" heavy=\"false\" interruptible=\"true\"/>\n"
      + "<write element=\"p\">The Council operates 4 Axis P3245-LVE cameras.</write>\n</mock>\n")
      .getBytes(StandardCharsets.UTF_8);

  @TempDir Path input;
  @TempDir Path work;

  /** Starts foiwatch's main as a user does, in {@code work}, with its terminal in files there. */
  static Process startCli(Path work, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), FoiPipeline.class.getName(), "--progressSeconds=0", "--ocrCacheDir="));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).directory(work.toFile())
        .redirectOutput(work.resolve("stdout.txt").toFile())
        .redirectError(work.resolve("stderr.txt").toFile())
        .start();
  }

  private static int runInProcess(Path input, Path output) {
    FoiOptions options = PipelineOptionsFactory.fromArgs("--input=" + input, "--output=" + output).as(FoiOptions.class);
    return FoiPipeline.run(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  @Test
  void outputThatIsAFileExitsWithStatusTwoAndOneLineNamingIt() throws Exception {
    Files.writeString(input.resolve("reply.txt"), "We operate 3 Axis P3245-LVE cameras.\n");
    Path file = Files.writeString(work.resolve("results"), "not a folder");
    long started = System.nanoTime();

    Process process = startCli(work, "--input=" + input, "--output=results");

    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the run did not end");
    double seconds = (System.nanoTime() - started) / 1e9;
    assertEquals(2, process.exitValue());
    List<String> terminal = Files.readAllLines(work.resolve("stderr.txt"));
    assertEquals(List.of("foiwatch: --output=" + file + " is a file, not a directory"), terminal);
    assertEquals("", Files.readString(work.resolve("stdout.txt")));
    assertEquals("not a folder", Files.readString(file));
    // No parser JVM was started, no pipeline built: the JVM's own start-up is all it costs.
    assertTrue(seconds < 60, seconds + " s");
  }

  @Test
  void outputBelowAFileOrWhereNothingCanBeCreatedIsRefusedBeforeParsing() throws Exception {
    Files.writeString(input.resolve("reply.txt"), "We operate 3 Axis P3245-LVE cameras.\n");
    Path file = Files.writeString(work.resolve("results"), "not a folder");

    FoiPipeline.InputException belowFile = assertThrows(FoiPipeline.InputException.class,
        () -> runInProcess(input, file.resolve("out")));
    assertEquals("--output=" + file.resolve("out") + " cannot be created: Not a directory", belowFile.getMessage());
    FoiPipeline.InputException inProc = assertThrows(FoiPipeline.InputException.class,
        () -> runInProcess(input, Path.of("/proc/foiwatch-out")));
    assertTrue(inProc.getMessage().startsWith("--output=/proc/foiwatch-out cannot be created: "), inProc.getMessage());
  }

  @Test
  void readOnlyOutputIsRefused() throws Exception {
    Path output = Files.createDirectory(work.resolve("read-only"));
    output.toFile().setWritable(false, false);
    org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(output), "root writes to any folder");
    Files.writeString(input.resolve("reply.txt"), "We operate 3 Axis P3245-LVE cameras.\n");

    FoiPipeline.InputException refused = assertThrows(FoiPipeline.InputException.class, () -> runInProcess(input, output));
    assertEquals("--output=" + output + " is not writable: permission denied", refused.getMessage());
  }

  /**
   * The output folder becomes a file while a slow file is being parsed: every write after that
   * fails, and the process must end with status 1, one line on the terminal, the stack trace in
   * foiwatch.log, and its parser JVMs gone.
   */
  @Test
  void writeFailureMidRunEndsTheProcessWithinSeconds() throws Exception {
    Files.write(input.resolve("slow.xml"), SLOW_FILE);
    Files.writeString(input.resolve("reply.txt"), "We operate 3 Axis P3245-LVE cameras.\n");
    Path output = work.resolve("out");

    Process process = startCli(work, "--input=" + input, "--output=" + output);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!Files.readString(work.resolve("stdout.txt")).contains("writing to") && process.isAlive()
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertTrue(process.isAlive(), "the run ended before it started parsing");
    try (var tree = Files.walk(output)) {
      tree.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
    Files.writeString(output, "the disk is gone");
    long broken = System.nanoTime();

    Set<ProcessHandle> parsers = new HashSet<>();
    while (process.isAlive() && System.nanoTime() - broken < TimeUnit.SECONDS.toNanos(90)) {
      process.descendants().forEach(parsers::add);
      Thread.sleep(100);
    }
    double seconds = (System.nanoTime() - broken) / 1e9;
    boolean ended = process.waitFor(1, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly();
    }
    assertTrue(ended, "the run did not end 90 s after its output broke");
    assertFalse(parsers.isEmpty(), "no parser JVM was seen");
    assertEquals(1, process.exitValue());
    List<String> terminal = Files.readAllLines(work.resolve("stderr.txt"));
    assertEquals(1, terminal.size(), String.join("\n", terminal));
    assertTrue(terminal.get(0).startsWith("foiwatch: the run failed: ") && terminal.get(0).endsWith("(details in foiwatch.log)"),
        terminal.get(0));
    assertTrue(Files.readString(work.resolve("foiwatch.log")).contains("\tat org.foiwatch."), "no stack trace in the log");
    Thread.sleep(2000); // a SIGKILLed process may take a moment to be reaped
    assertFalse(parsers.stream().anyMatch(ProcessHandle::isAlive), "parser JVMs outlived the run");
    // The slow file alone takes 5 s to parse; the rest is the pipeline noticing and the JVM ending.
    assertTrue(seconds < 60, seconds + " s");
  }
}
