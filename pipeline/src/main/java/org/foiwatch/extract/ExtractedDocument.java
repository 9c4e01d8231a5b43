package org.foiwatch.extract;

import java.util.List;
import org.foiwatch.ingest.ParsedDocument;

/** A parsed document without its text, and what was extracted from it. */
public record ExtractedDocument(ParsedDocument document, int chars, DocumentExtractor.Extraction extraction) {

  /**
   * A document whose extraction threw: it keeps its record, status extract_failed with the
   * error, and nothing extracted, so one bad document never fails its input file or the run.
   */
  public static ExtractedDocument failed(ParsedDocument recorded, int chars, Throwable error, String step) {
    return new ExtractedDocument(recorded.withBlocks(List.of()).extractFailed(step + " failed: " + error), chars,
        new DocumentExtractor.Extraction(DocumentFields.none(), List.of(), false));
  }
}
