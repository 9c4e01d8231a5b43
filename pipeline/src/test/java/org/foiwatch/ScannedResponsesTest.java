package org.foiwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.foiwatch.extract.DocumentExtractor;
import org.foiwatch.extract.EquipmentMention;
import org.foiwatch.ingest.DocumentStatus;
import org.foiwatch.ingest.OcrReport;
import org.foiwatch.ingest.OcrSettings;
import org.foiwatch.ingest.ParsedDocument;
import org.foiwatch.ingest.ParserLimits;
import org.foiwatch.ingest.TikaDocumentParser;
import org.foiwatch.testing.ScannedLetters;
import org.foiwatch.testing.ScannedLetters.Letter;
import org.foiwatch.testing.Tesseract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scanned FOI letters, drawn in the test (slightly turned, speckled), through the forked Tika
 * parser with real Tesseract and on through extraction: vendor, model and quantity come out of
 * PNG, TIFF and image-only PDF, and a second parse answers from the OCR cache.
 */
class ScannedResponsesTest {

  private static final Letter LETTER = new Letter(
      List.of("Wexcombe Borough Council", "Our ref: FOI-2024-0318", "Date: 12 March 2024"),
      List.of("Dear Ms Carter,",
          "The Council operates 12 x Axis P3245-LVE cameras in the town centre. Footage is recorded on"
              + " one Hikvision DS-7608NI-K2/8P network video recorder.",
          "Yours sincerely, Information Governance Team"),
      null);

  private static final Letter TABLE_PAGE = new Letter(
      List.of(),
      List.of("The cameras at our depots are listed below."),
      List.of(List.of("Site", "Manufacturer", "Model", "Units"),
          List.of("Depot", "Hanwha", "SNO-6084R", "26"),
          List.of("Museum", "Lorex", "LNB4321B", "19")));

  private static final Set<String> LETTER_EQUIPMENT = Set.of("Axis P3245-LVE 12", "Hikvision DS-7608NI-K2/8P 1");

  @TempDir static Path cache;
  private static DocumentExtractor extractor;

  @BeforeAll
  static void setUp() {
    Tesseract.assumeAvailable();
    extractor = new DocumentExtractor();
  }

  private static ParsedDocument parse(String name, byte[] bytes) {
    try (TikaDocumentParser parser = new TikaDocumentParser(ParserLimits.defaults(),
        new OcrSettings(OcrSettings.Mode.AUTO, cache.toString()))) {
      List<ParsedDocument> documents = parser.parse("/in/" + name, bytes);
      assertEquals(1, documents.size(), documents::toString);
      ParsedDocument document = documents.get(0);
      assertEquals(DocumentStatus.PARSED, document.status(), document::error);
      return document;
    }
  }

  private static Set<String> equipment(ParsedDocument document) {
    return extractor.extract(document).mentions().stream()
        .filter(m -> m.model() != null)
        .map(ScannedResponsesTest::describe)
        .collect(Collectors.toSet());
  }

  private static String describe(EquipmentMention m) {
    return m.vendor() + " " + m.model() + " " + m.quantity();
  }

  @Test
  void aPngScan() {
    ParsedDocument document = parse("reply.png", ScannedLetters.png(ScannedLetters.scan(LETTER, 300, 0.6, 11)));
    assertEquals(OcrReport.Status.RAN, document.ocr().status());
    assertEquals(List.of(1), document.ocr().pages());
    assertEquals(LETTER_EQUIPMENT, equipment(document));
  }

  @Test
  void aTiffScan() {
    ParsedDocument document = parse("reply.tif", ScannedLetters.tiff(ScannedLetters.scan(LETTER, 300, -0.5, 12)));
    assertEquals(List.of(1), document.ocr().pages());
    assertEquals(LETTER_EQUIPMENT, equipment(document));
  }

  @Test
  void anImageOnlyPdfIsReadPageByPageAndTheSecondTimeFromTheCache() {
    byte[] pdf = ScannedLetters.imageOnlyPdf(List.of(
        ScannedLetters.scan(LETTER, 300, 0.4, 13), ScannedLetters.scan(TABLE_PAGE, 300, -0.3, 14)));
    ParsedDocument first = parse("reply.pdf", pdf);
    assertEquals(List.of(1, 2), first.ocr().pages());
    assertEquals(0, first.ocr().cachedPages());
    assertTrue(first.ocr().millis() > 0);
    Set<String> expected = new java.util.HashSet<>(LETTER_EQUIPMENT);
    expected.addAll(Set.of("Hanwha Vision SNO-6084R 26", "Lorex LNB4321B 19"));
    assertEquals(expected, equipment(first));

    ParsedDocument again = parse("reply.pdf", pdf);
    assertEquals(2, again.ocr().cachedPages());
    assertEquals(0, again.ocr().millis());
    assertEquals(first.blocks(), again.blocks());
  }

  @Test
  void withOcrOffAScanStaysUnreadAndSaysWhy() {
    try (TikaDocumentParser parser = new TikaDocumentParser(ParserLimits.defaults(), OcrSettings.never())) {
      ParsedDocument document = parser.parse("/in/reply.png",
          ScannedLetters.png(ScannedLetters.scan(LETTER, 300, 0.6, 11))).get(0);
      assertEquals(DocumentStatus.EMPTY, document.status());
      assertEquals(OcrReport.Status.OFF, document.ocr().status());
      assertTrue(document.error().contains("--ocr=never"), document.error());
    }
  }
}
