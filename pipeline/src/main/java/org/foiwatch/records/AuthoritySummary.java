package org.foiwatch.records;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Builds one authority's {@link SummaryRecord} from its documents and equipment. Plain Java, no Beam. */
public final class AuthoritySummary {

  private static final Set<String> READ = Set.of("parsed", "truncated");

  private AuthoritySummary() {}

  /** The grouping key of an authority; input files without one are grouped under a key no name can take. */
  public static String key(String authority) {
    return authority == null ? "\u0000" : authority;
  }

  public static SummaryRecord build(String authority, Iterable<DocumentRecord> documents, Iterable<EquipmentRecord> equipment) {
    Set<String> sources = new TreeSet<>();
    Set<String> outcomes = new TreeSet<>();
    Set<String> references = new TreeSet<>();
    int failed = 0;
    for (DocumentRecord document : documents) {
      if (document.getAttachment() == null) {
        sources.add(document.getSource());
        addIfPresent(outcomes, document.getOutcome());
        addIfPresent(references, document.getFoiReference());
      }
      if (!READ.contains(document.getStatus())) {
        failed++;
      }
    }

    Map<String, Figure> byVendor = new TreeMap<>();
    Integer total = null;
    Integer cameras = null;
    int restricted = 0;
    for (EquipmentRecord item : equipment) {
      byVendor.computeIfAbsent(item.getVendor(), v -> new Figure()).add(item);
      Integer quantity = item.getQuantity();
      if (quantity != null) {
        total = (total == null ? 0 : total) + quantity;
        if ("camera".equals(item.getProductType())) {
          cameras = (cameras == null ? 0 : cameras) + quantity;
        }
        if (!item.getRestricted().isEmpty()) {
          restricted += quantity;
        }
      }
    }
    List<VendorFigure> vendors = new ArrayList<>();
    byVendor.forEach((vendor, figure) -> vendors.add(figure.toRecord(vendor)));
    // Largest first; vendors without a stated quantity last; ties by name (the map's order).
    vendors.sort(Comparator.comparing((VendorFigure v) -> v.getQuantity() == null ? -1 : v.getQuantity()).reversed());

    return SummaryRecord.newBuilder()
        .setAuthority(authority).setGssCode(null)
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

  private static void addIfPresent(Set<String> values, String value) {
    if (value != null) {
      values.add(value);
    }
  }

  /** One vendor's figure as it is added up. */
  private static final class Figure {
    private Integer quantity;
    private final Set<String> restricted = new TreeSet<>();
    private final Set<String> sources = new TreeSet<>();
    private final Set<String> mentionIds = new TreeSet<>();

    void add(EquipmentRecord item) {
      if (item.getQuantity() != null) {
        quantity = (quantity == null ? 0 : quantity) + item.getQuantity();
      }
      restricted.addAll(item.getRestricted());
      sources.add(item.getSource());
      mentionIds.addAll(item.getMentionIds());
    }

    VendorFigure toRecord(String vendor) {
      return VendorFigure.newBuilder().setVendor(vendor).setQuantity(quantity).setRestricted(List.copyOf(restricted))
          .setSources(List.copyOf(sources)).setMentionIds(List.copyOf(mentionIds)).build();
    }
  }
}
