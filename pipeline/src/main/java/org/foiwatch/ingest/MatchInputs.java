package org.foiwatch.ingest;

import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * The input entries listed by {@link InputFiles} (source and listed size), spread over the
 * workers. They are opened by {@link FileParser}, which first checks each local entry
 * against the {@link InputConfinement}.
 */
public final class MatchInputs extends PTransform<PBegin, PCollection<KV<String, Long>>> {

  private static final int FILES_PER_BUCKET = 50;
  private static final int MIN_BUCKETS = 8;

  private final List<KV<String, Long>> files;
  private final boolean keysAreBundles;

  /**
   * {@code keysAreBundles}: the runner makes a bundle of each key after a shuffle, as the
   * DirectRunner does (see {@link #buckets}). Elsewhere (Flink) a key costs nothing, and a key per
   * file balances the workers best: 2400 files at parallelism 2, 52.8 s with 48 keys, 49.3 s
   * with a key per file.
   */
  public MatchInputs(List<KV<String, Long>> files, boolean keysAreBundles) {
    this.files = files;
    this.keysAreBundles = keysAreBundles;
  }

  /**
   * Reshuffle keys for {@code files} input files where keys are bundles: a few files per key, and
   * at least {@value #MIN_BUCKETS} keys for spreading over the runner's threads. Not a key per
   * file: each bundle costs the DirectRunner set-up on every later step (it translates and
   * deserialises each ParDo per bundle: 600 files, 32 keys 16.7-18.2 s, 12 keys 15.9 s). Not a
   * fixed number either: it holds a bundle's output, each file's records, in memory until the
   * bundle ends, so keys grow with the input for memory to stay flat.
   */
  static int buckets(int files) {
    return Math.max(Math.min(Math.max(files, 1), MIN_BUCKETS), (files + FILES_PER_BUCKET - 1) / FILES_PER_BUCKET);
  }

  @Override
  public PCollection<KV<String, Long>> expand(PBegin input) {
    return input
        .apply("ListedFiles", Create.of(files).withCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())))
        // A created collection sits on one worker; spread the files so every worker parses.
        .apply("SpreadFiles", keysAreBundles
            ? Reshuffle.<KV<String, Long>>viaRandomKey().withNumBuckets(buckets(files.size()))
            : Reshuffle.<KV<String, Long>>viaRandomKey());
  }
}
