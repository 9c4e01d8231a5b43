package org.foiwatch.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.foiwatch.FoiOptions;
import org.foiwatch.FoiPipeline;
import org.foiwatch.records.SourcePaths;
import org.foiwatch.sinks.WrittenRecords;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a real run (samples/docs plus responses that try script and formula injection,
 * carry a long authority and maker name, a Word logo without text, and a damaged file),
 * rendered by headless Chromium: the figures of the written records must appear, and the page
 * must read right.
 */
class HtmlReportTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HOSTILE = """
      Ashcombe District Council
      Our ref: FOI-2024-0999

      =SUM(1) We operate 4 x Hikvision DS-2CD2143G0-I cameras <script>document.title='pwned'</script> at the depot.

      @cmd 2 x Dahua IPC-HFW2431S-S-S2 cameras are at the library.
      """;
  private static final String LONG_AUTHORITY =
      "Ashcombe-upon-Wexcombe, Kelmouth and Northfell Combined Fire and Rescue Authority Joint Surveillance Committee";
  private static final String LONG_MAKER = "Wexcombe Integrated Perimeter Surveillance Technologies International Holdings Limited";
  private static final String LONG_FILE = "kelmouth-district-council-response-to-freedom-of-information-request-2024-0042.pdf";
  /** Where -Dfoiwatch.writeScreenshot=true puts the screenshot of the samples' report, for the README. */
  private static final Path README_SCREENSHOT = Path.of("..", "docs", "report-samples.png");

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
    Files.write(input.resolve("combined-fra-reply.docx"), docxWithLogo(List.of("Kelmouth Combined Fire and Rescue Authority",
        "Our ref: CFRA-FOI-0042", "Date: 3 June 2024", "Dear Requester,", "The Authority operates the following equipment."),
        List.of(List.of("Site", "Make", "Model", "Quantity"), List.of("Fleet depot", "Hikvision", "DS-2CD2386G2-IU", "3"))));
    Files.write(input.resolve("damaged-reply.docx"), "PK\u0003\u0004 this zip stops here".getBytes(StandardCharsets.US_ASCII));
    FoiOptions options = PipelineOptionsFactory.fromArgs("--input=" + input, "--output=" + output).as(FoiOptions.class);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(0, FoiPipeline.run(options, new PrintStream(out, true, StandardCharsets.UTF_8)));
    console = out.toString(StandardCharsets.UTF_8);
  }

  /** A Word reply with a logo (a picture without text) above its letter and table. */
  private static byte[] docxWithLogo(List<String> paragraphs, List<List<String>> table) throws Exception {
    BufferedImage logo = new BufferedImage(360, 120, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = logo.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 360, 120);
    g.setColor(new Color(0x1f, 0x4e, 0x8c));
    g.fillOval(20, 10, 100, 100);
    g.fillRect(140, 50, 200, 20);
    g.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(logo, "png", png);
    try (XWPFDocument document = new XWPFDocument()) {
      document.createParagraph().createRun().addPicture(new ByteArrayInputStream(png.toByteArray()),
          Document.PICTURE_TYPE_PNG, "logo.png", Units.toEMU(180), Units.toEMU(60));
      paragraphs.forEach(p -> document.createParagraph().createRun().setText(p));
      XWPFTable wordTable = document.createTable(table.size(), table.get(0).size());
      for (int r = 0; r < table.size(); r++) {
        for (int c = 0; c < table.get(r).size(); c++) {
          wordTable.getRow(r).getCell(c).setText(table.get(r).get(c));
        }
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      document.write(bytes);
      return bytes.toByteArray();
    }
  }

  private static List<JsonNode> records(String name) throws Exception {
    return WrittenRecords.all(output.toString(), name);
  }

  /** How Chromium serialises a text node. */
  private static String text(String value) {
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\u00a0", "&nbsp;");
  }

  private static Path chromium() {
    Path chromium = Chromium.find();
    assumeTrue(chromium != null, "chromium is not installed (scripts/test.sh installs it with apt-get): report not rendered");
    return chromium;
  }

  @Test
  void theReportIsOneSelfContainedFileWithItsOwnScriptOnly() throws Exception {
    String html = Files.readString(output.resolve("report.html"));
    assertTrue(console.contains("report " + output.resolve("report.html")), console);
    assertEquals(html.indexOf("<script>"), html.lastIndexOf("<script"), "one script element: the report's own");
    assertTrue(html.contains("&lt;script&gt;document.title"), "document text must be escaped");
    assertFalse(html.matches("(?s).*(src|href)=\"https?:.*"), "nothing may be fetched");
    assertTrue(html.contains("<style>") && html.contains("id=\"vendor-shares\""));
  }

  @Test
  void chromiumRendersEveryFigureOfTheRecords() throws Exception {
    String dom = Chromium.run(chromium(), output.resolve("report.html"), "--dump-dom");
    assertTrue(dom.contains("<title>foiwatch report</title>"), dom.substring(0, Math.min(300, dom.length())));
    // The injected script would retitle the page; its text shows as text instead.
    assertTrue(dom.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;"), "the injected text is shown as text");

    int total = 0;
    int restricted = 0;
    int authorities = 0;
    Map<String, Integer> byVendor = new TreeMap<>();
    for (JsonNode row : records("summary")) {
      if (!row.get("authority").isNull()) {
        assertTrue(dom.contains("<td>" + text(row.get("authority").asText()) + "</td>"), row.toString());
        authorities++;
      }
      total += row.get("total_quantity").asInt(0);
      restricted += row.get("restricted_quantity").asInt();
      for (JsonNode vendor : row.get("vendors")) {
        if (!vendor.get("quantity").isNull()) {
          byVendor.merge(vendor.get("vendor").asText(), vendor.get("quantity").asInt(), Integer::sum);
        }
      }
    }
    assertTrue(authorities < records("summary").size(), "the run has files without an authority");
    String headline = dom.substring(dom.indexOf("id=\"headline\""), dom.indexOf("</div></div></div>", dom.indexOf("id=\"headline\"")));
    assertTrue(headline.contains("<div class=\"n\">" + authorities + "</div><div class=\"l\">authorities<"),
        "\"(no authority found)\" is not an authority: " + headline);
    assertTrue(headline.contains(">" + total + "<"), headline);
    assertTrue(headline.contains(">" + restricted + " ("), headline);
    String chart = dom.substring(dom.indexOf("id=\"vendor-shares\""), dom.indexOf("</div>\n", dom.indexOf("id=\"vendor-shares\"")));
    for (Map.Entry<String, Integer> vendor : byVendor.entrySet()) {
      assertTrue(chart.contains("<div class=\"label\">" + text(vendor.getKey()) + "</div>"), vendor.getKey());
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
    String responses = dom.substring(dom.indexOf("id=\"responses\""), dom.indexOf("</table>", dom.indexOf("id=\"responses\"")));
    for (JsonNode document : records("documents")) {
      if (document.get("attachment").isNull() && !document.get("response_date").isNull()) {
        assertTrue(responses.contains(">" + document.get("response_date").asText() + "</td>"), document.toString());
      }
      for (JsonNode exemption : document.get("exemptions")) {
        assertTrue(responses.contains(text(exemption.asText())), "exemption " + exemption + " of " + document.get("source"));
      }
    }
  }

  @Test
  void imagesWithoutTextAreCountedApartAndErrorsReadInPlainWords() throws Exception {
    List<JsonNode> documents = records("documents");
    List<JsonNode> logos = documents.stream().filter(d -> !d.get("attachment").isNull()
        && d.get("media_type").asText().startsWith("image/") && d.get("status").asText().equals("empty")).toList();
    assertEquals(1, logos.size(), "the Word reply's logo is recorded: " + documents);
    assumeTrue(logos.get(0).get("ocr").asText().equals("ran"), "tesseract is not installed: the logo was not read, so it may hold text");
    List<JsonNode> failed = documents.stream()
        .filter(d -> !Set.of("parsed", "truncated").contains(d.get("status").asText()) && !logos.contains(d)).toList();
    assertTrue(failed.stream().anyMatch(d -> d.get("error").asText().matches("(?s).*[a-z]\\.[a-z]+\\.\\w*(Exception|Error).*")),
        "a record keeps the technical error: " + failed);

    String dom = Chromium.run(chromium(), output.resolve("report.html"), "--dump-dom");
    String headline = dom.substring(dom.indexOf("id=\"headline\""), dom.indexOf("</div></div></div>", dom.indexOf("id=\"headline\"")));
    assertTrue(headline.contains(">" + failed.size() + "</div><div class=\"l\">documents that could not be read"), headline);
    String failures = dom.substring(dom.indexOf("id=\"failures\""), dom.indexOf("<h2>", dom.indexOf("id=\"failures\"")));
    assertFalse(failures.contains(logos.get(0).get("attachment").asText()), "a logo is not a failure: " + failures);
    assertTrue(failures.contains("1 image inside documents"), failures);
    assertFalse(failures.matches("(?s).*(Exception|Error\\b|\\b[a-z]+\\.[a-z]+\\.[a-z]+\\.).*"), "no Java names: " + failures);
    for (JsonNode document : failed) {
      assertTrue(failures.contains("<td>" + document.get("status").asText() + "</td>"), "the status name: " + document);
    }
    assertTrue(failures.contains("damaged, cut short, or not what its type says"), failures);
  }

  /**
   * Renders {@code report} at 1024 px (a small laptop) with a probe that measures the laid-out page and then uses
   * the authorities table as a reader would; returns what the probe found, one finding a line:
   * "clipped: name", "sorted: units|...", "shown: authority|...".
   */
  private static List<String> probe(Path report, Path scratch) throws Exception {
    String probe = """
        <script>window.addEventListener('load',function(){
          var out=[],width=document.documentElement.clientWidth;
          document.querySelectorAll('.bars .label,.bars .value,td,th,h3,.card').forEach(function(e){var r=e.getBoundingClientRect();
            if(e.scrollWidth>e.clientWidth+1||r.left<0||r.right>width+1)out.push('clipped: '+e.textContent);});
          var units=Array.from(document.querySelectorAll('#authorities th')).filter(function(h){return h.textContent.trim()==='Units stated';})[0];
          units.click();units.click();
          out.push('sorted: '+Array.from(document.querySelectorAll('#authorities tbody tr')).map(function(r){return r.cells[6].textContent;}).join('|'));
          var box=document.querySelector('input.filter');box.value='kelmouth';box.dispatchEvent(new Event('input'));
          out.push('shown: '+Array.from(document.querySelectorAll('#authorities tbody tr')).filter(function(r){return !r.hidden;})
            .map(function(r){return r.cells[0].textContent;}).join('|'));
          var pre=document.createElement('pre');pre.id='probe';pre.textContent=out.join('\\n');document.body.appendChild(pre);});
        </script></body>""";
    Path page = scratch.resolve("probed-" + report.getParent().getFileName() + ".html");
    Files.writeString(page, Files.readString(report).replace("</body>", probe));
    String dom = Chromium.run(chromium(), page, "--window-size=1024,1000", "--virtual-time-budget=10000", "--dump-dom");
    int at = dom.indexOf("<pre id=\"probe\">");
    assertTrue(at > 0, "the probe ran");
    return List.of(dom.substring(at + "<pre id=\"probe\">".length(), dom.indexOf("</pre>", at)).replace("&amp;", "&").split("\n"));
  }

  private static String finding(List<String> lines, String kind) {
    return lines.stream().filter(l -> l.startsWith(kind + ": ")).findFirst().orElseThrow().substring(kind.length() + 2);
  }

  @Test
  void longNamesWrapInsteadOfBeingClipped(@TempDir Path run, @TempDir Path scratch) throws Exception {
    ObjectNode maker = JSON.createObjectNode().put("vendor", LONG_MAKER).put("quantity", 5);
    maker.putArray("restricted");
    maker.putArray("mention_ids").add("m1");
    ObjectNode hikvision = JSON.createObjectNode().put("vendor", "Hikvision").put("quantity", 3);
    hikvision.putArray("restricted").add("NDAA-889");
    hikvision.putArray("mention_ids").add("m2");
    ObjectNode summary = JSON.createObjectNode().put("authority", LONG_AUTHORITY).putNull("gss_code").putNull("authority_type")
        .put("documents", 1).put("failed", 0).put("outcome", "disclosed").put("total_quantity", 8)
        .putNull("total_cameras").put("restricted_quantity", 3).put("restricted_share", 0.375);
    summary.putArray("foi_references").add("CFRA/FOI/2024/0042");
    summary.putArray("restricted_vendors").add("Hikvision");
    summary.putArray("vendors").add(maker).add(hikvision);
    summary.putArray("replies");
    StringBuilder mentions = new StringBuilder();
    for (String id : List.of("m1", "m2")) {
      mentions.append(JSON.createObjectNode().put("mention_id", id).put("source", LONG_FILE).putNull("attachment").put("page", 2)
          .putNull("sheet").putNull("model").put("quantity", 5).put("snippet", "the " + LONG_MAKER + " cameras")).append('\n');
    }
    ObjectNode document = JSON.createObjectNode().put("source", LONG_FILE).putNull("attachment").put("media_type", "application/pdf")
        .put("status", "parsed").putNull("error").put("ocr", "not_needed").put("authority", LONG_AUTHORITY)
        .put("foi_reference", "CFRA/FOI/2024/0042").put("response_date", "2024-06-03").put("outcome", "partial");
    document.putArray("exemptions").add("s.24(1) National security").add("s.31(1)(a) Law enforcement");
    Files.writeString(run.resolve("summary.jsonl"), summary + "\n");
    Files.writeString(run.resolve("mentions.jsonl"), mentions);
    Files.writeString(run.resolve("documents.jsonl"), document + "\n");
    HtmlReport.write(run.toString(), run.toString(), SourcePaths.of("relative", "/responses"));

    String html = Files.readString(run.resolve("report.html"));
    assertTrue(html.contains(LONG_AUTHORITY) && html.contains(LONG_MAKER) && html.contains(LONG_FILE));
    assertEquals(List.of(), probe(run.resolve("report.html"), scratch).stream().filter(l -> l.startsWith("clipped")).toList(),
        "no name is clipped at 1024 px");
  }

  @Test
  void tablesSortAndFilterInChromiumAndNothingIsClipped(@TempDir Path scratch) throws Exception {
    List<String> lines = probe(output.resolve("report.html"), scratch);
    assertEquals(List.of(), lines.stream().filter(l -> l.startsWith("clipped")).toList(), "no name is clipped at 1024 px");
    List<String> units = List.of(finding(lines, "sorted").split("\\|"));
    List<Integer> numbers = units.stream().filter(u -> u.matches("\\d+")).map(Integer::valueOf).toList();
    assertTrue(numbers.size() > 3, units.toString());
    assertEquals(numbers.stream().sorted(java.util.Comparator.reverseOrder()).toList(), numbers, "sorted, largest first: " + units);
    int firstText = 0;
    while (firstText < units.size() && units.get(firstText).matches("\\d+")) {
      firstText++;
    }
    assertEquals(numbers.size(), firstText, "numbers before dashes: " + units);
    String shown = finding(lines, "shown");
    assertEquals(2, shown.split("\\|").length, "Kelmouth's council and fire authority: " + shown);
    for (String authority : shown.split("\\|")) {
      assertTrue(authority.toLowerCase(java.util.Locale.ROOT).contains("kelmouth"), "filtered to Kelmouth: " + shown);
    }
  }

  @Test
  void theSamplesReportScreenshotIsTakenFromAFreshRun(@TempDir Path samplesOutput) throws Exception {
    chromium();
    FoiOptions options = PipelineOptionsFactory.fromArgs("--input=../samples/docs", "--output=" + samplesOutput,
        "--reportScreenshot=true").as(FoiOptions.class);
    assertEquals(0, FoiPipeline.run(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    byte[] png = Files.readAllBytes(samplesOutput.resolve("report.png"));
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
    assertTrue(png.length > 10_000, "a blank page would be tiny: " + png.length + " bytes");
    if (Boolean.getBoolean("foiwatch.writeScreenshot")) {
      Files.write(README_SCREENSHOT, png);
    }
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
    summary.putArray("replies");
    Files.writeString(run.resolve("mentions.jsonl"), mentions);
    Files.writeString(run.resolve("summary.jsonl"), JSON.writeValueAsString(summary) + "\n");
    ObjectNode letter = JSON.createObjectNode().put("source", "/responses/letter.pdf").putNull("attachment")
        .put("media_type", "application/pdf").put("status", "parsed").putNull("error").put("ocr", "not_needed")
        .put("authority", "Ashford Borough Council").put("foi_reference", "FOI-1").putNull("response_date").put("outcome", "disclosed");
    letter.putArray("exemptions");
    Files.writeString(run.resolve("documents.jsonl"), JSON.writeValueAsString(letter) + "\n");
    Files.writeString(run.resolve("report.html"), "the report of an earlier run");

    HtmlReport.write(run.toString(), run.toString(), SourcePaths.of("relative", "/responses"));

    String html = Files.readString(run.resolve("report.html"));
    assertTrue(html.length() > 4 * 65536, "long enough to be written in several pieces: " + html.length());
    assertTrue(html.startsWith("<!DOCTYPE html>") && html.endsWith("</script></body></html>\n"));
    assertTrue(html.contains("<td>Ashford Borough Council</td><td class=\"muted word\">E07000105</td><td class=\"muted word\">Non-metropolitan district</td>"),
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
