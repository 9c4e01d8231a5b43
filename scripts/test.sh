#!/usr/bin/env bash
# Runs the whole test suite (mvn verify), installing what the tests need first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
mvn -B verify "$@"
