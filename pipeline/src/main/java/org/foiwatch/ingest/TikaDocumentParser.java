package org.foiwatch.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.DigestingParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.RecursiveParserWrapper;
import org.apache.tika.parser.digestutils.CommonsDigester;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BasicContentHandlerFactory;
import org.apache.tika.sax.RecursiveParserWrapperHandler;

/**
 * Parses one input file with Apache Tika into a {@link ParsedDocument} for the file itself and
 * one for every attachment or embedded file, recursively. Build once per worker (the Tika
 * parser is thread-safe and expensive); {@link #parse} takes a fresh handler, metadata and
 * context per file.
 */
public final class TikaDocumentParser implements AutoCloseable {

  private static final String DIGEST_KEY = "X-TIKA:digest:SHA256";

  private final ParserLimits limits;
  private final RecursiveParserWrapper parser;
  private final XhtmlBlockReader blockReader = new XhtmlBlockReader();
  private final ExecutorService executor;

  public TikaDocumentParser(ParserLimits limits) {
    this.limits = limits;
    AutoDetectParser autoDetect = new AutoDetectParser(TikaConfig.getDefaultConfig());
    this.parser =
        new RecursiveParserWrapper(
            new DigestingParser(autoDetect, new CommonsDigester(limits.maxFileBytes(), "sha256"), false));
    this.executor =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "tika-parse");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Parses {@code content}, the bytes of the input file at {@code source}. Never throws. */
  public List<ParsedDocument> parse(String source, byte[] content) {
    String sha256 = sha256(content);
    String rootId = documentId(sha256, "");
    if (content.length == 0) {
      return List.of(failed(source, rootId, sha256, null, DocumentStatus.EMPTY, "the file is empty (0 bytes)"));
    }
    List<Metadata> results;
    Future<List<Metadata>> future = executor.submit(() -> parseAll(content, fileName(source)));
    try {
      results = future.get(limits.parseTimeoutSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return List.of(failed(source, rootId, sha256, null, DocumentStatus.TIMEOUT,
          "parsing took longer than " + limits.parseTimeoutSeconds() + " s and was stopped"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of(failed(source, rootId, sha256, null, DocumentStatus.CRASHED, "interrupted"));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      DocumentStatus status = classify(cause);
      return List.of(failed(source, rootId, sha256, null, status, describe(status, cause)));
    }
    return toDocuments(source, sha256, results);
  }

  private List<Metadata> parseAll(byte[] content, String fileName) throws Exception {
    RecursiveParserWrapperHandler handler =
        new RecursiveParserWrapperHandler(
            new BasicContentHandlerFactory(BasicContentHandlerFactory.HANDLER_TYPE.XML, limits.maxCharsPerDocument()),
            limits.maxAttachments());
    Metadata metadata = new Metadata();
    // The name is a hint only: detection reads the content first, so a mislabelled file parses
    // as what it is; it lets text formats such as CSV be told from plain text.
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    try (InputStream stream = new ByteArrayInputStream(content)) {
      parser.parse(stream, handler, metadata, newContext());
    } catch (WriteLimitReachedException e) {
      // The handler keeps the text up to the limit and flags the document; go on with it.
    } catch (OutOfMemoryError e) {
      throw new TikaException("out of memory", e);
    }
    return handler.getMetadataList();
  }

  private ParseContext newContext() {
    ParseContext context = new ParseContext();
    PDFParserConfig pdf = new PDFParserConfig();
    pdf.setSortByPosition(true);
    pdf.setMaxMainMemoryBytes(limits.pdfMaxMainMemoryBytes());
    context.set(PDFParserConfig.class, pdf);
    TesseractOCRConfig ocr = new TesseractOCRConfig();
    ocr.setSkipOcr(true);
    context.set(TesseractOCRConfig.class, ocr);
    return context;
  }

  private List<ParsedDocument> toDocuments(String source, String rootSha, List<Metadata> results) {
    List<ParsedDocument> documents = new ArrayList<>(results.size());
    for (Metadata metadata : results) {
      String idPath = metadata.get(TikaCoreProperties.EMBEDDED_ID_PATH);
      String resourcePath = metadata.get(TikaCoreProperties.EMBEDDED_RESOURCE_PATH);
      boolean container = idPath == null;
      String attachment = container ? null : stripLeadingSlash(resourcePath == null ? idPath : resourcePath);
      String documentId = documentId(rootSha, container ? "" : idPath);
      String parentId = container ? null : documentId(rootSha, parentPath(idPath));
      int depth = container ? 0 : attachment.split("/").length;
      String sha = container ? rootSha : metadata.get(DIGEST_KEY);
      if (sha != null) {
        sha = sha.toLowerCase(java.util.Locale.ROOT);
      }
      String mediaType = baseMediaType(metadata.get(Metadata.CONTENT_TYPE));
      XhtmlBlockReader.Result read = blockReader.read(nullToEmpty(metadata.get(TikaCoreProperties.TIKA_CONTENT)));

      DocumentStatus status = DocumentStatus.PARSED;
      String error = null;
      String truncatedBy = null;
      String exception = container
          ? metadata.get(TikaCoreProperties.CONTAINER_EXCEPTION)
          : metadata.get(TikaCoreProperties.EMBEDDED_EXCEPTION);
      boolean hasText = !read.blocks().isEmpty();
      if (Boolean.parseBoolean(metadata.get(TikaCoreProperties.WRITE_LIMIT_REACHED))) {
        status = DocumentStatus.TRUNCATED;
        truncatedBy = "max_chars_per_document";
        error = "text cut at " + limits.maxCharsPerDocument() + " characters (--maxCharsPerDocument)";
      } else if (exception != null && !hasText) {
        status = exception.contains("EncryptedDocumentException") ? DocumentStatus.ENCRYPTED : DocumentStatus.CORRUPT;
        error = describe(status, firstLine(exception));
      } else if (isUnparsed(metadata)) {
        status = DocumentStatus.UNSUPPORTED;
        error = "no parser for media type " + mediaType;
      } else if (!hasText) {
        status = DocumentStatus.EMPTY;
        error = "no text found" + (mediaType != null && mediaType.startsWith("image/") ? " (image; OCR is off)" : "");
      }
      documents.add(new ParsedDocument(source, attachment, documentId, parentId, depth, sha, mediaType,
          status, error, truncatedBy, read.pages(), selectedMetadata(metadata), read.blocks()));
    }
    return documents;
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
    putIfPresent(selected, "resource_name", metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY));
    return selected;
  }

  private static void putIfPresent(Map<String, String> map, String key, String value) {
    if (value != null && !value.isBlank()) {
      map.put(key, value.strip());
    }
  }

  /** A document record for a file that yielded nothing: the run goes on and nothing is lost. */
  public static ParsedDocument failed(
      String source, String documentId, String sha256, String mediaType, DocumentStatus status, String error) {
    return new ParsedDocument(source, null, documentId, null, 0, sha256, mediaType, status, error, null, 0,
        Map.of(), List.of());
  }

  static DocumentStatus classify(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof EncryptedDocumentException) {
        return DocumentStatus.ENCRYPTED;
      }
      if (t instanceof OutOfMemoryError) {
        return DocumentStatus.OOM;
      }
    }
    return error instanceof TikaException || error instanceof IOException
        ? DocumentStatus.CORRUPT
        : DocumentStatus.CRASHED;
  }

  private static String describe(DocumentStatus status, Object cause) {
    String detail = cause instanceof Throwable t ? t.getClass().getSimpleName() + ": " + t.getMessage() : String.valueOf(cause);
    return switch (status) {
      case ENCRYPTED -> "password-protected: " + detail;
      case OOM -> "ran out of memory while parsing: " + detail;
      case CORRUPT -> "could not be parsed (damaged or not what its type says): " + detail;
      default -> detail;
    };
  }

  /** Stable id from the input file's content hash and the embedded path. */
  public static String documentId(String containerSha256, String idPath) {
    return sha256((containerSha256 + "|" + idPath).getBytes(StandardCharsets.UTF_8)).substring(0, 16);
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  private static String fileName(String source) {
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

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return (newline < 0 ? text : text.substring(0, newline)).strip();
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
