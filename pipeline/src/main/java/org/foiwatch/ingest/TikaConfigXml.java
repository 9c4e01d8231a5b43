package org.foiwatch.ingest;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The tika-config XML both parse modes run under: the parsers (PDF options, OCR), the
 * auto-detect limits that guard against zip bombs (Tika's SecureContentHandler), and for
 * forked parsing the tika-pipes client settings and the file fetcher. One
 * document, so the forked JVM and the in-process parser cannot drift apart.
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
    String pdfStrategy = !reads ? "no_ocr" : ocr.mode() == OcrSettings.Mode.ALWAYS ? "ocr_only" : "auto";
    StringBuilder xml = new StringBuilder();
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<properties>\n")
        .append("  <parsers>\n")
        .append("    <parser class=\"org.apache.tika.parser.DefaultParser\">\n")
        // OCR is configured explicitly: Tika would switch it on by itself whenever tesseract is
        // on the PATH; ours is the caching parser below, or none.
        .append("      <parser-exclude class=\"org.apache.tika.parser.ocr.TesseractOCRParser\"/>\n")
        .append("      <parser-exclude class=\"org.apache.tika.parser.pdf.PDFParser\"/>\n")
        .append("      <parser-exclude class=\"org.apache.tika.parser.html.JSoupParser\"/>\n")
        .append("    </parser>\n")
        .append("    <parser class=\"").append(TableSpansHtmlParser.class.getName()).append("\"/>\n")
        .append("    <parser class=\"org.apache.tika.parser.pdf.PDFParser\">\n")
        .append("      <params>\n")
        .append("        <param name=\"sortByPosition\" type=\"bool\">true</param>\n")
        .append("        <param name=\"maxMainMemoryBytes\" type=\"long\">").append(limits.pdfMaxMainMemoryBytes())
        .append("</param>\n")
        // auto: only pages with (almost) no text layer are rendered and read.
        .append("        <param name=\"ocrStrategy\" type=\"string\">").append(pdfStrategy).append("</param>\n")
        .append("        <param name=\"ocrDPI\" type=\"int\">").append(OCR_DPI).append("</param>\n")
        .append("        <param name=\"ocrImageType\" type=\"string\">gray</param>\n")
        // Uncompressed TIFF, not PNG: RuleLines decodes each page again, and neither end pays for deflate.
        .append("        <param name=\"ocrImageFormatName\" type=\"string\">tiff</param>\n")
        .append("      </params>\n")
        .append("    </parser>\n");
    if (reads) {
      // OCR may use three quarters of the file's parse budget, so a long scan stops being read
      // before the parse is killed and the text already read is kept.
      int budget = Math.max(1, limits.parseTimeoutSeconds() * 3 / 4);
      xml.append("    <parser class=\"").append(CachingTesseractOCRParser.class.getName()).append("\">\n")
          .append("      <params>\n")
          .append("        <param name=\"language\" type=\"string\">eng</param>\n")
          .append("        <param name=\"timeout\" type=\"int\">").append(budget).append("</param>\n")
          .append("        <param name=\"budgetSeconds\" type=\"int\">").append(budget).append("</param>\n")
          .append("        <param name=\"cacheDirectory\" type=\"string\">").append(escape(ocr.cacheDirectory()))
          .append("</param>\n")
          .append("      </params>\n")
          .append("    </parser>\n");
    }
    xml.append("  </parsers>\n")
        .append("  <autoDetectParserConfig>\n")
        .append("    <params>\n")
        .append("      <maximumCompressionRatio>").append(limits.maxCompressionRatio())
        .append("</maximumCompressionRatio>\n")
        .append("      <maximumPackageEntryDepth>").append(limits.maxAttachmentDepth())
        .append("</maximumPackageEntryDepth>\n")
        .append("    </params>\n")
        .append("  </autoDetectParserConfig>\n");
    if (!childJvmArgs.isEmpty()) {
      xml.append("  <pipes>\n")
          .append("    <params>\n")
          // One parser JVM per core, shared by all worker threads; a thread waits for a free one
          // (each parse is bounded by the timeout), and idle ones exit after a minute.
          .append("      <numClients>").append(forkedParsers())
          .append("</numClients>\n")
          .append("      <maxWaitForClientMillis>86400000</maxWaitForClientMillis>\n")
          .append("      <shutdownClientAfterMillis>60000</shutdownClientAfterMillis>\n")
          // The worker's own java, not whichever one is first on the PATH.
          .append("      <javaPath>").append(escape(ForkedParsers.javaCommand())).append("</javaPath>\n")
          .append("      <timeoutMillis>").append(limits.parseTimeoutSeconds() * 1000L).append("</timeoutMillis>\n")
          // Results come back over the pipe whatever their size; there is no emitter.
          .append("      <maxForEmitBatchBytes>-1</maxForEmitBatchBytes>\n")
          .append("      <forkedJvmArgs>\n")
          .append(childJvmArgs.stream().map(arg -> "        <arg>" + escape(arg) + "</arg>\n")
              .collect(Collectors.joining()))
          .append("      </forkedJvmArgs>\n")
          .append("    </params>\n")
          .append("  </pipes>\n")
          .append("  <fetchers>\n")
          .append("    <fetcher class=\"org.apache.tika.pipes.fetcher.fs.FileSystemFetcher\">\n")
          .append("      <name>").append(FETCHER).append("</name>\n")
          .append("      <allowAbsolutePaths>true</allowAbsolutePaths>\n")
          .append("    </fetcher>\n")
          .append("  </fetchers>\n");
    }
    return xml.append("</properties>\n").toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
