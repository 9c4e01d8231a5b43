package org.foiwatch.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The generic model shape: codes of families no grammar knows are read, other codes never. */
class ModelShapeTest {

  /** Made-up makers and families, in no labelled set and no grammar. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Zentrix ZX-4000/B cameras | 7 | ZX-4000/B | ZX-4000/B",
        "Korvane kv9r-220 | 7 | kv9r-220 | KV9R-220",
        "Halden Optics HX3-T40W, 12 units | 13 | HX3-T40W | HX3-T40W",
        "Marlow MO220 dome | 6 | MO220 | MO220",
        "Quellen QN-8C/IR-2 bullet | 7 | QN-8C/IR-2 | QN-8C/IR-2"
      })
  void readsTheCodeRightAfterAName(String text, int nameEnd, String asWritten, String canonical) {
    ModelShape.Code code = ModelShape.codeAt(text, nameEnd).orElseThrow();
    assertEquals(asWritten, code.asWritten());
    assertEquals(canonical, code.canonical());
    assertEquals(text.indexOf(asWritten), code.start());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"ZX-4000/B | ZX-4000/B", " kv9r-220 | KV9R-220", "HX3-T40W Mk II | HX3-T40W MK II"})
  void readsAModelColumnCellNoGrammarKnows(String cell, String canonical) {
    assertEquals(Optional.of(canonical), ModelShape.cell(cell));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "12/03/2024", "2024-03-12", "12-Mar-2024", "Mar-24", "FY2023/24", "2024-Q1",
        "SW1A 1AA", "M1 1AE", "B33 8TH", "EC1A1BB",
        "020 7946 0958", "+44 (0)161 496 0000", "01632-960123", "ext 4567",
        "FOI/2024/0123", "FOI-1234-2024", "EIR/2023/117", "FOIR-22-0456", "Ref: AB12-345", "Our reference CRM:0012345",
        "192.168.10.24", "10.0.0.1/24", "fe80::1ff:fe23",
        "s.31(1)(a)", "s31(1)(a)", "S40(2)", "section 40(2)", "para 3a", "Reg 4b",
        "SN: 4F2A9C1D", "S/N 4F2A9C1D", "Serial No. 7B3D91E2", "4F2A9C1D", "Asset tag CAM-012", "00-1A-2B-3C-4D-5E",
        "4MP", "2MP/4MP", "12V-24V", "2.8mm", "1080p", "x12", "12x", "IP67", "IK10", "24V", "21st", "10am"
      })
  void otherCodesAreNeverModels(String shape) {
    assertEquals(Optional.empty(), ModelShape.cell(shape), "cell " + shape);
    String text = "Zentrix " + shape + " cameras";
    for (int from = "Zentrix".length(); from < text.length(); from++) {
      if (text.charAt(from) == ' ') {
        assertEquals(Optional.empty(), ModelShape.codeAt(text, from), "after a name: " + text + " at " + from);
      }
    }
  }
}
