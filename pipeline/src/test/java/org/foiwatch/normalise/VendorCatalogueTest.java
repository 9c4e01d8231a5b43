package org.foiwatch.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VendorCatalogueTest {

  private final VendorCatalogue catalogue = VendorCatalogue.standard();

  @Test
  void catalogueCoversTheMarketWithSources() {
    assertTrue(catalogue.vendors().size() >= 100, "vendors: " + catalogue.vendors().size());
    Set<String> kinds = Set.of("camera", "dvr", "nvr", "encoder", "vms", "other");
    for (Vendor v : catalogue.vendors()) {
      assertFalse(v.source() == null || v.source().isBlank(), v.canonical() + " has no source");
      assertTrue(kinds.containsAll(v.productKinds()), v.canonical() + " " + v.productKinds());
      if (v.oemOf() != null) {
        assertTrue(catalogue.byCanonical(v.oemOf()).isPresent(), v.canonical() + " maker unknown");
      }
      if (v.parent() != null) {
        assertTrue(catalogue.byCanonical(v.parent()).isPresent(), v.canonical() + " owner unknown");
      }
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Hikvision | Hikvision",
        "HIKVISION | Hikvision",
        "HIK | Hikvision",
        "Hangzhou Hikvision Digital Technology Co., Ltd. | Hikvision",
        "Hikvision's | Hikvision",
        "Dahua Technology UK | Dahua",
        "Zhejiang Dahua Technology Co., Ltd. | Dahua",
        "Avigilon (Motorola Solutions) | Avigilon",
        "Zhejiang Uniview Technologies Co., Ltd. | Uniview",
        "UNV | Uniview",
        "Bosch Security Systems | Bosch",
        "Samsung Techwin | Hanwha Vision",
        "Hanwha Techwin | Hanwha Vision",
        "Wisenet | Hanwha Vision",
        "Hanwha Vision Co., Ltd | Hanwha Vision",
        "Panasonic | i-PRO",
        "i-PRO | i-PRO",
        "Lorex Technology | Lorex",
        "Axis Communications AB | Axis",
        "AXIS | Axis",
        "axis communications | Axis",
        "Huawei Technologies Co., Ltd. | Huawei",
        "  huawei   TECHNOLOGIES  | Huawei",
        "Geutebruck | Geutebrück",
        "Geutebrück GmbH | Geutebrück",
        "TP Link | TP-Link",
        "Milestone Systems | Milestone",
        "FLIR Systems | Teledyne FLIR",
        "LTS | LTS",
        "Annke | Annke",
        "Axon Public Safety UK Limited | Axon",
        "TASER International | Axon",
        "Edesix Ltd | Motorola Solutions",
        "Motorola Solutions UK Ltd | Motorola Solutions",
        "Reveal Media Ltd | Reveal Media",
        "Zepcam B.V. | Zepcam",
        "Pinnacle Response Ltd | Pinnacle Response",
        "Vysionics ITS | Jenoptik",
        "Jenoptik Traffic Solutions UK | Jenoptik",
        "PIPS Technology | Neology",
        "NDI Recognition Systems Ltd | NDI Recognition Systems",
        "Kapsch TrafficCom AG | Kapsch TrafficCom",
        "SZ DJI Technology Co., Ltd. | DJI",
        "Parrot Drones SAS | Parrot",
        "NEC Software Solutions UK Ltd | NEC",
        "Northgate Public Services | NEC",
        "Corsight AI | Corsight AI",
        "Facewatch Ltd | Facewatch",
        "2N TELEKOMUNIKACE a.s. | 2N",
        "Paxton Access Ltd | Paxton",
        "Network Optix Inc. | Network Optix",
        "Sunell Technology Corporation | Sunell",
        "AnyVision | Oosto"
      })
  void resolvesWrittenFormsToTheCanonicalVendor(String asWritten, String canonical) {
    assertEquals(canonical, catalogue.resolve(asWritten).map(Vendor::canonical).orElse(null));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Kestrel Security Installations",
        "the Council",
        "axis",
        "hik",
        "lts",
        "Security Systems Ltd",
        "milestone",
        "reveal",
        "parrot",
        "paxton",
        "hexagon",
        "arlo",
        "nec",
        "Vigilant",
        ""
      })
  void doesNotResolveOrdinaryWordsOrOtherCompanies(String asWritten) {
    assertTrue(catalogue.resolve(asWritten).isEmpty(), asWritten);
  }

  @Test
  void oemBrandsInheritTheirMakersRestrictions() {
    Vendor annke = catalogue.byCanonical("Annke").orElseThrow();
    assertEquals("Hikvision", annke.oemOf());
    assertEquals(List.of("FCC-COVERED", "NDAA-889"), annke.restrictions());
    assertTrue(annke.isRestricted());
    Vendor lorex = catalogue.resolve("Lorex Technology").orElseThrow();
    assertEquals("Dahua", lorex.oemOf());
    assertEquals(catalogue.byCanonical("Dahua").orElseThrow().restrictions(), lorex.restrictions());
  }

  @Test
  void restrictionsFollowSection889AndTheCoveredList() {
    for (String name : List.of("Hikvision", "Dahua", "Huawei", "ZTE", "Hytera", "Ezviz", "Hiwatch", "IMOU")) {
      assertTrue(
          catalogue.byCanonical(name).orElseThrow().restrictions().contains("NDAA-889"), name);
    }
    for (String name : List.of("Axis", "Bosch", "Hanwha Vision", "Avigilon", "Milestone", "Uniview")) {
      assertEquals(List.of(), catalogue.byCanonical(name).orElseThrow().restrictions(), name);
    }
  }

  @Test
  void ownedBrandsKeepTheirNameAndInheritTheirOwnersRestrictions() {
    Vendor avigilon = catalogue.resolve("Avigilon (Motorola Solutions)").orElseThrow();
    assertEquals("Avigilon", avigilon.canonical());
    assertEquals("Motorola Solutions", avigilon.parent());
    assertEquals(List.of(), avigilon.restrictions());
    assertEquals("Canon", catalogue.byCanonical("Axis").orElseThrow().parent());
    assertEquals("Axis", catalogue.byCanonical("2N").orElseThrow().parent());
    Vendor hikmicro = catalogue.byCanonical("HIKMICRO").orElseThrow();
    assertEquals("Hikvision", hikmicro.parent());
    assertEquals(List.of("FCC-COVERED", "NDAA-889"), hikmicro.restrictions());
    assertEquals(List.of("FCC-COVERED", "NDAA-889"), catalogue.byCanonical("HiLook").orElseThrow().restrictions());
    assertEquals(List.of("FCC-COVERED", "NDAA-889"), catalogue.byCanonical("Pyronix").orElseThrow().restrictions());
    assertEquals("Dahua", catalogue.resolve("EmpireTech").orElseThrow().oemOf());
  }

  @Test
  void formerNamesOfTheMarketResolveToTodaysCompany() {
    for (String[] pair : new String[][] {
        {"Motorola Solutions", "Edesix"}, {"Jenoptik", "Vysionics"}, {"Neology", "PIPS Technology"},
        {"i-PRO", "Panasonic"}, {"Teledyne FLIR", "FLIR Systems"}, {"Hanwha Vision", "Samsung Techwin"},
        {"NEC", "Northgate Public Services"}, {"Axon", "TASER International"}}) {
      Vendor v = catalogue.byCanonical(pair[0]).orElseThrow();
      assertTrue(v.formerNames().contains(pair[1]), pair[0] + " " + v.formerNames());
      assertEquals(pair[0], catalogue.resolve(pair[1]).orElseThrow().canonical());
    }
  }

  @Test
  void formerNamesAreRecordedAndResolvable() {
    Vendor hanwha = catalogue.byCanonical("Hanwha Vision").orElseThrow();
    assertTrue(hanwha.formerNames().contains("Samsung Techwin"));
    assertTrue(hanwha.aliases().containsAll(hanwha.formerNames()));
    assertNull(hanwha.oemOf());
  }
}
