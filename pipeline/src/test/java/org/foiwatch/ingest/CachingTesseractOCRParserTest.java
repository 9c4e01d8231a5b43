package org.foiwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.ToXMLContentHandler;
import org.foiwatch.normalise.ModelGrammars;
import org.foiwatch.normalise.ModelMatch;
import org.foiwatch.testing.ScannedLetters;
import org.foiwatch.testing.ScannedLetters.Letter;
import org.foiwatch.testing.Tesseract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The caching OCR parser as tika-config XML sets it up: real Tesseract on letters drawn in the test. */
class CachingTesseractOCRParserTest {

  private static final Letter LETTER = new Letter(
      List.of("Wexcombe Borough Council", "Our ref: FOI-2024-0318"),
      List.of("The Council operates 12 Hikvision DS-2CD2347G2-LU cameras and one DS-7608NI-K2/8P recorder."),
      null);

  @TempDir Path cache;

  @BeforeEach
  void needsTesseract() {
    Tesseract.assumeAvailable();
  }

  private AutoDetectParser parser(int budgetSeconds) throws Exception {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <properties>
          <parsers>
            <parser class="org.apache.tika.parser.DefaultParser">
              <parser-exclude class="org.apache.tika.parser.ocr.TesseractOCRParser"/>
              <parser-exclude class="org.apache.tika.parser.pdf.PDFParser"/>
            </parser>
            <parser class="org.foiwatch.ingest.CachingTesseractOCRParser">
              <params>
                <param name="cacheDirectory" type="string">%s</param>
                <param name="budgetSeconds" type="int">%d</param>
              </params>
            </parser>
            <parser class="org.apache.tika.parser.pdf.PDFParser">
              <params>
                <param name="ocrStrategy" type="string">AUTO</param>
                <param name="ocrDPI" type="int">300</param>
              </params>
            </parser>
          </parsers>
        </properties>
        """.formatted(cache, budgetSeconds);
    try (InputStream in = new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))) {
      return new AutoDetectParser(new TikaConfig(in));
    }
  }

  private static String xhtml(AutoDetectParser parser, byte[] file) throws Exception {
    ToXMLContentHandler handler = new ToXMLContentHandler();
    parser.parse(new ByteArrayInputStream(file), handler, new Metadata(), new ParseContext());
    return handler.toString();
  }

  /** The models in OCR'd markup, as the pipeline reads them (lines joined, look-alikes read back). */
  private static List<String> models(String xhtml) {
    String text = xhtml.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    return ModelGrammars.standard().find(text, null, true).stream().map(ModelMatch::canonical).toList();
  }

  private static List<String> ocrDivs(String xhtml) {
    return Pattern.compile("<div class=\"ocr\"[^>]*>").matcher(xhtml).results().map(m -> m.group()).toList();
  }

  private static long millis(String div) {
    Matcher m = Pattern.compile("data-ocr-ms=\"(\\d+)\"").matcher(div);
    assertTrue(m.find(), div);
    return Long.parseLong(m.group(1));
  }

  @Test
  void readsAScannedPngAndAnswersTheSecondTimeFromTheCache() throws Exception {
    byte[] png = ScannedLetters.png(ScannedLetters.scan(LETTER, 300, 0.6, 1));
    AutoDetectParser parser = parser(0);

    String first = xhtml(parser, png);
    assertTrue(first.contains("Hikvision"), first);
    assertEquals(List.of("DS-2CD2347G2-LU", "DS-7608NI-K2/8P"), models(first));
    List<String> divs = ocrDivs(first);
    assertEquals(1, divs.size(), first);
    assertTrue(divs.get(0).contains("data-ocr-cached=\"false\""), divs.get(0));
    assertTrue(millis(divs.get(0)) > 0, divs.get(0));
    try (Stream<Path> files = Files.walk(cache)) {
      assertEquals(1, files.filter(f -> f.toString().endsWith(".txt")).count());
    }

    String second = xhtml(parser(0), png);
    assertTrue(ocrDivs(second).get(0).contains("data-ocr-cached=\"true\""), second);
    assertEquals(0, millis(ocrDivs(second).get(0)));
    assertEquals(first.replaceAll("<div class=\"ocr\"[^>]*>", ""), second.replaceAll("<div class=\"ocr\"[^>]*>", ""));
  }

  @Test
  void readsARuledTableWithoutItsRulesAndEveryLineOfAWrappedCell() throws Exception {
    Letter letter = new Letter(List.of("Harrowgate Fire and Rescue Service"), List.of("The cameras in use are listed below."),
        List.of(List.of("Site", "Make", "Model", "Qty"),
            List.of("Fire station", "Uniview", "IPC2124LB-\nSF28KM-G", "16"),
            List.of("Training yard", "Bosch", "NBE-3502-\nAL", "3"),
            List.of("Workshop", "Vivotek", "FD9389-\nEHTV", "1")));
    String text = xhtml(parser(0), ScannedLetters.png(ScannedLetters.scan(letter, 300, 0.3, 5)))
        .replaceAll("<[^>]+>", " ");
    for (String continuation : List.of("SF28KM-G", "AL", "EHTV")) {
      assertTrue(Pattern.compile("(?m)^[^\\p{Alnum}]*" + continuation + "\\b").matcher(text).find(), continuation + " in " + text);
    }
    assertTrue(text.indexOf('|') < 0, text); // a rule down a table reads as "|"
  }

  @Test
  void readsEachPageOfAnImageOnlyPdfInsideThatPage() throws Exception {
    Letter second = new Letter(List.of(), List.of("We also hold 26 Hanwha SNO-6084R cameras."), null);
    byte[] pdf = ScannedLetters.imageOnlyPdf(List.of(
        ScannedLetters.scan(LETTER, 300, -0.5, 2), ScannedLetters.scan(second, 300, 0.4, 3)));
    String xhtml = xhtml(parser(0), pdf);
    String[] pages = xhtml.split("<div class=\"page\">");
    assertEquals(3, pages.length, xhtml); // what precedes the first page, then two pages
    assertTrue(pages[1].contains("<div class=\"ocr\""), pages[1]);
    assertEquals(List.of("DS-2CD2347G2-LU", "DS-7608NI-K2/8P"), models(pages[1]));
    assertTrue(pages[2].contains("<div class=\"ocr\""), pages[2]);
    assertEquals(List.of("SNO-6084R"), models(pages[2]));
  }

  @Test
  void stopsRenderingAndReadingAFileOnceItsBudgetIsSpent() throws Exception {
    List<BufferedImage> scans = new ArrayList<>();
    for (int page = 1; page <= 4; page++) {
      scans.add(ScannedLetters.scan(LETTER, 300, 0.3, page));
    }
    List<String> divs = ocrDivs(xhtml(parser(1), ScannedLetters.imageOnlyPdf(scans)));
    // The budget counts from the start of the parse, page rendering included: no machine renders
    // and reads four pages at 300 dpi within one second.
    long read = divs.stream().filter(div -> !div.contains("data-ocr-skipped")).count();
    assertTrue(read < 4, divs.toString());
    // After it, pages are not even rendered: no div, but for a page rendered as the budget ran out.
    assertTrue(divs.size() <= read + 1, divs.toString());
    divs.stream().filter(div -> div.contains("data-ocr-skipped"))
        .forEach(div -> assertTrue(div.contains("data-ocr-skipped=\"budget\""), div));
  }
}
