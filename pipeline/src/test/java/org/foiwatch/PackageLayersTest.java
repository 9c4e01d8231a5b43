package org.foiwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Data flows one way through the packages: a package may name classes of the layers before it
 * in the flow and of the utilities, never of a layer after it, nor the top-level package that
 * assembles them all. Read from the sources, so a back reference fails here, not in review.
 */
class PackageLayersTest {

  private static final Path SOURCES = Path.of("src", "main", "java", "org", "foiwatch");
  /** The flow, first to last. */
  private static final List<String> FLOW = List.of("ingest", "normalise", "extract", "records", "sinks", "report");
  /** Below the flow: they may name each other, nothing of the flow. */
  private static final Set<String> UTILITIES = Set.of("json", "sort", "digest", "markup");
  /** Stands apart: scores written records against labels, names no other package. */
  private static final Set<String> TOOLS = Set.of("evaluate");
  private static final Pattern REFERENCE = Pattern.compile("\\borg\\.foiwatch\\.(?:([a-z]+)\\.)?[A-Z]\\w*");

  @Test
  void everyPackageHasItsPlace() throws IOException {
    Set<String> packages = new TreeSet<>();
    try (Stream<Path> entries = Files.list(SOURCES)) {
      entries.filter(Files::isDirectory).forEach(directory -> packages.add(directory.getFileName().toString()));
    }
    Set<String> placed = new TreeSet<>(FLOW);
    placed.addAll(UTILITIES);
    placed.addAll(TOOLS);
    assertEquals(placed, packages);
  }

  @Test
  void noPackageNamesALayerAfterIt() throws IOException {
    List<String> backReferences = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Path relative = SOURCES.relativize(file);
        if (relative.getNameCount() < 2) {
          continue; // the top-level package assembles the layers and may name any of them
        }
        String from = relative.getName(0).toString();
        Matcher reference = REFERENCE.matcher(Files.readString(file));
        while (reference.find()) {
          String to = reference.group(1) == null ? "(top level)" : reference.group(1);
          if (!allowed(from, to)) {
            backReferences.add(relative + " names " + reference.group());
          }
        }
      }
    }
    assertTrue(backReferences.isEmpty(), String.join("\n", backReferences));
  }

  private static boolean allowed(String from, String to) {
    if (from.equals(to)) {
      return true;
    }
    if (TOOLS.contains(from) || TOOLS.contains(to)) {
      return false;
    }
    if (UTILITIES.contains(to)) {
      return true;
    }
    return FLOW.contains(from) && FLOW.contains(to) && FLOW.indexOf(to) < FLOW.indexOf(from);
  }
}
