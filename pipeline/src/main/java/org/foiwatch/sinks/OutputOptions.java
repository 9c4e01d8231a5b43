package org.foiwatch.sinks;

import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Where and how the records and the report are written. */
public interface OutputOptions extends PipelineOptions {

  @Description("Output directory for the record files (created when missing).")
  @Default.String("out")
  String getOutput();

  void setOutput(String value);

  @Description("Output formats, comma-separated: jsonl, csv, avro, parquet. jsonl is always written (the end-of-run check reads it).")
  @Default.InstanceFactory(RecordFormat.Defaults.class)
  List<RecordFormat> getFormats();

  void setFormats(List<RecordFormat> value);

  @Description("Records per output file; a record kind with more is split into <name>-SSSSS-of-NNNNN shards.")
  @Default.Integer(200_000)
  int getRecordsPerShard();

  void setRecordsPerShard(int value);

  @Description("Also write report.png, a screenshot of report.html, with headless chromium (when installed).")
  @Default.Boolean(false)
  boolean getReportScreenshot();

  void setReportScreenshot(boolean value);
}
