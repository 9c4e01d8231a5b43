package org.foiwatch.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * Resolves the --input option to the input files, sorted by path. A local directory is walked
 * here, never following symlinked directories (so a link loop cannot multiply the inputs), and
 * a local file is taken literally (a name with {@code [}, {@code #} or {@code %} is not a glob);
 * a glob or a remote path (s3://...) is matched by Beam's filesystems.
 */
public final class InputFiles {

  private InputFiles() {}

  public static List<MatchResult.Metadata> list(String input) {
    List<MatchResult.Metadata> files = new ArrayList<>();
    boolean remote = input.contains("://");
    if (!remote && !hasGlob(input) && Files.isDirectory(Path.of(input))) {
      walk(Path.of(input).toAbsolutePath().normalize(), files);
    } else if (!remote && !hasGlob(input) && Files.isRegularFile(Path.of(input))) {
      files.add(metadata(Path.of(input).toAbsolutePath().normalize()));
    } else if (!remote && !hasGlob(input)) {
      // Nothing there. Beam would look for it by walking its parent directory tree, which for
      // a mistyped /path is the whole file system.
      return files;
    } else {
      files.addAll(match(input.endsWith("/") ? input + "**" : input));
    }
    files.sort(Comparator.comparing(file -> file.resourceId().toString()));
    return files;
  }

  private static boolean hasGlob(String input) {
    return input.indexOf('*') >= 0 || input.indexOf('?') >= 0 || input.indexOf('{') >= 0;
  }

  private static void walk(Path directory, List<MatchResult.Metadata> files) {
    try {
      // Without FOLLOW_LINKS a symlinked directory is visited as a plain entry, not entered.
      Files.walkFileTree(directory, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          if (Files.isRegularFile(file)) {
            files.add(metadata(file));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException error) {
          // An unreadable entry still gets a record: reading it later fails with a reason.
          files.add(MatchResult.Metadata.builder().setResourceId(FileSystems.matchNewResource(file.toString(), false))
              .setSizeBytes(0).setIsReadSeekEfficient(true).setLastModifiedMillis(0).build());
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }

  private static MatchResult.Metadata metadata(Path file) {
    long size;
    long modified;
    try {
      size = Files.size(file);
      modified = Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      size = 0;
      modified = 0;
    }
    return MatchResult.Metadata.builder()
        .setResourceId(FileSystems.matchNewResource(file.toString(), false))
        .setSizeBytes(size)
        .setIsReadSeekEfficient(true)
        .setLastModifiedMillis(modified)
        .build();
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
