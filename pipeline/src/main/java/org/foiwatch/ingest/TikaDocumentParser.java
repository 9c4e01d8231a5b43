package org.foiwatch.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.RecursiveParserWrapper;
import org.apache.tika.pipes.FetchEmitTuple;
import org.apache.tika.pipes.HandlerConfig;
import org.apache.tika.pipes.PipesParser;
import org.apache.tika.pipes.PipesResult;
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

  private final ParserLimits limits;
  private final ParsedDocuments documents;
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
    OcrSettings absolute = new OcrSettings(ocr.mode(),
        ocr.cacheDirectory().isBlank() ? "" : Path.of(ocr.cacheDirectory()).toAbsolutePath().toString());
    boolean tesseract = ocr.mode() != OcrSettings.Mode.NEVER && OcrSettings.tesseractAvailable();
    this.documents = new ParsedDocuments(limits, absolute, tesseract);
    if (limits.isolated()) {
      forked = ForkedParsers.forConfig(TikaConfigXml.build(limits, absolute, tesseract, ForkedParsers.jvmArgs(limits)));
      inProcess = null;
      executor = null;
    } else {
      String xml = TikaConfigXml.build(limits, absolute, tesseract, List.of());
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
    String rootId = ParsedDocuments.documentId(source, "");
    if (content.length == 0) {
      return List.of(ParsedDocuments.failed(source, rootId, sha256, null, DocumentStatus.EMPTY, "the file is empty (0 bytes)"));
    }
    Parse parse = forked != null ? parseForked(source, content) : parseInProcess(source, content);
    if (parse.failure != null) {
      return List.of(ParsedDocuments.failed(source, rootId, sha256, null, parse.failure, parse.error));
    }
    return documents.of(source, sha256, content, parse.metadata);
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
      input = Files.createTempFile(forked.directory(), "input", extension(ParsedDocuments.fileName(source)));
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
            ParsedDocuments.describe(DocumentStatus.CORRUPT, ParsedDocuments.firstLine(ParsedDocuments.nullToEmpty(result.getMessage()))));
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
      return Parse.failed(status, ParsedDocuments.describe(status, e.getCause()));
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
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, ParsedDocuments.fileName(source));
    return metadata;
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

  private static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String extension = dot < 0 ? "" : fileName.substring(dot).toLowerCase(Locale.ROOT);
    return extension.matches("\\.[a-z0-9]{1,8}") ? extension : "";
  }

  private static String messageSuffix(String message) {
    return message == null || message.isBlank() ? "" : ": " + ParsedDocuments.firstLine(message);
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
