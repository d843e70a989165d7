#!/usr/bin/env bash
# Runs the end-to-end suite against the debug build in BIN_DIR (default: `swift build --show-bin-path`).
# Uses $KAFKAFLEET_PYTHON (a venv with requirements.txt), else creates .venv-e2e once.
set -euo pipefail
cd "$(dirname "$0")"
BIN_DIR=${1:-$(cd ../.. && swift build --show-bin-path)}
PYTHON=${KAFKAFLEET_PYTHON:-}
if [ -z "$PYTHON" ]; then
    if [ ! -x ../../.venv-e2e/bin/python ]; then
        python3 -m venv ../../.venv-e2e
        ../../.venv-e2e/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
    fi
    PYTHON=../../.venv-e2e/bin/python
fi
KAFKAFLEET_BIN_DIR="$BIN_DIR" exec "$PYTHON" -m pytest -q -p no:cacheprovider "${@:2}" .
