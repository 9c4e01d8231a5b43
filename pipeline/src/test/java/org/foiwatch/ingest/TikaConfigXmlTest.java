package org.foiwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.pipes.PipesConfig;
import org.junit.jupiter.api.Test;

/**
 * The tika-config filled in from its resource: OCR configured explicitly, whatever is on the
 * PATH, and for forked parsing the pipes with the limits.
 */
class TikaConfigXmlTest {

  private static final String CACHING = CachingTesseractOCRParser.class.getName();

  private static String xml(OcrSettings.Mode mode, boolean tesseract) {
    return TikaConfigXml.build(ParserLimits.defaults(), new OcrSettings(mode, "/tmp/ocr cache"), tesseract, List.of());
  }

  @Test
  void autoRendersTextlessPagesAt300DpiForTheCachingParser() throws Exception {
    String xml = xml(OcrSettings.Mode.AUTO, true);
    assertTrue(xml.contains("<param name=\"ocrStrategy\" type=\"string\">auto</param>"), xml);
    assertTrue(xml.contains("<param name=\"ocrDPI\" type=\"int\">300</param>"), xml);
    assertTrue(xml.contains(CACHING) && xml.contains(">/tmp/ocr cache<"), xml);
    // Tika's own Tesseract parser stays out: only ours reads images.
    assertTrue(xml.contains("parser-exclude class=\"org.apache.tika.parser.ocr.TesseractOCRParser\""), xml);
    new TikaConfig(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void alwaysReadsEveryPageFromItsPicture() {
    assertTrue(xml(OcrSettings.Mode.ALWAYS, true).contains(">ocr_only<"));
  }

  @Test
  void neverOrWithoutTesseractNoPageIsRendered() {
    for (String xml : List.of(xml(OcrSettings.Mode.NEVER, true), xml(OcrSettings.Mode.AUTO, false))) {
      assertTrue(xml.contains(">no_ocr<"), xml);
      assertFalse(xml.contains(CACHING), xml);
    }
  }

  @Test
  void forkedParsingAddsThePipesWithTheLimitsAndEscapedArguments() throws Exception {
    ParserLimits limits = ParserLimits.defaults().withTimeoutSeconds(42);
    String xml = TikaConfigXml.build(limits, OcrSettings.never(), false, List.of("-Xmx512m", "-Dodd=<a&b>"));
    assertTrue(xml.contains("<timeoutMillis>42000</timeoutMillis>"), xml);
    assertTrue(xml.contains("<arg>-Dodd=&lt;a&amp;b&gt;</arg>"), xml);
    PipesConfig pipes = PipesConfig.load(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    assertEquals(42_000L, pipes.getTimeoutMillis());
    assertEquals(List.of("-Xmx512m", "-Dodd=<a&b>"), pipes.getForkedJvmArgs());
    new TikaConfig(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
