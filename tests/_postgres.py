"""A throwaway PostgreSQL cluster for tests and benchmarks: initdb + pg_ctl in a temporary directory.

Plain module (no pytest) so benchmarks and child processes can use it too. The cluster listens on
127.0.0.1 at a free port, keeps its socket in its own directory, trusts local connections and is
deleted when stopped. initdb refuses to run as root, so as root the server runs as the
``postgres`` user that Debian's ``postgresql`` package creates.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

INSTALL_HINT = "install Debian's postgresql package (apt-get install postgresql), or put initdb and pg_ctl on PATH"
# Speed over durability: the cluster is thrown away after the run.
FAST = ("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")


class Unavailable(RuntimeError):
    """PostgreSQL cannot be started here (the message says why)."""


class NotInstalled(Unavailable):
    """The server binaries (or, as root, the postgres user) are not there: tests skip, saying so."""


def find_bindir() -> Path | None:
    """The directory with initdb and pg_ctl: PATH, else the newest /usr/lib/postgresql/*/bin."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).parent

    def version(path: str) -> tuple:
        try:
            return (int(Path(path).parts[-3]),)
        except ValueError:
            return (0,)

    for initdb in sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=version, reverse=True):
        if os.access(initdb, os.X_OK) and os.access(Path(initdb).with_name("pg_ctl"), os.X_OK):
            return Path(initdb).parent
    return None


def free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Cluster:
    """A running throwaway server; ``url(name)`` for SQLAlchemy, ``create_database()`` for a fresh database."""

    def __init__(self, *, fast: bool = True):
        bindir = find_bindir()
        if bindir is None:
            raise NotInstalled(f"PostgreSQL server binaries not found; {INSTALL_HINT}")
        self.bindir = bindir
        self.fast = fast
        self.user: str | None = None
        if os.geteuid() == 0:
            try:
                pwd.getpwnam("postgres")
            except KeyError:
                raise NotInstalled("running as root and there is no 'postgres' user to run initdb as") from None
            self.user = "postgres"
        self.dir = Path(tempfile.mkdtemp(prefix="claimledger-pg-"))
        self.data = self.dir / "data"
        self.port = 0
        self._names = itertools.count(1)
        self._started = False
        try:
            if self.user:
                shutil.chown(self.dir, self.user)
            self._initdb()
            self._start()
        except BaseException:
            self.stop()
            raise

    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=self.dir)
        if result.returncode != 0:
            raise Unavailable(f"{args[0]} failed ({result.returncode}): {(result.stderr or result.stdout).strip()[-2000:]}")
        return result

    def _initdb(self) -> None:
        base = ("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "--encoding=UTF8")
        try:
            self._run(*base, "--locale=C.UTF-8")
        except Unavailable:  # an older libc without C.UTF-8
            shutil.rmtree(self.data, ignore_errors=True)
            self._run(*base, "--locale=C")

    def _start(self) -> None:
        for _attempt in range(3):  # another process may take the free port before the server does
            self.port = free_port()
            options = ["-p", str(self.port), "-k", str(self.dir), "-c", "listen_addresses=127.0.0.1",
                       "-c", "max_connections=200", *(FAST if self.fast else ())]
            try:
                self._run("pg_ctl", "start", "-w", "-t", "60", "-D", str(self.data),
                          "-l", str(self.dir / "server.log"), "-o", " ".join(options))
            except Unavailable:
                continue
            self._started = True
            return
        log = self.dir / "server.log"
        raise Unavailable(f"pg_ctl could not start the server: {log.read_text()[-2000:] if log.exists() else ''}")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user="postgres", dbname="postgres",
                             autocommit=True) as connection:
            connection.execute(sql)

    def create_database(self, prefix: str = "t") -> str:
        """A new empty database; returns its SQLAlchemy URL."""
        name = f"{prefix}_{os.getpid()}_{next(self._names)}"
        self._admin(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        if self._started:
            with contextlib.suppress(Exception):
                self._run("pg_ctl", "stop", "-D", str(self.data), "-m", "immediate", "-w", timeout=60)
            self._started = False
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> "Cluster":
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()
