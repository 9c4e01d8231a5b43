package org.foiwatch.sinks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.Comparator;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.beam.sdk.io.FileIO;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A Parquet file with the record's Avro schema, Snappy-compressed, written to a Beam channel
 * the way Beam's {@code ParquetIO.sink} does (that module is not available here). Lists use
 * Parquet's standard three-level LIST layout, which DuckDB, pandas/pyarrow and R read as lists.
 *
 * <p>Byte-identical for identical records: parquet-mr lists each column's encodings in the
 * footer in {@code HashSet} order, which follows the enum constants' identity hash codes and so
 * changes from one JVM to the next. What the writer emits on close (the last row group and the
 * footer) is held back and the footer written again with each list sorted.
 */
final class ParquetSink<T extends SpecificRecord> implements FileIO.Sink<T> {

  private final Class<T> recordClass;
  private transient ParquetWriter<T> writer;
  private transient FooterSortingStream stream;

  ParquetSink(Class<T> recordClass) {
    this.recordClass = recordClass;
  }

  @Override
  public void open(WritableByteChannel channel) throws IOException {
    Schema schema = SpecificData.get().getSchema(recordClass);
    PlainParquetConfiguration conf = new PlainParquetConfiguration();
    conf.setBoolean(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, false);
    stream = new FooterSortingStream(Channels.newOutputStream(channel));
    writer = AvroParquetWriter.<T>builder(new StreamOutputFile(stream))
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
    stream.holdBack();
    writer.close();
  }

  /** Counts the bytes written; from {@link #holdBack} on, keeps them until close sorts the footer. */
  static final class FooterSortingStream extends PositionOutputStream {
    private static final int TAIL_BYTES = 8; // footer length (int, little-endian) and "PAR1"
    private final OutputStream out;
    private long position;
    private ByteArrayOutputStream held;

    FooterSortingStream(OutputStream out) {
      this.out = out;
    }

    void holdBack() {
      held = new ByteArrayOutputStream();
    }

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void write(int b) throws IOException {
      (held != null ? held : out).write(b);
      position++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      (held != null ? held : out).write(bytes, offset, length);
      position += length;
    }

    @Override
    public void flush() throws IOException {
      if (held == null) {
        out.flush();
      }
    }

    @Override
    public void close() throws IOException {
      if (held != null) {
        out.write(withSortedEncodings(held.toByteArray()));
        held = null;
      }
      out.close();
    }

    /** {@code tail}, which ends with the footer, with every column's encoding list in enum order. */
    static byte[] withSortedEncodings(byte[] tail) throws IOException {
      int footerLength = ByteBuffer.wrap(tail, tail.length - TAIL_BYTES, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
      int footerStart = tail.length - TAIL_BYTES - footerLength;
      FileMetaData footer = Util.readFileMetaData(new ByteArrayInputStream(tail, footerStart, footerLength));
      for (RowGroup group : footer.getRow_groups()) {
        for (ColumnChunk column : group.getColumns()) {
          column.getMeta_data().getEncodings().sort(Comparator.comparingInt(Encoding::getValue));
        }
      }
      ByteArrayOutputStream sorted = new ByteArrayOutputStream(tail.length);
      sorted.write(tail, 0, footerStart);
      Util.writeFileMetaData(footer, sorted);
      int sortedLength = sorted.size() - footerStart;
      sorted.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(sortedLength).array());
      sorted.write(tail, tail.length - 4, 4);
      return sorted.toByteArray();
    }
  }

  private record StreamOutputFile(PositionOutputStream stream) implements OutputFile {
    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return stream;
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
