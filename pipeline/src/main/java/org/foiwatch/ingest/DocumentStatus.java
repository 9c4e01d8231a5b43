package org.foiwatch.ingest;

/** The closed set of outcomes of reading one document; every document ends in exactly one. */
public enum DocumentStatus {
  /** Text was extracted. */
  PARSED,
  /** The file parsed but holds no text (e.g. an image without OCR, a blank page). */
  EMPTY,
  /** Password-protected: no text without the password. */
  ENCRYPTED,
  /** Damaged or not what its type claims: the parser failed. */
  CORRUPT,
  /** No parser for this media type. */
  UNSUPPORTED,
  /** Not read: a symlink leading out of the input folder or dangling, a FIFO, a device (see error). */
  SKIPPED,
  /** Larger than --maxFileBytes: not parsed. */
  TOO_LARGE,
  /** Parsed, but a limit cut the text short (see truncated_by). */
  TRUNCATED,
  /** Parsing exceeded --parseTimeoutSeconds and was stopped. */
  TIMEOUT,
  /** Parsing exhausted the parser's memory and was stopped. */
  OOM,
  /** The parser process died, or an unexpected error happened outside the parser. */
  CRASHED,
  /** Parsed, but extracting fields and mentions from its text threw (see error): no mentions. */
  EXTRACT_FAILED;

  /** No text to read: everything but parsed and truncated (which keeps the text up to its limit). */
  public boolean failed() {
    return this != PARSED && this != TRUNCATED;
  }

  /** The name used in records: lower case. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
