package org.foiwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.foiwatch.normalise.ModelGrammars;
import org.foiwatch.normalise.ModelMatch;
import org.junit.jupiter.api.Test;

class ModelFinderTest {

  private final ModelFinder finder = new ModelFinder();

  private static List<String> canonicals(List<ModelMatch> matches) {
    return matches.stream().map(ModelMatch::canonical).toList();
  }

  @Test
  void findsModelsWithOffsetsInASentence() {
    String text =
        "The site has 14 x DS-2CD2143G0-I cameras, a DS-7616NI-I2/16P recorder and two AXIS Q6135-LE PTZs.";
    List<ModelMatch> found = finder.find(text, null);
    assertEquals(List.of("DS-2CD2143G0-I", "DS-7616NI-I2/16P", "Q6135-LE"), canonicals(found));
    for (ModelMatch m : found) {
      assertEquals(text.substring(m.start(), m.end()), m.asWritten());
    }
    assertEquals("AXIS Q6135-LE", found.get(2).asWritten());
    assertEquals(List.of("camera", "nvr", "camera"), found.stream().map(ModelMatch::productType).toList());
  }

  @Test
  void agreesWithModelGrammarsOnTolerantText() {
    String text = "IPC–HFW2431S–S–S2 (x6), NVR4108HS-8P-4KS2/L and XVR5108HS-4KL-I2; DS 2CD2347G2 LU at gate";
    assertEquals(ModelGrammars.standard().find(text, null), finder.find(text, null));
    assertEquals(
        List.of("IPC-HFW2431S-S-S2", "NVR4108HS-8P-4KS2/L", "XVR5108HS-4KL-I2", "DS-2CD2347G2-LU"),
        canonicals(finder.find(text, null)));
  }

  @Test
  void contextVendorBreaksTies() {
    String text = "Cameras: M2120, NVR516-128";
    List<ModelMatch> plain = finder.find(text, null);
    assertEquals(List.of("Axis", "Uniview"), plain.stream().map(ModelMatch::vendor).toList());
    assertEquals(List.of("Huawei", "Uniview"), finder.find(text, "Huawei").stream().map(ModelMatch::vendor).toList());
    assertEquals(List.of("Axis", "Dahua"), finder.find(text, "Dahua").stream().map(ModelMatch::vendor).toList());
  }

  @Test
  void prefersTheLongerHuaweiCodeOverAnAxisPrefix() {
    List<ModelMatch> found = finder.find("Huawei M2120-10-EI and X2221-10-FLI", null);
    assertEquals(List.of("M2120-10-EI", "X2221-10-FLI"), canonicals(found));
    assertEquals(List.of("Huawei", "Huawei"), found.stream().map(ModelMatch::vendor).toList());
  }

  @Test
  void usesContextForShortCodes() {
    assertEquals(List.of(), finder.find("4 NC400 units", null));
    assertEquals(List.of("NC400"), canonicals(finder.find("4 NC400 units", "Annke")));
  }
}
