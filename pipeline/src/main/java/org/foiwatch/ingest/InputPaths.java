package org.foiwatch.ingest;

import java.net.URI;
import java.nio.file.Path;

/**
 * How a local input file's path is written in records ({@code source}) and read back. A path
 * whose name decodes to text and back unchanged is written as it is; any other (a Latin-1 name,
 * stray bytes) is written as its {@code file://} URI, which percent-encodes each byte the
 * filesystem gives, so the file can still be opened and the record still names it exactly.
 * A plain path starts with {@code /}, never with {@code file:}, so the two forms cannot be
 * confused. Remote inputs (s3://...) are written as Beam matched them.
 */
public final class InputPaths {

  private InputPaths() {}

  /** The record form of a local path (absolute). */
  public static String source(Path path) {
    Path absolute = path.toAbsolutePath();
    String text = absolute.toString();
    return Path.of(text).equals(absolute) ? text : absolute.toUri().toString();
  }

  /** The local path a source names, or null for a remote source. */
  public static Path localPath(String source) {
    if (source.startsWith("file:")) {
      return Path.of(URI.create(source));
    }
    return isRemote(source) ? null : Path.of(source);
  }

  static boolean isRemote(String input) {
    return input.contains("://") && !input.startsWith("file:");
  }
}
