package org.foiwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.tika.config.TikaConfig;
import org.junit.jupiter.api.Test;

/** OCR is configured explicitly in the generated tika-config, whatever is on the PATH. */
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
}
