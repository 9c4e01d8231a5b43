package org.foiwatch.records;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.foiwatch.extract.ExtractedDocument;
import org.foiwatch.normalise.VendorCatalogue;

/**
 * Builds the documents, mentions and equipment records of one input file from its extracted
 * documents. One step of the DoFn that turns each input file into its records ({@link
 * BuildRecords}).
 */
public final class FileRecords implements Serializable {

  private final Counter equipment = Metrics.counter(FileRecords.class, "equipment");
  private final Counter built = Metrics.counter(FileRecords.class, "documents_built");
  private final Counter failed = Metrics.counter(FileRecords.class, "documents_build_failed");
  private final SourcePaths paths;
  private transient RecordBuilder builder;

  public FileRecords(SourcePaths paths) {
    this.paths = paths;
  }

  public void setup() {
    builder = new RecordBuilder(VendorCatalogue.standard(), paths);
  }

  /** The records of input file {@code source}, from its extracted documents. */
  public RecordBuilder.Records build(String source, List<ExtractedDocument> documents) {
    RecordBuilder.Records records = guarded(source, documents);
    equipment.inc(records.equipment().size());
    return records;
  }

  /**
   * The input file's records, guarded per document: when building throws, each document is
   * built alone to find the ones that fail, which keep their record as extract_failed with the
   * error and nothing extracted; if the rest still fails together, every document does.
   */
  private RecordBuilder.Records guarded(String source, List<ExtractedDocument> documents) {
    try {
      RecordBuilder.Records records = builder.build(source, documents);
      built.inc(documents.size());
      return records;
    } catch (RuntimeException | StackOverflowError e) {
      List<ExtractedDocument> guarded = new ArrayList<>(documents.size());
      int failures = 0;
      for (ExtractedDocument document : documents) {
        try {
          builder.build(source, List.of(document));
          guarded.add(document);
        } catch (RuntimeException | StackOverflowError alone) {
          guarded.add(failed(document, alone));
          failures++;
        }
      }
      try {
        RecordBuilder.Records records = builder.build(source, guarded);
        failed.inc(failures);
        built.inc(documents.size() - failures);
        return records;
      } catch (RuntimeException | StackOverflowError together) {
        List<ExtractedDocument> all = documents.stream().map(document -> failed(document, together)).toList();
        failed.inc(all.size());
        return builder.build(source, all);
      }
    }
  }

  private static ExtractedDocument failed(ExtractedDocument document, Throwable error) {
    return ExtractedDocument.failed(document.document(), document.chars(), error, "building records");
  }
}
