package org.foiwatch;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.foiwatch.testing.Fixtures;
import org.foiwatch.testing.HostileFiles;
import org.foiwatch.testing.SampleCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole run over a folder of hostile files next to good ones: the run exits 0, every input
 * file has exactly one record with the status it deserves, and the good files' equipment is
 * intact. Plus a seeded mutation fuzz run over damaged copies of the samples.
 */
class HostileRunTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path input;
  @TempDir Path output;

  private int run(String... extra) {
    List<String> args = new ArrayList<>(List.of("--input=" + input, "--output=" + output));
    args.addAll(List.of(extra));
    FoiOptions options = PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(FoiOptions.class);
    ByteArrayOutputStream summary = new ByteArrayOutputStream();
    int status = FoiPipeline.run(options, new PrintStream(summary, true, StandardCharsets.UTF_8));
    assertEquals(0, status, summary.toString(StandardCharsets.UTF_8));
    return status;
  }

  /** Input-file records (attachment = null) in {@code output} by file name; one each. */
  static Map<String, JsonNode> recordsByFile(Path output) throws IOException {
    Map<String, JsonNode> records = new TreeMap<>();
    for (String line : Files.readAllLines(output.resolve("documents.jsonl"))) {
      JsonNode record = JSON.readTree(line);
      if (record.get("attachment").isNull()) {
        String source = record.get("source").asText();
        JsonNode previous = records.put(Path.of(source).getFileName().toString(), record);
        assertTrue(previous == null, "two records for " + source);
      }
    }
    return records;
  }

  private void write(String name, byte[] bytes) throws IOException {
    Files.write(input.resolve(name), bytes);
  }

  @Test
  void hostileFolderRunsToTheEndWithOneRecordPerFile() throws Exception {
    Map<String, String> expected = new LinkedHashMap<>();
    byte[] good = HostileFiles.goodPdf();
    write("good.pdf", good);
    expected.put("good.pdf", "parsed");
    write("good copy [1] #2 50% 'quoted' \"dq\" caf\u00e9 \u65e5\u672c.pdf", good);
    expected.put("good copy [1] #2 50% 'quoted' \"dq\" caf\u00e9 \u65e5\u672c.pdf", "parsed");
    write("empty.pdf", new byte[0]);
    expected.put("empty.pdf", "empty");
    write("truncated.pdf", java.util.Arrays.copyOf(good, good.length / 3));
    expected.put("truncated.pdf", "corrupt");
    byte[] noise = new byte[4096];
    new Random(7).nextBytes(noise);
    write("noise.docx", noise);
    expected.put("noise.docx", null);
    write("actually-a-docx.pdf", Fixtures.docx(HostileFiles.LETTER, HostileFiles.EQUIPMENT));
    expected.put("actually-a-docx.pdf", "parsed");
    write("locked.pdf", HostileFiles.userPasswordPdf());
    expected.put("locked.pdf", "encrypted");
    write("restricted.pdf", HostileFiles.ownerPasswordOnlyPdf());
    expected.put("restricted.pdf", "parsed");
    Path secret = Files.writeString(output.resolve("secret.txt"), "TOP-SECRET-MARKER-4471");
    write("xxe.docx", HostileFiles.xxeDocx(secret.toString()));
    expected.put("xxe.docx", null);
    write("laughs.docx", HostileFiles.billionLaughsDocx());
    expected.put("laughs.docx", null);
    write("bomb.zip", HostileFiles.zipBomb(1_100L * 1024 * 1024));
    expected.put("bomb.zip", null);
    write("nested.eml", HostileFiles.nestedEmail(25));
    expected.put("nested.eml", "parsed");
    write("nested.zip", HostileFiles.nestedZip(25));
    expected.put("nested.zip", "truncated");
    write("broken.eml", HostileFiles.malformedMime());
    expected.put("broken.eml", null);
    write("latin1.txt", HostileFiles.latin1Text());
    expected.put("latin1.txt", "parsed");
    write("nul.txt", HostileFiles.nulLadenText());
    expected.put("nul.txt", "parsed");
    write("formula.txt", HostileFiles.formulaBaitText());
    expected.put("formula.txt", "parsed");
    write("hang.xml", HostileFiles.hangingParserInput());
    expected.put("hang.xml", "timeout");
    write("greedy.xml", HostileFiles.allocatingParserInput());
    expected.put("greedy.xml", "oom");
    Path sub = Files.createDirectory(input.resolve("sub"));
    Files.write(sub.resolve("deeper.pdf"), good);
    expected.put("deeper.pdf", "parsed");
    Files.createSymbolicLink(sub.resolve("loop"), input);
    expected.put("loop", "skipped");

    run("--parseTimeoutSeconds=10", "--parseMemoryMb=384");

    Map<String, JsonNode> records = recordsByFile(output);
    assertEquals(new java.util.TreeSet<>(expected.keySet()), records.keySet());
    expected.forEach((name, status) -> {
      JsonNode record = records.get(name);
      if (status != null) {
        assertEquals(status, record.get("status").asText(), name + ": " + record);
      }
      if (!"parsed".equals(record.get("status").asText())) {
        assertFalse(record.get("error").isNull(), name + " has no error: " + record);
      }
    });
    // Byte-identical copies at two paths: two documents, one content hash.
    JsonNode copy = records.get("good copy [1] #2 50% 'quoted' \"dq\" caf\u00e9 \u65e5\u672c.pdf");
    assertFalse(records.get("good.pdf").get("document_id").equals(copy.get("document_id")));
    assertEquals(records.get("good.pdf").get("sha256"), copy.get("sha256"));
    String everything = Files.readString(output.resolve("documents.jsonl"))
        + Files.readString(output.resolve("mentions.jsonl"));
    assertFalse(everything.contains("TOP-SECRET-MARKER-4471"), "a local file reached the records");
    List<String> goodEquipment = Files.readAllLines(output.resolve("equipment.jsonl")).stream()
        .filter(line -> line.contains("\"model\":\"DS-2CD2143G0-I\"") && line.contains("\"quantity\":12"))
        .filter(line -> line.contains("good.pdf") || line.contains("deeper.pdf") || line.contains("good copy")
            || line.contains("actually-a-docx.pdf") || line.contains("restricted.pdf"))
        .toList();
    assertEquals(5, goodEquipment.size(), String.join("\n", goodEquipment));
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void entriesLeadingOutOfTheInputAreRecordedAsSkippedAndNeverRead() throws Exception {
    write("good.pdf", HostileFiles.goodPdf());
    Files.createSymbolicLink(input.resolve("passwd.txt"), Path.of("/etc/passwd"));
    Files.createSymbolicLink(input.resolve("environ-link.txt"), Path.of("/proc/self/environ"));
    Files.createSymbolicLink(input.resolve("dangling.pdf"), input.resolve("gone.pdf"));
    Files.createSymbolicLink(input.resolve("inside-link.pdf"), input.resolve("good.pdf"));
    assertEquals(0, new ProcessBuilder("mkfifo", input.resolve("pipe.txt").toString()).start().waitFor());
    // A Latin-1 file name (byte 0xE9), not valid UTF-8.
    Files.write(Path.of(java.net.URI.create(input.toUri() + "caf%E9.pdf")), HostileFiles.goodPdf());

    run("--parseTimeoutSeconds=30");

    Map<String, JsonNode> records = recordsByFile(output);
    Map<String, String> statuses = new TreeMap<>();
    records.forEach((name, record) -> statuses.put(name, record.get("status").asText()));
    assertEquals(Map.of("good.pdf", "parsed", "inside-link.pdf", "parsed", "caf%E9.pdf", "parsed",
        "passwd.txt", "skipped", "environ-link.txt", "skipped", "dangling.pdf", "skipped", "pipe.txt", "skipped"),
        statuses);
    assertTrue(records.get("pipe.txt").get("error").asText().contains("FIFO"));
    assertTrue(records.get("dangling.pdf").get("error").asText().contains("dangling"));
    assertTrue(records.get("caf%E9.pdf").get("source").asText().startsWith("file:///"));
    List<String> targetBytes = new ArrayList<>(List.of(Files.readAllLines(Path.of("/etc/passwd")).get(0)));
    System.getenv().values().stream().filter(value -> value.length() >= 12 && !input.toString().contains(value))
        .forEach(targetBytes::add);
    try (var outputs = Files.list(output)) {
      for (Path file : outputs.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        targetBytes.forEach(secret -> assertFalse(text.contains(secret), file + " holds " + secret));
      }
    }
  }

  /**
   * Damaged copies of the samples, run through {@code main} in a JVM of its own as a user runs
   * it: every file gets a record, and the terminal shows the summary alone while the parsers'
   * stack traces go to foiwatch.log.
   */
  @Test
  void mutatedSamplesAllGetRecordsAndOnlyTheSummaryReachesTheTerminal(@TempDir Path workDir) throws Exception {
    List<SampleCorpus.Sample> samples = SampleCorpus.samples();
    Random random = new Random(20261129L);
    int copies = 0;
    for (int round = 0; round < 30; round++) {
      for (SampleCorpus.Sample sample : samples) {
        byte[] other = samples.get(random.nextInt(samples.size())).bytes();
        write(String.format("m%03d-%s", copies++, sample.name()), HostileFiles.mutate(sample.bytes(), other, random));
      }
    }

    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), FoiPipeline.class.getName(),
        "--input=" + input, "--output=" + output, "--parseTimeoutSeconds=30", "--progressSeconds=0", "--ocrCacheDir=")
        .directory(workDir.toFile())
        .redirectOutput(workDir.resolve("stdout.txt").toFile())
        .redirectError(workDir.resolve("stderr.txt").toFile())
        .start();
    assertTrue(process.waitFor(10, TimeUnit.MINUTES), "the run did not end");
    List<String> terminal = Files.readAllLines(workDir.resolve("stdout.txt"));
    assertEquals(0, process.exitValue(), String.join("\n", terminal));

    assertEquals("", Files.readString(workDir.resolve("stderr.txt")));
    // writing to, the summary, OCR figures, the report (and a warning where tesseract is missing)
    assertTrue(terminal.size() <= 5 && terminal.stream().allMatch(line -> line.startsWith("foiwatch: ")),
        String.join("\n", terminal));
    assertTrue(Files.readString(workDir.resolve("foiwatch.log")).contains("\tat org.apache."),
        "the parsers' stack traces are not in foiwatch.log");
    Map<String, JsonNode> records = recordsByFile(output);
    assertEquals(copies, records.size());
    records.values().forEach(record -> assertTrue(
        record.get("status").asText().equals("parsed") || !record.get("error").isNull(), record.toString()));
  }
}
