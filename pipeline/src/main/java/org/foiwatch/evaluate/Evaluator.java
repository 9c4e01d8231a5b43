package org.foiwatch.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Scores a run's records against a truth file (one JSON object per document: file, authority,
 * foi_reference, outcome, mentions of vendor/model/quantity): precision, recall and F1 for
 * vendors and (vendor, model) pairs, quantity accuracy, and FOI-field accuracy. Documents are
 * matched by file name; equipment found in attachments counts for its input file.
 */
public final class Evaluator {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The figures of one evaluation. */
  public record Scores(
      double vendorPrecision, double vendorRecall, double vendorF1,
      double modelPrecision, double modelRecall, double modelF1,
      double quantityAccuracy, double authorityAccuracy, double referenceAccuracy, double outcomeAccuracy,
      double responseDateAccuracy,
      List<String> missedModels, List<String> extraModels, List<String> wrongQuantities) {

    public void print(PrintStream out) {
      out.printf(Locale.ROOT, "vendor    P %.3f  R %.3f  F1 %.3f%n", vendorPrecision, vendorRecall, vendorF1);
      out.printf(Locale.ROOT, "model     P %.3f  R %.3f  F1 %.3f%n", modelPrecision, modelRecall, modelF1);
      out.printf(Locale.ROOT, "quantity  accuracy %.3f%n", quantityAccuracy);
      out.printf(Locale.ROOT, "authority %.3f  foi_reference %.3f  outcome %.3f  response_date %.3f%n",
          authorityAccuracy, referenceAccuracy, outcomeAccuracy, responseDateAccuracy);
      print(out, "missed models", missedModels);
      print(out, "extra models", extraModels);
      print(out, "wrong quantities (key: truth -> got)", wrongQuantities);
    }

    private static void print(PrintStream out, String title, List<String> rows) {
      if (!rows.isEmpty()) {
        out.println(title + ":");
        rows.forEach(row -> out.println("  " + row));
      }
    }
  }

  private Evaluator() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: evaluate.sh TRUTH.jsonl OUTPUT_DIR");
      System.exit(2);
    }
    evaluate(Path.of(args[0]), Path.of(args[1])).print(System.out);
  }

  public static Scores evaluate(Path truthFile, Path outputDirectory) throws IOException {
    Map<String, JsonNode> truth = new HashMap<>();
    for (JsonNode row : readLines(truthFile)) {
      truth.put(fileName(row.get("file").asText()), row);
    }
    Set<String> truthVendors = new HashSet<>();
    Set<String> truthModels = new HashSet<>();
    Map<String, Integer> truthQuantities = new HashMap<>();
    truth.forEach((file, row) -> row.get("mentions").forEach(mention -> {
      String vendor = file + "|" + vendorKey(mention.get("vendor").asText());
      truthVendors.add(vendor);
      String model = modelKey(text(mention, "model"));
      if (model != null) {
        truthModels.add(vendor + "|" + model);
      }
      if (text(mention, "quantity") != null) {
        truthQuantities.put(vendor + "|" + model, mention.get("quantity").asInt());
      }
    }));

    Set<String> foundVendors = new HashSet<>();
    Set<String> foundModels = new HashSet<>();
    Map<String, Integer> foundQuantities = new HashMap<>();
    for (JsonNode equipment : records(outputDirectory, "equipment")) {
      String file = fileName(equipment.get("source").asText());
      if (!truth.containsKey(file)) {
        continue;
      }
      String vendor = file + "|" + vendorKey(equipment.get("vendor").asText());
      foundVendors.add(vendor);
      String model = modelKey(text(equipment, "model"));
      if (model != null) {
        foundModels.add(vendor + "|" + model);
      }
      if (text(equipment, "quantity") != null) {
        foundQuantities.merge(vendor + "|" + model, equipment.get("quantity").asInt(), Integer::sum);
      }
    }
    Map<String, JsonNode> documents = new HashMap<>();
    for (JsonNode document : records(outputDirectory, "documents")) {
      if (document.get("attachment").isNull()) {
        documents.putIfAbsent(fileName(document.get("source").asText()), document);
      }
    }

    double[] vendor = prf(foundVendors, truthVendors);
    double[] model = prf(foundModels, truthModels);
    long rightQuantities = truthQuantities.entrySet().stream()
        .filter(e -> e.getValue().equals(foundQuantities.get(e.getKey()))).count();
    List<String> wrong = truthQuantities.entrySet().stream()
        .filter(e -> !e.getValue().equals(foundQuantities.get(e.getKey())))
        .map(e -> e.getKey() + ": " + e.getValue() + " -> " + foundQuantities.get(e.getKey())).sorted().toList();
    return new Scores(vendor[0], vendor[1], vendor[2], model[0], model[1], model[2],
        truthQuantities.isEmpty() ? 1.0 : (double) rightQuantities / truthQuantities.size(),
        fieldAccuracy(truth, documents, "authority"), fieldAccuracy(truth, documents, "foi_reference"),
        fieldAccuracy(truth, documents, "outcome"), fieldAccuracy(truth, documents, "response_date"),
        difference(truthModels, foundModels), difference(foundModels, truthModels), wrong);
  }

  private static double fieldAccuracy(Map<String, JsonNode> truth, Map<String, JsonNode> documents, String field) {
    int scored = 0;
    int right = 0;
    for (Map.Entry<String, JsonNode> entry : truth.entrySet()) {
      String expected = text(entry.getValue(), field);
      if (expected == null) {
        continue;
      }
      scored++;
      JsonNode document = documents.get(entry.getKey());
      String found = document == null ? null : text(document, field);
      if (found != null && textKey(found).equals(textKey(expected))) {
        right++;
      }
    }
    return scored == 0 ? 1.0 : (double) right / scored;
  }

  private static double[] prf(Set<String> found, Set<String> truth) {
    long hits = found.stream().filter(truth::contains).count();
    double precision = found.isEmpty() ? (truth.isEmpty() ? 1 : 0) : (double) hits / found.size();
    double recall = truth.isEmpty() ? 1 : (double) hits / truth.size();
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new double[] {precision, recall, f1};
  }

  private static List<String> difference(Set<String> a, Set<String> b) {
    return a.stream().filter(key -> !b.contains(key)).sorted().toList();
  }

  static String vendorKey(String vendor) {
    return textKey(vendor);
  }

  static String modelKey(String model) {
    return model == null ? null : model.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
  }

  private static String textKey(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static String fileName(String path) {
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  private static List<JsonNode> records(Path directory, String prefix) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)
          && f.getFileName().toString().endsWith(".jsonl")).sorted().toList()) {
        rows.addAll(readLines(file));
      }
    }
    return rows;
  }

  private static List<JsonNode> readLines(Path file) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) {
        rows.add(JSON.readTree(line));
      }
    }
    return rows;
  }
}
