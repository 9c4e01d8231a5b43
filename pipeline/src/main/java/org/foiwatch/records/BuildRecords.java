package org.foiwatch.records;

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
      RecordBuilder.Records records = builder.build(input.getKey(), input.getValue());
      equipment.inc(records.equipment().size());
      out.output(KV.of(input.getKey(), records));
    }
  }
}
