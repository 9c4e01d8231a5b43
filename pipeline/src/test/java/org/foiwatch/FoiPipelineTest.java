package org.foiwatch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.foiwatch.sinks.RecordFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline on the DirectRunner over real files written here. */
class FoiPipelineTest {

  @TempDir Path input;
  @TempDir Path output;

  private static FoiOptions options(Path input, Path output) {
    FoiOptions options = PipelineOptionsFactory.fromArgs("--input=" + input, "--output=" + output).as(FoiOptions.class);
    return options;
  }

  @Test
  void everyFileGetsADocumentRecordAndEquipmentIsAggregatedPerFile() throws Exception {
    Files.writeString(input.resolve("letter.html"), """
        <html><body><p>Ashcombe District Council</p><p>Our ref: FOI-2024-0101</p>
        <p>The Council operates the following cameras.</p>
        <table><tr><th>Site</th><th>Make</th><th>Model</th><th>Qty</th></tr>
        <tr><td>Market</td><td>HIKVISION</td><td>ds 2cd2143g0 i</td><td>12</td></tr>
        <tr><td>Library</td><td>Hikvision</td><td>DS-2CD2143G0-I</td><td>30</td></tr>
        <tr><td>Depot</td><td>LTS</td><td>CMIP3042W-28M</td><td>4</td></tr></table></body></html>
        """);
    Files.writeString(input.resolve("reply.txt"), "Ashcombe District Council\n\nThe Council does not hold the information requested.\n");
    Files.write(input.resolve("broken.pdf"), "%PDF-1.7 truncated".getBytes(StandardCharsets.US_ASCII));
    Files.write(input.resolve("empty.docx"), new byte[0]);

    ByteArrayOutputStream summary = new ByteArrayOutputStream();
    int status = FoiPipeline.run(options(input, output), new PrintStream(summary, true, StandardCharsets.UTF_8));

    assertEquals(0, status, summary.toString(StandardCharsets.UTF_8));
    List<String> documents = Files.readAllLines(output.resolve("documents.jsonl"));
    assertEquals(4, documents.size());
    assertTrue(documents.stream().anyMatch(d -> d.contains("broken.pdf") && d.contains("\"status\":\"corrupt\"")));
    assertTrue(documents.stream().anyMatch(d -> d.contains("empty.docx") && d.contains("\"status\":\"empty\"")));
    assertTrue(documents.stream().anyMatch(d -> d.contains("letter.html") && !d.contains("\"chars\":0,")), documents.toString());
    assertTrue(documents.stream().anyMatch(d -> d.contains("reply.txt") && d.contains("\"outcome\":\"not_held\"")));
    List<String> equipment = Files.readAllLines(output.resolve("equipment.jsonl"));
    assertEquals(2, equipment.size(), equipment.toString());
    assertTrue(equipment.get(0).contains("\"vendor\":\"Hikvision\"") && equipment.get(0).contains("\"model\":\"DS-2CD2143G0-I\"")
        && equipment.get(0).contains("\"quantity\":42") && equipment.get(0).contains("NDAA-889"), equipment.get(0));
    assertTrue(equipment.get(1).contains("\"vendor\":\"LTS\"") && equipment.get(1).contains("\"oem_of\":\"Hikvision\""));
    assertTrue(Files.readAllLines(output.resolve("mentions.jsonl")).size() >= 3);
    assertTrue(summary.toString(StandardCharsets.UTF_8).contains("4 input files"));
  }

  @Test
  void rerunGivesByteIdenticalRecords(@TempDir Path secondOutput) throws Exception {
    Files.writeString(input.resolve("a.txt"), "We operate 3 x Axis P3245-LVE and 2 x Axis M7104 encoders.\n");
    Files.writeString(input.resolve("b.csv"), "Make,Model,Quantity\nDahua,IPC-HFW2431S-S-S2,7\n");
    for (Path out : List.of(output, secondOutput)) {
      FoiOptions options = options(input, out);
      options.setFormats(List.of(RecordFormat.values()));
      FoiPipeline.run(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }
    List<String> files;
    try (var listing = Files.list(output)) {
      files = listing.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).sorted().toList();
    }
    assertEquals(18, files.size(), files.toString()); // 4 kinds x 4 formats, report.html and run.json
    for (String name : files) {
      if (!name.equals("run.json")) { // its times and run id are the run's own
        assertArrayEquals(Files.readAllBytes(output.resolve(name)), Files.readAllBytes(secondOutput.resolve(name)), name);
      }
    }
    assertEquals(3, Files.readAllLines(output.resolve("equipment.jsonl")).size());
  }

  @Test
  void sourcesAreRelativeToTheInputFolderUnlessAbsoluteIsAsked(@TempDir Path absoluteOutput) throws Exception {
    Path letter = Files.createDirectories(input.resolve("police")).resolve("reply.txt");
    Files.writeString(letter, "We operate 3 x Axis P3245-LVE cameras.\n");
    FoiOptions absolute = options(input, absoluteOutput);
    absolute.setSourcePaths("absolute");
    for (FoiOptions options : List.of(options(input, output), absolute)) {
      assertEquals(0, FoiPipeline.run(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    }
    String relativeRecord = Files.readAllLines(output.resolve("documents.jsonl")).get(0);
    String absoluteRecord = Files.readAllLines(absoluteOutput.resolve("documents.jsonl")).get(0);
    assertTrue(relativeRecord.contains("\"source\":\"police/reply.txt\""), relativeRecord);
    assertTrue(absoluteRecord.contains("\"source\":\"" + letter + "\""), absoluteRecord);
    assertEquals(relativeRecord.replace("police/reply.txt", letter.toString()), absoluteRecord, "only the source differs");
    assertTrue(Files.readString(output.resolve("equipment.jsonl")).contains("\"source\":\"police/reply.txt\""));
    assertTrue(Files.readString(output.resolve("summary.jsonl")).contains("\"police/reply.txt\""));
  }

  @Test
  void anUnknownSourcePathsModeIsAUsageError() {
    FoiOptions options = options(input, output);
    options.setSourcePaths("short");
    assertThrows(FoiPipeline.InputException.class, () -> FoiPipeline.run(options, System.out));
  }

  @Test
  void inputThatMatchesNothingIsAUsageError() {
    assertThrows(FoiPipeline.InputException.class,
        () -> FoiPipeline.run(options(input.resolve("missing"), output), System.out));
  }
}
