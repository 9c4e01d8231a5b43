package org.foiwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.beam.sdk.values.KV;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** How --input becomes the list of input files. */
class InputFilesTest {

  private static List<String> names(List<KV<String, Long>> files) {
    return files.stream().map(file -> InputPaths.localPath(file.getKey()).getFileName().toString()).toList();
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
    // The link is listed once, as an entry (it gets a skipped record), and not entered.
    assertEquals(List.of("a.pdf", "b.pdf", "loop"), names(InputFiles.list(dir.toString())));
  }

  @Test
  void specialEntriesAreListedSoEachGetsARecord(@TempDir Path dir) throws Exception {
    Files.createSymbolicLink(dir.resolve("dangling.pdf"), dir.resolve("gone.pdf"));
    Files.createSymbolicLink(dir.resolve("passwd.txt"), Path.of("/etc/passwd"));
    assertEquals(0, new ProcessBuilder("mkfifo", dir.resolve("pipe.txt").toString()).start().waitFor());
    assertEquals(List.of("dangling.pdf", "passwd.txt", "pipe.txt"), names(InputFiles.list(dir.toString())));
  }

  @Test
  void latin1NameIsListedByItsBytes(@TempDir Path dir) throws Exception {
    Path latin1 = InputConfinementTest.latin1Name(dir);
    Files.writeString(latin1, "text");
    String source = InputFiles.list(dir.toString()).get(0).getKey();
    assertTrue(source.startsWith("file:///") && source.endsWith("/caf%E9.txt"), source);
    assertEquals(latin1, InputPaths.localPath(source));
    assertEquals("text", Files.readString(InputPaths.localPath(source)));
  }
}
