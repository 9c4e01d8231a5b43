package org.foiwatch.extract;

import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
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
 * Extracts FOI fields and equipment mentions from every document, keyed by the input file it
 * belongs to (attachments report under their input file). The document's blocks are dropped
 * here: downstream needs only identity, status and what was extracted.
 */
public final class ExtractMentions
    extends PTransform<PCollection<ParsedDocument>, PCollection<KV<String, ExtractMentions.ExtractedDocument>>> {

  /** A parsed document without its text, and what was extracted from it. */
  public record ExtractedDocument(ParsedDocument document, int chars, DocumentExtractor.Extraction extraction)
      implements Serializable {}

  @Override
  public PCollection<KV<String, ExtractedDocument>> expand(PCollection<ParsedDocument> documents) {
    return documents
        .apply("ExtractDocument", ParDo.of(new ExtractFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(ExtractedDocument.class)));
  }

  static final class ExtractFn extends DoFn<ParsedDocument, KV<String, ExtractedDocument>> {
    private final Counter mentions = Metrics.counter(ExtractFn.class, "mentions");
    private transient DocumentExtractor extractor;

    @Setup
    public void setup() {
      extractor = new DocumentExtractor();
    }

    @ProcessElement
    public void process(@Element ParsedDocument document, OutputReceiver<KV<String, ExtractedDocument>> out) {
      DocumentExtractor.Extraction extraction = extractor.extract(document);
      mentions.inc(extraction.mentions().size());
      out.output(KV.of(document.source(), new ExtractedDocument(document.withBlocks(List.of()), document.chars(), extraction)));
    }
  }
}
