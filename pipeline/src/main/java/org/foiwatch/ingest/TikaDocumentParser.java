package org.foiwatch.ingest;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarFile;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.RecursiveParserWrapper;
import org.apache.tika.pipes.FetchEmitTuple;
import org.apache.tika.pipes.HandlerConfig;
import org.apache.tika.pipes.PipesConfig;
import org.apache.tika.pipes.PipesParser;
import org.apache.tika.pipes.PipesResult;
import org.apache.tika.pipes.PipesServer;
import org.apache.tika.pipes.emitter.EmitKey;
import org.apache.tika.pipes.fetcher.FetchKey;
import org.apache.tika.sax.BasicContentHandlerFactory;
import org.apache.tika.sax.RecursiveParserWrapperHandler;

/**
 * Parses one input file with Apache Tika into a {@link ParsedDocument} for the file itself and
 * one for every attachment or embedded file, recursively. Build once per worker: it starts the
 * parser. {@link #parse} never throws; every failure becomes a document with a status.
 *
 * <p>By default each parse runs in a forked JVM (Tika's tika-pipes {@link PipesParser}): a
 * parser stuck in a loop or exhausting its heap is killed at its time or memory budget, the
 * file is recorded as {@code timeout} or {@code oom}, and a fresh JVM takes the next file. A
 * thread in a tight loop cannot be stopped from inside a JVM, so the in-process mode (for
 * supervised runs and benchmarks) only abandons such a thread.
 */
public final class TikaDocumentParser implements AutoCloseable {

  private static final String DIGEST_KEY = "X-TIKA:digest:SHA256";
  /** Set by tika-pipes when the embedded-resource count limit stopped the parse. */
  private static final String EMBEDDED_LIMIT_KEY = "X-TIKA:EXCEPTION:embedded_resource_limit_reached";

  private final ParserLimits limits;
  private final XhtmlBlockReader blockReader;
  private final Path workDir;
  private final PipesParser forked;
  private final RecursiveParserWrapper inProcess;
  private final ExecutorService executor;

  public TikaDocumentParser(ParserLimits limits) {
    this.limits = limits;
    this.blockReader = new XhtmlBlockReader(limits.maxRowsPerSheet());
    try {
      workDir = Files.createTempDirectory("foiwatch-tika");
      if (limits.isolated()) {
        Path config = workDir.resolve("tika-config.xml");
        Files.writeString(config, TikaConfigXml.build(limits, childJvmArgs(limits)));
        forked = new PipesParser(PipesConfig.load(config));
        inProcess = null;
        executor = null;
      } else {
        String xml = TikaConfigXml.build(limits, List.of());
        TikaConfig config = new TikaConfig(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        forked = null;
        inProcess = new RecursiveParserWrapper(new AutoDetectParser(config));
        executor = Executors.newCachedThreadPool(runnable -> {
          Thread thread = new Thread(runnable, "tika-parse");
          thread.setDaemon(true);
          return thread;
        });
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set up the Tika parser in a temporary directory", e);
    } catch (TikaException | org.xml.sax.SAXException e) {
      throw new IllegalStateException("the generated tika-config is invalid", e);
    }
  }

  /**
   * The forked JVM's heap, headless AWT, silent logging, and class path. The class path is the
   * jar this class came from when that jar carries Tika too (the shaded jar, as on a Flink
   * TaskManager whose own class path lacks our code); else the parent's class path plus that
   * code source (tests, scripts/run.sh, a thin jar).
   */
  private static List<String> childJvmArgs(ParserLimits limits) {
    // Parser warnings stay out of the terminal: each failure is already on its document record.
    return List.of("-Xmx" + limits.parseMemoryMb() + "m", "-Djava.awt.headless=true", "-XX:+UseSerialGC",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=off", "-cp", childClassPath());
  }

  private static String childClassPath() {
    List<String> entries = new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
    try {
      Path codeSource = Path.of(TikaDocumentParser.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(codeSource)) {
        try (JarFile jar = new JarFile(codeSource.toFile())) {
          if (jar.getEntry(PipesServer.class.getName().replace('.', '/') + ".class") != null) {
            return codeSource.toString();
          }
        }
      }
      if (!entries.contains(codeSource.toString())) {
        entries.add(codeSource.toString());
      }
    } catch (URISyntaxException | IOException | SecurityException | NullPointerException e) {
      // No readable code source: the parent's class path holds our classes.
    }
    return String.join(File.pathSeparator, entries);
  }

  /** Parses {@code content}, the bytes of the input file at {@code source}. Never throws. */
  public List<ParsedDocument> parse(String source, byte[] content) {
    String sha256 = sha256(content);
    String rootId = documentId(sha256, "");
    if (content.length == 0) {
      return List.of(failed(source, rootId, sha256, null, DocumentStatus.EMPTY, "the file is empty (0 bytes)"));
    }
    Parse parse = forked != null ? parseForked(source, content) : parseInProcess(source, content);
    if (parse.failure != null) {
      return List.of(failed(source, rootId, sha256, null, parse.failure, parse.error));
    }
    return toDocuments(source, sha256, parse.metadata);
  }

  /** Tika's metadata list for one file, or why there is none. */
  private record Parse(List<Metadata> metadata, DocumentStatus failure, String error) {
    static Parse of(List<Metadata> metadata) {
      return new Parse(metadata, null, null);
    }

    static Parse failed(DocumentStatus status, String error) {
      return new Parse(null, status, error);
    }
  }

  private Parse parseForked(String source, byte[] content) {
    Path input = workDir.resolve("input" + extension(fileName(source)));
    try {
      Files.write(input, content);
      ParseContext context = new ParseContext();
      context.set(HandlerConfig.class, new HandlerConfig(BasicContentHandlerFactory.HANDLER_TYPE.XML,
          HandlerConfig.PARSE_MODE.RMETA, limits.maxCharsPerDocument(), limits.maxAttachments(), false));
      FetchEmitTuple tuple = new FetchEmitTuple(source, new FetchKey(TikaConfigXml.FETCHER, input.toString()),
          EmitKey.NO_EMIT, nameHint(source), context, FetchEmitTuple.ON_PARSE_EXCEPTION.EMIT);
      PipesResult result = forked.parse(tuple);
      return switch (result.getStatus()) {
        case PARSE_SUCCESS, PARSE_SUCCESS_WITH_EXCEPTION, PARSE_EXCEPTION_EMIT, EMIT_SUCCESS,
            EMIT_SUCCESS_PARSE_EXCEPTION -> Parse.of(result.getEmitData().getMetadataList());
        case TIMEOUT -> Parse.failed(DocumentStatus.TIMEOUT, "parsing took longer than "
            + limits.parseTimeoutSeconds() + " s; the parser process was stopped (--parseTimeoutSeconds)");
        case OOM -> Parse.failed(DocumentStatus.OOM, "the parser ran out of its " + limits.parseMemoryMb()
            + " MB heap; the parser process was restarted (--parseMemoryMb)");
        case PARSE_EXCEPTION_NO_EMIT -> Parse.failed(DocumentStatus.CORRUPT,
            describe(DocumentStatus.CORRUPT, firstLine(nullToEmpty(result.getMessage()))));
        case EMPTY_OUTPUT -> Parse.failed(DocumentStatus.EMPTY, "no text found");
        default -> Parse.failed(DocumentStatus.CRASHED, "the parser process failed ("
            + result.getStatus().name().toLowerCase(Locale.ROOT) + ")" + messageSuffix(result.getMessage()));
      };
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Parse.failed(DocumentStatus.CRASHED, "interrupted while parsing");
    } catch (IOException | org.apache.tika.pipes.PipesException | RuntimeException e) {
      return Parse.failed(DocumentStatus.CRASHED, "the parser process failed: " + e);
    } finally {
      try {
        Files.deleteIfExists(input);
      } catch (IOException e) {
        // The next file overwrites it; the directory goes at close().
      }
    }
  }

  private Parse parseInProcess(String source, byte[] content) {
    Future<List<Metadata>> future = executor.submit(() -> parseAll(content, source));
    try {
      return Parse.of(future.get(limits.parseTimeoutSeconds(), TimeUnit.SECONDS));
    } catch (TimeoutException e) {
      future.cancel(true);
      return Parse.failed(DocumentStatus.TIMEOUT, "parsing took longer than " + limits.parseTimeoutSeconds()
          + " s and was abandoned (--parseTimeoutSeconds)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Parse.failed(DocumentStatus.CRASHED, "interrupted while parsing");
    } catch (ExecutionException e) {
      DocumentStatus status = classify(e.getCause());
      return Parse.failed(status, describe(status, e.getCause()));
    }
  }

  private List<Metadata> parseAll(byte[] content, String source) throws Exception {
    RecursiveParserWrapperHandler handler =
        new RecursiveParserWrapperHandler(
            new BasicContentHandlerFactory(BasicContentHandlerFactory.HANDLER_TYPE.XML, limits.maxCharsPerDocument()),
            limits.maxAttachments());
    try (InputStream stream = new ByteArrayInputStream(content)) {
      inProcess.parse(stream, handler, nameHint(source), new ParseContext());
    } catch (WriteLimitReachedException e) {
      // The handler keeps the text up to the limit and flags the document; go on with it.
    } catch (OutOfMemoryError e) {
      throw new TikaException("out of memory", e);
    }
    return handler.getMetadataList();
  }

  /**
   * The file name as a hint only: detection reads the content first, so a mislabelled file
   * parses as what it is; it lets text formats such as CSV be told from plain text.
   */
  private static Metadata nameHint(String source) {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName(source));
    return metadata;
  }

  private List<ParsedDocument> toDocuments(String source, String rootSha, List<Metadata> results) {
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
      String documentId = documentId(rootSha, container ? "" : idPath);
      String parentId = container ? null : documentId(rootSha, parentPath(idPath));
      String sha = container ? rootSha : metadata.get(DIGEST_KEY);
      if (sha != null) {
        sha = sha.toLowerCase(Locale.ROOT);
      }
      String mediaType = baseMediaType(metadata.get(Metadata.CONTENT_TYPE));
      XhtmlBlockReader.Result read = blockReader.read(nullToEmpty(metadata.get(TikaCoreProperties.TIKA_CONTENT)));

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
      boolean hasText = !read.blocks().isEmpty();
      if (exception != null && !hasText) {
        status = exception.contains("EncryptedDocumentException") ? DocumentStatus.ENCRYPTED : DocumentStatus.CORRUPT;
        error = describe(status, firstLine(exception));
      } else if (!limitsHit.isEmpty()) {
        status = DocumentStatus.TRUNCATED;
        error = String.join("; ", cuts);
      } else if (isUnparsed(metadata)) {
        status = DocumentStatus.UNSUPPORTED;
        error = "no parser for media type " + mediaType;
      } else if (!hasText) {
        status = DocumentStatus.EMPTY;
        error = "no text found" + (mediaType != null && mediaType.startsWith("image/") ? " (image; OCR is off)" : "");
      }
      documents.add(new ParsedDocument(source, attachment, documentId, parentId, depth, sha, mediaType,
          status, error, limitsHit.isEmpty() ? null : String.join(",", limitsHit), read.pages(),
          selectedMetadata(metadata), read.blocks()));
    }
    if (tooDeep) {
      documents.set(0, markedTooDeep(documents.get(0)));
    }
    return documents;
  }

  /** The input file's record says that attachments nested past the depth limit were skipped. */
  private ParsedDocument markedTooDeep(ParsedDocument root) {
    String cut = "attachments nested deeper than " + limits.maxAttachmentDepth() + " levels skipped (--maxAttachmentDepth)";
    boolean failed = root.status() != DocumentStatus.PARSED && root.status() != DocumentStatus.TRUNCATED;
    return new ParsedDocument(root.source(), root.attachment(), root.documentId(), root.parentId(), root.depth(),
        root.sha256(), root.mediaType(), failed ? root.status() : DocumentStatus.TRUNCATED,
        root.error() == null ? cut : root.error() + "; " + cut,
        root.truncatedBy() == null ? "max_attachment_depth" : root.truncatedBy() + ",max_attachment_depth",
        root.pages(), root.metadata(), root.blocks());
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

  private static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String extension = dot < 0 ? "" : fileName.substring(dot).toLowerCase(Locale.ROOT);
    return extension.matches("\\.[a-z0-9]{1,8}") ? extension : "";
  }

  private static String messageSuffix(String message) {
    return message == null || message.isBlank() ? "" : ": " + firstLine(message);
  }

  @Override
  public void close() {
    try {
      if (forked != null) {
        forked.close();
      }
    } catch (IOException e) {
      // The forked JVM exits by itself when its input closes.
    } finally {
      if (executor != null) {
        executor.shutdownNow();
      }
      deleteRecursively(workDir);
    }
  }

  private static void deleteRecursively(Path directory) {
    try (var paths = Files.walk(directory)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind is harmless.
    }
  }
}
