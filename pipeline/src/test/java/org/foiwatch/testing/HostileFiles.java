package org.foiwatch.testing;

import static org.foiwatch.testing.Fixtures.row;
import static org.foiwatch.testing.Fixtures.table;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/**
 * Hostile and damaged inputs, generated in code: what a dirty FOI corpus (or an attacker)
 * puts in front of the parser. Each is deterministic.
 */
public final class HostileFiles {

  /** A letter whose equipment the good-file checks look for. */
  public static final List<String> LETTER = List.of(
      "Freedom of Information Request - Reference FOI-2024-0999",
      "The Council operates the following CCTV cameras:");
  public static final List<List<String>> EQUIPMENT = table(
      row("Manufacturer", "Model", "Quantity"),
      row("Hikvision", "DS-2CD2143G0-I", "12"));

  private HostileFiles() {}

  public static byte[] goodPdf() {
    return Fixtures.pdf(LETTER, EQUIPMENT);
  }

  /**
   * A one-page PDF laid out as ReportLab writes it: catalog, page tree and font first, the page's
   * content stream last, then the cross-reference table. Cut inside the content stream, it still
   * has its page, but no text: what a truncated download of such a letter looks like.
   */
  public static byte[] contentLastPdf() {
    String content = "BT /F1 12 Tf 72 720 Td (" + LETTER.get(0) + ") Tj 0 -20 Td (Hikvision DS-2CD2143G0-I: 12) Tj ET\n"
        + "%" + "padding ".repeat(64) + "\n";
    List<String> objects = List.of(
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        "<< /Length " + content.length() + " >>\nstream\n" + content + "endstream");
    StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(pdf.length());
      pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
    }
    int xref = pdf.length();
    pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
    offsets.forEach(offset -> pdf.append(String.format("%010d 00000 n \n", offset)));
    pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
        .append("\n%%EOF\n");
    return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Opens only with the user password "secret". */
  public static byte[] userPasswordPdf() {
    return encrypt(goodPdf(), "owner-secret", "secret");
  }

  /** Opens without a password; the owner password only restricts editing and printing. */
  public static byte[] ownerPasswordOnlyPdf() {
    return encrypt(goodPdf(), "owner-secret", "");
  }

  private static byte[] encrypt(byte[] pdf, String ownerPassword, String userPassword) {
    try (PDDocument document = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      AccessPermission permissions = new AccessPermission();
      permissions.setCanModify(false);
      StandardProtectionPolicy policy = new StandardProtectionPolicy(ownerPassword, userPassword, permissions);
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A DOCX whose body pulls in {@code secretPath} through an external entity. */
  public static byte[] xxeDocx(String secretPath) {
    return docxWithDoctype("<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file://" + secretPath + "\">]>", "&xxe;");
  }

  /** A DOCX with the "billion laughs" entity expansion (10^9 copies of "lol"). */
  public static byte[] billionLaughsDocx() {
    StringBuilder doctype = new StringBuilder("<!DOCTYPE w:document [<!ENTITY lol0 \"lol\">");
    for (int level = 1; level <= 9; level++) {
      String previous = "&lol" + (level - 1) + ";";
      doctype.append("<!ENTITY lol").append(level).append(" \"").append(previous.repeat(10)).append("\">");
    }
    return docxWithDoctype(doctype.append("]>").toString(), "&lol9;");
  }

  private static byte[] docxWithDoctype(String doctype, String entityReference) {
    byte[] docx = Fixtures.docx(List.of("Entity test: PLACEHOLDER"), table(row("Manufacturer", "Quantity")));
    return rewriteZipEntry(docx, "word/document.xml", xml -> xml
        .replaceFirst("\\?>", "?>" + doctype)
        .replace("PLACEHOLDER", entityReference));
  }

  private static byte[] rewriteZipEntry(byte[] zip, String name, java.util.function.UnaryOperator<String> edit) {
    List<Fixtures.Attachment> entries = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        byte[] content = in.readAllBytes();
        if (entry.getName().equals(name)) {
          content = edit.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
        entries.add(new Fixtures.Attachment(entry.getName(), null, content));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Fixtures.zip(entries);
  }

  /** A zip of a few MB holding one text entry of {@code inflatedBytes} spaces. */
  public static byte[] zipBomb(long inflatedBytes) {
    byte[] block = new byte[1 << 20];
    java.util.Arrays.fill(block, (byte) 'A');
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
        zip.setLevel(Deflater.BEST_SPEED);
        ZipEntry entry = new ZipEntry("cameras.txt");
        entry.setTime(0);
        zip.putNextEntry(entry);
        for (long written = 0; written < inflatedBytes; written += block.length) {
          zip.write(block);
        }
        zip.closeEntry();
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An e-mail forwarded {@code levels} times, each as a message/rfc822 attachment of the next. */
  public static byte[] nestedEmail(int levels) {
    Fixtures.Mail mail = new Fixtures.Mail("foi@example.gov.uk", "requester@example.org", "Fw: CCTV",
        "Tue, 12 Mar 2024 10:15:00 +0000", "<nested@example.gov.uk>");
    byte[] message = Fixtures.emlPlain(mail, "Innermost message: we operate 3 Hikvision DS-2CD2143G0-I cameras.");
    for (int level = 1; level < levels; level++) {
      message = Fixtures.emlForward(mail, "Forward level " + level, "level-" + level + ".eml", message);
    }
    return message;
  }

  /** A zip holding a zip holding a zip ... {@code levels} deep, with a text file at the bottom. */
  public static byte[] nestedZip(int levels) {
    byte[] zip = Fixtures.zip(List.of(Fixtures.attachment("cameras.txt",
        "Innermost: the Council operates 3 Hikvision DS-2CD2143G0-I cameras.".getBytes(StandardCharsets.UTF_8))));
    for (int level = 1; level < levels; level++) {
      zip = Fixtures.zip(List.of(Fixtures.attachment("level-" + level + ".zip", zip)));
    }
    return zip;
  }

  /** Headers that promise a multipart body whose boundary never comes, with a stray part header. */
  public static byte[] malformedMime() {
    return ("From: foi@example.gov.uk\r\nSubject: broken\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/mixed; boundary=\"never-used\"\r\n\r\n"
        + "--other-boundary\r\nContent-Type: text/plain; charset=utf-99\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + "@@@ not base64 @@@\r\n").getBytes(StandardCharsets.ISO_8859_1);
  }

  public static byte[] latin1Text() {
    return "Caf\u00e9 r\u00e9ponse: the Council operates 4 Axis P3245-LVE cameras (\u00a3 cost withheld).\n"
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  public static byte[] nulLadenText() {
    return "The Council\u0000 operates\u0000\u0000 7 Dahua cameras.\u0000\n".getBytes(StandardCharsets.UTF_8);
  }

  /** Text made to become a spreadsheet formula when a record is opened in Excel. */
  public static byte[] formulaBaitText() {
    return ("=HYPERLINK(\"http://attacker.example/\",\"click\")\n+cmd|' /C calc'!A0\n-2+3\n@SUM(1)\n"
        + "The Council operates 5 Hikvision DS-2CD2143G0-I cameras.\n").getBytes(StandardCharsets.UTF_8);
  }

  /** MockParser (tika-core test jar) input: a parser busy in a loop no interrupt can stop. */
  public static byte[] hangingParserInput() {
    return mock("<hang millis=\"600000\" heavy=\"true\" pulse_millis=\"100\" interruptible=\"false\"/>");
  }

  /** MockParser input: a parser that allocates until the heap is gone. */
  public static byte[] allocatingParserInput() {
    return mock("<oom/>");
  }

  /** MockParser input: a parser that kills its JVM. */
  public static byte[] exitingParserInput() {
    return mock("<system_exit/>");
  }

  private static byte[] mock(String action) {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mock>\n<write element=\"p\">mock text</write>\n"
        + action + "\n</mock>\n").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A damaged copy of {@code original}: byte flips, a truncation, or a splice of another file's
   * bytes, chosen by {@code random}.
   */
  public static byte[] mutate(byte[] original, byte[] other, Random random) {
    byte[] bytes = original.clone();
    switch (random.nextInt(3)) {
      case 0 -> {
        int flips = 1 + random.nextInt(64);
        for (int i = 0; i < flips && bytes.length > 0; i++) {
          bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        }
      }
      case 1 -> bytes = java.util.Arrays.copyOf(bytes, random.nextInt(Math.max(1, bytes.length)));
      default -> {
        int at = random.nextInt(Math.max(1, bytes.length));
        int from = random.nextInt(Math.max(1, other.length));
        int length = Math.min(other.length - from, 1 + random.nextInt(4096));
        byte[] spliced = new byte[at + length + (bytes.length - at)];
        System.arraycopy(bytes, 0, spliced, 0, at);
        System.arraycopy(other, from, spliced, at, length);
        System.arraycopy(bytes, at, spliced, at + length, bytes.length - at);
        bytes = spliced;
      }
    }
    return bytes;
  }
}
