package org.foiwatch.ingest;

import static org.foiwatch.testing.Fixtures.attachment;
import static org.foiwatch.testing.Fixtures.row;
import static org.foiwatch.testing.Fixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.foiwatch.digest.Sha256;
import org.foiwatch.testing.Fixtures;
import org.foiwatch.testing.Fixtures.Mail;
import org.foiwatch.testing.Fixtures.Sheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every fixture format through the real Tika parser, asserting what actually arrives. */
class TikaDocumentParserTest {

  private static final List<String> LETTER = List.of(
      "Freedom of Information Request – Reference FOI-2024-0412",
      "Thank you for your request received on 4 March 2024.",
      "The Council holds the following CCTV equipment:");
  private static final List<List<String>> EQUIPMENT = table(
      row("Manufacturer", "Model", "Quantity"),
      row("Hikvision", "DS-2CD2143G0-I", "12"),
      row("Axis", "P3245-LVE", "4"));
  private static final Mail MAIL = new Mail("Information Governance <foi@barsetshire.gov.uk>",
      "a.requester@example.org", "FOI-2024-0412 response", "Tue, 12 Mar 2024 10:15:00 +0000",
      "<foi-2024-0412@barsetshire.gov.uk>");

  private static TikaDocumentParser parser;

  @BeforeAll
  static void startParser() {
    parser = new TikaDocumentParser(ParserLimits.defaults());
  }

  @AfterAll
  static void stopParser() {
    parser.close();
  }

  private static ParsedDocument parseSingle(String name, byte[] bytes) {
    List<ParsedDocument> documents = parser.parse("/in/" + name, bytes);
    assertEquals(1, documents.size(), () -> "documents: " + documents);
    ParsedDocument document = documents.get(0);
    assertEquals(DocumentStatus.PARSED, document.status(), document::error);
    assertNull(document.attachment());
    assertEquals(0, document.depth());
    assertNull(document.parentId());
    return document;
  }

  private static String text(ParsedDocument document) {
    return document.blocks().stream().map(Block::text).collect(Collectors.joining("\n"));
  }

  private static List<List<String>> rows(ParsedDocument document) {
    return document.blocks().stream().filter(Block::isRow).map(Block::cells).toList();
  }

  private static void assertLetterText(ParsedDocument document) {
    String text = text(document);
    for (String paragraph : LETTER) {
      assertTrue(text.contains(paragraph), () -> "missing '" + paragraph + "' in:\n" + text);
    }
  }

  private static ParsedDocument byAttachment(List<ParsedDocument> documents, String attachment) {
    return documents.stream().filter(d -> attachment.equals(d.attachment())).findFirst()
        .orElseThrow(() -> new AssertionError("no attachment " + attachment + " in "
            + documents.stream().map(ParsedDocument::attachment).toList()));
  }

  // ---------------------------------------------------------------- documents

  @Test
  void pdfPagesAreCountedAndTheTableArrivesAsRowsFromItsWordPositions() {
    List<String> paragraphs = new ArrayList<>(LETTER);
    paragraphs.add(Fixtures.PAGE_BREAK);
    paragraphs.add("Continued on the second page.");
    ParsedDocument pdf = parseSingle("response.pdf", Fixtures.pdf(paragraphs, EQUIPMENT));

    assertEquals("application/pdf", pdf.mediaType());
    assertEquals(2, pdf.pages());
    assertLetterText(pdf);
    assertEquals(2, pdf.blocks().stream().filter(b -> b.text().contains("second page")).findFirst().orElseThrow().page());
    // A PDF has no table structure; its columns come from the gaps between words (LayoutPdfParser).
    assertEquals(EQUIPMENT, rows(pdf));
  }

  @Test
  void longPdfLetterFlowsOntoSeveralPages() {
    List<String> paragraphs = new ArrayList<>();
    for (int i = 1; i <= 60; i++) {
      paragraphs.add("Paragraph " + i + " of a long response letter about closed circuit television cameras.");
    }
    ParsedDocument pdf = parseSingle("long.pdf", Fixtures.pdf(paragraphs, null));

    assertTrue(pdf.pages() >= 3, () -> "pages " + pdf.pages());
    assertTrue(text(pdf).contains("Paragraph 60 of"));
  }

  @Test
  void docxTableArrivesAsRowsOfCells() {
    ParsedDocument docx = parseSingle("response.docx", Fixtures.docx(LETTER, EQUIPMENT));

    assertLetterText(docx);
    assertEquals(EQUIPMENT, rows(docx));
    assertEquals(1, docx.pages());
  }

  @Test
  void xlsxSheetsArriveAsPagesWithTheirNamesAndTitleRow() {
    ParsedDocument xlsx = parseSingle("response.xlsx", Fixtures.xlsx(List.of(
        new Sheet("Summary", "CCTV cameras by manufacturer", EQUIPMENT),
        new Sheet("Sites", null, table(row("Site", "Cameras"), row("Town Hall", "7"))))));

    assertEquals(2, xlsx.pages());
    List<Block> summary = xlsx.blocks().stream().filter(b -> "Summary".equals(b.sheet())).toList();
    // The title row comes through as the first row of the sheet's table.
    assertEquals(List.of("CCTV cameras by manufacturer"), summary.get(0).cells());
    assertEquals(EQUIPMENT, summary.subList(1, summary.size()).stream().map(Block::cells).toList());
    assertTrue(summary.stream().allMatch(b -> b.page() == 1 && b.table() == 0));
    List<Block> sites = xlsx.blocks().stream().filter(b -> "Sites".equals(b.sheet())).toList();
    assertEquals(List.of(List.of("Site", "Cameras"), List.of("Town Hall", "7")), sites.stream().map(Block::cells).toList());
    assertTrue(sites.stream().allMatch(b -> b.page() == 2 && b.table() == 1));
  }

  @Test
  void xlsSheetsArriveAsPagesWithTheirNames() {
    ParsedDocument xls = parseSingle("response.xls", Fixtures.xls(List.of(
        new Sheet("Cameras 2024", null, EQUIPMENT), new Sheet("Recorders", null, table(row("Dahua", "NVR5216-16P-I", "2"))))));

    assertEquals("application/vnd.ms-excel", xls.mediaType());
    assertEquals(2, xls.pages());
    assertEquals(EQUIPMENT, xls.blocks().stream().filter(b -> "Cameras 2024".equals(b.sheet())).map(Block::cells).toList());
    Block recorder = xls.blocks().stream().filter(b -> "Recorders".equals(b.sheet())).findFirst().orElseThrow();
    assertEquals(List.of("Dahua", "NVR5216-16P-I", "2"), recorder.cells());
    assertEquals(2, recorder.page());
  }

  @Test
  void odtTableArrivesAsRowsOfCells() {
    ParsedDocument odt = parseSingle("response.odt", Fixtures.odt(LETTER, EQUIPMENT));

    assertEquals("application/vnd.oasis.opendocument.text", odt.mediaType());
    assertLetterText(odt);
    assertEquals(EQUIPMENT, rows(odt));
  }

  @Test
  void rtfTextArrivesButItsTableCellsBecomeParagraphs() {
    ParsedDocument rtf = parseSingle("response.rtf", Fixtures.rtf(LETTER, EQUIPMENT));

    assertEquals("application/rtf", rtf.mediaType());
    assertLetterText(rtf);
    // Tika's RTF parser writes no table markup: each cell is a paragraph, in reading order.
    List<String> paragraphs = rtf.blocks().stream().map(Block::text).toList();
    int make = paragraphs.indexOf("Hikvision");
    assertEquals(List.of("Hikvision", "DS-2CD2143G0-I", "12"), paragraphs.subList(make, make + 3));
    assertTrue(rows(rtf).isEmpty());
  }

  @Test
  void csvArrivesAsRowsOfCells() {
    ParsedDocument csv = parseSingle("response.csv", Fixtures.csv(EQUIPMENT));

    // Detected from content as plain text (Tika's CSV table output is not used); the .csv name
    // makes ingest split its lines into cells.
    assertEquals("text/plain", csv.mediaType());
    assertEquals(EQUIPMENT, rows(csv));
  }

  @Test
  void semicolonCsvWithQuotedCellsArrivesAsRows() {
    byte[] csv = "Make;Model;Qty\n\"Hikvision; Hangzhou\";DS-2CD2143G0-I;12\n".getBytes(StandardCharsets.UTF_8);
    ParsedDocument document = parseSingle("response.csv", csv);
    assertEquals(List.of(List.of("Make", "Model", "Qty"), List.of("Hikvision; Hangzhou", "DS-2CD2143G0-I", "12")),
        rows(document));
  }

  @Test
  void textNamedCsvButHoldingAPdfIsReadAsThePdf() {
    ParsedDocument misnamed = parseSingle("response.csv", Fixtures.pdf(LETTER, EQUIPMENT));
    assertEquals("application/pdf", misnamed.mediaType());
    assertEquals(EQUIPMENT, rows(misnamed));
  }

  @Test
  void txtParagraphsSplitOnBlankLines() {
    ParsedDocument txt = parseSingle("response.txt", Fixtures.txt(LETTER));

    assertEquals("text/plain", txt.mediaType());
    assertEquals(LETTER, txt.blocks().stream().map(Block::text).toList());
  }

  @Test
  void htmlTableArrivesAsRowsOfCells() {
    ParsedDocument html = parseSingle("response.html", Fixtures.html("FOI response", LETTER, EQUIPMENT));

    assertEquals("text/html", html.mediaType());
    assertEquals("FOI response", html.metadata().get("title"));
    assertLetterText(html);
    assertEquals(EQUIPMENT, rows(html));
  }

  // ---------------------------------------------------------------- e-mail

  @Test
  void plainEmailBodyAndHeadersArrive() {
    ParsedDocument eml = parseSingle("response.eml", Fixtures.emlPlain(MAIL, String.join("\n\n", LETTER)));

    assertEquals("message/rfc822", eml.mediaType());
    assertEquals(LETTER, eml.blocks().stream().map(Block::text).toList());
    assertEquals("FOI-2024-0412 response", eml.metadata().get("title"));
    assertEquals("foi@barsetshire.gov.uk", eml.metadata().get("from_email"));
  }

  @Test
  void quotedPrintableBodyIsDecoded() {
    String body = "Our reference FOI-2024-0412 – we hold twelve (12) Hikvision DS-2CD2143G0-I cameras across "
        + "the civic centre, the depot and the multi-storey car park on Station Road.";
    byte[] raw = Fixtures.emlQuotedPrintable(MAIL, body);
    String wire = new String(raw, java.nio.charset.StandardCharsets.US_ASCII);
    assertTrue(wire.contains("=E2=80=93") && wire.contains("=\r\n"), "fixture must use escapes and soft breaks");

    ParsedDocument eml = parseSingle("qp.eml", raw);

    assertEquals(body, text(eml));
    assertTrue(text(eml).contains("FOI-2024-0412 – we hold"));
  }

  @Test
  void htmlOnlyEmailTableArrivesAsRows() {
    ParsedDocument eml = parseSingle("html.eml", Fixtures.emlHtml(MAIL, LETTER, EQUIPMENT));

    assertLetterText(eml);
    assertEquals(EQUIPMENT, rows(eml));
  }

  @Test
  void emailAttachmentsAreDocumentsOfTheirOwn() {
    byte[] pdf = Fixtures.pdf(LETTER, EQUIPMENT);
    byte[] xlsx = Fixtures.xlsx(List.of(new Sheet("Cameras", null, EQUIPMENT)));
    byte[] raw = Fixtures.emlWithAttachments(MAIL, "Please find our response attached.",
        List.of(attachment("response.pdf", pdf), attachment("response.xlsx", xlsx)));

    List<ParsedDocument> documents = parser.parse("/in/mail.eml", raw);

    assertEquals(3, documents.size());
    ParsedDocument message = documents.stream().filter(ParsedDocument::isContainer).findFirst().orElseThrow();
    assertEquals("Please find our response attached.", text(message));
    ParsedDocument pdfDocument = byAttachment(documents, "response.pdf");
    ParsedDocument xlsxDocument = byAttachment(documents, "response.xlsx");
    for (ParsedDocument attached : List.of(pdfDocument, xlsxDocument)) {
      assertEquals(DocumentStatus.PARSED, attached.status());
      assertEquals(1, attached.depth());
      assertEquals(message.documentId(), attached.parentId());
      assertEquals("/in/mail.eml", attached.source());
      assertNotEquals(message.documentId(), attached.documentId());
    }
    assertEquals(Sha256.hex(raw), message.sha256());
    assertNull(pdfDocument.sha256(), "attachments are not hashed");
    assertEquals("application/pdf", pdfDocument.mediaType());
    assertEquals(EQUIPMENT, rows(pdfDocument));
    assertEquals(EQUIPMENT, rows(xlsxDocument));
    assertTrue(xlsxDocument.blocks().stream().filter(Block::isRow).allMatch(b -> "Cameras".equals(b.sheet())));
    // Never concatenated into the parent's text.
    assertFalse(text(message).contains("Hikvision"));
  }

  @Test
  void forwardedMessageAttachmentsNestUnderIt() {
    byte[] original = Fixtures.emlWithAttachments(MAIL, "Please find our response attached.",
        List.of(attachment("response.xlsx", Fixtures.xlsx(List.of(new Sheet("Cameras", null, EQUIPMENT))))));
    Mail forward = new Mail("Jo Bloggs <jo@example.org>", "editor@example.org", "Fwd: FOI-2024-0412 response",
        "Wed, 13 Mar 2024 08:00:00 +0000", "<fwd-1@example.org>");

    List<ParsedDocument> documents = parser.parse("/in/fwd.eml", Fixtures.emlForward(forward, "FYI, see below.", "fw.eml", original));

    assertEquals(3, documents.size());
    ParsedDocument outer = documents.stream().filter(ParsedDocument::isContainer).findFirst().orElseThrow();
    ParsedDocument inner = byAttachment(documents, "fw.eml");
    ParsedDocument spreadsheet = byAttachment(documents, "fw.eml/response.xlsx");
    assertEquals("FYI, see below.", text(outer));
    assertEquals("Please find our response attached.", text(inner));
    assertEquals(1, inner.depth());
    assertEquals(outer.documentId(), inner.parentId());
    assertEquals(2, spreadsheet.depth());
    assertEquals(inner.documentId(), spreadsheet.parentId());
    assertEquals(EQUIPMENT, rows(spreadsheet));
    assertFalse(text(outer).contains("Hikvision") || text(inner).contains("Hikvision"));
  }

  @Test
  void replyQuotedRequestIsMarkedQuoted() {
    byte[] raw = Fixtures.emlReply(MAIL, "The Council does not hold this information.",
        "On 1 March 2024, Jo Bloggs wrote", "Please state how many Hikvision or Dahua cameras you operate.\n\nMany thanks");

    ParsedDocument eml = parseSingle("reply.eml", raw);

    List<Block> quoted = eml.blocks().stream().filter(Block::quoted).toList();
    assertEquals(List.of("Please state how many Hikvision or Dahua cameras you operate.", "Many thanks"),
        quoted.stream().map(Block::text).toList());
    assertTrue(eml.blocks().stream().filter(b -> !b.quoted()).map(Block::text)
        .anyMatch("The Council does not hold this information."::equals));
    assertTrue(eml.blocks().stream().filter(b -> !b.quoted()).noneMatch(b -> b.text().contains("Hikvision")));
  }

  // ---------------------------------------------------------------- archives

  @Test
  void zipEntriesAreDocumentsOfTheirOwn() {
    byte[] raw = Fixtures.zip(List.of(attachment("letter.pdf", Fixtures.pdf(LETTER, null)),
        attachment("schedule.docx", Fixtures.docx(List.of("Schedule of equipment"), EQUIPMENT))));

    List<ParsedDocument> documents = parser.parse("/in/response.zip", raw);

    assertEquals(3, documents.size());
    ParsedDocument archive = documents.stream().filter(ParsedDocument::isContainer).findFirst().orElseThrow();
    assertEquals("application/zip", archive.mediaType());
    ParsedDocument letter = byAttachment(documents, "letter.pdf");
    ParsedDocument schedule = byAttachment(documents, "schedule.docx");
    assertLetterText(letter);
    assertEquals(EQUIPMENT, rows(schedule));
    assertEquals(archive.documentId(), schedule.parentId());
    assertEquals(1, schedule.depth());
  }

  // ---------------------------------------------------------------- failures and identity

  @Test
  void emptyFileIsEmpty() {
    List<ParsedDocument> documents = parser.parse("/in/empty.pdf", new byte[0]);

    assertEquals(1, documents.size());
    assertEquals(DocumentStatus.EMPTY, documents.get(0).status());
    assertNotNull(documents.get(0).error());
  }

  @Test
  void randomBytesAreNotParsedAndSayWhy() {
    byte[] noise = new byte[4096];
    new Random(20240312).nextBytes(noise);

    List<ParsedDocument> documents = parser.parse("/in/noise.bin", noise);

    assertEquals(1, documents.size());
    assertNotEquals(DocumentStatus.PARSED, documents.get(0).status());
    assertNotNull(documents.get(0).error());
  }

  @Test
  void truncatedPdfIsNotParsedAndSaysWhy() {
    byte[] pdf = Fixtures.pdf(LETTER, EQUIPMENT);
    byte[] truncated = java.util.Arrays.copyOf(pdf, pdf.length / 3);

    ParsedDocument document = parser.parse("/in/cut.pdf", truncated).get(0);

    assertNotEquals(DocumentStatus.PARSED, document.status());
    assertNotNull(document.error());
  }

  @Test
  void inProcessParsingGivesTheSameDocumentsAsTheForkedParser() {
    byte[] raw = Fixtures.emlWithAttachments(MAIL, "Please find our response attached.",
        List.of(attachment("response.pdf", Fixtures.pdf(LETTER, EQUIPMENT)),
            attachment("cameras.xlsx", Fixtures.xlsx(List.of(new Sheet("Cameras", null, EQUIPMENT))))));
    try (TikaDocumentParser inProcess = new TikaDocumentParser(ParserLimits.defaults().withIsolation(false))) {
      List<ParsedDocument> forked = parser.parse("/in/mail.eml", raw);
      assertEquals(3, forked.size());
      assertEquals(forked, inProcess.parse("/in/mail.eml", raw));
    }
  }

  @Test
  void documentIdsAreStableAcrossParsesAndUniquePerPath() {
    byte[] raw = Fixtures.emlWithAttachments(MAIL, "Attached.", List.of(attachment("response.pdf", Fixtures.pdf(LETTER, null))));

    List<ParsedDocument> first = parser.parse("/in/a.eml", raw);
    List<ParsedDocument> again = parser.parse("/in/a.eml", raw);
    List<ParsedDocument> copy = parser.parse("/elsewhere/a.eml", raw);

    assertEquals(2, first.size());
    assertEquals(ids(first), ids(again));
    assertEquals(2, ids(first).stream().distinct().count());
    // A byte-identical copy at another path is another document; sha256 tells it is a copy.
    assertTrue(java.util.Collections.disjoint(ids(first), ids(copy)), ids(copy).toString());
    assertEquals(first.get(0).sha256(), copy.get(0).sha256());
  }

  private static List<String> ids(List<ParsedDocument> documents) {
    return documents.stream().map(ParsedDocument::documentId).toList();
  }

  @Test
  void fixturesAreReproducible() {
    assertTrue(java.util.Arrays.equals(Fixtures.pdf(LETTER, EQUIPMENT), Fixtures.pdf(LETTER, EQUIPMENT)));
    assertTrue(java.util.Arrays.equals(Fixtures.docx(LETTER, EQUIPMENT), Fixtures.docx(LETTER, EQUIPMENT)));
    List<Sheet> sheets = List.of(new Sheet("Cameras", "Title", EQUIPMENT));
    assertTrue(java.util.Arrays.equals(Fixtures.xlsx(sheets), Fixtures.xlsx(sheets)));
  }
}
