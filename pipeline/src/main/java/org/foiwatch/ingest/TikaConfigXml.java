package org.foiwatch.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The tika-config XML both parse modes run under: the parsers (PDF options, OCR off), the
 * auto-detect limits that guard against zip bombs (Tika's SecureContentHandler), the SHA-256
 * digester, and for forked parsing the tika-pipes client settings and the file fetcher. One
 * document, so the forked JVM and the in-process parser cannot drift apart.
 */
final class TikaConfigXml {

  /** Name of the file-system fetcher the forked parser reads its input through. */
  static final String FETCHER = "fs";

  private TikaConfigXml() {}

  /**
   * @param childJvmArgs arguments for the forked parser JVM (heap, class path); empty for
   *     in-process parsing, which needs no pipes section
   */
  static String build(ParserLimits limits, List<String> childJvmArgs) {
    StringBuilder xml = new StringBuilder();
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<properties>\n")
        .append("  <parsers>\n")
        .append("    <parser class=\"org.apache.tika.parser.DefaultParser\">\n")
        // OCR is configured explicitly: Tika would switch it on by itself whenever tesseract is
        // on the PATH.
        .append("      <parser-exclude class=\"org.apache.tika.parser.ocr.TesseractOCRParser\"/>\n")
        .append("      <parser-exclude class=\"org.apache.tika.parser.pdf.PDFParser\"/>\n")
        .append("    </parser>\n")
        .append("    <parser class=\"org.apache.tika.parser.pdf.PDFParser\">\n")
        .append("      <params>\n")
        .append("        <param name=\"sortByPosition\" type=\"bool\">true</param>\n")
        .append("        <param name=\"maxMainMemoryBytes\" type=\"long\">").append(limits.pdfMaxMainMemoryBytes())
        .append("</param>\n")
        .append("        <param name=\"ocrStrategy\" type=\"string\">no_ocr</param>\n")
        .append("      </params>\n")
        .append("    </parser>\n")
        .append("  </parsers>\n")
        .append("  <autoDetectParserConfig>\n")
        .append("    <params>\n")
        .append("      <maximumCompressionRatio>").append(limits.maxCompressionRatio())
        .append("</maximumCompressionRatio>\n")
        .append("      <maximumPackageEntryDepth>").append(limits.maxAttachmentDepth())
        .append("</maximumPackageEntryDepth>\n")
        .append("    </params>\n")
        .append("    <digesterFactory class=\"org.apache.tika.parser.digestutils.CommonsDigesterFactory\">\n")
        .append("      <params>\n")
        .append("        <markLimit>").append(Math.min(limits.maxFileBytes(), Integer.MAX_VALUE)).append("</markLimit>\n")
        .append("        <algorithmString>sha256</algorithmString>\n")
        .append("      </params>\n")
        .append("    </digesterFactory>\n")
        .append("  </autoDetectParserConfig>\n");
    if (!childJvmArgs.isEmpty()) {
      xml.append("  <pipes>\n")
          .append("    <params>\n")
          .append("      <numClients>1</numClients>\n")
          // The worker's own java, not whichever one is first on the PATH.
          .append("      <javaPath>").append(escape(Path.of(System.getProperty("java.home"), "bin", "java").toString()))
          .append("</javaPath>\n")
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
