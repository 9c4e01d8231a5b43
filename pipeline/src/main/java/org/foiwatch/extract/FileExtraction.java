package org.foiwatch.extract;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.foiwatch.ingest.ParsedDocument;

/**
 * Extracts FOI fields and equipment mentions from every document of one input file, keeping
 * the file's documents together (attachments report under their input file). The documents'
 * blocks are dropped here: the records need only identity, status and what was extracted. One
 * step of the DoFn that turns each input file into its records.
 */
public final class FileExtraction implements Serializable {

  private final Counter mentions = Metrics.counter(FileExtraction.class, "mentions");
  private final Counter extracted = Metrics.counter(FileExtraction.class, "documents_extracted");
  private final Counter failed = Metrics.counter(FileExtraction.class, "documents_extract_failed");
  private final int extractTimeoutSeconds;
  private transient DocumentExtractor extractor;

  /** Each document's extraction ends after {@code extractTimeoutSeconds} (truncated_by = extract_timeout). */
  public FileExtraction(int extractTimeoutSeconds) {
    this.extractTimeoutSeconds = extractTimeoutSeconds;
  }

  public void setup() {
    extractor = new DocumentExtractor(Duration.ofSeconds(extractTimeoutSeconds));
  }

  /** Each document of one input file, extracted, in the order given. */
  public List<ExtractedDocument> extract(List<ParsedDocument> documents) {
    List<ExtractedDocument> extractedDocuments = new ArrayList<>(documents.size());
    for (ParsedDocument document : documents) {
      extractedDocuments.add(extract(document));
    }
    return extractedDocuments;
  }

  /** One document's extraction, guarded: a throw (a bug, a regex's stack) fails that document only. */
  private ExtractedDocument extract(ParsedDocument document) {
    DocumentExtractor.Extraction extraction;
    try {
      extraction = extractor.extract(document);
    } catch (RuntimeException | StackOverflowError e) {
      failed.inc();
      return ExtractedDocument.failed(document, document.chars(), e, "extraction");
    }
    extracted.inc();
    mentions.inc(extraction.mentions().size());
    return new ExtractedDocument(recorded(document, extraction), document.chars(), extraction);
  }

  /** The document as its record shows it: without its text, and truncated when its extraction timed out. */
  private ParsedDocument recorded(ParsedDocument document, DocumentExtractor.Extraction extraction) {
    ParsedDocument withoutText = document.withBlocks(List.of());
    return extraction.timedOut()
        ? withoutText.truncated("extract_timeout", "extraction stopped after " + extractTimeoutSeconds
            + " s (--extractTimeoutSeconds); the mentions found until then are kept")
        : withoutText;
  }
}
