package org.foiwatch.records;

import java.util.List;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.foiwatch.extract.ExtractMentions.ExtractedDocument;
import org.foiwatch.normalise.VendorCatalogue;

/** Builds the documents, mentions and equipment records of each input file from its extracted documents. */
public final class BuildRecords
    extends PTransform<PCollection<KV<String, List<ExtractedDocument>>>, PCollectionTuple> {

  public static final TupleTag<DocumentRecord> DOCUMENTS = new TupleTag<>() {};
  public static final TupleTag<MentionRecord> MENTIONS = new TupleTag<>() {};
  public static final TupleTag<EquipmentRecord> EQUIPMENT = new TupleTag<>() {};
  /** Each input file's {@link AuthoritySummary} (input to {@link SummarizeAuthorities}). */
  public static final TupleTag<SummaryRecord> FILE_SUMMARIES = new TupleTag<>() {};

  private final SourcePaths paths;

  public BuildRecords(SourcePaths paths) {
    this.paths = paths;
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<String, List<ExtractedDocument>>> extracted) {
    // One element per input file already (see ParseDocuments): no grouping needed.
    PCollectionTuple records = extracted
        .apply("BuildInputFileRecords", ParDo.of(new BuildFn(paths))
            .withOutputTags(DOCUMENTS, TupleTagList.of(MENTIONS).and(EQUIPMENT).and(FILE_SUMMARIES)));
    // Specific, not reflect: the generated classes' own accessors, several times faster to code.
    records.get(DOCUMENTS).setCoder(AvroCoder.specific(DocumentRecord.class));
    records.get(MENTIONS).setCoder(AvroCoder.specific(MentionRecord.class));
    records.get(EQUIPMENT).setCoder(AvroCoder.specific(EquipmentRecord.class));
    records.get(FILE_SUMMARIES).setCoder(AvroCoder.specific(SummaryRecord.class));
    return records;
  }

  static final class BuildFn extends DoFn<KV<String, List<ExtractedDocument>>, DocumentRecord> {
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
    public void process(@Element KV<String, List<ExtractedDocument>> input, MultiOutputReceiver out) {
      RecordBuilder.Records records = builder.build(input.getKey(), input.getValue());
      records.documents().forEach(out.get(DOCUMENTS)::output);
      records.mentions().forEach(out.get(MENTIONS)::output);
      records.equipment().forEach(out.get(EQUIPMENT)::output);
      equipment.inc(records.equipment().size());
      // One summary per body that replied (attachments are summed with their reply).
      AuthoritySummary.perInputFile(records.documents(), records.mentions(), records.equipment())
          .forEach(out.get(FILE_SUMMARIES)::output);
    }
  }
}
