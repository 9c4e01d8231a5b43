package org.foiwatch.sinks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.apache.avro.specific.SpecificRecord;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.options.DefaultValueFactory;
import org.apache.beam.sdk.options.PipelineOptions;

/** The file formats foiwatch writes ({@code --formats}); every format holds the same records. */
public enum RecordFormat {
  JSONL("jsonl", "application/x-ndjson"),
  CSV("csv", "text/csv"),
  AVRO("avro", "application/avro"),
  PARQUET("parquet", "application/vnd.apache.parquet");

  private final String extension;
  private final String mimeType;

  RecordFormat(String extension, String mimeType) {
    this.extension = extension;
    this.mimeType = mimeType;
  }

  public String extension() {
    return extension;
  }

  String mimeType() {
    return mimeType;
  }

  <T extends SpecificRecord> FileIO.Sink<T> sink(Class<T> recordClass) {
    return switch (this) {
      case JSONL -> new JsonLinesSink<>();
      case CSV -> new CsvSink<>(recordClass);
      case AVRO -> new AvroSink<>(recordClass);
      case PARQUET -> new ParquetSink<>(recordClass);
    };
  }

  /** A name as {@code --formats} takes it, in any case. */
  @JsonCreator
  public static RecordFormat named(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown format '" + name.strip() + "' in --formats (use jsonl, csv, avro, parquet)");
    }
  }

  /** The name as {@code --formats}, {@code --help} and run.json spell it. */
  @JsonValue
  @Override
  public String toString() {
    return extension;
  }

  /**
   * The formats to write for {@code --formats}, in a fixed order. JSON Lines is always among them:
   * {@link WrittenRecords} reads it back for the end-of-run summary and report.
   */
  public static List<RecordFormat> written(List<RecordFormat> chosen) {
    EnumSet<RecordFormat> formats = EnumSet.of(JSONL);
    formats.addAll(chosen);
    return List.copyOf(formats);
  }

  /** The default of {@code --formats}. */
  public static final class Defaults implements DefaultValueFactory<List<RecordFormat>> {
    @Override
    public List<RecordFormat> create(PipelineOptions options) {
      return List.of(JSONL, CSV, PARQUET);
    }
  }
}
