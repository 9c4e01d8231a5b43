package org.foiwatch.sinks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PDone;

/**
 * Writes one kind of record in every chosen format, {@code <output>/<name>.<ext>}, sorted by a
 * key so the same input gives byte-identical files on any runner and parallelism. Above
 * {@code recordsPerShard} records the sorted records are cut into consecutive
 * {@code <name>-SSSSS-of-NNNNN.<ext>} shards; the glob {@code <name>*.<ext>} reads either layout.
 *
 * <p>An external merge sort, so no worker holds a kind's records in memory: each bundle sorts its
 * records into a run file under {@code <output>/.foiwatch-runs/<name>/}, only the run names are
 * shuffled (one small shuffle per kind: a Flink cluster's network buffers are sized for few), and
 * one worker streams a merge of the runs into the files, then deletes the runs.
 */
public final class WriteRecords<T extends SpecificRecord> extends PTransform<PCollection<T>, PDone> {

  /** Records a bundle sorts in memory before it starts another run. */
  private static final int MAX_RUN_RECORDS = 50_000;
  /** Runs merged at once: each is an open file. */
  private static final int MAX_OPEN_RUNS = 200;

  private final String outputDirectory;
  private final String name;
  private final Class<T> recordClass;
  private final SerializableFunction<T, String> sortKey;
  private final List<RecordFormat> formats;
  private final int recordsPerShard;
  private final int maxOpenRuns;

  public WriteRecords(String outputDirectory, String name, Class<T> recordClass, SerializableFunction<T, String> sortKey,
      List<RecordFormat> formats, int recordsPerShard) {
    this(outputDirectory, name, recordClass, sortKey, formats, recordsPerShard, MAX_OPEN_RUNS);
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
    KvCoder<String, T> entryCoder = KvCoder.of(StringUtf8Coder.of(), records.getCoder());
    KvCoder<String, Long> runCoder = KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
    PCollection<KV<String, Long>> runs = records
        .apply("WriteSortedRuns", ParDo.of(new WriteRunsFn<>(outputDirectory, name, sortKey, entryCoder)))
        .setCoder(runCoder);
    // An empty run makes the files exist, with their headers, when there are no records.
    PCollection<KV<String, Long>> noRecords = records.getPipeline()
        .apply("NoRecordsMarker", Create.of(KV.of("", 0L)).withCoder(runCoder));
    PCollectionList.of(runs).and(noRecords)
        .apply("WithMarker", Flatten.pCollections())
        .apply("GatherRuns", WithKeys.of(""))
        .apply("InOnePlace", GroupByKey.create())
        .apply("MergeRunsIntoFiles", ParDo.of(new MergeRunsFn<>(outputDirectory, name, recordClass, formats, recordsPerShard,
            maxOpenRuns, entryCoder)));
    return PDone.in(records.getPipeline());
  }

  /** Sort key, then the whole record for equal keys, so the order never depends on arrival. */
  private static <T extends SpecificRecord> Comparator<KV<String, T>> order() {
    return Comparator.comparing((KV<String, T> e) -> e.getKey()).thenComparing(e -> RecordJson.toJson(e.getValue()));
  }

  private static ResourceId runsDirectory(String outputDirectory, String name) {
    return FileSystems.matchNewResource(outputDirectory, true)
        .resolve(".foiwatch-runs", StandardResolveOptions.RESOLVE_DIRECTORY)
        .resolve(name, StandardResolveOptions.RESOLVE_DIRECTORY);
  }

  /** Sorts each bundle's records (at most {@link #MAX_RUN_RECORDS} at a time) into a run file; outputs (run, records). */
  static final class WriteRunsFn<T extends SpecificRecord> extends DoFn<T, KV<String, Long>> {
    private final String outputDirectory;
    private final String name;
    private final SerializableFunction<T, String> sortKey;
    private final KvCoder<String, T> entryCoder;
    private transient List<KV<String, T>> buffer;

    WriteRunsFn(String outputDirectory, String name, SerializableFunction<T, String> sortKey, KvCoder<String, T> entryCoder) {
      this.outputDirectory = outputDirectory;
      this.name = name;
      this.sortKey = sortKey;
      this.entryCoder = entryCoder;
    }

    @StartBundle
    public void startBundle() {
      buffer = new ArrayList<>();
    }

    @ProcessElement
    public void process(@Element T record, OutputReceiver<KV<String, Long>> out) throws IOException {
      buffer.add(KV.of(sortKey.apply(record), record));
      if (buffer.size() >= MAX_RUN_RECORDS) {
        out.output(writeRun());
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) throws IOException {
      if (!buffer.isEmpty()) {
        context.output(writeRun(), BoundedWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE);
      }
    }

    private KV<String, Long> writeRun() throws IOException {
      buffer.sort(order());
      Run run = WriteRecords.writeRun(outputDirectory, name, buffer.iterator(), entryCoder);
      buffer = new ArrayList<>();
      return KV.of(run.file().toString(), run.records());
    }
  }

  /** A run file and how many entries it holds. */
  private record Run(ResourceId file, long records) {}

  /** Writes sorted entries to a new run file. */
  private static <T extends SpecificRecord> Run writeRun(String outputDirectory, String name, Iterator<KV<String, T>> entries,
      Coder<KV<String, T>> coder) throws IOException {
    // A random name: a retried bundle must not overwrite a run another attempt already reported.
    ResourceId file = runsDirectory(outputDirectory, name).resolve(UUID.randomUUID() + ".run", StandardResolveOptions.RESOLVE_FILE);
    long records = 0;
    try (OutputStream stream = new BufferedOutputStream(Channels.newOutputStream(
        FileSystems.create(file, "application/octet-stream")), 1 << 16)) {
      while (entries.hasNext()) {
        coder.encode(entries.next(), stream);
        records++;
      }
    }
    return new Run(file, records);
  }

  /** Merges all runs of the kind into its files, cut into consecutive shards when there are many, then deletes the runs. */
  static final class MergeRunsFn<T extends SpecificRecord> extends DoFn<KV<String, Iterable<KV<String, Long>>>, Void> {
    private final Counter filesWritten = Metrics.counter(MergeRunsFn.class, "files_written");
    private final String outputDirectory;
    private final String name;
    private final Class<T> recordClass;
    private final List<RecordFormat> formats;
    private final int recordsPerShard;
    private final int maxOpenRuns;
    private final KvCoder<String, T> entryCoder;

    MergeRunsFn(String outputDirectory, String name, Class<T> recordClass, List<RecordFormat> formats, int recordsPerShard,
        int maxOpenRuns, KvCoder<String, T> entryCoder) {
      this.outputDirectory = outputDirectory;
      this.name = name;
      this.recordClass = recordClass;
      this.formats = formats;
      this.recordsPerShard = recordsPerShard;
      this.maxOpenRuns = maxOpenRuns;
      this.entryCoder = entryCoder;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<KV<String, Long>>> all) throws IOException {
      List<Run> runs = new ArrayList<>();
      for (KV<String, Long> run : all.getValue()) {
        if (!run.getKey().isEmpty()) {
          runs.add(new Run(FileSystems.matchNewResource(run.getKey(), false), run.getValue()));
        }
      }
      List<ResourceId> runFiles = new ArrayList<>(runs.stream().map(Run::file).toList());
      // Many bundles make many runs: merge them a batch at a time until few enough are left to open at once.
      while (runs.size() > maxOpenRuns) {
        Run merged;
        try (RunMerge<T> batch = new RunMerge<>(runs.subList(0, maxOpenRuns), entryCoder)) {
          merged = writeRun(outputDirectory, name, batch, entryCoder);
        }
        runFiles.add(merged.file());
        runs = new ArrayList<>(runs.subList(maxOpenRuns, runs.size()));
        runs.add(merged);
      }
      long total = runs.stream().mapToLong(Run::records).sum();
      int shards = (int) Math.max(1, (total + recordsPerShard - 1) / recordsPerShard);
      try (RunMerge<T> merge = new RunMerge<>(runs, entryCoder)) {
        for (int shard = 0; shard < shards; shard++) {
          try (ShardWriter<T> shardWriter = new ShardWriter<>(outputDirectory, name, recordClass, formats, shard, shards)) {
            for (int written = 0; written < recordsPerShard && merge.hasNext(); written++) {
              shardWriter.write(merge.next().getValue());
            }
          }
          filesWritten.inc(formats.size());
        }
      }
      FileSystems.delete(runFiles, StandardMoveOptions.IGNORE_MISSING_FILES);
      deleteEmptyRunsDirectories();
    }

    /** Local output only: other file systems have no directories to leave behind. */
    private void deleteEmptyRunsDirectories() {
      ResourceId kind = runsDirectory(outputDirectory, name);
      if (!"file".equals(kind.getScheme())) {
        return;
      }
      java.io.File kindDirectory = new java.io.File(kind.toString());
      kindDirectory.delete();
      // Only empty: the other kinds may still be merging theirs.
      kindDirectory.getParentFile().delete();
    }
  }

  /** The entries of several runs in one sorted stream. */
  private static final class RunMerge<T extends SpecificRecord> implements Iterator<KV<String, T>>, AutoCloseable {
    private final PriorityQueue<RunReader<T>> heads = new PriorityQueue<>(Comparator.comparing(reader -> reader.head, order()));

    RunMerge(List<Run> runs, Coder<KV<String, T>> coder) throws IOException {
      try {
        for (Run run : runs) {
          RunReader<T> reader = new RunReader<>(run.file(), run.records(), coder);
          boolean hasEntry;
          try {
            hasEntry = reader.advance();
          } catch (IOException e) {
            reader.close();
            throw e;
          }
          if (hasEntry) {
            heads.add(reader);
          } else {
            reader.close();
          }
        }
      } catch (IOException e) {
        close();
        throw e;
      }
    }

    @Override
    public boolean hasNext() {
      return !heads.isEmpty();
    }

    @Override
    public KV<String, T> next() {
      RunReader<T> reader = heads.poll();
      if (reader == null) {
        throw new NoSuchElementException();
      }
      KV<String, T> entry = reader.head;
      try {
        if (reader.advance()) {
          heads.add(reader);
        } else {
          reader.close();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return entry;
    }

    @Override
    public void close() throws IOException {
      for (RunReader<T> reader : heads) {
        reader.close();
      }
      heads.clear();
    }
  }

  /** One run file, read entry by entry; {@code head} is the entry last read. */
  private static final class RunReader<T extends SpecificRecord> implements AutoCloseable {
    private final InputStream stream;
    private final Coder<KV<String, T>> coder;
    private long remaining;
    KV<String, T> head;

    RunReader(ResourceId file, long records, Coder<KV<String, T>> coder) throws IOException {
      this.stream = new BufferedInputStream(Channels.newInputStream(FileSystems.open(file)), 1 << 16);
      this.coder = coder;
      this.remaining = records;
    }

    boolean advance() throws IOException {
      if (remaining == 0) {
        return false;
      }
      head = coder.decode(stream);
      remaining--;
      return true;
    }

    @Override
    public void close() throws IOException {
      stream.close();
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
