#!/usr/bin/env bash
# Set up .venv with the test dependencies and run the test suite.
# Usage: bash scripts/test.sh [pytest arguments...]
# Fails when pytest collects no tests (its exit code 5), so an empty run never passes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/_setup.sh

apt_install_missing "${TEST_APT_PACKAGES[@]}"
ensure_venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'

status=0
.venv/bin/python -m pytest "$@" || status=$?
if [ "$status" -eq 5 ]; then
    echo "error: pytest collected no tests" >&2
    exit 1
fi
exit "$status"
