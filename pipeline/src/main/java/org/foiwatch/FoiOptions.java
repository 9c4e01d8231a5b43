package org.foiwatch;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.foiwatch.extract.DocumentExtractor;

/** Command-line options of foiwatch ({@code --name=value}); {@code --help} lists them. */
public interface FoiOptions extends PipelineOptions {

  @Description("Input: a directory (read recursively), a file, or a glob; any Beam filesystem path.")
  @Default.String("samples/docs")
  String getInput();

  void setInput(String value);

  @Description("Symlinks in --input: inside follows a link only when its target is a file inside the input folder;"
      + " outside follows every link to a file. Links not followed, FIFOs and devices get status skipped.")
  @Default.String("inside")
  String getFollowSymlinks();

  void setFollowSymlinks(String value);

  @Description("Output directory for the record files (created when missing).")
  @Default.String("out")
  String getOutput();

  void setOutput(String value);

  @Description("How records write each input file's source: relative to the --input folder (relative), so the records"
      + " and the folder can be shared together, or its full path (absolute).")
  @Default.String("relative")
  String getSourcePaths();

  void setSourcePaths(String value);

  @Description("Output formats, comma-separated: jsonl, csv, avro, parquet. jsonl is always written (the end-of-run check reads it).")
  @Default.String("jsonl,csv,parquet")
  String getFormats();

  void setFormats(String value);

  @Description("Records per output file; a record kind with more is split into <name>-SSSSS-of-NNNNN shards.")
  @Default.Integer(200_000)
  int getRecordsPerShard();

  void setRecordsPerShard(int value);

  @Description("Also write report.png, a screenshot of report.html, with headless chromium (when installed).")
  @Default.Boolean(false)
  boolean getReportScreenshot();

  void setReportScreenshot(boolean value);

  @Description("Seconds between progress lines (input files parsed/total, rate, ETA) while the pipeline runs; 0 for none.")
  @Default.Integer(10)
  int getProgressSeconds();

  void setProgressSeconds(int value);

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

  @Description("Seconds one document's extraction may take; a document that takes longer keeps the mentions found"
      + " until then and is recorded as truncated (truncated_by = extract_timeout).")
  @Default.Integer(DocumentExtractor.DEFAULT_TIMEOUT_SECONDS)
  int getExtractTimeoutSeconds();

  void setExtractTimeoutSeconds(int value);

  @Description("Heap in MB of the forked parser JVM; a file that exhausts it gets status oom and the parser restarts.")
  @Default.Integer(1024)
  int getParseMemoryMb();

  void setParseMemoryMb(int value);

  @Description("Parse each file in a forked JVM that is killed on a timeout, out-of-memory or crash (true, the default); "
      + "false parses inside the worker JVM, faster to start but a looping parser can only be abandoned, not stopped.")
  @Default.Boolean(true)
  boolean getIsolateParsing();

  void setIsolateParsing(boolean value);

  @Description("OCR of scans: auto reads PDF pages without a text layer and images, always reads every page from its"
      + " picture, never reads none. Needs tesseract (scripts/run.sh installs it); without it documents say ocr: unavailable.")
  @Default.String("auto")
  String getOcr();

  void setOcr(String value);

  @Description("Directory where OCR text is cached by page-image hash, so a second run reads no page twice; empty for no cache.")
  @Default.String("work/ocr-cache")
  String getOcrCacheDir();

  void setOcrCacheDir(String value);

  @Description("PDFBox main-memory budget per PDF in bytes; beyond it PDFBox spills to temporary files.")
  @Default.Long(256L * 1024 * 1024)
  long getPdfMaxMainMemoryBytes();

  void setPdfMaxMainMemoryBytes(long value);

  @Description("Read every input file again. By default, when --output holds a complete run, a file unchanged since"
      + " (same sha256, foiwatch version and record-shaping options) keeps its records without being parsed.")
  @Default.Boolean(false)
  boolean getFull();

  void setFull(boolean value);

  @Description("Also read again the unchanged files whose status in the previous run was timeout, oom or crashed.")
  @Default.Boolean(false)
  boolean getRetryFailed();

  void setRetryFailed(boolean value);
}
