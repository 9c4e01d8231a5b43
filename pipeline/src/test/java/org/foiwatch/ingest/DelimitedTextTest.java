package org.foiwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DelimitedTextTest {

  private static List<List<String>> rows(String... lines) {
    List<Block> blocks = java.util.Arrays.stream(lines).map(l -> Block.paragraph(1, l, false)).toList();
    return DelimitedText.rows(blocks).stream().map(Block::cells).toList();
  }

  @Test
  void theDelimiterIsTheOneALineHoldsMostOfNotTheTitleRowAbove() {
    List<List<String>> rows = rows("Northby Council, CCTV estate", "Make;Part no;Qty", "Mobotix;M16B;4", "Vivotek;FD9389-EHV;15");
    assertEquals(List.of("Make", "Part no", "Qty"), rows.get(1));
    assertEquals(List.of("Vivotek", "FD9389-EHV", "15"), rows.get(3));
  }

  @Test
  void commaSeparatedFilesStillSplitOnCommas() {
    assertEquals(List.of("Axis", "M3125-LVE", "3"), rows("Make,Model,Count", "Axis,M3125-LVE,3").get(1));
  }
}
