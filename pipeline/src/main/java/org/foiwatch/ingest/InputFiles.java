package org.foiwatch.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.values.KV;

/**
 * Resolves the --input option to the input entries, sorted by source: each is its {@code source}
 * (see {@link InputPaths}) and its size as listed. A local directory is walked here, never
 * following symlinked directories (so a link loop cannot multiply the inputs), and every entry
 * that is not a directory is listed, links and special files included: {@link InputConfinement}
 * decides when it is read whether it is parsed or skipped, so each gets a record. A local file is
 * taken literally (a name with {@code [}, {@code #} or {@code %} is not a glob); a glob or a
 * remote path (s3://...) is matched by Beam's filesystems.
 */
public final class InputFiles {

  private InputFiles() {}

  public static List<KV<String, Long>> list(String input) {
    List<KV<String, Long>> files = new ArrayList<>();
    boolean literal = !input.contains("://") && !hasGlob(input);
    Path path = literal ? Path.of(input).toAbsolutePath().normalize() : null;
    if (literal && Files.isDirectory(path)) {
      walk(path, files);
    } else if (literal && Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      files.add(KV.of(InputPaths.source(path), 0L));
    } else if (literal) {
      // Nothing there. Beam would look for it by walking its parent directory tree, which for
      // a mistyped /path is the whole file system.
      return files;
    } else {
      for (MatchResult.Metadata file : match(input.endsWith("/") ? input + "**" : input)) {
        files.add(KV.of(file.resourceId().toString(), file.sizeBytes()));
      }
    }
    files.sort(Comparator.comparing(KV::getKey));
    return files;
  }

  /**
   * {@code input} as the absolute path it names (relative paths are read from the working
   * directory), for messages that say where foiwatch looked; a remote input as given.
   */
  public static String absolute(String input) {
    if (InputPaths.isRemote(input)) {
      return input;
    }
    String local = input.startsWith("file://") ? input.substring("file://".length()) : input;
    return Path.of(local).toAbsolutePath().normalize().toString();
  }

  /**
   * The folder the input's entries are listed under, in record form: the directory itself, a
   * file's directory, or a glob's directory before its first wildcard (for a remote input, its
   * prefix up to that point). Every source of the run starts with it, unless written as a URI.
   */
  public static String sourceRoot(String input) {
    return InputPaths.isRemote(input) ? globDirectory(input) : InputPaths.source(listedRoot(input));
  }

  /**
   * The local folder the input is confined to: {@link #sourceRoot}'s real path, in record form;
   * null for a remote input, which has no symlinks.
   */
  static String root(String input) {
    if (InputPaths.isRemote(input)) {
      return null;
    }
    Path path = listedRoot(input);
    try {
      return InputPaths.source(path.toRealPath());
    } catch (IOException e) {
      return InputPaths.source(path);
    }
  }

  private static Path listedRoot(String input) {
    String local = input.startsWith("file://") ? input.substring("file://".length()) : input;
    Path path = Path.of(hasGlob(local) ? globDirectory(local) : local).toAbsolutePath().normalize();
    return Files.isDirectory(path) ? path : path.getParent();
  }

  private static String globDirectory(String glob) {
    int wildcard = glob.length();
    for (char c : new char[] {'*', '?', '{'}) {
      int at = glob.indexOf(c);
      wildcard = at >= 0 ? Math.min(wildcard, at) : wildcard;
    }
    int slash = glob.lastIndexOf('/', wildcard);
    return slash < 0 ? "." : glob.substring(0, slash + 1);
  }

  private static boolean hasGlob(String input) {
    return input.indexOf('*') >= 0 || input.indexOf('?') >= 0 || input.indexOf('{') >= 0;
  }

  private static void walk(Path directory, List<KV<String, Long>> files) {
    try {
      // Without FOLLOW_LINKS a symlinked directory is visited as a plain entry, not entered.
      Files.walkFileTree(directory, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          files.add(KV.of(InputPaths.source(file), attributes.size()));
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException error) {
          // An unreadable entry still gets a record: reading it later fails with a reason.
          files.add(KV.of(InputPaths.source(file), 0L));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }

  private static List<MatchResult.Metadata> match(String filepattern) {
    try {
      MatchResult result = FileSystems.match(filepattern, EmptyMatchTreatment.ALLOW);
      return result.status() == MatchResult.Status.OK ? result.metadata() : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot match " + filepattern, e);
    }
  }
}
