"""The API under concurrent load: a real ``claimledger serve`` process on 127.0.0.1, many clients at once.

A bounded loop of requests from several threads mixes writes (new articles, the same article
posted twice at once, posts without the token, broken JSON, oversized bodies) with reads (lists,
details, search, claims, stats). No answer may be a 5xx or a dropped connection, and afterwards
every accepted article is in the ledger exactly once with its text intact.
"""

from __future__ import annotations

import os
import random
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from . import _docs
from ._budget import count, scaled

httpx = pytest.importorskip("httpx")
pytest.importorskip("fastapi")
pytest.importorskip("claimledger.api")

TOKEN = "load-test-token"
CLIENTS = 8
MAX_BODY = 256 * 1024


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    """``claimledger serve`` in its own process, with a write token, on an empty SQLite ledger."""
    port = free_port()
    env = {**os.environ, "CLAIMLEDGER_TOKEN": TOKEN}
    env.pop("CLAIMLEDGER_DB", None)
    log = (tmp_path / "server.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "claimledger.cli", "serve", "--db", str(tmp_path / "api.db"), "--port", str(port),
         "--max-body", str(MAX_BODY)],
        cwd=_docs.ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert process.poll() is None, (tmp_path / "server.log").read_text(errors="replace")
            try:
                if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "the server did not come up"
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def articles(n: int) -> list[dict]:
    """``n`` distinct real articles: short Wikinews texts, each paragraph-trimmed copy numbered."""
    base = _docs.rows(40, skip=60)
    out = []
    for i in range(n):
        row = base[i % len(base)]
        paragraphs = [p for p in row["text"].split("\n") if p.strip()]
        text = "\n\n".join(paragraphs[: 2 + i % 4]) + f"\n\n(Filed as report {i}.)"
        out.append({"title": f"{row['title']} ({i})", "text": text, "url": f"{row['url']}#report-{i}",
                    "outlet": row.get("outlet"), "published": row.get("published")})
    return out


def test_concurrent_reads_and_writes_get_no_5xx_and_lose_no_write(server):
    total = scaled(240, 2400)
    posts = articles(max(8, total // 6))
    rng = random.Random(7)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    plan = []
    for i in range(total):
        roll = rng.random()
        if i < len(posts):
            plan.append(("post", i))
        elif roll < 0.08:
            plan.append(("repost", rng.randrange(len(posts))))
        elif roll < 0.12:
            plan.append(("bad", rng.randrange(4)))
        else:
            plan.append(("read", rng.randrange(6)))
    rng.shuffle(plan)
    statuses: list[tuple[str, int]] = []
    accepted: dict[int, str] = {}

    def call(step):
        kind, arg = step
        with httpx.Client(base_url=server, timeout=120) as http:
            if kind in ("post", "repost"):
                response = http.post("/api/documents", json=posts[arg], headers=auth)
                if response.status_code in (200, 201):
                    accepted.setdefault(arg, response.json()["key"])
            elif kind == "bad":
                response = [
                    lambda: http.post("/api/documents", json=posts[0]),  # no token
                    lambda: http.post("/api/documents", content=b'{"title": "x", "text": ', headers=auth),
                    lambda: http.post("/api/documents", content=b"x" * (MAX_BODY + 10), headers=auth),
                    lambda: http.post("/api/documents", json={"title": "x", "text": ""}, headers=auth),
                ][arg]()
            else:
                response = [
                    lambda: http.get("/api/stats"),
                    lambda: http.get("/api/documents", params={"limit": 5}),
                    lambda: http.get("/api/search", params={"q": "police said"}),
                    lambda: http.get("/api/claims", params={"limit": 5}),
                    lambda: http.get("/api/entities", params={"limit": 5}),
                    lambda: http.get("/api/documents/no-such-document"),
                ][arg]()
            return kind, response.status_code

    started = time.monotonic()
    with ThreadPoolExecutor(CLIENTS) as pool:
        statuses = list(pool.map(call, plan))
    elapsed = time.monotonic() - started
    count("api requests", len(statuses))

    errors = [s for s in statuses if s[1] >= 500]
    assert errors == [], errors[:10]
    assert all(code in (200, 201) for kind, code in statuses if kind in ("post", "repost"))
    assert all(400 <= code < 500 for kind, code in statuses if kind == "bad")
    assert sorted(accepted) == list(range(len(posts)))  # every distinct article was accepted

    with httpx.Client(base_url=server, timeout=60) as http:
        stats = http.get("/api/stats").json()
        assert stats["documents"] == len(posts)  # no write lost, none stored twice
        for i, key in accepted.items():
            detail = http.get(f"/api/documents/{key}")
            assert detail.status_code == 200 and detail.json()["text"] == posts[i]["text"]
    print(f"{len(statuses)} requests from {CLIENTS} clients in {elapsed:.1f}s; {len(posts)} articles stored")
