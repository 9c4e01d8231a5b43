package org.foiwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void rateAndEtaComeFromFilesDoneAndElapsedTime() {
    assertEquals("foiwatch: 30/120 input files parsed (25%), 0.5 files/s, elapsed 1m00s, ETA 3m00s",
        Progress.line(30, 120, 60));
    assertEquals("foiwatch: 0/5000 input files parsed (0%), 0.0 files/s, elapsed 4s, ETA unknown", Progress.line(0, 5000, 4));
    assertEquals("foiwatch: 1000/5000 input files parsed (20%), 0.3 files/s, elapsed 1h00m, ETA 4h00m",
        Progress.line(1000, 5000, 3600));
    assertEquals("foiwatch: 9/9 input files parsed (100%), 1.5 files/s, elapsed 6s, all parsed, extracting and writing the records",
        Progress.line(9, 9, 6));
  }
}
