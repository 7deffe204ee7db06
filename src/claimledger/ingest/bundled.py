"""The sample corpus that ships inside the package: real news text for the demo, tests and benchmarks.

It lives in ``claimledger/corpus/`` as package data (its README has the sources and licences), so
``pip install`` of a wheel, an sdist, a git URL or a checkout all give the same files, and
``importlib.resources`` finds them wherever the package is installed. Everything that needs the
corpus (``claimledger demo``, the test suite, the benchmarks) asks ``bundled_corpus()`` for it, so
there is one answer to "where is the corpus".

``python -m claimledger.ingest.bundled`` prints the directory, e.g. to ingest it by hand:
``claimledger ingest "$(python -m claimledger.ingest.bundled)" --db news.db``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from ..errors import InputError
from ..records import Document
from . import read_paths

PACKAGE = "claimledger"
CORPUS = "corpus"  # the directory inside the package


def bundled_corpus() -> Path:
    """The bundled corpus directory on the file system.

    Raises ``InputError`` (one clear line for the CLI) when it is not there, which means a broken
    install, or an install that is not on the file system (a zipped package), where the readers,
    which take paths, cannot use it.
    """
    resource = resources.files(PACKAGE) / CORPUS
    if not isinstance(resource, Path):
        raise InputError(str(resource), "the bundled corpus is inside an archive; install claimledger unzipped")
    if not resource.is_dir():
        raise InputError(str(resource), "bundled corpus not found; reinstall claimledger (pip install claimledger)")
    return resource


def bundled_documents(limit: int | None = None) -> Iterator[Document]:
    """The bundled corpus's documents in reading order (sorted paths), or only its first ``limit``.

    Unlike user input, a bundled file that cannot be read is not skipped: it means the install is
    broken, so the ``InputError`` is raised for the caller to report.
    """
    if limit is not None and limit < 1:
        raise ValueError(f"limit must be positive, got {limit}")
    for item in itertools.islice(read_paths([bundled_corpus()]), limit):
        if isinstance(item, InputError):
            raise item
        yield item


if __name__ == "__main__":
    print(bundled_corpus())
