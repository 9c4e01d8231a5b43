#!/usr/bin/env bash
# Builds the pipeline when the build is missing or older than any source, schema or pom.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

stamp=pipeline/target/.foiwatch-built
if [ -f "$stamp" ] && [ -f pipeline/target/classpath.txt ] \
   && [ -z "$(find pom.xml pipeline/pom.xml pipeline/src/main schemas -newer "$stamp" -print -quit)" ]; then
  exit 0
fi
echo "foiwatch: building (first run or sources changed)..." >&2
mvn -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2
touch "$stamp"
