#!/usr/bin/env bash
# Runs foiwatch. With no options: samples/ in, out/ out, on Beam's DirectRunner.
# Options are Beam-style --name=value; --help lists them.
#   --runner=FlinkRunner                      embedded Flink in this JVM (--parallelism=N)
#   --runner=FlinkRunner --flinkMaster=H:P    submit to a Flink cluster's REST address; the shaded
#                                             jar is built when needed and passed as
#                                             --filesToStage unless one is given.
set -euo pipefail
cd "$(dirname "$0")/.."

flink=""
master=""
staged=""
for arg in "$@"; do
  case "$arg" in
    --runner=FlinkRunner|--runner=flink|--runner=Flink|--runner=org.apache.beam.runners.flink.FlinkRunner) flink=1 ;;
    --flinkMaster=*) master="${arg#*=}" ;;
    --filesToStage=*) staged=1 ;;
  esac
done

extra=()
if [ -n "$flink" ] && [ -n "$master" ] && [ -z "$staged" ]; then
  case "$master" in
    "[local]"|"[auto]"|"[collection]") ;;
    *) jar="$(scripts/build.sh --jar)"; extra+=("--filesToStage=$PWD/$jar") ;;
  esac
fi
source scripts/setup.sh
source scripts/lib/ensure-tesseract.sh
ensure_tesseract
scripts/build.sh
exec java $foiwatch_java_opts \
  -cp "pipeline/target/classes:$(cat pipeline/target/classpath.txt)" \
  org.foiwatch.FoiPipeline "$@" "${extra[@]+"${extra[@]}"}"
