package org.foiwatch;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.beam.sdk.options.Description;
import org.foiwatch.digest.Sha256;
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
    return Sha256.hex(shaping.toString()).substring(0, 16);
  }

  /** The getters of foiwatch's own options: those {@link FoiOptions} declares and those of the groups it extends. */
  static List<Method> foiwatchGetters() {
    return Arrays.stream(FoiOptions.class.getMethods())
        .filter(getter -> getter.isAnnotationPresent(Description.class)
            && getter.getDeclaringClass().getPackageName().startsWith(FoiOptions.class.getPackageName()))
        .toList();
  }

  /** An option's value as the command line spells it (a list comma-separated). */
  static String text(Object value) {
    return value instanceof List<?> values
        ? values.stream().map(String::valueOf).collect(Collectors.joining(","))
        : String.valueOf(value);
  }

  /** foiwatch's options, read through their getters. */
  private static Map<String, String> foiwatchOptions(FoiOptions options) {
    Map<String, String> values = new TreeMap<>();
    for (Method getter : foiwatchGetters()) {
      String property = getter.getName().replaceFirst("^(get|is)", "");
      try {
        values.put(Character.toLowerCase(property.charAt(0)) + property.substring(1), text(getter.invoke(options)));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("option " + property + " cannot be read", e);
      }
    }
    return values;
  }
}
