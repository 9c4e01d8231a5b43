package org.foiwatch.markup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTML and XML from templates on the class path: the one escaper and the one way to fill a template. */
public final class Markup {

  private static final Pattern SLOT = Pattern.compile("\\{\\{([A-Za-z]+)}}");

  private Markup() {}

  /** {@code text} as HTML or XML character data or attribute value. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The template {@code resource} (next to {@code owner} on the class path) with each {@code
   * {{name}}} slot replaced by {@code values.get(name)}, inserted as given (escape text first).
   * A slot without a value, or a value without a slot, is a mistake in the code: it throws.
   */
  public static String fill(Class<?> owner, String resource, Map<String, String> values) {
    String template = read(owner, resource);
    Set<String> unused = new HashSet<>(values.keySet());
    Matcher slot = SLOT.matcher(template);
    StringBuilder filled = new StringBuilder(template.length());
    while (slot.find()) {
      String value = values.get(slot.group(1));
      if (value == null) {
        throw new IllegalArgumentException(resource + " has a slot {{" + slot.group(1) + "}} with no value");
      }
      unused.remove(slot.group(1));
      slot.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    if (!unused.isEmpty()) {
      throw new IllegalArgumentException(resource + " has no slot for " + unused);
    }
    return slot.appendTail(filled).toString();
  }

  private static String read(Class<?> owner, String resource) {
    try (InputStream in = owner.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no resource " + resource + " next to " + owner.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
