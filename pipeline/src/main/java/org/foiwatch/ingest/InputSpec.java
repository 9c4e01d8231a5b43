package org.foiwatch.ingest;

import java.nio.file.Files;
import java.nio.file.Path;

/** Turns the --input option into a Beam file pattern: a directory becomes a recursive glob. */
public final class InputSpec {

  private InputSpec() {}

  public static String toFilepattern(String input) {
    if (hasGlob(input)) {
      return input;
    }
    boolean localDirectory = !input.contains("://") && Files.isDirectory(Path.of(input));
    if (localDirectory) {
      return Path.of(input).toAbsolutePath().normalize() + "/**";
    }
    if (input.endsWith("/")) {
      return input + "**";
    }
    return input.contains("://") ? input : Path.of(input).toAbsolutePath().normalize().toString();
  }

  public static boolean hasGlob(String input) {
    return input.indexOf('*') >= 0 || input.indexOf('?') >= 0 || input.indexOf('{') >= 0;
  }
}
