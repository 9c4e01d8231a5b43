package org.foiwatch.sinks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.foiwatch.FoiOptions;
import org.foiwatch.FoiPipeline;
import org.foiwatch.records.SourcePaths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a real run (samples/docs plus a response that tries script and formula
 * injection), rendered by headless Chromium: the figures of the written records must appear.
 */
class HtmlReportTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HOSTILE = """
      Ashcombe District Council
      Our ref: FOI-2024-0999

      =SUM(1) We operate 4 x Hikvision DS-2CD2143G0-I cameras <script>document.title='pwned'</script> at the depot.

      @cmd 2 x Dahua IPC-HFW2431S-S-S2 cameras are at the library.
      """;

  @TempDir static Path input;
  @TempDir static Path output;
  private static String console;

  @BeforeAll
  static void runPipeline() throws Exception {
    try (Stream<Path> samples = Files.list(Path.of("..", "samples", "docs"))) {
      for (Path sample : samples.toList()) {
        Files.copy(sample, input.resolve(sample.getFileName()));
      }
    }
    Files.writeString(input.resolve("ashcombe-hostile.txt"), HOSTILE);
    FoiOptions options = PipelineOptionsFactory.fromArgs("--input=" + input, "--output=" + output,
        "--reportScreenshot=true").as(FoiOptions.class);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(0, FoiPipeline.run(options, new PrintStream(out, true, StandardCharsets.UTF_8)));
    console = out.toString(StandardCharsets.UTF_8);
  }

  private static List<JsonNode> records(String name) throws Exception {
    return RunSummary.lines(output.toString(), name);
  }

  /** How Chromium serialises a text node. */
  private static String text(String value) {
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\u00a0", "&nbsp;");
  }

  @Test
  void theReportIsOneSelfContainedFileWithoutScripts() throws Exception {
    String html = Files.readString(output.resolve("report.html"));
    assertTrue(console.contains("report " + output.resolve("report.html")), console);
    assertFalse(html.contains("<script"), "document text must be escaped");
    assertFalse(html.matches("(?s).*(src|href)=\"https?:.*"), "nothing may be fetched");
    assertTrue(html.contains("<style>") && html.contains("<svg"));
  }

  @Test
  void chromiumRendersEveryFigureOfTheRecords() throws Exception {
    Path chromium = Chromium.find();
    assumeTrue(chromium != null, "chromium is not installed (scripts/test.sh installs it with apt-get): report not rendered");
    String dom = Chromium.run(chromium, output.resolve("report.html"), "--dump-dom");
    assertTrue(dom.contains("<title>foiwatch report</title>"), dom.substring(0, Math.min(300, dom.length())));
    // The injected script would retitle the page; its text shows as text instead.
    assertFalse(dom.contains("<script"), "an injected script became an element");
    assertTrue(dom.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;"), "the injected text is shown as text");

    int total = 0;
    int restricted = 0;
    Map<String, Integer> byVendor = new TreeMap<>();
    for (JsonNode row : records("summary")) {
      assertTrue(dom.contains("<td>" + text(row.get("authority").asText()) + "</td>"), row.toString());
      total += row.get("total_quantity").asInt(0);
      restricted += row.get("restricted_quantity").asInt();
      for (JsonNode vendor : row.get("vendors")) {
        if (!vendor.get("quantity").isNull()) {
          byVendor.merge(vendor.get("vendor").asText(), vendor.get("quantity").asInt(), Integer::sum);
        }
      }
    }
    String headline = dom.substring(dom.indexOf("id=\"headline\""), dom.indexOf("</div></div></div>", dom.indexOf("id=\"headline\"")));
    assertTrue(headline.contains(">" + total + "<"), headline);
    assertTrue(headline.contains(">" + restricted + " ("), headline);
    String chart = dom.substring(dom.indexOf("id=\"vendor-shares\""), dom.indexOf("</svg>", dom.indexOf("id=\"vendor-shares\"")));
    for (Map.Entry<String, Integer> vendor : byVendor.entrySet()) {
      assertTrue(chart.contains(">" + text(vendor.getKey()) + "</text>"), vendor.getKey());
      assertTrue(chart.contains(">" + vendor.getValue() + " ("), vendor.toString());
    }
    Map<String, JsonNode> mentions = new HashMap<>();
    records("mentions").forEach(m -> mentions.put(m.get("mention_id").asText(), m));
    for (JsonNode row : records("summary")) {
      for (JsonNode vendor : row.get("vendors")) {
        for (JsonNode id : vendor.get("mention_ids")) {
          String snippet = mentions.get(id.asText()).get("snippet").asText();
          assertTrue(dom.contains(text(snippet)), "provenance snippet missing: " + snippet);
        }
      }
    }
  }

  @Test
  void theScreenshotIsWrittenNextToTheReport() throws Exception {
    assumeTrue(Chromium.find() != null, "chromium is not installed: no screenshot to check");
    byte[] png = Files.readAllBytes(output.resolve("report.png"));
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
    assertTrue(png.length > 10_000, "a blank page would be tiny: " + png.length + " bytes");
  }

  @Test
  void formulaInDocumentTextIsNeutralisedInTheCsv() throws Exception {
    String csv = Files.readString(output.resolve("mentions.csv"));
    List<String> snippets = records("mentions").stream()
        .filter(m -> m.get("source").asText().endsWith("ashcombe-hostile.txt")).map(m -> m.get("snippet").asText()).toList();
    assertTrue(snippets.stream().anyMatch(t -> t.startsWith("=")) && snippets.stream().anyMatch(t -> t.startsWith("@")),
        "the hostile response yields snippets starting with = and @: " + snippets);
    for (String snippet : snippets) {
      assertTrue(csv.contains(",'" + snippet + ","), snippet);
      assertFalse(csv.contains("," + snippet + ","), snippet);
    }
  }

  @Test
  void aReportLongerThanOneWriteComesOutWholeAndReplacesTheLastOne(@TempDir Path run) throws Exception {
    int passages = 3000;
    ArrayNode ids = JSON.createArrayNode();
    StringBuilder mentions = new StringBuilder();
    for (int i = 0; i < passages; i++) {
      String id = String.format("m%05d", i);
      ids.add(id);
      ObjectNode mention = JSON.createObjectNode().put("mention_id", id).put("source", "/responses/letter.pdf")
          .putNull("attachment").put("page", 1 + i % 7).putNull("sheet").put("model", "DS-2CD2143G0-I").put("quantity", i)
          .put("snippet", "passage " + id + " <b>");
      mentions.append(JSON.writeValueAsString(mention)).append('\n');
    }
    ObjectNode vendor = JSON.createObjectNode().put("vendor", "Hikvision").put("quantity", passages);
    vendor.putArray("restricted").add("NDAA-889");
    vendor.set("mention_ids", ids);
    ObjectNode summary = JSON.createObjectNode().put("authority", "Ashford Borough Council").put("gss_code", "E07000105")
        .put("authority_type", "Non-metropolitan district")
        .put("documents", 1).put("failed", 0).put("outcome", "disclosed").put("total_quantity", passages)
        .put("total_cameras", passages).put("restricted_quantity", passages).put("restricted_share", 1.0);
    summary.putArray("foi_references").add("FOI-1");
    summary.putArray("restricted_vendors").add("Hikvision");
    summary.putArray("vendors").add(vendor);
    Files.writeString(run.resolve("mentions.jsonl"), mentions);
    Files.writeString(run.resolve("summary.jsonl"), JSON.writeValueAsString(summary) + "\n");
    Files.writeString(run.resolve("documents.jsonl"), JSON.writeValueAsString(JSON.createObjectNode()
        .put("source", "/responses/letter.pdf").putNull("attachment").put("status", "parsed").putNull("error")) + "\n");
    Files.writeString(run.resolve("report.html"), "the report of an earlier run");

    HtmlReport.write(run.toString(), SourcePaths.of("relative", "/responses"));

    String html = Files.readString(run.resolve("report.html"));
    assertTrue(html.length() > 4 * 65536, "long enough to be written in several pieces: " + html.length());
    assertTrue(html.startsWith("<!DOCTYPE html>") && html.endsWith("</main></body></html>\n"));
    assertTrue(html.contains("<td>Ashford Borough Council</td><td class=\"muted\">E07000105</td><td class=\"muted\">Non-metropolitan district</td>"),
        "the code and type beside the authority");
    for (int i = 0; i < passages; i++) {
      String snippet = String.format("passage m%05d &lt;b&gt;", i);
      assertEquals(html.indexOf(snippet), html.lastIndexOf(snippet), "once: " + snippet);
      assertTrue(html.contains(snippet), snippet);
    }
    try (Stream<Path> files = Files.list(run)) {
      assertEquals(List.of("documents.jsonl", "mentions.jsonl", "report.html", "summary.jsonl"),
          files.map(f -> f.getFileName().toString()).sorted().toList(), "no partial report left behind");
    }
  }
}
