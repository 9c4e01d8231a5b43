package org.foiwatch.ingest;

import java.io.IOException;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Reads every listed input entry that its {@link InputConfinement} lets through (the others get
 * a {@code skipped} document) and parses it with Tika into documents: the file itself and each
 * attachment, as one element per input file (keyed by it), so that everything downstream runs
 * per file without regrouping. A file that cannot be parsed stays in the one output with its
 * failure document, whose status says why: its record is written like any other, so no second
 * output is needed to keep it (counted as {@code input_files_failed}).
 */
public final class ParseDocuments
    extends PTransform<PCollection<KV<String, Long>>, PCollection<KV<String, List<ParsedDocument>>>> {

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
    return files.apply("ParseFile", ParDo.of(new ParseFileFn(limits, ocr, confinement)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(ParsedDocumentCoder.of())));
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
    private final Counter inputFilesFailed = Metrics.counter(ParseFileFn.class, "input_files_failed");
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
    public void process(@Element KV<String, Long> file, OutputReceiver<KV<String, List<ParsedDocument>>> out) {
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
      if (fileFailed) {
        inputFilesFailed.inc();
      }
      out.output(KV.of(source, documents));
    }

    private List<ParsedDocument> parseFile(String source, long listedSize) {
      byte[] content;
      try (InputReader.Opened opened = InputReader.open(source, listedSize, confinement, limits.maxFileBytes())) {
        if (opened.stream() == null) {
          return List.of(ParsedDocuments.unread(source, opened.status(), opened.reason()));
        }
        content = opened.stream().readAllBytes();
      } catch (IOException | RuntimeException e) {
        return List.of(ParsedDocuments.unread(source, DocumentStatus.CORRUPT, "could not be read: " + e));
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
