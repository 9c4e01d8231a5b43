package org.foiwatch.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.RecursiveParserWrapper;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BasicContentHandlerFactory;
import org.apache.tika.sax.RecursiveParserWrapperHandler;
import org.foiwatch.extract.DocumentExtractor;
import org.foiwatch.ingest.ParsedDocument;
import org.foiwatch.ingest.ParserLimits;
import org.foiwatch.ingest.TikaDocumentParser;

/**
 * The benchmark's baselines, in process on a thread per core, with no Beam and nothing written.
 * {@code main(CORPUS_DIR [--extract])}; prints one summary line.
 * <ul>
 *   <li>(a) by default, Tika alone: the parse foiwatch runs (recursive, XHTML out, PDF text sorted
 *       by position, OCR off) and no extraction;
 *   <li>(e) with {@code --extract}, foiwatch's own per-file work: its Tika configuration and
 *       XHTML reading, then its extraction of every document, so that (a) to (e) is what
 *       extraction costs and (e) to (b) what Beam, parser isolation and writing records cost.
 * </ul>
 */
public final class TikaLoop {

  private TikaLoop() {}

  public static void main(String[] args) throws Exception {
    List<Path> files = BenchCorpus.files(Path.of(args[0]));
    boolean extract = List.of(args).contains("--extract");
    int threads = Runtime.getRuntime().availableProcessors();
    // One Tika parser shared by all threads, as a foiwatch worker shares one; extractors per thread, as per DoFn.
    RecursiveParserWrapper parser = new RecursiveParserWrapper(new AutoDetectParser(TikaConfig.getDefaultConfig()));
    ThreadLocal<TikaDocumentParser> foiwatchParsers =
        ThreadLocal.withInitial(() -> new TikaDocumentParser(ParserLimits.defaults().withIsolation(false)));
    ThreadLocal<DocumentExtractor> extractors = ThreadLocal.withInitial(DocumentExtractor::new);
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<long[]>> results = new ArrayList<>();
    for (Path file : files) {
      results.add(pool.submit(() -> extract
          ? parseAndExtract(foiwatchParsers.get(), extractors.get(), file)
          : parse(parser, file)));
    }
    long[] totals = new long[3];
    for (Future<long[]> result : results) {
      long[] counts = result.get();
      for (int i = 0; i < totals.length; i++) {
        totals[i] += counts[i];
      }
    }
    pool.shutdown();
    System.out.printf("%s: %d files, %d documents, %d failed, %d %s; %.1f s on %d threads%n",
        extract ? "extract-loop" : "tika-loop", files.size(), totals[0], totals[2], totals[1],
        extract ? "mentions" : "chars of XHTML", (System.nanoTime() - started) / 1e9, threads);
  }

  /** Parses one file with foiwatch's parser and extracts every document; returns {documents, mentions, failed}. */
  private static long[] parseAndExtract(TikaDocumentParser parser, DocumentExtractor extractor, Path file)
      throws IOException {
    List<ParsedDocument> documents = parser.parse(file.toString(), Files.readAllBytes(file));
    long mentions = 0;
    long failed = 0;
    for (ParsedDocument document : documents) {
      mentions += extractor.extract(document).mentions().size();
      failed += document.status().failed() ? 1 : 0;
    }
    return new long[] {documents.size(), mentions, failed};
  }

  /** Parses one file; returns {documents, characters, failed (0 or 1)}. */
  private static long[] parse(RecursiveParserWrapper parser, Path file) {
    RecursiveParserWrapperHandler handler = new RecursiveParserWrapperHandler(
        new BasicContentHandlerFactory(BasicContentHandlerFactory.HANDLER_TYPE.XML, -1));
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
    ParseContext context = new ParseContext();
    PDFParserConfig pdf = new PDFParserConfig();
    pdf.setSortByPosition(true);
    context.set(PDFParserConfig.class, pdf);
    TesseractOCRConfig ocr = new TesseractOCRConfig();
    ocr.setSkipOcr(true);
    context.set(TesseractOCRConfig.class, ocr);
    // Whole file into memory first, as foiwatch reads it.
    try (InputStream stream = new ByteArrayInputStream(Files.readAllBytes(file))) {
      parser.parse(stream, handler, metadata, context);
    } catch (Exception e) {
      return new long[] {0, 0, 1};
    }
    long chars = 0;
    for (Metadata document : handler.getMetadataList()) {
      String content = document.get(TikaCoreProperties.TIKA_CONTENT);
      chars += content == null ? 0 : content.length();
    }
    return new long[] {handler.getMetadataList().size(), chars, 0};
  }
}
