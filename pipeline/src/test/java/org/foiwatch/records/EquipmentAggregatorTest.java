package org.foiwatch.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.foiwatch.extract.EquipmentMention;
import org.foiwatch.extract.EquipmentMention.Method;
import org.foiwatch.extract.EquipmentMention.Role;
import org.foiwatch.normalise.VendorCatalogue;
import org.junit.jupiter.api.Test;

class EquipmentAggregatorTest {

  private final EquipmentAggregator aggregator = new EquipmentAggregator(VendorCatalogue.standard());

  private static EquipmentAggregator.Found found(String document, String vendor, String model, Integer quantity,
      Method method, String table, int start) {
    Role role = method == Method.REGISTER ? Role.REGISTER_ROW : Role.ITEM;
    return new EquipmentAggregator.Found(document, new EquipmentMention(vendor, true, null, vendor, model, model, true,
        quantity, role, "camera", 1, null, start, start + 5, "", method, table));
  }

  private static EquipmentAggregator.Found unknown(String vendor, boolean vendorKnown, String model, boolean modelKnown, int start) {
    return new EquipmentAggregator.Found("d", new EquipmentMention(vendor, vendorKnown, null, vendor, model, model, modelKnown,
        2, Role.ITEM, "camera", 1, null, start, start + 5, "", Method.PROSE, null));
  }

  @Test
  void unknownMakersAndFamiliesStayFlaggedAndAGrammarReadingAnywhereMakesTheModelKnown() {
    List<EquipmentAggregator.Item> items = aggregator.aggregate(List.of(
        unknown("Zentrix", false, "ZX-4000/B", false, 0),
        unknown("Bosch", true, "FLX-77Q/W", false, 10),
        unknown("Bosch", true, "FLX-77Q/W", true, 20)));
    assertEquals(List.of("Bosch FLX-77Q/W true true []", "Zentrix ZX-4000/B false false []"),
        items.stream().map(i -> i.vendor() + " " + i.model() + " " + i.vendorKnown() + " " + i.modelKnown() + " " + i.restricted())
            .toList());
  }

  @Test
  void rowsOfOneTableAddUpAndRestrictionsFollowTheMaker() {
    List<EquipmentAggregator.Item> items = aggregator.aggregate(List.of(
        found("d", "Hikvision", "DS-2CD2143G0-I", 12, Method.TABLE, "table0", 0),
        found("d", "Hikvision", "DS-2CD2143G0-I", 30, Method.TABLE, "table0", 10),
        found("d", "Hikvision", "DS-2CD2143G0-I", 42, Method.PROSE, null, 20)));
    assertEquals(1, items.size());
    assertEquals(42, items.get(0).quantity());
    assertEquals(List.of("FCC-COVERED", "NDAA-889"), items.get(0).restricted());
  }

  @Test
  void summarySheetIsNotAddedToTheRegisterOrOtherSheets() {
    List<EquipmentAggregator.Item> items = aggregator.aggregate(List.of(
        found("d", "Axis", "P3245-LVE", 2, Method.TABLE, "table0:Summary", 0),
        found("d", "Axis", "P3245-LVE", 1, Method.TABLE, "table1:North", 10),
        found("d", "Axis", "P3245-LVE", 1, Method.TABLE, "table2:South", 20),
        found("d", "Axis", "P3245-LVE", 1, Method.REGISTER, "table3:Register", 30)));
    assertEquals(2, items.get(0).quantity());
  }

  @Test
  void coveringEmailRestatingItsAttachmentCountsOnce() {
    List<EquipmentAggregator.Item> items = aggregator.aggregate(List.of(
        found("email", "Axis", "M7104", 3, Method.PROSE, null, 0),
        found("attachment", "Axis", "M7104", 3, Method.TABLE, "table0", 0)));
    assertEquals(3, items.get(0).quantity());
  }

  @Test
  void vendorLevelItemOnlyWhenCountedOrNoModelFound() {
    List<EquipmentAggregator.Item> items = aggregator.aggregate(List.of(
        found("d", "Axis", null, null, Method.PROSE, null, 0),
        found("d", "Axis", "M7104", 3, Method.PROSE, null, 10),
        found("d", "Dahua", null, null, Method.PROSE, null, 20)));
    assertEquals(List.of("Axis:M7104", "Dahua:null"), items.stream().map(i -> i.vendor() + ":" + i.model()).toList());
    assertNull(items.get(1).quantity());
  }
}
