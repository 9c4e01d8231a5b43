#!/usr/bin/env bash
# Runs the whole test suite (mvn verify), installing what the tests need first (the OCR tests
# skip, saying why, where tesseract cannot be installed).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
source scripts/lib/ensure-tesseract.sh
ensure_tesseract
mvn -B verify "$@"
