package org.foiwatch.ingest;

import java.util.List;
import java.util.Map;

/**
 * One input file or one of its attachments after parsing: identity, status and structure.
 * Attachments are documents of their own, never concatenated into their parent's text.
 *
 * @param metadata selected Tika metadata (title, subject, sender, dates) by our own key names
 * @param ocr what OCR did: which pages' text it read, and how long it took
 */
public record ParsedDocument(
    String source,
    String attachment,
    String documentId,
    String parentId,
    int depth,
    String sha256,
    String mediaType,
    DocumentStatus status,
    String error,
    String truncatedBy,
    int pages,
    Map<String, String> metadata,
    List<Block> blocks,
    OcrReport ocr) {

  /** The same document with other text: none once extraction has read it, or a cleaned reading. */
  public ParsedDocument withBlocks(List<Block> newBlocks) {
    return new ParsedDocument(source, attachment, documentId, parentId, depth, sha256, mediaType, status, error,
        truncatedBy, pages, metadata, List.copyOf(newBlocks), ocr);
  }

  /**
   * The same document cut short by a limit: status truncated (a failed status stays), {@code
   * limit} added to its truncated_by and {@code cut}, saying what was left out, to its error.
   */
  public ParsedDocument truncated(String limit, String cut) {
    return new ParsedDocument(source, attachment, documentId, parentId, depth, sha256, mediaType,
        status.failed() ? status : DocumentStatus.TRUNCATED, error == null ? cut : error + "; " + cut,
        truncatedBy == null ? limit : truncatedBy + "," + limit, pages, metadata, blocks, ocr);
  }

  /** The same document when extracting from its text threw: status extract_failed, {@code reason} added to its error. */
  public ParsedDocument extractFailed(String reason) {
    return new ParsedDocument(source, attachment, documentId, parentId, depth, sha256, mediaType,
        DocumentStatus.EXTRACT_FAILED, error == null ? reason : error + "; " + reason, truncatedBy, pages, metadata,
        blocks, ocr);
  }

  public int chars() {
    int chars = 0;
    for (Block block : blocks) {
      for (String cell : block.cells()) {
        chars += cell.length();
      }
    }
    return chars;
  }

  public boolean isContainer() {
    return attachment == null;
  }
}
