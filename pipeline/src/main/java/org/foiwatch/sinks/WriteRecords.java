package org.foiwatch.sinks;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.PDone;

/**
 * Writes one kind of record in every chosen format, {@code <output>/<name>.<ext>}, sorted by a
 * key so the same input gives byte-identical files on any runner and parallelism. Above
 * {@code recordsPerShard} records the files are split into {@code <name>-SSSSS-of-NNNNN.<ext>}
 * shards, each sorted, a record's shard fixed by its key; the glob {@code <name>*.<ext>} reads
 * either layout.
 */
public final class WriteRecords<T extends SpecificRecord> extends PTransform<PCollection<T>, PDone> {

  private final String outputDirectory;
  private final String name;
  private final Class<T> recordClass;
  private final SerializableFunction<T, String> sortKey;
  private final List<RecordFormat> formats;
  private final int recordsPerShard;

  public WriteRecords(String outputDirectory, String name, Class<T> recordClass, SerializableFunction<T, String> sortKey,
      List<RecordFormat> formats, int recordsPerShard) {
    this.outputDirectory = outputDirectory;
    this.name = name;
    this.recordClass = recordClass;
    this.sortKey = sortKey;
    this.formats = List.copyOf(formats);
    this.recordsPerShard = recordsPerShard;
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
    PCollectionView<Long> count = records.apply("CountRecords", Count.<T>globally()).apply("AsView", View.asSingleton());
    KvCoder<Integer, KV<String, T>> coder = KvCoder.of(VarIntCoder.of(),
        KvCoder.of(StringUtf8Coder.of(), NullableCoder.of(records.getCoder())));
    PCollection<KV<Integer, KV<String, T>>> keyed = records
        .apply("AssignShards", ParDo.of(new AssignShardFn<>(sortKey, recordsPerShard, count)).withSideInputs(count))
        .setCoder(coder);
    // A record-less entry per shard makes every file exist, with its header, even when it gets no records.
    PCollection<KV<Integer, KV<String, T>>> markers = records.getPipeline()
        .apply("Once", Create.of(0))
        .apply("EmptyFileMarkers", ParDo.of(new ShardMarkersFn<T>(recordsPerShard, count)).withSideInputs(count))
        .setCoder(coder);
    PCollectionList.of(keyed).and(markers)
        .apply("WithMarkers", Flatten.pCollections())
        .apply("GatherShards", GroupByKey.create())
        .apply("WriteSortedShards", ParDo.of(
            new WriteShardFn<>(outputDirectory, name, recordClass, formats, recordsPerShard, count)).withSideInputs(count));
    return PDone.in(records.getPipeline());
  }

  static int shards(long records, int recordsPerShard) {
    return (int) Math.max(1, (records + recordsPerShard - 1) / recordsPerShard);
  }

  static final class AssignShardFn<T> extends DoFn<T, KV<Integer, KV<String, T>>> {
    private final SerializableFunction<T, String> sortKey;
    private final int recordsPerShard;
    private final PCollectionView<Long> count;

    AssignShardFn(SerializableFunction<T, String> sortKey, int recordsPerShard, PCollectionView<Long> count) {
      this.sortKey = sortKey;
      this.recordsPerShard = recordsPerShard;
      this.count = count;
    }

    @ProcessElement
    public void process(@Element T record, OutputReceiver<KV<Integer, KV<String, T>>> out, ProcessContext context) {
      String key = sortKey.apply(record);
      out.output(KV.of(Math.floorMod(key.hashCode(), shards(context.sideInput(count), recordsPerShard)), KV.of(key, record)));
    }
  }

  static final class ShardMarkersFn<T> extends DoFn<Integer, KV<Integer, KV<String, T>>> {
    private final int recordsPerShard;
    private final PCollectionView<Long> count;

    ShardMarkersFn(int recordsPerShard, PCollectionView<Long> count) {
      this.recordsPerShard = recordsPerShard;
      this.count = count;
    }

    @ProcessElement
    public void process(OutputReceiver<KV<Integer, KV<String, T>>> out, ProcessContext context) {
      for (int shard = 0; shard < shards(context.sideInput(count), recordsPerShard); shard++) {
        out.output(KV.of(shard, KV.of("", null)));
      }
    }
  }

  static final class WriteShardFn<T extends SpecificRecord> extends DoFn<KV<Integer, Iterable<KV<String, T>>>, Void> {
    private final Counter filesWritten = Metrics.counter(WriteShardFn.class, "files_written");
    private final String outputDirectory;
    private final String name;
    private final Class<T> recordClass;
    private final List<RecordFormat> formats;
    private final int recordsPerShard;
    private final PCollectionView<Long> count;

    WriteShardFn(String outputDirectory, String name, Class<T> recordClass, List<RecordFormat> formats,
        int recordsPerShard, PCollectionView<Long> count) {
      this.outputDirectory = outputDirectory;
      this.name = name;
      this.recordClass = recordClass;
      this.formats = formats;
      this.recordsPerShard = recordsPerShard;
      this.count = count;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, T>>> shard, ProcessContext context) throws IOException {
      List<KV<String, T>> sorted = new ArrayList<>();
      for (KV<String, T> entry : shard.getValue()) {
        if (entry.getValue() != null) {
          sorted.add(entry);
        }
      }
      // Equal keys are ordered by the whole record, so the order never depends on arrival.
      sorted.sort(Comparator.comparing((KV<String, T> e) -> e.getKey())
          .thenComparing(e -> RecordJson.toJson(e.getValue())));
      int shards = shards(context.sideInput(count), recordsPerShard);
      for (RecordFormat format : formats) {
        ResourceId file = file(outputDirectory, name, format, shard.getKey(), shards);
        FileIO.Sink<T> sink = format.sink(recordClass);
        try (WritableByteChannel channel = FileSystems.create(file, format.mimeType())) {
          sink.open(channel);
          for (KV<String, T> entry : sorted) {
            sink.write(entry.getValue());
          }
          sink.flush();
        }
        filesWritten.inc();
      }
    }
  }
}
