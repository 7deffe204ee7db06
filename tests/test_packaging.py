"""The built package is the whole product: what ``pip install`` of a wheel, an sdist or a git URL gives.

Builds the sdist and the wheel from this checkout (``python -m build``: the sdist first, then the
wheel from the unpacked sdist, each in an isolated build environment, as pip does for a git URL),
checks their contents against the source tree, then installs the wheel into a fresh virtual
environment in a temporary directory, outside the checkout, and runs it from there:
``claimledger --version``, ``claimledger demo`` on a few documents, and ``claimledger serve``
answering /api/health and serving a page and a static file.

Kept quick: the fresh environment's dependencies install while the wheel is built, at the
versions this test run itself uses (a constraints file from the running environment: no
resolving of new versions, and the same code the rest of the suite tested), without
byte-compiling. Every dependency is still installed from the package index, and the wheel's own
dependency list is then checked by pip, so one missing from pyproject.toml fails here. Needs the
``build`` package (the test extra) and the package index pip is configured with (PyPI); about
a minute and a half on two cores."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tarfile
import time
import tomllib
import urllib.error
import urllib.request
import venv
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pytest

from claimledger._version import __version__

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "claimledger"
PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
NAME, VERSION = PROJECT["name"], __version__  # pyproject reads the version from _version.py
DATA = ("web/templates/", "web/static/", "corpus/", "extract/data/")  # package data the product needs at run time
DEMO_DOCS = 3  # the example article and two more: enough to see the demo work, quick to parse
TIMEOUT = 600  # seconds for a build or an install on a slow, busy machine
SERVE_TIMEOUT = 120
# Variables that would point the installed command back at this checkout or a developer's ledger.
LEAKY_ENV = ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "CLAIMLEDGER_DB", "CLAIMLEDGER_MODEL", "CLAIMLEDGER_TOKEN")


def package_files() -> set[str]:
    """Every file of the package in the source tree, as "claimledger/..." (no bytecode)."""
    return {
        f"{NAME}/{path.relative_to(PACKAGE).as_posix()}"
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


def run(command: list, *, cwd: Path, env: dict | None = None, timeout: float = TIMEOUT) -> subprocess.CompletedProcess:
    """Run a command; on failure the assertion shows its output, not just an exit code."""
    result = subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=timeout)
    assert result.returncode == 0, f"{command} exited {result.returncode}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def clean_env() -> dict[str, str]:
    """This process's environment (pip's index and cache settings included) without what leaks the checkout in."""
    return {**{key: value for key, value in os.environ.items() if key not in LEAKY_ENV}, "COLUMNS": "200"}


def pinned_versions(path: Path) -> Path:
    """A pip constraints file: every distribution of the running environment at its installed version."""
    pins = {
        dist.metadata["Name"].lower(): dist.version
        for dist in metadata.distributions()
        if dist.metadata["Name"] and dist.metadata["Name"].lower() != NAME
    }
    path.write_text("".join(f"{name}=={version}\n" for name, version in sorted(pins.items())), encoding="utf-8")
    return path


def pip_install(python: Path, constraints: Path, *requirements) -> list:
    """This environment's pip installing into another one (``--python``), without byte-compiling:
    the few modules a command imports are compiled when it first runs, which is quicker."""
    return [sys.executable, "-m", "pip", "--python", python, "install", "--no-input", "--no-compile",
            "--disable-pip-version-check", "--quiet", "--constraint", constraints, *requirements]


@dataclass
class FreshVenv:
    """A new virtual environment and the pip process installing claimledger's dependencies into it."""

    home: Path
    constraints: Path
    pip: subprocess.Popen
    log: Path

    @property
    def python(self) -> Path:
        return self.home / "bin" / "python"


@pytest.fixture(scope="module")
def place(tmp_path_factory) -> Path:
    """A working directory outside the checkout, as a user who installed with pip would have."""
    path = tmp_path_factory.mktemp("elsewhere")
    assert REPO not in path.parents
    return path


@pytest.fixture(scope="module")
def env() -> dict[str, str]:
    return clean_env()


@pytest.fixture(scope="module")
def fresh_venv(tmp_path_factory, place, env) -> Iterator[FreshVenv]:
    """A fresh virtual environment outside the checkout, claimledger's dependencies (pyproject.toml's
    list) installing into it in the background while the wheel is built: the two take about as long."""
    folder = tmp_path_factory.mktemp("venv")
    home = folder / "env"
    venv.create(home, with_pip=False, symlinks=os.name != "nt")  # no ensurepip: this environment's pip serves
    constraints = pinned_versions(folder / "constraints.txt")
    log = folder / "pip.log"
    with log.open("wb") as output:
        pip = subprocess.Popen([str(part) for part in pip_install(home / "bin" / "python", constraints,
                                                                  *PROJECT["dependencies"])],
                               cwd=place, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        yield FreshVenv(home, constraints, pip, log)
    finally:
        if pip.poll() is None:
            pip.kill()
        pip.wait()


@pytest.fixture(scope="module")
def dists(fresh_venv, tmp_path_factory, env) -> dict[str, Path]:
    """The sdist and the wheel, built from this checkout (while ``fresh_venv`` installs)."""
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "build", "--outdir", out, REPO], cwd=REPO, env=env)
    built = {"sdist": list(out.glob("*.tar.gz")), "wheel": list(out.glob("*.whl"))}
    assert all(len(found) == 1 for found in built.values()), built
    return {kind: found[0] for kind, found in built.items()}


@pytest.fixture(scope="module")
def installed(fresh_venv, dists, place, env) -> Path:
    """The bin/ directory of the fresh virtual environment with the wheel installed in it.

    pip installs the wheel as for any user: it checks the wheel's own dependency list against what
    is there and adds anything missing."""
    assert fresh_venv.pip.wait(timeout=TIMEOUT) == 0, fresh_venv.log.read_text(errors="replace")[-3000:]
    run(pip_install(fresh_venv.python, fresh_venv.constraints, dists["wheel"]), cwd=place, env=env)
    return fresh_venv.home / "bin"


def test_the_wheel_holds_every_package_file_and_the_licence(dists):
    with zipfile.ZipFile(dists["wheel"]) as wheel:
        names = set(wheel.namelist())
    missing = sorted(package_files() - names)
    assert not missing, f"not in the wheel: {missing}"
    for folder in DATA:  # the source tree has them, so the check above checked something
        assert any(name.startswith(f"{NAME}/{folder}") for name in names), folder
    assert f"{NAME}-{VERSION}.dist-info/licenses/LICENSE" in names
    assert f"{NAME}/corpus/README.md" in names  # the corpus's sources and licences travel with it


def test_the_sdist_holds_the_sources_the_data_and_the_licence(dists):
    root = f"{NAME}-{VERSION}"
    with tarfile.open(dists["sdist"]) as sdist:
        names = {name.removeprefix(f"{root}/") for name in sdist.getnames()}
    expected = {f"src/{name}" for name in package_files()} | {"LICENSE", "README.md", "pyproject.toml"}
    missing = sorted(expected - names)
    assert not missing, f"not in the sdist: {missing}"


def test_the_installed_command_reports_its_version(installed, place, env):
    result = run([installed / "claimledger", "--version"], cwd=place, env=env)
    assert result.stdout == f"claimledger {VERSION}\n"


@pytest.fixture(scope="module")
def demo(installed, place, env) -> tuple[subprocess.CompletedProcess, Path]:
    """``claimledger demo`` on the corpus's first documents, run outside the checkout."""
    db = place / "demo.db"
    result = run([installed / "claimledger", "demo", "--db", db, "--limit", DEMO_DOCS, "--processes", 1],
                 cwd=place, env=env)
    return result, db


def test_the_demo_runs_from_any_directory(demo, installed):
    result, db = demo
    assert f"{DEMO_DOCS} documents added, 0 failed" in result.stdout
    assert "Figures in the example article 'syrian-fighters-recruitment'" in result.stdout
    corpus = installed.parent / "lib"  # the corpus it names is the installed one, not this checkout's
    assert f"Ingested the bundled corpus ({corpus}/" in result.stdout and "/claimledger/corpus)" in result.stdout
    assert db.is_file()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, str, bytes]:
    """(status, content type, body) of a GET."""
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.headers.get("content-type", ""), response.read()


def wait_for_health(url: str, server: subprocess.Popen, log: Path) -> dict:
    """/api/health once the server answers it (it first loads the package and opens the ledger)."""
    deadline = time.monotonic() + SERVE_TIMEOUT
    while True:
        assert server.poll() is None, f"the server exited {server.returncode}:\n{log.read_text(errors='replace')}"
        try:
            status, _type, body = fetch(f"{url}/api/health")
            assert status == 200
            return json.loads(body)
        except (urllib.error.URLError, ConnectionError):
            assert time.monotonic() < deadline, f"no answer from {url}:\n{log.read_text(errors='replace')}"
            time.sleep(0.2)


def test_the_installed_server_answers_health_and_serves_pages(demo, installed, place, env):
    _result, db = demo
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = place / "serve.log"
    with log.open("wb") as output:
        server = subprocess.Popen([str(installed / "claimledger"), "serve", "--db", str(db), "--port", str(port)],
                                  cwd=place, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        health = wait_for_health(url, server, log)
        assert health["status"] == "ok" and health["version"] == VERSION and health["documents"] == DEMO_DOCS
        status, kind, page = fetch(f"{url}/")  # a page: the templates are installed
        assert status == 200 and kind.startswith("text/html")
        assert f'<a href="/documents">{DEMO_DOCS}</a>'.encode() in page
        status, kind, _css = fetch(f"{url}/static/style.css")  # the static files too
        assert status == 200 and kind.startswith("text/css")
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
