package org.foiwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.foiwatch.extract.DocumentExtractor;
import org.foiwatch.extract.EquipmentMention;
import org.foiwatch.ingest.OcrSettings;
import org.foiwatch.ingest.ParsedDocument;
import org.foiwatch.ingest.ParserLimits;
import org.foiwatch.ingest.TikaDocumentParser;
import org.foiwatch.normalise.VendorCatalogue;
import org.foiwatch.records.EquipmentAggregator;
import org.foiwatch.testing.Fixtures;
import org.foiwatch.testing.Tesseract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One table of equipment facts, written in every layout a reply comes in (prose, list styles,
 * text tables of each kind, spreadsheets, Word, HTML, e-mail, PDF, an image-only scan) and read
 * back through the real parser and extractor: every rendering must give the same vendor, model
 * and count (the scan: the same models, at a model F1 of 0.9 at least).
 */
class LayoutMetamorphicTest {

  private record Fact(String vendor, String writtenVendor, String model, int count) {}

  private static final List<Fact> FACTS = List.of(
      new Fact("Hikvision", "Hangzhou Hikvision Digital Technology Co., Ltd.", "DS-2CD2386G2-IU", 2000),
      new Fact("Hanwha Vision", "Hanwha Vision", "XNO-6120R", 340),
      new Fact("Bosch", "Bosch Security Systems", "NDE-3503-AL", 7),
      new Fact("Vivotek", "Vivotek", "IB9389-EH", 12),
      new Fact("Axis", "Axis Communications AB", "P1465-LE", 1),
      new Fact("Uniview", "Uniview", "IPC2122LB-SF28-A", 56));

  private static final String INTRO = "Thank you for your request. The Council holds the information.";
  private static final String CLOSING = "If you are unhappy with this response you may ask for an internal review.";

  private static TikaDocumentParser parser;
  private static DocumentExtractor extractor;
  private static EquipmentAggregator aggregator;

  @BeforeAll
  static void setUp() {
    parser = new TikaDocumentParser(ParserLimits.defaults().withIsolation(false));
    extractor = new DocumentExtractor();
    aggregator = new EquipmentAggregator(VendorCatalogue.standard());
  }

  @AfterAll
  static void tearDown() {
    parser.close();
  }

  private static String count(int n) {
    return String.format("%,d", n);
  }

  private static List<List<String>> table(String countHeader) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("Site", "Manufacturer", "Model", countHeader));
    for (int i = 0; i < FACTS.size(); i++) {
      Fact f = FACTS.get(i);
      rows.add(List.of("Site " + (char) ('A' + i), f.writtenVendor(), f.model(), count(f.count())));
    }
    return rows;
  }

  /** The table's columns in the order of {@code columns}. */
  private static List<List<String>> reordered(List<List<String>> table, int... columns) {
    return table.stream().map(row -> java.util.Arrays.stream(columns).mapToObj(row::get).toList()).toList();
  }

  private static String lines(Function<Fact, String> line) {
    return String.join("\n", FACTS.stream().map(line).toList());
  }

  private static String textTable(String separator, boolean outer, String rule) {
    StringBuilder out = new StringBuilder();
    List<List<String>> rows = table("Qty");
    for (int r = 0; r < rows.size(); r++) {
      String joined = String.join(separator, rows.get(r));
      out.append(outer ? "| " + joined + " |" : joined).append('\n');
      if (r == 0 && rule != null) {
        out.append(rule).append('\n');
      }
    }
    return out.toString();
  }

  /** Columns padded to a fixed width, a long manufacturer wrapped within its column over several lines. */
  private static String fixedWidth() {
    StringBuilder out = new StringBuilder(String.format("%-10s%-24s%-20s%8s%n", "Site", "Manufacturer", "Model", "Number"));
    for (int i = 0; i < FACTS.size(); i++) {
      Fact f = FACTS.get(i);
      List<String> pieces = Fixtures.wrap(f.writtenVendor(), 20);
      out.append(String.format("%-10s%-24s%-20s%8s%n", "Site " + (char) ('A' + i), pieces.get(0), f.model(), count(f.count())));
      pieces.subList(1, pieces.size()).forEach(piece -> out.append(String.format("%-10s%-24s%n", "", piece)));
    }
    return out.toString();
  }

  /** An HTML table whose site cells are merged over two rows each, under a total row merged over three columns. */
  private static byte[] mergedCellsHtml() {
    StringBuilder html = new StringBuilder("<html><body><p>" + INTRO + "</p><table border=\"1\">"
        + "<tr><th>Site</th><th>Manufacturer</th><th>Model</th><th>Quantity</th></tr>");
    for (int i = 0; i < FACTS.size(); i++) {
      Fact f = FACTS.get(i);
      html.append("<tr>").append(i % 2 == 0 ? "<td rowspan=\"2\">Site " + (char) ('A' + i / 2) + "</td>" : "")
          .append("<td>").append(f.writtenVendor()).append("</td><td>").append(f.model()).append("</td><td>")
          .append(count(f.count())).append("</td></tr>");
    }
    html.append("<tr><td colspan=\"3\">Total</td><td>").append(count(FACTS.stream().mapToInt(Fact::count).sum()))
        .append("</td></tr></table><p>").append(CLOSING).append("</p></body></html>");
    return html.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] text(String body) {
    return (INTRO + "\n\n" + body + "\n\n" + CLOSING + "\n").getBytes(StandardCharsets.UTF_8);
  }

  static Stream<Arguments> renderings() {
    return Stream.of(
        Arguments.of("prose.txt", text(String.join(" ", FACTS.stream()
            .map(f -> "The Council operates " + count(f.count()) + " " + f.writtenVendor() + " " + f.model() + " cameras.").toList()))),
        // Hard-wrapped sentences: each count ends one line and its maker opens the next.
        Arguments.of("hard-wrapped.txt", text(lines(f -> "The Council operates " + count(f.count()) + "\n"
            + f.writtenVendor() + " " + f.model() + " cameras."))),
        Arguments.of("dashes.txt", text(lines(f -> "- " + count(f.count()) + " x " + f.writtenVendor() + " " + f.model()))),
        Arguments.of("numbered.txt", text(lines(f -> (FACTS.indexOf(f) + 1) + ". " + f.writtenVendor() + " " + f.model() + " – " + count(f.count())))),
        Arguments.of("bullets.txt", text(lines(f -> "• " + f.writtenVendor() + " " + f.model() + " (" + count(f.count()) + " no.)"))),
        Arguments.of("semicolons.txt", text("Breakdown: " + String.join("; ", FACTS.stream()
            .map(f -> f.writtenVendor() + " (" + f.model() + ") – " + count(f.count())).toList()) + ".")),
        Arguments.of("pipes.txt", text("+------+\n" + textTable(" | ", true, "+======+") + "+------+")),
        Arguments.of("markdown.txt", text(textTable(" | ", true, "|:---|:---|:---|---:|"))),
        Arguments.of("tabs.txt", text(textTable("\t", false, null))),
        Arguments.of("fixed-width.txt", text(fixedWidth())),
        Arguments.of("register.csv", Fixtures.csv(withTitleRows(table("Quantity")))),
        Arguments.of("register.xlsx", Fixtures.xlsx(List.of(new Fixtures.Sheet("Cameras", "CCTV equipment by site", table("No. of units"))))),
        Arguments.of("letter.docx", Fixtures.docx(List.of(INTRO), table("How many"), List.of(CLOSING))),
        Arguments.of("letter.odt", Fixtures.odt(List.of(INTRO), table("Units"))),
        Arguments.of("letter.rtf", Fixtures.rtf(List.of(INTRO), table("Qty"))),
        Arguments.of("page.html", Fixtures.html("Disclosure", List.of(INTRO), table("Number installed"))),
        Arguments.of("merged-cells.html", mergedCellsHtml()),
        Arguments.of("reply.eml", Fixtures.emlHtml(new Fixtures.Mail("foi@example.gov.uk", "someone@example.org",
            "Your request", "Mon, 4 Mar 2024 10:00:00 +0000", "<m1@example.gov.uk>"), List.of(INTRO), table("Cameras"))),
        Arguments.of("letter.pdf", Fixtures.pdf(List.of(INTRO), table("Qty"), List.of(CLOSING))),
        // A narrow manufacturer column: each maker's name wraps over two to four lines of its cell.
        Arguments.of("ruled-wrapped.pdf", Fixtures.pdfWrappedTable(List.of(INTRO), table("Number in use"),
            new float[] {60, 96, 130, 80}, true, List.of(CLOSING))),
        Arguments.of("stream-wrapped.pdf", Fixtures.pdfWrappedTable(List.of(INTRO), table("Quantity"),
            new float[] {56, 110, 140, 70}, false, List.of(CLOSING))),
        // The same as Word exports it, tagged: cells are marked content under Table / TR / TD.
        Arguments.of("tagged-wrapped.pdf", Fixtures.pdfWrappedTable(List.of(INTRO), table("Units"),
            new float[] {60, 96, 130, 80}, true, true, List.of(CLOSING))),
        // Codes wider than their cell, cut between characters over two or three lines.
        Arguments.of("narrow-model.pdf", Fixtures.pdfWrappedTable(List.of(INTRO), table("Total"),
            new float[] {60, 150, 58, 60}, true, List.of(CLOSING))),
        // The count first, the site last, the maker wrapped.
        Arguments.of("count-first.pdf", Fixtures.pdfWrappedTable(List.of(INTRO), reordered(table("No."), 3, 1, 2, 0),
            new float[] {50, 90, 130, 70}, true, List.of(CLOSING))));
  }

  private static List<List<String>> withTitleRows(List<List<String>> table) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("Example Council: CCTV cameras in service"));
    rows.add(List.of("FOI reference 1234"));
    rows.addAll(table);
    return rows;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void everyLayoutGivesTheSameEquipment(String name, byte[] bytes) {
    assertEquals(expected(), read(parser, name, bytes), name);
  }

  /** An image-only scan of the table: OCR may misread a code, so the bar is model F1 of 0.9. */
  @Test
  void aScanOfTheTableGivesItsModels() {
    Tesseract.assumeAvailable();
    List<String> lines = new ArrayList<>(List.of(INTRO, ""));
    table("Qty").forEach(row -> lines.add(String.join("    ", row)));
    try (TikaDocumentParser ocr = new TikaDocumentParser(ParserLimits.defaults().withIsolation(false),
        new OcrSettings(OcrSettings.Mode.AUTO, ""))) {
      // Model F1 as score.py counts it: items without a model (a vendor alone) are no model read.
      Set<String> read = new java.util.TreeSet<>(read(ocr, "scan.pdf", Fixtures.scannedPdf(List.of(lines))).keySet());
      read.removeIf(key -> key.endsWith(" null"));
      Set<String> truth = expected().keySet();
      long hits = read.stream().filter(truth::contains).count();
      double f1 = read.isEmpty() ? 0 : 2.0 * hits / (read.size() + truth.size());
      assertTrue(f1 >= 0.9, "model F1 " + f1 + ": " + read);
    }
  }

  private static Map<String, Integer> expected() {
    Map<String, Integer> expected = new TreeMap<>();
    FACTS.forEach(f -> expected.put(f.vendor() + " " + f.model(), f.count()));
    return expected;
  }

  /** "vendor model" to count, as the records of the file would give them. */
  private static Map<String, Integer> read(TikaDocumentParser parser, String name, byte[] bytes) {
    List<EquipmentAggregator.Found> found = new ArrayList<>();
    for (ParsedDocument document : parser.parse("file:/replies/" + name, bytes)) {
      for (EquipmentMention mention : extractor.extract(document).mentions()) {
        found.add(new EquipmentAggregator.Found(document.documentId(), mention));
      }
    }
    Map<String, Integer> read = new TreeMap<>();
    for (EquipmentAggregator.Item item : aggregator.aggregate(found)) {
      read.put(item.vendor() + " " + item.model(), item.quantity());
    }
    return read;
  }
}
