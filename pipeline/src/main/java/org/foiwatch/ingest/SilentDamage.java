package org.foiwatch.ingest;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Damage that a parser reads past without an error, seen in a file's bytes: why a document that
 * gave no text is {@code corrupt}, not {@code empty}. PDFBox reads a cut or garbled PDF as blank
 * pages and logs a warning, mime4j reads an e-mail cut in its headers as a message without a
 * body, and an HTML parser closes what a cut file left open. Each rule names damage that a whole
 * file never shows, so a file that parses cleanly and holds no text stays {@code empty}.
 */
final class SilentDamage {

  private static final String PDF_MAGIC = "%PDF-";
  /** A PDF ends with its end-of-file marker in the last 1024 bytes (ISO 32000-1, 7.5.5). */
  private static final int PDF_TRAILER_WINDOW = 1024;
  /** A stream's dictionary, up to "stream" and its line break, whose only filter is Flate. */
  private static final Pattern FLATE_STREAM = Pattern.compile(
      "/Filter\\s*(?:/FlateDecode|\\[\\s*/FlateDecode\\s*\\])(?:(?!>>|stream)[\\s\\S]){0,512}>>\\s*stream\\r?\\n");
  private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary\\s*=\\s*\"?([^\";\\r\\n]+)\"?");
  private static final Pattern HEADERS_END = Pattern.compile("\\r?\\n\\r?\\n");

  private SilentDamage() {}

  /**
   * Why a document without text is damaged, or null. {@code content} is the input file's bytes,
   * or null for an attachment, whose bytes are not at hand; {@code pages} is what the parser read.
   */
  static String of(String mediaType, byte[] content, int pages) {
    String damage = content == null ? null : inBytes(mediaType, new String(content, StandardCharsets.ISO_8859_1));
    if (damage == null && "application/pdf".equals(mediaType) && pages == 0) {
      damage = "the PDF has no readable page (damaged page tree)";
    }
    return damage;
  }

  private static String inBytes(String mediaType, String bytes) {
    if (bytes.startsWith(PDF_MAGIC)) {
      return pdf(bytes);
    }
    if ("message/rfc822".equals(mediaType)) {
      return email(bytes);
    }
    if ("text/html".equals(mediaType) || "application/xhtml+xml".equals(mediaType)) {
      return html(bytes);
    }
    return null;
  }

  private static String pdf(String bytes) {
    if (!bytes.substring(Math.max(0, bytes.length() - PDF_TRAILER_WINDOW)).contains("%%EOF")) {
      return "the PDF has no end-of-file marker (%%EOF): it was cut short";
    }
    Matcher stream = FLATE_STREAM.matcher(bytes);
    while (stream.find()) {
      int end = bytes.indexOf("endstream", stream.end());
      if (end > 0 && !inflates(bytes.substring(stream.end(), end).getBytes(StandardCharsets.ISO_8859_1))) {
        return "a compressed stream of the PDF does not decompress (damaged bytes)";
      }
    }
    return null;
  }

  /** False when the bytes are no valid deflate data; data that merely stops short passes. */
  private static boolean inflates(byte[] data) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(data);
      byte[] out = new byte[8192];
      while (!inflater.finished() && !inflater.needsInput() && !inflater.needsDictionary()) {
        inflater.inflate(out);
      }
      return true;
    } catch (DataFormatException e) {
      return false;
    } finally {
      inflater.end();
    }
  }

  private static String email(String bytes) {
    Matcher headersEnd = HEADERS_END.matcher(bytes);
    if (!headersEnd.find()) {
      // A message may have no body, but every header line ends with a line break.
      return bytes.endsWith("\n") ? null : "the e-mail ends inside its headers: it was cut short";
    }
    Matcher boundary = BOUNDARY.matcher(bytes.substring(0, headersEnd.start()));
    if (boundary.find() && !bytes.contains("--" + boundary.group(1).strip() + "--")) {
      return "the e-mail's multipart body has no closing boundary: it was cut short or damaged";
    }
    return null;
  }

  private static String html(String bytes) {
    String lower = bytes.toLowerCase(java.util.Locale.ROOT);
    if (lower.lastIndexOf('<') > lower.lastIndexOf('>')) {
      return "the HTML ends inside a tag: it was cut short";
    }
    if (lower.lastIndexOf("<title") > lower.lastIndexOf("</title")) {
      return "the HTML ends inside its title: it was cut short";
    }
    return null;
  }
}
