package org.foiwatch.normalise;

import java.io.Serializable;

/**
 * A model number found in text.
 *
 * @param start offset of the first character in the searched text
 * @param end offset just past the last character (exclusive)
 * @param asWritten the exact substring {@code text[start, end)}
 * @param canonical the model as its vendor writes it, e.g. "DS-2CD2143G0-I", "M3106-L MK II"
 * @param vendor canonical name of the vendor the grammar belongs to
 * @param productType camera, dvr, nvr, encoder, vms or other
 * @param grammarId id of the grammar in model-grammars.json that matched; null for a code read by
 *     its shape alone ({@link ModelShape})
 */
public record ModelMatch(
    int start,
    int end,
    String asWritten,
    String canonical,
    String vendor,
    String productType,
    String grammarId)
    implements Serializable {

  /** True when a grammar read the model, false when only its shape did. */
  public boolean known() {
    return grammarId != null;
  }

  /** Video management or control-room software: it names its maker, and is no model number. */
  public boolean isSoftware() {
    return "vms".equals(productType);
  }

  /** The same match in a text that starts {@code by} characters earlier than the one searched. */
  public ModelMatch shifted(int by) {
    return new ModelMatch(start + by, end + by, asWritten, canonical, vendor, productType, grammarId);
  }
}
