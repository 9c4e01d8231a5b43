#!/usr/bin/env bash
# Builds the pipeline when the build is missing or older than any source, schema or pom.
#   scripts/build.sh          classes + classpath.txt (what the DirectRunner and embedded Flink use)
#   scripts/build.sh --jar    also the shaded jar pipeline/target/foiwatch-<version>-all.jar
#                             (what a Flink cluster is given); prints its path on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

want_jar=""
[ "${1:-}" = "--jar" ] && want_jar=1

stale() { # stale STAMP: the stamp is missing or older than a source, schema or pom
  [ ! -f "$1" ] || [ -n "$(find pom.xml pipeline/pom.xml pipeline/src/main schemas -newer "$1" -print -quit)" ]
}

stamp=pipeline/target/.foiwatch-built
if [ -n "$want_jar" ]; then
  # The jar is its own stamp (mvn verify makes it too).
  jar="$(ls -t pipeline/target/foiwatch-*-all.jar 2>/dev/null | head -n 1)"
  if [ -z "$jar" ] || stale "$jar" || [ ! -f pipeline/target/classpath.txt ]; then
    echo "foiwatch: building the shaded jar (first run or sources changed)..." >&2
    mvn_progress -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
    touch "$stamp"
    jar="$(ls -t pipeline/target/foiwatch-*-all.jar | head -n 1)"
  fi
  echo "$jar"
  exit 0
fi

if [ -f pipeline/target/classpath.txt ] && ! stale "$stamp"; then
  exit 0
fi
echo "foiwatch: building (first run or sources changed)..." >&2
mvn_progress -DskipTests -Dfoiwatch.shade.skip=true package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
touch "$stamp"
