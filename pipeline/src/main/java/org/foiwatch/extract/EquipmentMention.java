package org.foiwatch.extract;


/**
 * Equipment found at one place in a document: a vendor, a model, a quantity, or those found
 * together in one table row or one sentence.
 *
 * @param vendor canonical vendor, or the name as written when {@code vendorKnown} is false
 * @param oemOf the real maker when the vendor is an OEM rebrand
 * @param modelKnown false when the model was read by its shape alone ({@link
 *     org.foiwatch.normalise.ModelShape}), no grammar knowing its family
 * @param start offset in the document's text ({@link DocumentText}); end is exclusive
 * @param tableKey identifies the table (or sheet) a row came from, null for prose; rows of one
 *     table add up, while a summary table and a register of the same units do not
 */
public record EquipmentMention(
    String vendor,
    boolean vendorKnown,
    String oemOf,
    String vendorAsWritten,
    String model,
    String modelAsWritten,
    boolean modelKnown,
    Integer quantity,
    Role role,
    String productType,
    int page,
    String sheet,
    int start,
    int end,
    String snippet,
    Method method,
    String tableKey) {

  /** This mention with {@code count} as its quantity. */
  EquipmentMention withQuantity(Integer count) {
    return new EquipmentMention(vendor, vendorKnown, oemOf, vendorAsWritten, model, modelAsWritten, modelKnown, count,
        role, productType, page, sheet, start, end, snippet, method, tableKey);
  }

  /** How the mention's quantity is meant. */
  public enum Role {
    /** A count of this vendor/model (or the vendor, when model is null). */
    ITEM,
    /** One row of a per-unit register: counts as one. */
    REGISTER_ROW
  }

  /** Which matcher found the mention. */
  public enum Method {
    TABLE,
    REGISTER,
    PROSE
  }
}
