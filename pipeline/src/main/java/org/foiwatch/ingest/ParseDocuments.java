package org.foiwatch.ingest;

import java.io.IOException;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Reads every listed input entry that its {@link InputConfinement} lets through (the others get
 * a {@code skipped} document) and parses it with Tika into documents: the file itself and each
 * attachment, as one element per input file (keyed by it), so that everything downstream runs
 * per file without regrouping. Files whose own document failed go to the {@link #FAILED} output with
 * their failure document (the dead letter, as data); both outputs are available to the caller,
 * and {@link #expand} returns them flattened.
 */
public final class ParseDocuments
    extends PTransform<PCollection<KV<String, Long>>, PCollection<KV<String, List<ParsedDocument>>>> {

  /** Input files that parsed (some attachments may have failed), with all their documents. */
  public static final TupleTag<KV<String, List<ParsedDocument>>> PARSED = new TupleTag<>() {};
  /** Input files that could not be parsed, with their failure document. */
  public static final TupleTag<KV<String, List<ParsedDocument>>> FAILED = new TupleTag<>() {};

  private final ParserLimits limits;
  private final OcrSettings ocr;
  private final InputConfinement confinement;

  public ParseDocuments(ParserLimits limits, OcrSettings ocr, InputConfinement confinement) {
    this.limits = limits;
    this.ocr = ocr;
    this.confinement = confinement;
  }

  @Override
  public PCollection<KV<String, List<ParsedDocument>>> expand(PCollection<KV<String, Long>> files) {
    PCollectionTuple outputs = files.apply("ParseFile",
        ParDo.of(new ParseFileFn(limits, ocr, confinement)).withOutputTags(PARSED, TupleTagList.of(FAILED)));
    KvCoder<String, List<ParsedDocument>> coder =
        KvCoder.of(StringUtf8Coder.of(), ListCoder.of(ParsedDocumentCoder.of()));
    return PCollectionList.of(outputs.get(PARSED).setCoder(coder))
        .and(outputs.get(FAILED).setCoder(coder))
        .apply("AllFiles", Flatten.pCollections());
  }

  /** Reads one file (source, listed size) and parses it with the worker's Tika parser. */
  static final class ParseFileFn extends DoFn<KV<String, Long>, KV<String, List<ParsedDocument>>> {
    private final ParserLimits limits;
    private final OcrSettings ocr;
    private final InputConfinement confinement;
    private final Counter files = Metrics.counter(ParseFileFn.class, "files");
    private final Counter attachments = Metrics.counter(ParseFileFn.class, "attachments");
    private final Counter pages = Metrics.counter(ParseFileFn.class, "pages");
    private final Counter failures = Metrics.counter(ParseFileFn.class, "failures");
    private transient TikaDocumentParser parser;

    ParseFileFn(ParserLimits limits, OcrSettings ocr, InputConfinement confinement) {
      this.limits = limits;
      this.ocr = ocr;
      this.confinement = confinement;
    }

    @Setup
    public void setup() {
      parser = new TikaDocumentParser(limits, ocr);
    }

    @ProcessElement
    public void process(@Element KV<String, Long> file, MultiOutputReceiver out) {
      String source = file.getKey();
      files.inc();
      List<ParsedDocument> documents = parseFile(source, file.getValue());
      boolean fileFailed = false;
      for (ParsedDocument document : documents) {
        boolean failed = document.status().failed();
        if (!document.isContainer()) {
          attachments.inc();
        }
        pages.inc(document.pages());
        Metrics.counter(ParseFileFn.class, "status_" + document.status().label()).inc();
        if (failed) {
          failures.inc();
          fileFailed |= document.isContainer();
        }
      }
      out.get(fileFailed ? FAILED : PARSED).output(KV.of(source, documents));
    }

    private List<ParsedDocument> parseFile(String source, long listedSize) {
      byte[] content;
      try (InputReader.Opened opened = InputReader.open(source, listedSize, confinement, limits.maxFileBytes())) {
        if (opened.stream() == null) {
          return List.of(TikaDocumentParser.unread(source, opened.status(), opened.reason()));
        }
        content = opened.stream().readAllBytes();
      } catch (IOException | RuntimeException e) {
        return List.of(TikaDocumentParser.unread(source, DocumentStatus.CORRUPT, "could not be read: " + e));
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
