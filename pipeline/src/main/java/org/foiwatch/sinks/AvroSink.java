package org.foiwatch.sinks;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.beam.sdk.io.FileIO;
import org.foiwatch.digest.Sha256;

/**
 * An Avro object container file with the record's schema, deflate-compressed. Beam's
 * {@code AvroIO.sink} would do, but Avro picks a random sync marker per file; deriving it from
 * the schema keeps the same records byte-identical across runs.
 */
final class AvroSink<T extends SpecificRecord> implements FileIO.Sink<T> {

  private final Class<T> recordClass;
  private transient DataFileWriter<T> writer;

  AvroSink(Class<T> recordClass) {
    this.recordClass = recordClass;
  }

  @Override
  public void open(WritableByteChannel channel) throws IOException {
    Schema schema = SpecificData.get().getSchema(recordClass);
    writer = new DataFileWriter<>(new SpecificDatumWriter<T>(schema)).setCodec(CodecFactory.deflateCodec(6));
    writer.create(schema, Channels.newOutputStream(channel), syncMarker(schema));
  }

  @Override
  public void write(T record) throws IOException {
    writer.append(record);
  }

  @Override
  public void flush() throws IOException {
    writer.flush();
  }

  private static byte[] syncMarker(Schema schema) {
    byte[] digest = Sha256.newDigest().digest(SchemaNormalization.toParsingForm(schema).getBytes(StandardCharsets.UTF_8));
    return Arrays.copyOf(digest, 16);
  }

}
