package org.foiwatch.sinks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * The records a run wrote, read back one kind ({@link WriteOutputs#NAMES}) at a time, whatever
 * shards they were cut into. What runs after the pipeline reads them here, so only this class
 * knows which written format it reads them from: JSON Lines, which every run writes.
 */
public final class WrittenRecords {

  private static final ObjectMapper JSON = new ObjectMapper();

  private WrittenRecords() {}

  /** Hands each record of one kind to {@code action}, one at a time: a national run's records need not fit in memory. */
  public static void forEach(String directory, String kind, Consumer<JsonNode> action) throws IOException {
    forEachLine(directory, kind, line -> {
      try {
        action.accept(JSON.readTree(line));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The records of one kind, all in memory: for the small kinds only (the summary). */
  public static List<JsonNode> all(String directory, String kind) throws IOException {
    List<JsonNode> records = new ArrayList<>();
    forEach(directory, kind, records::add);
    return records;
  }

  /** How many records of one kind there are, without reading them. */
  public static int count(String directory, String kind) throws IOException {
    int[] lines = {0};
    forEachLine(directory, kind, line -> lines[0]++);
    return lines[0];
  }

  private static void forEachLine(String directory, String kind, Consumer<String> action) throws IOException {
    List<ResourceId> files = WriteRecords.existingFiles(directory, kind, RecordFormat.JSONL);
    if (files.isEmpty()) {
      throw new IOException("no " + kind + ".jsonl in " + directory);
    }
    for (ResourceId file : files) {
      try (BufferedReader reader = new BufferedReader(
          new InputStreamReader(Channels.newInputStream(FileSystems.open(file)), StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          if (!line.isBlank()) {
            action.accept(line);
          }
        }
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
  }
}
