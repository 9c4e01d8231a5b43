package org.foiwatch.ingest;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What OCR did for one document.
 *
 * @param status RAN (at least one page or image read, from Tesseract or the cache); SKIPPED (it
 *     needed OCR but every image was skipped: budget spent or Tesseract failed); UNAVAILABLE (it
 *     needed OCR but tesseract is not installed); OFF (--ocr=never); NOT_NEEDED
 * @param pages pages whose text came from OCR, ascending (1 for an image file)
 * @param cachedPages how many of those came from the OCR cache
 * @param skippedPages pages that needed OCR and were not read
 * @param millis Tesseract time spent on this document (the cache costs none)
 */
public record OcrReport(Status status, List<Integer> pages, int cachedPages, List<Integer> skippedPages, long millis) {

  public enum Status {
    RAN, SKIPPED, UNAVAILABLE, OFF, NOT_NEEDED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static OcrReport of(Status status) {
    return new OcrReport(status, List.of(), 0, List.of(), 0);
  }

  /**
   * The report for a document from the images its XHTML says were sent to OCR, and the pages
   * that needed OCR: those never sent (the budget was spent before they were rendered) are
   * skipped too.
   */
  public static OcrReport read(List<XhtmlBlockReader.OcrImage> images, List<Integer> neededPages) {
    List<Integer> pages = images.stream().filter(i -> i.skipped() == null).map(XhtmlBlockReader.OcrImage::page)
        .distinct().sorted().toList();
    List<Integer> skipped = Stream.concat(neededPages.stream(),
            images.stream().filter(i -> i.skipped() != null).map(XhtmlBlockReader.OcrImage::page))
        .filter(page -> !pages.contains(page)).distinct().sorted().toList();
    int cached = (int) images.stream().filter(XhtmlBlockReader.OcrImage::cached).count();
    long millis = images.stream().mapToLong(XhtmlBlockReader.OcrImage::millis).sum();
    return new OcrReport(pages.isEmpty() ? Status.SKIPPED : Status.RAN, pages, cached, skipped, millis);
  }

  public boolean isOcrPage(int page) {
    return pages.contains(page);
  }
}
