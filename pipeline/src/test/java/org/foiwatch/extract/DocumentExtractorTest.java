package org.foiwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.foiwatch.ingest.Block;
import org.foiwatch.ingest.DocumentStatus;
import org.foiwatch.ingest.OcrReport;
import org.foiwatch.ingest.ParsedDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DocumentExtractorTest {

  private static DocumentExtractor extractor;

  @BeforeAll
  static void setUp() {
    extractor = new DocumentExtractor();
  }

  private static ParsedDocument document(List<Block> blocks) {
    return new ParsedDocument("file:/x/letter.pdf", null, "id", null, 0, "sha", "application/pdf",
        DocumentStatus.PARSED, null, null, 1, Map.of(), blocks,
        OcrReport.of(OcrReport.Status.NOT_NEEDED));
  }

  private static Block p(String text) {
    return Block.paragraph(1, text, false);
  }

  private static Block row(String sheet, String... cells) {
    return Block.row(1, sheet, 0, List.of(cells));
  }

  /** "MODEL:quantity" of each mention that names a model, in order. */
  private static List<String> modelCounts(Block... blocks) {
    return extractor.extract(document(List.of(blocks))).mentions().stream().filter(m -> m.model() != null)
        .map(m -> m.model() + ":" + m.quantity()).toList();
  }

  @Test
  void proseModelsTakeTheirVendorAndTheCountWrittenBesideThem() {
    List<EquipmentMention> mentions = extractor.extract(document(List.of(
        p("We can confirm that the Council uses Dahua cameras. The models in use are the\n"
            + "IPC-HDW5442TM-AS (nine units) and the ipc–hfw2431s–s–s2 (9 units)."),
        p("In addition 12 x Hikvision DS 2CD2347G2 LU cameras cover the car park.")))).mentions();
    assertEquals(List.of("IPC-HDW5442TM-AS:9", "IPC-HFW2431S-S-S2:9", "DS-2CD2347G2-LU:12"),
        mentions.stream().filter(m -> m.model() != null).map(m -> m.model() + ":" + m.quantity()).toList());
    assertEquals("Dahua", mentions.get(0).vendor());
  }

  @Test
  void aCountWrappedAwayFromItsMultiplierStillCounts() {
    // A plain-text e-mail wrapped at 72 columns between "(14" and "x MODEL"; a year stays no count.
    List<String> models = modelCounts(
        p("The Council operates 20 cameras, all manufactured by Uniview (14\n"
            + "x IPC2124LB-SF28KM-G and 6 x IPC3614SR3-ADF28KM-G)."),
        p("The register was last updated in 2021\nx DS-2CD2143G0-I units were not listed."));
    assertEquals(List.of("IPC2124LB-SF28KM-G:14", "IPC3614SR3-ADF28KM-G:6", "DS-2CD2143G0-I:null"), models);
  }

  @Test
  void aCodeCutByItsTableCellsWidthIsReadWhole() {
    // A cell's lines as a PDF or fixed-width table gives them: cut after a hyphen, before one, inside a run.
    List<String> models = modelCounts(
        row(null, "Make", "Model", "Quantity"),
        row(null, "Hanwha Vision", "XNO-\n6120R", "5"),
        row(null, "Bosch", "NDE-3503\n-AL", "7"),
        row(null, "Hikvision", "DS-2CD2386\nG2-IU", "2,000"),
        row(null, "Uniview", "IPC2122LB-SF\n28-A", "56"),
        // Words of a model's name wrapped at their space stay apart.
        row(null, "Axis Communications\nAB", "M3106-L\nMk II", "4"));
    assertEquals(List.of("XNO-6120R:5", "NDE-3503-AL:7", "DS-2CD2386G2-IU:2000", "IPC2122LB-SF28-A:56",
        "M3106-L MK II:4"), models);
  }

  @Test
  void aNameInBracketsAfterAMakerIsANoteOnIt() {
    List<EquipmentMention> mentions = extractor.extract(document(List.of(
        row(null, "Manufacturer", "Model", "Qty"),
        row(null, "Avigilon (Motorola Solutions)", "H4A-BO1-IR", "9"),
        row(null, "LTS (made by Hikvision)", "CMIP9342-28M", "4"),
        row(null, "Unknown Ltd (Dahua)", "IPC-HDW1230T1-S5", "2")))).mentions();
    assertEquals(List.of("Avigilon", "LTS", "Dahua"), mentions.stream().map(EquipmentMention::vendor).toList());
  }

  @Test
  void eachListItemKeepsItsOwnCountInEveryListStyle() {
    // Counts that open items, close them, or follow company names, in dashed, numbered, bulleted and ";" lists.
    assertEquals(List.of("DS-2CD2T47G2-L:3", "DS-2CD2386G2-IU:10", "DS-7732NI-K4/16P:17"), modelCounts(
        p("- 3 x Hikvision DS-2CD2T47G2-L\n- 10 x Hikvision DS-2CD2386G2-IU\n- 17 x Hikvision DS-7732NI-K4/16P")));
    assertEquals(List.of("P3248-LVE:250", "Q6075-E:4"), modelCounts(
        p("1. Axis Communications AB P3248-LVE – 250\n2. Axis Communications AB Q6075-E – 4")));
    assertEquals(List.of("XNO-8080R:1", "PNM-9322VQP:1200"), modelCounts(
        p("• 1 no. Hanwha Vision Co., Ltd. XNO-8080R\n• 1,200 no. Hanwha Vision Co., Ltd. PNM-9322VQP")));
    assertEquals(List.of("XNV-6083R:40", "DS-7732NI-K4/16P:3", "P1465-LE:1"), modelCounts(
        p("Schedule:\n40nr Hanwha XNV-6083R\n3 off Hikvision DS-7732NI-K4/16P\n1 Nr. Axis P1465-LE")));
    assertEquals(List.of("NBE-3502-AL:5", "IPC3618SB-ADF40KM-I0:9"), modelCounts(
        p("- 5 x Robert Bosch Ltd NBE-3502-AL\n- 9 x Zhejiang Uniview Technologies IPC3618SB-ADF40KM-I0")));
    assertEquals(List.of("IPC-HDW5849H-ASE-LED:40", "NVR5432-16P-EI:2"), modelCounts(
        p("Dahua breakdown: Dahua (IPC-HDW5849H-ASE-LED) – 40; Dahua (NVR5432-16P-EI) – 2.")));
  }

  @Test
  void numbersOpeningItemsAreCountsWhenTheyDoNotRiseAsNumberingDoes() {
    assertEquals(List.of("XNV-6081R:9", "NBE-3502-AL:1", "M3086-V:120"), modelCounts(
        p("Installed:\n(9) Hanwha XNV-6081R\n(1) Bosch NBE-3502-AL\n(120) Axis M3086-V")));
    assertEquals(List.of("IPC2124LB-SF28KM-G:6", "IPC-HFW2431S-S-S2:6"), modelCounts(
        p("Cameras by site:\n  ( 6 ) Uniview IPC2124LB-SF28KM-G\n  ( 6 ) Dahua IPC-HFW2431S-S-S2")));
    // Rising numbers are the list's numbering, gaps and all, and so is a list starting again at 1:
    // the counts are the ones written after.
    assertEquals(List.of("P3245-LVE:12", "Q6135-LE:3"), modelCounts(
        p("(2) Axis P3245-LVE – 12\n(5) Axis Q6135-LE – 3")));
    assertEquals(List.of("XNO-6080R:4", "FD9360-H:9"), modelCounts(
        p("1. Do you use CCTV?\n2. Which makes?\n1. Hanwha XNO-6080R – 4\n2. Vivotek FD9360-H – 9")));
  }

  @Test
  void recordsWrittenAsLabelledLinesAreTableRows() {
    DocumentExtractor.Extraction extraction = extractor.extract(document(List.of(
        p("Our ref: FOI/77/2025\nManufacturer: Avigilon\nProduct code: 2.0C-H5A-BO1-IR\nQuantity: 14\n"
            + "Manufacturer: Vivotek\nProduct code: FD9360-H\nQuantity: 1,150"),
        p("Brand: Axis\nModel no.: Q6135-LE\nUnits in service: 2\nLocation: Bus station"),
        p("Subject: cameras\nPlease see below."))));
    assertEquals(List.of("2.0C-H5A-BO1-IR:14", "FD9360-H:1150", "Q6135-LE:2"), extraction.mentions().stream()
        .filter(m -> m.model() != null).map(m -> m.model() + ":" + m.quantity()).toList());
    assertEquals(List.of("Avigilon", "Vivotek", "Axis"), extraction.mentions().stream().map(EquipmentMention::vendor).toList());
    assertEquals(List.of("IPC-HFW2431S-S-S2:27"), modelCounts(
        p("Site: Depot\n  Make ........ Dahua\n  Model ....... IPC-HFW2431S-S-S2\n  Number …… 27")));
  }

  @Test
  void aCountGivenAsTheValueOfTheItemsKindFollowsTheModel() {
    // "MODEL <kind>: N": the kind is no part of the model, the count is the label's value.
    assertEquals(List.of("XNP-6400RW:14", "DS-7616NXI-K2:3", "IPC-HDW2431T-AS-S2:1250"), modelCounts(
        p("Hanwha XNP-6400RW PTZ cameras: 14. Hikvision DS-7616NXI-K2 network video recorders: 3. "
            + "Dahua IPC-HDW2431T-AS-S2 turret cameras: 1,250.")));
    assertEquals(List.of("XNF-8010RV:4", "Q2101-TE:2"), modelCounts(
        p("Hanwha XNF-8010RV fisheye, 4 in total\nAxis Q2101-TE thermal, 2 in total")));
    assertEquals(List.of("IPC2124LB-SF28KM-G:250", "NVR302-16S:3"), modelCounts(
        p("Of which:\n  Uniview IPC2124LB-SF28KM-G ........ 250\n  Uniview NVR302-16S … 3")));
    // After a comma, a count belongs to the next item unless it is the total of this one.
    assertEquals(List.of("XNV-8080R:9", "P3265-LVE:40"), modelCounts(
        p("We have nine (9) Hanwha XNV-8080R cameras, forty (40) Axis P3265-LVE cameras.")));
    // A label that names no kind of product gives no count.
    assertEquals(List.of("P3245-LVE:null"), modelCounts(p("Axis P3245-LVE location: 14 High Street.")));
  }

  @Test
  void aCountedKindMayNameItsModelAfterIt() {
    assertEquals(List.of("XND-6080RV:9", "NVR5216-16P-4KS2E:2", "M3086-V:310"), modelCounts(
        p("Hanwha: 9 cameras (XND-6080RV)\nDahua: 2 recorders: NVR5216-16P-4KS2E\nAxis: 310 cameras (model M3086-V)")));
    assertEquals(List.of("FD9380-HTV:48"), modelCounts(p("The council operates 48 cameras, all of them Vivotek FD9380-HTV.")));
  }

  @Test
  void oneCountForEachOfSeveralModelsOrOneForEachInTurn() {
    assertEquals(List.of("XNV-6083R:12", "XNO-6080R:12"), modelCounts(
        p("The depots have Hanwha XNV-6083R and XNO-6080R cameras, twelve of each.")));
    assertEquals(List.of("IPC-HDW2431T-AS-S2:3", "IPC-HFW2431S-S-S2:3", "SD49225XA-HNR:3"), modelCounts(
        p("Dahua IPC-HDW2431T-AS-S2, IPC-HFW2431S-S-S2 and SD49225XA-HNR (3 each).")));
    assertEquals(List.of("P1465-LE:2", "P3245-LVE:15", "Q6135-LE:1100"), modelCounts(
        p("Axis P1465-LE, P3245-LVE and Q6135-LE: 2, 15 and 1,100 respectively.")));
    // Counts that do not match the models one for one are given to none.
    assertEquals(List.of("NDE-3503-AL:null", "NDE-3502-AL:null", "NBE-3502-AL:null"), modelCounts(
        p("Bosch NDE-3503-AL, NDE-3502-AL and NBE-3502-AL: 6 and 8 respectively.")));
  }

  @Test
  void aProductsNameWithItsCodeInBracketsIsOneItemItsCode() {
    assertEquals(List.of("NDE-3503-AL:40", "NBE-3502-AL:18"), modelCounts(
        p("Bosch FLEXIDOME IP 3000i (NDE-3503-AL) ... 40\nBosch DINION IP 3000i (NBE-3502-AL) ... 18")));
    assertEquals(List.of("2.0C-H5A-BO1-IR:75"), modelCounts(
        p("There are seventy-five Avigilon H5A bullet cameras (model 2.0C-H5A-BO1-IR) on the estate.")));
  }

  @Test
  void theLettersOwnReferenceIsNoModel() {
    // Letters and digits of a reference can take the shape of a product line named in the letter.
    DocumentExtractor.Extraction extraction = extractor.extract(document(List.of(
        p("Our ref: NBE 2024/118"), p("We operate 6 Bosch NBE-3502-AL cameras."))));
    assertEquals("NBE 2024/118", extraction.fields().foiReference());
    assertEquals(List.of("NBE-3502-AL:6"), extraction.mentions().stream().map(m -> m.model() + ":" + m.quantity()).toList());
  }

  @Test
  void aMakersCountMayBeSaidToBeMadeByIt() {
    List<EquipmentMention> mentions = extractor.extract(document(List.of(
        p("Of our 60 cameras, 41 are manufactured by Uniview, 12 were supplied by Vivotek and 7 by Bosch.")))).mentions();
    assertEquals(List.of("Uniview:41", "Vivotek:12", "Bosch:7"),
        mentions.stream().map(m -> m.vendor() + ":" + m.quantity()).toList());
  }

  @Test
  void anAnswerLabelSeparatesTheAnswerFromTheQuestionItFollows() {
    // The question is the request's text and is not read; the answer below its label is.
    assertEquals(List.of("NDE-3503-AL:9", "NBE-3502-AL:16"), modelCounts(
        p("Question 4: Which Bosch models do you use, and how many of each?\n"
            + "Answer 4: The cameras are:\n- 9 x Bosch NDE-3503-AL\n- 16 x Bosch NBE-3502-AL")));
  }

  @Test
  void aTableWhoseCellsArriveOnePerParagraphIsReadAsATable() {
    assertEquals(List.of("P1375-E:5", "M2036-LE:48"), modelCounts(p("The cameras:"), p("Site"), p("Brand"),
        p("Product code"), p("Units"), p("Leisure Centre"), p("Axis"), p("P1375-E"), p("5"), p("Harbour"),
        p("Axis"), p("M2036-LE"), p("c. 48"), p("Further notes follow in a longer sentence than any cell.")));
  }

  @Test
  void aNameThatLabelsACountIsCountedAndFurtherUnitsOfAModelAreAdded() {
    List<EquipmentMention> mentions = extractor.extract(document(List.of(
        p("Vivotek: 19"), p("Mobotix Ltd – approximately 250"),
        p("40 Bosch NDE-3503-AL cameras cover the bus station, and a further 6 of the same model are at the depot.")))).mentions();
    assertEquals(List.of("Vivotek:null:19", "Mobotix:null:250", "Bosch:NDE-3503-AL:46"),
        mentions.stream().map(m -> m.vendor() + ":" + m.model() + ":" + m.quantity()).toList());
  }

  @Test
  void softwareNamesItsMakerWithoutAModelOrACount() {
    List<EquipmentMention> mentions = extractor.extract(document(List.of(
        p("Footage is managed in Milestone XProtect Corporate 2023 R2 with 64 channel licences.")))).mentions();
    assertEquals(1, mentions.size());
    assertEquals("Milestone", mentions.get(0).vendor());
    assertNull(mentions.get(0).model());
    assertNull(mentions.get(0).quantity());
    assertEquals("vms", mentions.get(0).productType());
  }

  @Test
  void aListOfMakersTheCouncilHasNoneOfIsNoEquipment() {
    assertTrue(extractor.extract(document(List.of(
        p("The Council has no Uniview, Tiandy or Hikvision equipment on its network.")))).mentions().isEmpty());
  }

  @Test
  void aColumnOfCountsUnderAnUnknownHeaderIsTheCountColumnButRowNumbersAndYearsAreNot() {
    assertEquals(List.of("IPC2122LB-SF28-A:14", "NVR302-16E2:2"), modelCounts(
        row(null, "Make", "Model", "Oty"), row(null, "Uniview", "IPC2122LB-SF28-A", "14"),
        row(null, "Uniview", "NVR302-16E2", "2")));
    assertEquals(List.of("IPC2122LB-SF28-A:1", "NVR302-16E2:1"), modelCounts(
        row(null, "Make", "Model", "Ref"), row(null, "Uniview", "IPC2122LB-SF28-A", "1"),
        row(null, "Uniview", "NVR302-16E2", "2")));
  }

  @Test
  void aTableWithoutAHeaderRowIsReadRowByRowAsText() {
    assertEquals(List.of("M3125-LVE:6"), modelCounts(row(null, "Cameras at the depot", "6 x Axis M3125-LVE")));
  }

  @Test
  void aCountMultipliedAfterTheProductWordsIsTheModels() {
    assertEquals(List.of("XNO-6080R:4", "DS-7616NI-K2:2", "DS-2CD2143G0-I:null"), modelCounts(
        p("The yard has Hanwha Wisenet XNO-6080R bullet cameras x4 and DS-7616NI-K2 recorders x 2."),
        p("Hikvision DS-2CD2143G0-I cameras cover the 4 x 4 metre bays.")));
  }

  @Test
  void aPdfTableReadAsOneParagraphGivesEachRowItsCount() {
    // PDF text of a ruled table: one line per row, the count column last.
    assertEquals(List.of("DS-2CD2143G0-I:18", "DS-2CD2386G2-IU:5", "DS-7616NI-K2:1", "P3245-LVE:7"), modelCounts(
        p("Manufacturer Model Type Quantity\n"
            + "Hikvision DS-2CD2143G0-I Fixed dome camera 18\n"
            + "Hikvision DS-2CD2386G2-IU Turret camera 5\n"
            + "Hikvision DS-7616NI-K2 Network video recorder 1\n"
            + "Axis P3245-LVE Fixed dome camera 7")));
  }

  @Test
  void aCountEndingTheLineBeforeItsVendorCountsButARowsTrailingCountStaysInItsRow() {
    // Hard-wrapped letters (OCR, PDF text, e-mail): the count ends one line, the maker opens the next.
    assertEquals(List.of("P3245-LVE:41", "XNO-6080R:7", "DS-2CD2143G0-I:18", "IPC2124LB-SF28KM-G:null"), modelCounts(
        p("Following the upgrade the Trust now operates 41\nAxis Communications AB P3245-LVE cameras on its wards."),
        p("Our civil enforcement officers use seven\n  Hanwha XNO-6080R units."),
        p("Hikvision DS-2CD2143G0-I Fixed dome 18\nUniview IPC2124LB-SF28KM-G Bullet")));
    List<EquipmentMention> makers = extractor.extract(document(List.of(
        p("The college holds 250\nVerkada cameras across its campuses.")))).mentions();
    assertEquals(List.of("Verkada:250"), makers.stream().map(m -> m.vendor() + ":" + m.quantity()).toList());
  }

  @Test
  void proseLinesAreNotJoinedIntoModelNumbers() {
    // A capitalised word or a model starting the next line does not continue the code above it.
    List<String> models = modelCounts(
        p("Of the 60 cameras, 12 are made by Axis (5 x Q1785-LE and 7 x P1455-LE); 48\n"
            + "are made by Hanwha (48 x XNO 6080R)."),
        p("Footage is kept on four Hanwha XRN-1610S recorders in the\nCCTV control room."));
    assertEquals(List.of("Q1785-LE:5", "P1455-LE:7", "XNO-6080R:48", "XRN-1610S:4"), models);
  }

  @Test
  void vendorsNamedOnlyInTheNewsTheLetterAnswersAreNoEquipment() {
    List<EquipmentMention> mentions = extractor.extract(document(List.of(
        p("You mentioned press coverage of Hikvision and Dahua cameras in council buildings."),
        p("In response to media reports, we confirm we operate 12 Hikvision DS-2CD2143G0-I cameras and 3 Axis cameras.")))).mentions();
    assertEquals(List.of("Hikvision DS-2CD2143G0-I 12", "Axis null 3"),
        mentions.stream().map(m -> m.vendor() + " " + m.model() + " " + m.quantity()).toList());
  }

  @Test
  void negatedSentencesAndTheQuotedRequestYieldNothing() {
    List<EquipmentMention> mentions = extractor.extract(document(List.of(
        p("You asked:"),
        p("Do you use Hikvision DS-2CD2143G0-I cameras, for example?"),
        p("Response"),
        p("The Council does not use any Hikvision or Dahua equipment.")))).mentions();
    assertTrue(mentions.isEmpty(), mentions.toString());
  }

  @Test
  void tableBelowTitleRowsWithInheritedVendorAndTotalRow() {
    DocumentExtractor.Extraction extraction = extractor.extract(document(List.of(
        row("Cameras", "CCTV asset summary"),
        row("Cameras", "Site", "Manufacturer", "Model", "No. of units"),
        row("Cameras", "Library", "Zhejiang Uniview Technologies Co., Ltd.", "IPC3614SR3-ADF28KM-G", "7"),
        row("Cameras", "Museum", "", "NVR302 16S", "1"),
        row("Cameras", "Depot", "Acme Vision Ltd", "AV-200", "withheld"),
        row("Cameras", "Total cameras", "", "", "8"))));
    List<EquipmentMention> mentions = extraction.mentions();
    assertEquals(3, mentions.size(), mentions.toString());
    assertEquals("Uniview", mentions.get(1).vendor());
    assertEquals("NVR302-16S", mentions.get(1).model());
    assertEquals("nvr", mentions.get(1).productType());
    assertEquals("Acme Vision Ltd", mentions.get(2).vendor());
    assertTrue(!mentions.get(2).vendorKnown());
    assertNull(mentions.get(2).quantity());
    assertEquals(8, extraction.fields().totalCameras());
  }

  @Test
  void aTableWithoutAModelColumnHasItsModelsInItsTextColumns() {
    assertEquals(List.of("IPC2124LB-SF28KM-G:5", "NBE-3502-AL:30", "XNP-6400RW:2"), modelCounts(
        row("Kit", "Ref", "Description", "Manufacturer", "Number"),
        row("Kit", "IPC-001", "IPC2124LB-SF28KM-G 4MP bullet", "Uniview", "5"),
        row("Kit", "B-7", "Bosch NBE-3502-AL, car park", "Bosch", "30"),
        row("Kit", "H-9", "Wisenet PTZ", "Hanwha", "1"),
        row("Kit", "H-10", "Item: XNP-6400RW PTZ", "Hanwha", "2")));
  }

  @Test
  void registerWithoutQuantityColumnCountsRows() {
    List<EquipmentMention> mentions = extractor.extract(document(List.of(
        row("Register", "Asset ID", "Location", "Make", "Model"),
        row("Register", "CAM-001", "High St", "Axis", "AXIS P3245-LVE"),
        row("Register", "CAM-002", "Park", "Axis", "P3245-LVE")))).mentions();
    assertEquals(2, mentions.size());
    assertTrue(mentions.stream().allMatch(m -> m.role() == EquipmentMention.Role.REGISTER_ROW && m.quantity() == 1));
    assertEquals("P3245-LVE", mentions.get(0).model());
  }
}
