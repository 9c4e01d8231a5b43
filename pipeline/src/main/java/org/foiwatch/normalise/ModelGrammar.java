package org.foiwatch.normalise;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One vendor naming scheme from {@code model-grammars.json}, compiled.
 *
 * @param id stable identifier, e.g. "hikvision.nvr"
 * @param vendor canonical vendor name
 * @param family product family the scheme covers
 * @param productType camera, dvr, nvr, encoder, vms or other
 * @param pattern the compiled, bounded pattern (separator-tolerant, case-insensitive)
 * @param requiresContext true when the codes are too short to trust unless the vendor is named
 *     beside them or given as context
 * @param canonicalPrefix prefix written in the vendor's own case ("iDS-", "Mx-"), or ""
 * @param nameWords for product names (not codes): lower-case word to the vendor's spelling; empty
 *     for codes
 * @param suffixWords lower-case words the vendor writes as a code's spaced segment ("UVC G4
 *     BULLET"), kept even where a long all-letter word after a space would be read as prose
 * @param examples canonical models the grammar must accept
 * @param source where the naming scheme is documented
 */
public record ModelGrammar(
    String id,
    String vendor,
    String family,
    String productType,
    Pattern pattern,
    boolean requiresContext,
    String canonicalPrefix,
    Map<String, String> nameWords,
    Set<String> suffixWords,
    List<String> examples,
    String source)
    implements Serializable {

  public boolean isProductName() {
    return !nameWords.isEmpty();
  }
}
