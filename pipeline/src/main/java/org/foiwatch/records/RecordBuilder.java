package org.foiwatch.records;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.foiwatch.digest.Sha256;
import org.foiwatch.extract.DocumentFields;
import org.foiwatch.extract.EquipmentMention;
import org.foiwatch.extract.ExtractedDocument;
import org.foiwatch.extract.FoiFieldExtractor;
import org.foiwatch.ingest.ParsedDocument;
import org.foiwatch.normalise.AuthorityRegister;
import org.foiwatch.normalise.VendorCatalogue;

/**
 * Builds the output records of one input file from its extracted documents: a document record
 * per document, a mention record per mention, and the aggregated equipment. An input file
 * whose own text lacks the FOI fields (a covering e-mail) takes them from its attachments.
 */
public final class RecordBuilder {

  /** The records of one input file. */
  public record Records(List<DocumentRecord> documents, List<MentionRecord> mentions, List<EquipmentRecord> equipment) {}

  private final EquipmentAggregator aggregator;
  private final SourcePaths paths;

  public RecordBuilder(VendorCatalogue catalogue, SourcePaths paths) {
    this.aggregator = new EquipmentAggregator(catalogue);
    this.paths = paths;
  }

  public Records build(String source, Iterable<ExtractedDocument> extracted) {
    List<ExtractedDocument> documents = new ArrayList<>();
    extracted.forEach(documents::add);
    documents.sort(Comparator.comparingInt((ExtractedDocument d) -> d.document().depth())
        .thenComparing(d -> d.document().attachment() == null ? "" : d.document().attachment())
        .thenComparing(d -> d.document().documentId()));

    List<MentionRecord> mentions = new ArrayList<>();
    List<EquipmentAggregator.Found> found = new ArrayList<>();
    Set<String> documentsWithEquipment = new HashSet<>();
    for (ExtractedDocument document : documents) {
      ParsedDocument parsed = document.document();
      for (EquipmentMention mention : document.extraction().mentions()) {
        mentions.add(mentionRecord(parsed, mention));
        found.add(new EquipmentAggregator.Found(parsed.documentId(), mention));
        documentsWithEquipment.add(parsed.documentId());
      }
    }
    List<EquipmentRecord> equipment = new ArrayList<>();
    for (EquipmentAggregator.Item item : aggregator.aggregate(found)) {
      List<String> ids = item.mentionIndexes().stream().map(i -> mentions.get(i).getMentionId()).sorted().distinct().toList();
      equipment.add(EquipmentRecord.newBuilder()
          .setEquipmentId(id(source, item.vendor(), String.valueOf(item.model())))
          .setSource(paths.written(source)).setVendor(item.vendor()).setVendorKnown(item.vendorKnown()).setOemOf(item.oemOf())
          .setModel(item.model()).setModelKnown(item.modelKnown()).setQuantity(item.quantity()).setProductType(item.productType())
          .setRestricted(item.restricted()).setMentionIds(ids).build());
    }

    ExtractedDocument container = documents.stream().filter(d -> d.document().isContainer()).findFirst().orElse(null);
    List<DocumentRecord> records = new ArrayList<>();
    for (ExtractedDocument document : documents) {
      boolean isContainer = document == container;
      DocumentFields fields = isContainer ? merged(documents) : document.extraction().fields();
      boolean hasEquipment = isContainer ? !equipment.isEmpty() : documentsWithEquipment.contains(document.document().documentId());
      records.add(documentRecord(document.document(), document.chars(), fields, hasEquipment));
    }
    return new Records(records, mentions, equipment);
  }

  /** The input file's fields, each taken from the file itself first, then its attachments in order. */
  private static DocumentFields merged(List<ExtractedDocument> documents) {
    String authority = null;
    String reference = null;
    String date = null;
    Integer total = null;
    String revision = null;
    Set<String> signals = new LinkedHashSet<>();
    Set<String> exemptions = new java.util.TreeSet<>();
    for (ExtractedDocument document : documents) {
      DocumentFields fields = document.extraction().fields();
      authority = authority != null ? authority : fields.authority();
      reference = reference != null ? reference : fields.foiReference();
      date = date != null ? date : fields.responseDate();
      total = total != null ? total : fields.totalCameras();
      revision = revision != null ? revision : fields.revision();
      signals.addAll(fields.outcomeSignals());
      exemptions.addAll(fields.exemptions());
    }
    return new DocumentFields(authority, reference, date, signals, List.copyOf(exemptions), total, revision);
  }

  private DocumentRecord documentRecord(ParsedDocument document, int chars, DocumentFields fields, boolean hasEquipment) {
    AuthorityRegister.Entry registered = AuthorityRegister.standard().find(fields.authority()).orElse(null);
    return DocumentRecord.newBuilder()
        .setDocumentId(document.documentId()).setSource(paths.written(document.source())).setAttachment(document.attachment())
        .setParentId(document.parentId()).setDepth(document.depth()).setSha256(document.sha256())
        .setMediaType(document.mediaType()).setPages(document.pages()).setChars(chars)
        .setStatus(document.status().label()).setError(document.error())
        .setTruncated(document.truncatedBy() != null).setTruncatedBy(document.truncatedBy())
        .setAuthority(registered == null ? fields.authority() : registered.name())
        .setGssCode(registered == null ? null : registered.gssCode())
        .setAuthorityType(registered == null ? null : registered.type())
        .setNation(registered == null ? null : registered.nation())
        .setWdtkId(registered == null ? null : registered.wdtkId())
        .setFoiReference(fields.foiReference())
        .setResponseDate(fields.responseDate())
        .setOutcome(FoiFieldExtractor.outcome(fields.outcomeSignals(), hasEquipment))
        .setExemptions(fields.exemptions())
        .setRevision(fields.revision())
        .setOcr(document.ocr().status().label()).setOcrPages(document.ocr().pages())
        .setOcrSkippedPages(document.ocr().skippedPages()).setOcrCachedPages(document.ocr().cachedPages())
        .setOcrMs(document.ocr().millis()).build();
  }

  private MentionRecord mentionRecord(ParsedDocument document, EquipmentMention mention) {
    return MentionRecord.newBuilder()
        .setMentionId(id(document.documentId(), String.valueOf(mention.start()), String.valueOf(mention.end()),
            mention.method().name(), String.valueOf(mention.model()), mention.vendor()))
        .setDocumentId(document.documentId()).setSource(paths.written(document.source())).setAttachment(document.attachment())
        .setPage(mention.page()).setSheet(mention.sheet()).setStart(mention.start()).setEnd(mention.end())
        .setSnippet(mention.snippet()).setVendor(mention.vendor()).setVendorAsWritten(mention.vendorAsWritten())
        .setModel(mention.model()).setModelAsWritten(mention.modelAsWritten()).setQuantity(mention.quantity())
        .setRole(mention.role().name().toLowerCase(java.util.Locale.ROOT))
        .setProductType(mention.productType())
        .setMethod(mention.method().name().toLowerCase(java.util.Locale.ROOT)).build();
  }

  static String id(String... parts) {
    return Sha256.hex(String.join("|", parts)).substring(0, 16);
  }
}
