package org.foiwatch.markup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Templates are filled completely or not at all, and text is escaped for HTML and XML alike. */
class MarkupTest {

  /** A template the code ships: the forked parsers' section of the Tika configuration. */
  private static final Class<?> OWNER = org.foiwatch.ingest.ParserLimits.class;
  private static final String PIPES = "tika-config-pipes.xml";
  private static final Map<String, String> PIPES_VALUES = Map.of("numClients", "3", "javaPath", "/usr/bin/java",
      "timeoutMillis", "5000", "forkedJvmArgs", "", "fetcher", "fs");

  @Test
  void escapesEveryCharacterThatMeansSomethingInMarkup() {
    assertEquals("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;", Markup.escape("<a href=\"x\">Tom & Jerry's</a>"));
  }

  @Test
  void fillsEverySlotWithItsValue() {
    String xml = Markup.fill(OWNER, PIPES, PIPES_VALUES);
    assertTrue(xml.contains("<numClients>3</numClients>") && xml.contains("<javaPath>/usr/bin/java</javaPath>"), xml);
    assertFalse(xml.contains("{{"), xml);
  }

  @Test
  void aSlotWithoutValueOrAValueWithoutSlotIsRefused() {
    Map<String, String> missing = new HashMap<>(PIPES_VALUES);
    missing.remove("fetcher");
    assertThrows(IllegalArgumentException.class, () -> Markup.fill(OWNER, PIPES, missing));
    Map<String, String> extra = new HashMap<>(PIPES_VALUES);
    extra.put("colour", "red");
    assertThrows(IllegalArgumentException.class, () -> Markup.fill(OWNER, PIPES, extra));
  }
}
