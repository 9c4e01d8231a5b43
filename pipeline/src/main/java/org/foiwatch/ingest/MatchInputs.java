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

  private final List<MatchResult.Metadata> files;

  public MatchInputs(List<MatchResult.Metadata> files) {
    this.files = files;
  }

  @Override
  public PCollection<FileIO.ReadableFile> expand(PBegin input) {
    return input
        .apply("ListedFiles", Create.of(files).withCoder(MetadataCoderV2.of()))
        // A created collection sits on one worker; spread the files so every worker parses.
        .apply("SpreadFiles", Reshuffle.<MatchResult.Metadata>viaRandomKey().withNumBuckets(32))
        // Uncompressed: a .gz or .zip input is a document to parse, not a stream to inflate.
        .apply("OpenFiles", FileIO.readMatches().withCompression(Compression.UNCOMPRESSED));
  }
}
