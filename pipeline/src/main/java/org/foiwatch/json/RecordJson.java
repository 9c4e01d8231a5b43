package org.foiwatch.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * One record as one JSON line, fields in schema order, nulls written as null: the JSON Lines
 * sink writes it, and the external sort breaks ties on it, so it sits below both.
 */
public final class RecordJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  private RecordJson() {}

  public static String toJson(IndexedRecord record) {
    return valueToJson(record);
  }

  /** Any record value (a record, a list, a scalar) as JSON, the way {@link #toJson} writes it. */
  public static String valueToJson(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      write(json, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void write(JsonGenerator json, Object value) throws IOException {
    if (value instanceof IndexedRecord record) {
      json.writeStartObject();
      for (Schema.Field field : record.getSchema().getFields()) {
        json.writeFieldName(field.name());
        write(json, record.get(field.pos()));
      }
      json.writeEndObject();
    } else if (value == null) {
      json.writeNull();
    } else if (value instanceof Integer number) {
      json.writeNumber(number);
    } else if (value instanceof Long number) {
      json.writeNumber(number);
    } else if (value instanceof Double number) {
      json.writeNumber(number);
    } else if (value instanceof Boolean flag) {
      json.writeBoolean(flag);
    } else if (value instanceof Collection<?> values) {
      json.writeStartArray();
      for (Object item : values) {
        write(json, item);
      }
      json.writeEndArray();
    } else {
      json.writeString(value.toString());
    }
  }
}
