package org.foiwatch.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The benchmark corpus is reproducible: the same file number gives the same bytes. */
class BenchCorpusTest {

  @Test
  void sameFileNumberGivesTheSameBytes() {
    for (int i = 0; i < 12; i++) {
      BenchCorpus.Entry first = BenchCorpus.file(i);
      BenchCorpus.Entry second = BenchCorpus.file(i);
      assertEquals(first.name(), second.name());
      assertArrayEquals(first.bytes(), second.bytes(), first.name());
    }
  }

  @Test
  void theFirstFilesAlreadyMixEveryFormat() {
    Set<String> formats = new TreeSet<>();
    IntStream.range(0, 30).forEach(i -> formats.add(BenchCorpus.file(i).format()));
    assertEquals(Set.of("docx", "eml", "pdf", "scan", "xlsx"), formats);
  }
}
