package org.foiwatch.ingest;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import java.util.stream.IntStream;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PDF;
import org.apache.tika.metadata.PagedText;
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
import org.foiwatch.digest.Sha256;

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

  /** Set by tika-pipes when the embedded-resource count limit stopped the parse. */
  private static final String EMBEDDED_LIMIT_KEY = "X-TIKA:EXCEPTION:embedded_resource_limit_reached";

  /** Tika's own test for a PDF page without a usable text layer (--ocr=auto): at most 10 characters. */
  private static final int OCR_AUTO_MAX_CHARS_PER_PAGE = 10;

  private final ParserLimits limits;
  private final OcrSettings ocr;
  private final boolean tesseract;
  private final XhtmlBlockReader blockReader;
  private final ForkedParsers.Pool forked;
  private final RecursiveParserWrapper inProcess;
  private final ExecutorService executor;

  /** A parser that reads no scans (--ocr=never). */
  public TikaDocumentParser(ParserLimits limits) {
    this(limits, OcrSettings.never());
  }

  public TikaDocumentParser(ParserLimits limits, OcrSettings ocr) {
    this.limits = limits;
    // The forked JVM resolves the cache directory itself: give it an absolute path.
    this.ocr = new OcrSettings(ocr.mode(),
        ocr.cacheDirectory().isBlank() ? "" : Path.of(ocr.cacheDirectory()).toAbsolutePath().toString());
    this.tesseract = ocr.mode() != OcrSettings.Mode.NEVER && OcrSettings.tesseractAvailable();
    this.blockReader = new XhtmlBlockReader(limits.maxRowsPerSheet());
    if (limits.isolated()) {
      forked = ForkedParsers.forConfig(TikaConfigXml.build(limits, this.ocr, tesseract, childJvmArgs(limits)));
      inProcess = null;
      executor = null;
    } else {
      String xml = TikaConfigXml.build(limits, this.ocr, tesseract, List.of());
      try {
        inProcess = new RecursiveParserWrapper(new AutoDetectParser(
            new TikaConfig(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))));
      } catch (TikaException | IOException | org.xml.sax.SAXException e) {
        throw new IllegalStateException("the generated tika-config is invalid", e);
      }
      forked = null;
      executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tika-parse");
        thread.setDaemon(true);
        return thread;
      });
    }
  }

  /**
   * The forked JVM's heap, headless AWT, JIT mode, silent logging, and class path: the jar this class came
   * from when that jar also holds Tika (the shaded jar), as on a Flink TaskManager whose own class
   * path lacks our code; else the parent's class path (tests, scripts/run.sh, and integration
   * tests, which load our classes from the thin jar beside the dependency jars).
   */
  private static List<String> childJvmArgs(ParserLimits limits) {
    String classPath = System.getProperty("java.class.path");
    Path codeSource = codeSource(TikaDocumentParser.class);
    if (codeSource != null && Files.isRegularFile(codeSource) && codeSource.equals(codeSource(PipesServer.class))) {
      classPath = codeSource.toString();
    }
    List<String> args = new ArrayList<>(List.of("-Xmx" + limits.parseMemoryMb() + "m", "-Djava.awt.headless=true",
        "-XX:+UseSerialGC"));
    // The parser JVMs compile as their parent was told to (scripts/run.sh: C1 only, see there).
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(arg -> arg.startsWith("-XX:TieredStopAtLevel=") || arg.equals("-XX:-TieredCompilation"))
        .forEach(args::add);
    // Parser warnings stay out of the terminal: each failure is already on its document record.
    args.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=off", "-cp", classPath));
    return args;
  }

  /** The jar or directory a class was loaded from, or null when that cannot be known. */
  private static Path codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      return null;
    }
  }

  /**
   * Starts this worker's parser JVMs in the background: a parser JVM takes a second or more to
   * start, which the runner's own start-up (pipeline translation, DoFn set-up) can hide. Each
   * daemon thread parses a few bytes of text, which starts one JVM of the shared pool.
   */
  public static void startForkedParsers(ParserLimits limits, OcrSettings ocr) {
    if (!limits.isolated()) {
      return;
    }
    TikaDocumentParser parser = new TikaDocumentParser(limits, ocr);
    byte[] text = "foiwatch".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < TikaConfigXml.forkedParsers(); i++) {
      Thread thread = new Thread(() -> parser.parse("start.txt", text), "foiwatch-parser-start");
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** Parses {@code content}, the bytes of the input file at {@code source}. Never throws. */
  public List<ParsedDocument> parse(String source, byte[] content) {
    String sha256 = Sha256.hex(content);
    String rootId = documentId(source, "");
    if (content.length == 0) {
      return List.of(failed(source, rootId, sha256, null, DocumentStatus.EMPTY, "the file is empty (0 bytes)"));
    }
    Parse parse = forked != null ? parseForked(source, content) : parseInProcess(source, content);
    if (parse.failure != null) {
      return List.of(failed(source, rootId, sha256, null, parse.failure, parse.error));
    }
    return toDocuments(source, sha256, content, parse.metadata);
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
    Path input = null;
    try {
      input = Files.createTempFile(forked.directory(), "input", extension(fileName(source)));
      Files.write(input, content);
      ParseContext context = new ParseContext();
      // The text limit counts over the file and its attachments together; reaching it stops the
      // parse (what was read is kept), so a zip bomb's inflated text is never read to its end.
      context.set(HandlerConfig.class, new HandlerConfig(BasicContentHandlerFactory.HANDLER_TYPE.XML,
          HandlerConfig.PARSE_MODE.RMETA, limits.maxCharsPerDocument(), limits.maxAttachments(), true));
      FetchEmitTuple tuple = new FetchEmitTuple(source, new FetchKey(TikaConfigXml.FETCHER, input.toString()),
          EmitKey.NO_EMIT, nameHint(source), context, FetchEmitTuple.ON_PARSE_EXCEPTION.EMIT);
      PipesResult result = forked.parser().parse(tuple);
      if (result.getStatus() == PipesResult.STATUS.UNSPECIFIED_CRASH) {
        // The parser JVM died: killed from outside, or the file kills it. tika-pipes starts a
        // fresh JVM for the next parse, so one more try tells the two apart.
        result = forked.parser().parse(tuple);
      }
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
        case UNSPECIFIED_CRASH -> Parse.failed(DocumentStatus.CRASHED, "the parser process died on this file twice,"
            + " in two processes" + messageSuffix(result.getMessage()));
        default -> Parse.failed(DocumentStatus.CRASHED, "the parser process failed ("
            + result.getStatus().name().toLowerCase(Locale.ROOT) + ")" + messageSuffix(result.getMessage()));
      };
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Parse.failed(DocumentStatus.CRASHED, "interrupted while parsing");
    } catch (IOException | org.apache.tika.pipes.PipesException | RuntimeException e) {
      return Parse.failed(DocumentStatus.CRASHED, "the parser process failed: " + e);
    } finally {
      deleteQuietly(input);
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
            new BasicContentHandlerFactory(BasicContentHandlerFactory.HANDLER_TYPE.XML, limits.maxCharsPerDocument(),
                true, new ParseContext()),
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

  private List<ParsedDocument> toDocuments(String source, String rootSha, byte[] rootContent, List<Metadata> results) {
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
  public static ParsedDocument failed(
      String source, String documentId, String sha256, String mediaType, DocumentStatus status, String error) {
    return new ParsedDocument(source, null, documentId, null, 0, sha256, mediaType, status, error, null, 0,
        Map.of(), List.of(), OcrReport.of(OcrReport.Status.NOT_NEEDED));
  }

  /** The record of an input file that was not parsed at all (skipped, too large, unreadable). */
  public static ParsedDocument unread(String source, DocumentStatus status, String error) {
    return failed(source, documentId(source, ""), null, null, status, error);
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

  /**
   * Stable id from the input file's source and the embedded path: unique per input path, so two
   * copies of one file are two documents (their equal {@code sha256} tells they are copies).
   */
  public static String documentId(String source, String idPath) {
    return Sha256.hex(source + "|" + idPath).substring(0, 16);
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

  private static void deleteQuietly(Path file) {
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // The pool's directory goes when the JVM exits.
    }
  }

  /** Stops this instance's in-process threads; the shared forked parsers outlive it. */
  @Override
  public void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
