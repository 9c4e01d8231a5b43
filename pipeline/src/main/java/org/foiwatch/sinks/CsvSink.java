package org.foiwatch.sinks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.beam.sdk.io.FileIO;
import org.foiwatch.json.RecordJson;

/**
 * CSV as RFC 4180 has it: a header row of the schema's field names in schema order, CRLF line
 * ends, UTF-8, fields quoted when they hold a comma, a quote or a line break. Lists of values
 * are joined with "; "; nested records are written as JSON. Text cells that a spreadsheet would
 * run as a formula are neutralised (OWASP "CSV injection"): one leading apostrophe is added.
 */
final class CsvSink<T extends SpecificRecord> implements FileIO.Sink<T> {

  private final Class<T> recordClass;
  private transient Writer out;

  CsvSink(Class<T> recordClass) {
    this.recordClass = recordClass;
  }

  @Override
  public void open(WritableByteChannel channel) throws IOException {
    out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8));
    Schema schema = SpecificData.get().getSchema(recordClass);
    out.write(schema.getFields().stream().map(f -> quoted(f.name())).collect(Collectors.joining(",")));
    out.write("\r\n");
  }

  @Override
  public void write(T record) throws IOException {
    StringBuilder line = new StringBuilder();
    for (Schema.Field field : record.getSchema().getFields()) {
      if (field.pos() > 0) {
        line.append(',');
      }
      line.append(cell(record.get(field.pos())));
    }
    out.write(line.append("\r\n").toString());
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  /** One value as a CSV cell: empty for null, numbers and booleans as they are, text made safe. */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof Collection<?> values) {
      boolean records = values.stream().anyMatch(v -> v instanceof IndexedRecord);
      return quoted(formulaSafe(records ? RecordJson.valueToJson(value)
          : values.stream().map(String::valueOf).collect(Collectors.joining("; "))));
    }
    return quoted(formulaSafe(value.toString()));
  }

  private static String formulaSafe(String text) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }

  private static String quoted(String text) {
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
