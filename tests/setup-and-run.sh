#!/usr/bin/env bash
# Install everything the tests need on a fresh machine, then run the whole suite.
#   Debian's chromium (browser tests), npm packages from package-lock.json (scorm-again,
#   axe-core), and scormbuild with its test extra, installed non-editable into .venv so the
#   tests exercise the package as users install it.
# The official XSD sets are read from $SCORMBUILD_SCHEMAS or ../shared/schemas.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi

npm ci --no-audit --no-fund --loglevel=error

python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
.venv/bin/pip install --quiet ".[test]"

exec .venv/bin/python -m pytest "$@"
