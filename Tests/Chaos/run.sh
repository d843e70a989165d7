#!/usr/bin/env bash
# Runs the chaos harness (chaos.py) against the debug build in BIN_DIR: run.sh BIN_DIR small|full [chaos.py options].
# The harness is plain Python 3.11; moto_server comes from $KAFKAFLEET_MOTO_SERVER, else the end-to-end suite's venv
# (.venv-e2e, created once from Tests/EndToEnd/requirements.txt).
set -euo pipefail
cd "$(dirname "$0")"
BIN_DIR=${1:?usage: run.sh BIN_DIR small|full [options]}
SIZE=${2:?usage: run.sh BIN_DIR small|full [options]}
MOTO=${KAFKAFLEET_MOTO_SERVER:-}
if [ -z "$MOTO" ]; then
    if [ ! -x ../../.venv-e2e/bin/moto_server ]; then
        python3 -m venv ../../.venv-e2e
        ../../.venv-e2e/bin/pip install --quiet --disable-pip-version-check -r ../EndToEnd/requirements.txt
    fi
    MOTO=$(cd ../.. && pwd)/.venv-e2e/bin/moto_server
fi
exec python3 chaos.py --size "$SIZE" --bin-dir "$BIN_DIR" --moto-server "$MOTO" "${@:3}"
