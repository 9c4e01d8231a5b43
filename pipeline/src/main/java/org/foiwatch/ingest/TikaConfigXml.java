package org.foiwatch.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.foiwatch.markup.Markup;

/**
 * The tika-config XML both parse modes run under: the parsers (PDF options, OCR), the
 * auto-detect limits that guard against zip bombs (Tika's SecureContentHandler), and for
 * forked parsing the tika-pipes client settings and the file fetcher. One document
 * ({@code tika-config.xml} and its two optional sections, resources next to this class, with
 * the limits filled in), so the forked JVM and the in-process parser cannot drift apart.
 */
final class TikaConfigXml {

  /** How many parser JVMs a worker JVM forks: one per core, at least two. */
  static int forkedParsers() {
    return Math.max(2, Runtime.getRuntime().availableProcessors());
  }

  /** Name of the file-system fetcher the forked parser reads its input through. */
  static final String FETCHER = "fs";

  private TikaConfigXml() {}

  /** Resolution PDF pages are rendered at for Tesseract, which reads best at about 300 dpi. */
  static final int OCR_DPI = 300;

  /**
   * @param ocr how scans are read; OCR runs only when tesseract is available (see
   *     {@link OcrSettings#tesseractAvailable}), otherwise the parsers are set up as for NEVER
   * @param childJvmArgs arguments for the forked parser JVM (heap, class path); empty for
   *     in-process parsing, which needs no pipes section
   */
  static String build(ParserLimits limits, OcrSettings ocr, boolean tesseract, List<String> childJvmArgs) {
    boolean reads = tesseract && ocr.mode() != OcrSettings.Mode.NEVER;
    Map<String, String> values = new HashMap<>();
    values.put("htmlParserClass", TableSpansHtmlParser.class.getName());
    values.put("pdfParserClass", LayoutPdfParser.class.getName());
    values.put("pdfMaxMainMemoryBytes", String.valueOf(limits.pdfMaxMainMemoryBytes()));
    values.put("ocrStrategy", !reads ? "no_ocr" : ocr.mode() == OcrSettings.Mode.ALWAYS ? "ocr_only" : "auto");
    values.put("ocrDpi", String.valueOf(OCR_DPI));
    values.put("ocrParser", reads ? ocrParser(limits, ocr) : "");
    values.put("maxCompressionRatio", String.valueOf(limits.maxCompressionRatio()));
    values.put("maxAttachmentDepth", String.valueOf(limits.maxAttachmentDepth()));
    values.put("pipes", childJvmArgs.isEmpty() ? "" : pipes(limits, childJvmArgs));
    return Markup.fill(TikaConfigXml.class, "tika-config.xml", values);
  }

  private static String ocrParser(ParserLimits limits, OcrSettings ocr) {
    return Markup.fill(TikaConfigXml.class, "tika-config-ocr.xml", Map.of(
        "parserClass", CachingTesseractOCRParser.class.getName(),
        "budgetSeconds", String.valueOf(Math.max(1, limits.parseTimeoutSeconds() * 3 / 4)),
        "cacheDirectory", Markup.escape(ocr.cacheDirectory())));
  }

  private static String pipes(ParserLimits limits, List<String> childJvmArgs) {
    return Markup.fill(TikaConfigXml.class, "tika-config-pipes.xml", Map.of(
        "numClients", String.valueOf(forkedParsers()),
        "javaPath", Markup.escape(ForkedParsers.javaCommand()),
        "timeoutMillis", String.valueOf(limits.parseTimeoutSeconds() * 1000L),
        "forkedJvmArgs", childJvmArgs.stream().map(arg -> "        <arg>" + Markup.escape(arg) + "</arg>\n")
            .collect(Collectors.joining()),
        "fetcher", FETCHER));
  }
}
