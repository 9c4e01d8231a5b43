package org.foiwatch.ingest;

import static org.foiwatch.testing.Fixtures.attachment;
import static org.foiwatch.testing.Fixtures.row;
import static org.foiwatch.testing.Fixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.util.CoderUtils;
import org.foiwatch.testing.Fixtures;
import org.foiwatch.testing.Fixtures.Mail;
import org.foiwatch.testing.Fixtures.Sheet;
import org.junit.jupiter.api.Test;

/** Parsed documents survive the coder unchanged: real parses and every optional field. */
class ParsedDocumentCoderTest {

  @Test
  void realParsesRoundTrip() throws CoderException {
    List<ParsedDocument> documents = new ArrayList<>();
    try (TikaDocumentParser parser = new TikaDocumentParser(ParserLimits.defaults().withIsolation(false))) {
      byte[] pdf = Fixtures.pdf(List.of("Our ref: FOI-2024-0113", "We operate 12 cameras."),
          table(row("Make", "Model", "Qty"), row("Hikvision", "DS-2CD2143G0-I", "12")));
      byte[] xlsx = Fixtures.xlsx(List.of(new Sheet("Cameras", "Asset register", List.of(
          row("Manufacturer", "Model"), row("Axis", "P3245-LVE")))));
      Mail mail = new Mail("foi@example.gov.uk", "requester@example.org", "FOI 5521", "Tue, 12 Mar 2024 10:15:00 +0000",
          "<1@example.gov.uk>");
      documents.addAll(parser.parse("/in/letter.pdf", pdf));
      documents.addAll(parser.parse("/in/reply.eml",
          Fixtures.emlWithAttachments(mail, "Please find attached.", List.of(attachment("register.xlsx", xlsx)))));
      documents.addAll(parser.parse("/in/empty.txt", new byte[0]));
    }
    assertTrue(documents.stream().anyMatch(d -> d.blocks().stream().anyMatch(b -> b.sheet() != null)), "a sheet row");
    assertTrue(documents.stream().anyMatch(d -> d.parentId() != null), "an attachment");
    assertTrue(documents.stream().anyMatch(d -> d.status() == DocumentStatus.EMPTY), "a failed document");
    for (ParsedDocument document : documents) {
      assertEquals(document, roundTrip(document));
    }
  }

  @Test
  void everyFieldAndOrderRoundTrips() throws CoderException {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("title", "Répons FOI – CCTV");
    metadata.put("from", "Information Governance <foi@example.gov.uk>");
    metadata.put("created", "2024-03-12T10:15:00Z");
    ParsedDocument document = new ParsedDocument("s3://bucket/in/scan.pdf", "annex.pdf", "d2", "d1", 2, "ab12",
        "application/pdf", DocumentStatus.TRUNCATED, "text limit reached", "max_chars_per_document", 3, metadata,
        List.of(Block.paragraph(1, "Dear requester,", true), Block.row(2, "Sheet 1", 0, List.of("Dahua", "", "7")),
            Block.row(3, null, 1, List.of("a\tb", "ünïcode ✓"))),
        new OcrReport(OcrReport.Status.RAN, List.of(2, 3), 1, List.of(1), 4_200L));

    ParsedDocument decoded = roundTrip(document);

    assertEquals(document, decoded);
    assertEquals(List.copyOf(metadata.keySet()), List.copyOf(decoded.metadata().keySet()));
  }

  private static ParsedDocument roundTrip(ParsedDocument document) throws CoderException {
    return CoderUtils.decodeFromByteArray(ParsedDocumentCoder.of(),
        CoderUtils.encodeToByteArray(ParsedDocumentCoder.of(), document));
  }
}
