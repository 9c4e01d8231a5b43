package org.foiwatch.ingest;

import java.util.List;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MetadataCoderV2;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/** The input files listed by {@link InputFiles}, opened for reading. */
public final class MatchInputs extends PTransform<PBegin, PCollection<FileIO.ReadableFile>> {

  private static final int FILES_PER_BUCKET = 50;
  private static final int MIN_BUCKETS = 32;

  private final List<MatchResult.Metadata> files;

  public MatchInputs(List<MatchResult.Metadata> files) {
    this.files = files;
  }

  /**
   * Reshuffle keys for {@code files} input files: a few files per key, and at least
   * {@value #MIN_BUCKETS} keys for spreading. Not a key per file: the DirectRunner makes a bundle
   * of each key, and each bundle costs it set-up on every later step. Not a fixed number either:
   * it holds a bundle's parsed documents in memory until the bundle ends, so keys must grow with
   * the input for memory to stay flat.
   */
  static int buckets(int files) {
    return Math.max(Math.min(Math.max(files, 1), MIN_BUCKETS), (files + FILES_PER_BUCKET - 1) / FILES_PER_BUCKET);
  }

  @Override
  public PCollection<FileIO.ReadableFile> expand(PBegin input) {
    return input
        .apply("ListedFiles", Create.of(files).withCoder(MetadataCoderV2.of()))
        // A created collection sits on one worker; spread the files so every worker parses.
        .apply("SpreadFiles", Reshuffle.<MatchResult.Metadata>viaRandomKey().withNumBuckets(buckets(files.size())))
        // Uncompressed: a .gz or .zip input is a document to parse, not a stream to inflate.
        .apply("OpenFiles", FileIO.readMatches().withCompression(Compression.UNCOMPRESSED));
  }
}
