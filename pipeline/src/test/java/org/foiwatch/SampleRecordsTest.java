package org.foiwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.poi.hsmf.MAPIMessage;
import org.apache.poi.hsmf.datatypes.AttachmentChunks;
import org.foiwatch.testing.SampleCorpus;
import org.foiwatch.testing.SampleCorpus.Sample;
import org.foiwatch.testing.Tesseract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on samples/docs, as a newcomer first runs it: the scan is read by OCR, a zip's
 * members and an e-mail's attachments (.eml or Outlook .msg) become documents of their own whose
 * equipment counts for the file, and the Word 97 file is read as Word. Expected records come
 * from the samples' truth and from the files themselves (zip entries, MIME parts, MAPI storages).
 */
class SampleRecordsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SAMPLES = Path.of("..", "samples", "docs");
  private static final Pattern MIME_FILENAME = Pattern.compile("Content-Disposition: attachment; filename=\"([^\"]+)\"");

  @TempDir static Path output;
  @TempDir static Path ocrCache;
  private static List<JsonNode> documents;
  private static List<JsonNode> equipment;
  private static List<JsonNode> mentions;

  @BeforeAll
  static void runOnTheSamples() throws Exception {
    Tesseract.assumeAvailable(); // the samples include a scan
    FoiOptions options = PipelineOptionsFactory.fromArgs("--input=" + SAMPLES, "--output=" + output,
        "--ocrCacheDir=" + ocrCache).as(FoiOptions.class);
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    assertEquals(0, FoiPipeline.run(options, new PrintStream(console, true, StandardCharsets.UTF_8)),
        () -> console.toString(StandardCharsets.UTF_8));
    documents = records("documents");
    equipment = records("equipment");
    mentions = records("mentions");
  }

  @Test
  void theScanIsReadByOcr() {
    List<Sample> scans = samples(s -> s.format().equals("pdf-scanned"));
    assertFalse(scans.isEmpty(), "the samples show a scan");
    for (Sample scan : scans) {
      JsonNode document = file(scan);
      assertEquals("parsed", document.get("status").asText(), document::toString);
      assertEquals("ran", document.get("ocr").asText(), document::toString);
      assertEquals("[1]", document.get("ocr_pages").toString(), document::toString);
      assertEquals(expectedEquipment(scan), equipmentOf(scan));
    }
  }

  @Test
  void aZipsMembersAreAttachmentsAndTheirEquipmentCountsForTheZip() throws IOException {
    List<Sample> zips = samples(s -> s.format().equals("zip"));
    assertFalse(zips.isEmpty(), "the samples show a zip");
    for (Sample zip : zips) {
      assertEquals("application/zip", file(zip).get("media_type").asText());
      assertAttachmentsAre(zip, zipEntries(zip.bytes()));
      assertEquals(expectedEquipment(zip), equipmentOf(zip));
      assertMentionsComeFromAttachments(zip);
    }
  }

  @Test
  void anEmailsAttachmentsAreDocumentsAndTheirEquipmentCountsForTheEmail() {
    List<Sample> emails = samples(s -> s.format().equals("eml") || s.format().equals("msg"));
    assertTrue(emails.stream().anyMatch(e -> attachedFiles(e).size() > 1), "the samples show an e-mail with attachments");
    assertTrue(emails.stream().anyMatch(e -> e.format().equals("msg")), "the samples show an Outlook message");
    for (Sample email : emails) {
      assertEquals(email.format().equals("msg") ? "application/vnd.ms-outlook" : "message/rfc822",
          file(email).get("media_type").asText());
      Set<String> attached = attachedFiles(email);
      assertAttachmentsAre(email, attached);
      assertEquals(expectedEquipment(email), equipmentOf(email));
      if (!attached.isEmpty()) {
        assertMentionsComeFromAttachments(email);
      }
    }
  }

  @Test
  void theWord97FileIsReadAsWord() {
    List<Sample> docs = samples(s -> s.format().equals("doc"));
    assertFalse(docs.isEmpty(), "the samples show a .doc");
    for (Sample doc : docs) {
      JsonNode document = file(doc);
      assertEquals("application/msword", document.get("media_type").asText());
      assertEquals("parsed", document.get("status").asText(), document::toString);
      assertEquals(doc.truth().outcome(), document.get("outcome").asText());
      assertEquals(doc.truth().foiReference(), document.get("foi_reference").asText());
      assertEquals(expectedEquipment(doc), equipmentOf(doc));
    }
  }

  private static List<Sample> samples(Predicate<Sample> which) {
    return SampleCorpus.samples().stream().filter(which).toList();
  }

  /** The input file's own document record (not one of its attachments'). */
  private static JsonNode file(Sample sample) {
    List<JsonNode> own = documents.stream()
        .filter(d -> d.get("source").asText().equals(sample.name()) && d.get("attachment").isNull()).toList();
    assertEquals(1, own.size(), () -> sample.name() + ": " + documents);
    return own.get(0);
  }

  /** Each attachment has its own parsed record, a child of the file's record. */
  private static void assertAttachmentsAre(Sample sample, Set<String> names) {
    String parentId = file(sample).get("document_id").asText();
    List<JsonNode> attachments = documents.stream()
        .filter(d -> d.get("source").asText().equals(sample.name()) && !d.get("attachment").isNull()).toList();
    assertEquals(names, attachments.stream().map(d -> d.get("attachment").asText()).collect(Collectors.toCollection(TreeSet::new)),
        sample.name());
    for (JsonNode attachment : attachments) {
      assertEquals("parsed", attachment.get("status").asText(), attachment::toString);
      assertEquals(parentId, attachment.get("parent_id").asText(), attachment::toString);
    }
  }

  /** Where a file's equipment was read: every mention behind its equipment names an attachment. */
  private static void assertMentionsComeFromAttachments(Sample sample) {
    Set<String> ids = equipment.stream().filter(e -> e.get("source").asText().equals(sample.name()))
        .flatMap(e -> toList(e.get("mention_ids")).stream()).collect(Collectors.toSet());
    List<JsonNode> behind = mentions.stream().filter(m -> ids.contains(m.get("mention_id").asText())).toList();
    assertEquals(ids.size(), behind.size(), sample.name());
    for (JsonNode mention : behind) {
      assertFalse(mention.get("attachment").isNull(), mention::toString);
    }
  }

  private static Set<String> expectedEquipment(Sample sample) {
    return sample.truth().mentions().stream().map(m -> m.vendor() + " " + m.model() + " " + m.quantity())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> equipmentOf(Sample sample) {
    return equipment.stream().filter(e -> e.get("source").asText().equals(sample.name()))
        .map(e -> e.get("vendor").asText() + " " + text(e.get("model")) + " " + text(e.get("quantity")))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String text(JsonNode value) {
    return value == null || value.isNull() ? "null" : value.asText();
  }

  private static List<String> toList(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static Set<String> zipEntries(byte[] zip) throws IOException {
    Set<String> names = new TreeSet<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        names.add(entry.getName());
      }
    }
    return names;
  }

  /** The names of an e-mail's attachments: its MIME parts' file names, or an Outlook message's as POI reads them. */
  private static Set<String> attachedFiles(Sample email) {
    Set<String> names = new TreeSet<>();
    if (email.format().equals("msg")) {
      try (MAPIMessage message = new MAPIMessage(new ByteArrayInputStream(email.bytes()))) {
        for (AttachmentChunks attachment : message.getAttachmentFiles()) {
          names.add(attachment.getAttachLongFileName().getValue());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return names;
    }
    Matcher matcher = MIME_FILENAME.matcher(new String(email.bytes(), StandardCharsets.UTF_8));
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private static List<JsonNode> records(String name) throws IOException {
    List<JsonNode> records = new ArrayList<>();
    for (String line : Files.readAllLines(output.resolve(name + ".jsonl"))) {
      records.add(JSON.readTree(line));
    }
    return records;
  }
}
