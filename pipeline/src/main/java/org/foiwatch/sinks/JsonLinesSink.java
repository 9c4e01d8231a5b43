package org.foiwatch.sinks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import org.apache.avro.generic.IndexedRecord;
import org.apache.beam.sdk.io.FileIO;
import org.foiwatch.json.RecordJson;

/** One record per line as JSON ({@link RecordJson}), UTF-8, {@code \n} after every line. */
final class JsonLinesSink<T extends IndexedRecord> implements FileIO.Sink<T> {

  private transient OutputStream out;

  @Override
  public void open(WritableByteChannel channel) {
    out = Channels.newOutputStream(channel);
  }

  @Override
  public void write(T record) throws IOException {
    out.write(RecordJson.toJson(record).getBytes(StandardCharsets.UTF_8));
    out.write('\n');
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }
}
