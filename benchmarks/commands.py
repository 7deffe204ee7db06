"""How fast the everyday commands answer: ``claimledger --help``, ``stats``, ``contested``, ``figures``.

Each command runs as a real process (``python -m claimledger.cli ...``, what the console script
runs), so the time includes starting Python and importing claimledger: the cost a user feels.
Best of N wall-clock runs (default 5) on a demo ledger; the goal is under 0.4 s each. A command
that only reads a ledger must not import spaCy, which alone takes about a second.

The demo ledger is built once (``claimledger.demo.run_demo``, a few minutes) unless ``--db`` names
one, e.g. the file ``claimledger demo`` leaves at ./claimledger-demo.db.

Alongside wall time it prints the CPU time (user + system) of the same best run: on a shared,
loaded machine wall time is several times the CPU time, which is what the code controls.
``--src`` times another checkout's ``src`` (e.g. the main branch, for a before/after).

Usage: .venv/bin/python benchmarks/commands.py [--db claimledger-demo.db] [--repeat 5] [--src DIR] [--check]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
GOAL = 0.4  # seconds, wall clock, best of --repeat
COMMANDS = {
    "--help": ["--help"],
    "stats": ["stats"],
    "contested": ["contested"],
    "figures": ["figures"],
}


def build_demo(path: Path) -> None:
    """The bundled corpus ingested into a fresh ledger at ``path`` (what ``claimledger demo`` builds)."""
    sys.path.insert(0, str(SRC))
    from claimledger.demo import run_demo

    started = time.perf_counter()
    result = run_demo(str(path))
    print(f"built the demo ledger ({result['report'].added} documents) in {time.perf_counter() - started:.0f} s",
          file=sys.stderr)


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def best_of(args: list[str], db: Path, repeat: int, src: Path = SRC) -> tuple[float, float]:
    """(wall, cpu) seconds of the fastest of ``repeat`` runs of ``claimledger ARGS --db DB``."""
    env = {**os.environ, "PYTHONPATH": str(src), "COLUMNS": "120"}
    command = [sys.executable, "-m", "claimledger.cli", *args]
    if args != ["--help"]:
        command += ["--db", str(db)]
    runs = []
    for _ in range(repeat):
        cpu, started = cpu_of_children(), time.perf_counter()
        run = subprocess.run(command, capture_output=True, env=env)
        runs.append((time.perf_counter() - started, cpu_of_children() - cpu))
        if run.returncode != 0:
            raise SystemExit(f"{' '.join(args)} failed: {run.stderr.decode(errors='replace')}")
    return min(runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, help="an existing demo ledger (default: build one in a temp dir)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--src", type=Path, default=SRC, help="the src/ directory to time (default: this checkout's)")
    parser.add_argument("--check", action="store_true", help=f"exit 1 when a command takes {GOAL} s or more")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = options.db
        if db is None:
            db = Path(tmp) / "demo.db"
            build_demo(db)
        load = os.getloadavg()[0]
        print(f"{options.src}  (load average {load:.1f} on {os.cpu_count()} CPUs)")
        print(f"{'command':<12} {'wall':>8} {'cpu':>8}   best of {options.repeat}; goal < {GOAL} s wall")
        slow = []
        for name, args in COMMANDS.items():
            wall, cpu = best_of(args, db, options.repeat, options.src)
            print(f"{name:<12} {wall:>7.3f}s {cpu:>7.3f}s   {'ok' if wall < GOAL else 'SLOW'}")
            if wall >= GOAL:
                slow.append(name)
    return 1 if options.check and slow else 0


if __name__ == "__main__":
    raise SystemExit(main())
