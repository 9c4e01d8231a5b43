package org.foiwatch.extract;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.foiwatch.ingest.ParsedDocument;

/**
 * Extracts FOI fields and equipment mentions from every document of each input file, keeping
 * the file's documents together under its key (attachments report under their input file).
 * The documents' blocks are dropped here: downstream needs only identity, status and what was
 * extracted.
 */
public final class ExtractMentions extends PTransform<
    PCollection<KV<String, List<ParsedDocument>>>, PCollection<KV<String, List<ExtractMentions.ExtractedDocument>>>> {

  /** A parsed document without its text, and what was extracted from it. */
  public record ExtractedDocument(ParsedDocument document, int chars, DocumentExtractor.Extraction extraction)
      implements Serializable {

    /**
     * A document whose extraction threw: it keeps its record, status extract_failed with the
     * error, and nothing extracted, so one bad document never fails its bundle or the run.
     */
    public static ExtractedDocument failed(ParsedDocument recorded, int chars, Throwable error, String step) {
      return new ExtractedDocument(recorded.withBlocks(List.of()).extractFailed(step + " failed: " + error), chars,
          new DocumentExtractor.Extraction(DocumentFields.none(), List.of(), false));
    }
  }

  private final int extractTimeoutSeconds;

  /** Each document's extraction ends after {@code extractTimeoutSeconds} (truncated_by = extract_timeout). */
  public ExtractMentions(int extractTimeoutSeconds) {
    this.extractTimeoutSeconds = extractTimeoutSeconds;
  }

  @Override
  public PCollection<KV<String, List<ExtractedDocument>>> expand(PCollection<KV<String, List<ParsedDocument>>> files) {
    return files
        .apply("ExtractDocuments", ParDo.of(new ExtractFn(extractTimeoutSeconds)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(SerializableCoder.of(ExtractedDocument.class))));
  }

  static final class ExtractFn extends DoFn<KV<String, List<ParsedDocument>>, KV<String, List<ExtractedDocument>>> {
    private final Counter mentions = Metrics.counter(ExtractFn.class, "mentions");
    private final Counter extracted = Metrics.counter(ExtractFn.class, "documents_extracted");
    private final Counter failed = Metrics.counter(ExtractFn.class, "documents_extract_failed");
    private final int extractTimeoutSeconds;
    private transient DocumentExtractor extractor;

    ExtractFn(int extractTimeoutSeconds) {
      this.extractTimeoutSeconds = extractTimeoutSeconds;
    }

    @Setup
    public void setup() {
      extractor = new DocumentExtractor(Duration.ofSeconds(extractTimeoutSeconds));
    }

    @ProcessElement
    public void process(@Element KV<String, List<ParsedDocument>> file,
        OutputReceiver<KV<String, List<ExtractedDocument>>> out) {
      List<ExtractedDocument> extractedDocuments = new ArrayList<>(file.getValue().size());
      for (ParsedDocument document : file.getValue()) {
        extractedDocuments.add(extract(document));
      }
      out.output(KV.of(file.getKey(), extractedDocuments));
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
}
