package org.foiwatch.sinks;

import java.util.List;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PDone;
import org.foiwatch.records.DocumentRecord;
import org.foiwatch.records.EquipmentRecord;
import org.foiwatch.records.MentionRecord;
import org.foiwatch.records.SplitRecords;
import org.foiwatch.records.SummarizeAuthorities;
import org.foiwatch.records.SummaryRecord;

/**
 * Writes documents, mentions, equipment and the per-authority summary under the output
 * directory, each kind in every chosen format and in its own sort order.
 */
public final class WriteOutputs extends PTransform<PCollectionTuple, PDone> {

  /** The record kinds, by file name. */
  public static final List<String> NAMES = List.of("documents", "mentions", "equipment", "summary");

  private final String outputDirectory;
  private final List<RecordFormat> formats;
  private final int recordsPerShard;

  public WriteOutputs(String outputDirectory, List<RecordFormat> formats, int recordsPerShard) {
    this.outputDirectory = outputDirectory;
    this.formats = List.copyOf(formats);
    this.recordsPerShard = recordsPerShard;
  }

  /** Expects the tuple {@link SplitRecords} makes, plus {@link SummarizeAuthorities#SUMMARY}. */
  @Override
  public PDone expand(PCollectionTuple records) {
    records.get(SplitRecords.DOCUMENTS).apply("WriteDocuments", new WriteRecords<>(outputDirectory, "documents",
        DocumentRecord.class, d -> d.getSource() + "\u0000" + d.getDepth() + "\u0000" + nonNull(d.getAttachment()),
        formats, recordsPerShard));
    records.get(SplitRecords.MENTIONS).apply("WriteMentions", new WriteRecords<>(outputDirectory, "mentions",
        MentionRecord.class, m -> m.getSource() + "\u0000" + nonNull(m.getAttachment()) + "\u0000"
            + String.format("%09d", m.getStart()), formats, recordsPerShard));
    records.get(SplitRecords.EQUIPMENT).apply("WriteEquipment", new WriteRecords<>(outputDirectory, "equipment",
        EquipmentRecord.class, e -> e.getSource() + "\u0000" + e.getVendor() + "\u0000" + nonNull(e.getModel()),
        formats, recordsPerShard));
    // Authorities by name; the files without an authority last.
    records.get(SummarizeAuthorities.SUMMARY).apply("WriteSummary", new WriteRecords<>(outputDirectory, "summary",
        SummaryRecord.class, s -> s.getAuthority() == null ? "\uffff" : s.getAuthority(), formats, recordsPerShard));
    return PDone.in(records.getPipeline());
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }
}
