package org.foiwatch.records;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;
import org.foiwatch.sort.SortedRuns;

/**
 * The per-authority summary: merges the summaries of the input files' replies ({@link SplitRecords#FILE_SUMMARIES})
 * into one record per authority that counts each reply once ({@link AuthoritySummary#merge}).
 *
 * <p>The parts are sorted by authority with {@link SortedRuns} and merged as they stream past,
 * rather than grouped by authority: a grouping with a key per authority would cost the
 * DirectRunner a bundle per authority on every later step, and there is one part per input file.
 */
public final class SummarizeAuthorities extends PTransform<PCollection<SummaryRecord>, PCollection<SummaryRecord>> {

  /** The summary's tag when it joins the other records (see sinks.WriteOutputs). */
  public static final TupleTag<SummaryRecord> SUMMARY = new TupleTag<>() {};

  /** The name of the sorted runs of the parts. */
  private static final String PARTS = "summary-parts";

  private final String workDirectory;

  /** {@code workDirectory}: where the sorted runs are spilled (the output directory). */
  public SummarizeAuthorities(String workDirectory) {
    this.workDirectory = workDirectory;
  }

  @Override
  public PCollection<SummaryRecord> expand(PCollection<SummaryRecord> fileSummaries) {
    return fileSummaries
        .apply("SortByAuthority", new SortedRuns<>(workDirectory, PARTS, part -> AuthoritySummary.key(part.getAuthority())))
        .apply("MergePerAuthority", ParDo.of(new MergeFn(workDirectory, fileSummaries.getCoder())))
        .setCoder(AvroCoder.specific(SummaryRecord.class));
  }

  static final class MergeFn extends DoFn<KV<String, Iterable<KV<String, Long>>>, SummaryRecord> {
    private final Counter authorities = Metrics.counter(MergeFn.class, "authorities");
    private final String workDirectory;
    private final Coder<SummaryRecord> coder;

    MergeFn(String workDirectory, Coder<SummaryRecord> coder) {
      this.workDirectory = workDirectory;
      this.coder = coder;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<KV<String, Long>>> runs, OutputReceiver<SummaryRecord> out)
        throws IOException {
      try (SortedRuns.Merge<SummaryRecord> parts =
          new SortedRuns.Merge<>(workDirectory, PARTS, runs.getValue(), coder, SortedRuns.MAX_OPEN_RUNS)) {
        String key = null;
        List<SummaryRecord> ofAuthority = new ArrayList<>();
        while (parts.hasNext()) {
          KV<String, SummaryRecord> part = parts.next();
          if (!part.getKey().equals(key) && !ofAuthority.isEmpty()) {
            emit(ofAuthority, out);
          }
          key = part.getKey();
          ofAuthority.add(part.getValue());
        }
        if (!ofAuthority.isEmpty()) {
          emit(ofAuthority, out);
        }
      }
    }

    /** Merges the parts of one authority (each carries it). */
    private void emit(List<SummaryRecord> parts, OutputReceiver<SummaryRecord> out) {
      out.output(AuthoritySummary.merge(parts.get(0).getAuthority(), parts));
      authorities.inc();
      parts.clear();
    }
  }
}
