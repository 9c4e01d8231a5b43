package org.foiwatch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a run: of a forked parser JVM (the file is parsed again in a fresh one
 * and the run completes), and of the foiwatch process itself (the previous results stay as they
 * were, and the next run completes and tidies up).
 */
class KilledRunTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path input;
  @TempDir Path output;
  @TempDir Path work;

  private String runInProcess() {
    FoiOptions options = PipelineOptionsFactory.fromArgs("--input=" + input, "--output=" + output, "--ocrCacheDir=")
        .as(FoiOptions.class);
    ByteArrayOutputStream summary = new ByteArrayOutputStream();
    int status = FoiPipeline.run(options, new PrintStream(summary, true, StandardCharsets.UTF_8));
    String printed = summary.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, printed);
    return printed;
  }

  /**
   * A forked parser JVM's command-line arguments, read from /proc (ProcessHandle.Info leaves out
   * command lines as long as a JVM's class path); empty once it has ended.
   */
  private static List<String> arguments(ProcessHandle process) {
    try {
      return List.of(Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"), StandardCharsets.UTF_8)
          .split("\u0000"));
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The pool directory of a forked parser JVM: its tika-config's folder. */
  private static Optional<Path> poolDirectory(ProcessHandle process) {
    return arguments(process).stream()
        .filter(arg -> arg.endsWith("tika-config.xml")).findFirst().map(config -> Path.of(config).getParent());
  }

  /** The temporary directory of a forked parser JVM, where Tika and Tesseract put their files. */
  private static Optional<Path> temporaryDirectory(ProcessHandle process) {
    String option = "-Djava.io.tmpdir=";
    return arguments(process).stream()
        .filter(arg -> arg.startsWith(option)).findFirst().map(arg -> Path.of(arg.substring(option.length())));
  }

  private static boolean parsing(Path pool, String extension) {
    try (Stream<Path> files = Files.list(pool)) {
      return files.anyMatch(file -> file.getFileName().toString().startsWith("input") && file.toString().endsWith(extension));
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void parserJvmKilledMidFileIsRetriedInAFreshJvmAndTheRunCompletes() throws Exception {
    Files.write(input.resolve("slow.xml"), RunFailureTest.SLOW_FILE);
    Files.writeString(input.resolve("reply.txt"), "We operate 3 Axis M7104 encoders.\n");

    CompletableFuture<String> run = CompletableFuture.supplyAsync(this::runInProcess);
    List<ProcessHandle> killed = new ArrayList<>();
    while (killed.isEmpty() && !run.isDone()) {
      // This JVM's parser JVMs working on slow.xml (its copy in their pool directory): killed mid-file.
      ProcessHandle.current().descendants()
          .filter(process -> poolDirectory(process).map(pool -> parsing(pool, ".xml")).orElse(false))
          .forEach(process -> {
            process.destroyForcibly();
            killed.add(process);
          });
      Thread.sleep(50);
    }
    run.get(4, TimeUnit.MINUTES);

    assertFalse(killed.isEmpty(), "no parser JVM was caught parsing slow.xml");
    JsonNode slow = HostileRunTest.recordsByFile(output).get("slow.xml");
    assertEquals("parsed", slow.get("status").asText(), slow.toString());
    assertTrue(Files.readString(output.resolve("equipment.jsonl")).contains("P3245-LVE"), "slow.xml's equipment is lost");
    assertEquals("parsed", HostileRunTest.recordsByFile(output).get("reply.txt").get("status").asText());
  }

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void driverKilledMidRunLeavesThePreviousResultsAndTheNextRunCompletes() throws Exception {
    Files.writeString(input.resolve("reply.txt"), "We operate 3 Axis M7104 encoders.\n");
    Files.writeString(input.resolve("assets.csv"), "Make,Model,Quantity\nDahua,IPC-HFW2431S-S-S2,7\n");
    runInProcess();
    Map<String, byte[]> previous = new TreeMap<>();
    try (Stream<Path> files = Files.list(output)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        previous.put(file.getFileName().toString(), Files.readAllBytes(file));
      }
    }
    Files.write(input.resolve("slow.xml"), RunFailureTest.SLOW_FILE);

    Process driver = RunFailureTest.startCli(work, "--input=" + input, "--output=" + output);
    List<Path> pools = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (pools.isEmpty() && driver.isAlive() && System.nanoTime() < deadline) {
      driver.descendants().map(KilledRunTest::poolDirectory).flatMap(Optional::stream)
          .filter(pool -> parsing(pool, ".xml")).forEach(pools::add);
      Thread.sleep(50);
    }
    assertFalse(pools.isEmpty(), "the run never got to parse slow.xml");
    List<ProcessHandle> parsers = driver.descendants().toList();
    List<Path> parserTemporaryDirectories = parsers.stream().map(KilledRunTest::temporaryDirectory)
        .flatMap(Optional::stream).distinct().toList();
    assertFalse(parserTemporaryDirectories.isEmpty(), "the parser JVMs have no temporary directory of the run's own");
    driver.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
    assertTrue(driver.waitFor(30, TimeUnit.SECONDS));

    for (Map.Entry<String, byte[]> file : previous.entrySet()) {
      assertArrayEquals(file.getValue(), Files.readAllBytes(output.resolve(file.getKey())), file.getKey() + " changed");
    }
    try (Stream<Path> files = Files.list(output)) {
      assertEquals(previous.keySet().size(), files.filter(Files::isRegularFile).count());
    }
    // Orphaned parser JVMs see their input close and exit once their file is done.
    for (ProcessHandle parser : parsers) {
      parser.onExit().get(60, TimeUnit.SECONDS);
    }

    Process next = RunFailureTest.startCli(work, "--input=" + input, "--output=" + output);
    assertTrue(next.waitFor(4, TimeUnit.MINUTES), "the re-run did not end");
    assertEquals(0, next.exitValue(), Files.readString(work.resolve("stdout.txt")));

    assertEquals(List.of("assets.csv", "reply.txt", "slow.xml"), List.copyOf(HostileRunTest.recordsByFile(output).keySet()));
    try (Stream<Path> runs = Files.list(output.resolve(".foiwatch/runs"))) {
      assertEquals(List.of(JSON.readTree(output.resolve("run.json").toFile()).get("run_id").asText()),
          runs.map(run -> run.getFileName().toString()).toList(), "the killed run's staging is left");
    }
    pools.forEach(pool -> assertFalse(Files.exists(pool), pool + ": the killed run's input copies are left"));
    parserTemporaryDirectories.forEach(directory ->
        assertFalse(Files.exists(directory), directory + ": the killed run's parser temporary files are left"));
  }
}
