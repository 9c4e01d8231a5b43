package org.foiwatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heap after GC comes from what each young or full pause in a GC log left, whatever its
 * unit; the live heap from the full collections jcmd forced.
 */
class BenchReportTest {

  @TempDir
  Path dir;

  @Test
  void heapAfterGcIsWhatEachYoungOrFullPauseLeft() throws IOException {
    Path log = dir.resolve("direct.gc.log");
    Files.writeString(log, """
        [0.008s][info][gc] Using G1
        [0.686s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->5M(256M) 12.373ms
        [1.102s][info][gc] GC(1) Pause Young (Concurrent Start) (G1 Humongous Allocation) 2G->96M(3G) 4.102ms
        [1.103s][info][gc] GC(2) Concurrent Mark Cycle
        [1.240s][info][gc] GC(2) Pause Remark 2100M->2050M(3G) 1.520ms
        [1.251s][info][gc] GC(2) Pause Cleanup 2050M->2048M(3G) 0.101ms
        [1.262s][info][gc] GC(2) Concurrent Mark Cycle 159.310ms
        [1.400s][info][gc] GC(3) Pause Young (Prepare Mixed) (G1 Evacuation Pause) 300M->108M(3G) 3.015ms
        [1.681s][info][gc] GC(4) Pause Full (System.gc()) 174M->27648K(100M) 28.434ms
        [1.903s][info][gc] GC(5) Pause Young (Mixed) (G1 Evacuation Pause) 1G->1G(3G) 9.870ms
        [2.117s][info][gc] GC(6) Pause Young (Normal) (G1 Evacuation Pause) 1200M->100M(3G) 6.402ms
        """);
    BenchReport.HeapAfterGc liveHeap = BenchReport.heapAfterGc(log, false);
    // After: 5, 96, 108, 27 (27648K), 1024 and 100 MB; Remark and Cleanup, which empty no eden,
    // and the mark cycle's lines give no figure.
    assertEquals(6, liveHeap.collections());
    assertEquals(1024, liveHeap.peakMb(), 1e-9);
    assertEquals((96 + 100) / 2.0, liveHeap.medianMb(), 1e-9);
  }

  @Test
  void noFigureWithoutAPause() throws IOException {
    assertNull(BenchReport.heapAfterGc(dir.resolve("pdftotext.gc.log"), false), "missing log");
    Path empty = Files.writeString(dir.resolve("empty.gc.log"), "");
    assertNull(BenchReport.heapAfterGc(empty, false), "empty log");
    Path startOnly = Files.writeString(dir.resolve("start.gc.log"), "[0.008s][info][gc] Using G1\n");
    assertNull(BenchReport.heapAfterGc(startOnly, false), "log of a run that ended before a collection");
  }

  @Test
  void liveHeapIsWhatEachForcedFullCollectionLeft() throws IOException {
    Path log = dir.resolve("direct.live.gc.log");
    Files.writeString(log, """
        [0.008s][info][gc] Using G1
        [5.102s][info][gc] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 300M->80M(512M) 4.102ms
        [5.406s][info][gc] GC(4) Pause Full (Heap Inspection Initiated GC) 190M->57M(512M) 98.020ms
        [7.980s][info][gc] GC(5) Pause Full (G1 Compaction Pause) 500M->120M(512M) 150.330ms
        [10.511s][info][gc] GC(6) Pause Full (Heap Inspection Initiated GC) 210M->61440K(512M) 101.200ms
        """);
    BenchReport.HeapAfterGc live = BenchReport.heapAfterGc(log, true);
    // Only the two collections jcmd forced: 57 MB and 60 MB (61440K).
    assertEquals(2, live.collections());
    assertEquals(60, live.peakMb(), 1e-9);
    // Read as the heap after GC, the young and the G1 full pause count too.
    assertEquals(4, BenchReport.heapAfterGc(log, false).collections());
    assertEquals(120, BenchReport.heapAfterGc(log, false).peakMb(), 1e-9);
  }
}
