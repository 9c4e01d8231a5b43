package org.foiwatch.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.values.KV;

/** Encodes an input file's {@link RecordBuilder.Records} as three lists of Avro records. */
public final class RecordsCoder extends AtomicCoder<RecordBuilder.Records> {

  private static final RecordsCoder INSTANCE = new RecordsCoder();
  private static final Coder<List<DocumentRecord>> DOCUMENTS = ListCoder.of(AvroCoder.specific(DocumentRecord.class));
  private static final Coder<List<MentionRecord>> MENTIONS = ListCoder.of(AvroCoder.specific(MentionRecord.class));
  private static final Coder<List<EquipmentRecord>> EQUIPMENT = ListCoder.of(AvroCoder.specific(EquipmentRecord.class));

  private RecordsCoder() {}

  public static RecordsCoder of() {
    return INSTANCE;
  }

  /** For (source, records of that input file). */
  public static Coder<KV<String, RecordBuilder.Records>> perInputFile() {
    return KvCoder.of(StringUtf8Coder.of(), INSTANCE);
  }

  @Override
  public void encode(RecordBuilder.Records records, OutputStream out) throws IOException {
    DOCUMENTS.encode(records.documents(), out);
    MENTIONS.encode(records.mentions(), out);
    EQUIPMENT.encode(records.equipment(), out);
  }

  @Override
  public RecordBuilder.Records decode(InputStream in) throws IOException {
    return new RecordBuilder.Records(DOCUMENTS.decode(in), MENTIONS.decode(in), EQUIPMENT.decode(in));
  }
}
