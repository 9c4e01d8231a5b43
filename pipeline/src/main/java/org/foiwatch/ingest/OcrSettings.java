package org.foiwatch.ingest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.Locale;
import org.apache.tika.exception.TikaConfigException;
import org.apache.tika.parser.ocr.TesseractOCRParser;

/**
 * How scanned pages and images are read (--ocr, --ocrCacheDir).
 *
 * @param mode AUTO reads only PDF pages without a usable text layer, and images; ALWAYS reads
 *     every PDF page from its picture (the text layer is ignored) and every image; NEVER reads none
 * @param cacheDirectory where OCR text is kept by page-image hash; empty for no cache
 */
public record OcrSettings(Mode mode, String cacheDirectory) implements Serializable {

  public enum Mode {
    AUTO, ALWAYS, NEVER;

    /** A mode as {@code --ocr} takes it, in any case. */
    @JsonCreator
    public static Mode named(String value) {
      try {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--ocr must be auto, always or never, not '" + value + "'");
      }
    }

    /** The mode as {@code --ocr}, {@code --help} and run.json spell it. */
    @JsonValue
    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The settings {@code --ocr} and {@code --ocrCacheDir} ask for. */
  public static OcrSettings from(OcrOptions options) {
    return new OcrSettings(options.getOcr(), options.getOcrCacheDir());
  }

  public static OcrSettings never() {
    return new OcrSettings(Mode.NEVER, "");
  }

  /** Whether Tesseract can run here: the check Tika itself makes, run once per JVM. */
  public static boolean tesseractAvailable() {
    return TesseractCheck.AVAILABLE;
  }

  private static final class TesseractCheck {
    static final boolean AVAILABLE = check();

    private static boolean check() {
      try {
        return new TesseractOCRParser().hasTesseract();
      } catch (TikaConfigException e) {
        return false;
      }
    }
  }
}
