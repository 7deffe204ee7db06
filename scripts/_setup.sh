# Shared by scripts/test.sh and scripts/demo.sh (sourced, not run): Debian packages and .venv.
# Expects to be sourced from the repository root with `set -euo pipefail` in force.

# Debian packages that `pip` cannot provide, needed by the tests only (scripts/test.sh installs
# them; the demo needs none). Installed only when running as root with apt-get available, and
# `apt-get update` runs once, only if something is missing.
# postgresql: the ledger tests' throwaway PostgreSQL server;
# chromium: the browser tests' browser (Playwright drives Debian's build at /usr/bin/chromium)
TEST_APT_PACKAGES=(postgresql chromium)

apt_install_missing() {
    local missing=() pkg
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$pkg")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        echo "note: not root or no apt-get; skipping Debian packages: ${missing[*]}" >&2
        return 0
    fi
    echo "installing Debian packages: ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# A virtual environment in .venv with a working pip; on Debian, python3 -m venv needs the
# python3-venv package, which is installed here when possible.
ensure_venv() {
    local python=${PYTHON:-python3}
    if [ -x .venv/bin/python ] && .venv/bin/python -m pip --version >/dev/null 2>&1; then
        return 0
    fi
    rm -rf .venv
    if ! "$python" -m venv .venv; then
        rm -rf .venv
        local version
        version=$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
        echo "python3 -m venv failed; trying to install python${version}-venv" >&2
        apt_install_missing "python${version}-venv"
        "$python" -m venv .venv
    fi
}
