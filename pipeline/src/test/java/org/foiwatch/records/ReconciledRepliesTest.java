package org.foiwatch.records;

import static org.foiwatch.testing.Fixtures.attachment;
import static org.foiwatch.testing.Fixtures.row;
import static org.foiwatch.testing.Fixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.foiwatch.FoiOptions;
import org.foiwatch.FoiPipeline;
import org.foiwatch.testing.Fixtures;
import org.foiwatch.testing.Fixtures.Mail;
import org.foiwatch.testing.Fixtures.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run over a generated survey folder where the same reply arrives more than once, and the
 * summary figures equal the ones reconciled by hand: each body's kit counted once.
 */
class ReconciledRepliesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SIGN_OFF = List.of("If you are dissatisfied with this response you may request an "
      + "internal review, and then complain to the Information Commissioner.", "Yours sincerely,");

  @TempDir static Path input;
  @TempDir static Path output;
  private static final Map<String, JsonNode> SUMMARY = new HashMap<>();

  @BeforeAll
  static void runPipeline() throws Exception {
    // An e-mail with its letter attached, and the letter saved on its own.
    byte[] eastmereLetter = letter("Eastmere District Council", "EDC/FOI/2024/0311", "12 March 2024",
        "Please find below the CCTV cameras the council operates.",
        table(row("Manufacturer", "Model", "Quantity"), row("Hikvision", "DS-2CD2143G0-I", "24"), row("Axis", "P3245-LVE", "6")));
    Fixtures.writeTo(input, "eastmere-response.pdf", eastmereLetter);
    Fixtures.writeTo(input, "eastmere-email.eml", Fixtures.emlWithAttachments(
        new Mail("Eastmere District Council <foi@eastmere.gov.uk>", "requester@example.org",
            "FOI EDC/FOI/2024/0311 response", "Wed, 13 Mar 2024 09:30:00 +0000", "<edc-0311@eastmere.gov.uk>"),
        "Dear Requester,\n\nOur ref: EDC/FOI/2024/0311\n\nPlease find attached our response to your request.\n\n"
            + "Kind regards,\nInformation Governance\nEastmere District Council\n",
        List.of(attachment("EDC-0311.pdf", eastmereLetter))));

    // The same file at two paths.
    byte[] westbrook = Fixtures.docx(List.of("Westbrook Borough Council", "Our ref: WBC-FOI-2024-0042", "Date: 4 April 2024",
        "Dear Requester,", "The council's public space cameras are listed below."),
        table(row("Manufacturer", "Model", "Quantity"), row("Dahua", "IPC-HFW2431S-S-S2", "10"), row("Hanwha", "XNO-6080R", "5")),
        SIGN_OFF);
    Fixtures.writeTo(input, "westbrook.docx", westbrook);
    Fixtures.writeTo(input.resolve("saved again"), "westbrook (1).docx", westbrook);

    // A spreadsheet re-sent corrected: the corrected one stands.
    Fixtures.writeTo(input, "northfield-register.xlsx", Fixtures.xlsx(List.of(new Sheet("Cameras",
        "Northfield City Council, Our ref: NCC/FOI/2291, Date: 1 February 2024", table(
            row("Manufacturer", "Model", "Quantity"), row("Hikvision", "DS-2CD2387G2-LU", "40"))))));
    Fixtures.writeTo(input, "northfield-register-v2.xlsx", Fixtures.xlsx(List.of(new Sheet("Cameras",
        "Northfield City Council, Our ref: NCC/FOI/2291, Date: 20 February 2024. Corrected figures: this replaces our "
            + "response of 1 February 2024.", table(
            row("Manufacturer", "Model", "Quantity"), row("Hikvision", "DS-2CD2387G2-LU", "14"))))));

    // An internal review that overturns a refusal.
    Fixtures.writeTo(input, "southwick-refusal.pdf", Fixtures.pdf(List.of("Southwick District Council",
        "Our ref: SDC-FOI-1187", "Date: 5 January 2024", "Dear Requester,",
        "The council holds this information. However, we have decided to withhold it in full under section 31(1)(a)."),
        List.of(), SIGN_OFF));
    Fixtures.writeTo(input, "southwick-review.pdf", letter("Southwick District Council", "SDC-FOI-1187", "20 February 2024",
        "I have now completed the internal review of our response to your request. The original decision is overturned "
            + "and the council's cameras are listed below.",
        table(row("Manufacturer", "Model", "Quantity"), row("Avigilon", "H5A", "12"))));

    // Two different requests to one body: both count, each with its reference.
    Fixtures.writeTo(input, "eastwood-cctv.pdf", letter("Eastwood Borough Council", "EBC/1001", "3 May 2024",
        "Our town centre cameras are listed below.", table(row("Manufacturer", "Model", "Quantity"), row("Hikvision", "DS-2CD2143G0-I", "8"))));
    Fixtures.writeTo(input, "eastwood-anpr.pdf", letter("Eastwood Borough Council", "EBC/1002", "9 May 2024",
        "Our car park ANPR cameras are listed below.", table(row("Manufacturer", "Model", "Quantity"), row("Hikvision", "iDS-2CD7A46G0-IZHS", "3"))));

    FoiOptions options = PipelineOptionsFactory.fromArgs("--input=" + input, "--output=" + output, "--progressSeconds=0")
        .as(FoiOptions.class);
    assertEquals(0, FoiPipeline.run(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    for (String line : Files.readAllLines(output.resolve("summary.jsonl"), StandardCharsets.UTF_8)) {
      JsonNode summary = JSON.readTree(line);
      SUMMARY.put(summary.get("authority").asText(), summary);
    }
  }

  private static byte[] letter(String authority, String reference, String date, String body, List<List<String>> table) {
    return Fixtures.pdf(List.of(authority, "Our ref: " + reference, "Date: " + date, "Dear Requester,", body), table, SIGN_OFF);
  }

  private static JsonNode summary(String authority) {
    JsonNode summary = SUMMARY.get(authority);
    assertNotNull(summary, () -> authority + " missing from " + SUMMARY.keySet());
    return summary;
  }

  /** Each vendor's counted quantity. */
  private static Map<String, Integer> vendors(JsonNode summary) {
    Map<String, Integer> vendors = new TreeMap<>();
    summary.get("vendors").forEach(v -> vendors.put(v.get("vendor").asText(), v.get("quantity").asInt()));
    return vendors;
  }

  /** The reply saved as {@code name}. */
  private static JsonNode reply(JsonNode summary, String name) {
    for (JsonNode reply : summary.get("replies")) {
      if (name(reply.get("source")).equals(name)) {
        return reply;
      }
    }
    throw new AssertionError(name + " not among " + summary.get("replies"));
  }

  private static String name(JsonNode source) {
    return Path.of(source.asText()).getFileName().toString();
  }

  @Test
  void anEmailAndItsAttachmentSavedSeparatelyCountOnce() {
    JsonNode eastmere = summary("Eastmere District Council");
    assertEquals(30, eastmere.get("total_quantity").asInt());
    assertEquals(Map.of("Axis", 6, "Hikvision", 24), vendors(eastmere));
    assertEquals(2, eastmere.get("documents").asInt());
    // The e-mail sorts first: it is counted, the letter saved on its own is its copy.
    JsonNode letter = reply(eastmere, "eastmere-response.pdf");
    assertEquals("eastmere-email.eml", name(letter.get("duplicate_of")));
    assertTrue(letter.get("reason").asText().contains("EDC/FOI/2024/0311"), letter::toString);
    assertEquals("eastmere-response.pdf", name(eastmere.get("vendors").get(0).get("set_aside").get(0)));
    assertTrue(reply(eastmere, "eastmere-email.eml").get("duplicate_of").isNull());
  }

  @Test
  void theSameFileAtTwoPathsCountsOnce() {
    JsonNode westbrook = summary("Westbrook Borough Council");
    assertEquals(15, westbrook.get("total_quantity").asInt());
    assertEquals(Map.of("Dahua", 10, "Hanwha Vision", 5), vendors(westbrook));
    JsonNode copy = reply(westbrook, "westbrook.docx");
    assertEquals("westbrook (1).docx", name(copy.get("duplicate_of")));
    assertTrue(copy.get("reason").asText().contains("same bytes"), copy::toString);
  }

  @Test
  void aCorrectedSpreadsheetReplacesTheFirst() {
    JsonNode northfield = summary("Northfield City Council");
    assertEquals(14, northfield.get("total_quantity").asInt());
    assertEquals(List.of("NCC/FOI/2291"), List.of(northfield.get("foi_references").get(0).asText()));
    JsonNode first = reply(northfield, "northfield-register.xlsx");
    assertEquals("northfield-register-v2.xlsx", name(first.get("superseded_by")));
    assertEquals(40, first.get("total_quantity").asInt());
    assertEquals("corrected", reply(northfield, "northfield-register-v2.xlsx").get("revision").asText());
  }

  @Test
  void anInternalReviewChangesTheOutcome() {
    JsonNode southwick = summary("Southwick District Council");
    assertEquals("disclosed", southwick.get("outcome").asText());
    assertEquals(12, southwick.get("total_quantity").asInt());
    JsonNode refusal = reply(southwick, "southwick-refusal.pdf");
    assertEquals("refused", refusal.get("outcome").asText());
    assertEquals("southwick-review.pdf", name(refusal.get("superseded_by")));
    assertEquals("internal_review", reply(southwick, "southwick-review.pdf").get("revision").asText());
  }

  @Test
  void twoRequestsToOneBodyAreCountedSideBySide() {
    JsonNode eastwood = summary("Eastwood Borough Council");
    assertEquals(11, eastwood.get("total_quantity").asInt());
    assertEquals("[\"EBC/1001\",\"EBC/1002\"]", eastwood.get("foi_references").toString());
    eastwood.get("replies").forEach(reply -> {
      assertTrue(reply.get("duplicate_of").isNull() && reply.get("superseded_by").isNull(), reply::toString);
      assertTrue(reply.get("reason").asText().startsWith("counted: the only reply to EBC/100"), reply::toString);
    });
  }

  @Test
  void theReportListsTheRepliesSetAsideUnderTheirAuthority() throws Exception {
    String report = Files.readString(output.resolve("report.html"), StandardCharsets.UTF_8);
    String setAside = report.substring(report.indexOf("<table id=\"set-aside\">"), report.indexOf("</table>", report.indexOf("id=\"set-aside\"")));
    assertEquals(4, setAside.split("<tr><td>").length - 1, setAside);
    assertTrue(setAside.contains("<td>Southwick District Council</td>"), setAside);
    assertTrue(setAside.contains(">southwick-refusal.pdf</a></td><td>superseded</td>"), setAside);
    assertTrue(setAside.contains(">westbrook.docx</a></td><td>duplicate</td>"), setAside);
  }
}
