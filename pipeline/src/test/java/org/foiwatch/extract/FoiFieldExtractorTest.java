package org.foiwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.foiwatch.ingest.Block;
import org.foiwatch.ingest.DocumentStatus;
import org.foiwatch.ingest.OcrReport;
import org.foiwatch.ingest.ParsedDocument;
import org.junit.jupiter.api.Test;

class FoiFieldExtractorTest {

  private static DocumentFields fields(String... paragraphs) {
    List<Block> blocks = java.util.Arrays.stream(paragraphs).map(p -> Block.paragraph(1, p, false)).toList();
    ParsedDocument document = new ParsedDocument("s", null, "id", null, 0, "sha", "application/pdf",
        DocumentStatus.PARSED, null, null, 1, Map.of(), blocks,
        OcrReport.of(OcrReport.Status.NOT_NEEDED));
    return FoiFieldExtractor.extract(document, ContextFilter.excludedBlocks(blocks), null);
  }

  @Test
  void letterheadReferenceAndDate() {
    DocumentFields fields = fields(
        "London Borough of Ashcombe\nTown Hall, High Street\nAS1 2BC",
        "Your ref: RB/CCTV/22\nOur ref: FOI/2023/0412\nDate: 4th May 2023",
        "Dear Ms Byrne,",
        "Yours sincerely,\nJo Bloggs\nLondon Borough of Ashcombe");
    assertEquals("London Borough of Ashcombe", fields.authority());
    assertEquals("FOI/2023/0412", fields.foiReference());
    assertEquals("2023-05-04", fields.responseDate());
  }

  @Test
  void letterheadBesideCouncilHouseEndsAtTheFirstCouncil() {
    assertEquals("Calderbrook Council",
        fields("Calderbrook Council Council House, Victoria Square", "Our ref: FOI-2024-0001").authority());
    assertEquals("Thornbury Vale City Council",
        fields("Thornbury Vale City Council Council Offices, High Street", "Our ref: FOI-2024-0002").authority());
  }

  @Test
  void aLetterheadWhoseLinesATwoColumnLayoutInterleavedCountsForTheFullName() {
    // Name on the left over two lines, address on the right: position-sorted text mixes them.
    assertEquals("Ashby Vale Metropolitan Borough Council", fields(
        "Ashby Vale Metropolitan Council Offices, Market Street\nBorough Council Tel: 01632 960000",
        "Our ref: FOI-2023-0101",
        "Yours sincerely,\nJo Bloggs\nAshby Vale Metropolitan Borough Council").authority());
    assertEquals("Kingsmere Borough Council", fields(
        "Kingsmere\nBorough Council",
        "Our ref: FOI-2023-0102",
        "Yours sincerely,\nKingsmere Borough Council").authority());
  }

  @Test
  void aShortNameIsNotCountedForABodyWithOtherWords() {
    assertEquals("Ashcombe Council", fields(
        "Ashcombe Council\nCivic Centre",
        "Our ref: FOI-2023-0103",
        "Our control room is shared with North Ashcombe District Council.").authority());
  }

  @Test
  void anAcronymSetBesideTheNameIsNotPartOfIt() {
    assertEquals("London Borough of Fenwick", fields(
        "London Borough of Fenwick FOI Team\nTown Hall", "Our ref: FOI-2023-0104").authority());
  }

  @Test
  void anAnswerThatWithholdsEverythingIsARefusal() {
    Set<String> refused = fields("Ashcombe District Council",
        "The Council holds this information. However, we have decided to withhold it in full under section 31(1)(a).")
        .outcomeSignals();
    assertEquals("refused", FoiFieldExtractor.outcome(refused, false));
    Set<String> partial = fields("Ashcombe District Council",
        "We withhold the camera locations under section 31(1)(a); the makes and models are listed below.")
        .outcomeSignals();
    assertEquals("partial", FoiFieldExtractor.outcome(partial, true));
  }

  @Test
  void outcomesFromTheAnswerNotTheBoilerplate() {
    Set<String> refused = fields("Ashcombe District Council",
        "The Council can neither confirm nor deny whether it holds this information (section 24(2)).").outcomeSignals();
    assertEquals("refused", FoiFieldExtractor.outcome(refused, false));
    Set<String> refusedThirdPerson = fields("Ashcombe District Council",
        "The Council neither confirms nor denies whether it holds the information you have requested.").outcomeSignals();
    assertEquals("refused", FoiFieldExtractor.outcome(refusedThirdPerson, false));
    Set<String> notHeld = fields("Ashcombe District Council",
        "The Council does not hold the information you requested.",
        "If you are dissatisfied you may ask for an internal review; the information is exempt from charge.").outcomeSignals();
    assertEquals("not_held", FoiFieldExtractor.outcome(notHeld, false));
    Set<String> partial = fields("Ashcombe District Council",
        "Camera locations are withheld as exempt under section 31(1)(a).").outcomeSignals();
    assertEquals("partial", FoiFieldExtractor.outcome(partial, true));
    Set<String> disclosed = fields("Ashcombe District Council",
        "The Council does not use any Hikvision or Dahua equipment.").outcomeSignals();
    assertEquals("disclosed", FoiFieldExtractor.outcome(disclosed, false));
  }

  @Test
  void exemptionsCited() {
    assertEquals(List.of("s.24", "s.31"),
        fields("Locations are exempt under section 31(1)(a) and s.24 of the Act.").exemptions());
  }

  private static String outcome(boolean hasEquipment, String... paragraphs) {
    String[] withLetterhead = new String[paragraphs.length + 1];
    withLetterhead[0] = "Brockley Fen District Council";
    System.arraycopy(paragraphs, 0, withLetterhead, 1, paragraphs.length);
    return FoiFieldExtractor.outcome(fields(withLetterhead).outcomeSignals(), hasEquipment);
  }

  @Test
  void countsGivenWithLocationsWithheldIsPartialWithoutEquipmentFound() {
    assertEquals("partial", outcome(false,
        "The wardens carry 38 body-worn cameras and 12 handheld units.",
        "The sites of the fixed cameras have not been provided as they are exempt under section 31(1)(a)."));
    assertEquals("refused", outcome(false,
        "The sites of the fixed cameras have not been provided as they are exempt under section 31(1)(a)."));
  }

  @Test
  void partialWordings() {
    assertEquals("partial", outcome(false, "Outcome: Part disclosure."));
    assertEquals("partial", outcome(false, "Your request has been partially successful."));
    assertEquals("partial", outcome(false, "The request is granted in part."));
    assertEquals("partial", outcome(false, "This letter is a partial refusal notice under section 17."));
  }

  @Test
  void aPartNotHeldInsideAnAnswerIsNotNotHeld() {
    assertEquals("partial", outcome(true,
        "The Council does not hold a breakdown by street; the totals per maker are: Axis 14, Bosch 6."));
    assertEquals("not_held", outcome(false, "This information is not held in the format requested."));
    assertEquals("not_held", outcome(false, "Having searched, we can confirm that no information is held."));
  }

  @Test
  void aFullRefusalReadEvenWhenTheBoilerplateSharesItsParagraph() {
    assertEquals("refused", outcome(false,
        "Answering would exceed the appropriate limit. We are therefore refusing your request. If you are unhappy you may ask for an internal review."));
    assertEquals("refused", outcome(false, "The Force can neither confirm nor deny that it holds any information (s.23(5))."));
  }

  @Test
  void everyCitedProvision() {
    assertEquals(List.of("EIR reg.12(4)(b)", "EIR reg.13", "s.40"),
        fields("The request is manifestly unreasonable, an exception under regulation 12(4)(b); names are withheld under reg. 13 and section 40.").exemptions());
    assertEquals(List.of("FOISA s.35"),
        fields("We have considered your request under the Freedom of Information (Scotland) Act 2002.",
            "The footage is exempt under section 35(1)(a).").exemptions());
  }

  @Test
  void aSheetsTitleLineDatesItButItsRowsDoNot() {
    List<Block> sheet = List.of(
        Block.row(1, "Assets", 0, List.of("Harbury Borough Council asset list, exported 4 March 2025", "", "")),
        Block.row(1, "Assets", 0, List.of("Site", "Model", "Installed")),
        Block.row(1, "Assets", 0, List.of("Depot", "P3248-LVE", "12/05/2019")));
    ParsedDocument document = new ParsedDocument("s", null, "id", null, 0, "sha", "application/vnd.ms-excel",
        DocumentStatus.PARSED, null, null, 1, Map.of(), sheet, OcrReport.of(OcrReport.Status.NOT_NEEDED));
    assertEquals("2025-03-04", FoiFieldExtractor.extract(document, new boolean[3], null).responseDate());
    ParsedDocument rowsOnly = new ParsedDocument("s", null, "id", null, 0, "sha", "application/vnd.ms-excel",
        DocumentStatus.PARSED, null, null, 1, Map.of(), sheet.subList(1, 3), OcrReport.of(OcrReport.Status.NOT_NEEDED));
    assertEquals(null, FoiFieldExtractor.extract(rowsOnly, new boolean[2], null).responseDate());
  }
}
