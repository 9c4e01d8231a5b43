package org.foiwatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live heap comes from what each young or full pause in a GC log left, whatever its unit. */
class BenchReportTest {

  @TempDir
  Path dir;

  @Test
  void liveHeapIsWhatEachYoungOrFullPauseLeft() throws IOException {
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
    BenchReport.LiveHeap liveHeap = BenchReport.liveHeap(log);
    // After: 5, 96, 108, 27 (27648K), 1024 and 100 MB; Remark and Cleanup, which empty no eden,
    // and the mark cycle's lines give no figure.
    assertEquals(6, liveHeap.collections());
    assertEquals(1024, liveHeap.peakMb(), 1e-9);
    assertEquals((96 + 100) / 2.0, liveHeap.medianMb(), 1e-9);
  }

  @Test
  void noFigureWithoutAPause() throws IOException {
    assertNull(BenchReport.liveHeap(dir.resolve("pdftotext.gc.log")), "missing log");
    Path empty = Files.writeString(dir.resolve("empty.gc.log"), "");
    assertNull(BenchReport.liveHeap(empty), "empty log");
    Path startOnly = Files.writeString(dir.resolve("start.gc.log"), "[0.008s][info][gc] Using G1\n");
    assertNull(BenchReport.liveHeap(startOnly), "log of a run that ended before a collection");
  }
}
