#!/usr/bin/env bash
# Installs every test need on a fresh Debian machine, then runs every test.
# Debian packages: chromium (browser tests drive /usr/bin/chromium through Playwright;
# no browser is ever downloaded by a test tool).
set -euo pipefail
cd "$(dirname "$0")/.."

apt_install() {
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing Debian packages: ${missing[*]}"
  apt_install "${missing[@]}"
fi

python -m pip install -q --disable-pip-version-check -e '.[test]'
export NO_MKDOCS_2_WARNING=1
ruff check plugins tests
ruff format --check plugins tests
python -m pytest "$@"
