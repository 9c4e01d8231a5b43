package org.foiwatch.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.hpsf.ClassID;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.foiwatch.testing.Fixtures.Attachment;
import org.foiwatch.testing.Fixtures.Mail;

/**
 * Outlook .msg files, as Outlook's "Save As" writes them (MS-OXMSG): an OLE2 compound file
 * holding the message's MAPI properties, one storage per recipient and per attachment. POI
 * reads .msg but cannot write it; this writes the few properties a reader needs. Deterministic:
 * the compound file carries no timestamps.
 */
public final class OutlookMessages {

  private static final int PT_LONG = 0x0003;
  private static final int PT_SYSTIME = 0x0040;
  private static final int PT_UNICODE = 0x001F;
  private static final int PT_BINARY = 0x0102;
  private static final int ATTACH_BY_VALUE = 1;
  private static final int MAPI_TO = 1;
  private static final Pattern NAME_AND_ADDRESS = Pattern.compile("(.*?)\\s*<([^>]+)>");
  /** Milliseconds from 1601-01-01 (FILETIME's epoch) to 1970-01-01. */
  private static final long FILETIME_EPOCH_OFFSET_MILLIS = 11_644_473_600_000L;
  /** The storage class of a message saved by Outlook. */
  private static final ClassID MESSAGE_CLASS = new ClassID("{00020D0B-0000-0000-C000-000000000046}");

  private record Property(int id, int type, Object value) {}

  private OutlookMessages() {}

  /** A plain-text message from {@code mail.from()} to {@code mail.to()}, sent at {@code mail.date()}, with attachments. */
  public static byte[] msg(Mail mail, String body, List<Attachment> attachments) {
    long sent = filetime(mail.date());
    String[] from = nameAndAddress(mail.from());
    String[] to = nameAndAddress(mail.to());
    try (POIFSFileSystem file = new POIFSFileSystem()) {
      DirectoryEntry root = file.getRoot();
      root.setStorageClsid(MESSAGE_CLASS);
      // The top-level header: 8 reserved bytes, next recipient and attachment ids, their counts, 8 reserved.
      ByteBuffer header = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN)
          .putLong(0).putInt(1).putInt(attachments.size()).putInt(1).putInt(attachments.size()).putLong(0);
      write(root, header.array(), List.of(
          new Property(0x001A, PT_UNICODE, "IPM.Note"), // message class
          new Property(0x0037, PT_UNICODE, mail.subject()),
          new Property(0x0039, PT_SYSTIME, sent), // client submit time
          new Property(0x0E06, PT_SYSTIME, sent), // delivery time
          new Property(0x1035, PT_UNICODE, mail.messageId()),
          new Property(0x0C1A, PT_UNICODE, from[0]), // sender name
          new Property(0x0C1E, PT_UNICODE, "SMTP"),
          new Property(0x0C1F, PT_UNICODE, from[1]),
          new Property(0x0E04, PT_UNICODE, to[0]), // display to
          new Property(0x1000, PT_UNICODE, body.replace("\r\n", "\n").replace("\n", "\r\n"))));
      // Named properties: the streams are required even when no names are used.
      DirectoryEntry names = root.createDirectory("__nameid_version1.0");
      for (String stream : List.of("__substg1.0_00020102", "__substg1.0_00030102", "__substg1.0_00040102")) {
        names.createDocument(stream, new ByteArrayInputStream(new byte[0]));
      }
      write(root.createDirectory("__recip_version1.0_#00000000"), new byte[8], List.of(
          new Property(0x0C15, PT_LONG, MAPI_TO), // recipient type
          new Property(0x3001, PT_UNICODE, to[0]),
          new Property(0x3002, PT_UNICODE, "SMTP"),
          new Property(0x3003, PT_UNICODE, to[1]),
          new Property(0x39FE, PT_UNICODE, to[1])));
      for (int i = 0; i < attachments.size(); i++) {
        Attachment attachment = attachments.get(i);
        write(root.createDirectory(String.format("__attach_version1.0_#%08X", i)), new byte[8], List.of(
            new Property(0x3705, PT_LONG, ATTACH_BY_VALUE),
            new Property(0x3001, PT_UNICODE, attachment.filename()), // display name
            new Property(0x3704, PT_UNICODE, attachment.filename()), // 8.3 name, as Outlook fills it for long names too
            new Property(0x3707, PT_UNICODE, attachment.filename()), // long file name
            new Property(0x370E, PT_UNICODE, attachment.contentType()),
            new Property(0x3701, PT_BINARY, attachment.bytes())));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      file.writeFilesystem(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A storage's properties: fixed-size values inline in its __properties_version1.0 stream (after
   * {@code header}), strings and binaries each in a __substg1.0_IIIITTTT stream with their size inline.
   */
  private static void write(DirectoryEntry storage, byte[] header, List<Property> properties) throws IOException {
    ByteBuffer table = ByteBuffer.allocate(header.length + 16 * properties.size()).order(ByteOrder.LITTLE_ENDIAN).put(header);
    for (Property property : properties) {
      table.putInt(property.id() << 16 | property.type()).putInt(0x6); // flags: readable, writable
      switch (property.type()) {
        case PT_LONG -> table.putInt((Integer) property.value()).putInt(0);
        case PT_SYSTIME -> table.putLong((Long) property.value());
        default -> {
          byte[] bytes = property.type() == PT_UNICODE
              ? (property.value() + "\0").getBytes(StandardCharsets.UTF_16LE)
              : (byte[]) property.value();
          storage.createDocument(String.format("__substg1.0_%04X%04X", property.id(), property.type()),
              new ByteArrayInputStream(bytes));
          table.putInt(bytes.length).putInt(0);
        }
      }
    }
    storage.createDocument("__properties_version1.0", new ByteArrayInputStream(table.array()));
  }

  /** An RFC 822 date as a FILETIME: 100-nanosecond ticks since 1601-01-01 UTC. */
  private static long filetime(String rfc822) {
    long millis = ZonedDateTime.parse(rfc822, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
    return (millis + FILETIME_EPOCH_OFFSET_MILLIS) * 10_000L;
  }

  /** "Name <address>" as {name, address}; a bare address is its own name. */
  private static String[] nameAndAddress(String mailbox) {
    Matcher matcher = NAME_AND_ADDRESS.matcher(mailbox);
    return matcher.matches() ? new String[] {matcher.group(1), matcher.group(2)} : new String[] {mailbox, mailbox};
  }
}
