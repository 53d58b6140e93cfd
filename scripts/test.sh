#!/usr/bin/env bash
# Installs every test need on a fresh Debian machine, then runs every test.
#   Debian: chromium (browser tests drive /usr/bin/chromium through Playwright; no test
#           tool downloads a browser), nginx (sub-path deployment test), a Java runtime
#           (the Nu HTML Checker), Node.js and npm when absent, DejaVu fonts, poppler-utils
#           (pdftotext reads back the printed pages).
#   npm:    axe-core, vnu-jar and lighthouse, pinned in package.json / package-lock.json.
#   PyPI:   the package with its [test] extra, at the exact versions in constraints.txt
#           (the set CI tested; DOSSIER_UNLOCKED=1 takes the newest allowed instead).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi
# Debian starts nginx when it installs it; the tests run their own on loopback.
if command -v systemctl >/dev/null 2>&1; then systemctl stop nginx >/dev/null 2>&1 || true; fi

npm ci --no-audit --no-fund --loglevel=error  # errors shown, progress not
lock=(--constraint constraints.txt)
if [ "${DOSSIER_UNLOCKED:-0}" = 1 ]; then lock=(); fi
python -m pip install -q --disable-pip-version-check "${lock[@]}" -e '.[test]'
export NO_MKDOCS_2_WARNING=1
ruff check plugins tests bench
ruff format --check plugins tests bench
mypy  # configured in pyproject.toml: --strict on plugins/
python -m pytest "$@"
