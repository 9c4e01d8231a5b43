package org.foiwatch.sinks;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.foiwatch.sort.SortedRuns;

/**
 * Writes one kind of record in every chosen format, {@code <output>/<name>.<ext>}, sorted by a
 * key so the same input gives byte-identical files on any runner and parallelism. Above
 * {@code recordsPerShard} records the sorted records are cut into consecutive
 * {@code <name>-SSSSS-of-NNNNN.<ext>} shards; the glob {@code <name>*.<ext>} reads either layout.
 * The sort is {@link SortedRuns}': no worker holds a kind's records in memory.
 */
public final class WriteRecords<T extends SpecificRecord> extends PTransform<PCollection<T>, PDone> {

  private final String outputDirectory;
  private final String name;
  private final Class<T> recordClass;
  private final SerializableFunction<T, String> sortKey;
  private final List<RecordFormat> formats;
  private final int recordsPerShard;
  private final int maxOpenRuns;

  public WriteRecords(String outputDirectory, String name, Class<T> recordClass, SerializableFunction<T, String> sortKey,
      List<RecordFormat> formats, int recordsPerShard) {
    this(outputDirectory, name, recordClass, sortKey, formats, recordsPerShard, SortedRuns.MAX_OPEN_RUNS);
  }

  /** With at most {@code maxOpenRuns} runs merged at once (tests use a few, to merge in several rounds). */
  WriteRecords(String outputDirectory, String name, Class<T> recordClass, SerializableFunction<T, String> sortKey,
      List<RecordFormat> formats, int recordsPerShard, int maxOpenRuns) {
    this.outputDirectory = outputDirectory;
    this.name = name;
    this.recordClass = recordClass;
    this.sortKey = sortKey;
    this.formats = List.copyOf(formats);
    this.recordsPerShard = recordsPerShard;
    this.maxOpenRuns = maxOpenRuns;
  }

  /** The file of one shard; a single file has no shard suffix. */
  public static ResourceId file(String outputDirectory, String name, RecordFormat format, int shard, int shards) {
    String suffix = shards == 1 ? "" : String.format("-%05d-of-%05d", shard, shards);
    return FileSystems.matchNewResource(outputDirectory, true)
        .resolve(name + suffix + "." + format.extension(), StandardResolveOptions.RESOLVE_FILE);
  }

  /** The files of one kind and format in the output directory, single or sharded, in name order. */
  public static List<ResourceId> existingFiles(String outputDirectory, String name, RecordFormat format) throws IOException {
    String single = file(outputDirectory, name, format, 0, 1).toString();
    String sharded = single.substring(0, single.length() - format.extension().length() - 1) + "-*-of-*." + format.extension();
    List<ResourceId> files = new ArrayList<>();
    for (MatchResult match : FileSystems.match(List.of(single, sharded), EmptyMatchTreatment.ALLOW)) {
      if (match.status() == MatchResult.Status.OK) {
        match.metadata().forEach(m -> files.add(m.resourceId()));
      }
    }
    files.sort(Comparator.comparing(ResourceId::toString));
    return files;
  }

  @Override
  public PDone expand(PCollection<T> records) {
    records
        .apply("SortInRuns", new SortedRuns<>(outputDirectory, name, sortKey))
        .apply("MergeRunsIntoFiles", ParDo.of(new WriteFilesFn<>(outputDirectory, name, recordClass, formats, recordsPerShard,
            records.getCoder(), maxOpenRuns)));
    return PDone.in(records.getPipeline());
  }

  /** Streams the merged runs into the files, cut into consecutive shards when there are many. */
  static final class WriteFilesFn<T extends SpecificRecord> extends DoFn<KV<String, Iterable<KV<String, Long>>>, Void> {
    private final Counter filesWritten = Metrics.counter(WriteFilesFn.class, "files_written");
    private final String outputDirectory;
    private final String name;
    private final Class<T> recordClass;
    private final List<RecordFormat> formats;
    private final int recordsPerShard;
    private final Coder<T> recordCoder;
    private final int maxOpenRuns;

    WriteFilesFn(String outputDirectory, String name, Class<T> recordClass, List<RecordFormat> formats, int recordsPerShard,
        Coder<T> recordCoder, int maxOpenRuns) {
      this.outputDirectory = outputDirectory;
      this.name = name;
      this.recordClass = recordClass;
      this.formats = formats;
      this.recordsPerShard = recordsPerShard;
      this.recordCoder = recordCoder;
      this.maxOpenRuns = maxOpenRuns;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<KV<String, Long>>> runs) throws IOException {
      try (SortedRuns.Merge<T> merge = new SortedRuns.Merge<>(outputDirectory, name, runs.getValue(), recordCoder, maxOpenRuns)) {
        int shards = (int) Math.max(1, (merge.records() + recordsPerShard - 1) / recordsPerShard);
        for (int shard = 0; shard < shards; shard++) {
          try (ShardWriter<T> shardWriter = new ShardWriter<>(outputDirectory, name, recordClass, formats, shard, shards)) {
            for (int written = 0; written < recordsPerShard && merge.hasNext(); written++) {
              shardWriter.write(merge.next().getValue());
            }
          }
          filesWritten.inc(formats.size());
        }
      }
    }
  }

  /** The files of one shard, one per format, written side by side. */
  private static final class ShardWriter<T extends SpecificRecord> implements AutoCloseable {
    private final List<FileIO.Sink<T>> sinks = new ArrayList<>();
    private final List<WritableByteChannel> channels = new ArrayList<>();

    ShardWriter(String outputDirectory, String name, Class<T> recordClass, List<RecordFormat> formats, int shard, int shards)
        throws IOException {
      for (RecordFormat format : formats) {
        WritableByteChannel channel = FileSystems.create(file(outputDirectory, name, format, shard, shards), format.mimeType());
        channels.add(channel);
        FileIO.Sink<T> sink = format.sink(recordClass);
        sink.open(channel);
        sinks.add(sink);
      }
    }

    void write(T record) throws IOException {
      for (FileIO.Sink<T> sink : sinks) {
        sink.write(record);
      }
    }

    @Override
    public void close() throws IOException {
      for (int i = 0; i < sinks.size(); i++) {
        sinks.get(i).flush();
        channels.get(i).close();
      }
    }
  }
}
