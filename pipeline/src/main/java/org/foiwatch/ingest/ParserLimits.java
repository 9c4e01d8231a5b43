package org.foiwatch.ingest;

import java.io.Serializable;

/**
 * The limits one parse runs under; each comes from a pipeline option.
 *
 * @param isolated parse in a forked JVM (tika-pipes) that is killed and restarted on a timeout,
 *     out-of-memory or crash; false parses in the worker's own JVM
 */
public record ParserLimits(
    long maxFileBytes,
    int maxCharsPerDocument,
    int maxAttachments,
    int maxAttachmentDepth,
    int maxRowsPerSheet,
    long maxCompressionRatio,
    int parseTimeoutSeconds,
    int parseMemoryMb,
    long pdfMaxMainMemoryBytes,
    boolean isolated)
    implements Serializable {

  public static ParserLimits defaults() {
    return new ParserLimits(100L * 1024 * 1024, 5_000_000, 1000, 10, 100_000, 100, 120, 1024,
        256L * 1024 * 1024, true);
  }

  public ParserLimits withTimeoutSeconds(int seconds) {
    return new ParserLimits(maxFileBytes, maxCharsPerDocument, maxAttachments, maxAttachmentDepth, maxRowsPerSheet,
        maxCompressionRatio, seconds, parseMemoryMb, pdfMaxMainMemoryBytes, isolated);
  }

  public ParserLimits withMemoryMb(int megabytes) {
    return new ParserLimits(maxFileBytes, maxCharsPerDocument, maxAttachments, maxAttachmentDepth, maxRowsPerSheet,
        maxCompressionRatio, parseTimeoutSeconds, megabytes, pdfMaxMainMemoryBytes, isolated);
  }

  public ParserLimits withIsolation(boolean forked) {
    return new ParserLimits(maxFileBytes, maxCharsPerDocument, maxAttachments, maxAttachmentDepth, maxRowsPerSheet,
        maxCompressionRatio, parseTimeoutSeconds, parseMemoryMb, pdfMaxMainMemoryBytes, forked);
  }
}
