package org.foiwatch.sort;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
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
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
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
import org.foiwatch.json.RecordJson;

/**
 * An external merge sort for a collection that must end up in one place, in order: each bundle
 * sorts its records (by a key, then by the whole record, so the order never depends on arrival)
 * into a run file under {@code <workDirectory>/.foiwatch-runs-<name>/}, and only the run names
 * are shuffled, to a single key (one small shuffle: a Flink cluster's network buffers are sized
 * for few). The DoFn after it opens a {@link Merge} over the runs and streams the records in
 * order, so no worker holds them all in memory, and the DirectRunner does not re-copy a growing
 * group for every bundle that adds to it.
 *
 * <p>The output always has exactly one element, also when there are no records.
 */
public final class SortedRuns<T extends SpecificRecord>
    extends PTransform<PCollection<T>, PCollection<KV<String, Iterable<KV<String, Long>>>>> {

  /** Runs a {@link Merge} opens at once (each is an open file); more are first merged in rounds. */
  public static final int MAX_OPEN_RUNS = 200;
  /** Records a bundle sorts in memory before it starts another run. */
  private static final int MAX_RUN_RECORDS = 50_000;

  private final String workDirectory;
  private final String name;
  private final SerializableFunction<T, String> sortKey;

  public SortedRuns(String workDirectory, String name, SerializableFunction<T, String> sortKey) {
    this.workDirectory = workDirectory;
    this.name = name;
    this.sortKey = sortKey;
  }

  @Override
  public PCollection<KV<String, Iterable<KV<String, Long>>>> expand(PCollection<T> records) {
    KvCoder<String, Long> runCoder = KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
    PCollection<KV<String, Long>> runs = records
        .apply("WriteSortedRuns", ParDo.of(new WriteRunsFn<>(workDirectory, name, sortKey, records.getCoder())))
        .setCoder(runCoder);
    // A run of nothing, so that the step after runs once even when there are no records.
    PCollection<KV<String, Long>> noRecords = records.getPipeline()
        .apply("NoRecordsMarker", Create.of(KV.of("", 0L)).withCoder(runCoder));
    return PCollectionList.of(runs).and(noRecords)
        .apply("WithMarker", Flatten.pCollections())
        .apply("GatherRuns", WithKeys.of(""))
        .apply("InOnePlace", GroupByKey.create());
  }

  /** Sort key, then the whole record for equal keys. */
  private static <T extends SpecificRecord> Comparator<KV<String, T>> order() {
    return Comparator.comparing((KV<String, T> e) -> e.getKey()).thenComparing(e -> RecordJson.toJson(e.getValue()));
  }

  /**
   * Each sort's own directory: a shared parent, deleted when empty by the sort that finished
   * first, raced with another sort creating its directory in it.
   */
  private static ResourceId runsDirectory(String workDirectory, String name) {
    return FileSystems.matchNewResource(workDirectory, true)
        .resolve(".foiwatch-runs-" + name, StandardResolveOptions.RESOLVE_DIRECTORY);
  }

  /** Local directories only (other file systems have none), and only when empty. */
  private static void deleteIfEmpty(String directory) {
    if (FileSystems.matchNewResource(directory, true).getScheme().equals("file")) {
      new java.io.File(directory).delete();
    }
  }

  private static <T> Coder<KV<String, T>> entryCoder(Coder<T> recordCoder) {
    return KvCoder.of(StringUtf8Coder.of(), recordCoder);
  }

  /** Sorts each bundle's records (at most {@link #MAX_RUN_RECORDS} at a time) into a run file; outputs (run, records). */
  static final class WriteRunsFn<T extends SpecificRecord> extends DoFn<T, KV<String, Long>> {
    private final String workDirectory;
    private final String name;
    private final SerializableFunction<T, String> sortKey;
    private final Coder<KV<String, T>> entryCoder;
    private transient List<KV<String, T>> buffer;

    WriteRunsFn(String workDirectory, String name, SerializableFunction<T, String> sortKey, Coder<T> recordCoder) {
      this.workDirectory = workDirectory;
      this.name = name;
      this.sortKey = sortKey;
      this.entryCoder = entryCoder(recordCoder);
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
      Run run = SortedRuns.writeRun(workDirectory, name, buffer.iterator(), entryCoder);
      buffer = new ArrayList<>();
      return KV.of(run.file().toString(), run.records());
    }
  }

  /** A run file and how many entries it holds. */
  private record Run(ResourceId file, long records) {}

  /** Writes sorted entries to a new run file. */
  private static <T> Run writeRun(String workDirectory, String name, Iterator<KV<String, T>> entries,
      Coder<KV<String, T>> coder) throws IOException {
    // A random name: a retried bundle must not overwrite a run another attempt already reported.
    ResourceId file = runsDirectory(workDirectory, name).resolve(UUID.randomUUID() + ".run", StandardResolveOptions.RESOLVE_FILE);
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

  /**
   * All records of the runs {@link SortedRuns} gathered, as one sorted stream of (sort key,
   * record). Closing it deletes the runs.
   */
  public static final class Merge<T extends SpecificRecord> implements Iterator<KV<String, T>>, AutoCloseable {
    private final String workDirectory;
    private final String name;
    private final List<ResourceId> runFiles = new ArrayList<>();
    private final RunMerge<T> merge;
    private final long records;

    /**
     * Opens the merge of {@code runs} (the element {@link SortedRuns} made), at most
     * {@code maxOpenRuns} files at once: with more runs than that, batches of them are first
     * merged into bigger runs.
     */
    public Merge(String workDirectory, String name, Iterable<KV<String, Long>> runs, Coder<T> recordCoder, int maxOpenRuns)
        throws IOException {
      this.workDirectory = workDirectory;
      this.name = name;
      Coder<KV<String, T>> coder = entryCoder(recordCoder);
      List<Run> open = new ArrayList<>();
      for (KV<String, Long> run : runs) {
        if (!run.getKey().isEmpty()) {
          Run written = new Run(FileSystems.matchNewResource(run.getKey(), false), run.getValue());
          open.add(written);
          runFiles.add(written.file());
        }
      }
      while (open.size() > maxOpenRuns) {
        Run merged;
        try (RunMerge<T> batch = new RunMerge<>(open.subList(0, maxOpenRuns), coder)) {
          merged = writeRun(workDirectory, name, batch, coder);
        }
        runFiles.add(merged.file());
        open = new ArrayList<>(open.subList(maxOpenRuns, open.size()));
        open.add(merged);
      }
      this.records = open.stream().mapToLong(Run::records).sum();
      this.merge = new RunMerge<>(open, coder);
    }

    /** How many records the stream holds. */
    public long records() {
      return records;
    }

    @Override
    public boolean hasNext() {
      return merge.hasNext();
    }

    @Override
    public KV<String, T> next() {
      return merge.next();
    }

    @Override
    public void close() throws IOException {
      merge.close();
      FileSystems.delete(runFiles, StandardMoveOptions.IGNORE_MISSING_FILES);
      deleteIfEmpty(runsDirectory(workDirectory, name).toString());
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
  private static final class RunReader<T> implements AutoCloseable {
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
}
