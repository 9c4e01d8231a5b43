package org.foiwatch.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModelGrammarsTest {

  private final ModelGrammars grammars = ModelGrammars.standard();

  @Test
  void everyGrammarAcceptsItsOwnExamplesAsCanonical() {
    assertTrue(grammars.grammars().size() >= 170);
    for (ModelGrammar g : grammars.grammars()) {
      assertFalse(g.examples().isEmpty(), g.id());
      assertTrue(VendorCatalogue.standard().byCanonical(g.vendor()).isPresent(), g.id());
      for (String example : g.examples()) {
        Optional<ModelMatch> parsed = grammars.parseCell(example, g.vendor());
        assertTrue(parsed.isPresent(), g.id() + " rejects " + example);
        assertEquals(example, parsed.get().canonical(), g.id());
        assertEquals(g.vendor(), parsed.get().vendor(), example);
      }
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // unseen members of each family: the grammar follows the naming scheme, not a list
        "DS-2CD2087G2-LU | DS-2CD2087G2-LU | Hikvision | camera",
        "DS-2DE3A404IWG-E | DS-2DE3A404IWG-E | Hikvision | camera",
        "DS-7616NXI-K2/16P | DS-7616NXI-K2/16P | Hikvision | nvr",
        "DS-7316HUHI-K4 | DS-7316HUHI-K4 | Hikvision | dvr",
        "IPC-HDBW3541E-AS | IPC-HDBW3541E-AS | Dahua | camera",
        "DH-IPC-HFW2431S-S-S2 | IPC-HFW2431S-S-S2 | Dahua | camera",
        "DHI-NVR4216-16P-4KS2 | NVR4216-16P-4KS2 | Dahua | nvr",
        "XVR5116HS-4KL-I3 | XVR5116HS-4KL-I3 | Dahua | dvr",
        "AXIS P3265-LVE | P3265-LVE | Axis | camera",
        "AXIS M7116 | M7116 | Axis | encoder",
        "XNV-8082R | XNV-8082R | Hanwha Vision | camera",
        "NDE-3503-AL | NDE-3503-AL | Bosch | camera",
        "DIP-7184-8HD | DIP-7184-8HD | Bosch | nvr",
        "6.0C-H5A-DO1-IR | 6.0C-H5A-DO1-IR | Avigilon | camera",
        "WV-S2552LN | WV-S2552LN | i-PRO | camera",
        "SNC-VB640 | SNC-VB640 | Sony | camera",
        "IPC3238SB-ADZK-I0 | IPC3238SB-ADZK-I0 | Uniview | camera",
        "M2141-10-EI | M2141-10-EI | Huawei | camera",
        "RLC-520A | RLC-520A | Reolink | camera",
        "IP4M-1051B | IP4M-1051B | Amcrest | camera",
        "UVC-G5-FLEX | UVC-G5-FLEX | Ubiquiti | camera"
      })
  void acceptsUnseenModelsOfEachFamily(String cell, String canonical, String vendor, String type) {
    ModelMatch m = grammars.parseCell(cell, null).orElseThrow(() -> new AssertionError(cell));
    assertEquals(canonical, m.canonical());
    assertEquals(vendor, m.vendor());
    assertEquals(type, m.productType());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ds-2cd2t86g2-4i | DS-2CD2T86G2-4I",
        "xno-6080r | XNO-6080R",
        "DS 2CD2347G2 LU | DS-2CD2347G2-LU",
        "NVR302 16S | NVR302-16S",
        "SNC EM632R | SNC-EM632R",
        "WJ NX400 | WJ-NX400",
        "IPC\u2013HFW2431S\u2013S\u2013S2 | IPC-HFW2431S-S-S2",
        "IPC\u2014HDW5442TM\u2014AS | IPC-HDW5442TM-AS",
        "DS\u20112CD2143G0\u2011I | DS-2CD2143G0-I",
        "iDS TCM203 A/R/2812 | iDS-TCM203-A/R/2812",
        "ids-2cd7a46g0-izhs | iDS-2CD7A46G0-IZHS",
        "M3106-L Mk II | M3106-L MK II",
        "AXIS M3106-L MK II | M3106-L MK II",
        "Hikvision DS-2CD2143G0-I | DS-2CD2143G0-I",
        "Axis P3245-LVE | P3245-LVE",
        "vigi c540 | VIGI C540",
        "mx-m16b-6d6n036 | Mx-M16B-6D6N036",
        "MIC IP STARLIGHT 7100i | MIC IP starlight 7100i",
        "XProtect professional+ | XProtect Professional+"
      })
  void canonicalisesEveryTolerance(String cell, String canonical) {
    assertEquals(canonical, grammars.parseCell(cell, null).map(ModelMatch::canonical).orElse(null));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // families added for issue 16, each shown with models in no labelled set
        "TPC-BF1241-TB7F8 | | TPC-BF1241-TB7F8 | Dahua | camera",
        "DH-TPC-PT8620A-B | | TPC-PT8620A-B | Dahua | camera",
        "HAC HDW1509T | | HAC-HDW1509T | Dahua | camera",
        "SD6CE245XA-HNR | | SD6CE245XA-HNR | Dahua | camera",
        "VTO2111D-P-S2 | | VTO2111D-P-S2 | Dahua | camera",
        "VTH1660CH | | VTH1660CH | Dahua | other",
        "PFA136 | Dahua | PFA136 | Dahua | other",
        "AXIS P1465-LE-3 | | P1465-LE-3 | Axis | camera",
        "AXIS Q1715 | | Q1715 | Axis | camera",
        "AXIS I8307-VE | | I8307-VE | Axis | camera",
        "AXIS W102 | | W102 | Axis | camera",
        "AXIS T91G61 | | T91G61 | Axis | other",
        "DS-2TD2167-15/PY | | DS-2TD2167-15/PY | Hikvision | camera",
        "DS-2SE7C432MW-AEB(14F1)(P3) | | DS-2SE7C432MW-AEB | Hikvision | camera",
        "DS-7764NI-M4/16P | | DS-7764NI-M4/16P | Hikvision | nvr",
        "DS-KV6103-PE1 | | DS-KV6103-PE1 | Hikvision | camera",
        "DS-KH8350-WTE1 | | DS-KH8350-WTE1 | Hikvision | other",
        "DS-1273ZJ-140 | | DS-1273ZJ-140 | Hikvision | other",
        "DS-TCG225 | | DS-TCG225 | Hikvision | camera",
        "Hikvision 2CD2T47G2-L | | DS-2CD2T47G2-L | Hikvision | camera",
        "7716NI-K4 | Hikvision | DS-7716NI-K4 | Hikvision | nvr",
        "SN-TPC4201KTN-F II | | SN-TPC4201KTN-F-II | Sunell | camera",
        "SN-IPR8040DYAN-Z | | SN-IPR8040DYAN-Z | Sunell | camera",
        "Axon Body 2 | | Body 2 | Axon | camera",
        "Flex 2 | Axon | Flex 2 | Axon | camera",
        "Motorola Solutions VB100 | | VB100 | Motorola Solutions | camera",
        "V500 | Motorola Solutions | V500 | Motorola Solutions | camera",
        "Edesix VT100 | | VT100 | Motorola Solutions | camera",
        "Zepcam T2 Lite | | T2 Lite | Zepcam | camera",
        "Reveal Media K-Series | | K-Series | Reveal Media | camera",
        "PR6 | Pinnacle Response | PR6 | Pinnacle Response | camera",
        "UVC G4 Instant | | UVC-G4-INSTANT | Ubiquiti | camera",
        "UVC G5 BULLET | | UVC-G5-BULLET | Ubiquiti | camera",
        "G4 Doorbell Pro | Ubiquiti | UVC-G4-DOORBELL-PRO | Ubiquiti | camera",
        "CM41 | Verkada | CM41 | Verkada | camera",
        "TD53 | Verkada | TD53 | Verkada | camera",
        "TNO-6322ER | | TNO-6322ER | Hanwha Vision | camera",
        "XNZ-L6320A | | XNZ-L6320A | Hanwha Vision | camera",
        "SBP-301HM7 | | SBP-301HM7 | Hanwha Vision | other",
        "WV–X2571LN | | WV-X2571LN | i-PRO | camera",
        "WV-Q105A | | WV-Q105A | i-PRO | other",
        "NDA-U-CMT | | NDA-U-CMT | Bosch | other",
        "NHT-8000-F17QS | | NHT-8000-F17QS | Bosch | camera",
        "HM-TD2037T-10/Q | | HM-TD2037T-10/Q | HIKMICRO | camera",
        "IPC-B160H-MU | | IPC-B160H-MU | HiLook | camera",
        "MS-C8267-X4PA | | MS-C8267-X4PA | Milesight | camera",
        "SharpZ3 | | SharpZ3 | Genetec | camera",
        "DJI Matrice 350 RTK | | Matrice 350 RTK | DJI | other",
        "Mavic 2 Enterprise Advanced | | Mavic 2 Enterprise Advanced | DJI | other",
        "Parrot ANAFI UKR | | ANAFI UKR | Parrot | other",
        "Skydio X10 | | X10 | Skydio | other",
        "2N IP Force | | IP Force | 2N | camera",
        "Paxton Net2 Air | | Net2 Air | Paxton | other",
        "Ring Video Doorbell Wired | | Video Doorbell Wired | Ring | camera",
        "VMC4060P | | VMC4060P | Arlo | camera",
        "IPC2K28SE-ADF40KMC-WL-I0 | | IPC2K28SE-ADF40KMC-WL-I0 | Uniview | camera",
        "S2136LN | i-PRO | WV-S2136LN | i-PRO | camera",
        "DS-MH2211/64G | | DS-MH2211/64G | Hikvision | camera",
        "DS-MP5608/GW | | DS-MP5608/GW | Hikvision | nvr",
        "DS-2CV1021G0-IDW1 | | DS-2CV1021G0-IDW1 | Hikvision | camera",
        "DS-3E0318P-E/M | | DS-3E0318P-E/M | Hikvision | other",
        "DS-1005KI | | DS-1005KI | Hikvision | other",
        "DH-PFS3005-4ET-60 | | PFS3005-4ET-60 | Dahua | other",
        "AXIS C1210-E | | C1210-E | Axis | other",
        "EcoSense IP | | EcoSense IP | Dedicated Micros | nvr",
        "FLIR Quasar Mini | | Quasar Mini | Teledyne FLIR | camera",
        "AV20185DN-HB | | AV20185DN-HB | Arecont Vision | camera",
        "ACTi B47 | | B47 | ACTi | camera",
        "R400 | Rhombus | R400 | Rhombus | camera",
        "SpeedFace-V3L | | SpeedFace-V3L | ZKTeco | other",
        "Symphony Server | | Symphony Server | Senstar | vms",
        "ZoneVu Enterprise | | ZoneVu Enterprise | Meyertech | vms",
        "Hikvision DS-HD1 | | DS-HD1 | Hikvision | camera",
        "DHI-DB11 | | DB11 | Dahua | camera",
        "AD110 | Amcrest | AD110 | Amcrest | camera",
        "Tapo C320WS | | Tapo C320WS | TP-Link | camera",
        "FI9928P | | FI9928P | Foscam | camera",
        "Wyze Cam Pan v3 | | Cam Pan v3 | Wyze | camera",
        "NBN-63013BA | | NBN-63013BA | Bosch | camera"
      })
  void acceptsUnseenModelsOfTheMarketsFamilies(
      String cell, String context, String canonical, String vendor, String type) {
    ModelMatch m = grammars.parseCell(cell, context).orElseThrow(() -> new AssertionError(cell));
    assertEquals(canonical, m.canonical(), cell);
    assertEquals(vendor, m.vendor(), cell);
    assertEquals(type, m.productType(), cell);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Milestone XProtect Corporate | Milestone",
        "HikCentral Professional | Hikvision",
        "DSS Pro | Dahua",
        "AXIS Camera Station | Axis",
        "Wisenet WAVE | Hanwha Vision",
        "Bosch Video Management System | Bosch",
        "BVMS | Bosch",
        "Nx Witness | Network Optix",
        "VideoManager | Motorola Solutions",
        "Avigilon Control Center | Avigilon",
        "Avigilon Unity | Avigilon",
        "Genetec Security Center | Genetec",
        "NeoFace Watch | NEC",
        "exacqVision | Exacq"
      })
  void softwareIsTypedVmsNotCamera(String text, String vendor) {
    ModelMatch m = grammars.parseCell(text, null).orElseThrow(() -> new AssertionError(text));
    assertEquals(vendor, m.vendor(), text);
    assertEquals("vms", m.productType(), text);
  }

  @Test
  void aVendorsSpacedSuffixWordIsPartOfTheCodeButProseIsNot() {
    assertEquals(List.of("UVC-G4-DOME"), canonicals(grammars.find("Ubiquiti UVC G4 DOME 7no.", null)));
    assertEquals(List.of("UVC-G4-INSTANT"), canonicals(grammars.find("UVC-G4-INSTANT cameras and more", null)));
    assertEquals(List.of("Q1800-LE"), canonicals(grammars.find("AXIS Q1800-LE cameras", null)));
    assertEquals(List.of("CB52", "CM42"), canonicals(grammars.find("Verkada (4 x cb52 and 2 x cm42)", "Verkada")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Our reference FOI/2024/0123 dated 03/04/2024",
        "FOI-2023-04567 and EIR/2022/118",
        "Withheld under s.31(1)(a) and section 24(1)",
        "Regulation 12(5)(a) applies",
        "Telephone 0161 496 0001 or +44 20 7946 0000",
        "Postcodes PR5 6AB, TD15 1AA, CB1 2AB and MK10 9PQ",
        "Camera at 10.19.104.230 and 192.168.1.64:8000",
        "Serial numbers ETR52293741, S/N 21A3F0077 and SN: 4F2A9C7731",
        "Installed on 2019-07-23 and 23.07.2019",
        "Invoice INV-2023-0098 paid 14 March 2023",
        "Asset CAM-01052 on the A4123",
        "Flex time and Net pay in the body of the report",
        "the Predator drone and a Phantom menace"
      })
  void negativeShapesAreNeverModelsWhateverTheContext(String text) {
    for (String context :
        java.util.Arrays.asList(null, "Hikvision", "Dahua", "Axis", "Verkada", "Motorola Solutions",
            "Pinnacle Response", "Axon", "Zepcam", "Sunell", "DJI", "Ubiquiti", "Paxton", "Jenoptik")) {
      List<ModelMatch> found = grammars.find(text, context);
      assertEquals(List.of(), found, text + " with context " + context);
    }
  }

  @Test
  void joinsAModelBrokenAcrossALine() {
    String text = "Cameras: DS-2CD2143G0-\nI (12 units)";
    List<ModelMatch> found = grammars.find(text, null);
    assertEquals(1, found.size(), found.toString());
    assertEquals("DS-2CD2143G0-I", found.get(0).canonical());
    assertEquals("DS-2CD2143G0-\nI", found.get(0).asWritten());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "We have 12 DS-2CD2143G0-I cameras installed | DS-2CD2143G0-I",
        "Model XNO-6080R at the depot | XNO-6080R",
        "An AXIS P3375-V in the foyer | AXIS P3375-V",
        "Recorder DS-7608NI-K2/8P with 8 channels | DS-7608NI-K2/8P",
        "IPC-HFW2431S-S-S2 and IPC-HDW5442TM-AS | IPC-HFW2431S-S-S2",
        "DS-2CD2143G0-I 4MP 2.8mm | DS-2CD2143G0-I",
        "DS-2CD2143G0-I 16 | DS-2CD2143G0-I",
        "Huawei M2120-10-EI and X2221-10-FLI | M2120-10-EI"
      })
  void neverSwallowsTheNextWord(String text, String firstAsWritten) {
    List<ModelMatch> found = grammars.find(text, null);
    assertFalse(found.isEmpty(), text);
    assertEquals(firstAsWritten, found.get(0).asWritten());
    assertEquals(text.indexOf(firstAsWritten), found.get(0).start());
    assertEquals(found.get(0).start() + firstAsWritten.length(), found.get(0).end());
  }

  @Test
  void aLowerCaseWordBeforeASpaceIsNotPartOfTheCode() {
    List<ModelMatch> found = grammars.find("M2120-10-EI and X2221-10-FLI", null);
    assertEquals(List.of("M2120-10-EI", "X2221-10-FLI"), found.stream().map(ModelMatch::canonical).toList());
  }

  @Test
  void shortCodesNeedTheirVendorNamedOrAsContext() {
    String text = "We bought 4 NC400 units and a C500.";
    assertTrue(grammars.find(text, null).isEmpty());
    List<ModelMatch> withContext = grammars.find(text, "Annke");
    assertEquals(List.of("NC400", "C500"), withContext.stream().map(ModelMatch::canonical).toList());
    assertEquals("NC400", withContext.get(0).asWritten());
    assertEquals("C500", grammars.parseCell("Annke C500", null).orElseThrow().canonical());
    assertEquals("CD52", grammars.parseCell("CD52", "Verkada").orElseThrow().canonical());
    assertTrue(grammars.parseCell("CD52", null).isEmpty());
  }

  @Test
  void contextVendorBreaksTiesBetweenGrammars() {
    assertEquals("Axis", grammars.parseCell("M2120", null).orElseThrow().vendor());
    assertEquals("Huawei", grammars.parseCell("M2120", "Huawei").orElseThrow().vendor());
    assertEquals("Huawei", grammars.parseCell("M2120-10-EI", "Axis").orElseThrow().vendor());
    assertEquals("Uniview", grammars.parseCell("NVR302-16S", null).orElseThrow().vendor());
    assertEquals("Dahua", grammars.parseCell("NVR302-16S", "Dahua Technology").orElseThrow().vendor());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Call 0303 123 1113 for help",
        "Our office is at SK9 5AF.",
        "Dated 12/03/2024 and 2024-03-12",
        "Reference FOI-2024-0737",
        "Our reference 2021/01927",
        "exempt under s.24 and section 31(1)(a)",
        "Server 192.168.1.10 on port 8080",
        "Resolution 4MP, lens 2.8mm, 1080p at 25fps",
        "In 2023 we spent £12,345.67 (€14,000)",
        "the security centre on Level 2",
        "A4123 and M62 roads"
      })
  void rejectsLookAlikes(String text) {
    assertEquals(List.of(), grammars.find(text, null), text);
  }

  @Test
  void everyPatternIsBounded() {
    Pattern unbounded = Pattern.compile("(?<!\\\\)[*+](?![^\\[]*\\])|\\{\\d+,\\}");
    for (ModelGrammar g : grammars.grammars()) {
      String source = g.pattern().pattern().replaceAll("\\[[^\\]]*\\]", "[]");
      assertFalse(unbounded.matcher(source).find(), g.id() + ": " + g.pattern());
    }
  }

  @Test
  void adversarialLinesFinishQuickly() {
    List<String> lines =
        List.of(
            "DS-".repeat(33_334),
            "A-".repeat(50_000),
            "1 2 3 4 5 6 7 8 9 ".repeat(5_556),
            "IPC-H".repeat(20_000),
            "DS-2CD2143G0-".repeat(7_693),
            "M3106-L MK ".repeat(9_091),
            "NVR302 16S ".repeat(9_091),
            "a-1 ".repeat(25_000),
            "X".repeat(100_000),
            "2.0C-H".repeat(16_667));
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          for (String line : lines) {
            grammars.find(line, null);
            grammars.find(line, "Dahua");
          }
        });
  }

  private static List<String> canonicals(List<ModelMatch> matches) {
    return matches.stream().map(ModelMatch::canonical).toList();
  }

  @Test
  void findsModelsWithOffsetsInASentence() {
    String text =
        "The site has 14 x DS-2CD2143G0-I cameras, a DS-7616NI-I2/16P recorder and two AXIS Q6135-LE PTZs.";
    List<ModelMatch> found = grammars.find(text, null);
    assertEquals(List.of("DS-2CD2143G0-I", "DS-7616NI-I2/16P", "Q6135-LE"), canonicals(found));
    for (ModelMatch m : found) {
      assertEquals(text.substring(m.start(), m.end()), m.asWritten());
    }
    assertEquals("AXIS Q6135-LE", found.get(2).asWritten());
    assertEquals(List.of("camera", "nvr", "camera"), found.stream().map(ModelMatch::productType).toList());
  }

  @Test
  void findsModelsInSeparatorTolerantText() {
    String text = "IPC–HFW2431S–S–S2 (x6), NVR4108HS-8P-4KS2/L and XVR5108HS-4KL-I2; DS 2CD2347G2 LU at gate";
    assertEquals(
        List.of("IPC-HFW2431S-S-S2", "NVR4108HS-8P-4KS2/L", "XVR5108HS-4KL-I2", "DS-2CD2347G2-LU"),
        canonicals(grammars.find(text, null)));
  }

  /**
   * The scan that skips impossible start positions must give exactly what each pattern matches
   * when tried at every position (with the text around it in view, as its guards need).
   */
  @Test
  void hitsEqualEveryPatternTriedAtEveryPosition() {
    List<String> texts = new ArrayList<>();
    for (ModelGrammar g : grammars.grammars()) {
      for (String example : g.examples()) {
        for (String before : List.of("", " ", "x", "-", ".", "_", "(", "é", "\n", "2 x ", "AXIS ", "Mx")) {
          texts.add(before + example + " and " + example.toLowerCase(Locale.ROOT) + "-LU.");
        }
      }
    }
    Random random = new Random(8);
    String alphabet = "DSCNVRIPHFWAXMKQTE0123456789dsnvipx -./_,;()\nÉé\u00A0\u2013";
    for (int t = 0; t < 3_000; t++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(80); i > 0; i--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      texts.add(text.toString());
    }
    for (String text : texts) {
      String normalised = ModelGrammars.normaliseSeparators(text);
      Set<ModelGrammars.Hit> expected = new HashSet<>();
      for (ModelGrammar g : grammars.grammars()) {
        Matcher m = g.pattern().matcher(normalised).useTransparentBounds(true).useAnchoringBounds(false);
        for (int start = 0; start < normalised.length(); start++) {
          if (m.region(start, normalised.length()).lookingAt()) {
            expected.add(new ModelGrammars.Hit(g.id(), start, m.end()));
          }
        }
      }
      List<ModelGrammars.Hit> hits = grammars.hits(normalised);
      assertEquals(expected, new HashSet<>(hits), text);
      assertEquals(expected.size(), hits.size(), text);
    }
  }

  @Test
  void aCountOrAWordAfterASpacedDashIsNotPartOfTheModel() {
    assertEquals(List.of("DS-2CD2143G0-I", "XRN-1610S"), canonicals(grammars.find(
        "Hikvision DS-2CD2143G0-I – twenty-four (24); Hanwha XRN-1610S – 2 no.", null)));
    assertEquals(List.of("IPC-HFW2431S-S-S2"), canonicals(grammars.find("Dahua IPC – HFW2431S – S – S2 cameras", null)));
  }

  @Test
  void aModelAfterAnotherAndAWordIsFound() {
    // The first pattern match runs on over "and DS"; the trimmed match must not hide the second model.
    assertEquals(List.of("DS-2CD2143G0-I", "DS-2CD2386G2-IU"),
        canonicals(grammars.find("We use Hikvision DS-2CD2143G0-I and DS-2CD2386G2-IU cameras.", null)));
  }

  @Test
  void contextVendorBreaksTies() {
    String text = "Cameras: M2120, NVR516-128";
    List<ModelMatch> plain = grammars.find(text, null);
    assertEquals(List.of("Axis", "Uniview"), plain.stream().map(ModelMatch::vendor).toList());
    assertEquals(List.of("Huawei", "Uniview"), grammars.find(text, "Huawei").stream().map(ModelMatch::vendor).toList());
    assertEquals(List.of("Axis", "Dahua"), grammars.find(text, "Dahua").stream().map(ModelMatch::vendor).toList());
  }

  @Test
  void prefersTheLongerHuaweiCodeOverAnAxisPrefix() {
    List<ModelMatch> found = grammars.find("Huawei M2120-10-EI and X2221-10-FLI", null);
    assertEquals(List.of("M2120-10-EI", "X2221-10-FLI"), canonicals(found));
    assertEquals(List.of("Huawei", "Huawei"), found.stream().map(ModelMatch::vendor).toList());
  }

  @Test
  void usesContextForShortCodes() {
    assertEquals(List.of(), grammars.find("4 NC400 units", null));
    assertEquals(List.of("NC400"), canonicals(grammars.find("4 NC400 units", "Annke")));
  }
}
