package org.foiwatch.ingest;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** The options that bound one parse; {@link ParserLimits#from} reads them. */
public interface ParserOptions extends PipelineOptions {

  @Description("Files larger than this many bytes are not parsed (status too_large).")
  @Default.Long(100L * 1024 * 1024)
  long getMaxFileBytes();

  void setMaxFileBytes(long value);

  @Description("Characters of text kept per input file, its attachments included; parsing stops there (truncated_by = max_chars_per_document).")
  @Default.Integer(5_000_000)
  int getMaxCharsPerDocument();

  void setMaxCharsPerDocument(int value);

  @Description("Attachments and embedded files parsed per input file, at most.")
  @Default.Integer(1000)
  int getMaxAttachments();

  void setMaxAttachments(int value);

  @Description("Attachments nested deeper than this (an e-mail in an e-mail in ...) are skipped; the input file's record says so (truncated_by = max_attachment_depth).")
  @Default.Integer(10)
  int getMaxAttachmentDepth();

  void setMaxAttachmentDepth(int value);

  @Description("Rows kept per table or sheet; the rest are dropped (truncated_by = max_rows_per_sheet).")
  @Default.Integer(100_000)
  int getMaxRowsPerSheet();

  void setMaxRowsPerSheet(int value);

  @Description("Zip-bomb guard: a container whose text grows past this ratio to its compressed size is stopped (Tika's SecureContentHandler).")
  @Default.Long(100)
  long getMaxCompressionRatio();

  void setMaxCompressionRatio(long value);

  @Description("Seconds one input file may take to parse before it is stopped (status timeout).")
  @Default.Integer(120)
  int getParseTimeoutSeconds();

  void setParseTimeoutSeconds(int value);

  @Description("Heap in MB of the forked parser JVM; a file that exhausts it gets status oom and the parser restarts.")
  @Default.Integer(1024)
  int getParseMemoryMb();

  void setParseMemoryMb(int value);

  @Description("PDFBox main-memory budget per PDF in bytes; beyond it PDFBox spills to temporary files.")
  @Default.Long(256L * 1024 * 1024)
  long getPdfMaxMainMemoryBytes();

  void setPdfMaxMainMemoryBytes(long value);

  @Description("Parse each file in a forked JVM that is killed on a timeout, out-of-memory or crash (true, the default); "
      + "false parses inside the worker JVM, faster to start but a looping parser can only be abandoned, not stopped.")
  @Default.Boolean(true)
  boolean getIsolateParsing();

  void setIsolateParsing(boolean value);
}
