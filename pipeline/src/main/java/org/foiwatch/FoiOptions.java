package org.foiwatch;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.foiwatch.extract.DocumentExtractor;
import org.foiwatch.ingest.OcrOptions;
import org.foiwatch.ingest.ParserOptions;
import org.foiwatch.sinks.OutputOptions;

/**
 * Command-line options of foiwatch ({@code --name=value}); {@code --help} lists them. The
 * groups it extends are each read by the layer they configure.
 */
public interface FoiOptions extends ParserOptions, OcrOptions, OutputOptions {

  @Description("Input: a directory (read recursively), a file, or a glob; any Beam filesystem path.")
  @Default.String("samples/docs")
  String getInput();

  void setInput(String value);

  @Description("Symlinks in --input: inside follows a link only when its target is a file inside the input folder;"
      + " outside follows every link to a file. Links not followed, FIFOs and devices get status skipped.")
  @Default.String("inside")
  String getFollowSymlinks();

  void setFollowSymlinks(String value);

  @Description("How records write each input file's source: relative to the --input folder (relative), so the records"
      + " and the folder can be shared together, or its full path (absolute).")
  @Default.String("relative")
  String getSourcePaths();

  void setSourcePaths(String value);

  @Description("Seconds between progress lines (input files parsed/total, rate, ETA) while the pipeline runs; 0 for none.")
  @Default.Integer(10)
  int getProgressSeconds();

  void setProgressSeconds(int value);

  @Description("Seconds one document's extraction may take; a document that takes longer keeps the mentions found"
      + " until then and is recorded as truncated (truncated_by = extract_timeout).")
  @Default.Integer(DocumentExtractor.DEFAULT_TIMEOUT_SECONDS)
  int getExtractTimeoutSeconds();

  void setExtractTimeoutSeconds(int value);

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
