#!/usr/bin/env bash
# Runs the whole test suite (mvn verify), installing what the tests need first (the OCR tests
# skip, saying why, where tesseract cannot be installed).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
source scripts/lib/ensure-tesseract.sh
ensure_tesseract
# HtmlReportTest renders report.html in headless Chromium; without it that test skips and says why.
if ! command -v chromium >/dev/null 2>&1; then
  echo "foiwatch: installing chromium for the report test..." >&2
  apt_install chromium fonts-liberation || echo "foiwatch: could not install chromium; the report rendering test will be skipped" >&2
fi
mvn -B verify "$@"
# The hostile-file tests make parsers fail on purpose; their stack traces are kept out of the console.
echo "foiwatch: all tests passed (expected parser stack traces: pipeline/target/test-parsers.log)"
