package org.foiwatch.ingest;

import java.io.Serializable;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.apache.beam.sdk.options.Default;

/**
 * The limits one parse runs under; each comes from a pipeline option ({@link ParserOptions}).
 *
 * @param isolated parse in a forked JVM (tika-pipes) that is killed and restarted on a timeout,
 *     out-of-memory or crash; false parses in the worker's own JVM
 */
public record ParserLimits(
    long maxFileBytes,
    int maxCharsPerDocument,
    int maxAttachments,
    int maxAttachmentDepth,
    int maxRowsPerSheet,
    long maxCompressionRatio,
    int parseTimeoutSeconds,
    int parseMemoryMb,
    long pdfMaxMainMemoryBytes,
    boolean isolated)
    implements Serializable {

  /** The limits the options ask for. */
  public static ParserLimits from(ParserOptions options) {
    return new ParserLimits(options.getMaxFileBytes(), options.getMaxCharsPerDocument(), options.getMaxAttachments(),
        options.getMaxAttachmentDepth(), options.getMaxRowsPerSheet(), options.getMaxCompressionRatio(),
        options.getParseTimeoutSeconds(), options.getParseMemoryMb(), options.getPdfMaxMainMemoryBytes(),
        options.getIsolateParsing());
  }

  /**
   * The limits of a run that sets none: the options' defaults, read from their annotations.
   * Beam's options factory would give the same, but its first use loads and scans Beam's
   * registrars for about a second of CPU, which code outside a pipeline (the benchmark's loop,
   * tests) need not pay.
   */
  public static ParserLimits defaults() {
    return from((ParserOptions) Proxy.newProxyInstance(ParserOptions.class.getClassLoader(),
        new Class<?>[] {ParserOptions.class}, (proxy, getter, args) -> defaultOf(getter)));
  }

  private static Object defaultOf(Method getter) {
    if (getter.isAnnotationPresent(Default.Long.class)) {
      return getter.getAnnotation(Default.Long.class).value();
    }
    if (getter.isAnnotationPresent(Default.Integer.class)) {
      return getter.getAnnotation(Default.Integer.class).value();
    }
    if (getter.isAnnotationPresent(Default.Boolean.class)) {
      return getter.getAnnotation(Default.Boolean.class).value();
    }
    throw new IllegalStateException("ParserOptions." + getter.getName() + " has no default");
  }

  public ParserLimits withTimeoutSeconds(int seconds) {
    return new ParserLimits(maxFileBytes, maxCharsPerDocument, maxAttachments, maxAttachmentDepth, maxRowsPerSheet,
        maxCompressionRatio, seconds, parseMemoryMb, pdfMaxMainMemoryBytes, isolated);
  }

  public ParserLimits withMemoryMb(int megabytes) {
    return new ParserLimits(maxFileBytes, maxCharsPerDocument, maxAttachments, maxAttachmentDepth, maxRowsPerSheet,
        maxCompressionRatio, parseTimeoutSeconds, megabytes, pdfMaxMainMemoryBytes, isolated);
  }

  public ParserLimits withIsolation(boolean forked) {
    return new ParserLimits(maxFileBytes, maxCharsPerDocument, maxAttachments, maxAttachmentDepth, maxRowsPerSheet,
        maxCompressionRatio, parseTimeoutSeconds, parseMemoryMb, pdfMaxMainMemoryBytes, forked);
  }
}
