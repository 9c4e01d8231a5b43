package org.foiwatch.records;

import java.util.ArrayList;
import java.util.Comparator;
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

  private static final Set<String> READ = Set.of("parsed", "truncated");

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
      if (!READ.contains(document.getStatus())) {
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
