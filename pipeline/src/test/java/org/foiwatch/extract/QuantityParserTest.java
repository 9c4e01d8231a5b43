package org.foiwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuantityParserTest {

  @Test
  void readsCellsWithDigitsWordsSeparatorsAndApproximations() {
    assertEquals(Optional.of(1790), QuantityParser.parseCell("1,790"));
    assertEquals(Optional.of(12), QuantityParser.parseCell("twelve (12)"));
    assertEquals(Optional.of(29), QuantityParser.parseCell("twenty-nine"));
    assertEquals(Optional.of(112), QuantityParser.parseCell("one hundred and twelve"));
    assertEquals(Optional.of(40), QuantityParser.parseCell("approximately 40"));
    assertEquals(Optional.of(40), QuantityParser.parseCell("c. 40"));
    assertEquals(Optional.of(12), QuantityParser.parseCell("12 no."));
    assertEquals(Optional.of(12), QuantityParser.parseCell("x12"));
  }

  @Test
  void readsTheCountFormsOfTablesAndLists() {
    assertEquals(Optional.of(14), QuantityParser.parseCell("(14 No.)"));
    assertEquals(Optional.of(14), QuantityParser.parseCell("14no."));
    assertEquals(Optional.of(14), QuantityParser.parseCell("×14"));
    assertEquals(Optional.of(14), QuantityParser.parseCell("14x"));
    assertEquals(Optional.of(12), QuantityParser.parseCell("c.12"));
    assertEquals(Optional.of(20), QuantityParser.parseCell("approx. 20"));
    assertEquals(Optional.of(2), QuantityParser.parseCell("a pair"));
    assertEquals(Optional.of(12), QuantityParser.parseCell("a dozen"));
    assertEquals(Optional.of(24), QuantityParser.parseCell("two dozen"));
    assertEquals(Optional.of(3), QuantityParser.parseCell("a trio"));
    assertEquals(Optional.of(2300), QuantityParser.parseCell("two thousand three hundred"));
    assertEquals(Optional.of(6), QuantityParser.before("Recorders: 6 x ", "Recorders: 6 x ".length()));
    assertTrue(QuantityParser.before("at 10:30 ", "at 10:30 ".length()).isEmpty());
    assertEquals(Optional.of(7), QuantityParser.after("Avigilon H5A (BO-IR) – 7", "Avigilon H5A (BO-IR".length(), false));
  }

  @Test
  void aCountCellMayCarryANoteAfterItsCount() {
    assertEquals(Optional.of(16), QuantityParser.parseCell("16 (2 awaiting repair)"));
    assertEquals(Optional.of(5), QuantityParser.parseCell("5*"));
    assertEquals(Optional.of(1200), QuantityParser.parseCell("1,200 [see note 4]"));
    assertEquals(Optional.of(7), QuantityParser.parseCell("seven †"));
    // The note is no count, and a cell that is only a note or a range with a note has none.
    assertTrue(QuantityParser.parseCell("(2 awaiting repair)").isEmpty());
    assertTrue(QuantityParser.parseCell("20-30 (estimate)").isEmpty());
    assertTrue(QuantityParser.parseCell("Car park (north)").isEmpty());
  }

  @Test
  void countsGivenInTurnOrEachToSeveralItems() {
    assertEquals(List.of(2, 15, 1100), QuantityParser.respectively("P1465-LE, P3245-LVE and Q6135-LE: 2, 15 and 1,100 respectively."));
    assertEquals(List.of(), QuantityParser.respectively("2, 15 and 1,100 cameras in all"));
    // Only the ten counts right before "respectively" are read, however long the run before them.
    assertEquals(List.of(21, 21, 21, 21, 21, 21, 21, 21, 2, 3),
        QuantityParser.respectively("1,2".repeat(20_000) + " and 3 respectively"));
    assertEquals(Optional.of(4), QuantityParser.each("Axis P3245-LVE and P3248-LVE, four of each"));
    assertEquals(Optional.empty(), QuantityParser.each("each camera records for 30 days"));
    assertEquals(Optional.of(3), QuantityParser.each("1,234".repeat(20_000) + " cameras, 3 each"));
  }

  @Test
  void rangesWithheldAndBlankCellsGiveNoQuantity() {
    assertTrue(QuantityParser.parseCell("between 20 and 30").isEmpty());
    assertTrue(QuantityParser.parseCell("20-30").isEmpty());
    assertTrue(QuantityParser.parseCell("Withheld (s.24)").isEmpty());
    assertTrue(QuantityParser.parseCell("").isEmpty());
    assertTrue(QuantityParser.parseCell("N/A").isEmpty());
  }

  @Test
  void countAfterAnItemNeedsNoUnitInATableLineButRejectsSpecs() {
    String line = "Riverside Walk Samsung Techwin XNO-6080R 39";
    assertEquals(Optional.of(39), QuantityParser.after(line, line.indexOf("R 39") + 1, false));
    String bracketed = "the IPC-HDW5442TM-AS (nine units) and";
    assertEquals(Optional.of(9), QuantityParser.after(bracketed, bracketed.indexOf(" ("), true));
    String wrapped = "the I91BN (eighteen\nunits)";
    assertEquals(Optional.of(18), QuantityParser.after(wrapped, wrapped.indexOf(" ("), true));
    for (String spec : new String[] {" 4MP turret", " 2.8mm lens", " 16-channel", " 2019", " 30%", " 12/03/2021"}) {
      assertTrue(QuantityParser.after("DS-2CD2143G0-I" + spec, 14, false).isEmpty(), spec);
    }
  }

  @Test
  void countBeforeAnItemRejectsMoneyAndDates() {
    String text = "We operate 146 Hikvision cameras";
    assertEquals(Optional.of(146), QuantityParser.before(text, text.indexOf("Hikvision")));
    String multiplied = "12 x DS-2CD2143G0-I";
    assertEquals(Optional.of(12), QuantityParser.before(multiplied, multiplied.indexOf("DS")));
    assertTrue(QuantityParser.before("cost £4500 Hikvision", 11).isEmpty());
    assertTrue(QuantityParser.before("on 12/03/2021 Hikvision", 14).isEmpty());
    assertTrue(QuantityParser.before("in 2019 Hikvision", 8).isEmpty());
  }
}
