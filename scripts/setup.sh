#!/usr/bin/env bash
# Everything a fresh machine needs to run soanthao and its tests: the npm packages from the lockfile,
# Debian's chromium for the browser tests, Debian's postgresql for the suite's second run (the tests
# start their own throwaway cluster; no server is set up here), and LibreOffice with poppler for PDF
# export, each when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund

updated=""
# need <what it is for> <skip variable> <test that it is present> <Debian packages...>
need() {
  local why="$1" skip="$2" present="$3"
  shift 3
  if [ "${!skip:-}" = "1" ] || bash -c "$present" >/dev/null 2>&1; then return; fi
  if [ "$(id -u)" != "0" ]; then
    echo "setup: missing for $why; install them with: sudo apt-get install $*" >&2
    return
  fi
  echo "setup: installing $* for $why"
  if [ -z "$updated" ]; then
    apt-get update -qq
    updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

need "the browser tests" SOANTHAO_SKIP_BROWSER "test -x /usr/bin/chromium" chromium
need "the tests on PostgreSQL" SOANTHAO_SKIP_POSTGRES "ls /usr/lib/postgresql/*/bin/initdb" postgresql
# LibreOffice prints exports to PDF (the product's PDF export, its preview, and the print tests).
need "PDF export and the print tests" SOANTHAO_SKIP_PRINT "command -v soffice && command -v pdftotext" \
  libreoffice-writer-nogui fonts-liberation2 poppler-utils
