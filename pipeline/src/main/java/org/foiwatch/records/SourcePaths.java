package org.foiwatch.records;

import java.io.Serializable;

/**
 * How records write an input file's {@code source}: relative to the --input root by default
 * ({@code responses/letter.pdf} read with --input=responses is {@code letter.pdf}), so the
 * records and the input folder can be moved or shared together; the full path with
 * --sourcePaths=absolute. A source outside the root, or written as a {@code file://} URI (a name
 * that is not UTF-8), stays whole. Ids are not affected: they hash the full path, so two runs'
 * records never share an id for two different files.
 *
 * @param root the folder every source of the run starts with ({@code InputFiles.sourceRoot})
 */
public record SourcePaths(String root, boolean absolute) implements Serializable {

  /** The paths for {@code mode} ({@code relative} or {@code absolute}) under {@code root}. */
  public static SourcePaths of(String mode, String root) {
    return switch (mode) {
      case "relative" -> new SourcePaths(root, false);
      case "absolute" -> new SourcePaths(root, true);
      default -> throw new IllegalArgumentException("--sourcePaths must be relative or absolute, not " + mode);
    };
  }

  /** {@code source} as records write it. */
  public String written(String source) {
    String prefix = prefix();
    boolean under = source.startsWith(prefix) && source.length() > prefix.length();
    return absolute || !under ? source : source.substring(prefix.length());
  }

  /** The full source (local path, file:// or remote URI) of a source as records write it. */
  public String full(String written) {
    boolean whole = written.startsWith("/") || written.startsWith("file:/") || written.contains("://");
    return whole ? written : prefix() + written;
  }

  private String prefix() {
    return root.endsWith("/") ? root : root + "/";
  }
}
