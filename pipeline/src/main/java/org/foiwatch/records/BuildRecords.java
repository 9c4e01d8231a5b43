package org.foiwatch.records;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.foiwatch.extract.ExtractMentions.ExtractedDocument;
import org.foiwatch.normalise.VendorCatalogue;

/**
 * Builds the documents, mentions and equipment records of each input file from its extracted
 * documents, kept together per input file ({@link SplitRecords} parts them by kind): an earlier
 * run's records of an unchanged file join here without being parsed again.
 */
public final class BuildRecords
    extends PTransform<PCollection<KV<String, List<ExtractedDocument>>>, PCollection<KV<String, RecordBuilder.Records>>> {

  private final SourcePaths paths;

  public BuildRecords(SourcePaths paths) {
    this.paths = paths;
  }

  @Override
  public PCollection<KV<String, RecordBuilder.Records>> expand(PCollection<KV<String, List<ExtractedDocument>>> extracted) {
    // One element per input file already (see ParseDocuments): no grouping needed.
    return extracted
        .apply("BuildInputFileRecords", ParDo.of(new BuildFn(paths)))
        .setCoder(RecordsCoder.perInputFile());
  }

  static final class BuildFn extends DoFn<KV<String, List<ExtractedDocument>>, KV<String, RecordBuilder.Records>> {
    private final Counter equipment = Metrics.counter(BuildFn.class, "equipment");
    private final SourcePaths paths;
    private final Counter built = Metrics.counter(BuildFn.class, "documents_built");
    private final Counter failed = Metrics.counter(BuildFn.class, "documents_build_failed");
    private transient RecordBuilder builder;

    BuildFn(SourcePaths paths) {
      this.paths = paths;
    }

    @Setup
    public void setup() {
      builder = new RecordBuilder(VendorCatalogue.standard(), paths);
    }

    @ProcessElement
    public void process(@Element KV<String, List<ExtractedDocument>> input,
        OutputReceiver<KV<String, RecordBuilder.Records>> out) {
      RecordBuilder.Records records = build(input.getKey(), input.getValue());
      equipment.inc(records.equipment().size());
      out.output(KV.of(input.getKey(), records));
    }

    /**
     * The input file's records, guarded per document: when building throws, each document is
     * built alone to find the ones that fail, which keep their record as extract_failed with the
     * error and nothing extracted; if the rest still fails together, every document does.
     */
    private RecordBuilder.Records build(String source, List<ExtractedDocument> documents) {
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
}
