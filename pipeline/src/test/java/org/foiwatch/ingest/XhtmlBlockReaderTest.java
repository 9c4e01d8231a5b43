package org.foiwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XhtmlBlockReaderTest {

  private final XhtmlBlockReader reader = new XhtmlBlockReader(Integer.MAX_VALUE);

  private static String body(String inner) {
    return "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head><body>" + inner + "</body></html>";
  }

  private static List<String> texts(XhtmlBlockReader.Result result) {
    return result.blocks().stream().map(Block::text).toList();
  }

  @Test
  void normaliseMakesEachRunOfBlanksOneSpaceAndDropsBlankLines() {
    String raw = "  Axis\t\tP3245-LVE \u000B\f 12 \r\n\n \u00a0\t\nDome  cameras\u2003 ";
    assertEquals("Axis P3245-LVE 12\nDome cameras", XhtmlBlockReader.normalise(raw));
    assertEquals("a b\u2003\u2003c", XhtmlBlockReader.normalise("a\t \fb\u2003\u2003c"));
  }

  @Test
  void pageDivsNumberThePagesAndTheirBlocks() {
    XhtmlBlockReader.Result result = reader.read(body(
        "<div class=\"page\"><p>Dear Mr Example,</p></div><div class=\"page\"><p>Yours sincerely,</p></div>"));

    assertEquals(2, result.pages());
    assertEquals(List.of(1, 2), result.blocks().stream().map(Block::page).toList());
  }

  @Test
  void xlsxSheetDivsCountAsPages() {
    XhtmlBlockReader.Result result = reader.read(body(
        "<div class=\"sheet\"><h1>Summary</h1><table><tr><td>Axis</td></tr></table></div>"
            + "<div class=\"sheet\"><h1>Register</h1><table><tr><td>Bosch</td></tr></table></div>"));

    assertEquals(2, result.pages());
    Block bosch = result.blocks().get(result.blocks().size() - 1);
    assertEquals(2, bosch.page());
    assertEquals("Register", bosch.sheet());
  }

  @Test
  void cellsMergedOverRowsAndColumnsKeepTheCellsAfterThemInTheirColumns() {
    XhtmlBlockReader.Result result = reader.read(body("<table>"
        + "<tr><td rowspan=\"3\">Depot</td><td>Dahua</td><td rowspan=\"2\">NVR</td><td>4</td></tr>"
        + "<tr><td>Bosch</td><td>9</td></tr>"
        + "<tr><td>Avigilon</td><td>Camera</td><td>11</td></tr>"
        + "<tr><td colspan=\"3\">Total</td><td>24</td></tr>"
        + "<tr><td rowspan=\"0\" colspan=\"99999\">x</td></tr></table>"));

    assertEquals(List.of(List.of("Depot", "Dahua", "NVR", "4"), List.of("", "Bosch", "", "9"),
        List.of("", "Avigilon", "Camera", "11"), List.of("Total", "", "", "24")),
        result.blocks().subList(0, 4).stream().map(Block::cells).toList());
    // A span of 0 or beyond reason is read as a bounded one.
    assertEquals(64, result.blocks().get(4).cells().size());
  }

  @Test
  void documentWithoutPageDivsIsOnePage() {
    assertEquals(1, reader.read(body("<p>Hello</p>")).pages());
    assertEquals(0, reader.read(body("")).pages());
  }

  @Test
  void blankLinesSplitPlainTextIntoParagraphs() {
    XhtmlBlockReader.Result result = reader.read(body(
        "<p>Dear Ms Example,\n\nThank you for your request\nreceived on 3 March.\n \nYours sincerely</p>"));

    assertEquals(List.of("Dear Ms Example,", "Thank you for your request\nreceived on 3 March.", "Yours sincerely"),
        texts(result));
  }

  @Test
  void tableRowsWrittenOneParagraphEachBecomeOneTableAndOtherLinesStayParagraphs() {
    XhtmlBlockReader.Result result = reader.read(body(
        "<p>Our kit:</p><p>| Brand | Part no | Qty |</p><p>|---|---|---:|</p><p>| Pelco | IBE238 | 31 |</p>"
            + "<p>| Mobotix | M16B | 2 |</p><p>Tel: 01234 567890  Fax: 01234 567891</p><p>Yours sincerely</p>"));
    assertEquals(List.of("Our kit:", "Brand\tPart no\tQty", "Pelco\tIBE238\t31", "Mobotix\tM16B\t2",
        "Tel: 01234 567890 Fax: 01234 567891", "Yours sincerely"), texts(result));
    assertTrue(result.blocks().get(1).isRow() && !result.blocks().get(5).isRow());
  }

  @Test
  void blockElementsAreSeparateParagraphsAndSpacesCollapse() {
    XhtmlBlockReader.Result result = reader.read(body("<p>One   two</p><div>Three</div><li>Four</li>"));

    assertEquals(List.of("One two", "Three", "Four"), texts(result));
    assertTrue(result.blocks().stream().noneMatch(Block::isRow));
  }

  @Test
  void tablesBecomeNumberedRowsOfCellsAndEmptyRowsAreDropped() {
    XhtmlBlockReader.Result result = reader.read(body(
        "<p>Intro</p><table><tr><th>Make</th><th>Model</th></tr><tr><td>Axis</td><td>P3245-LVE</td></tr>"
            + "<tr><td> </td><td></td></tr></table>"
            + "<table><tr><td>Bosch</td><td>NDE-5503-AL</td></tr></table>"));

    List<Block> rows = result.blocks().stream().filter(Block::isRow).toList();
    assertEquals(List.of(List.of("Make", "Model"), List.of("Axis", "P3245-LVE"), List.of("Bosch", "NDE-5503-AL")),
        rows.stream().map(Block::cells).toList());
    assertEquals(List.of(0, 0, 1), rows.stream().map(Block::table).toList());
    assertEquals("Intro", result.blocks().get(0).text());
  }

  @Test
  void paragraphsInsideACellStayInThatCell() {
    XhtmlBlockReader.Result result = reader.read(body(
        "<table><tr><td><p>Car park</p><p>Level 2</p></td><td>4</td></tr></table>"));

    assertEquals(List.of(List.of("Car park\nLevel 2", "4")), result.blocks().stream().map(Block::cells).toList());
  }

  @Test
  void headingBeforeATableNamesItsSheet() {
    XhtmlBlockReader.Result result = reader.read(body(
        "<div class=\"page\"><h1>Cameras</h1><table><tr><td>Axis</td></tr></table></div>"
            + "<div class=\"page\"><table><tr><td>Bosch</td></tr></table></div>"));

    List<Block> rows = result.blocks().stream().filter(Block::isRow).toList();
    assertEquals("Cameras", rows.get(0).sheet());
    // A new page forgets the previous heading: an untitled sheet has no name.
    assertEquals(null, rows.get(1).sheet());
  }

  @Test
  void blockquoteTextIsQuoted() {
    XhtmlBlockReader.Result result = reader.read(body(
        "<p>We do not hold this information.</p><blockquote><p>Do you use Hikvision cameras?</p></blockquote><p>Regards</p>"));

    assertEquals(List.of(false, true, false), result.blocks().stream().map(Block::quoted).toList());
    assertEquals("Do you use Hikvision cameras?", result.blocks().get(1).text());
  }

  @Test
  void plainTextReplyLinesAreQuotedWithoutTheirMarkers() {
    XhtmlBlockReader.Result result = reader.read(body(
        "<p>Please find our answer below.\n\nOn 1 March, J Bloggs wrote:\n> How many Dahua cameras\n> do you have?\n>\n> > earlier text\nThanks</p>"));

    assertEquals(List.of("Please find our answer below.", "On 1 March, J Bloggs wrote:",
        "How many Dahua cameras\ndo you have?", "earlier text", "Thanks"), texts(result));
    assertEquals(List.of(false, false, true, true, false), result.blocks().stream().map(Block::quoted).toList());
  }

  @Test
  void scriptStyleAndHeadAreSkipped() {
    XhtmlBlockReader.Result result = reader.read(
        "<html><head><title>Hidden</title><style>p{}</style></head><body><script>var x;</script><p>Shown</p></body></html>");

    assertEquals(List.of("Shown"), texts(result));
  }

  @Test
  void doctypeIsRefusedAndNoEntityIsResolved(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE html [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
        + "<html><body><p>&xxe;</p></body></html>";

    XhtmlBlockReader.Result result = reader.read(xxe);

    assertTrue(result.blocks().stream().noneMatch(b -> b.text().contains("TOP-SECRET")));
    assertTrue(result.blocks().isEmpty());
  }

  @Test
  void truncatedXhtmlKeepsTheTextReadSoFar() {
    XhtmlBlockReader.Result result = reader.read(body("<p>Complete</p>").replace("</body></html>", "<p>Cut off mid"));

    assertEquals("Complete", result.blocks().get(0).text());
    assertFalse(result.blocks().isEmpty());
  }
}
