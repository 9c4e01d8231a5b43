package org.foiwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.foiwatch.ingest.Block;
import org.foiwatch.ingest.DocumentStatus;
import org.foiwatch.ingest.OcrReport;
import org.foiwatch.ingest.ParsedDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Unknown shapes are kept, not dropped: codes of families no grammar knows (model_known false)
 * and makers the catalogue does not know (vendor_known false), read only from a model column, a
 * Manufacturer column or a sentence's maker slot. Makers and families here are made up.
 */
class UnlistedModelsAndMakersTest {

  private static DocumentExtractor extractor;

  @BeforeAll
  static void setUp() {
    extractor = new DocumentExtractor();
  }

  private static List<EquipmentMention> mentions(Block... blocks) {
    return extractor.extract(new ParsedDocument("file:/x/letter.pdf", null, "id", null, 0, "sha", "application/pdf",
        DocumentStatus.PARSED, null, null, 1, Map.of(), List.of(blocks), OcrReport.of(OcrReport.Status.NOT_NEEDED)))
        .mentions();
  }

  private static Block p(String text) {
    return Block.paragraph(1, text, false);
  }

  private static Block row(String... cells) {
    return Block.row(1, "Assets", 0, List.of(cells));
  }

  /** "vendor|vendor_known|model|model_known|quantity" of each mention. */
  private static List<String> described(List<EquipmentMention> mentions) {
    return mentions.stream()
        .map(m -> m.vendor() + "|" + m.vendorKnown() + "|" + m.model() + "|" + m.modelKnown() + "|" + m.quantity())
        .toList();
  }

  @Test
  void aCodeNoGrammarKnowsRightAfterAKnownVendorIsAnUnseenFamily() {
    assertEquals(List.of("Bosch|true|FLX-77Q/W|false|6"),
        described(mentions(p("The car park has 6 Bosch FLX-77Q/W cameras on the perimeter."))));
  }

  @Test
  void aGrammarTakesPrecedenceOverTheShape() {
    assertEquals(List.of("Hikvision|true|DS-2CD2387G2-LU|true|4"),
        described(mentions(p("We installed 4 Hikvision DS-2CD2387G2-LU cameras in 2023."))));
  }

  @Test
  void unknownMakersInMakerSlotsOfSentences() {
    assertEquals(
        List.of("Zentrix|false|ZX-4000/B|false|14", "Korvane Imaging|false|null|false|null",
            "Marlow Optics Ltd|false|MO-220|false|null", "Quellen|false|QN-8C|false|3"),
        described(mentions(
            p("The council operates 14 Zentrix ZX-4000/B cameras in the town centre."),
            p("The remaining cameras were manufactured by Korvane Imaging."),
            p("Recorders were supplied by Marlow Optics Ltd, model MO-220."),
            p("Three units (Quellen QN-8C domes x3) cover the depot."))));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The cameras were installed by Kestrel Installations Ltd in 2021.",
        "The cameras were supplied by Brightwater Ltd and are maintained under contract.",
        "The system was installed and supplied by Brightwater Ltd, model BW-100.",
        "The cameras are maintained by Harlow District Council.",
        "The equipment was manufactured by the Council's contractor.",
        "Cameras were made by West Midlands Police for the pilot.",
        "The cameras were supplied by Kestrel Security Ltd, model KS-220.",
        "The manufacturer is not recorded.",
        "Manufacturer: Various.",
        "We operate 12 Wexford cameras and 3 Town Centre cameras.",
        "We do not use cameras manufactured by Zentrix.",
        "Please state whether any cameras were made by Zentrix, for example the ZX-4000.",
        "Our reference FOI/2024/0123 (FOI-1234-2024) dated 12/03/2024 and 2024-03-12 refers.",
        "Westshire Council, Civic Centre, London SW1A 1AA. Tel 020 7946 0958.",
        "Server 192.168.10.24 is exempt under s.31(1)(a) and Section 40(2).",
        "Camera SN: 4F2A9C1D was replaced."
      })
  void installersPublicBodiesAndOtherCodesAreNoEquipment(String sentence) {
    assertEquals(List.of(), described(mentions(p(sentence))), sentence);
  }

  @Test
  void tableColumnsKeepUnknownMakersAndFamiliesButNoInstallerOrOtherCode() {
    List<EquipmentMention> found = mentions(
        row("Site", "Manufacturer", "Model", "Qty"),
        row("Depot", "Orvane Imaging", "OV-310", "5"),
        row("Library", "Kestrel Security Ltd", "KS-220", "2"),
        row("Park", "Harlow District Council", "HD-1", "1"),
        row("Museum", "Orvane Imaging", "12/03/2024", "4"),
        row("Pool", "Orvane Imaging", "SW1A 1AA", "3"),
        row("Gym", "Orvane Imaging", "SN: 4F2A9C1D", "2"),
        row("Hall", "Axis", "AXIS XT9-K40", "1"));
    assertEquals(
        List.of("Orvane Imaging|false|OV-310|false|5", "Orvane Imaging|false|null|true|4",
            "Orvane Imaging|false|null|true|3", "Orvane Imaging|false|null|true|2", "Axis|true|AXIS XT9-K40|false|1"),
        described(found));
  }
}
