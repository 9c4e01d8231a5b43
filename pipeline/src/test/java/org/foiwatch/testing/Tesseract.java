package org.foiwatch.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.apache.tika.exception.TikaConfigException;
import org.apache.tika.parser.ocr.TesseractOCRParser;

/** Whether Tesseract is on this machine: OCR tests skip, saying so, only when it is not. */
public final class Tesseract {

  private static final boolean AVAILABLE = check();

  private Tesseract() {}

  public static boolean available() {
    return AVAILABLE;
  }

  /** Skips the calling test with a visible reason when tesseract is absent. */
  public static void assumeAvailable() {
    assumeTrue(AVAILABLE, "tesseract is not installed (scripts/test.sh installs tesseract-ocr where it can): OCR test skipped");
  }

  private static boolean check() {
    try {
      return new TesseractOCRParser().hasTesseract();
    } catch (TikaConfigException e) {
      return false;
    }
  }
}
