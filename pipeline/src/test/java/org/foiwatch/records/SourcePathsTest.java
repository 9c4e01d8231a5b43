package org.foiwatch.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SourcePathsTest {

  private final SourcePaths relative = SourcePaths.of("relative", "/home/ann/foi/responses");

  @Test
  void aSourceUnderTheRootIsWrittenRelativeToItAndReadBackWhole() {
    assertEquals("letter.pdf", relative.written("/home/ann/foi/responses/letter.pdf"));
    assertEquals("2024/march/letter.pdf", relative.written("/home/ann/foi/responses/2024/march/letter.pdf"));
    assertEquals("/home/ann/foi/responses/2024/march/letter.pdf", relative.full("2024/march/letter.pdf"));
  }

  @Test
  void aSourceOutsideTheRootOrWrittenAsAUriStaysWhole() {
    assertEquals("/home/ann/foi/responses-old/letter.pdf", relative.written("/home/ann/foi/responses-old/letter.pdf"));
    assertEquals("file:///home/ann/foi/responses/caf%E9.pdf", relative.written("file:///home/ann/foi/responses/caf%E9.pdf"));
    assertEquals("file:///home/ann/foi/responses/caf%E9.pdf", relative.full("file:///home/ann/foi/responses/caf%E9.pdf"));
    assertEquals("/home/ann/foi/responses-old/letter.pdf", relative.full("/home/ann/foi/responses-old/letter.pdf"));
  }

  @Test
  void absoluteKeepsEveryPathAndRemoteRootsWorkAlike() {
    SourcePaths absolute = SourcePaths.of("absolute", "/home/ann/foi/responses");
    assertEquals("/home/ann/foi/responses/letter.pdf", absolute.written("/home/ann/foi/responses/letter.pdf"));
    SourcePaths bucket = SourcePaths.of("relative", "s3://newsroom/foi/");
    assertEquals("police/reply.eml", bucket.written("s3://newsroom/foi/police/reply.eml"));
    assertEquals("s3://newsroom/foi/police/reply.eml", bucket.full("police/reply.eml"));
  }

  @Test
  void anUnknownModeIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SourcePaths.of("short", "/x"));
    assertEquals("--sourcePaths must be relative or absolute, not short", e.getMessage());
  }
}
