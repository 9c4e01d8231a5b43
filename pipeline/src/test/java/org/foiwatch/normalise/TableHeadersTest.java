package org.foiwatch.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.foiwatch.normalise.TableHeaders.Column;
import org.junit.jupiter.api.Test;

class TableHeadersTest {

  private final TableHeaders headers = TableHeaders.standard();

  @Test
  void headerWordsNameTheColumnWhereverTheyStandInTheCell() {
    assertEquals(Column.VENDOR, headers.classify("Camera make"));
    assertEquals(Column.VENDOR, headers.classify("MANUFACTURER NAME"));
    assertEquals(Column.VENDOR, headers.classify("Make / model"));
    assertEquals(Column.MODEL, headers.classify("Type / model"));
    assertEquals(Column.MODEL, headers.classify("Model no."));
    assertEquals(Column.MODEL, headers.classify("Part Number"));
    assertEquals(Column.QUANTITY, headers.classify("How many"));
    assertEquals(Column.QUANTITY, headers.classify("No. of units"));
    assertEquals(Column.QUANTITY, headers.classify("Units in service"));
    assertEquals(Column.QUANTITY, headers.classify("#"));
    assertEquals(Column.QUANTITY, headers.classify("Cameras"));
    assertEquals(Column.LOCATION, headers.classify("Where installed"));
    assertEquals(Column.TYPE, headers.classify("Device type"));
  }

  @Test
  void identifiersDatesAndPricesAreNoEquipmentColumn() {
    assertNull(headers.classify("Serial number"));
    assertNull(headers.classify("Asset ID"));
    assertNull(headers.classify("IP address"));
    assertNull(headers.classify("Date installed"));
    assertNull(headers.classify("Unit cost (£)"));
    assertNull(headers.classify("Notes"));
  }
}
