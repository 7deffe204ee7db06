"""Throughput on every core, in one run on the same N documents of the bundled corpus.

Passes (each on workers started and warmed up beforehand, so they time steady work; the start-up
of a pool is timed on its own):

- bare parse: the plain spaCy model (no claimledger components), in this process and on a pool of
  one process per core, over the very tasks the pipeline sends (``pipeline.plan``);
- extract: ``pipeline.run_tasks`` (what ``extract_documents`` runs) on 1 process and on all cores;
- ingest: ``Ledger.ingest`` of the documents as a JSONL file into a fresh SQLite ledger (read,
  hash, extract, store; no cross-document analysis), on 1 process and on all cores;
- Ray: ``RayExtractor`` with 1 and 2 local workers;
- store only: ``Ledger.add`` of records extracted beforehand: how fast the one writer can go,
  hence how many workers' output it can take before it, not parsing, is the limit;
- peak RSS: ``claimledger ingest corpus/`` (defaults: every core) in a child process, sampled
  every 0.1 s: the ingesting process, the largest worker, and all processes together.

Every pass reports wall time (what the targets are about), the CPU seconds of this process and
all its descendants (workers, fork server, Ray's processes), the share of the whole machine's
CPU left idle during the pass, and for the local pools how busy the workers were (the share of
the pass each worker spent running tasks: near 100% means the pipeline never kept a worker
waiting). On a shared machine whose idle share is near 0 the wall ratios measure the other
users' load; the CPU and busy figures still show what the pipeline costs and whether it keeps
every core fed. ``--repeat`` runs all passes that many times in turn and keeps each one's best wall time.

Targets: extract(all cores) >= 0.85 x and ingest(all cores) >= 0.75 x bare parse(all cores);
extract on 2 processes >= 1.7 x on 1; Ray 2 workers >= 1.7 x 1; peak RSS (all processes) < 800 MB.

Usage: .venv/bin/python benchmarks/throughput.py [--n 120] [--batch-size 32] [--repeat 1]
                                                 [--skip-ray] [--skip-rss] [--check]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing, too
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))  # Ray's workers

from claimledger import pipeline, work  # noqa: E402
from claimledger.errors import InputError  # noqa: E402
from claimledger.ingest import read_paths  # noqa: E402
from claimledger import Ledger  # noqa: E402
from claimledger.ingest.bundled import bundled_corpus  # noqa: E402
from claimledger.nlp import DEFAULT_MODEL, load_nlp  # noqa: E402
from claimledger.pool import InProcess, ProcessPool, available_cores  # noqa: E402
from claimledger.records import Document  # noqa: E402

CORPUS = bundled_corpus()
RATIO_TARGETS = {"extract / parse, all cores": 0.85, "ingest / parse, all cores": 0.75,
                 "extract, 2 processes / 1": 1.7, "Ray, 2 workers / 1": 1.7}
RSS_TARGET_MB = 800
TICKS = os.sysconf("SC_CLK_TCK")


# -- the bare parse, on the same scheduling as the pipeline -------------------------------------

def bare_start(model: str) -> None:
    load_nlp(model.removeprefix("bare:"), extractors=False)


def bare_task(model: str, pieces) -> list[dict]:
    """Parse only; answer with the smallest record dict the pipeline can assemble."""
    nlp = load_nlp(model, extractors=False)
    for _ in nlp.pipe((piece.document.text for piece in pieces), batch_size=max(1, len(pieces))):
        pass
    return [{"id": piece.document.id} for piece in pieces]


def traced_task(model: str, pieces) -> list:
    """``work.run_task`` (or the bare parse), noting which worker ran it and when (for occupancy)."""
    started = time.time()
    results = (bare_task if model.startswith("bare:") else work.run_task)(model.removeprefix("bare:"), pieces)
    return [(os.getpid(), started, time.time()), results]


class Traced:
    """A pool runner whose tasks report when they ran: how busy were the workers during a pass?"""

    def __init__(self, model: str, workers: int, bare: bool = False):
        start = bare_start if bare else work.start_worker
        self.pool = ProcessPool(("bare:" if bare else "") + model, workers, start=start, task=traced_task)
        self.workers = workers
        self.spans: list[tuple[int, float, float]] = []

    def submit(self, pieces):
        return self.pool.submit(pieces)

    def result(self, handle):
        span, results = self.pool.result(handle)
        self.spans.append(span)
        return results

    def restart(self) -> None:
        self.pool.restart()

    def close(self) -> None:
        self.pool.close()

    def occupancy(self, start: float, end: float) -> float:
        """Share of the workers' time in [start, end] spent running tasks (1.0: never waiting for work)."""
        busy = sum(max(0.0, min(e, end) - max(s, start)) for _pid, s, e in self.spans)
        return busy / (self.workers * (end - start))


class BareInProcess(InProcess):
    def result(self, handle):
        return bare_task(self.model, handle)


# -- measuring -------------------------------------------------------------------------------

def descendants(root: int) -> list[int]:
    """``root`` and every process below it."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    parents[int(entry)] = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                pass
    found, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        found.extend(frontier)
    return found


def cpu_seconds(root: int | None = None) -> float:
    """CPU seconds (user + system) used so far by ``root`` (default: this process) and its descendants."""
    total = 0
    for pid in descendants(root or os.getpid()):
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, ValueError, IndexError):
            pass
    return total / TICKS


def machine_ticks() -> tuple[int, int]:
    """(idle, total) CPU ticks of the whole machine so far, from /proc/stat."""
    with open("/proc/stat") as stat:
        fields = [int(v) for v in stat.readline().split()[1:9]]
    return fields[3] + fields[4], sum(fields)


def timed(run) -> tuple[float, float, float, float, float]:
    """(wall seconds, CPU seconds of our process tree, share of the machine's CPU left idle, start, end) of one call.

    An idle share near 0 during a pass on all cores means the machine was full (other users
    included): its wall time then measures the machine, not the pipeline.
    """
    idle, total = machine_ticks()
    cpu, wall, start = cpu_seconds(), time.perf_counter(), time.time()
    run()
    end = time.time()
    wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
    idle2, total2 = machine_ticks()
    return wall, cpu, (idle2 - idle) / max(1, total2 - total), start, end


def memory_kb(pid: int, field: str) -> int:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def peak_rss(db: Path) -> tuple[int, dict[int, int], float, str]:
    """Per-process peak RSS (kB) of ``claimledger ingest corpus/`` with its defaults, its wall time and last line."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    command = [sys.executable, "-m", "claimledger.cli", "ingest", str(CORPUS), "--db", str(db)]
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peaks: dict[int, int] = {}

    def sample() -> None:
        while child.poll() is None:
            for pid in descendants(child.pid):
                peaks[pid] = max(peaks.get(pid, 0), memory_kb(pid, "VmHWM"))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample)
    sampler.start()
    output, _ = child.communicate()
    sampler.join()
    last = output.strip().splitlines()[-1] if output.strip() else ""
    return child.pid, peaks, time.perf_counter() - started, last


# -- the passes ------------------------------------------------------------------------------

def corpus_documents(n: int) -> list[Document]:
    """The first ``n`` readable documents of the bundled corpus, in the readers' order."""
    documents = (item for item in read_paths([CORPUS]) if not isinstance(item, InputError))
    found = list(islice(documents, n))
    if len(found) < n:
        print(f"note: the corpus has only {len(found)} documents; timing those", file=sys.stderr)
    return found


def write_jsonl(documents: list[Document], path: Path) -> Path:
    fields = ("id", "title", "text", "url", "outlet", "published")
    with path.open("w", encoding="utf-8") as handle:
        for document in documents:
            row = {key: value for key, value in asdict(document).items() if key in fields}
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def warm(runner, documents: list[Document]) -> None:
    """Start the workers and give each a task, so the timed pass finds them loaded."""
    for _ in pipeline.run_tasks(pipeline.plan(documents[: 2 * runner.workers], 1), runner):
        pass


def extractor_on(runner):
    """An ``extractor`` for ``Ledger.ingest`` that runs on an already started runner."""
    def extract(documents, *, model, processes=None, batch_size=32, on_error=None):
        return pipeline.run_tasks(pipeline.plan(documents, batch_size), runner, on_error=on_error)
    return extract


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=120, help="documents to time (default 120)")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--batch-size", type=int, default=32, help="at most this many documents per task (as ingest)")
    parser.add_argument("--repeat", type=int, default=1, help="run every pass this many times, keep the best wall time")
    parser.add_argument("--skip-ray", action="store_true")
    parser.add_argument("--skip-rss", action="store_true")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args(argv)

    documents = corpus_documents(args.n)
    n, cores = len(documents), available_cores()
    chars = sum(len(d.text) for d in documents)
    load = os.getloadavg()
    print(f"{n} documents, {chars:,} characters; model {args.model}; {cores} cores; batch size {args.batch_size}; "
          f"load average at start {load[0]:.1f}")
    results: dict[str, tuple[float, float, float, float | None]] = {}  # wall, CPU, machine idle, occupancy

    def record(name: str, run, traced: Traced | None = None) -> None:
        wall, cpu, idle, start, end = timed(run)
        busy = traced.occupancy(start, end) if traced else None
        if name not in results or wall < results[name][0]:
            results[name] = (wall, cpu, idle, busy)

    def drain(runner) -> None:
        for _ in pipeline.run_tasks(pipeline.plan(documents, args.batch_size), runner):
            pass

    with tempfile.TemporaryDirectory(prefix="claimledger-bench-") as tmp:
        tmp_path = Path(tmp)
        source = write_jsonl(documents, tmp_path / "documents.jsonl")
        started = time.perf_counter()
        pool = Traced(args.model, cores)
        warm(pool, documents)
        startup = time.perf_counter() - started
        bare_pool = Traced(args.model, cores, bare=True)
        warm(bare_pool, documents)
        here, bare_here = InProcess(args.model), BareInProcess(args.model)
        warm(here, documents)
        warm(bare_here, documents)
        rounds = iter(range(10**6))

        def ingest(runner) -> None:
            with Ledger(tmp_path / f"ingest-{next(rounds)}.db", model=args.model) as ledger:
                report = ledger.ingest([str(source)], batch_size=args.batch_size, analyze=False,
                                       extractor=extractor_on(runner))
            if report.added != n:
                print(f"warning: ingest added {report.added} of {n}", file=sys.stderr)

        try:
            for _ in range(max(1, args.repeat)):  # passes in turn, so each meets the same mix of outside load
                record("parse, 1 process", lambda: drain(bare_here))
                record(f"parse, {cores} processes", lambda: drain(bare_pool), bare_pool)
                record("extract, 1 process", lambda: drain(here))
                record(f"extract, {cores} processes", lambda: drain(pool), pool)
                record("ingest, 1 process", lambda: ingest(here))
                record(f"ingest, {cores} processes", lambda: ingest(pool), pool)
        finally:
            pool.close()
            bare_pool.close()
        pairs = list(pipeline.run_tasks(pipeline.plan(documents, args.batch_size), here))

        def store() -> None:
            with Ledger(tmp_path / f"store-{next(rounds)}.db", model=args.model) as ledger:
                for i in range(0, len(pairs), args.batch_size):
                    ledger.add(pairs[i:i + args.batch_size])

        for _ in range(max(1, args.repeat)):
            record("store only (the writer)", store)
        if not args.skip_ray:
            ray_passes(documents, args, record)
        peaks = None if args.skip_rss else peak_rss(tmp_path / "rss.db")

    return print_table(results, n, cores, startup, peaks, args.check)


def ray_passes(documents, args, record) -> None:
    try:
        import ray
    except ImportError:
        print("Ray skipped: not installed (pip install 'claimledger[ray]')")
        return
    from claimledger.engines import RayExtractor

    # One more logical CPU than cores, so the 1-worker and the 2-worker actors can all be up at once.
    ray.init(num_cpus=max(2, available_cores()) + 1, include_dashboard=False, log_to_driver=False,
             logging_level="ERROR")
    extractors = {workers: RayExtractor(workers=workers) for workers in (1, 2)}
    try:
        for workers, extractor in extractors.items():
            for _ in extractor(documents[: 2 * workers], model=args.model, batch_size=1):
                pass  # actors started, model loaded, warmed up
        for _ in range(max(1, args.repeat)):
            for workers, extractor in extractors.items():
                record(f"Ray, {workers} worker{'s' if workers > 1 else ''}",
                       lambda: [None for _ in extractor(documents, model=args.model, batch_size=args.batch_size)])
    finally:
        for extractor in extractors.values():
            extractor.close()
        ray.shutdown()


def print_table(results, n, cores, startup, peaks, check) -> int:
    print(f"\n{'pass':<26} {'wall s':>7} {'docs/s':>7} {'CPU s':>7} {'CPU s/doc':>9} {'machine idle':>12} "
          f"{'workers busy':>12}")
    for name, (wall, cpu, idle, busy) in results.items():
        occupancy = f"{busy:12.0%}" if busy is not None else f"{'':12}"
        print(f"{name:<26} {wall:7.2f} {n / wall:7.1f} {cpu:7.2f} {cpu / n:9.3f} {idle:12.0%} {occupancy}")
    rate = {name: n / result[0] for name, result in results.items()}
    ratios = {
        "extract / parse, all cores": rate[f"extract, {cores} processes"] / rate[f"parse, {cores} processes"],
        "ingest / parse, all cores": rate[f"ingest, {cores} processes"] / rate[f"parse, {cores} processes"],
        f"parse, {cores} processes / 1": rate[f"parse, {cores} processes"] / rate["parse, 1 process"],
        f"extract, {cores} processes / 1": rate[f"extract, {cores} processes"] / rate["extract, 1 process"],
        f"ingest, {cores} processes / 1": rate[f"ingest, {cores} processes"] / rate["ingest, 1 process"],
    }
    if "Ray, 2 workers" in rate:
        ratios["Ray, 2 workers / 1"] = rate["Ray, 2 workers"] / rate["Ray, 1 worker"]
    ok = True
    print(f"\npool start-up ({cores} workers, model loaded, first task done): {startup:.1f} s")
    print(f"{'ratio (wall)':<30} {'value':>6}  target")
    for name, value in ratios.items():
        target = RATIO_TARGETS.get(name)
        verdict = f">= {target} {'ok' if value >= target else 'BELOW'}" if target else ""
        ok = ok and (target is None or value >= target)
        print(f"{name:<30} {value:6.2f}  {verdict}")
    per_worker = rate["extract, 1 process"]
    writer = rate["store only (the writer)"]
    print(f"\nthe writer stores {writer:.0f} docs/s; one worker extracts {per_worker:.1f} docs/s: the ledger's "
          f"writer becomes the limit at about {writer / per_worker:.0f} workers (Ray or local), on these documents")
    if peaks is not None:
        main_pid, per_process, wall, last = peaks
        total = sum(per_process.values()) / 1024
        biggest = max((kb for pid, kb in per_process.items() if pid != main_pid), default=0) / 1024
        print(f"\npeak RSS of 'claimledger ingest corpus/' ({wall:.0f} s; {last}): ingesting process "
              f"{per_process.get(main_pid, 0) / 1024:.0f} MB, largest other process {biggest:.0f} MB, "
              f"all {len(per_process)} processes together {total:.0f} MB (target < {RSS_TARGET_MB} MB"
              f" {'ok' if total < RSS_TARGET_MB else 'OVER'})")
        ok = ok and total < RSS_TARGET_MB
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
    return 1 if check and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
