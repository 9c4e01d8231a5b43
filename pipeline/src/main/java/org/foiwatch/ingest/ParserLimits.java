package org.foiwatch.ingest;

import java.io.Serializable;

/** The limits one parse runs under; each comes from a pipeline option. */
public record ParserLimits(
    int maxFileBytes,
    int maxCharsPerDocument,
    int maxAttachments,
    int parseTimeoutSeconds,
    long pdfMaxMainMemoryBytes)
    implements Serializable {

  public static ParserLimits defaults() {
    return new ParserLimits(100 * 1024 * 1024, 5_000_000, 1000, 120, 256L * 1024 * 1024);
  }
}
