package org.foiwatch.records;

import java.util.Set;

/**
 * Which documents a reader is told could not be read: every status but parsed and truncated,
 * except an image inside another file (a Word thumbnail, a letterhead logo, a signature) that
 * OCR read and found without text. Such an image is still recorded (status empty) and counted
 * apart, never as a failure: it held nothing to read.
 */
public final class Unread {

  private static final Set<String> READ = Set.of("parsed", "truncated");

  private Unread() {}

  public static boolean isTextlessImage(String status, String attachment, String mediaType, String ocr) {
    return "empty".equals(status) && attachment != null && mediaType != null && mediaType.startsWith("image/")
        && "ran".equals(ocr);
  }

  public static boolean failed(String status, String attachment, String mediaType, String ocr) {
    return !READ.contains(status) && !isTextlessImage(status, attachment, mediaType, ocr);
  }
}
