package org.foiwatch.sinks;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.SimpleFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PDone;

/**
 * Writes one kind of record in every chosen format, {@code <output>/<name>.<ext>}, sorted by a
 * key so the same input gives byte-identical files on any runner and parallelism. Above
 * {@code recordsPerShard} records the sorted records are cut into consecutive
 * {@code <name>-SSSSS-of-NNNNN.<ext>} shards; the glob {@code <name>*.<ext>} reads either layout.
 * One worker sorts and writes a kind (one shuffle per kind: a Flink cluster's network buffers
 * are sized for few), so its records must fit in that worker's memory.
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
    SerializableFunction<T, String> key = sortKey;
    KvCoder<String, KV<String, T>> coder = KvCoder.of(StringUtf8Coder.of(),
        KvCoder.of(StringUtf8Coder.of(), NullableCoder.of(records.getCoder())));
    PCollection<KV<String, KV<String, T>>> keyed = records
        .apply("WithSortKeys", MapElements.via(new SimpleFunction<T, KV<String, KV<String, T>>>() {
          @Override
          public KV<String, KV<String, T>> apply(T record) {
            return KV.of("", KV.of(key.apply(record), record));
          }
        }))
        .setCoder(coder);
    // A record-less entry makes the files exist, with their headers, when there are no records.
    PCollection<KV<String, KV<String, T>>> marker = records.getPipeline()
        .apply("EmptyFileMarker", Create.of(KV.of("", KV.<String, T>of("", null))).withCoder(coder));
    PCollectionList.of(keyed).and(marker)
        .apply("WithMarker", Flatten.pCollections())
        .apply("GatherForSorting", GroupByKey.create())
        .apply("WriteSortedFiles", ParDo.of(new WriteFilesFn<>(outputDirectory, name, recordClass, formats, recordsPerShard)));
    return PDone.in(records.getPipeline());
  }

  /** Sorts all records of the kind and writes them, cut into consecutive shards when there are many. */
  static final class WriteFilesFn<T extends SpecificRecord> extends DoFn<KV<String, Iterable<KV<String, T>>>, Void> {
    private final Counter filesWritten = Metrics.counter(WriteFilesFn.class, "files_written");
    private final String outputDirectory;
    private final String name;
    private final Class<T> recordClass;
    private final List<RecordFormat> formats;
    private final int recordsPerShard;

    WriteFilesFn(String outputDirectory, String name, Class<T> recordClass, List<RecordFormat> formats, int recordsPerShard) {
      this.outputDirectory = outputDirectory;
      this.name = name;
      this.recordClass = recordClass;
      this.formats = formats;
      this.recordsPerShard = recordsPerShard;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<KV<String, T>>> all) throws IOException {
      List<KV<String, T>> sorted = new ArrayList<>();
      for (KV<String, T> entry : all.getValue()) {
        if (entry.getValue() != null) {
          sorted.add(entry);
        }
      }
      // Equal keys are ordered by the whole record, so the order never depends on arrival.
      sorted.sort(Comparator.comparing((KV<String, T> e) -> e.getKey())
          .thenComparing(e -> RecordJson.toJson(e.getValue())));
      int shards = Math.max(1, (sorted.size() + recordsPerShard - 1) / recordsPerShard);
      for (int shard = 0; shard < shards; shard++) {
        List<KV<String, T>> part = sorted.subList(shard * recordsPerShard, Math.min(sorted.size(), (shard + 1) * recordsPerShard));
        for (RecordFormat format : formats) {
          FileIO.Sink<T> sink = format.sink(recordClass);
          try (WritableByteChannel channel = FileSystems.create(file(outputDirectory, name, format, shard, shards), format.mimeType())) {
            sink.open(channel);
            for (KV<String, T> entry : part) {
              sink.write(entry.getValue());
            }
            sink.flush();
          }
          filesWritten.inc();
        }
      }
    }
  }
}
