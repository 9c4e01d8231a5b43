#!/usr/bin/env bash
# Runs foiwatch. With no options: samples/ in, out/ out, on Beam's DirectRunner.
# Options are Beam-style --name=value; --help lists them.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
exec java ${FOIWATCH_JAVA_OPTS:--Xmx4g} \
  -cp "pipeline/target/classes:$(cat pipeline/target/classpath.txt)" \
  org.foiwatch.FoiPipeline "$@"
