#!/usr/bin/env bash
# Debian packages the offline extractor needs: tesseract OCR with the languages our families
# read (English, Simplified Chinese, Punjabi, Filipino for Tagalog). Does nothing when present.
set -euo pipefail

PACKAGES=(tesseract-ocr tesseract-ocr-eng tesseract-ocr-chi-sim tesseract-ocr-pan tesseract-ocr-fil)
LANGS=(eng chi_sim pan fil)

have_all() {
  command -v tesseract >/dev/null 2>&1 || return 1
  local installed
  installed="$(tesseract --list-langs 2>/dev/null)"
  for lang in "${LANGS[@]}"; do
    grep -qx "$lang" <<<"$installed" || return 1
  done
}

if have_all; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "tesseract with ${LANGS[*]} is missing and this user cannot install it;" >&2
    echo "install: apt-get install ${PACKAGES[*]}" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
echo "installing ${PACKAGES[*]} (OCR for image newsletters)" >&2
if ! $SUDO apt-get install -y -q --no-install-recommends "${PACKAGES[@]}" >/dev/null; then
  $SUDO apt-get update -q >/dev/null
  $SUDO apt-get install -y -q --no-install-recommends "${PACKAGES[@]}" >/dev/null
fi
have_all
