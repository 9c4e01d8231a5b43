package org.foiwatch.bench;

import java.io.ByteArrayInputStream;
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

/**
 * The benchmark's baseline: Tika alone, in process, on a pool of all cores — the parse foiwatch
 * runs (recursive, XHTML out, PDF text sorted by position, OCR off) with no Beam and no extraction.
 * {@code main(CORPUS_DIR [THREADS])}; prints one summary line.
 */
public final class TikaLoop {

  private TikaLoop() {}

  public static void main(String[] args) throws Exception {
    List<Path> files = BenchCorpus.files(Path.of(args[0]));
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    // One parser shared by all threads, as a foiwatch worker shares one.
    RecursiveParserWrapper parser = new RecursiveParserWrapper(new AutoDetectParser(TikaConfig.getDefaultConfig()));
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<long[]>> results = new ArrayList<>();
    for (Path file : files) {
      results.add(pool.submit(() -> parse(parser, file)));
    }
    long documents = 0;
    long chars = 0;
    long failed = 0;
    for (Future<long[]> result : results) {
      long[] counts = result.get();
      documents += counts[0];
      chars += counts[1];
      failed += counts[2];
    }
    pool.shutdown();
    System.out.printf("tika-loop: %d files, %d documents, %d failed, %d chars of XHTML; %.1f s on %d threads%n",
        files.size(), documents, failed, chars, (System.nanoTime() - started) / 1e9, threads);
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
