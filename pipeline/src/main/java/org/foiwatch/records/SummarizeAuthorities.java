package org.foiwatch.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The per-authority summary: merges the summaries of the input files ({@link BuildRecords#FILE_SUMMARIES},
 * keyed by their authority) into one record per authority ({@link AuthoritySummary#merge}).
 *
 * <p>The parts are gathered in one place rather than grouped by authority: there is one small part
 * per input file and a few thousand authorities at most, and a grouping with a key per authority
 * would cost the DirectRunner a bundle per authority on every step after it.
 */
public final class SummarizeAuthorities extends PTransform<PCollection<KV<String, SummaryRecord>>, PCollection<SummaryRecord>> {

  /** The summary's tag when it joins the other records (see sinks.WriteOutputs). */
  public static final TupleTag<SummaryRecord> SUMMARY = new TupleTag<>() {};

  @Override
  public PCollection<SummaryRecord> expand(PCollection<KV<String, SummaryRecord>> fileSummaries) {
    return fileSummaries
        .apply("GatherFileSummaries", WithKeys.of(""))
        .apply("GatherInOnePlace", GroupByKey.create())
        .apply("MergePerAuthority", ParDo.of(new MergeFn()))
        .setCoder(AvroCoder.of(SummaryRecord.class));
  }

  static final class MergeFn extends DoFn<KV<String, Iterable<KV<String, SummaryRecord>>>, SummaryRecord> {
    private final Counter authorities = Metrics.counter(MergeFn.class, "authorities");

    @ProcessElement
    public void process(@Element KV<String, Iterable<KV<String, SummaryRecord>>> all, OutputReceiver<SummaryRecord> out) {
      Map<String, List<SummaryRecord>> byAuthority = new TreeMap<>();
      for (KV<String, SummaryRecord> part : all.getValue()) {
        byAuthority.computeIfAbsent(part.getKey(), key -> new ArrayList<>()).add(part.getValue());
      }
      byAuthority.forEach((key, parts) -> out.output(AuthoritySummary.merge(AuthoritySummary.authority(key), parts)));
      authorities.inc(byAuthority.size());
    }
  }
}
