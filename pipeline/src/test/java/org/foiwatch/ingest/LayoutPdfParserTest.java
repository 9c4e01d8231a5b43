package org.foiwatch.ingest;

import static org.foiwatch.testing.Fixtures.row;
import static org.foiwatch.testing.Fixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.foiwatch.testing.Fixtures;
import org.foiwatch.testing.Fixtures.Placed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PDF tables read from the positions of their words, through the real parser in its own JVM. */
class LayoutPdfParserTest {

  private static final List<String> INTRO = List.of("Thank you for your request of 3 May 2025.",
      "The Trust holds the following body-worn and fixed cameras:");
  private static final List<String> CLOSING = List.of("Yours sincerely,", "Records Manager");

  private static TikaDocumentParser parser;

  @BeforeAll
  static void startParser() {
    parser = new TikaDocumentParser(ParserLimits.defaults());
  }

  @AfterAll
  static void stopParser() {
    parser.close();
  }

  private static ParsedDocument parse(byte[] pdf) {
    List<ParsedDocument> documents = parser.parse("/in/reply.pdf", pdf);
    assertEquals(1, documents.size());
    assertEquals(DocumentStatus.PARSED, documents.get(0).status(), documents.get(0)::error);
    return documents.get(0);
  }

  private static List<List<String>> rows(ParsedDocument document) {
    return document.blocks().stream().filter(Block::isRow).map(Block::cells).toList();
  }

  /** The rows with each cell's lines joined by {@code separator}. */
  private static List<List<String>> rows(ParsedDocument document, String separator) {
    return rows(document).stream().map(row -> row.stream().map(c -> c.replace("\n", separator)).toList()).toList();
  }

  private static String paragraphs(ParsedDocument document) {
    return document.blocks().stream().filter(b -> !b.isRow()).map(Block::text).collect(Collectors.joining("\n"));
  }

  private static final List<List<String>> KIT = table(
      row("Location", "Make", "Model", "Units"),
      row("Emergency Department", "Motorola Solutions", "VB400", "38"),
      row("Car parks", "Zhejiang Dahua Technology Co., Ltd.", "IPC-HFW2431S-S-S2", "1,204"),
      row("Pharmacy", "Avigilon", "H5A-BO-IR", "6"));

  @Test
  void aRuledTableWithANarrowColumnArrivesAsRowsWithWholeCells() {
    ParsedDocument pdf = parse(Fixtures.pdfWrappedTable(INTRO, KIT, new float[] {70, 80, 120, 50}, true, CLOSING));

    assertEquals(KIT, rows(pdf, " "));
    assertTrue(rows(pdf).get(2).get(1).startsWith("Zhejiang\n"), "a cell keeps its lines: " + rows(pdf));
    String text = paragraphs(pdf);
    assertTrue(text.contains(INTRO.get(1)) && text.contains("Records Manager"), text);
    assertTrue(!text.contains("VB400"), text);
  }

  @Test
  void aTableSpacedAsTextLinesJoinsTheLinesOfItsWrappedCells() {
    // Both the first column and the make column wrap; rows are as far apart as lines.
    ParsedDocument pdf = parse(Fixtures.pdfWrappedTable(INTRO, KIT, new float[] {74, 104, 130, 50}, false, CLOSING));

    assertEquals(KIT, rows(pdf, " "));
  }

  @Test
  void aCodeCutInANarrowCellArrivesAsItsLines() {
    ParsedDocument pdf = parse(Fixtures.pdfWrappedTable(INTRO, KIT, new float[] {130, 200, 62, 50}, true, CLOSING));

    assertEquals(KIT, rows(pdf, ""));
    assertTrue(rows(pdf).get(2).get(2).contains("\n"), () -> rows(pdf).toString());
  }

  @Test
  void aTableOfOneLinePerRowArrivesAsRows() {
    List<List<String>> kit = table(row("Manufacturer", "Model", "Quantity"), row("Hanwha Vision", "XNV-8080R", "17"),
        row("Genetec", "Security Center", "1"), row("Axis", "M3106-L Mk II", "230"));

    ParsedDocument pdf = parse(Fixtures.pdf(INTRO, kit, CLOSING));

    assertEquals(kit, rows(pdf));
  }

  @Test
  void aLetterheadSetApartAboveAReferenceBlockIsNoPartOfItsTable() {
    ParsedDocument pdf = parse(Fixtures.pdfPlaced(List.of(
        new Placed(56, 60, "Harwood District Council"), new Placed(380, 60, "Town Hall, Market Street"),
        new Placed(380, 74, "Harwood"), new Placed(380, 88, "HW1 4AB"),
        new Placed(120, 150, "Our ref:"), new Placed(230, 150, "HDC/FOI/25/77"),
        new Placed(120, 164, "Date:"), new Placed(230, 164, "4 March 2025"),
        new Placed(120, 178, "Contact:"), new Placed(230, 178, "J. Smith"))));

    assertEquals(table(row("Our ref:", "HDC/FOI/25/77"), row("Date:", "4 March 2025"), row("Contact:", "J. Smith")),
        rows(pdf));
    assertTrue(paragraphs(pdf).contains("HW1 4AB"), paragraphs(pdf));
  }

  @Test
  void aTotalRowFillingBothEndsIsARowOfItsOwn() {
    List<List<String>> kit = table(row("Make", "Model", "Site", "Qty"), row("Axis", "M3106-L", "", "4"),
        row("Bosch", "NDI-4502-A", "Depot", "9"), row("Total", "", "", "13"));

    assertEquals(kit, rows(parse(Fixtures.pdf(INTRO, kit, CLOSING))));
  }

  @Test
  void proseAndListsStayParagraphs() {
    List<String> letter = List.of(INTRO.get(0),
        "We hold 12 cameras made by Bosch and 4 made by Axis. They were installed in 2019 and 2021 by our contractor,",
        "- 3 x Hanwha XNO-6120R", "- 14 x Hikvision DS-2CD2143G2-I", "Yours sincerely,");

    ParsedDocument pdf = parse(Fixtures.pdf(letter, null));

    assertTrue(rows(pdf).isEmpty(), () -> rows(pdf).toString());
    assertTrue(paragraphs(pdf).contains("- 14 x Hikvision DS-2CD2143G2-I"), paragraphs(pdf));
  }
}
