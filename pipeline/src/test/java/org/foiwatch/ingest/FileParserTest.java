package org.foiwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.values.KV;
import org.foiwatch.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FileParser turns each input file into its documents: a reply and an e-mail with an attachment
 * parse; a damaged PDF and a link leading out of the input folder end as documents with a failed
 * status and their error.
 */
public class FileParserTest {

  /**
   * An input folder in {@code dir} (with a file outside it in {@code outside}): a PDF reply, an
   * e-mail with a CSV attachment, a damaged PDF and a link to the outside file; its listing.
   */
  public static List<KV<String, Long>> mixedInput(Path dir, Path outside) throws IOException {
    Fixtures.writeTo(dir, "reply.pdf", Fixtures.pdf(List.of("Leeds City Council", "We hold 12 Hikvision cameras."),
        Fixtures.table(Fixtures.row("Model", "Quantity"), Fixtures.row("DS-2CD2143G0-I", "12"))));
    Fixtures.writeTo(dir, "cover.eml", Fixtures.emlWithAttachments(
        new Fixtures.Mail("foi@leeds.gov.uk", "me@example.org", "Your request", "Mon, 4 Mar 2024 10:00:00 +0000", "<1@leeds>"),
        "Please find our response attached.",
        List.of(Fixtures.attachment("sites.csv", Fixtures.csv(List.of(List.of("Site", "Cameras"), List.of("Depot", "4")))))));
    Fixtures.writeTo(dir, "broken.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog broken".getBytes(StandardCharsets.US_ASCII));
    Files.createSymbolicLink(dir.resolve("link.txt"), Files.writeString(outside.resolve("secret.txt"), "not for reading"));
    return InputFiles.list(dir.toString());
  }

  @Test
  void everyFileEndsAsItsDocumentsFailuresIncluded(@TempDir Path temp) throws IOException {
    Path dir = Files.createDirectory(temp.resolve("in"));
    List<KV<String, Long>> files = mixedInput(dir, Files.createDirectory(temp.resolve("outside")));
    assertEquals(4, files.size());

    FileParser parser = new FileParser(ParserLimits.defaults().withIsolation(false), OcrSettings.never(),
        InputConfinement.forInput(dir.toString(), false));
    parser.setup();
    Map<String, List<ParsedDocument>> byFile = new TreeMap<>();
    try {
      files.forEach(file -> byFile.put(ParsedDocuments.fileName(file.getKey()), parser.parse(file.getKey(), file.getValue())));
    } finally {
      parser.teardown();
    }
    assertEquals(List.of("broken.pdf", "cover.eml", "link.txt", "reply.pdf"), List.copyOf(byFile.keySet()));

    ParsedDocument reply = byFile.get("reply.pdf").get(0);
    assertEquals(DocumentStatus.PARSED, reply.status());
    assertNull(reply.error());
    assertTrue(reply.chars() > 0);
    assertEquals(List.of("cover.eml", "sites.csv"), byFile.get("cover.eml").stream()
        .map(d -> d.attachment() == null ? "cover.eml" : d.attachment()).toList());
    byFile.get("cover.eml").forEach(d -> assertEquals(DocumentStatus.PARSED, d.status(), d.attachment()));

    ParsedDocument broken = byFile.get("broken.pdf").get(0);
    assertEquals(DocumentStatus.CORRUPT, broken.status());
    assertNotNull(broken.error());
    ParsedDocument link = byFile.get("link.txt").get(0);
    assertEquals(DocumentStatus.SKIPPED, link.status());
    assertNotNull(link.error());
  }
}
