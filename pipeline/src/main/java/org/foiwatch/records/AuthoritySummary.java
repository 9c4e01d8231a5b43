package org.foiwatch.records;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds one authority's {@link SummaryRecord} from its documents and equipment, or by merging the
 * summaries of its input files (what the pipeline does: each file is summed where it is built, the
 * parts are merged per authority). Plain Java, no Beam.
 */
public final class AuthoritySummary {


  private AuthoritySummary() {}

  /** The grouping key of an authority; input files without one are grouped under a key no name can take. */
  public static String key(String authority) {
    return authority == null ? "\u0000" : authority;
  }

  public static SummaryRecord build(String authority, Iterable<DocumentRecord> documents, Iterable<EquipmentRecord> equipment) {
    Totals totals = new Totals();
    documents.forEach(totals::add);
    equipment.forEach(totals::add);
    return totals.toRecord(authority);
  }

  /**
   * The summaries of one input file's records: one for its authority, or, when the replies
   * directly inside it (a ZIP or e-mail bundling several bodies' letters) name more than one
   * body, one per body. Each body counts the input file once, with its own reply's outcome and
   * reference; an attachment without an authority goes with its nearest enclosing reply, else the
   * reply before it; an equipment record goes with the body of its first mention.
   */
  public static List<SummaryRecord> perInputFile(
      List<DocumentRecord> documents, List<MentionRecord> mentions, List<EquipmentRecord> equipment) {
    DocumentRecord inputFile = documents.stream().filter(d -> d.getAttachment() == null).findFirst().orElse(null);
    Map<String, DocumentRecord> byId = new HashMap<>();
    documents.forEach(d -> byId.put(d.getDocumentId(), d));
    Map<String, String> bodyOf = new HashMap<>();
    Set<String> bodies = new LinkedHashSet<>();
    String previous = null;
    for (DocumentRecord document : documents) {
      if (document == inputFile) {
        continue;
      }
      String body = document.getDepth() == 1 ? document.getAuthority() : null;
      for (DocumentRecord up = byId.get(document.getParentId()); body == null && up != null && up != inputFile;
          up = byId.get(up.getParentId())) {
        body = up.getDepth() == 1 ? up.getAuthority() : null;
      }
      if (body != null && document.getDepth() == 1) {
        bodies.add(body);
      }
      previous = body != null ? body : previous;
      if (previous != null) {
        bodyOf.put(document.getDocumentId(), previous);
      }
    }
    if (inputFile == null || bodies.size() < 2) {
      return List.of(build(inputFile == null ? null : inputFile.getAuthority(), documents, equipment));
    }
    String first = bodies.iterator().next();
    Map<String, String> documentOfMention = new HashMap<>();
    mentions.forEach(m -> documentOfMention.put(m.getMentionId(), m.getDocumentId()));
    List<SummaryRecord> summaries = new ArrayList<>();
    for (String body : bodies) {
      DocumentRecord reply = documents.stream().filter(d -> d.getDepth() == 1 && body.equals(d.getAuthority())).findFirst().orElseThrow();
      List<DocumentRecord> own = new ArrayList<>();
      for (DocumentRecord document : documents) {
        if (document != inputFile && body.equals(bodyOf.getOrDefault(document.getDocumentId(), first))) {
          // The body's reply stands for the input file in its summary.
          own.add(document == reply ? DocumentRecord.newBuilder(reply).setAttachment(null).setSource(inputFile.getSource()).build() : document);
        }
      }
      List<EquipmentRecord> kit = equipment.stream().filter(item -> body.equals(item.getMentionIds().stream()
          .map(documentOfMention::get).map(id -> bodyOf.getOrDefault(id, first)).findFirst().orElse(first))).toList();
      summaries.add(build(body, own, kit));
    }
    return summaries;
  }

  /** The summary {@link #build} gives for the union of the records the parts were built from. */
  public static SummaryRecord merge(String authority, Iterable<SummaryRecord> parts) {
    Totals totals = new Totals();
    parts.forEach(totals::add);
    return totals.toRecord(authority);
  }

  /** An authority's codes in the UK authority register. */
  private record RegisterCodes(String gssCode, String type, String nation, String wdtkId) {
    /** The codes of an authority in the register (it then has a type), else null. */
    static RegisterCodes of(String gssCode, String type, String nation, String wdtkId) {
      return type == null ? null : new RegisterCodes(gssCode, type, nation, wdtkId);
    }
  }

  /** The figures of one authority as they are added up. */
  private static final class Totals {
    private final Set<String> sources = new TreeSet<>();
    private final Set<String> outcomes = new TreeSet<>();
    private final Set<String> references = new TreeSet<>();
    private final Map<String, Figure> byVendor = new TreeMap<>();
    private int failed;
    private Integer total;
    private Integer cameras;
    private int restricted;
    /** The authority's register codes, from the first record that has them; none outside the register. */
    private RegisterCodes register;

    void add(DocumentRecord document) {
      if (document.getAttachment() == null) {
        register = register != null ? register : RegisterCodes.of(document.getGssCode(), document.getAuthorityType(),
            document.getNation(), document.getWdtkId());
        sources.add(document.getSource());
        addIfPresent(outcomes, document.getOutcome());
        addIfPresent(references, document.getFoiReference());
      }
      if (Unread.failed(document.getStatus(), document.getAttachment(), document.getMediaType(), document.getOcr())) {
        failed++;
      }
    }

    void add(EquipmentRecord item) {
      byVendor.computeIfAbsent(item.getVendor(), v -> new Figure()).add(item);
      Integer quantity = item.getQuantity();
      total = sum(total, quantity);
      if ("camera".equals(item.getProductType())) {
        cameras = sum(cameras, quantity);
      }
      if (quantity != null && !item.getRestricted().isEmpty()) {
        restricted += quantity;
      }
    }

    void add(SummaryRecord part) {
      register = register != null ? register : RegisterCodes.of(part.getGssCode(), part.getAuthorityType(), part.getNation(),
          part.getWdtkId());
      sources.addAll(part.getSources());
      // A part's "mixed" stays mixed: it cannot equal any other outcome.
      addIfPresent(outcomes, part.getOutcome());
      references.addAll(part.getFoiReferences());
      part.getVendors().forEach(v -> byVendor.computeIfAbsent(v.getVendor(), name -> new Figure()).add(v));
      failed += part.getFailed();
      total = sum(total, part.getTotalQuantity());
      cameras = sum(cameras, part.getTotalCameras());
      restricted += part.getRestrictedQuantity();
    }

    SummaryRecord toRecord(String authority) {
      List<VendorFigure> vendors = new ArrayList<>();
      byVendor.forEach((vendor, figure) -> vendors.add(figure.toRecord(vendor)));
      // Largest first; vendors without a stated quantity last; ties by name (the map's order).
      vendors.sort(Comparator.comparing((VendorFigure v) -> v.getQuantity() == null ? -1 : v.getQuantity()).reversed());
      return SummaryRecord.newBuilder()
          .setAuthority(authority).setGssCode(register == null ? null : register.gssCode())
          .setAuthorityType(register == null ? null : register.type())
          .setNation(register == null ? null : register.nation())
          .setWdtkId(register == null ? null : register.wdtkId())
          .setDocuments(sources.size()).setFailed(failed)
          .setOutcome(outcomes.isEmpty() ? null : outcomes.size() == 1 ? outcomes.iterator().next() : "mixed")
          .setFoiReferences(List.copyOf(references))
          .setTotalQuantity(total).setTotalCameras(cameras)
          .setRestrictedQuantity(restricted)
          .setRestrictedShare(total == null || total == 0 ? null : (double) restricted / total)
          .setRestrictedVendors(vendors.stream().filter(v -> !v.getRestricted().isEmpty()).map(VendorFigure::getVendor).sorted().toList())
          .setVendors(vendors)
          .setSources(List.copyOf(sources))
          .build();
    }
  }

  /** One vendor's figure as it is added up. */
  private static final class Figure {
    private Integer quantity;
    private final Set<String> restricted = new TreeSet<>();
    private final Set<String> sources = new TreeSet<>();
    private final Set<String> mentionIds = new TreeSet<>();

    void add(EquipmentRecord item) {
      quantity = sum(quantity, item.getQuantity());
      restricted.addAll(item.getRestricted());
      sources.add(item.getSource());
      mentionIds.addAll(item.getMentionIds());
    }

    void add(VendorFigure part) {
      quantity = sum(quantity, part.getQuantity());
      restricted.addAll(part.getRestricted());
      sources.addAll(part.getSources());
      mentionIds.addAll(part.getMentionIds());
    }

    VendorFigure toRecord(String vendor) {
      return VendorFigure.newBuilder().setVendor(vendor).setQuantity(quantity).setRestricted(List.copyOf(restricted))
          .setSources(List.copyOf(sources)).setMentionIds(List.copyOf(mentionIds)).build();
    }
  }

  /** Null-aware sum: null only while no quantity is stated. */
  private static Integer sum(Integer total, Integer quantity) {
    if (quantity == null) {
      return total;
    }
    return total == null ? quantity : Integer.valueOf(total + quantity);
  }

  private static void addIfPresent(Set<String> values, String value) {
    if (value != null) {
      values.add(value);
    }
  }
}
