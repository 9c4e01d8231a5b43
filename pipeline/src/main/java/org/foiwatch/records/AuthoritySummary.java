package org.foiwatch.records;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds one authority's {@link SummaryRecord} from its documents and equipment, or by merging the
 * summaries of its replies (what the pipeline does: each input file's reply is summed where it is
 * built, the parts are merged per authority). The merge counts each reply once
 * ({@link Reconciliation}): copies and replaced replies are listed, not counted. Plain Java, no Beam.
 */
public final class AuthoritySummary {


  private AuthoritySummary() {}

  /** The grouping key of an authority; input files without one are grouped under a key no name can take. */
  public static String key(String authority) {
    return authority == null ? "\u0000" : authority;
  }

  /** The summary of the records of one or more input files: one reply per input file, merged. */
  public static SummaryRecord build(String authority, List<DocumentRecord> documents, List<EquipmentRecord> equipment) {
    Map<String, List<DocumentRecord>> documentsOf = new TreeMap<>();
    Map<String, List<EquipmentRecord>> equipmentOf = new TreeMap<>();
    documents.forEach(d -> documentsOf.computeIfAbsent(d.getSource(), s -> new ArrayList<>()).add(d));
    equipment.forEach(e -> equipmentOf.computeIfAbsent(e.getSource(), s -> new ArrayList<>()).add(e));
    Set<String> sources = new TreeSet<>(documentsOf.keySet());
    sources.addAll(equipmentOf.keySet());
    return merge(authority, sources.stream()
        .map(source -> replySummary(authority, documentsOf.getOrDefault(source, List.of()), equipmentOf.getOrDefault(source, List.of())))
        .toList());
  }

  /** The summary of one reply: its documents (one input file, or one body's part of it) and equipment. */
  private static SummaryRecord replySummary(String authority, List<DocumentRecord> documents, List<EquipmentRecord> equipment) {
    Totals totals = new Totals();
    documents.forEach(totals::add);
    equipment.forEach(totals::add);
    SummaryRecord part = totals.toRecord(authority);
    documents.stream().filter(d -> d.getAttachment() == null).findFirst().ifPresent(reply -> part.setReplies(
        Reconciliation.reconcile(authority != null, List.of(ReplyRecord.newBuilder()
            .setSource(reply.getSource()).setSha256(reply.getSha256()).setFoiReference(reply.getFoiReference())
            .setResponseDate(reply.getResponseDate()).setOutcome(reply.getOutcome()).setRevision(reply.getRevision())
            .setEquipmentDigest(equipmentDigest(equipment)).setTotalQuantity(part.getTotalQuantity()).setReason("").build()))));
    return part;
  }

  /** Equal for two replies that state the same kit: vendor, model, quantity and type of each item. */
  private static String equipmentDigest(List<EquipmentRecord> equipment) {
    return equipment.isEmpty() ? null : RecordBuilder.id(equipment.stream()
        .map(e -> e.getVendor() + "|" + e.getModel() + "|" + e.getQuantity() + "|" + e.getProductType()).sorted().toArray(String[]::new));
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
      return List.of(replySummary(inputFile == null ? null : inputFile.getAuthority(), documents, equipment));
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
          // The body's reply stands for the input file in its summary (its bytes are the file's).
          own.add(document == reply ? DocumentRecord.newBuilder(reply).setAttachment(null).setSource(inputFile.getSource())
              .setSha256(inputFile.getSha256()).build() : document);
        }
      }
      List<EquipmentRecord> kit = equipment.stream().filter(item -> body.equals(item.getMentionIds().stream()
          .map(documentOfMention::get).map(id -> bodyOf.getOrDefault(id, first)).findFirst().orElse(first))).toList();
      summaries.add(replySummary(body, own, kit));
    }
    return summaries;
  }

  /**
   * The summary {@link #build} gives for the union of the records the parts were built from.
   * {@code parts}: summaries of one reply each ({@link #perInputFile}), in any order.
   */
  public static SummaryRecord merge(String authority, List<SummaryRecord> parts) {
    List<SummaryRecord> sorted = parts.stream()
        .sorted(Comparator.comparing((SummaryRecord p) -> p.getReplies().isEmpty() ? "" : p.getReplies().get(0).getSource())
            .thenComparing(SummaryRecord::toString))
        .toList();
    List<ReplyRecord> replies = new ArrayList<>();
    sorted.forEach(part -> {
      if (part.getReplies().size() > 1) {
        throw new IllegalArgumentException("a part of one reply expected: " + part.getSources());
      }
      replies.addAll(part.getReplies());
    });
    Iterator<ReplyRecord> reconciled = Reconciliation.reconcile(authority != null, replies).iterator();
    Totals totals = new Totals();
    for (SummaryRecord part : sorted) {
      ReplyRecord reply = part.getReplies().isEmpty() ? null : reconciled.next();
      totals.add(part, reply);
    }
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
    /** Per vendor, the set-aside replies that name it. */
    private final Map<String, Set<String>> setAside = new TreeMap<>();
    private final List<ReplyRecord> replies = new ArrayList<>();
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

    /** One reply's part, counted unless {@code reply} (null for a part without an input file) is set aside. */
    void add(SummaryRecord part, ReplyRecord reply) {
      register = register != null ? register : RegisterCodes.of(part.getGssCode(), part.getAuthorityType(), part.getNation(),
          part.getWdtkId());
      sources.addAll(part.getSources());
      references.addAll(part.getFoiReferences());
      failed += part.getFailed();
      if (reply != null) {
        replies.add(reply);
        if (reply.getDuplicateOf() != null || reply.getSupersededBy() != null) {
          part.getVendors().forEach(v -> setAside.computeIfAbsent(v.getVendor(), name -> new TreeSet<>()).add(reply.getSource()));
          return;
        }
      }
      addIfPresent(outcomes, part.getOutcome());
      part.getVendors().forEach(v -> byVendor.computeIfAbsent(v.getVendor(), name -> new Figure()).add(v));
      total = sum(total, part.getTotalQuantity());
      cameras = sum(cameras, part.getTotalCameras());
      restricted += part.getRestrictedQuantity();
    }

    SummaryRecord toRecord(String authority) {
      List<VendorFigure> vendors = new ArrayList<>();
      byVendor.forEach((vendor, figure) -> vendors.add(figure.toRecord(vendor, setAside.getOrDefault(vendor, Set.of()))));
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
          .setReplies(List.copyOf(replies))
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

    VendorFigure toRecord(String vendor, Set<String> setAside) {
      return VendorFigure.newBuilder().setVendor(vendor).setQuantity(quantity).setRestricted(List.copyOf(restricted))
          .setSources(List.copyOf(sources)).setMentionIds(List.copyOf(mentionIds)).setSetAside(List.copyOf(setAside)).build();
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
