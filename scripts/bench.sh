#!/usr/bin/env bash
# Benchmarks foiwatch against a bare Tika parse loop and pdftotext+grep on one synthetic corpus.
#
#   scripts/bench.sh [N] [--no-growth]     N files (default 600), then the same at 4N
#   scripts/bench.sh 10 --no-growth        smoke run (about a minute)
#
# The corpus (BenchCorpus, test sources: ~70% PDFs of 1-20 pages, a scan in 30, DOCX, XLSX and
# e-mails with attachments) is generated once into work/bench/corpus-N and reused. Each
# measurement runs alone under /usr/bin/time -v on all cores:
#   (a) tika       bare in-process Tika loop, a thread per core (TikaLoop)
#   (e) extract    the same loop doing foiwatch's parse and extraction, still no Beam (TikaLoop --extract)
#   (b) direct     foiwatch on the DirectRunner (scripts/run.sh); then again, untimed, for its live heap
#                  (full collections forced every 5 s with jcmd)
#   (c) flink1/2   foiwatch on embedded Flink, parallelism 1 and 2
#   (d) pdftotext  pdftotext | grep over the top-level PDFs, a process per core (if poppler-utils)
# Each Java measurement's JVM writes a GC log, results-N/NAME.gc.log (the forked parser JVMs none).
# BenchReport prints the table, ratios and targets (peak RSS, heap after GC, the probed live heap)
# and writes bench-results.json.
# Environment: FOIWATCH_JAVA_OPTS (JVM options of every Java run, default in scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

n=600
growth=1
for arg in "$@"; do
  case "$arg" in
    --no-growth) growth="" ;;
    ''|*[!0-9]*) echo "usage: scripts/bench.sh [N] [--no-growth]" >&2; exit 2 ;;
    *) n="$arg" ;;
  esac
done
[ "$n" -gt 0 ] || { echo "bench: N must be at least 1" >&2; exit 2; }

if [ ! -x /usr/bin/time ]; then
  echo "bench: installing GNU time (for peak RSS)..." >&2
  apt_install time || { echo "bench: /usr/bin/time is required and could not be installed" >&2; exit 1; }
fi
if ! command -v pdftotext >/dev/null; then
  echo "bench: installing poppler-utils (for the pdftotext baseline)..." >&2
  apt_install poppler-utils || echo "bench: NOTICE: poppler-utils could not be installed; skipping (d) pdftotext" >&2
fi

# The pipeline's classes (build.sh), then the test classes where the bench code lives.
scripts/build.sh
stamp=pipeline/target/.bench-built
if [ ! -f "$stamp" ] || [ -n "$(find pipeline/src pipeline/pom.xml pom.xml -newer "$stamp" -print -quit)" ]; then
  echo "bench: compiling the benchmark (test sources)..." >&2
  (cd pipeline && mvn_quiet -Dfoiwatch.shade.skip=true test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt)
  touch "$stamp"
fi
# An array, not a function: /usr/bin/time has to exec it.
# shellcheck disable=SC2206
bench_java=(java $foiwatch_java_opts -Djava.awt.headless=true
  -cp "pipeline/target/test-classes:pipeline/target/classes:$(cat pipeline/target/test-classpath.txt)")

corpus() { # corpus N: generates work/bench/corpus-N once
  local dir="work/bench/corpus-$1"
  if [ ! -f "$dir/manifest.tsv" ]; then
    echo "bench: generating $1 files into $dir..." >&2
    rm -rf "$dir" "$dir.tmp"
    "${bench_java[@]}" org.foiwatch.bench.BenchCorpus "$1" "$dir.tmp"
    mv "$dir.tmp" "$dir"
  fi
}

# measure RESULTS NAME LABEL SUBSET COMMAND...: one timed run; its output goes to RESULTS/NAME.log.
# The JVM of a java command (bench_java) or of scripts/run.sh (FOIWATCH_JAVA_OPTS) writes its GC
# log to RESULTS/NAME.gc.log; the default JVM options stay as they are.
measure() {
  local results="$1" name="$2" label="$3" subset="$4" status=0 load gc_log
  shift 4
  gc_log="-Xlog:gc:file=$results/$name.gc.log"
  [ "$1" = java ] && set -- java "$gc_log" "${@:2}"
  load="$(cut -d' ' -f1 /proc/loadavg)"
  echo "bench: $label..." >&2
  FOIWATCH_JAVA_OPTS="$foiwatch_java_opts $gc_log" /usr/bin/time -v -o "$results/$name.time" "$@" \
    >"$results/$name.log" 2>&1 || status=$?
  [ "$status" -eq 0 ] || echo "bench: $label exited with $status; see $results/$name.log" >&2
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$label" "$subset" "$status" "$load" >>"$results/runs.tsv"
}

# probe_live_heap RESULTS NAME COMMAND...: runs COMMAND (a scripts/run.sh run) again, untimed, and every
# 5 s has its JVM collect in full and count what is left (jcmd GC.class_histogram): the forced
# full collections in RESULTS/NAME.live.gc.log are its live heap. A young pause's figure (NAME.gc.log)
# also counts old garbage no marking has found yet, and creeps up through a long run.
probe_live_heap() {
  local results="$1" name="$2" pid
  shift 2
  command -v jcmd >/dev/null || { echo "bench: NOTICE: no jcmd; the live heap is not probed" >&2; return 0; }
  echo "bench: probing the live heap of $name (untimed)..." >&2
  FOIWATCH_JAVA_OPTS="$foiwatch_java_opts -Xlog:gc:file=$results/$name.live.gc.log" "$@" \
    >"$results/$name.live.log" 2>&1 &
  pid=$!
  while sleep 5 && kill -0 "$pid" 2>/dev/null; do
    jcmd "$pid" GC.class_histogram >/dev/null 2>&1 || true # before run.sh execs java there is no JVM to ask
  done
  wait "$pid" || echo "bench: the live heap probe of $name exited with $?; see $results/$name.live.log" >&2
}

bench_size() { # bench_size N: all measurements on corpus-N into work/bench/results-N
  local size="$1" files results
  corpus "$size"
  files="work/bench/corpus-$size/files"
  results="work/bench/results-$size"
  rm -rf "$results"
  mkdir -p "$results"
  measure "$results" tika "(a) bare Tika loop, $(nproc) threads" all \
    "${bench_java[@]}" org.foiwatch.bench.TikaLoop "work/bench/corpus-$size"
  measure "$results" extract "(e) Tika + extraction, $(nproc) threads" all \
    "${bench_java[@]}" org.foiwatch.bench.TikaLoop "work/bench/corpus-$size" --extract
  # OCR off in (b) and (c): the bare loop (a) reads no scans either, so the ratios compare the
  # same work; a run's own summary reports OCR pages and time.
  measure "$results" direct "(b) foiwatch DirectRunner" all \
    scripts/run.sh --ocr=never --input="$files" --output="$results/out-direct"
  probe_live_heap "$results" direct scripts/run.sh --ocr=never --input="$files" --output="$results/out-direct-live"
  measure "$results" flink1 "(c1) foiwatch FlinkRunner p=1" all \
    scripts/run.sh --ocr=never --runner=FlinkRunner --parallelism=1 --input="$files" --output="$results/out-flink1"
  measure "$results" flink2 "(c2) foiwatch FlinkRunner p=2" all \
    scripts/run.sh --ocr=never --runner=FlinkRunner --parallelism=2 --input="$files" --output="$results/out-flink2"
  if command -v pdftotext >/dev/null; then
    # A process per core; grep's "no match" status is not a failure.
    measure "$results" pdftotext "(d) pdftotext | grep, $(nproc) procs" pdf \
      sh -c 'find "$1" -maxdepth 1 -name "*.pdf" -print0 | xargs -0 -n 16 -P "$(nproc)" sh -c '"'"'
        for f; do pdftotext -q "$f" - | grep -ciE "hikvision|dahua|axis|hanwha|bosch|uniview" || true; done'"'"' _' \
      _ "$files"
  fi
  # The records must not depend on the runner: a fast wrong answer is no result.
  local run records
  for run in flink1 flink2; do
    for records in documents mentions equipment; do
      if ! cmp -s "$results/out-direct/$records.jsonl" "$results/out-$run/$records.jsonl"; then
        echo "bench: WARNING: $records.jsonl of $run differs from the DirectRunner's" >&2
      fi
    done
  done
}

pairs=()
bench_size "$n"
pairs+=("work/bench/corpus-$n" "work/bench/results-$n")
if [ -n "$growth" ]; then
  bench_size $((4 * n))
  pairs+=("work/bench/corpus-$((4 * n))" "work/bench/results-$((4 * n))")
fi
"${bench_java[@]}" org.foiwatch.bench.BenchReport bench-results.json "${pairs[@]}"
