package org.foiwatch.ingest;

import java.io.IOException;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.coders.SerializableCoder;

/**
 * Parses every matched file with Tika into documents: the file itself and each attachment.
 * Files that fail go to the {@link #FAILED} output as failure documents (the dead letter, as
 * data); both outputs are available to the caller, and {@link #expand} returns them flattened.
 */
public final class ParseDocuments
    extends PTransform<PCollection<FileIO.ReadableFile>, PCollection<ParsedDocument>> {

  public static final TupleTag<ParsedDocument> PARSED = new TupleTag<>() {};
  public static final TupleTag<ParsedDocument> FAILED = new TupleTag<>() {};

  private final ParserLimits limits;
  private final OcrSettings ocr;

  public ParseDocuments(ParserLimits limits, OcrSettings ocr) {
    this.limits = limits;
    this.ocr = ocr;
  }

  @Override
  public PCollection<ParsedDocument> expand(PCollection<FileIO.ReadableFile> files) {
    PCollectionTuple outputs =
        files.apply("ParseFile", ParDo.of(new ParseFileFn(limits, ocr)).withOutputTags(PARSED, TupleTagList.of(FAILED)));
    SerializableCoder<ParsedDocument> coder = SerializableCoder.of(ParsedDocument.class);
    return PCollectionList.of(outputs.get(PARSED).setCoder(coder))
        .and(outputs.get(FAILED).setCoder(coder))
        .apply("AllDocuments", Flatten.pCollections());
  }

  /** Reads one file and parses it with the worker's Tika parser. */
  static final class ParseFileFn extends DoFn<FileIO.ReadableFile, ParsedDocument> {
    private final ParserLimits limits;
    private final OcrSettings ocr;
    private final Counter files = Metrics.counter(ParseFileFn.class, "files");
    private final Counter attachments = Metrics.counter(ParseFileFn.class, "attachments");
    private final Counter pages = Metrics.counter(ParseFileFn.class, "pages");
    private final Counter failures = Metrics.counter(ParseFileFn.class, "failures");
    private transient TikaDocumentParser parser;

    ParseFileFn(ParserLimits limits, OcrSettings ocr) {
      this.limits = limits;
      this.ocr = ocr;
    }

    @Setup
    public void setup() {
      parser = new TikaDocumentParser(limits, ocr);
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
      String source = file.getMetadata().resourceId().toString();
      files.inc();
      for (ParsedDocument document : parseFile(file, source)) {
        boolean failed = document.status() != DocumentStatus.PARSED && document.status() != DocumentStatus.TRUNCATED;
        if (!document.isContainer()) {
          attachments.inc();
        }
        pages.inc(document.pages());
        Metrics.counter(ParseFileFn.class, "status_" + document.status().label()).inc();
        if (failed) {
          failures.inc();
        }
        out.get(failed ? FAILED : PARSED).output(document);
      }
    }

    private java.util.List<ParsedDocument> parseFile(FileIO.ReadableFile file, String source) {
      long size = file.getMetadata().sizeBytes();
      if (size > limits.maxFileBytes()) {
        String id = TikaDocumentParser.documentId("size:" + size + ":" + source, "");
        return java.util.List.of(TikaDocumentParser.failed(source, id, null, null, DocumentStatus.TOO_LARGE,
            "file is " + size + " bytes, over --maxFileBytes=" + limits.maxFileBytes()));
      }
      byte[] content;
      try {
        content = file.readFullyAsBytes();
      } catch (IOException | RuntimeException e) {
        String id = TikaDocumentParser.documentId("unreadable:" + source, "");
        return java.util.List.of(TikaDocumentParser.failed(source, id, null, null, DocumentStatus.CORRUPT,
            "could not be read: " + e.getMessage()));
      }
      return parser.parse(source, content);
    }

    @Teardown
    public void teardown() {
      if (parser != null) {
        parser.close();
      }
    }
  }
}
