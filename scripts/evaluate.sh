#!/usr/bin/env bash
# Scores a run: ./scripts/evaluate.sh TRUTH.jsonl OUTPUT_DIR (truth format: samples/truth.jsonl).
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 TRUTH.jsonl OUTPUT_DIR" >&2; exit 2; }
truth=$(realpath "$1"); output=$(realpath "$2")
cd "$(dirname "$0")/.."
scripts/build.sh
exec java -cp "pipeline/target/classes:$(cat pipeline/target/classpath.txt)" org.foiwatch.evaluate.Evaluator "$truth" "$output"
