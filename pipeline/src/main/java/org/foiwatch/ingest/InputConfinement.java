package org.foiwatch.ingest;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Decides which local input entries are read: regular files inside the input root, reached
 * directly or through a symlink whose target stays inside the root (anywhere with
 * --followSymlinks=outside). Anything else (a link leading out, a dangling link, a link to a
 * directory, a FIFO, a device, a socket) is not opened at all and gets a {@code skipped} record
 * with the reason. Opening a FIFO would block the worker; following a link out would put files
 * such as /etc/passwd into the records.
 */
public final class InputConfinement implements Serializable {

  private static final int FILE_TYPE_MASK = 0170000;
  private static final int FIFO = 0010000;
  private static final int CHARACTER_DEVICE = 0020000;
  private static final int BLOCK_DEVICE = 0060000;
  private static final int SOCKET = 0140000;

  /** The real path of the input root (record form, see {@link InputPaths}); null for remote input. */
  private final String root;
  private final boolean followOutside;

  public InputConfinement(String root, boolean followOutside) {
    this.root = root;
    this.followOutside = followOutside;
  }

  /** What to do with one entry: read {@code file} (no symlink left in its path), or skip it for {@code reason}. */
  public record Verdict(Path file, String skipReason) {
    static Verdict read(Path file) {
      return new Verdict(file, null);
    }

    static Verdict skip(String reason) {
      return new Verdict(null, reason);
    }
  }

  /** Checks a local entry without opening it. */
  public Verdict check(Path entry) throws IOException {
    BasicFileAttributes own = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    Path target;
    try {
      target = entry.toRealPath();
    } catch (NoSuchFileException e) {
      return Verdict.skip("dangling symlink: its target does not exist");
    } catch (FileSystemException e) {
      return Verdict.skip("symlink that cannot be resolved: " + e.getReason());
    }
    if (!followOutside && root != null && !target.startsWith(InputPaths.localPath(root))) {
      return Verdict.skip((own.isSymbolicLink() ? "symlink" : "path through a symlinked directory")
          + " to a file outside the input folder, not followed (--followSymlinks=outside follows it)");
    }
    BasicFileAttributes real = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (real.isRegularFile()) {
      return Verdict.read(target);
    }
    String kind = real.isDirectory() ? "a directory (directories are read where they are, not through links)" : kind(target);
    return Verdict.skip(own.isSymbolicLink() ? "symlink to " + kind : "not a regular file: " + kind);
  }

  private static String kind(Path file) {
    try {
      int mode = (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      return switch (mode & FILE_TYPE_MASK) {
        case FIFO -> "a named pipe (FIFO)";
        case CHARACTER_DEVICE -> "a character device";
        case BLOCK_DEVICE -> "a block device";
        case SOCKET -> "a socket";
        default -> "a special file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "a special file";
    }
  }

  /** The confinement for --input: its directory (a file's or a glob's directory), as a real path. */
  public static InputConfinement forInput(String input, boolean followOutside) {
    return new InputConfinement(InputFiles.root(input), followOutside);
  }
}
