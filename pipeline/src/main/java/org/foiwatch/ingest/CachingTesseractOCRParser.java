package org.foiwatch.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.tika.config.Field;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TemporaryResources;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.sax.XHTMLContentHandler;
import org.foiwatch.digest.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Tika's Tesseract parser with four additions, all configurable from tika-config XML so that
 * it works inside tika-pipes' forked JVMs (which share nothing with the pipeline's JVM but the
 * disk):
 *
 * <ul>
 *   <li>a cache: the text of each image (a scanned file, or a PDF page Tika rendered for OCR)
 *       is kept under {@code cacheDirectory}, keyed by the SHA-256 of the image bytes and the
 *       OCR settings, so a second run over the same files runs no Tesseract at all;
 *   <li>a per-file budget: {@code budgetSeconds} of wall-clock time from the start of an input
 *       file's parse, page rendering included. Once it is spent the PDF parser renders no more
 *       pages for OCR (this parser then supports no image type) and Tesseract is stopped at it,
 *       so the parse ends before the process timeout and keeps the text already read; the pages
 *       not read are found by the pipeline (pages without text and without OCR text);
 *   <li>ruling lines erased ({@link RuleLines}) before Tesseract reads the image;
 *   <li>an account of each image in the XHTML: the {@code <div class="ocr">} that Tesseract's
 *       text comes in carries {@value #MILLIS_ATTRIBUTE} (OCR time, 0 from the cache), {@value
 *       #CACHED_ATTRIBUTE} and, for a skipped image, {@value #SKIPPED_ATTRIBUTE}. The div sits in
 *       the page it was read for, so the pipeline learns OCR pages and time from the content.
 * </ul>
 */
public class CachingTesseractOCRParser extends TesseractOCRParser {

  private static final long serialVersionUID = 1L;

  /** The class of the div Tesseract's text comes in (Tika's own name for it). */
  public static final String OCR_CLASS = "ocr";

  public static final String MILLIS_ATTRIBUTE = "data-ocr-ms";
  public static final String CACHED_ATTRIBUTE = "data-ocr-cached";
  public static final String SKIPPED_ATTRIBUTE = "data-ocr-skipped";

  /** Why an image was not read: the input file's OCR budget was spent. */
  public static final String SKIPPED_BUDGET = "budget";

  /** Why an image was not read: Tesseract failed or ran out of time on it. */
  public static final String SKIPPED_ERROR = "error";

  private static final String OCR_MEDIA_PREFIX = "image/ocr-";

  private static final Logger LOG = LoggerFactory.getLogger(CachingTesseractOCRParser.class);

  private String cacheDirectory = "";
  private int budgetSeconds = 0;

  /** Where OCR text is cached; empty (the default) for no cache. Created when missing. */
  @Field
  public void setCacheDirectory(String cacheDirectory) {
    this.cacheDirectory = cacheDirectory == null ? "" : cacheDirectory.strip();
  }

  public String getCacheDirectory() {
    return cacheDirectory;
  }

  /** OCR time allowed per input file, in seconds; 0 (the default) for no limit. */
  @Field
  public void setBudgetSeconds(int budgetSeconds) {
    this.budgetSeconds = budgetSeconds;
  }

  public int getBudgetSeconds() {
    return budgetSeconds;
  }

  /**
   * No image type once the input file's budget is spent: the PDF parser asks before it renders
   * a page for OCR, and rendering a page at 300 dpi takes about as long as reading it.
   */
  @Override
  public Set<MediaType> getSupportedTypes(ParseContext context) {
    return budget(context).remainingMillis() <= 0 ? Set.of() : super.getSupportedTypes(context);
  }

  /**
   * The budget of the input file {@code context} belongs to (one ParseContext per input file,
   * shared by its pages and attachments). It starts when first asked for: Tika asks each parser
   * for its types as the parse begins.
   */
  private FileBudget budget(ParseContext context) {
    FileBudget budget = context.get(FileBudget.class);
    if (budget == null) {
      budget = new FileBudget(budgetSeconds);
      context.set(FileBudget.class, budget);
    }
    return budget;
  }

  @Override
  public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
      throws IOException, SAXException, TikaException {
    TesseractOCRConfig config = effectiveConfig(context);
    if (config.isSkipOcr()) {
      return;
    }
    FileBudget budget = budget(context);
    if (budget.remainingMillis() <= 0) {
      write(handler, metadata, "", Map.of(SKIPPED_ATTRIBUTE, SKIPPED_BUDGET, MILLIS_ATTRIBUTE, "0"));
      return;
    }
    try (TemporaryResources tmp = new TemporaryResources()) {
      byte[] image = Files.readAllBytes(TikaInputStream.get(stream, tmp, metadata).getPath());
      Path cached = cacheFile(image, config);
      String text = read(cached);
      if (text != null) {
        undoOcrMediaType(metadata);
        write(handler, metadata, text, Map.of(MILLIS_ATTRIBUTE, "0", CACHED_ATTRIBUTE, "true"));
        return;
      }
      long started = System.nanoTime();
      OcrText capture = new OcrText();
      boolean capped = capTesseractTime(context, budget);
      try {
        super.parse(new ByteArrayInputStream(RuleLines.erase(image)), capture, metadata, context);
      } catch (TikaException e) {
        // A timeout or crash on one image must not cost the document its other pages and text.
        // Tesseract stopped because the file's budget ran out is a budget skip, not an error.
        String reason = capped && budget.remainingMillis() <= 0 ? SKIPPED_BUDGET : SKIPPED_ERROR;
        LOG.warn("OCR stopped ({}) on an image of {} bytes: {}", reason, image.length, e.getMessage());
        String millis = Long.toString(millisSince(started));
        write(handler, metadata, "", Map.of(SKIPPED_ATTRIBUTE, reason, MILLIS_ATTRIBUTE, millis));
        return;
      } finally {
        if (capped) {
          context.set(TesseractOCRConfig.class, null);
        }
      }
      String millis = Long.toString(millisSince(started));
      store(cached, capture.text());
      write(handler, metadata, capture.text(), Map.of(MILLIS_ATTRIBUTE, millis, CACHED_ATTRIBUTE, "false"));
    }
  }

  /**
   * Tika routes an image to OCR as "image/ocr-png" and the like; Tesseract's parser turns the
   * document's type back into "image/png" before reading it. A cached answer skips that parser,
   * so it does the same here, and the metadata is the same with or without the cache.
   */
  private static void undoOcrMediaType(Metadata metadata) {
    String override = metadata.get(TikaCoreProperties.CONTENT_TYPE_PARSER_OVERRIDE);
    if (override != null && override.startsWith(OCR_MEDIA_PREFIX)) {
      metadata.remove(TikaCoreProperties.CONTENT_TYPE_PARSER_OVERRIDE.getName());
    }
    String type = metadata.get(Metadata.CONTENT_TYPE);
    if (type != null && type.startsWith(OCR_MEDIA_PREFIX)) {
      metadata.set(Metadata.CONTENT_TYPE, "image/" + type.substring(OCR_MEDIA_PREFIX.length()));
    }
  }

  private TesseractOCRConfig effectiveConfig(ParseContext context) throws TikaException {
    TesseractOCRConfig perParse = context.get(TesseractOCRConfig.class);
    return perParse == null ? getDefaultConfig() : getDefaultConfig().cloneAndUpdate(perParse);
  }

  /** The cache file for an image under these settings, or null when there is no cache. */
  private Path cacheFile(byte[] image, TesseractOCRConfig config) {
    if (cacheDirectory.isEmpty()) {
      return null;
    }
    MessageDigest digest = Sha256.newDigest();
    digest.update(image);
    // Whatever changes Tesseract's output is part of the key.
    Map<String, String> settings = new TreeMap<>(config.getOtherTesseractConfig());
    settings.put("language", config.getLanguage());
    settings.put("psm", config.getPageSegMode());
    settings.put("output", config.getOutputType().name());
    settings.put("interword", Boolean.toString(config.isPreserveInterwordSpacing()));
    settings.put("preprocess", config.isEnableImagePreprocessing() + "/" + config.isApplyRotation());
    settings.put("rules", "erased");
    digest.update(settings.toString().getBytes(StandardCharsets.UTF_8));
    String key = Sha256.hex(digest);
    return Paths.get(cacheDirectory, key.substring(0, 2), key + ".txt");
  }

  private static String read(Path cached) throws IOException {
    if (cached == null) {
      return null;
    }
    try {
      return Files.readString(cached, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /** Writes beside the target, then moves it in: a concurrent reader sees all or nothing. */
  private static void store(Path cached, String text) throws IOException {
    if (cached == null) {
      return;
    }
    Files.createDirectories(cached.getParent());
    Path partial = Files.createTempFile(cached.getParent(), "ocr", ".part");
    try {
      Files.writeString(partial, text, StandardCharsets.UTF_8);
      try {
        Files.move(partial, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, cached, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /** The same XHTML Tesseract's parser writes (the text in a div of class "ocr"), with our attributes. */
  private static void write(ContentHandler handler, Metadata metadata, String text, Map<String, String> attributes)
      throws SAXException {
    XHTMLContentHandler xhtml = new XHTMLContentHandler(handler, metadata);
    xhtml.startDocument();
    AttributesImpl div = new AttributesImpl();
    div.addAttribute("", "class", "class", "CDATA", OCR_CLASS);
    new TreeMap<>(attributes).forEach((name, value) -> div.addAttribute("", name, name, "CDATA", value));
    xhtml.startElement("div", div);
    xhtml.characters(text);
    xhtml.endElement("div");
    xhtml.endDocument();
  }

  /**
   * Stops Tesseract when the budget runs out rather than after its own timeout, unless the caller
   * set Tesseract's options for this parse. True when it set them (to be removed after the image).
   */
  private boolean capTesseractTime(ParseContext context, FileBudget budget) {
    if (budgetSeconds <= 0 || context.get(TesseractOCRConfig.class) != null) {
      return false;
    }
    TesseractOCRConfig capped = new TesseractOCRConfig();
    capped.setTimeoutSeconds((int) Math.max(1, Math.min(getDefaultConfig().getTimeoutSeconds(),
        (budget.remainingMillis() + 999) / 1000)));
    context.set(TesseractOCRConfig.class, capped);
    return true;
  }

  /** When the current input file's OCR budget ends. */
  private static final class FileBudget {
    private final long endsNanos;
    private final boolean unlimited;

    FileBudget(int seconds) {
      this.unlimited = seconds <= 0;
      this.endsNanos = System.nanoTime() + seconds * 1_000_000_000L;
    }

    long remainingMillis() {
      return unlimited ? Long.MAX_VALUE : (endsNanos - System.nanoTime()) / 1_000_000;
    }
  }

  private static long millisSince(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }

  /** Collects the characters Tesseract's parser writes inside its div of class "ocr". */
  private static final class OcrText extends DefaultHandler {
    private final StringBuilder text = new StringBuilder();
    private int depth;

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      if (depth > 0 || OCR_CLASS.equals(attributes.getValue("class"))) {
        depth++;
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      if (depth > 0) {
        depth--;
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (depth > 0) {
        text.append(ch, start, length);
      }
    }

    String text() {
      return text.toString();
    }
  }
}
