package org.foiwatch.records;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.foiwatch.extract.EquipmentMention;
import org.foiwatch.extract.EquipmentMention.Method;
import org.foiwatch.extract.EquipmentMention.Role;
import org.foiwatch.normalise.Vendor;
import org.foiwatch.normalise.VendorCatalogue;

/**
 * Turns one input file's mentions (from the file and all its attachments) into equipment: one
 * item per (vendor, model). Rows of one table add up (same model at several sites), per-site
 * sheets add up, but a summary and a register of the same units are never added, and a
 * document restating another's figures (a covering e-mail and its attachment) counts once.
 */
public final class EquipmentAggregator {

  /** One aggregated (vendor, model) with the mentions it rests on. */
  public record Item(
      String vendor, boolean vendorKnown, String oemOf, String model, boolean modelKnown, Integer quantity, String productType,
      List<String> restricted, List<Integer> mentionIndexes) {}

  /** A mention with the document it was found in. */
  public record Found(String documentId, EquipmentMention mention) {}

  private final VendorCatalogue catalogue;

  public EquipmentAggregator(VendorCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  public List<Item> aggregate(List<Found> found) {
    Map<List<String>, List<Integer>> byKey = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
        .thenComparing(k -> Objects.toString(k.get(1), "")));
    for (int i = 0; i < found.size(); i++) {
      EquipmentMention mention = found.get(i).mention();
      byKey.computeIfAbsent(java.util.Arrays.asList(mention.vendor(), mention.model()), k -> new ArrayList<>()).add(i);
    }
    List<Item> items = new ArrayList<>();
    for (Map.Entry<List<String>, List<Integer>> entry : byKey.entrySet()) {
      String vendor = entry.getKey().get(0);
      String model = entry.getKey().get(1);
      List<Integer> indexes = entry.getValue();
      if (model == null && !keepVendorLevel(vendor, indexes, found, byKey)) {
        continue;
      }
      EquipmentMention first = found.get(indexes.get(0)).mention();
      Integer quantity = quantity(indexes.stream().map(found::get).toList());
      String productType = indexes.stream().map(i -> found.get(i).mention().productType())
          .filter(Objects::nonNull).findFirst().orElse(null);
      List<String> restricted = first.vendorKnown()
          ? catalogue.byCanonical(vendor).map(Vendor::restrictions).orElse(List.of())
          : List.of();
      // A code some grammar read anywhere in the file is a known model, however else it was written.
      boolean modelKnown = indexes.stream().anyMatch(i -> found.get(i).mention().modelKnown());
      items.add(new Item(vendor, first.vendorKnown(), first.oemOf(), model, modelKnown, quantity, productType, restricted, indexes));
    }
    return items;
  }

  /** A vendor-level item is kept when it states a count, or when no model of that vendor was found. */
  private static boolean keepVendorLevel(String vendor, List<Integer> indexes, List<Found> found,
      Map<List<String>, List<Integer>> byKey) {
    boolean counted = indexes.stream().anyMatch(i -> found.get(i).mention().quantity() != null);
    boolean hasModels = byKey.keySet().stream().anyMatch(k -> vendor.equals(k.get(0)) && k.get(1) != null);
    return counted || !hasModels;
  }

  /**
   * The best-evidenced document's count: tables before registers before prose. Within a
   * document, rows of a table add up and per-site tables add up unless one is a summary.
   */
  static Integer quantity(List<Found> mentions) {
    Map<String, List<EquipmentMention>> byDocument = new LinkedHashMap<>();
    for (Found found : mentions) {
      byDocument.computeIfAbsent(found.documentId(), k -> new ArrayList<>()).add(found.mention());
    }
    Integer best = null;
    int bestRank = Integer.MAX_VALUE;
    for (List<EquipmentMention> inDocument : byDocument.values()) {
      for (Method method : Method.values()) {
        List<EquipmentMention> ofMethod = inDocument.stream().filter(m -> m.method() == method).toList();
        Integer count = switch (method) {
          case TABLE -> tableCount(ofMethod);
          case REGISTER -> ofMethod.isEmpty() ? null : ofMethod.size();
          case PROSE -> proseCount(ofMethod);
        };
        if (count != null) {
          if (method.ordinal() < bestRank || (method.ordinal() == bestRank && count > best)) {
            best = count;
            bestRank = method.ordinal();
          }
          break;
        }
      }
    }
    return best;
  }

  private static Integer tableCount(List<EquipmentMention> rows) {
    Map<String, List<EquipmentMention>> byTable = rows.stream()
        .filter(m -> m.role() == Role.ITEM && m.quantity() != null)
        .collect(Collectors.groupingBy(EquipmentMention::tableKey, TreeMap::new, Collectors.toList()));
    if (byTable.isEmpty()) {
      return null;
    }
    List<String> summaries = byTable.keySet().stream().filter(EquipmentAggregator::isSummary).toList();
    return byTable.entrySet().stream()
        .filter(e -> summaries.isEmpty() || summaries.contains(e.getKey()))
        .flatMap(e -> e.getValue().stream())
        .mapToInt(EquipmentMention::quantity).sum();
  }

  private static boolean isSummary(String tableKey) {
    return tableKey.toLowerCase(java.util.Locale.ROOT).matches(".*:(?:.*\\b)?(?:summary|totals?|overview)\\b.*");
  }

  /**
   * Prose counts at several places add up; a sentence repeating one count, or stating the sum
   * of the others, adds nothing.
   */
  private static Integer proseCount(List<EquipmentMention> mentions) {
    List<Integer> counts = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (EquipmentMention mention : mentions) {
      if (mention.quantity() != null && seen.add(mention.quantity() + "@" + mention.start())) {
        counts.add(mention.quantity());
      }
    }
    if (counts.isEmpty()) {
      return null;
    }
    List<Integer> distinct = counts.stream().distinct().toList();
    int sum = distinct.stream().mapToInt(Integer::intValue).sum();
    int max = distinct.stream().mapToInt(Integer::intValue).max().orElse(0);
    return distinct.size() > 2 && sum - max == max ? max : sum;
  }
}
