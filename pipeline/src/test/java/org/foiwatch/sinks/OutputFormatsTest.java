package org.foiwatch.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.foiwatch.FoiOptions;
import org.foiwatch.FoiPipeline;
import org.foiwatch.json.RecordJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the pipeline on samples/docs with every format and reads each file back with an
 * independent reader (Jackson, Avro's DataFileReader, parquet-avro, commons-csv), checking it
 * against the Avro schema in schemas/ and against the JSON Lines records.
 */
class OutputFormatsTest {

  private static final Path SAMPLES = Path.of("..", "samples", "docs");
  private static final Path SCHEMAS = Path.of("..", "schemas");
  private static final Map<String, String> SCHEMA_FILES =
      Map.of("documents", "document.avsc", "mentions", "mention.avsc", "equipment", "equipment.avsc", "summary", "summary.avsc");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path output;

  @BeforeAll
  static void runPipeline() {
    assertEquals(0, run(output, "--formats=jsonl,csv,avro,parquet"));
  }

  static int run(Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("--input=" + SAMPLES, "--output=" + out));
    args.addAll(List.of(extra));
    FoiOptions options = PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(FoiOptions.class);
    return FoiPipeline.run(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  private static Schema schema(String name) throws Exception {
    return new Schema.Parser().parse(SCHEMAS.resolve(SCHEMA_FILES.get(name)).toFile());
  }

  private static List<String> jsonl(Path directory, String name) throws Exception {
    return Files.readAllLines(directory.resolve(name + ".jsonl"), StandardCharsets.UTF_8);
  }

  @Test
  void everyJsonLineConformsToItsSchema() throws Exception {
    for (String name : SCHEMA_FILES.keySet()) {
      Schema schema = schema(name);
      List<String> lines = jsonl(output, name);
      assertTrue(!lines.isEmpty(), name);
      for (String line : lines) {
        conforms(schema, JSON.readTree(line), name + ": " + line);
      }
    }
  }

  @Test
  void avroFilesCarryTheSchemaAndTheSameRecords() throws Exception {
    for (String name : SCHEMA_FILES.keySet()) {
      List<String> records = new ArrayList<>();
      try (DataFileReader<GenericRecord> reader = new DataFileReader<>(
          output.resolve(name + ".avro").toFile(), new GenericDatumReader<>())) {
        assertSameSchema(schema(name), reader.getSchema());
        reader.forEach(r -> records.add(RecordJson.toJson(r)));
      }
      assertEquals(jsonl(output, name), records, name);
    }
  }

  @Test
  void parquetFilesCarryTheSchemaAndTheSameRecords() throws Exception {
    for (String name : SCHEMA_FILES.keySet()) {
      LocalInputFile file = new LocalInputFile(output.resolve(name + ".parquet"));
      try (ParquetFileReader footer = ParquetFileReader.open(file)) {
        String avroSchema = footer.getFooter().getFileMetaData().getKeyValueMetaData().get("parquet.avro.schema");
        assertSameSchema(schema(name), new Schema.Parser().parse(avroSchema));
      }
      List<String> records = new ArrayList<>();
      try (ParquetReader<GenericRecord> reader =
          AvroParquetReader.<GenericRecord>builder(file, new PlainParquetConfiguration()).build()) {
        for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
          records.add(RecordJson.toJson(record));
        }
      }
      assertEquals(jsonl(output, name), records, name);
    }
  }

  /**
   * parquet-mr lists encodings in HashSet order, which differs from one JVM to the next; the
   * sink sorts them, so identical runs write identical bytes (one JVM alone cannot show the drift).
   */
  @Test
  void parquetFootersListEncodingsInOrder() throws Exception {
    for (String name : SCHEMA_FILES.keySet()) {
      byte[] bytes = Files.readAllBytes(output.resolve(name + ".parquet"));
      int length = ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
      FileMetaData footer = Util.readFileMetaData(new ByteArrayInputStream(bytes, bytes.length - 8 - length, length));
      assertTrue(footer.getRow_groups().size() > 0, name);
      for (RowGroup group : footer.getRow_groups()) {
        for (ColumnChunk column : group.getColumns()) {
          List<Integer> encodings = column.getMeta_data().getEncodings().stream().map(Encoding::getValue).toList();
          assertEquals(encodings.stream().sorted().toList(), encodings, name + " " + column.getMeta_data().getPath_in_schema());
        }
      }
    }
  }

  @Test
  void csvFilesHaveTheSchemaColumnsAndTheSameValues() throws Exception {
    for (String name : SCHEMA_FILES.keySet()) {
      List<String> columns = schema(name).getFields().stream().map(Schema.Field::name).toList();
      List<String> lines = jsonl(output, name);
      try (Reader in = Files.newBufferedReader(output.resolve(name + ".csv"), StandardCharsets.UTF_8);
          CSVParser csv = CSVFormat.RFC4180.builder().setHeader().get().parse(in)) {
        assertEquals(columns, csv.getHeaderNames(), name);
        List<CSVRecord> rows = csv.getRecords();
        assertEquals(lines.size(), rows.size(), name);
        for (int i = 0; i < rows.size(); i++) {
          JsonNode record = JSON.readTree(lines.get(i));
          for (String column : columns) {
            assertEquals(expectedCell(record.get(column)), rows.get(i).get(column), name + "." + column + " row " + i);
          }
        }
      }
    }
  }

  @Test
  void csvFilesAreUtf8WithCrlfLineEnds() throws Exception {
    byte[] bytes = Files.readAllBytes(output.resolve("mentions.csv"));
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertTrue(text.startsWith("mention_id,document_id,source,"), text.substring(0, 40));
    assertTrue(text.endsWith("\r\n"));
    assertEquals(new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8).length, bytes.length);
  }

  @Test
  void summaryFiguresAddUpFromTheDocumentsAndEquipment() throws Exception {
    Map<String, String> authorityOfSource = new TreeMap<>();
    for (String line : jsonl(output, "documents")) {
      JsonNode document = JSON.readTree(line);
      if (document.get("attachment").isNull()) {
        authorityOfSource.put(document.get("source").asText(), document.get("authority").asText("(none)"));
      }
    }
    Map<String, Integer> total = new TreeMap<>();
    Map<String, Integer> restricted = new TreeMap<>();
    for (String line : jsonl(output, "equipment")) {
      JsonNode item = JSON.readTree(line);
      String authority = authorityOfSource.get(item.get("source").asText());
      int quantity = item.get("quantity").asInt(0);
      total.merge(authority, quantity, Integer::sum);
      restricted.merge(authority, item.get("restricted").isEmpty() ? 0 : quantity, Integer::sum);
    }
    List<String> summary = jsonl(output, "summary");
    assertEquals(authorityOfSource.values().stream().distinct().count(), summary.size());
    int restrictedSeen = 0;
    for (String line : summary) {
      JsonNode row = JSON.readTree(line);
      String authority = row.get("authority").asText("(none)");
      assertEquals(total.getOrDefault(authority, 0), row.get("total_quantity").asInt(0), line);
      assertEquals(restricted.getOrDefault(authority, 0), row.get("restricted_quantity").asInt(), line);
      int vendorSum = 0;
      for (JsonNode vendor : row.get("vendors")) {
        vendorSum += vendor.get("quantity").asInt(0);
        assertTrue(vendor.get("mention_ids").size() > 0, line);
      }
      assertEquals(row.get("total_quantity").asInt(0), vendorSum, line);
      restrictedSeen += row.get("restricted_quantity").asInt();
    }
    assertTrue(restrictedSeen > 0, "the samples include restricted vendors with stated quantities");
  }

  @Test
  void aboveRecordsPerShardTheSortedRecordsAreCutIntoConsecutiveShards(@TempDir Path sharded) throws Exception {
    // One more record per shard than there are authorities: mentions are cut, the summary (one per authority) is not.
    int perShard = jsonl(output, "summary").size() + 1;
    List<String> mentions = jsonl(output, "mentions");
    assertTrue(mentions.size() > perShard, "the samples have more mentions than authorities");
    assertEquals(0, run(sharded, "--formats=jsonl,csv,parquet", "--recordsPerShard=" + perShard));
    int shards = (mentions.size() + perShard - 1) / perShard;
    List<String> fromShards = new ArrayList<>();
    for (int shard = 0; shard < shards; shard++) {
      String base = String.format("mentions-%05d-of-%05d", shard, shards);
      for (String extension : List.of("jsonl", "csv", "parquet")) {
        assertTrue(Files.exists(sharded.resolve(base + "." + extension)), base + "." + extension);
      }
      fromShards.addAll(Files.readAllLines(sharded.resolve(base + ".jsonl")));
    }
    try (Stream<Path> files = Files.list(sharded)) {
      assertEquals(shards, files.filter(f -> f.getFileName().toString().matches("mentions.*\\.jsonl")).count());
    }
    assertEquals(mentions, fromShards);
    // Small kinds stay single files.
    assertTrue(Files.exists(sharded.resolve("summary.csv")), "summary has fewer than " + perShard + " records");
  }

  @Test
  void recordFilesOfAnEarlierRunAreReplacedAndTheUsersOwnFilesKept(@TempDir Path out) throws Exception {
    Files.writeString(out.resolve("mentions-00002-of-00003.jsonl"), "{}\n");
    Files.writeString(out.resolve("equipment.avro"), "earlier run");
    Files.writeString(out.resolve("notes.txt"), "the user's own file");
    assertEquals(0, run(out));
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(List.of("documents.csv", "documents.jsonl", "documents.parquet", "equipment.csv", "equipment.jsonl",
          "equipment.parquet", "mentions.csv", "mentions.jsonl", "mentions.parquet", "notes.txt", "report.html", "run.json",
          "summary.csv", "summary.jsonl", "summary.parquet"),
          files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList()));
    }
  }

  /** Same types, names and field docs; the generated classes only add Java's string-type hint. */
  private static void assertSameSchema(Schema expected, Schema actual) {
    assertEquals(SchemaNormalization.toParsingForm(expected), SchemaNormalization.toParsingForm(actual));
    assertEquals(expected.getFields().stream().map(Schema.Field::doc).toList(),
        actual.getFields().stream().map(Schema.Field::doc).toList());
  }

  /** What CsvSink must write for a JSON value of the record. */
  private static String expectedCell(JsonNode value) {
    if (value.isNull()) {
      return "";
    }
    if (value.isNumber() || value.isBoolean()) {
      return value.asText();
    }
    String text;
    if (value.isArray()) {
      boolean records = value.size() > 0 && value.get(0).isObject();
      List<String> items = new ArrayList<>();
      value.forEach(v -> items.add(v.asText()));
      text = records ? value.toString() : String.join("; ", items);
    } else {
      text = value.asText();
    }
    return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }

  private static void conforms(Schema schema, JsonNode value, String where) {
    switch (schema.getType()) {
      case UNION -> {
        if (value.isNull()) {
          assertTrue(schema.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL), where);
        } else {
          conforms(schema.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElseThrow(), value, where);
        }
      }
      case NULL -> assertTrue(value.isNull(), where);
      case STRING -> assertTrue(value.isTextual(), where);
      case INT -> assertTrue(value.isInt(), where);
      case LONG -> assertTrue(value.isIntegralNumber(), where);
      case DOUBLE -> assertTrue(value.isNumber(), where);
      case BOOLEAN -> assertTrue(value.isBoolean(), where);
      case ARRAY -> {
        assertTrue(value.isArray(), where);
        value.forEach(item -> conforms(schema.getElementType(), item, where));
      }
      case RECORD -> {
        assertTrue(value.isObject(), where);
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
          names.add(it.next());
        }
        assertEquals(schema.getFields().stream().map(Schema.Field::name).toList(), names, where);
        schema.getFields().forEach(f -> conforms(f.schema(), value.get(f.name()), where + " ." + f.name()));
      }
      default -> fail("type not used by foiwatch's schemas: " + schema.getType() + " at " + where);
    }
  }
}
