package org.foiwatch.ingest;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** How scans are read; {@link OcrSettings#from} reads them. */
public interface OcrOptions extends PipelineOptions {

  @Description("OCR of scans: auto reads PDF pages without a text layer and images, always reads every page from its"
      + " picture, never reads none. Needs tesseract (scripts/run.sh installs it); without it documents say ocr: unavailable.")
  @Default.Enum("AUTO")
  OcrSettings.Mode getOcr();

  void setOcr(OcrSettings.Mode value);

  @Description("Directory where OCR text is cached by page-image hash, so a second run reads no page twice; empty for no cache.")
  @Default.String("work/ocr-cache")
  String getOcrCacheDir();

  void setOcrCacheDir(String value);
}
