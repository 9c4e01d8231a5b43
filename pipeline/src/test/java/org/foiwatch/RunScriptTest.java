package org.foiwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/run.sh} as a user runs it: from their own folder, with paths relative to it.
 * The script runs the classes this build has compiled ({@code FOIWATCH_CLASSPATH}), not a build of its own.
 */
class RunScriptTest {

  private static final Path SCRIPT = Path.of("..", "scripts", "run.sh").toAbsolutePath().normalize();

  @TempDir Path cwd;
  @TempDir Path logs;

  private record Result(int status, String stdout, List<String> stderr) {}

  private Result runScript(String... arguments) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile())
        .redirectOutput(logs.resolve("stdout").toFile()).redirectError(logs.resolve("stderr").toFile());
    builder.environment().put("FOIWATCH_CLASSPATH", System.getProperty("java.class.path"));
    builder.environment().put("FOIWATCH_JAVA_OPTS", "-Xmx1g -XX:TieredStopAtLevel=1");
    Process process = builder.start();
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "run.sh did not finish");
    return new Result(process.exitValue(), Files.readString(logs.resolve("stdout")),
        Files.readAllLines(logs.resolve("stderr")));
  }

  @Test
  void relativeInputAndOutputAreReadFromTheCallersDirectory() throws Exception {
    Path responses = Files.createDirectories(cwd.resolve("responses/2024"));
    Files.writeString(responses.resolve("ashcombe-reply.txt"),
        "Ashcombe District Council\nOur ref: FOI-2024-0101\n\nWe operate 3 x Axis P3245-LVE cameras at the depot.\n");

    Result run = runScript("--input=responses", "--output=results", "--progressSeconds=0", "--ocr=never",
        "--isolateParsing=false");

    assertEquals(0, run.status(), run.stdout() + run.stderr());
    List<String> documents = Files.readAllLines(cwd.resolve("results/documents.jsonl"));
    assertEquals(1, documents.size(), documents.toString());
    assertTrue(documents.get(0).contains("\"source\":\"2024/ashcombe-reply.txt\""), documents.get(0));
    // The report links to the input as the two folders lie side by side, so both can travel together.
    assertTrue(Files.readString(cwd.resolve("results/report.html")).contains("href=\"../responses/2024/ashcombe-reply.txt\""));
    assertTrue(Files.isRegularFile(cwd.resolve("foiwatch.log")), "the log sits in the caller's directory");
  }

  @Test
  void dashHListsFoiwatchsOptionsFirst() throws Exception {
    Result run = runScript("-h");

    assertEquals(0, run.status(), run.stderr().toString());
    assertTrue(run.stdout().indexOf("--input=") < run.stdout().indexOf("--flinkMaster="), run.stdout());
  }

  @Test
  void aMissingInputNamesTheAbsolutePathItLookedFor() throws Exception {
    Result run = runScript("--input=responses", "--output=results");

    assertEquals(FoiPipeline.USAGE_ERROR, run.status(), run.stdout());
    assertEquals(1, run.stderr().size(), run.stderr().toString());
    assertTrue(run.stderr().get(0).contains("--input=responses") && run.stderr().get(0).contains(cwd.resolve("responses").toString()),
        run.stderr().get(0));
    assertTrue(Files.notExists(cwd.resolve("results")), "nothing written for a run that did not start");
  }

  @Test
  void aFormatOrOcrModeBeamCannotParseIsOneLineNamingTheOption() throws Exception {
    Result format = runScript("--formats=jsonl,xml", "--output=results");
    Result ocr = runScript("--ocr=sometimes", "--output=results");

    assertEquals(FoiPipeline.USAGE_ERROR, format.status(), format.stdout());
    assertEquals(List.of("foiwatch: unknown format 'xml' in --formats (use jsonl, csv, avro, parquet) (see --help)"),
        format.stderr());
    assertEquals(FoiPipeline.USAGE_ERROR, ocr.status(), ocr.stdout());
    assertEquals(List.of("foiwatch: --ocr must be auto, always or never, not 'sometimes' (see --help)"), ocr.stderr());
    assertTrue(Files.notExists(cwd.resolve("results")), "nothing written for a run that did not start");
  }
}
