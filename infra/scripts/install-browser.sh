#!/usr/bin/env bash
# Debian's chromium for the admin page's browser tests (Playwright drives it through
# executable_path; we never download a browser build of Playwright's own). No-op when present.
set -euo pipefail

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "chromium is missing and this user cannot install it; install: apt-get install chromium" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
echo "installing chromium (browser tests of the admin page)" >&2
if ! $SUDO apt-get install -y -q --no-install-recommends chromium >/dev/null; then
  $SUDO apt-get update -q >/dev/null
  $SUDO apt-get install -y -q --no-install-recommends chromium >/dev/null
fi
[ -x "$CHROMIUM" ]
