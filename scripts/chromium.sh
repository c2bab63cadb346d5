#!/usr/bin/env bash
# Makes Debian's chromium available for the report.html browser tests (test/report/batch-html):
# installs the `chromium` package with apt when /usr/bin/chromium is missing. Idempotent; nothing
# downloads a browser build of its own (playwright-core only drives this executable).
# Fails loudly: the browser suite must never skip silently.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "[chromium] ERROR: chromium is not installed and installing it needs root (apt-get install chromium)" >&2
  exit 1
fi
echo "[chromium] installing Debian's chromium package" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends chromium >&2
command -v chromium >/dev/null 2>&1 || { echo "[chromium] ERROR: chromium still not on PATH after apt-get install" >&2; exit 1; }
