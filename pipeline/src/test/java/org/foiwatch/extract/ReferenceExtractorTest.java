package org.foiwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ReferenceExtractorTest {

  private static String reference(String text) {
    return ReferenceExtractor.reference(text, "");
  }

  @Test
  void everyCommonShapeAfterOurRef() {
    assertEquals("07.FOI.25.004411", reference("Our ref: 07.FOI.25.004411\nDate: 3 June 2025"));
    assertEquals("FOI-3307-2025", reference("Our Reference: FOI-3307-2025"));
    assertEquals("KB-FOI-2023-0815", reference("Our ref KB-FOI-2023-0815 (please quote)"));
    assertEquals("F4471920", reference("Our ref: F4471920"));
    assertEquals("ICT/FOI/118", reference("Our ref: ICT/FOI/118"));
    assertEquals("FOIR-19-3321", reference("Our reference: FOIR-19-3321 – Freedom of Information Act 2000"));
    assertEquals("RFI 2022 4410", reference("Our ref: RFI 2022 4410\nDear Sir"));
    assertEquals("318/24", reference("Our ref: 318/24"));
  }

  @Test
  void aBareNumberAfterALabel() {
    assertEquals("202511004512", reference("Request number: 202511004512"));
    assertEquals("88213", reference("Our Reference: 88213"));
    assertEquals("CAS-55102-Q8R1", reference("Case Reference: CAS-55102-Q8R1"));
  }

  @Test
  void aReferenceAfterARequestTypeAloneWhenNothingElseIsFound() {
    assertEquals("KVH/2025/0091", ReferenceExtractor.reference("Cameras by site", "Kestrel Vale Housing - FOI KVH/2025/0091"));
    assertEquals("NW-24-118", reference("EIR NW-24-118: our reply\nDear Ms Example"));
    // A labelled reference or one of a reference's shapes wins; an act and its year is no reference.
    assertEquals("0042/24", reference("FOI ABC/7/2021 was answered last year.\nOur ref: 0042/24"));
    assertNull(reference("Under the FOI Act 2000 we hold 12 cameras."));
    assertNull(reference("FOI requests 2024 are listed on our website."));
  }

  @Test
  void aLabelNamingTheBody() {
    assertEquals("FOI-9920-2324", reference("TfL Ref: FOI-9920-2324"));
    assertEquals("01/FOI/23/031874", reference("MPS Ref: 01/FOI/23/031874"));
    assertEquals("NR-4412", reference("Network Rail Reference NR-4412"));
  }

  @Test
  void theValueOnTheLineBelowItsLabel() {
    assertEquals("DOC-2021-3356", reference("Our ref: \nDOC-2021-3356\n\nDate: \n4 May, 2021"));
    assertEquals("WDC-FOI-0412", reference("Our ref: WDC-FOI-0412\n2 pages enclosed"));
  }

  @Test
  void theRequestersReferenceIsNotOurs() {
    assertEquals("FOI/7731", reference("Your ref: AB/CCTV/12   Our ref: FOI/7731"));
    assertEquals("EIR-5521", reference("Your reference 99812\nOur reference EIR-5521"));
    assertNull(reference("Your ref: PQ-2231\nDear Ms Lowe,"));
  }

  @Test
  void neverADateFragmentPhoneNumberOrSection() {
    assertEquals("412/23", reference("Reference 12/03/2023 received.\nOur ref: 412/23"));
    assertNull(reference("Reference: 14/02/2024"));
    assertNull(reference("Case: 0161 496 0321"));
    assertNull(reference("with reference to section 31(1)(a) of the Act"));
    assertNull(reference("In this case 2 cameras were found"));
    assertNull(reference("under the FOIA 2000 we must"));
  }

  @Test
  void byShapeWithoutALabel() {
    assertEquals("2022-FOI-3390", ReferenceExtractor.reference("Thank you for your request.", "RE: request 2022-FOI-3390 about CCTV"));
    assertEquals("F23/0192", reference("Please quote F23/0192 in any reply."));
    assertEquals("EIR 2023 0071", reference("Regarding EIR 2023 0071, the answer follows."));
  }
}
