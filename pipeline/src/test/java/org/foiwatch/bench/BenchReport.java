package org.foiwatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what {@code scripts/bench.sh} measured into the results table, the ratios and the
 * targets (met or not), and writes them as JSON. Nothing here is estimated: every figure comes
 * from a run's {@code /usr/bin/time -v} output, its GC log and the corpus manifest.
 *
 * <p>{@code main(OUT_JSON, CORPUS_DIR, RESULTS_DIR [, CORPUS_DIR, RESULTS_DIR])}: a results dir
 * holds {@code runs.tsv} (name, label, subset all|pdf, exit status, 1-min load average before
 * the run), one {@code NAME.time} per run and, for Java runs, {@code NAME.gc.log} (unified
 * logging, {@code -Xlog:gc}) and, for a run probed for its live heap, {@code NAME.live.gc.log};
 * the second pair, if any, is the growth size.
 */
public final class BenchReport {

  /** Files, pages and bytes of a corpus or of its top-level PDFs. */
  record Volume(long files, long pages, long bytes) {}

  /**
   * The heap a run's collections left: the occupancy after each young (mixed included) or full
   * pause in its GC log, B of {@code A->B(C)}. Peak RSS follows G1's heap capacity, which keeps
   * growing the longer a run gives it; what the collections leave follows what the run holds, and
   * the old generation's garbage not yet found.
   * Remark and Cleanup pauses are left out: they empty no eden, so their figure counts whatever was
   * allocated since the last young pause (a 40-file DirectRunner run: 147 MB at a Remark between
   * young pauses leaving 61 and 63 MB). The peak is the most the
   * run held after any collection, the final merge and report included. The median is the level
   * through processing, which one late spike does not move. Read from forced full collections
   * only ({@link #AFTER_FORCED_FULL}), the same figures are the live heap.
   */
  record HeapAfterGc(double peakMb, double medianMb, int collections) {}

  /** B of a young or full pause's {@code A->B(C)}, in K, M or G. */
  private static final Pattern AFTER_COLLECTION =
      Pattern.compile(" Pause (Young|Full) .*\\d+[KMG]->(\\d+)([KMG])\\(\\d+[KMG]\\)");
  /**
   * B of a full collection that {@code jcmd GC.class_histogram} forced: all that is left then is
   * live. A young pause also leaves the old generation's garbage until a marking cycle finds it,
   * so its figure creeps up through a long run while the objects the run holds stay flat.
   */
  private static final Pattern AFTER_FORCED_FULL =
      Pattern.compile(" Pause Full \\(Heap Inspection Initiated GC\\) \\d+[KMG]->(\\d+)([KMG])\\(\\d+[KMG]\\)");

  /**
   * {@code afterGc} is null for a run without a GC log (pdftotext) or without a collection in it;
   * {@code live} is the same from an untimed run of the same command whose full collections
   * bench.sh forced every few seconds ({@code NAME.live.gc.log}), null without one.
   */
  record Run(String name, String label, Volume volume, int exit, double load, double wall, double cpu, long rssKb,
      HeapAfterGc afterGc, HeapAfterGc live) {
    double filesPerSecond() {
      return volume.files() / wall;
    }

    /** Files per CPU second: unlike wall time, barely moved by other load on the machine. */
    double filesPerCpuSecond() {
      return volume.files() / cpu;
    }

    Map<String, Object> json() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("label", label);
      json.put("exit_status", exit);
      json.put("files", volume.files());
      json.put("pages", volume.pages());
      json.put("megabytes", round(volume.bytes() / 1e6));
      json.put("files_per_s", round(filesPerSecond()));
      json.put("pages_per_s", round(volume.pages() / wall));
      json.put("mb_per_s", round(volume.bytes() / 1e6 / wall));
      json.put("wall_s", wall);
      json.put("cpu_s", round(cpu));
      json.put("cpu_ms_per_file", round(1000 / filesPerCpuSecond()));
      json.put("peak_rss_mb", round(rssKb / 1024.0));
      json.put("heap_after_gc_peak_mb", afterGc == null ? null : round(afterGc.peakMb()));
      json.put("heap_after_gc_median_mb", afterGc == null ? null : round(afterGc.medianMb()));
      json.put("gc_collections", afterGc == null ? null : afterGc.collections());
      json.put("live_heap_peak_mb", live == null ? null : round(live.peakMb()));
      json.put("live_heap_samples", live == null ? null : live.collections());
      json.put("load_avg_before", load);
      return json;
    }
  }

  /** All runs on one corpus size. */
  record Size(int n, Volume all, Volume pdfs, Map<String, Run> runs) {}

  /** The runs that are not foiwatch, whose memory is no target. */
  private static final List<String> BASELINES = List.of("tika", "extract", "pdftotext");

  private BenchReport() {}

  public static void main(String[] args) throws IOException {
    List<Size> sizes = new ArrayList<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      sizes.add(size(Path.of(args[i]), Path.of(args[i + 1])));
    }
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("machine", machine());
    List<Map<String, Object>> bySize = new ArrayList<>();
    List<Map<String, Object>> targets = new ArrayList<>();
    for (Size size : sizes) {
      printTable(size);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("n", size.n());
      Map<String, Object> runs = new LinkedHashMap<>();
      size.runs().forEach((name, run) -> runs.put(name, run.json()));
      json.put("runs", runs);
      Map<String, Object> ratios = new LinkedHashMap<>();
      ratio(size, "direct", "tika", "b/a DirectRunner / bare Tika loop", ratios);
      ratio(size, "extract", "tika", "e/a Tika + extraction loop / bare Tika loop", ratios);
      ratio(size, "direct", "extract", "b/e DirectRunner / Tika + extraction loop", ratios);
      ratio(size, "flink2", "flink1", "c2/c1 FlinkRunner parallelism 2 / 1", ratios);
      ratio(size, "direct", "pdftotext", "b/d DirectRunner / pdftotext+grep", ratios);
      json.put("throughput_ratios", ratios);
      bySize.add(json);
      target(targets, "N=" + size.n() + ": DirectRunner >= 0.9x bare Tika loop", ratios.get("direct/tika"), 0.9, true);
      target(targets, "N=" + size.n() + ": FlinkRunner p2 >= 1.8x p1", ratios.get("flink2/flink1"), 1.8, true);
    }
    results.put("sizes", bySize);
    if (sizes.size() == 2) {
      results.put("growth", growth(sizes.get(0), sizes.get(1), targets));
    }
    results.put("targets", targets);
    System.out.println();
    for (Map<String, Object> target : targets) {
      System.out.printf("target %-66s %-10s %s%n", target.get("target"), target.get("measured"), target.get("status"));
    }
    Path out = Path.of(args[0]);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), results);
    System.out.println("wrote " + out);
  }

  private static Size size(Path corpus, Path results) throws IOException {
    long files = 0, pages = 0, bytes = 0, pdfFiles = 0, pdfPages = 0, pdfBytes = 0;
    List<String> manifest = Files.readAllLines(corpus.resolve(BenchCorpus.MANIFEST));
    for (String line : manifest.subList(1, manifest.size())) {
      String[] f = line.split("\t");
      files++;
      pages += Long.parseLong(f[3]);
      bytes += Long.parseLong(f[2]);
      if (f[0].endsWith(".pdf")) { // what the pdftotext loop reads: top-level PDFs, scans included
        pdfFiles++;
        pdfPages += Long.parseLong(f[3]);
        pdfBytes += Long.parseLong(f[2]);
      }
    }
    Volume all = new Volume(files, pages, bytes);
    Volume pdfs = new Volume(pdfFiles, pdfPages, pdfBytes);
    Map<String, Run> runs = new LinkedHashMap<>();
    for (String line : Files.readAllLines(results.resolve("runs.tsv"))) {
      String[] f = line.split("\t");
      runs.put(f[0], run(f[0], f[1], f[2].equals("pdf") ? pdfs : all, Integer.parseInt(f[3]),
          Double.parseDouble(f[4]), results.resolve(f[0] + ".time"), heapAfterGc(results.resolve(f[0] + ".gc.log"), false),
          heapAfterGc(results.resolve(f[0] + ".live.gc.log"), true)));
    }
    return new Size((int) files, all, pdfs, runs);
  }

  /** Reads GNU time's -v report: wall clock, user + system CPU, maximum resident set size. */
  private static Run run(String name, String label, Volume volume, int exit, double load, Path timeFile,
      HeapAfterGc afterGc, HeapAfterGc live) throws IOException {
    double wall = 0, cpu = 0;
    long rss = 0;
    for (String line : Files.readAllLines(timeFile)) {
      String value = line.substring(line.lastIndexOf(": ") + 2).strip();
      if (line.contains("Elapsed (wall clock) time")) {
        double seconds = 0;
        for (String part : value.split(":")) {
          seconds = seconds * 60 + Double.parseDouble(part);
        }
        wall = seconds;
      } else if (line.contains("User time (seconds)") || line.contains("System time (seconds)")) {
        cpu += Double.parseDouble(value);
      } else if (line.contains("Maximum resident set size")) {
        rss = Long.parseLong(value);
      }
    }
    return new Run(name, label, volume, exit, load, wall, cpu, rss, afterGc, live);
  }

  /**
   * Reads a GC log's young and full pauses, or only the full collections jcmd forced when {@code
   * forced}; null when the log is missing or holds none.
   */
  static HeapAfterGc heapAfterGc(Path gcLog, boolean forced) throws IOException {
    if (!Files.exists(gcLog)) {
      return null;
    }
    List<Double> afterMb = new ArrayList<>();
    for (String line : Files.readAllLines(gcLog)) {
      Matcher collection = (forced ? AFTER_FORCED_FULL : AFTER_COLLECTION).matcher(line);
      if (collection.find()) {
        int amount = forced ? 1 : 2;
        afterMb.add(Long.parseLong(collection.group(amount)) * switch (collection.group(amount + 1)) {
          case "K" -> 1 / 1024.0;
          case "G" -> 1024.0;
          default -> 1.0;
        });
      }
    }
    if (afterMb.isEmpty()) {
      return null;
    }
    afterMb.sort(null);
    int middle = afterMb.size() / 2;
    double median = afterMb.size() % 2 == 1 ? afterMb.get(middle) : (afterMb.get(middle - 1) + afterMb.get(middle)) / 2;
    return new HeapAfterGc(afterMb.get(afterMb.size() - 1), median, afterMb.size());
  }

  private static void printTable(Size size) {
    System.out.printf("%nN=%d: %d files, %d pages, %.1f MB (top-level PDFs: %d files, %d pages, %.1f MB)%n",
        size.n(), size.all().files(), size.all().pages(), size.all().bytes() / 1e6,
        size.pdfs().files(), size.pdfs().pages(), size.pdfs().bytes() / 1e6);
    System.out.printf("%-36s %8s %8s %7s %8s %8s %8s %9s %9s %9s %9s %5s %5s%n", "run", "files/s", "pages/s", "MB/s",
        "wall s", "CPU s", "CPU ms/f", "RSS MB", "GC peak", "GC med", "live", "load", "exit");
    for (Run run : size.runs().values()) {
      System.out.printf("%-36s %8.2f %8.1f %7.2f %8.1f %8.1f %8.0f %9.0f %9s %9s %9s %5.1f %5d%n", run.label(),
          run.filesPerSecond(), run.volume().pages() / run.wall(), run.volume().bytes() / 1e6 / run.wall(), run.wall(),
          run.cpu(), 1000 / run.filesPerCpuSecond(), run.rssKb() / 1024.0, megabytes(run.afterGc(), HeapAfterGc::peakMb),
          megabytes(run.afterGc(), HeapAfterGc::medianMb), megabytes(run.live(), HeapAfterGc::peakMb), run.load(), run.exit());
    }
  }

  private static String megabytes(HeapAfterGc heap, ToDoubleFunction<HeapAfterGc> figure) {
    return heap == null ? "-" : "%.0f".formatted(figure.applyAsDouble(heap));
  }

  /** Throughput (files/s) of run {@code a} over run {@code b}, when both ran and succeeded. */
  private static void ratio(Size size, String a, String b, String label, Map<String, Object> ratios) {
    Run ra = size.runs().get(a);
    Run rb = size.runs().get(b);
    if (ra == null || rb == null || ra.exit() != 0 || rb.exit() != 0) {
      return;
    }
    double ratio = ra.filesPerSecond() / rb.filesPerSecond();
    double cpuRatio = ra.filesPerCpuSecond() / rb.filesPerCpuSecond();
    ratios.put(a + "/" + b, round(ratio));
    ratios.put(a + "/" + b + " per CPU second", round(cpuRatio));
    System.out.printf("  %-44s %5.2f (files per CPU second: %.2f)%n", label, ratio, cpuRatio);
  }

  private static Double peakRatio(HeapAfterGc small, HeapAfterGc large) {
    return small == null || large == null ? null : round(large.peakMb() / small.peakMb());
  }

  /**
   * Throughput, peak RSS, peak heap after GC and peak live heap at 4N against N, and the marginal rate: the extra files
   * over the extra wall time, which leaves out what every run pays once (JVM and parser start-up,
   * JIT warm-up).
   */
  private static Map<String, Object> growth(Size small, Size large, List<Map<String, Object>> targets) {
    System.out.printf("%ngrowth N=%d -> %d: %-22s %12s %12s %12s %12s %14s%n", small.n(), large.n(), "", "files/s",
        "peak RSS", "after GC", "live heap", "marginal f/s");
    Map<String, Object> growth = new LinkedHashMap<>();
    Map<String, Double> marginal = new LinkedHashMap<>();
    for (Run run : small.runs().values()) {
      Run big = large.runs().get(run.name());
      if (big == null || run.exit() != 0 || big.exit() != 0) {
        continue;
      }
      double throughput = big.filesPerSecond() / run.filesPerSecond();
      double rss = (double) big.rssKb() / run.rssKb();
      Double afterGc = peakRatio(run.afterGc(), big.afterGc());
      Double live = peakRatio(run.live(), big.live());
      double extraFilesPerSecond = (big.volume().files() - run.volume().files()) / (big.wall() - run.wall());
      marginal.put(run.name(), extraFilesPerSecond);
      System.out.printf("  %-46s %11.2fx %11.2fx %12s %12s %14.1f%n", run.label(), throughput, rss,
          afterGc == null ? "-" : "%.2fx".formatted(afterGc), live == null ? "-" : "%.2fx".formatted(live), extraFilesPerSecond);
      Map<String, Object> runGrowth = new LinkedHashMap<>();
      runGrowth.put("throughput_ratio", round(throughput));
      runGrowth.put("peak_rss_ratio", round(rss));
      runGrowth.put("heap_after_gc_peak_ratio", afterGc);
      runGrowth.put("live_heap_peak_ratio", live);
      runGrowth.put("marginal_files_per_s", round(extraFilesPerSecond));
      growth.put(run.name(), runGrowth);
      if (!BASELINES.contains(run.name())) {
        target(targets, run.label() + ": peak RSS at 4N <= 1.10x N", round(rss), 1.10, false);
        if (live != null) {
          target(targets, run.label() + ": live heap at 4N <= 1.10x N", live, 1.10, false);
        }
      }
    }
    marginalRatio(marginal, "direct", "tika", "marginal b/a DirectRunner / bare Tika loop", growth);
    marginalRatio(marginal, "extract", "tika", "marginal e/a Tika + extraction / bare Tika", growth);
    marginalRatio(marginal, "direct", "extract", "marginal b/e DirectRunner / Tika + extraction", growth);
    marginalRatio(marginal, "flink2", "flink1", "marginal c2/c1 FlinkRunner parallelism 2 / 1", growth);
    return growth;
  }

  private static void marginalRatio(Map<String, Double> marginal, String run, String base, String label,
      Map<String, Object> growth) {
    if (marginal.containsKey(run) && marginal.containsKey(base)) {
      double ratio = marginal.get(run) / marginal.get(base);
      System.out.printf("  %-46s %5.2f%n", label, ratio);
      growth.put("marginal_" + run + "/" + base, round(ratio));
    }
  }

  private static void target(List<Map<String, Object>> targets, String name, Object measured, double bound, boolean atLeast) {
    Map<String, Object> target = new LinkedHashMap<>();
    target.put("target", name);
    target.put("measured", measured);
    target.put("status", measured == null ? "not measured"
        : (atLeast ? (double) measured >= bound : (double) measured <= bound) ? "met" : "NOT MET");
    targets.add(target);
  }

  private static Map<String, Object> machine() throws IOException {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("cpu", Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
        .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown"));
    machine.put("memory_gib", round(((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() / (double) (1L << 30)));
    machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    return machine;
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
