package org.foiwatch.records;

import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.foiwatch.extract.FileExtraction;
import org.foiwatch.ingest.FileParser;
import org.foiwatch.ingest.ParsedDocument;

/**
 * Turns each listed input file (source, listed size) into its documents, mentions and equipment
 * records, kept together per input file ({@link SplitRecords} parts them by kind): parsed
 * ({@link FileParser}), extracted ({@link FileExtraction}) and built in one DoFn, so a file's
 * text never crosses a coder boundary or waits in a bundle; only its records leave. An earlier
 * run's records of an unchanged file join after this without being parsed again.
 */
public final class BuildRecords extends PTransform<PCollection<KV<String, Long>>, PCollection<KV<String, RecordBuilder.Records>>> {

  /** Counts input files as their parse ends, for the progress line: parsing is most of a run's time. */
  public static final String FILES_PARSED = "input_files_parsed";

  private final FileParser parser;
  private final FileExtraction extraction;
  private final FileRecords records;

  public BuildRecords(FileParser parser, FileExtraction extraction, FileRecords records) {
    this.parser = parser;
    this.extraction = extraction;
    this.records = records;
  }

  @Override
  public PCollection<KV<String, RecordBuilder.Records>> expand(PCollection<KV<String, Long>> files) {
    return files
        .apply("ParseExtractBuild", ParDo.of(new BuildFn(parser, extraction, records)))
        .setCoder(RecordsCoder.perInputFile());
  }

  static final class BuildFn extends DoFn<KV<String, Long>, KV<String, RecordBuilder.Records>> {
    private final Counter parsed = Metrics.counter(BuildRecords.class, FILES_PARSED);
    private final FileParser parser;
    private final FileExtraction extraction;
    private final FileRecords records;

    BuildFn(FileParser parser, FileExtraction extraction, FileRecords records) {
      this.parser = parser;
      this.extraction = extraction;
      this.records = records;
    }

    @Setup
    public void setup() {
      parser.setup();
      extraction.setup();
      records.setup();
    }

    @ProcessElement
    public void process(@Element KV<String, Long> file, OutputReceiver<KV<String, RecordBuilder.Records>> out) {
      String source = file.getKey();
      List<ParsedDocument> documents = parser.parse(source, file.getValue());
      parsed.inc();
      out.output(KV.of(source, records.build(source, extraction.extract(documents))));
    }

    @Teardown
    public void teardown() {
      parser.teardown();
    }
  }
}
