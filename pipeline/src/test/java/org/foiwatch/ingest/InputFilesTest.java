package org.foiwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** How --input becomes the list of input files. */
class InputFilesTest {

  private static List<String> names(List<MatchResult.Metadata> files) {
    return files.stream().map(file -> file.resourceId().getFilename()).toList();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void missingPathAtTheRootMatchesNothingWithoutWalkingTheFileSystem() {
    // Beam's local match would search the parent, "/", recursively for it.
    assertTrue(InputFiles.list("/foiwatch-no-such-input-" + System.nanoTime()).isEmpty());
  }

  @Test
  void fileWithGlobCharactersInItsNameIsTakenLiterally(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("reply [1] #2 50%.txt"), "text");
    Files.writeString(dir.resolve("reply 1 #2 50%.txt"), "another");
    assertEquals(List.of("reply [1] #2 50%.txt"), names(InputFiles.list(file.toString())));
  }

  @Test
  void directoryIsListedSortedWithoutEnteringASymlinkLoop(@TempDir Path dir) throws Exception {
    Path sub = Files.createDirectory(dir.resolve("sub"));
    Files.writeString(sub.resolve("b.pdf"), "b");
    Files.writeString(dir.resolve("a.pdf"), "a");
    Files.createSymbolicLink(sub.resolve("loop"), dir);
    assertEquals(List.of("a.pdf", "b.pdf"), names(InputFiles.list(dir.toString())));
  }
}
