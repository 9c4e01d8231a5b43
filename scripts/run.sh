#!/usr/bin/env bash
# Runs foiwatch. With no options: the repository's samples/docs in, out/ (in the current
# directory) out, on Beam's DirectRunner. --input, --output and --ocrCacheDir are read from the
# directory you run this from. Options are Beam-style --name=value; --help (-h) lists them.
#   --runner=FlinkRunner                      embedded Flink in this JVM (--parallelism=N)
#   --runner=FlinkRunner --flinkMaster=H:P    submit to a Flink cluster's REST address; the shaded
#                                             jar is built when needed and passed as
#                                             --filesToStage unless one is given.
# FOIWATCH_CLASSPATH, when set, is the class path to run, and nothing is built (a test running
# this script from inside the Maven build that has just compiled it).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"

flink=""
master=""
staged=""
input=""
help=""
for arg in "$@"; do
  case "$arg" in
    --runner=FlinkRunner|--runner=flink|--runner=Flink|--runner=org.apache.beam.runners.flink.FlinkRunner) flink=1 ;;
    --flinkMaster=*) master="${arg#*=}" ;;
    --filesToStage=*) staged=1 ;;
    --input=*) input=1 ;;
    -h|--help|--help=*|--version) help=1 ;;
  esac
done

source "$repo/scripts/setup.sh"
target="$repo/pipeline/target"
extra=()
if [ -n "${FOIWATCH_CLASSPATH:-}" ]; then
  : # built by the caller
elif [ -n "$help" ] && [ -f "$target/classpath.txt" ]; then
  : # help and version come from the classes already built, even when sources changed since
else
  if [ -n "$flink" ] && [ -n "$master" ] && [ -z "$staged" ]; then
    case "$master" in
      "[local]"|"[auto]"|"[collection]") ;;
      *) extra+=("--filesToStage=$repo/$("$repo/scripts/build.sh" --jar)") ;;
    esac
  fi
  "$repo/scripts/build.sh"
fi
if [ -z "$help" ]; then
  source "$repo/scripts/lib/ensure-tesseract.sh"
  ensure_tesseract
  [ -z "$input" ] && extra+=("--input=$repo/samples/docs")
fi
exec java $foiwatch_java_opts -cp "${FOIWATCH_CLASSPATH:-$target/classes:$(cat "$target/classpath.txt")}" \
  org.foiwatch.FoiPipeline "$@" "${extra[@]+"${extra[@]}"}"
