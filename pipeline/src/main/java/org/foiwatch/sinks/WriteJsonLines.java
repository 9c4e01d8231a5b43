package org.foiwatch.sinks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.IndexedRecord;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Writes records as one JSON Lines file, {@code <output>/<name>.jsonl}, sorted by a key so the
 * same input gives a byte-identical file on any runner and parallelism.
 */
public final class WriteJsonLines<T extends IndexedRecord> extends PTransform<PCollection<T>, PDone> {

  private final String outputDirectory;
  private final String name;
  private final SerializableFunction<T, String> sortKey;

  public WriteJsonLines(String outputDirectory, String name, SerializableFunction<T, String> sortKey) {
    this.outputDirectory = outputDirectory;
    this.name = name;
    this.sortKey = sortKey;
  }

  @Override
  public PDone expand(PCollection<T> records) {
    SerializableFunction<T, String> key = sortKey;
    KvCoder<String, KV<String, String>> coder =
        KvCoder.of(StringUtf8Coder.of(), KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
    PCollection<KV<String, KV<String, String>>> lines = records
        .apply("ToJson", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.kvs(
                TypeDescriptors.strings(), TypeDescriptors.strings())))
            .via((T record) -> KV.of("", KV.of(key.apply(record), RecordJson.toJson(record)))))
        .setCoder(coder);
    // An empty marker line makes the file exist even when there are no records.
    PCollection<KV<String, KV<String, String>>> marker =
        records.getPipeline().apply("EmptyFileMarker", Create.of(KV.of("", KV.of("", ""))).withCoder(coder));
    PCollectionList.of(lines).and(marker)
        .apply("WithMarker", Flatten.pCollections())
        .apply("GatherForSorting", GroupByKey.create())
        .apply("WriteSortedFile", ParDo.of(new WriteFileFn(outputDirectory, name)));
    return PDone.in(records.getPipeline());
  }

  static final class WriteFileFn extends DoFn<KV<String, Iterable<KV<String, String>>>, Void> {
    private final String outputDirectory;
    private final String name;

    WriteFileFn(String outputDirectory, String name) {
      this.outputDirectory = outputDirectory;
      this.name = name;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<KV<String, String>>> lines) throws IOException {
      List<KV<String, String>> sorted = new ArrayList<>();
      lines.getValue().forEach(sorted::add);
      sorted.sort((a, b) -> {
        int byKey = a.getKey().compareTo(b.getKey());
        return byKey != 0 ? byKey : a.getValue().compareTo(b.getValue());
      });
      ResourceId file = FileSystems.matchNewResource(outputDirectory, true)
          .resolve(name + ".jsonl", org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions.RESOLVE_FILE);
      try (OutputStream out = Channels.newOutputStream(FileSystems.create(file, "application/x-ndjson"))) {
        for (KV<String, String> line : sorted) {
          if (line.getValue().isEmpty()) {
            continue;
          }
          out.write(line.getValue().getBytes(StandardCharsets.UTF_8));
          out.write('\n');
        }
      }
    }
  }
}
