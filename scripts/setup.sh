#!/usr/bin/env bash
# Everything a fresh machine needs to run soanthao and its tests: the npm packages from the lockfile,
# and Debian's chromium for the browser tests when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund

if [ ! -x /usr/bin/chromium ] && [ "${SOANTHAO_SKIP_BROWSER:-}" != "1" ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "setup: installing Debian's chromium for the browser tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else
    echo "setup: /usr/bin/chromium is missing; install Debian's chromium (sudo apt-get install chromium) for the browser tests" >&2
  fi
fi

if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null; then
  if [ "$(id -u)" = "0" ]; then
    echo "setup: installing LibreOffice Writer and poppler to print exports in the tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui fonts-liberation2 poppler-utils >/dev/null
  else
    echo "setup: soffice or pdftotext is missing; install them (sudo apt-get install libreoffice-writer-nogui fonts-liberation2 poppler-utils) for the print tests" >&2
  fi
fi
