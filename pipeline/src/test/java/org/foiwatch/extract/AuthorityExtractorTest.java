package org.foiwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.foiwatch.ingest.Block;
import org.junit.jupiter.api.Test;

class AuthorityExtractorTest {

  private static String authority(String... paragraphs) {
    return authority(Map.of(), paragraphs);
  }

  private static String authority(Map<String, String> metadata, String... paragraphs) {
    List<Block> blocks = java.util.Arrays.stream(paragraphs).map(p -> Block.paragraph(1, p, false)).toList();
    return AuthorityExtractor.authority(blocks, metadata, ReferenceExtractor.reference(String.join("\n", paragraphs), ""));
  }

  @Test
  void bodiesOfEveryKind() {
    assertEquals("Transport for London", authority("Transport for London\nFOI Case Management Team", "Dear Mr Osei,"));
    assertEquals("Avon and Somerset Constabulary", authority("Avon and Somerset Constabulary\nPO Box 37", "Dear Ms Reid,"));
    assertEquals("Police Scotland", authority("Police Scotland\nInformation Management", "Dear Sir,"));
    assertEquals("Gwent Police", authority("Gwent Police\nPolice Headquarters, Croesyceiliog", "Dear Ms Rees,", "Yours sincerely,\nGwent Police"));
    assertEquals("NHS Grampian", authority("NHS Grampian\nForesterhill House", "Dear Dr Kaur,"));
    assertEquals("Aneurin Bevan University Health Board", authority("Aneurin Bevan University Health Board", "Dear Mr Price,"));
    assertEquals("Department for Transport", authority("Department for Transport\nGreat Minster House", "Dear Ms Ali,"));
    assertEquals("Environment Agency", authority("Environment Agency\nHorizon House", "Dear Mr Hart,"));
    assertEquals("University of Exeter", authority("University of Exeter\nNorthcote House", "Dear Ms Chen,"));
    assertEquals("Cyngor Sir Ceredigion", authority("Cyngor Sir Ceredigion\nPenmorfa, Aberaeron", "Annwyl Mr Jones,"));
    assertEquals("Comhairle nan Eilean Siar", authority("Comhairle nan Eilean Siar\nSandwick Road, Stornoway", "Dear Mrs MacLeod,"));
    assertEquals("Brighton & Hove City Council", authority("Brighton & Hove City Council\nHove Town Hall", "Dear Mr Bell,"));
    assertEquals("Scottish Fire and Rescue Service", authority("Scottish Fire and Rescue Service\nWestburn Drive", "Dear Mr Kerr,"));
  }

  @Test
  void theBodyThatRepliedNotTheOnesItMentions() {
    assertEquals("Transport for London", authority(
        "Our ref: FOI-3381-2526", "Date: 3 March 2026", "Dear Mr Osei,",
        "Cameras on Westminster City Council land belong to Westminster City Council, and Westminster City Council holds those records.",
        "Yours sincerely,\nFOI Case Management Team\nTransport for London"));
    assertEquals("Cheshire Constabulary", authority(
        "Cheshire Constabulary",
        "Warrington Borough Council operates the town centre scheme; please ask Warrington Borough Council. Warrington Borough Council publishes it.",
        "Yours faithfully,\nCheshire Constabulary"));
  }

  @Test
  void theBodysOwnDomainOrReferenceLabelDecides() {
    // A letterhead garbled by OCR ("Fennick Cross Fenniekcross") against the clean signature and the body's domain.
    assertEquals("Royal Borough of Fennick Cross", authority(
        "Royal Borough of Fennick Cross Fenniekcross\nfoi@fennickcross.gov.uk",
        "Dear Ms Moss,",
        "Yours sincerely,\nRoyal Borough of Fennick Cross"));
    assertEquals("Metropolitan Police Service", authority(
        "MPS Ref: 01/FOI/25/004512",
        "Dear Mr Dale, the Greater London Authority asked the Metropolitan Police Service to reply.",
        "Metropolitan Police Service responded to the Greater London Authority."));
    assertEquals("Kent Police", authority(Map.of("from_email", "freedomofinformation@kent.police.uk"),
        "Dear Mr Lowe,", "Kent County Council and Kent Police share the control room; Kent County Council owns it.", "Kent Police"));
  }

  @Test
  void theBodysInitialsInItsReferenceDecide() {
    // No letterhead name (a logo); the body names two councils alike, the reference carries the replier's initials.
    assertEquals("Wrenby Borough Council", authority(
        "Our ref: WBC/FOI/2025/118", "Date: 2 April 2025", "Dear Mr Hale,",
        "Cameras at the boundary are shared between Oakhurst District Council and Wrenby Borough Council.",
        "Oakhurst District Council maintains them; Wrenby Borough Council pays half."));
  }

  @Test
  void nameKeysAreHowDomainsAndAbbreviationsWriteAName() {
    assertEquals(java.util.Set.of("tfl", "tl", "transport"), AuthorityExtractor.nameKeys("Transport for London"));
    assertEquals(java.util.Set.of("mps"), AuthorityExtractor.nameKeys("Metropolitan Police Service"));
  }
}
