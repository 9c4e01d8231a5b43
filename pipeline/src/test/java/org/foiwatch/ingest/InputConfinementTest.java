package org.foiwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which local entries are read, and why the others are skipped, without opening any of them. */
class InputConfinementTest {

  @TempDir Path root;

  /** A file name holding the Latin-1 byte 0xE9 ("café" in Latin-1), not valid UTF-8. */
  static Path latin1Name(Path directory) {
    return InputPaths.localPath(directory.toUri() + "caf%E9.txt");
  }

  private InputConfinement.Verdict check(Path entry, boolean followOutside) throws Exception {
    return new InputConfinement(InputPaths.source(root.toRealPath()), followOutside).check(entry);
  }

  private String skipReason(Path entry) throws Exception {
    InputConfinement.Verdict verdict = check(entry, false);
    assertNull(verdict.file(), entry + " would be read");
    return verdict.skipReason();
  }

  @Test
  void regularFileAndLinkInsideTheRootAreRead() throws Exception {
    Path file = Files.writeString(root.resolve("a.txt"), "a");
    Path link = Files.createSymbolicLink(root.resolve("link.txt"), file);
    assertEquals(file.toRealPath(), check(file, false).file());
    assertEquals(file.toRealPath(), check(link, false).file());
  }

  @Test
  void linksOutOfTheRootAreSkippedUnlessAskedFor() throws Exception {
    Path passwd = Files.createSymbolicLink(root.resolve("passwd.txt"), Path.of("/etc/passwd"));
    Path environ = Files.createSymbolicLink(root.resolve("environ.txt"), Path.of("/proc/self/environ"));
    assertTrue(skipReason(passwd).contains("outside the input folder"), skipReason(passwd));
    assertTrue(skipReason(environ).contains("outside the input folder"), skipReason(environ));
    assertEquals(Path.of("/etc/passwd").toRealPath(), check(passwd, true).file());
  }

  @Test
  void fileReachedThroughALinkedDirectoryOutsideIsSkipped(@TempDir Path elsewhere) throws Exception {
    Files.writeString(elsewhere.resolve("secret.txt"), "secret");
    Files.createSymbolicLink(root.resolve("linked"), elsewhere);
    assertTrue(skipReason(root.resolve("linked/secret.txt")).contains("outside the input folder"));
  }

  @Test
  void danglingLinkFifoAndLinkedDirectoryAreSkippedWithTheirReason() throws Exception {
    Path dangling = Files.createSymbolicLink(root.resolve("dangling.pdf"), root.resolve("gone.pdf"));
    Path fifo = root.resolve("pipe.pdf");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    Path directoryLink = Files.createSymbolicLink(root.resolve("loop"), root);
    assertEquals("dangling symlink: its target does not exist", skipReason(dangling));
    assertEquals("not a regular file: a named pipe (FIFO)", skipReason(fifo));
    assertTrue(skipReason(directoryLink).startsWith("symlink to a directory"), skipReason(directoryLink));
  }

  @Test
  void deviceIsSkipped() throws Exception {
    Path device = Files.createSymbolicLink(root.resolve("null.txt"), Path.of("/dev/null"));
    assertTrue(skipReason(device).contains("outside the input folder"));
    assertEquals("symlink to a character device", check(device, true).skipReason());
  }

  @Test
  void latin1NameRoundTripsThroughItsSource() throws Exception {
    Path file = latin1Name(root);
    Files.writeString(file, "text");
    String source = InputPaths.source(file);
    assertTrue(source.endsWith("caf%E9.txt"), source);
    assertEquals(file, InputPaths.localPath(source));
    assertEquals(file.toRealPath(), check(InputPaths.localPath(source), false).file());
    // A name that is valid text keeps its plain form, '%' and all.
    Path plain = root.resolve("50% caf\u00e9.txt");
    assertEquals(plain.toString(), InputPaths.source(plain));
  }
}
