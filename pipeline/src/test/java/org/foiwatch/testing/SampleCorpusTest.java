package org.foiwatch.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.foiwatch.ingest.Block;
import org.foiwatch.ingest.DocumentStatus;
import org.foiwatch.ingest.OcrReport;
import org.foiwatch.ingest.OcrSettings;
import org.foiwatch.ingest.ParsedDocument;
import org.foiwatch.ingest.ParserLimits;
import org.foiwatch.ingest.TikaDocumentParser;
import org.foiwatch.testing.SampleCorpus.Mention;
import org.foiwatch.testing.SampleCorpus.Sample;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code samples/} equal to what {@link SampleCorpus} generates, and its truth consistent
 * with the text Tika extracts. Regenerate with {@code -Dfoiwatch.writeSamples=true}.
 */
class SampleCorpusTest {

  // Surefire runs in the module directory; the samples live at the repository root.
  private static final Path SAMPLES = Path.of("..", "samples");

  @Test
  void committedSamplesEqualTheGeneratorsOutput() throws IOException {
    if (Boolean.getBoolean("foiwatch.writeSamples")) {
      SampleCorpus.main(new String[] {SAMPLES.toString()});
    }
    for (Sample sample : SampleCorpus.samples()) {
      Path file = SAMPLES.resolve("docs").resolve(sample.name());
      assertTrue(Files.exists(file), () -> file + " is missing; run with -Dfoiwatch.writeSamples=true");
      assertArrayEquals(sample.bytes(), Files.readAllBytes(file), () -> file + " differs from SampleCorpus");
    }
    assertEquals(SampleCorpus.truthJsonl(), Files.readString(SAMPLES.resolve("truth.jsonl"), StandardCharsets.UTF_8));
    try (Stream<Path> files = Files.list(SAMPLES.resolve("docs"))) {
      assertEquals(SampleCorpus.samples().size(), files.count(), "samples/docs holds only generated files");
    }
  }

  @Test
  void everyMentionIsWrittenInTheExtractedText() {
    try (TikaDocumentParser parser = new TikaDocumentParser(ParserLimits.defaults())) {
      for (Sample sample : SampleCorpus.samples()) {
        if (!isScan(sample)) {
          assertTruthIsInTheText(sample, parser.parse(sample.name(), sample.bytes()));
        }
      }
    }
  }

  @Test
  void aScanIsReadByOcrAndSaysWhatItsTruthSays() {
    Tesseract.assumeAvailable();
    List<Sample> scans = SampleCorpus.samples().stream().filter(SampleCorpusTest::isScan).toList();
    assertFalse(scans.isEmpty(), "the samples show a scan");
    try (TikaDocumentParser noOcr = new TikaDocumentParser(ParserLimits.defaults());
        TikaDocumentParser ocr = new TikaDocumentParser(ParserLimits.defaults(), new OcrSettings(OcrSettings.Mode.AUTO, ""))) {
      for (Sample scan : scans) {
        assertEquals(0, noOcr.parse(scan.name(), scan.bytes()).get(0).chars(), () -> scan.name() + " has a text layer");
        List<ParsedDocument> documents = ocr.parse(scan.name(), scan.bytes());
        assertEquals(OcrReport.Status.RAN, documents.get(0).ocr().status(), scan.name());
        assertTruthIsInTheText(scan, documents);
      }
    }
  }

  @Test
  void theWordSampleIsAWord97FileThatReadsAsItsSource() {
    Sample doc = SampleCorpus.samples().stream().filter(s -> s.format().equals("doc")).findFirst().orElseThrow();
    try (TikaDocumentParser parser = new TikaDocumentParser(ParserLimits.defaults())) {
      ParsedDocument word97 = parser.parse(doc.name(), doc.bytes()).get(0);
      ParsedDocument source = parser.parse("source.docx", SampleCorpus.tarnsideWordSource()).get(0);
      assertEquals("application/msword", word97.mediaType());
      // The converted file must hold the generator's letter: same paragraphs, same table rows.
      assertEquals(source.blocks().stream().map(Block::cells).toList(), word97.blocks().stream().map(Block::cells).toList());
      assertTrue(word97.blocks().stream().anyMatch(Block::isRow), "the .doc keeps its Word table");
    }
  }

  private static boolean isScan(Sample sample) {
    return sample.format().equals("pdf-scanned");
  }

  /** Every document parsed, and the authority, reference and each mention as written appear in the text. */
  private static void assertTruthIsInTheText(Sample sample, List<ParsedDocument> documents) {
    assertTrue(documents.stream().allMatch(d -> d.status() == DocumentStatus.PARSED), () -> sample.name() + ": " + documents);
    String text = documents.stream().flatMap(d -> d.blocks().stream()).map(Block::text).collect(Collectors.joining("\n"));
    assertTrue(text.contains(sample.truth().authority()), () -> sample.name() + " lacks its authority");
    if (sample.truth().foiReference() != null) {
      assertTrue(text.contains(sample.truth().foiReference()), () -> sample.name() + " lacks its reference");
    }
    for (Mention mention : sample.truth().mentions()) {
      assertTrue(text.contains(mention.vendorAsWritten()), () -> sample.name() + " lacks " + mention.vendorAsWritten());
      assertTrue(text.contains(mention.modelAsWritten()), () -> sample.name() + " lacks " + mention.modelAsWritten());
    }
  }
}
