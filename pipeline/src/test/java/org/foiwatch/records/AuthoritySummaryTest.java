package org.foiwatch.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuthoritySummaryTest {

  private static DocumentRecord document(String source, String attachment, String status, String outcome, String reference) {
    return DocumentRecord.newBuilder().setDocumentId(source + attachment).setSource(source).setAttachment(attachment)
        .setDepth(attachment == null ? 0 : 1).setPages(1).setChars(10).setStatus(status).setAuthority("Ashcombe DC")
        .setOutcome(outcome).setFoiReference(reference).build();
  }

  private static EquipmentRecord equipment(String source, String vendor, Integer quantity, String type, List<String> restricted,
      String mention) {
    return EquipmentRecord.newBuilder().setEquipmentId(source + vendor + type).setSource(source).setVendor(vendor)
        .setQuantity(quantity).setProductType(type).setRestricted(restricted).setMentionIds(List.of(mention)).build();
  }

  @Test
  void figuresAddUpPerVendorWithTheirSourcesAndMentions() {
    List<DocumentRecord> documents = List.of(
        document("a.eml", null, "parsed", "disclosed", "FOI-1"),
        document("a.eml", "register.xlsx", "corrupt", null, null),
        document("b.pdf", null, "parsed", "partial", "FOI-2"));
    List<EquipmentRecord> equipment = List.of(
        equipment("a.eml", "Hikvision", 30, "camera", List.of("FCC-COVERED", "NDAA-889"), "m1"),
        equipment("b.pdf", "Hikvision", 12, "nvr", List.of("FCC-COVERED", "NDAA-889"), "m2"),
        equipment("b.pdf", "Axis", 18, "camera", List.of(), "m3"),
        equipment("b.pdf", "Bosch", null, "camera", List.of(), "m4"));

    SummaryRecord summary = AuthoritySummary.build("Ashcombe DC", documents, equipment);

    assertEquals(2, summary.getDocuments());
    assertEquals(1, summary.getFailed());
    assertEquals("mixed", summary.getOutcome());
    assertEquals(List.of("FOI-1", "FOI-2"), summary.getFoiReferences());
    assertEquals(60, summary.getTotalQuantity());
    assertEquals(48, summary.getTotalCameras());
    assertEquals(42, summary.getRestrictedQuantity());
    assertEquals(0.7, summary.getRestrictedShare(), 1e-9);
    assertEquals(List.of("Hikvision"), summary.getRestrictedVendors());
    assertEquals(List.of("Hikvision", "Axis", "Bosch"), summary.getVendors().stream().map(VendorFigure::getVendor).toList());
    VendorFigure hikvision = summary.getVendors().get(0);
    assertEquals(42, hikvision.getQuantity());
    assertEquals(List.of("a.eml", "b.pdf"), hikvision.getSources());
    assertEquals(List.of("m1", "m2"), hikvision.getMentionIds());
    assertNull(summary.getVendors().get(2).getQuantity());
    assertEquals(List.of("a.eml", "b.pdf"), summary.getSources());
  }

  @Test
  void withoutStatedQuantitiesTotalsAndShareAreNullNotZero() {
    SummaryRecord summary = AuthoritySummary.build(null,
        List.of(document("c.txt", null, "parsed", "not_held", null)),
        List.of(equipment("c.txt", "Dahua", null, "camera", List.of("NDAA-889"), "m9")));
    assertNull(summary.getAuthority());
    assertEquals("not_held", summary.getOutcome());
    assertNull(summary.getTotalQuantity());
    assertNull(summary.getTotalCameras());
    assertNull(summary.getRestrictedShare());
    assertEquals(0, summary.getRestrictedQuantity());
    assertEquals(List.of("Dahua"), summary.getRestrictedVendors());
  }

  @Test
  void mergingTheSummariesOfEachFileGivesTheSummaryOfAllTheirRecords() {
    List<DocumentRecord> fileA = List.of(document("a.eml", null, "parsed", "disclosed", "FOI-1"),
        document("a.eml", "register.xlsx", "corrupt", null, null));
    List<EquipmentRecord> equipmentA = List.of(equipment("a.eml", "Hikvision", 30, "camera", List.of("NDAA-889"), "m1"),
        equipment("a.eml", "Bosch", null, "camera", List.of(), "m4"));
    List<DocumentRecord> fileB = List.of(document("b.pdf", null, "parsed", "partial", "FOI-2"));
    List<EquipmentRecord> equipmentB = List.of(equipment("b.pdf", "Hikvision", 12, "nvr", List.of("NDAA-889"), "m2"),
        equipment("b.pdf", "Axis", 18, "camera", List.of(), "m3"));
    List<DocumentRecord> fileC = List.of(document("c.pdf", null, "parsed", "partial", null));

    SummaryRecord whole = AuthoritySummary.build("Ashcombe DC",
        concat(fileA, fileB, fileC), concat(equipmentA, equipmentB, List.of()));
    SummaryRecord merged = AuthoritySummary.merge("Ashcombe DC", List.of(
        AuthoritySummary.build("Ashcombe DC", fileC, List.of()),
        AuthoritySummary.build("Ashcombe DC", fileA, equipmentA),
        AuthoritySummary.build("Ashcombe DC", fileB, equipmentB)));

    assertEquals(whole, merged);
    assertEquals("mixed", merged.getOutcome());
    assertEquals(60, merged.getTotalQuantity());
  }

  /** The input file of one reply of Ashcombe DC: its bytes' digest, reference, date, revision and outcome. */
  private static DocumentRecord reply(String source, String sha256, String reference, String date, String revision, String outcome) {
    return DocumentRecord.newBuilder(document(source, null, "parsed", outcome, reference))
        .setSha256(sha256).setResponseDate(date).setRevision(revision).build();
  }

  private static ReplyRecord replyOf(SummaryRecord summary, String source) {
    return summary.getReplies().stream().filter(r -> r.getSource().equals(source)).findFirst().orElseThrow();
  }

  @Test
  void aLaterReplyToTheSameReferenceReplacesTheEarlierOneAndMergingInAnyOrderAgrees() {
    List<DocumentRecord> documents = List.of(
        reply("march.pdf", "aa", "FOI-7", "2024-03-04", null, "disclosed"),
        reply("may.pdf", "bb", "FOI-7", "2024-05-20", null, "partial"),
        reply("april.pdf", "cc", "FOI-7", "2024-04-11", null, "disclosed"));
    List<EquipmentRecord> equipment = List.of(
        equipment("march.pdf", "Axis", 9, "camera", List.of(), "m1"),
        equipment("april.pdf", "Axis", 11, "camera", List.of(), "m2"),
        equipment("may.pdf", "Axis", 12, "camera", List.of(), "m3"));

    SummaryRecord summary = AuthoritySummary.build("Ashcombe DC", documents, equipment);

    assertEquals(12, summary.getTotalQuantity());
    assertEquals("partial", summary.getOutcome());
    assertEquals(3, summary.getDocuments());
    // Both earlier replies point to the reply that is counted, not to the one between.
    assertEquals("may.pdf", replyOf(summary, "march.pdf").getSupersededBy());
    assertEquals("may.pdf", replyOf(summary, "april.pdf").getSupersededBy());
    assertEquals("replaced by may.pdf: a later reply to FOI-7 (2024-05-20 after 2024-03-04)", replyOf(summary, "march.pdf").getReason());
    assertEquals("counted: replaces 2 earlier replies to FOI-7", replyOf(summary, "may.pdf").getReason());
    VendorFigure axis = summary.getVendors().get(0);
    assertEquals(List.of("may.pdf"), axis.getSources());
    assertEquals(List.of("april.pdf", "march.pdf"), axis.getSetAside());
    assertEquals(List.of("m3"), axis.getMentionIds());

    List<SummaryRecord> parts = new java.util.ArrayList<>(List.of("may.pdf", "march.pdf", "april.pdf").stream()
        .map(source -> AuthoritySummary.build("Ashcombe DC",
            documents.stream().filter(d -> d.getSource().equals(source)).toList(),
            equipment.stream().filter(e -> e.getSource().equals(source)).toList()))
        .toList());
    assertEquals(summary, AuthoritySummary.merge("Ashcombe DC", parts));
    java.util.Collections.reverse(parts);
    assertEquals(summary, AuthoritySummary.merge("Ashcombe DC", parts));
  }

  @Test
  void aReplyThatSaysItReplacesTheFirstWinsWhateverItsDate() {
    SummaryRecord summary = AuthoritySummary.build("Ashcombe DC", List.of(
        reply("first.pdf", "aa", "FOI-8", "2024-06-01", null, "disclosed"),
        reply("review.pdf", "bb", "FOI-8", null, "internal_review", "partial")),
        List.of(equipment("first.pdf", "Dahua", 30, "camera", List.of("NDAA-889"), "m1"),
            equipment("review.pdf", "Dahua", 3, "camera", List.of("NDAA-889"), "m2")));
    assertEquals(3, summary.getRestrictedQuantity());
    assertEquals("review.pdf", replyOf(summary, "first.pdf").getSupersededBy());
    assertEquals("replaced by review.pdf: a later reply to FOI-8 that says so (internal_review)", replyOf(summary, "first.pdf").getReason());
  }

  @Test
  void aCoveringLetterWithoutEquipmentNeverReplacesItsSpreadsheet() {
    SummaryRecord summary = AuthoritySummary.build("Ashcombe DC", List.of(
        reply("letter.pdf", "aa", "FOI-9", "2024-02-09", null, "disclosed"),
        reply("annex.xlsx", "bb", "FOI-9", "2024-01-30", null, "disclosed")),
        List.of(equipment("annex.xlsx", "Hanwha", 17, "camera", List.of(), "m1")));
    assertEquals(17, summary.getTotalQuantity());
    summary.getReplies().forEach(r -> assertNull(r.getSupersededBy(), r::toString));
    assertEquals("counted: beside letter.pdf (also FOI-9; neither replaces the other)",
        replyOf(summary, "annex.xlsx").getReason());
  }

  @Test
  void theSameFactsUnderOneReferenceAreOneReplyButWithoutAnAuthorityOnlyTheSameBytesAre() {
    List<DocumentRecord> documents = List.of(
        reply("fw.eml", "aa", "FOI-3", "2024-03-13", null, "disclosed"),
        reply("letter.pdf", "bb", "FOI-3", "2024-03-12", null, "disclosed"),
        reply("letter copy.pdf", "bb", "FOI-3", "2024-03-12", null, "disclosed"));
    // Each states the same five Axis cameras.
    List<EquipmentRecord> equipment = documents.stream()
        .map(d -> equipment(d.getSource(), "Axis", 5, "camera", List.of(), "m-" + d.getSource())).toList();

    SummaryRecord known = AuthoritySummary.build("Ashcombe DC", documents, equipment);
    assertEquals(5, known.getTotalQuantity());
    assertEquals("fw.eml", replyOf(known, "letter copy.pdf").getDuplicateOf());
    assertEquals("fw.eml", replyOf(known, "letter.pdf").getDuplicateOf());
    assertEquals("a copy of fw.eml: the same reference FOI-3, outcome and equipment", replyOf(known, "letter.pdf").getReason());
    assertEquals(List.of("fw.eml"), known.getVendors().get(0).getSources());

    SummaryRecord unknown = AuthoritySummary.build(null,
        documents.stream().map(d -> DocumentRecord.newBuilder(d).setAuthority(null).build()).toList(), equipment);
    assertEquals(10, unknown.getTotalQuantity());
    assertEquals("letter copy.pdf", replyOf(unknown, "letter.pdf").getDuplicateOf());
    assertEquals("a copy of letter copy.pdf: the same bytes", replyOf(unknown, "letter.pdf").getReason());
    assertNull(replyOf(unknown, "fw.eml").getDuplicateOf());
    assertEquals("counted: no authority to reconcile it by", replyOf(unknown, "fw.eml").getReason());
  }

  @SafeVarargs
  private static <T> List<T> concat(List<T>... lists) {
    return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
  }

  @Test
  void theRegisterCodesOfTheAuthorityCarryIntoItsSummaryAndThroughAMerge() {
    DocumentRecord registered = DocumentRecord.newBuilder(document("d.pdf", null, "parsed", "disclosed", "R-1"))
        .setAuthority("Surrey Police").setGssCode("E23000031").setAuthorityType("Police force").setNation("England").build();
    SummaryRecord part = AuthoritySummary.build("Surrey Police", List.of(registered), List.of());
    assertEquals("E23000031", part.getGssCode());
    assertEquals("Police force", part.getAuthorityType());
    assertEquals("England", part.getNation());
    assertNull(part.getWdtkId());
    SummaryRecord other = AuthoritySummary.build("Surrey Police",
        List.of(DocumentRecord.newBuilder(registered).setSource("e.pdf").setDocumentId("e").build()), List.of());
    SummaryRecord merged = AuthoritySummary.merge("Surrey Police", List.of(part, other));
    assertEquals("E23000031", merged.getGssCode());
    assertEquals("Police force", merged.getAuthorityType());
    assertEquals(2, merged.getDocuments());

    SummaryRecord unregistered = AuthoritySummary.build("Ashcombe DC", List.of(document("f.pdf", null, "parsed", null, null)), List.of());
    assertNull(unregistered.getGssCode());
    assertNull(unregistered.getAuthorityType());
  }

  private static DocumentRecord inBundle(String id, String parent, int depth, String authority, String outcome, String reference) {
    return DocumentRecord.newBuilder().setDocumentId(id).setSource("bundle.zip").setAttachment(depth == 0 ? null : id)
        .setParentId(parent).setDepth(depth).setPages(1).setChars(10).setStatus("parsed").setAuthority(authority)
        .setOutcome(outcome).setFoiReference(reference).build();
  }

  private static MentionRecord mention(String id, String document) {
    return MentionRecord.newBuilder().setMentionId(id).setDocumentId(document).setSource("bundle.zip").setPage(1).setStart(0).setEnd(1).setSnippet(id)
        .setRole("item").setMethod("table").build();
  }

  @Test
  void aBundleOfTwoBodiesRepliesCountsEachBody() {
    List<DocumentRecord> documents = List.of(
        inBundle("zip", null, 0, "Harbury Borough Council", "mixed-up", "HB-1"),
        inBundle("letter-a", "zip", 1, "Harbury Borough Council", "disclosed", "HB-1"),
        inBundle("sheet-a", "zip", 1, null, null, null),
        inBundle("letter-b", "zip", 1, "Surrey Police", "refused", "SP-9"),
        inBundle("scan-b", "letter-b", 2, null, null, null));
    List<MentionRecord> mentions = List.of(mention("m1", "sheet-a"), mention("m2", "scan-b"));
    List<EquipmentRecord> equipment = List.of(
        equipment("bundle.zip", "Axis", 20, "camera", List.of(), "m1"),
        equipment("bundle.zip", "Dahua", 5, "camera", List.of("NDAA-889"), "m2"));

    List<SummaryRecord> summaries = AuthoritySummary.perInputFile(documents, mentions, equipment);

    assertEquals(List.of("Harbury Borough Council", "Surrey Police"), summaries.stream().map(SummaryRecord::getAuthority).toList());
    SummaryRecord council = summaries.get(0);
    assertEquals(1, council.getDocuments());
    assertEquals("disclosed", council.getOutcome());
    assertEquals(List.of("HB-1"), council.getFoiReferences());
    assertEquals(20, council.getTotalQuantity());
    assertEquals(List.of("bundle.zip"), council.getSources());
    SummaryRecord police = summaries.get(1);
    assertEquals(1, police.getDocuments());
    assertEquals("refused", police.getOutcome());
    assertEquals(List.of("SP-9"), police.getFoiReferences());
    assertEquals(5, police.getRestrictedQuantity());
  }

  @Test
  void aFileOfOneBodyHasOneSummary() {
    List<DocumentRecord> documents = List.of(
        inBundle("eml", null, 0, "Harbury Borough Council", "disclosed", "HB-2"),
        inBundle("pdf", "eml", 1, "Harbury Borough Council", "disclosed", "HB-2"),
        inBundle("csv", "eml", 1, null, null, null));
    List<SummaryRecord> summaries = AuthoritySummary.perInputFile(documents, List.of(), List.of());
    assertEquals(1, summaries.size());
    assertEquals(AuthoritySummary.build("Harbury Borough Council", documents, List.of()), summaries.get(0));
  }
}
