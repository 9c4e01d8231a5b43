package org.foiwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VendorFinderTest {

  private static VendorFinder finder;

  @BeforeAll
  static void buildOnce() {
    finder = new VendorFinder();
  }

  private static List<String> vendors(List<VendorSpan> spans) {
    return spans.stream().map(s -> s.vendor().canonical()).toList();
  }

  private static void assertOffsets(String text, List<VendorSpan> spans) {
    for (VendorSpan s : spans) {
      assertEquals(text.substring(s.start(), s.end()), s.asWritten());
    }
  }

  @Test
  void findsEachVendorInANegatedSentence() {
    String text = "We do not use any Hikvision or Dahua equipment.";
    List<VendorSpan> spans = finder.find(text);
    assertEquals(List.of("Hikvision", "Dahua"), vendors(spans));
    assertEquals(text.indexOf("Hikvision"), spans.get(0).start());
    assertEquals("Hikvision", spans.get(0).asWritten());
    assertEquals("Dahua", spans.get(1).asWritten());
    assertOffsets(text, spans);
  }

  @Test
  void legalNamesAndFormerNamesAreOneSpan() {
    String text =
        "Supplied by Hangzhou Hikvision Digital Technology Co., Ltd. and by Samsung Techwin in 2014.";
    List<VendorSpan> spans = finder.find(text);
    assertEquals(List.of("Hikvision", "Hanwha Vision"), vendors(spans));
    assertEquals(text.indexOf("Hangzhou"), spans.get(0).start());
    assertTrue(spans.get(0).asWritten().startsWith("Hangzhou Hikvision Digital Technology Co., Ltd"));
    assertEquals("Samsung Techwin", spans.get(1).asWritten());
    assertOffsets(text, spans);
  }

  @Test
  void possessivesAndGluedPunctuation() {
    String text = "Hikvision's cameras (Dahua) and Axis/Bosch units; also \"Avigilon\".";
    List<VendorSpan> spans = finder.find(text);
    assertEquals(List.of("Hikvision", "Dahua", "Axis", "Bosch", "Avigilon"), vendors(spans));
    assertEquals("Hikvision", spans.get(0).asWritten());
    assertEquals(0, spans.get(0).start());
    assertOffsets(text, spans);
  }

  @Test
  void aNameJoinedToHowTheKitWasMadeIsStillTheName() {
    String text = "12 Hikvision-made cameras, 6 Dahua-branded recorders and Axis-supplied domes.";
    List<VendorSpan> spans = finder.find(text);
    assertEquals(List.of("Hikvision", "Dahua", "Axis"), vendors(spans));
    assertEquals("Hikvision", spans.get(0).asWritten());
  }

  @Test
  void caseSensitiveAliasesOnlyMatchInTheirOwnCase() {
    assertEquals(List.of("Axis"), vendors(finder.find("Cameras from AXIS were fitted.")));
    assertEquals(List.of(), finder.find("Rotate on the vertical axis and contact lts for hik."));
    assertEquals(List.of("Hikvision", "LTS"), vendors(finder.find("HIK kit resold by LTS.")));
  }

  @Test
  void oemBrandsCarryTheirMaker() {
    List<VendorSpan> spans = finder.find("Two Annke kits and a Lorex Technology NVR.");
    assertEquals(List.of("Annke", "Lorex"), vendors(spans));
    assertEquals("Hikvision", spans.get(0).vendor().oemOf());
    assertTrue(spans.get(0).vendor().restrictions().contains("NDAA-889"));
    assertEquals("Lorex Technology", spans.get(1).asWritten());
  }

  @Test
  void findsNothingWithoutAVendor() {
    assertEquals(List.of(), finder.find("Kestrel Security Installations maintain the Council's CCTV."));
  }

  /**
   * Only the words around a name's first word are tokenised: a name still reads on over words
   * that hold no token ("—"), and a name far from the first, past many words, is found too.
   */
  @Test
  void readsANameOnOverWordsWithoutTokens() {
    String filler = " and the cameras were installed in the car park".repeat(3);
    String text = "Cameras by Hanwha — – — Vision" + filler + ", recorders by Axis Communications.";
    List<VendorSpan> spans = finder.find(text);
    assertEquals(List.of("Hanwha — – — Vision", "Axis Communications"), spans.stream().map(VendorSpan::asWritten).toList());
    assertOffsets(text, spans);
  }

  /** The token cache must cut every text exactly as the tokenizer itself does. */
  @Test
  void cachedTokensEqualTheTokenizersOwn() throws Exception {
    TokenizerME plain;
    try (InputStream model = VendorFinder.class.getResourceAsStream(VendorFinder.TOKENIZER_MODEL)) {
      plain = new TokenizerME(new TokenizerModel(model));
    }
    List<String> texts = List.of(
        "We use Hikvision's DS-2CD2143G0-I cameras (x14), Dahua/Axis kit and \"Bosch\" recorders.",
        "Hikvision's cameras; Hikvision’s recorders: e.g. 12 no. cameras, i.e. the U.S. ones...",
        "  Leading\tand\u00A0trailing\nspace, don't won't can't 3.5mm 1,024 £40,000.00 — ok?  ",
        "",
        "Hikvision's cameras; Hikvision’s recorders: e.g. 12 no. cameras, i.e. the U.S. ones...");
    for (String text : texts) {
      assertEquals(List.of(plain.tokenizePos(text)), finder.tokenizePos(text), text);
    }
  }
}
