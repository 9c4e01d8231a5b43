package org.foiwatch.records;

import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/** Parts each input file's records by kind, and adds the file's {@link AuthoritySummary}. */
public final class SplitRecords extends PTransform<PCollection<KV<String, RecordBuilder.Records>>, PCollectionTuple> {

  public static final TupleTag<DocumentRecord> DOCUMENTS = new TupleTag<>() {};
  public static final TupleTag<MentionRecord> MENTIONS = new TupleTag<>() {};
  public static final TupleTag<EquipmentRecord> EQUIPMENT = new TupleTag<>() {};
  /** Each input file's {@link AuthoritySummary} (input to {@link SummarizeAuthorities}). */
  public static final TupleTag<SummaryRecord> FILE_SUMMARIES = new TupleTag<>() {};

  @Override
  public PCollectionTuple expand(PCollection<KV<String, RecordBuilder.Records>> perInputFile) {
    PCollectionTuple records = perInputFile
        .apply("ByKind", ParDo.of(new SplitFn())
            .withOutputTags(DOCUMENTS, TupleTagList.of(MENTIONS).and(EQUIPMENT).and(FILE_SUMMARIES)));
    // Specific, not reflect: the generated classes' own accessors, several times faster to code.
    records.get(DOCUMENTS).setCoder(AvroCoder.specific(DocumentRecord.class));
    records.get(MENTIONS).setCoder(AvroCoder.specific(MentionRecord.class));
    records.get(EQUIPMENT).setCoder(AvroCoder.specific(EquipmentRecord.class));
    records.get(FILE_SUMMARIES).setCoder(AvroCoder.specific(SummaryRecord.class));
    return records;
  }

  static final class SplitFn extends DoFn<KV<String, RecordBuilder.Records>, DocumentRecord> {
    @ProcessElement
    public void process(@Element KV<String, RecordBuilder.Records> input, MultiOutputReceiver out) {
      RecordBuilder.Records records = input.getValue();
      records.documents().forEach(out.get(DOCUMENTS)::output);
      records.mentions().forEach(out.get(MENTIONS)::output);
      records.equipment().forEach(out.get(EQUIPMENT)::output);
      // One summary per body that replied (attachments are summed with their reply).
      AuthoritySummary.perInputFile(records.documents(), records.mentions(), records.equipment())
          .forEach(out.get(FILE_SUMMARIES)::output);
    }
  }
}
