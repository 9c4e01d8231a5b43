package org.foiwatch.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PDF;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.foiwatch.digest.Sha256;

/**
 * The {@link ParsedDocument}s of one input file: from what Tika read of it, or the single
 * document of a file that yielded nothing, with the status that says why.
 */
final class ParsedDocuments {

  /** Set by tika-pipes when the embedded-resource count limit stopped the parse. */
  private static final String EMBEDDED_LIMIT_KEY = "X-TIKA:EXCEPTION:embedded_resource_limit_reached";

  /** Tika's own test for a PDF page without a usable text layer (--ocr=auto): at most 10 characters. */
  private static final int OCR_AUTO_MAX_CHARS_PER_PAGE = 10;

  private final ParserLimits limits;
  private final OcrSettings ocr;
  private final boolean tesseract;
  private final XhtmlBlockReader blockReader;

  ParsedDocuments(ParserLimits limits, OcrSettings ocr, boolean tesseract) {
    this.limits = limits;
    this.ocr = ocr;
    this.tesseract = tesseract;
    this.blockReader = new XhtmlBlockReader(limits.maxRowsPerSheet());
  }

  /**
   * The documents of one input file from Tika's metadata list (the file first, then each
   * attachment): ids, statuses with their errors, the limits that cut them, what OCR did.
   */
  List<ParsedDocument> of(String source, String rootSha, byte[] rootContent, List<Metadata> results) {
    List<ParsedDocument> documents = new ArrayList<>(results.size());
    boolean tooDeep = false;
    for (Metadata metadata : results) {
      String idPath = metadata.get(TikaCoreProperties.EMBEDDED_ID_PATH);
      String resourcePath = metadata.get(TikaCoreProperties.EMBEDDED_RESOURCE_PATH);
      boolean container = idPath == null;
      String attachment = container ? null : stripLeadingSlash(resourcePath == null ? idPath : resourcePath);
      int depth = container ? 0 : attachment.split("/").length;
      if (depth > limits.maxAttachmentDepth()) {
        tooDeep = true;
        continue;
      }
      String documentId = documentId(source, container ? "" : idPath);
      String parentId = container ? null : documentId(source, parentPath(idPath));
      // Attachments are not hashed: Tika's digester buffers or spools each embedded stream
      // whole, which a zip bomb turns into gigabytes before the text limit can stop it.
      String sha = container ? rootSha : null;
      String mediaType = baseMediaType(metadata.get(Metadata.CONTENT_TYPE));
      XhtmlBlockReader.Result read = blockReader.read(nullToEmpty(metadata.get(TikaCoreProperties.TIKA_CONTENT)));
      List<Block> blocks = DelimitedText.applies(container ? fileName(source) : attachment, mediaType)
          ? DelimitedText.rows(read.blocks())
          : read.blocks();

      List<String> limitsHit = new ArrayList<>();
      List<String> cuts = new ArrayList<>();
      if (Boolean.parseBoolean(metadata.get(TikaCoreProperties.WRITE_LIMIT_REACHED))) {
        limitsHit.add("max_chars_per_document");
        cuts.add("text cut at " + limits.maxCharsPerDocument() + " characters (--maxCharsPerDocument)");
      }
      if (read.rowsCut()) {
        limitsHit.add("max_rows_per_sheet");
        cuts.add("sheets cut at " + limits.maxRowsPerSheet() + " rows (--maxRowsPerSheet)");
      }
      if (container && Boolean.parseBoolean(metadata.get(EMBEDDED_LIMIT_KEY))) {
        limitsHit.add("max_attachments");
        cuts.add("attachments after the first " + limits.maxAttachments() + " skipped (--maxAttachments)");
      }

      DocumentStatus status = DocumentStatus.PARSED;
      String error = null;
      String exception = container
          ? metadata.get(TikaCoreProperties.CONTAINER_EXCEPTION)
          : metadata.get(TikaCoreProperties.EMBEDDED_EXCEPTION);
      boolean hasText = !blocks.isEmpty();
      OcrReport ocrReport = ocrReport(metadata, mediaType, read);
      String damage = hasText ? null : SilentDamage.of(mediaType, container ? rootContent : null, read.pages());
      if (exception != null && !hasText) {
        status = exception.contains("EncryptedDocumentException") ? DocumentStatus.ENCRYPTED : DocumentStatus.CORRUPT;
        error = describe(status, firstLine(exception));
      } else if (!limitsHit.isEmpty()) {
        status = DocumentStatus.TRUNCATED;
        error = String.join("; ", cuts);
      } else if (isUnparsed(metadata)) {
        status = DocumentStatus.UNSUPPORTED;
        error = "no parser for media type " + mediaType;
      } else if (damage != null) {
        status = DocumentStatus.CORRUPT;
        error = describe(status, damage);
      } else if (!hasText) {
        status = DocumentStatus.EMPTY;
        error = "no text found" + switch (ocrReport.status()) {
          case OFF -> isImage(mediaType) ? " (image; OCR is off: --ocr=never)" : "";
          case UNAVAILABLE -> " (needs OCR; tesseract is not installed)";
          case SKIPPED -> " (OCR skipped: " + limits.parseTimeoutSeconds() * 3 / 4 + " s budget spent or tesseract failed)";
          default -> "";
        };
      }
      documents.add(new ParsedDocument(source, attachment, documentId, parentId, depth, sha, mediaType,
          status, error, limitsHit.isEmpty() ? null : String.join(",", limitsHit), read.pages(),
          selectedMetadata(metadata), blocks, ocrReport));
    }
    if (tooDeep) {
      documents.set(0, markedTooDeep(documents.get(0)));
    }
    return documents;
  }

  /** The input file's record says that attachments nested past the depth limit were skipped. */
  private ParsedDocument markedTooDeep(ParsedDocument root) {
    return root.truncated("max_attachment_depth",
        "attachments nested deeper than " + limits.maxAttachmentDepth() + " levels skipped (--maxAttachmentDepth)");
  }

  /**
   * What OCR did for a document: the images it read (from the XHTML), else whether it would have
   * needed OCR (an image, or a PDF page without text) that is off or cannot run here.
   */
  private OcrReport ocrReport(Metadata metadata, String mediaType, XhtmlBlockReader.Result read) {
    if (ocr.mode() == OcrSettings.Mode.NEVER) {
      return read.ocr().isEmpty() ? OcrReport.of(OcrReport.Status.OFF) : OcrReport.read(read.ocr(), List.of());
    }
    List<Integer> needed = pagesNeedingOcr(metadata, mediaType);
    if (!tesseract) {
      return OcrReport.of(needed.isEmpty() ? OcrReport.Status.NOT_NEEDED : OcrReport.Status.UNAVAILABLE);
    }
    return read.ocr().isEmpty() && needed.isEmpty() ? OcrReport.of(OcrReport.Status.NOT_NEEDED)
        : OcrReport.read(read.ocr(), needed);
  }

  /** Pages OCR is for: an image's one page, or a PDF's pages without text (all with --ocr=always). */
  private List<Integer> pagesNeedingOcr(Metadata metadata, String mediaType) {
    if (isImage(mediaType)) {
      return List.of(1);
    }
    if (ocr.mode() == OcrSettings.Mode.ALWAYS) {
      // Every page; the PDF parser stops at the first it cannot send to OCR once the budget is spent.
      Integer pages = metadata.getInt(PagedText.N_PAGES);
      return pages == null ? List.of() : IntStream.rangeClosed(1, pages).boxed().toList();
    }
    String[] charsPerPage = metadata.getValues(PDF.CHARACTERS_PER_PAGE);
    return IntStream.rangeClosed(1, charsPerPage.length)
        .filter(page -> Integer.parseInt(charsPerPage[page - 1]) <= OCR_AUTO_MAX_CHARS_PER_PAGE)
        .boxed().toList();
  }

  private static boolean isImage(String mediaType) {
    return mediaType != null && mediaType.startsWith("image/");
  }

  private static boolean isUnparsed(Metadata metadata) {
    String[] parsedBy = metadata.getValues(TikaCoreProperties.TIKA_PARSED_BY);
    for (String name : parsedBy) {
      if (!name.endsWith("EmptyParser") && !name.endsWith("DigestingParser")
          && !name.endsWith("AutoDetectParser") && !name.endsWith("DefaultParser")) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, String> selectedMetadata(Metadata metadata) {
    Map<String, String> selected = new LinkedHashMap<>();
    putIfPresent(selected, "title", metadata.get(TikaCoreProperties.TITLE));
    putIfPresent(selected, "from", metadata.get("Message-From"));
    putIfPresent(selected, "from_email", metadata.get("Message:From-Email"));
    putIfPresent(selected, "to", metadata.get("Message-To"));
    putIfPresent(selected, "created", metadata.get(TikaCoreProperties.CREATED));
    return selected;
  }

  private static void putIfPresent(Map<String, String> map, String key, String value) {
    if (value != null && !value.isBlank()) {
      map.put(key, value.strip());
    }
  }

  /** A document record for a file that yielded nothing: the run goes on and nothing is lost. */
  static ParsedDocument failed(
      String source, String documentId, String sha256, String mediaType, DocumentStatus status, String error) {
    return new ParsedDocument(source, null, documentId, null, 0, sha256, mediaType, status, error, null, 0,
        Map.of(), List.of(), OcrReport.of(OcrReport.Status.NOT_NEEDED));
  }

  /** The record of an input file that was not parsed at all (skipped, too large, unreadable). */
  static ParsedDocument unread(String source, DocumentStatus status, String error) {
    return failed(source, documentId(source, ""), null, null, status, error);
  }

  static String describe(DocumentStatus status, Object cause) {
    String detail = cause instanceof Throwable t ? t.getClass().getSimpleName() + ": " + t.getMessage() : String.valueOf(cause);
    return switch (status) {
      case ENCRYPTED -> "password-protected: " + detail;
      case OOM -> "ran out of memory while parsing: " + detail;
      case CORRUPT -> "could not be parsed (damaged or not what its type says): " + detail;
      default -> detail;
    };
  }

  /**
   * Stable id from the input file's source and the embedded path: unique per input path, so two
   * copies of one file are two documents (their equal {@code sha256} tells they are copies).
   */
  static String documentId(String source, String idPath) {
    return Sha256.hex(source + "|" + idPath).substring(0, 16);
  }

  static String fileName(String source) {
    return source.substring(source.lastIndexOf('/') + 1);
  }

  private static String parentPath(String idPath) {
    int slash = idPath.lastIndexOf('/');
    return slash <= 0 ? "" : idPath.substring(0, slash);
  }

  private static String stripLeadingSlash(String path) {
    return path.startsWith("/") ? path.substring(1) : path;
  }

  private static String baseMediaType(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
  }

  static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return (newline < 0 ? text : text.substring(0, newline)).strip();
  }

  static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
