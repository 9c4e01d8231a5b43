package org.foiwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTablesTest {

  private static List<List<String>> onlyTable(String raw) {
    List<TextTables.Segment> tables = TextTables.split(raw).stream().filter(TextTables.Segment::isTable).toList();
    assertEquals(1, tables.size(), "one table in " + raw);
    return tables.get(0).rows();
  }

  @Test
  void aBorderedPipeTableBecomesRowsWithoutItsRules() {
    List<List<String>> rows = onlyTable("""
        +----------+---------+------+
        | Supplier | Part no | Qty  |
        +==========+=========+======+
        | Vivotek  | IB9389  |  140 |
        | Mobotix  | M16B    |    3 |
        +----------+---------+------+
        """);
    assertEquals(List.of(List.of("Supplier", "Part no", "Qty"), List.of("Vivotek", "IB9389", "140"),
        List.of("Mobotix", "M16B", "3")), rows);
  }

  @Test
  void aMarkdownTableWithAlignmentRulesAndNoOuterPipes() {
    List<List<String>> rows = onlyTable("Brand | Model | Units\n:--- | :---: | ---:\nGenetec | AutoVu SharpV | 12\n");
    assertEquals(List.of("Genetec", "AutoVu SharpV", "12"), rows.get(1));
  }

  @Test
  void tabSeparatedLinesKeepEmptyCellsWhenEveryLineHasAsManyTabs() {
    List<List<String>> rows = onlyTable("Make\tModel\tCount\nVerkada\tCD62\t9\n\tCD42\t4\n");
    assertEquals(List.of("", "CD42", "4"), rows.get(2));
  }

  @Test
  void fixedWidthColumnsComeFromBlanksThatLineUpDownEveryLine() {
    String raw = """
        Intro text that is not a table.
        Vendor              Product code        Number in service
        Avigilon Corp       H5A-BO-IR                          77
        Pelco               Sarix IBE238                    1,204
        Total                                               1,281
        Closing words.
        """;
    List<TextTables.Segment> segments = TextTables.split(raw);
    assertEquals(3, segments.size());
    assertFalse(segments.get(0).isTable());
    assertEquals(List.of(List.of("Vendor", "Product code", "Number in service"),
        List.of("Avigilon Corp", "H5A-BO-IR", "77"), List.of("Pelco", "Sarix IBE238", "1,204"),
        List.of("Total", "", "1,281")), segments.get(1).rows());
    assertTrue(segments.get(2).text().contains("Closing words."));
  }

  @Test
  void aCellWrappedOverSeveralLinesIsRebuilt() {
    List<List<String>> rows = onlyTable("""
        | Site       | Make                    | Model          | Qty |
        | Depot      | Zhejiang Uniview        | IPC3618SB-     |  15 |
        |            | Technologies Co., Ltd.  | ADF40KM-I0     |     |
        | Library    | Bosch                   | NDE-3503-AL    |   2 |
        """);
    // The cell keeps its lines; the extractor joins a code cut by the width (WrappedCells.joinCellLines).
    assertEquals(List.of("Depot", "Zhejiang Uniview\nTechnologies Co., Ltd.", "IPC3618SB-\nADF40KM-I0", "15"), rows.get(1));
    assertEquals(3, rows.size());
  }

  @Test
  void proseWithDoubleSpacesAndSingleLinesWithPipesStayText() {
    String raw = """
        We hold the information.  The cameras were bought in 2019 and are
        maintained under contract.  Further detail is given below for you.
        Contact us | Privacy | Accessibility
        """;
    assertTrue(TextTables.split(raw).stream().noneMatch(TextTables.Segment::isTable));
  }
}
