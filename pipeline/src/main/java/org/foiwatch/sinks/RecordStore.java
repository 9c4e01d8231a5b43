package org.foiwatch.sinks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.foiwatch.records.RecordBuilder;
import org.foiwatch.records.RecordsCoder;

/**
 * Every input file's records as the run built them, kept in the run's directory ({@code
 * records/*.records}, each a stream of encoded (source, records) pairs) so that the next run can
 * take over the records of unchanged files without parsing them. Read back through the same coder,
 * they are the very records, so the files written from them are byte-identical.
 */
public final class RecordStore {

  private static final String DIRECTORY = "records";
  private static final String EXTENSION = ".records";
  private static final Coder<KV<String, RecordBuilder.Records>> CODER = RecordsCoder.perInputFile();

  private RecordStore() {}

  /** The store's files in a run's directory. */
  public static List<String> files(String runDirectory) throws IOException {
    String pattern = directory(runDirectory).resolve("*" + EXTENSION, StandardResolveOptions.RESOLVE_FILE).toString();
    List<String> files = new ArrayList<>();
    MatchResult match = FileSystems.match(pattern, EmptyMatchTreatment.ALLOW);
    if (match.status() == MatchResult.Status.OK) {
      match.metadata().forEach(m -> files.add(m.resourceId().toString()));
    }
    files.sort(null);
    return files;
  }

  private static ResourceId directory(String runDirectory) {
    return FileSystems.matchNewResource(runDirectory, true).resolve(DIRECTORY, StandardResolveOptions.RESOLVE_DIRECTORY);
  }

  /** Writes each bundle's input files into a store file of its own in {@code runDirectory}. */
  public static final class Write extends PTransform<PCollection<KV<String, RecordBuilder.Records>>, PDone> {
    private final String runDirectory;

    public Write(String runDirectory) {
      this.runDirectory = runDirectory;
    }

    @Override
    public PDone expand(PCollection<KV<String, RecordBuilder.Records>> perInputFile) {
      perInputFile.apply("WriteStoreFiles", ParDo.of(new WriteFn(runDirectory)));
      return PDone.in(perInputFile.getPipeline());
    }
  }

  static final class WriteFn extends DoFn<KV<String, RecordBuilder.Records>, Void> {
    private final String runDirectory;
    private transient OutputStream out;

    WriteFn(String runDirectory) {
      this.runDirectory = runDirectory;
    }

    @ProcessElement
    public void process(@Element KV<String, RecordBuilder.Records> file) throws IOException {
      if (out == null) {
        // A random name: bundles write side by side and never into each other's files.
        ResourceId store = directory(runDirectory).resolve(UUID.randomUUID() + EXTENSION, StandardResolveOptions.RESOLVE_FILE);
        out = new BufferedOutputStream(Channels.newOutputStream(FileSystems.create(store, "application/octet-stream")), 1 << 16);
      }
      CODER.encode(file, out);
    }

    @FinishBundle
    public void finishBundle() throws IOException {
      if (out != null) {
        out.close();
        out = null;
      }
    }
  }

  /** The stored records of the input files {@code sources}, read from the store {@code files}. */
  public static final class Read extends PTransform<PBegin, PCollection<KV<String, RecordBuilder.Records>>> {
    private final List<String> files;
    private final Set<String> sources;

    public Read(List<String> files, Set<String> sources) {
      this.files = List.copyOf(files);
      this.sources = Set.copyOf(sources);
    }

    @Override
    public PCollection<KV<String, RecordBuilder.Records>> expand(PBegin begin) {
      return begin
          .apply("StoreFiles", Create.of(files).withCoder(StringUtf8Coder.of()))
          .apply("SpreadStoreFiles", Reshuffle.viaRandomKey())
          .apply("ReadStoreFiles", ParDo.of(new ReadFn(sources)))
          .setCoder(CODER);
    }
  }

  static final class ReadFn extends DoFn<String, KV<String, RecordBuilder.Records>> {
    private final Counter reused = Metrics.counter(ReadFn.class, "input_files_reused");
    private final Set<String> sources;

    ReadFn(Set<String> sources) {
      this.sources = sources;
    }

    @ProcessElement
    public void process(@Element String file, OutputReceiver<KV<String, RecordBuilder.Records>> out) throws IOException {
      try (InputStream in = new BufferedInputStream(
          Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(file, false))), 1 << 16)) {
        while (!atEnd(in)) {
          KV<String, RecordBuilder.Records> stored = CODER.decode(in);
          if (sources.contains(stored.getKey())) {
            reused.inc();
            out.output(stored);
          }
        }
      }
    }

    private static boolean atEnd(InputStream in) throws IOException {
      in.mark(1);
      boolean end = in.read() < 0;
      in.reset();
      return end;
    }
  }
}
