package org.foiwatch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import org.apache.beam.sdk.io.FileSystems;
import org.foiwatch.digest.Sha256;

/**
 * Opens an input entry the one way foiwatch reads it: a local entry only when its {@link
 * InputConfinement} lets it through, and never past {@code --maxFileBytes}. The parse and the
 * check for unchanged files (the sha256 a re-run compares) read the same bytes.
 */
public final class InputReader {

  private InputReader() {}

  /** An entry opened for reading ({@code stream}), or the status and reason it is not read. */
  public record Opened(InputStream stream, DocumentStatus status, String reason) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      if (stream != null) {
        stream.close();
      }
    }
  }

  public static Opened open(String source, long listedSize, InputConfinement confinement, long maxFileBytes)
      throws IOException {
    Path local = InputPaths.localPath(source);
    if (local == null) {
      if (listedSize > maxFileBytes) {
        return tooLarge(listedSize, maxFileBytes);
      }
      return new Opened(Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(source, false))), null, null);
    }
    InputConfinement.Verdict verdict = confinement.check(local);
    if (verdict.skipReason() != null) {
      return new Opened(null, DocumentStatus.SKIPPED, verdict.skipReason());
    }
    long size = Files.size(verdict.file());
    if (size > maxFileBytes) {
      return tooLarge(size, maxFileBytes);
    }
    // No link is followed here: the verdict's path has none, and one swapped in since is refused.
    return new Opened(Files.newInputStream(verdict.file(), LinkOption.NOFOLLOW_LINKS), null, null);
  }

  private static Opened tooLarge(long size, long maxFileBytes) {
    return new Opened(null, DocumentStatus.TOO_LARGE, "file is " + size + " bytes, over --maxFileBytes=" + maxFileBytes);
  }

  /**
   * The sha256 of the bytes a parse of {@code source} would read (as its record's {@code sha256}
   * says), or null when it reads none or cannot.
   */
  public static String sha256(String source, long listedSize, InputConfinement confinement, long maxFileBytes) {
    try (Opened opened = open(source, listedSize, confinement, maxFileBytes)) {
      if (opened.stream() == null) {
        return null;
      }
      MessageDigest digest = Sha256.newDigest();
      try (InputStream in = new DigestInputStream(opened.stream(), digest)) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      return Sha256.hex(digest);
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      return null;
    }
  }
}
