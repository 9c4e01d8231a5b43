package org.foiwatch.sinks;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The --output directory of a run: checked before anything is parsed, so a bad one costs a
 * one-line message and no work.
 */
public final class RunOutput {

  private RunOutput() {}

  /** An --output that cannot take a run's files; the message names its absolute path. */
  public static final class BadOutputException extends Exception {
    BadOutputException(String message) {
      super(message);
    }
  }

  /**
   * Checks that {@code output} is a directory this process can write, creating it when missing,
   * and describes it with its free space ("/abs/out, 12.3 GB free"). A remote output (s3://...)
   * has no directory to check and is described as given.
   */
  public static String check(String output) throws BadOutputException {
    if (output.contains("://") && !output.startsWith("file://")) {
      return output;
    }
    Path directory = Path.of(output.startsWith("file://") ? output.substring("file://".length()) : output)
        .toAbsolutePath().normalize();
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw new BadOutputException("--output=" + directory + " is a file, not a directory");
    }
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new BadOutputException("--output=" + directory + " cannot be created: " + reason(e));
    }
    try {
      Files.delete(Files.createTempFile(directory, ".foiwatch-probe", ""));
    } catch (IOException e) {
      throw new BadOutputException("--output=" + directory + " is not writable: " + reason(e));
    }
    try {
      return directory + ", " + gigabytes(Files.getFileStore(directory).getUsableSpace()) + " free";
    } catch (IOException e) {
      return directory.toString();
    }
  }

  private static String gigabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
  }

  /** The operating system's words ("Read-only file system", "Not a directory") where it gave some. */
  private static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such directory";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
