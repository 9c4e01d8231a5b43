package org.foiwatch.records;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The per-authority summary: documents and equipment of each input file are attributed to the
 * authority of that input file, then summed up per authority ({@link AuthoritySummary}).
 */
public final class SummarizeAuthorities extends PTransform<PCollectionTuple, PCollection<SummaryRecord>> {

  /** The summary's tag when it joins the other records (see sinks.WriteOutputs). */
  public static final TupleTag<SummaryRecord> SUMMARY = new TupleTag<>() {};

  private static final TupleTag<DocumentRecord> DOCUMENTS = new TupleTag<>() {};
  private static final TupleTag<EquipmentRecord> EQUIPMENT = new TupleTag<>() {};
  private static final TupleTag<KV<String, DocumentRecord>> AUTHORITY_DOCUMENTS = new TupleTag<>() {};
  private static final TupleTag<KV<String, EquipmentRecord>> AUTHORITY_EQUIPMENT = new TupleTag<>() {};

  /** Expects the tuple {@link BuildRecords} makes. */
  @Override
  public PCollection<SummaryRecord> expand(PCollectionTuple records) {
    PCollection<KV<String, DocumentRecord>> documentsBySource = records.get(BuildRecords.DOCUMENTS)
        .apply("DocumentsBySource", WithKeys.of((DocumentRecord d) -> d.getSource()).withKeyType(TypeDescriptors.strings()));
    PCollection<KV<String, EquipmentRecord>> equipmentBySource = records.get(BuildRecords.EQUIPMENT)
        .apply("EquipmentBySource", WithKeys.of((EquipmentRecord e) -> e.getSource()).withKeyType(TypeDescriptors.strings()));
    PCollectionTuple byAuthority = KeyedPCollectionTuple.of(DOCUMENTS, documentsBySource).and(EQUIPMENT, equipmentBySource)
        .apply("JoinBySource", CoGroupByKey.create())
        .apply("AttributeToAuthority", ParDo.of(new AttributeFn())
            .withOutputTags(AUTHORITY_DOCUMENTS, TupleTagList.of(AUTHORITY_EQUIPMENT)));
    PCollection<KV<String, DocumentRecord>> documents = byAuthority.get(AUTHORITY_DOCUMENTS)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), AvroCoder.of(DocumentRecord.class)));
    PCollection<KV<String, EquipmentRecord>> equipment = byAuthority.get(AUTHORITY_EQUIPMENT)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), AvroCoder.of(EquipmentRecord.class)));
    return KeyedPCollectionTuple.of(DOCUMENTS, documents).and(EQUIPMENT, equipment)
        .apply("JoinByAuthority", CoGroupByKey.create())
        .apply("Summarize", ParDo.of(new SummarizeFn()))
        .setCoder(AvroCoder.of(SummaryRecord.class));
  }

  /** Keys every document and equipment record of one input file by that file's authority. */
  static final class AttributeFn extends DoFn<KV<String, CoGbkResult>, KV<String, DocumentRecord>> {
    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> file, MultiOutputReceiver out) {
      Iterable<DocumentRecord> documents = file.getValue().getAll(DOCUMENTS);
      String authority = null;
      for (DocumentRecord document : documents) {
        if (document.getAttachment() == null) {
          authority = document.getAuthority();
        }
      }
      String key = AuthoritySummary.key(authority);
      documents.forEach(d -> out.get(AUTHORITY_DOCUMENTS).output(KV.of(key, d)));
      file.getValue().getAll(EQUIPMENT).forEach(e -> out.get(AUTHORITY_EQUIPMENT).output(KV.of(key, e)));
    }
  }

  static final class SummarizeFn extends DoFn<KV<String, CoGbkResult>, SummaryRecord> {
    private final Counter authorities = Metrics.counter(SummarizeFn.class, "authorities");

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> group, OutputReceiver<SummaryRecord> out) {
      String authority = group.getKey().equals(AuthoritySummary.key(null)) ? null : group.getKey();
      out.output(AuthoritySummary.build(authority, group.getValue().getAll(DOCUMENTS), group.getValue().getAll(EQUIPMENT)));
      authorities.inc();
    }
  }
}
