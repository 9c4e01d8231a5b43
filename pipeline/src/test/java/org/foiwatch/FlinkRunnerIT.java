package org.foiwatch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The FlinkRunner gives byte-identical records to the DirectRunner: embedded (in this JVM) and
 * submitted to the local multi-process cluster of scripts/flink-cluster.sh (a JobManager and two
 * TaskManagers) with the shaded jar as the only staged file, both at parallelism 2.
 *
 * <p>Run by maven-failsafe-plugin after package (so the shaded jar exists); the pom passes
 * {@code foiwatch.shadedJar}, {@code foiwatch.clusterScript} and {@code foiwatch.itWorkDir}.
 */
class FlinkRunnerIT {

  private static final List<String> RECORD_FILES = List.of("documents.jsonl", "mentions.jsonl", "equipment.jsonl");

  private static Path work;
  private static Path input;
  private static Path directOutput;
  private static Path clusterDir;
  private static Process clusterStart;
  private static Path clusterStartLog;
  private static int restPort;
  private static final List<String> timings = new ArrayList<>();

  @BeforeAll
  static void setUp() throws Exception {
    work = Path.of(System.getProperty("foiwatch.itWorkDir", "target/it")).toAbsolutePath();
    deleteRecursively(work);
    input = Files.createDirectories(work.resolve("input"));
    writeInputs(input);

    // Start the cluster in the background while the DirectRunner makes the reference output.
    clusterDir = work.resolve("flink-cluster");
    restPort = freePort();
    int rpcPort = freePort();
    clusterStartLog = work.resolve("cluster-start.log");
    clusterStart = new ProcessBuilder("bash", clusterScript().toString(), "start", "--workdir", clusterDir.toString(),
        "--rest-port", String.valueOf(restPort), "--rpc-port", String.valueOf(rpcPort))
        .redirectErrorStream(true).redirectOutput(clusterStartLog.toFile()).start();

    directOutput = work.resolve("out-direct");
    run("DirectRunner", directOutput, "--runner=DirectRunner");
    for (String name : RECORD_FILES) {
      assertTrue(Files.exists(directOutput.resolve(name)), name + " written by the DirectRunner");
    }
    String equipment = Files.readString(directOutput.resolve("equipment.jsonl"));
    assertTrue(equipment.contains("Hikvision") && equipment.contains("Axis"),
        "the fixtures' equipment is found (equipment.jsonl: " + equipment + ")");
    assertEquals(inputFileCount(), Files.readString(directOutput.resolve("documents.jsonl")).lines()
        .filter(l -> l.contains("\"depth\":0")).count(), "one container document per input file");
  }

  @AfterAll
  static void tearDown() throws Exception {
    try {
      if (clusterStart != null && !clusterStart.waitFor(120, TimeUnit.SECONDS)) {
        clusterStart.destroy(); // the script's trap stops what it started
        clusterStart.waitFor(30, TimeUnit.SECONDS);
      }
    } finally {
      if (clusterDir != null) {
        Process stop = new ProcessBuilder("bash", clusterScript().toString(), "stop", "--workdir", clusterDir.toString())
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(clusterStartLog.toFile())).start();
        stop.waitFor(60, TimeUnit.SECONDS);
      }
      if (work != null) {
        Files.write(work.resolve("timings.txt"), timings, StandardCharsets.UTF_8);
      }
      timings.forEach(System.out::println);
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void embeddedFlinkRunnerMatchesDirectRunner() throws Exception {
    Path output = work.resolve("out-flink-embedded");
    run("FlinkRunner embedded", output, "--runner=FlinkRunner", "--parallelism=2");
    assertSameRecords(directOutput, output);
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void flinkClusterMatchesDirectRunner() throws Exception {
    assertTrue(clusterStart.waitFor(120, TimeUnit.SECONDS), "flink-cluster.sh start finished");
    String startLog = Files.readString(clusterStartLog);
    assertEquals(0, clusterStart.exitValue(), "flink-cluster.sh start failed:\n" + startLog);
    startLog.lines().filter(l -> l.contains(" up in ")).forEach(l -> timings.add("cluster start: " + l
        + " (concurrent with the DirectRunner run)"));
    Path jar = Path.of(System.getProperty("foiwatch.shadedJar", "target/foiwatch-0.1.0-all.jar")).toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), "the shaded jar exists: " + jar);

    Path output = work.resolve("out-flink-cluster");
    run("FlinkRunner on the local cluster", output, "--runner=FlinkRunner", "--flinkMaster=127.0.0.1:" + restPort,
        "--parallelism=2", "--filesToStage=" + jar);
    assertSameRecords(directOutput, output);
  }

  private static void run(String label, Path output, String... runnerArgs) {
    List<String> args = new ArrayList<>(List.of(runnerArgs));
    args.add("--input=" + input);
    args.add("--output=" + output);
    PipelineOptionsFactory.register(FoiOptions.class);
    FoiOptions options = PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).withValidation().as(FoiOptions.class);
    FoiPipeline.reuseFlinkObjects(options, args.toArray(String[]::new));
    long started = System.nanoTime();
    int status = FoiPipeline.run(options, new PrintStream(System.out, true, StandardCharsets.UTF_8));
    timings.add(String.format("%s: %.1f s", label, (System.nanoTime() - started) / 1e9));
    assertEquals(0, status, label + " exit status");
  }

  private static void assertSameRecords(Path expected, Path actual) throws IOException {
    for (String name : RECORD_FILES) {
      byte[] want = Files.readAllBytes(expected.resolve(name));
      byte[] got = Files.readAllBytes(actual.resolve(name));
      if (!java.util.Arrays.equals(want, got)) {
        // Show the first differing line, then fail on the bytes.
        List<String> a = Files.readAllLines(expected.resolve(name));
        List<String> b = Files.readAllLines(actual.resolve(name));
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
          String x = i < a.size() ? a.get(i) : "<none>";
          String y = i < b.size() ? b.get(i) : "<none>";
          assertEquals(x, y, name + " line " + (i + 1) + " differs from the DirectRunner's");
        }
      }
      assertArrayEquals(want, got, name + " is byte-identical to the DirectRunner's");
    }
  }

  private static Path clusterScript() {
    return Path.of(System.getProperty("foiwatch.clusterScript", "../scripts/flink-cluster.sh")).toAbsolutePath();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static long inputFileCount() throws IOException {
    try (Stream<Path> files = Files.list(input)) {
      return files.count();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  /**
   * A few small FOI-like responses: prose, an HTML table, a CSV register, a refusal, and two
   * containers (a zip of two letters, an e-mail with an HTML attachment) so attachments' ids and
   * order are compared across runners too.
   */
  private static void writeInputs(Path dir) throws IOException {
    Files.writeString(dir.resolve("response-0142.txt"), """
        Northfield Metropolitan Borough Council
        Information Governance Team

        Freedom of Information Request Reference: FOI-2026-0142
        Date: 14 March 2026

        Dear Requester,

        Thank you for your request for information about the CCTV cameras operated by the Council.
        I can confirm that the Council holds this information.

        The town centre system comprises 12 x Hikvision DS-2CD2143G0-I dome cameras, installed in
        2021, and 3 x Axis P3245-LVE cameras covering the bus station.

        Yours sincerely,
        Information Governance Team
        Northfield Metropolitan Borough Council
        """, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("response-0157.html"), """
        <html><head><title>FOI-2026-0157 response</title></head><body>
        <p>Eastshire Police</p>
        <p>Freedom of Information Request Reference: FOI-2026-0157</p>
        <p>Date: 2 April 2026</p>
        <p>Please find below the cameras deployed at custody suites.</p>
        <table>
          <tr><th>Manufacturer</th><th>Model</th><th>Quantity</th></tr>
          <tr><td>Axis</td><td>P3245-LVE</td><td>8</td></tr>
          <tr><td>Hikvision</td><td>DS-2CD2143G0-I</td><td>4</td></tr>
        </table>
        <p>Yours faithfully, Eastshire Police</p>
        </body></html>
        """, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("asset-register-0163.csv"), """
        Manufacturer,Model,Quantity,Location
        Axis,P3245-LVE,6,Depot
        Hikvision,DS-2CD2143G0-I,12,Town Hall
        """, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("refusal-0171.txt"), """
        Westbury District Council
        Freedom of Information Request Reference: FOI-2026-0171
        Date: 20 April 2026

        Dear Requester,

        The Council neither confirms nor denies whether it holds the information requested, under
        section 24(2) (national security) and section 31(3) (law enforcement) of the Act.

        Yours sincerely,
        Westbury District Council
        """, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("response-0188.html"), """
        <html><body>
        <p>Southvale City Council</p>
        <p>Freedom of Information Request Reference: FOI-2026-0188</p>
        <p>The Council's public space CCTV network uses 20 Hikvision DS-2CD2143G0-I cameras; two
        Axis P3245-LVE units monitor the car park.</p>
        <p>Yours sincerely, Southvale City Council</p>
        </body></html>
        """, StandardCharsets.UTF_8);
    try (java.util.zip.ZipOutputStream zip =
        new java.util.zip.ZipOutputStream(Files.newOutputStream(dir.resolve("responses-0190.zip")))) {
      for (int i = 1; i <= 2; i++) {
        zip.putNextEntry(new java.util.zip.ZipEntry("letters/reply-" + i + ".txt"));
        zip.write(("""
            Riverside Borough Council
            Freedom of Information Request Reference: FOI-2026-019%d
            Dear Requester,
            The Council operates %d x Hikvision DS-2CD2143G0-I cameras and %d x Axis P3245-LVE cameras.
            Yours sincerely, Riverside Borough Council
            """).formatted(i, 5 * i, i).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    Files.writeString(dir.resolve("reply-0195.eml"), """
        From: FOI Team <foi@lakeside.example>
        To: requester@example.org
        Subject: FOI-2026-0195 response
        Date: Mon, 4 May 2026 10:00:00 +0100
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="b1"

        --b1
        Content-Type: text/plain; charset=utf-8

        Dear Requester, please find our response to FOI-2026-0195 attached.
        Lakeside County Council

        --b1
        Content-Type: text/html; charset=utf-8
        Content-Disposition: attachment; filename="response-0195.html"

        <html><body><p>Lakeside County Council</p><table>
        <tr><th>Manufacturer</th><th>Model</th><th>Quantity</th></tr>
        <tr><td>Hikvision</td><td>DS-2CD2143G0-I</td><td>7</td></tr>
        <tr><td>Axis</td><td>P3245-LVE</td><td>2</td></tr>
        </table></body></html>
        --b1--
        """.replace("\n", "\r\n"), StandardCharsets.UTF_8);
  }
}
