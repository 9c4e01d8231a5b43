package org.foiwatch.ingest;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * Reads one listed input entry that its {@link InputConfinement} lets through (the others get a
 * {@code skipped} document) and parses it with Tika into documents: the file itself and each
 * attachment. A file that cannot be parsed ends as its failure document, whose status says why:
 * its record is written like any other (counted as {@code input_files_failed}). One step of the
 * DoFn that turns each input file into its records: {@link #setup} and {@link #teardown} follow
 * that DoFn's, and the counters count in its context.
 */
public final class FileParser implements Serializable {

  private final ParserLimits limits;
  private final OcrSettings ocr;
  private final InputConfinement confinement;
  private final Counter files = Metrics.counter(FileParser.class, "files");
  private final Counter attachments = Metrics.counter(FileParser.class, "attachments");
  private final Counter pages = Metrics.counter(FileParser.class, "pages");
  private final Counter failures = Metrics.counter(FileParser.class, "failures");
  private final Counter inputFilesFailed = Metrics.counter(FileParser.class, "input_files_failed");
  private transient TikaDocumentParser parser;

  public FileParser(ParserLimits limits, OcrSettings ocr, InputConfinement confinement) {
    this.limits = limits;
    this.ocr = ocr;
    this.confinement = confinement;
  }

  public void setup() {
    parser = new TikaDocumentParser(limits, ocr);
  }

  /** The documents of the input file {@code source}, listed at {@code listedSize} bytes; never empty. */
  public List<ParsedDocument> parse(String source, long listedSize) {
    files.inc();
    List<ParsedDocument> documents = read(source, listedSize);
    boolean fileFailed = false;
    for (ParsedDocument document : documents) {
      if (!document.isContainer()) {
        attachments.inc();
      }
      pages.inc(document.pages());
      Metrics.counter(FileParser.class, "status_" + document.status().label()).inc();
      if (document.status().failed()) {
        failures.inc();
        fileFailed |= document.isContainer();
      }
    }
    if (fileFailed) {
      inputFilesFailed.inc();
    }
    return documents;
  }

  private List<ParsedDocument> read(String source, long listedSize) {
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

  public void teardown() {
    if (parser != null) {
      parser.close();
    }
  }
}
