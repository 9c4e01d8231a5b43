package org.foiwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.foiwatch.testing.Fixtures;
import org.foiwatch.testing.HostileFiles;
import org.foiwatch.testing.ScannedLetters;
import org.foiwatch.testing.Tesseract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hostile inputs through the real forked Tika parser: each ends in the status it deserves, and
 * the same parser goes on to parse a good file afterwards.
 */
class HostileFilesTest {

  private static final int TIMEOUT_SECONDS = 8;
  private static TikaDocumentParser parser;

  @BeforeAll
  static void startParser() {
    parser = new TikaDocumentParser(ParserLimits.defaults().withTimeoutSeconds(TIMEOUT_SECONDS).withMemoryMb(256));
  }

  @AfterAll
  static void stopParser() {
    parser.close();
  }

  private static ParsedDocument root(String name, byte[] bytes) {
    return parser.parse("/in/" + name, bytes).get(0);
  }

  private static String text(List<ParsedDocument> documents) {
    return documents.stream().flatMap(d -> d.blocks().stream()).flatMap(b -> b.cells().stream())
        .collect(Collectors.joining("\n"));
  }

  /** The parser still works: a good PDF gives its table. */
  private static void assertGoodFileStillParses() {
    ParsedDocument good = root("good.pdf", HostileFiles.goodPdf());
    assertEquals(DocumentStatus.PARSED, good.status(), good::error);
    assertTrue(text(List.of(good)).contains("DS-2CD2143G0-I"));
  }

  @Test
  void hangingParserIsStoppedAtItsBudgetAndTheNextFileParses() {
    ParsedDocument hung = root("hang.xml", HostileFiles.hangingParserInput());
    assertEquals(DocumentStatus.TIMEOUT, hung.status(), hung::error);
    assertTrue(hung.error().contains(TIMEOUT_SECONDS + " s"), hung.error());
    assertGoodFileStillParses();
  }

  @Test
  void allocatingParserIsRecordedAsOomAndTheNextFileParses() {
    ParsedDocument greedy = root("greedy.xml", HostileFiles.allocatingParserInput());
    assertEquals(DocumentStatus.OOM, greedy.status(), greedy::error);
    assertGoodFileStillParses();
  }

  @Test
  void parserThatKillsItsJvmIsRecordedAsCrashedAndTheNextFileParses() {
    ParsedDocument exited = root("exit.xml", HostileFiles.exitingParserInput());
    assertEquals(DocumentStatus.CRASHED, exited.status(), exited::error);
    assertGoodFileStillParses();
  }

  @Test
  void userPasswordPdfIsEncrypted() {
    ParsedDocument locked = root("locked.pdf", HostileFiles.userPasswordPdf());
    assertEquals(DocumentStatus.ENCRYPTED, locked.status(), locked::error);
    assertTrue(locked.error().startsWith("password-protected"), locked.error());
  }

  @Test
  void ownerPasswordOnlyPdfStillParses() {
    ParsedDocument restricted = root("restricted.pdf", HostileFiles.ownerPasswordOnlyPdf());
    assertEquals(DocumentStatus.PARSED, restricted.status(), restricted::error);
    assertTrue(text(List.of(restricted)).contains("DS-2CD2143G0-I"));
  }

  @Test
  void pdfCutInsideItsPageIsCorruptNotEmpty() {
    byte[] pdf = HostileFiles.contentLastPdf();
    ParsedDocument whole = root("whole.pdf", pdf);
    assertEquals(DocumentStatus.PARSED, whole.status(), whole::error);
    assertTrue(text(List.of(whole)).contains("DS-2CD2143G0-I"));

    int stream = new String(pdf, StandardCharsets.ISO_8859_1).indexOf("stream\n");
    ParsedDocument cut = root("cut.pdf", java.util.Arrays.copyOf(pdf, stream + 20));
    assertEquals(DocumentStatus.CORRUPT, cut.status(), cut::error);
    assertTrue(cut.error().contains("%%EOF"), cut.error());
  }

  @Test
  void pdfWhosePageTreeIsDamagedIsCorruptNotEmpty() {
    // Same length, so the cross-reference offsets still hold: the page tree points to the font.
    byte[] pdf = new String(HostileFiles.contentLastPdf(), StandardCharsets.ISO_8859_1)
        .replace("/Kids [3 0 R]", "/Kids [4 0 R]").getBytes(StandardCharsets.ISO_8859_1);
    ParsedDocument damaged = root("damaged.pdf", pdf);
    assertEquals(DocumentStatus.CORRUPT, damaged.status(), damaged::error);
    assertTrue(damaged.error().contains("no readable page"), damaged.error());
  }

  @Test
  void pdfWhoseCompressedStreamsAreGarbledIsCorruptNotEmpty() {
    // Same length: the page's content stream gets an invalid deflate block after its zlib header,
    // which PDFBox reads as a blank page (object and cross-reference streams, typed, stay whole).
    String pdf = new String(Fixtures.pdf(List.of("Hikvision DS-2CD2143G0-I: 12"), null), StandardCharsets.ISO_8859_1);
    StringBuilder garbled = new StringBuilder(pdf);
    for (int at = pdf.indexOf("/FlateDecode"); at >= 0; at = pdf.indexOf("/FlateDecode", at + 1)) {
      int stream = pdf.indexOf("stream", at);
      if (!pdf.substring(pdf.lastIndexOf("<<", at), stream).contains("/Type")) {
        int data = pdf.indexOf('\n', stream) + 1;
        garbled.replace(data + 2, data + 4, "\u00ff\u00ff");
      }
    }
    ParsedDocument damaged = root("garbled.pdf", garbled.toString().getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(DocumentStatus.CORRUPT, damaged.status(), damaged::error);
    assertTrue(damaged.error().contains("does not decompress"), damaged.error());
  }

  @Test
  void mailCutInItsHeadersIsCorruptAndOneWithoutBodyIsEmpty() {
    Fixtures.Mail mail = new Fixtures.Mail("FOI Officer <foi@example.gov.uk>", "someone@example.org", "FOI 5521",
        "Mon, 3 Jun 2024 09:41:27 +0100", "<foi-5521@example.gov.uk>");
    String whole = new String(Fixtures.emlPlain(mail, "We hold 12 Hikvision cameras."), StandardCharsets.UTF_8);
    int headersEnd = whole.indexOf("\r\n\r\n");
    ParsedDocument cut = root("cut.eml", whole.substring(0, headersEnd - 5).getBytes(StandardCharsets.UTF_8));
    assertEquals(DocumentStatus.CORRUPT, cut.status(), cut::error);
    assertTrue(cut.error().contains("inside its headers"), cut.error());
    ParsedDocument noBody = root("no-body.eml", whole.substring(0, headersEnd + 4).getBytes(StandardCharsets.UTF_8));
    assertEquals(DocumentStatus.EMPTY, noBody.status(), noBody::error);

    String multipart = new String(Fixtures.emlWithAttachments(mail, "We hold 12 Hikvision cameras.",
        List.of(new Fixtures.Attachment("list.txt", "text/plain", "Dahua: 4".getBytes(StandardCharsets.UTF_8)))),
        StandardCharsets.UTF_8);
    int firstPart = multipart.indexOf("\r\n--", multipart.indexOf("\r\n\r\n")) + 2;
    ParsedDocument unclosed = root("unclosed.eml", multipart.substring(0, multipart.indexOf("\r\n", firstPart) + 2)
        .getBytes(StandardCharsets.UTF_8));
    assertEquals(DocumentStatus.CORRUPT, unclosed.status(), unclosed::error);
    assertTrue(unclosed.error().contains("closing boundary"), unclosed.error());
  }

  @Test
  void htmlCutInATagOrItsTitleIsCorruptAndOneWithoutTextIsEmpty() {
    String html = new String(Fixtures.html("FOI 5521", List.of("We hold 12 Hikvision cameras."), null), StandardCharsets.UTF_8);
    ParsedDocument inTag = root("in-tag.html", html.substring(0, html.indexOf('>') - 2).getBytes(StandardCharsets.UTF_8));
    assertEquals(DocumentStatus.CORRUPT, inTag.status(), inTag::error);
    ParsedDocument inTitle = root("in-title.html", html.substring(0, html.indexOf("<title>") + 10).getBytes(StandardCharsets.UTF_8));
    assertEquals(DocumentStatus.CORRUPT, inTitle.status(), inTitle::error);
    ParsedDocument blank = root("blank.html", "<!DOCTYPE html><html><head><title></title></head><body><p></p></body></html>"
        .getBytes(StandardCharsets.UTF_8));
    assertEquals(DocumentStatus.EMPTY, blank.status(), blank::error);
  }

  @Test
  void blankPdfThatParsesCleanlyIsEmpty() {
    ParsedDocument blank = root("blank.pdf", Fixtures.pdf(List.of(), null));
    assertEquals(DocumentStatus.EMPTY, blank.status(), blank::error);
  }

  /**
   * A long scan under a tight parse timeout (the default 120 s with a 60-page scan is the same
   * case, slower): the OCR budget, three quarters of the timeout with page rendering included,
   * ends the reading in time, so the pages read are kept and the rest are listed as skipped.
   */
  @ParameterizedTest
  @EnumSource(value = OcrSettings.Mode.class, names = {"AUTO", "ALWAYS"})
  void longScanKeepsThePagesReadBeforeItsOcrBudgetEnds(OcrSettings.Mode mode) {
    Tesseract.assumeAvailable();
    int pageCount = 20;
    List<BufferedImage> pages = new ArrayList<>();
    for (int page = 1; page <= pageCount; page++) {
      pages.add(ScannedLetters.scan(new ScannedLetters.Letter(List.of("Wexcombe Borough Council", "Page " + page),
          List.of("The Council operates 12 Hikvision DS-2CD2347G2-LU cameras."), null), 300, 0, page));
    }
    try (TikaDocumentParser ocrParser = new TikaDocumentParser(ParserLimits.defaults().withTimeoutSeconds(16),
        new OcrSettings(mode, ""))) {
      ParsedDocument scan = ocrParser.parse("/in/long-scan.pdf", ScannedLetters.imageOnlyPdf(pages)).get(0);

      assertEquals(DocumentStatus.PARSED, scan.status(), scan::error);
      assertTrue(scan.ocr().pages().contains(1), scan.ocr().toString());
      assertFalse(scan.ocr().skippedPages().isEmpty(), scan.ocr().toString());
      List<Integer> accounted = new ArrayList<>(scan.ocr().pages());
      accounted.addAll(scan.ocr().skippedPages());
      assertEquals(IntStream.rangeClosed(1, pageCount).boxed().toList(), accounted.stream().sorted().toList());
      assertTrue(text(List.of(scan)).contains("DS-2CD2347G2-LU"));
    }
  }

  @Test
  void fileIsParsedByContentNotByItsExtension() {
    byte[] docx = Fixtures.docx(HostileFiles.LETTER, HostileFiles.EQUIPMENT);
    ParsedDocument misnamed = root("response.pdf", docx);
    assertEquals(DocumentStatus.PARSED, misnamed.status(), misnamed::error);
    assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document", misnamed.mediaType());
    assertTrue(text(List.of(misnamed)).contains("DS-2CD2143G0-I"));
  }

  @Test
  void externalEntityInDocxNeverReadsTheLocalFile(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-MARKER-4471");
    List<ParsedDocument> documents = parser.parse("/in/xxe.docx", HostileFiles.xxeDocx(secret.toString()));
    assertFalse(documents.isEmpty());
    assertFalse(text(documents).contains("TOP-SECRET-MARKER-4471"), "the external entity was resolved");
    documents.forEach(d -> assertFalse(String.valueOf(d.error()).contains("TOP-SECRET-MARKER-4471")));
  }

  @Test
  void billionLaughsDocxEndsQuicklyWithoutExpanding() {
    List<ParsedDocument> documents = parser.parse("/in/laughs.docx", HostileFiles.billionLaughsDocx());
    ParsedDocument laughs = documents.get(0);
    assertNotEquals(DocumentStatus.TIMEOUT, laughs.status(), laughs::error);
    assertTrue(laughs.chars() < 100_000, "expanded to " + laughs.chars() + " chars");
  }

  @Test
  void zipBombPastOneGigabyteIsCutShort() {
    List<ParsedDocument> documents = parser.parse("/in/bomb.zip", HostileFiles.zipBomb(1_100L * 1024 * 1024));
    ParsedDocument bomb = documents.get(0);
    assertNotEquals(DocumentStatus.TIMEOUT, bomb.status(), bomb::error);
    int chars = documents.stream().mapToInt(ParsedDocument::chars).sum();
    assertTrue(chars <= ParserLimits.defaults().maxCharsPerDocument(), "kept " + chars + " chars");
    assertTrue(documents.stream().anyMatch(d -> d.status() == DocumentStatus.TRUNCATED
        && "max_chars_per_document".equals(d.truncatedBy())), () -> "no document says it was cut: " + documents);
  }

  @Test
  void emailForwardedTwentyFiveTimesGivesEveryMessageOnce() {
    // Tika's e-mail parser reports every forwarded message as a direct attachment of the input.
    List<ParsedDocument> documents = parser.parse("/in/nested.eml", HostileFiles.nestedEmail(25));
    assertEquals(25, documents.size());
    assertEquals(DocumentStatus.PARSED, documents.get(0).status(), documents.get(0)::error);
    assertTrue(text(documents).contains("Innermost message"));
  }

  @Test
  void zipsNestedPastTheDepthLimitAreCutAndSaidSo() {
    List<ParsedDocument> documents = parser.parse("/in/nested.zip", HostileFiles.nestedZip(25));
    int maxDepth = ParserLimits.defaults().maxAttachmentDepth();
    assertTrue(documents.size() <= maxDepth + 1, () -> "documents: " + documents.size());
    assertTrue(documents.stream().allMatch(d -> d.depth() <= maxDepth));
    ParsedDocument root = documents.get(0);
    assertEquals(DocumentStatus.TRUNCATED, root.status(), root::error);
    assertTrue(root.truncatedBy().contains("max_attachment_depth"), root.truncatedBy());
  }

  @Test
  void malformedMimeGivesARecordAndTheNextFileParses() {
    ParsedDocument broken = root("broken.eml", HostileFiles.malformedMime());
    assertTrue(broken.error() == null || !broken.error().isBlank());
    assertGoodFileStillParses();
  }

  @Test
  void latin1AndNulLadenTextAreReadable() {
    ParsedDocument latin1 = root("latin1.txt", HostileFiles.latin1Text());
    assertEquals(DocumentStatus.PARSED, latin1.status(), latin1::error);
    assertTrue(text(List.of(latin1)).contains("Caf\u00e9 r\u00e9ponse"), text(List.of(latin1)));
    ParsedDocument nul = root("nul.txt", HostileFiles.nulLadenText());
    assertEquals(DocumentStatus.PARSED, nul.status(), nul::error);
    assertTrue(text(List.of(nul)).contains("Dahua"));
  }

  @Test
  void rowsBeyondTheSheetLimitAreDroppedAndSaidSo() {
    List<List<String>> rows = new java.util.ArrayList<>(List.of(Fixtures.row("Manufacturer", "Model")));
    for (int i = 0; i < 30; i++) {
      rows.add(Fixtures.row("Axis", "P3245-LVE"));
    }
    byte[] xlsx = Fixtures.xlsx(List.of(new Fixtures.Sheet("Cameras", null, rows)));
    try (TikaDocumentParser limited = new TikaDocumentParser(
        new ParserLimits(1 << 20, 1_000_000, 10, 5, 10, 100, 30, 256, 1 << 24, true))) {
      ParsedDocument cut = limited.parse("/in/cameras.xlsx", xlsx).get(0);
      assertEquals(DocumentStatus.TRUNCATED, cut.status(), cut::error);
      assertEquals("max_rows_per_sheet", cut.truncatedBy());
      assertEquals(10, cut.blocks().stream().filter(b -> b.table() >= 0).count());
    }
  }

  @Test
  void textBeyondTheCharacterLimitIsCutAndSaidSo() {
    byte[] longText = "The Council operates Axis cameras. ".repeat(2000).getBytes(StandardCharsets.UTF_8);
    try (TikaDocumentParser limited = new TikaDocumentParser(
        new ParserLimits(1 << 20, 5_000, 10, 5, 100, 100, 30, 256, 1 << 24, true))) {
      ParsedDocument cut = limited.parse("/in/long.txt", longText).get(0);
      assertEquals(DocumentStatus.TRUNCATED, cut.status(), cut::error);
      assertEquals("max_chars_per_document", cut.truncatedBy());
      assertTrue(cut.chars() <= 5_000, "kept " + cut.chars());
    }
  }
}
