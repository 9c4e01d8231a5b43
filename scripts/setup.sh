#!/usr/bin/env bash
# Installs what foiwatch needs on this machine when it is missing: a JDK 17+ and Maven.
# Sourced by run.sh and test.sh; safe to run again (it only installs what is absent).
set -euo pipefail

apt_install() {
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
    echo "foiwatch: please install: $* (needs root)" >&2
    return 1
  fi
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if [ -z "${FOIWATCH_APT_UPDATED:-}" ]; then
    $sudo apt-get update -qq >/dev/null
    export FOIWATCH_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if ! command -v java >/dev/null 2>&1 || ! command -v javac >/dev/null 2>&1; then
  echo "foiwatch: installing a JDK (openjdk-17-jdk-headless)..." >&2
  apt_install openjdk-17-jdk-headless
fi
if ! command -v mvn >/dev/null 2>&1; then
  echo "foiwatch: installing Maven..." >&2
  apt_install maven
fi

# JVM options of every foiwatch run (run.sh) and benchmark JVM (bench.sh). C1 only: a run of a few
# hundred files spends more CPU in C2 compiling than C2's faster code wins back (600-file bench:
# 36.7 s -> 21.9 s wall; even at 2,400 files 73.9 s -> 70.4 s). The forked parser JVMs follow.
# Set FOIWATCH_JAVA_OPTS=-Xmx4g for C2 on very long single-machine runs.
foiwatch_java_opts="${FOIWATCH_JAVA_OPTS:--Xmx4g -XX:TieredStopAtLevel=1}"

# Maven for the scripts' own builds, condensed on stderr to one line per build step and errors:
# a first build downloads and compiles for a minute or two, and says what it is doing.
mvn_progress() {
  mvn -B "$@" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' | awk '
    /^\[INFO\] --- / { n = split($3, part, ":"); print "foiwatch: build: " part[n] " (" part[1] ")"; fflush(); next }
    /^\[INFO\] Downloading from/ { if (downloads++ % 100 == 0) { print "foiwatch: build: downloading dependencies..."; fflush() } next }
    /^\[ERROR\]/ { print; fflush() }' >&2
}

# Quiet Maven for the scripts' own builds, its output on stderr. Debian's Maven 3.8 writes ANSI
# colour resets even in batch mode (-B -q), which showed as "[0m" before foiwatch's own lines.
mvn_quiet() {
  mvn -B -q "$@" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2
}
