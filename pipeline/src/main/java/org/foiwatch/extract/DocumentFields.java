package org.foiwatch.extract;

import java.util.List;
import java.util.Set;

/**
 * What a response says about itself: who answered, under which reference and when, the
 * exemptions cited, whether it replaces an earlier reply ({@code revision}), and the signals its outcome is decided from once its equipment is known
 * ({@link FoiFieldExtractor#outcome}).
 */
public record DocumentFields(
    String authority,
    String foiReference,
    String responseDate,
    Set<String> outcomeSignals,
    List<String> exemptions,
    Integer totalCameras,
    String revision) {

  public static DocumentFields none() {
    return new DocumentFields(null, null, null, Set.of(), List.of(), null, null);
  }
}
