package org.foiwatch;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.foiwatch.ingest.TikaDocumentParser;
import org.foiwatch.sinks.RunManifest;

/**
 * A run's options as run.json lists them, and the fingerprint of those that shape the records:
 * a file's records from an earlier run are reused only under the same fingerprint.
 */
final class RunSettings {

  /**
   * foiwatch options that change where or how records are written or shown, not what they say. Every
   * other option (one added later included) counts as shaping the records, so reuse errs on the
   * side of parsing again.
   */
  private static final Set<String> NOT_IN_RECORDS = Set.of("input", "output", "formats", "recordsPerShard",
      "reportScreenshot", "progressSeconds", "ocrCacheDir", "full", "retryFailed");

  private RunSettings() {}

  /** Every foiwatch option and the runner, by name, as text. */
  static Map<String, String> options(FoiOptions options) {
    Map<String, String> values = new TreeMap<>(foiwatchOptions(options));
    values.put("runner", options.getRunner().getSimpleName());
    return values;
  }

  /**
   * The version, the code's digest and the options that shape the records, hashed: equal
   * fingerprints mean a file with the same bytes gets the same records.
   */
  static String extractionFingerprint(FoiOptions options) {
    StringBuilder shaping = new StringBuilder("foiwatch ").append(RunManifest.version()).append(' ')
        .append(RunManifest.codeDigest()).append('\n');
    foiwatchOptions(options).forEach((name, value) -> {
      if (!NOT_IN_RECORDS.contains(name)) {
        shaping.append(name).append('=').append(value).append('\n');
      }
    });
    return TikaDocumentParser.sha256(shaping.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
  }

  /** The options {@link FoiOptions} declares, read through their getters. */
  private static Map<String, String> foiwatchOptions(FoiOptions options) {
    Map<String, String> values = new TreeMap<>();
    for (Method getter : FoiOptions.class.getDeclaredMethods()) {
      String name = getter.getName();
      if (getter.getParameterCount() == 0 && (name.startsWith("get") || name.startsWith("is"))) {
        String property = name.substring(name.startsWith("get") ? 3 : 2);
        try {
          values.put(Character.toLowerCase(property.charAt(0)) + property.substring(1), String.valueOf(getter.invoke(options)));
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException("option " + property + " cannot be read", e);
        }
      }
    }
    return values;
  }
}
