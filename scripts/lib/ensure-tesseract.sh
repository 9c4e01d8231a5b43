#!/usr/bin/env bash
# Installs Tesseract OCR (Debian tesseract-ocr + tesseract-ocr-eng) when it is missing and the
# machine allows it. Sourced by run.sh and test.sh. Never fails the caller: without tesseract
# the pipeline still runs and marks documents "ocr: unavailable"; OCR tests skip with a reason.

# One thread per tesseract process: the pipeline runs one page at a time per parser, and on a
# small shared machine Tesseract's OpenMP threads slow each page down (5 s instead of 14 s a page here).
export OMP_THREAD_LIMIT="${OMP_THREAD_LIMIT:-1}"

ensure_tesseract() {
  if command -v tesseract >/dev/null 2>&1; then
    return 0
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1 || ! sudo -n true 2>/dev/null; then
      echo "foiwatch: WARNING: tesseract is not installed and cannot be installed without root;" \
        "scanned pages will not be read (documents get ocr: unavailable)." \
        "Install it with: apt-get install tesseract-ocr tesseract-ocr-eng" >&2
      return 0
    fi
    sudo="sudo -n"
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "foiwatch: WARNING: tesseract is not installed and this machine has no apt-get;" \
      "scanned pages will not be read (documents get ocr: unavailable)." >&2
    return 0
  fi
  echo "foiwatch: installing Tesseract OCR (tesseract-ocr, tesseract-ocr-eng)..." >&2
  local packages=(tesseract-ocr tesseract-ocr-eng)
  # Try the current package lists first; refresh them only when that fails (lists missing or stale).
  if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null 2>&1; then
    if ! { $sudo apt-get update -qq >/dev/null 2>&1 &&
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null 2>&1; }; then
      echo "foiwatch: WARNING: could not install tesseract-ocr;" \
        "scanned pages will not be read (documents get ocr: unavailable)." >&2
      return 0
    fi
  fi
  command -v tesseract >/dev/null 2>&1 && echo "foiwatch: $(tesseract --version 2>&1 | head -n 1) installed." >&2
  return 0
}
