package org.foiwatch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.beam.sdk.values.KV;
import org.foiwatch.ingest.DocumentStatus;
import org.foiwatch.ingest.InputConfinement;
import org.foiwatch.ingest.InputReader;
import org.foiwatch.records.SourcePaths;
import org.foiwatch.sinks.RecordStore;
import org.foiwatch.sinks.RunManifest;
import org.foiwatch.sinks.RunOutput;

/**
 * Which input files a run parses, and which keep the records of the complete run in --output:
 * those whose bytes (sha256) are unchanged since, when foiwatch's version and the options that
 * shape records are the same ({@link RunSettings#extractionFingerprint}). {@code --full} parses
 * every file; {@code --retryFailed} also the files that failed for want of time, memory or a
 * live parser.
 *
 * @param toParse the input entries to parse (source, listed size)
 * @param reused the sources whose records are read from {@code storeFiles}
 * @param dropped input files of the previous run that are gone
 */
record ReusePlan(List<KV<String, Long>> toParse, Set<String> reused, int dropped, List<String> storeFiles) {

  private static final Set<String> TRANSIENT_FAILURES = Set.of(
      DocumentStatus.TIMEOUT.label(), DocumentStatus.OOM.label(), DocumentStatus.CRASHED.label());

  static ReusePlan of(FoiOptions options, List<KV<String, Long>> files, RunOutput output, InputConfinement confinement,
      SourcePaths paths) throws IOException {
    // run.json names each input file as its records do (relative to --input by default): full paths again.
    Map<String, RunManifest.InputFile> before = output.previous()
        .map(run -> run.inputs().stream().collect(Collectors.toMap(file -> paths.full(file.source()), Function.identity())))
        .orElse(Map.of());
    Set<String> now = files.stream().map(KV::getKey).collect(Collectors.toSet());
    int dropped = (int) before.keySet().stream().filter(source -> !now.contains(source)).count();
    boolean sameRecipe = output.previous()
        .map(run -> run.extractionFingerprint().equals(RunSettings.extractionFingerprint(options))).orElse(false);
    List<String> storeFiles = sameRecipe && !options.getFull()
        ? RecordStore.files(output.previousRunDirectory().orElseThrow()) : List.of();
    if (storeFiles.isEmpty()) {
      return new ReusePlan(files, Set.of(), dropped, List.of());
    }
    // Hashing reads every candidate file once: spread it over the cores.
    Set<String> reused = files.parallelStream()
        .filter(file -> unchanged(file, before.get(file.getKey()), options, confinement))
        .map(KV::getKey).collect(Collectors.toCollection(HashSet::new));
    List<KV<String, Long>> toParse = new ArrayList<>();
    for (KV<String, Long> file : files) {
      if (!reused.contains(file.getKey())) {
        toParse.add(file);
      }
    }
    return new ReusePlan(toParse, reused, dropped, storeFiles);
  }

  private static boolean unchanged(KV<String, Long> file, RunManifest.InputFile before, FoiOptions options,
      InputConfinement confinement) {
    if (before == null || before.sha256() == null
        || (options.getRetryFailed() && TRANSIENT_FAILURES.contains(before.status()))) {
      return false;
    }
    return before.sha256().equals(InputReader.sha256(file.getKey(), file.getValue(), confinement, options.getMaxFileBytes()));
  }

  /** The run's file counts as run.json and the summary give them. */
  RunManifest.FileCounts counts() {
    return new RunManifest.FileCounts(toParse.size() + reused.size(), toParse.size(), reused.size(), dropped);
  }
}
