package org.foiwatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark reads the heap a run held from its JVM's own -Xlog:gc output. */
class BenchReportTest {

  @Test
  void readsTheHeapAfterCollectionsFromThisJvmsGcLog(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("run.gc.log");
    ObjectName diagnostics = new ObjectName("com.sun.management:type=DiagnosticCommand");
    String[] signature = {String[].class.getName()};
    // What -Xlog:gc:file=run.gc.log does from the start, switched on at run time (jcmd VM.log).
    ManagementFactory.getPlatformMBeanServer().invoke(diagnostics, "vmLog",
        new Object[] {new String[] {"output=file=" + log, "what=gc"}}, signature);
    try {
      byte[][] held = new byte[64][];
      for (int i = 0; i < held.length; i++) {
        held[i] = new byte[1 << 20];
      }
      System.gc();
      long heldMb = BenchReport.heapAfterCollections(log);
      assertTrue(heldMb >= held.length, () -> heldMb + " MB after GC while 64 MB are held; log:\n" + read(log));
    } finally {
      ManagementFactory.getPlatformMBeanServer().invoke(diagnostics, "vmLog",
          new Object[] {new String[] {"output=file=" + log, "what=all=off"}}, signature);
    }
  }

  @Test
  void noGcLogMeansNotMeasured(@TempDir Path dir) throws Exception {
    assertEquals(0, BenchReport.heapAfterCollections(dir.resolve("missing.gc.log")));
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
