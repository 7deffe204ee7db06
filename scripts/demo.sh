#!/usr/bin/env bash
# Install claimledger into .venv and run its demo on the bundled corpus.
# The same as: python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/claimledger demo
# Usage: bash scripts/demo.sh [claimledger demo options...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/_setup.sh

ensure_venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e .
exec .venv/bin/claimledger demo "$@"
