#!/usr/bin/env bash
# Everything a fresh machine needs to run soanthao and its tests: the npm packages from the lockfile,
# Debian's chromium for the browser tests, Debian's postgresql for the suite's second run (the tests
# start their own throwaway cluster; no server is set up here), and LibreOffice with poppler for PDF
# export, each when missing.
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

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && [ "${SOANTHAO_SKIP_POSTGRES:-}" != "1" ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "setup: installing Debian's postgresql for the tests on PostgreSQL"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  else
    echo "setup: PostgreSQL is missing; install Debian's postgresql (sudo apt-get install postgresql) for the tests on PostgreSQL" >&2
  fi
fi

# LibreOffice prints exports to PDF (the product's PDF export, its preview, and the print tests).
if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null; then
  if [ "$(id -u)" = "0" ]; then
    echo "setup: installing LibreOffice Writer and poppler to print exports in the tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui fonts-liberation2 poppler-utils >/dev/null
  else
    echo "setup: soffice or pdftotext is missing; install them (sudo apt-get install libreoffice-writer-nogui fonts-liberation2 poppler-utils) for the print tests" >&2
  fi
fi
