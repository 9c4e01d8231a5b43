package org.foiwatch.sinks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.beam.sdk.io.FileIO;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A Parquet file with the record's Avro schema, Snappy-compressed, written to a Beam channel
 * the way Beam's {@code ParquetIO.sink} does (that module is not available here). Lists use
 * Parquet's standard three-level LIST layout, which DuckDB, pandas/pyarrow and R read as lists.
 */
final class ParquetSink<T extends SpecificRecord> implements FileIO.Sink<T> {

  private final Class<T> recordClass;
  private transient ParquetWriter<T> writer;

  ParquetSink(Class<T> recordClass) {
    this.recordClass = recordClass;
  }

  @Override
  public void open(WritableByteChannel channel) throws IOException {
    Schema schema = SpecificData.get().getSchema(recordClass);
    PlainParquetConfiguration conf = new PlainParquetConfiguration();
    conf.setBoolean(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, false);
    writer = AvroParquetWriter.<T>builder(new ChannelOutputFile(Channels.newOutputStream(channel)))
        .withSchema(schema).withDataModel(SpecificData.get()).withConf(conf)
        .withCompressionCodec(CompressionCodecName.SNAPPY).withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .build();
  }

  @Override
  public void write(T record) throws IOException {
    writer.write(record);
  }

  /** Parquet writes its footer on close; the channel is closed with it. */
  @Override
  public void flush() throws IOException {
    writer.close();
  }

  private record ChannelOutputFile(OutputStream out) implements OutputFile {
    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return new PositionOutputStream() {
        private long position;

        @Override
        public long getPos() {
          return position;
        }

        @Override
        public void write(int b) throws IOException {
          out.write(b);
          position++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
          out.write(bytes, offset, length);
          position += length;
        }

        @Override
        public void flush() throws IOException {
          out.flush();
        }

        @Override
        public void close() throws IOException {
          out.close();
        }
      };
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }
  }
}
