package org.foiwatch.records;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which of one authority's replies are counted (docs/reconciliation.md). Copies are set aside
 * first: the same bytes, or the same reference, outcome, revision and equipment (a PDF and the
 * e-mail it came attached to). Then, within one reference, a reply replaces another when it says
 * so ({@link ReplyRecord#getRevision}) or, when neither or both say so, is dated later; a reply
 * that names no equipment never replaces one that does (a covering letter beside its
 * spreadsheet). Replies to different references, and replies to one reference that nothing
 * orders, are counted side by side. Plain Java, no Beam.
 */
final class Reconciliation {

  private Reconciliation() {}

  /**
   * The replies with {@code duplicate_of}, {@code superseded_by} and {@code reason} set, in the
   * order given (the caller sorts them, so the first of two copies is the one counted).
   * {@code authorityKnown}: false for the replies without an authority, of which only byte-equal
   * copies are one reply.
   */
  static List<ReplyRecord> reconcile(boolean authorityKnown, List<ReplyRecord> replies) {
    // By identity: two equal replies (one file listed twice) are still two.
    Map<ReplyRecord, ReplyRecord.Builder> decided = new IdentityHashMap<>();
    List<ReplyRecord> originals = new ArrayList<>();
    // Looked up, not scanned: the replies without an authority can be most of a large folder.
    Map<String, ReplyRecord> byBytes = new HashMap<>();
    Map<List<String>, ReplyRecord> byFacts = new HashMap<>();
    for (ReplyRecord reply : replies) {
      ReplyRecord.Builder builder = ReplyRecord.newBuilder(reply).setDuplicateOf(null).setSupersededBy(null);
      decided.put(reply, builder);
      ReplyRecord sameBytes = reply.getSha256() == null ? null : byBytes.get(reply.getSha256());
      ReplyRecord sameReply = hasFacts(authorityKnown, reply) ? byFacts.get(facts(reply)) : null;
      if (sameBytes != null) {
        builder.setDuplicateOf(sameBytes.getSource()).setReason("a copy of " + sameBytes.getSource() + ": the same bytes");
      } else if (sameReply != null) {
        builder.setDuplicateOf(sameReply.getSource()).setReason("a copy of " + sameReply.getSource()
            + ": the same reference " + reply.getFoiReference() + ", outcome and equipment");
      } else {
        originals.add(reply);
        if (reply.getSha256() != null) {
          byBytes.put(reply.getSha256(), reply);
        }
        if (hasFacts(authorityKnown, reply)) {
          byFacts.put(facts(reply), reply);
        }
      }
    }
    Map<String, List<ReplyRecord>> byReference = originals.stream().filter(r -> hasFacts(authorityKnown, r))
        .collect(Collectors.groupingBy(ReplyRecord::getFoiReference, LinkedHashMap::new, Collectors.toList()));
    for (ReplyRecord reply : originals) {
      ReplyRecord.Builder builder = decided.get(reply);
      if (!authorityKnown) {
        builder.setReason("counted: no authority to reconcile it by");
      } else if (reply.getFoiReference() == null) {
        builder.setReason("counted: no FOI reference to reconcile it by");
      } else {
        decide(reply, byReference.get(reply.getFoiReference()), builder);
      }
    }
    return replies.stream().map(r -> decided.get(r).build()).toList();
  }

  /** One reply of the replies to its reference (copies set aside). */
  private static void decide(ReplyRecord reply, List<ReplyRecord> rivals, ReplyRecord.Builder builder) {
    String reference = reply.getFoiReference();
    if (rivals.size() == 1) {
      builder.setReason("counted: the only reply to " + reference);
      return;
    }
    Optional<ReplyRecord> replacedBy = replacer(reply, rivals);
    if (replacedBy.isPresent()) {
      ReplyRecord counted = replacedBy.get();
      while (replacer(counted, rivals).isPresent()) {
        counted = replacer(counted, rivals).get();
      }
      // Along the chain each reply says so or is dated later, so the counted one is later than this one in the same way.
      builder.setSupersededBy(counted.getSource()).setReason("replaced by " + counted.getSource() + ": "
          + (counted.getRevision() != null && reply.getRevision() == null
              ? "a later reply to " + reference + " that says so (" + counted.getRevision() + ")"
              : "a later reply to " + reference + " (" + counted.getResponseDate() + " after " + reply.getResponseDate() + ")"));
      return;
    }
    long replaced = rivals.stream().filter(r -> replaces(reply, r)).count();
    List<String> beside = rivals.stream().filter(r -> r != reply && replacer(r, rivals).isEmpty()).map(ReplyRecord::getSource).toList();
    builder.setReason("counted" + (replaced > 0 ? ": replaces " + replaced + " earlier " + (replaced == 1 ? "reply" : "replies")
        + " to " + reference : "") + (beside.isEmpty() ? ""
        : (replaced > 0 ? "; " : ": ") + "beside " + String.join(", ", beside) + " (also " + reference
            + "; neither replaces the other)"));
  }

  /** The first rival that replaces the reply, if any. */
  private static Optional<ReplyRecord> replacer(ReplyRecord reply, List<ReplyRecord> rivals) {
    return rivals.stream().filter(r -> replaces(r, reply)).findFirst();
  }

  /** Whether {@code later} replaces {@code earlier}: both answer one reference. */
  private static boolean replaces(ReplyRecord later, ReplyRecord earlier) {
    if (later == earlier || (later.getEquipmentDigest() == null && earlier.getEquipmentDigest() != null)) {
      return false;
    }
    if ((later.getRevision() == null) != (earlier.getRevision() == null)) {
      // A reply that says it replaces the earlier one is the later one by its own word.
      return later.getRevision() != null;
    }
    return later.getResponseDate() != null && earlier.getResponseDate() != null
        && later.getResponseDate().compareTo(earlier.getResponseDate()) > 0;
  }

  /** Whether the reply can be matched by its facts: a reference means something only with an authority. */
  private static boolean hasFacts(boolean authorityKnown, ReplyRecord reply) {
    return authorityKnown && reply.getFoiReference() != null;
  }

  /** Equal for one reply saved twice: the same reference, outcome, revision and equipment facts. */
  private static List<String> facts(ReplyRecord reply) {
    return Arrays.asList(reply.getFoiReference(), reply.getOutcome(), reply.getRevision(), reply.getEquipmentDigest());
  }
}
