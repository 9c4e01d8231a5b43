package org.foiwatch.sinks;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.apache.avro.specific.SpecificRecord;
import org.apache.beam.sdk.io.FileIO;

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

  /**
   * Parses {@code --formats} ("jsonl,csv,parquet"). JSON Lines is always included: the run's
   * own end-of-run check and report read it back.
   */
  public static List<RecordFormat> parse(String formats) {
    EnumSet<RecordFormat> chosen = EnumSet.of(JSONL);
    for (String name : formats.split(",")) {
      if (name.isBlank()) {
        continue;
      }
      try {
        chosen.add(valueOf(name.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown format '" + name.trim() + "' in --formats (use jsonl, csv, avro, parquet)");
      }
    }
    return new ArrayList<>(chosen);
  }
}
