package org.foiwatch.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.foiwatch.ingest.OcrSettings;

/** OCR tests skip, saying why, only where tesseract is not installed. */
public final class Tesseract {

  private Tesseract() {}

  public static void assumeAvailable() {
    assumeTrue(OcrSettings.tesseractAvailable(),
        "tesseract is not installed (scripts/test.sh installs tesseract-ocr where it can): OCR test skipped");
  }
}
