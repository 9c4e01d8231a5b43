package org.foiwatch.ingest;

import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/** Matches the input files (a directory read recursively, a file or a glob) for reading. */
public final class MatchInputs extends PTransform<PBegin, PCollection<FileIO.ReadableFile>> {

  private final String filepattern;

  public MatchInputs(String filepattern) {
    this.filepattern = filepattern;
  }

  @Override
  public PCollection<FileIO.ReadableFile> expand(PBegin input) {
    return input
        .apply("MatchFiles", FileIO.match().filepattern(filepattern)
            .withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
        // Uncompressed: a .gz or .zip input is a document to parse, not a stream to inflate.
        .apply("OpenFiles", FileIO.readMatches().withCompression(org.apache.beam.sdk.io.Compression.UNCOMPRESSED));
  }
}
