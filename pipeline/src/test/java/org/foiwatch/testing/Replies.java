package org.foiwatch.testing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.foiwatch.extract.DocumentExtractor;
import org.foiwatch.extract.DocumentFields;
import org.foiwatch.extract.EquipmentMention;
import org.foiwatch.extract.ExtractedDocument;
import org.foiwatch.ingest.DocumentStatus;
import org.foiwatch.ingest.OcrReport;
import org.foiwatch.ingest.ParsedDocument;
import org.foiwatch.normalise.VendorCatalogue;
import org.foiwatch.records.RecordBuilder;
import org.foiwatch.records.SourcePaths;

/**
 * The records of one-document replies, built by the real {@link RecordBuilder} from what
 * extraction would hand it: for the transforms after extraction, without parsing files.
 */
public final class Replies {

  private static final RecordBuilder BUILDER = new RecordBuilder(VendorCatalogue.standard(), SourcePaths.of("absolute", "/"));

  private Replies() {}

  /** A reply from {@code authority} stating {@code quantity} cameras of one model. */
  public static RecordBuilder.Records reply(String source, String authority, String reference, String vendor,
      String model, int quantity) {
    ParsedDocument document = new ParsedDocument(source, null, "id-" + source, null, 0, "sha-" + source, "text/plain",
        DocumentStatus.PARSED, null, null, 1, Map.of(), List.of(), OcrReport.of(OcrReport.Status.NOT_NEEDED));
    DocumentFields fields = new DocumentFields(authority, reference, "2024-03-01", Set.of(), List.of(), null, null);
    EquipmentMention mention = new EquipmentMention(vendor, true, null, vendor, model, model, true, quantity,
        EquipmentMention.Role.ITEM, "camera", 1, null, 0, 30, quantity + " " + vendor + " " + model,
        EquipmentMention.Method.PROSE, null);
    return BUILDER.build(source, List.of(new ExtractedDocument(document, 200,
        new DocumentExtractor.Extraction(fields, List.of(mention), false))));
  }
}
