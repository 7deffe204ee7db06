"""The worker's side of extraction: parse and extract a list of pieces, return plain dicts.

The same function runs in this process, in the local process pool (``claimledger.pool``) and in
Ray actors (``claimledger.engines``), so every engine extracts exactly alike. A worker loads the
model once (``nlp.load_nlp`` is cached per process) and sends back only the finished claims, as
the record-format dicts the components stored (``nlp.claims_from_doc``: every component's field,
whatever components there are), never the text or the parse: the parent has the text and does no
NLP; it only builds the ``Record`` (``Record.from_dict``).

A ``Piece`` is a whole document or one chunk of a long one (``nlp.text_chunks``); the offsets in
its result are already mapped onto the whole document's text. A piece that raises (a reader's odd
text, the model, an extractor) comes back as a one-line message instead of a dict, and the other
pieces of the task are still extracted.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .errors import ClaimLedgerError
from .nlp import DEFAULT_MODEL, claims_from_doc, load_nlp
from .records import Document

Result = dict[str, Any] | str  # the piece's claims by record field, or why the piece failed


@dataclass
class Piece:
    """What a worker parses: ``document`` with ``text`` cut to this piece, which starts at ``offset``."""

    document: Document
    offset: int = 0


def run_pieces(model: str, pieces: list[Piece]) -> list[Result]:
    """Parse and extract ``pieces`` in one ``nlp.pipe`` batch; one result per piece, in order.

    When the batch raises, the pieces it had not yet finished are redone one at a time, so only
    the piece at fault is lost. A ``ClaimLedgerError`` from loading the model is not a piece's
    fault and propagates (the whole run cannot go on).
    """
    nlp = load_nlp(model)
    results: list[Result] = []
    try:
        parsed = nlp.pipe((piece.document.text for piece in pieces), batch_size=max(1, len(pieces)))
        for piece, doc in zip(pieces, parsed):
            results.append(piece_result(piece, doc))
    except ClaimLedgerError:
        raise
    except Exception:  # noqa: BLE001 - isolate the piece at fault below
        for piece in pieces[len(results):]:
            try:
                results.append(piece_result(piece, nlp(piece.document.text)))
            except ClaimLedgerError:
                raise
            except Exception as exc:  # noqa: BLE001 - any failure of one piece is that piece's
                results.append(describe(exc))
    return results


def piece_result(piece: Piece, parsed) -> dict[str, Any]:
    """The claims of one parsed piece by record field, offsets moved onto the whole document."""
    claims = claims_from_doc(parsed)
    if piece.offset:
        shift(claims, piece.offset)
    return claims


def shift(value: Any, offset: int) -> None:
    """Add ``offset`` to every character offset in a record dict, in place.

    Offsets in the record format are ``start``/``end`` integers and ``spans`` lists of
    ``[start, end]`` pairs, at any depth (a tally's claims carry spans).
    """
    if isinstance(value, list):
        for item in value:
            shift(item, offset)
    elif isinstance(value, dict):
        for key in ("start", "end"):
            if isinstance(value.get(key), int) and not isinstance(value.get(key), bool):
                value[key] += offset
        for pair in value.get("spans") or ():
            if isinstance(pair, list):
                pair[:] = [v + offset if isinstance(v, int) else v for v in pair]
        for key, item in value.items():
            if key != "spans" and isinstance(item, (list, dict)):
                shift(item, offset)


def describe(exc: BaseException) -> str:
    """An exception as one short line: its type and first words, never a traceback."""
    text = " ".join(str(exc).split())
    name = type(exc).__name__
    return f"{name}: {text[:300]}" if text else name


# -- worker state for a process pool: the model loaded once, at start --------------------------

ORPHAN_CHECK_SECONDS = 1.0


def init_worker(start: Callable[[str], None], model: str, owner: int) -> None:
    """Process-pool initializer: exit when ``owner`` (the process that started the pool) is gone
    (killed with -9, say: a pool worker otherwise waits for tasks for ever), then ``start(model)``."""
    threading.Thread(target=_exit_after, args=(owner,), name="claimledger-orphan-check", daemon=True).start()
    start(model)


def _exit_after(owner: int) -> None:
    while True:
        time.sleep(ORPHAN_CHECK_SECONDS)
        try:
            os.kill(owner, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:  # the pid now belongs to another user's process: ours is gone
            os._exit(1)


_START_ERROR: ClaimLedgerError | None = None


def start_worker(model: str = DEFAULT_MODEL) -> None:
    """Process-pool initializer: load the model before the first task (a failure is kept for it)."""
    global _START_ERROR
    try:
        load_nlp(model)
    except ClaimLedgerError as error:  # raised by run_task, whose exception reaches the parent whole
        _START_ERROR = error


def run_task(model: str, pieces: list[Piece]) -> list[Result]:
    """``run_pieces`` in a pool worker, raising the model's load error if it had one."""
    if _START_ERROR is not None:
        raise _START_ERROR
    return run_pieces(model, pieces)
