"""The layering contract: dependencies run one way, in the order ``pyproject.toml`` writes down
(``[tool.claimledger.layers]``).

An AST walk over every module (so it needs nothing installed and also sees imports inside
functions): no module imports a higher layer, the faces (cli, api, web) never import each other,
an import inside a function is only there to load a heavy dependency late (never to dodge a
cycle), and the module graph has no cycle. Then, end to end, the read-only commands never load spaCy.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import package_map  # noqa: E402  the import walk, shared with the package map of the notes

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "claimledger"
CONTRACT = tomllib.loads((PACKAGE.parents[1] / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["claimledger"]
LAYERS = [tuple(name.strip() for name in rank.split("|")) for rank in CONTRACT["layers"]["order"]]
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}
# Siblings never import each other; some pairs of different ranks are forbidden as well.
FORBIDDEN = {(a, b) for names in LAYERS for a in names for b in names if a != b}
FORBIDDEN |= {tuple(pair) for pair in CONTRACT["layers"]["forbidden"]}
LAZY = set(CONTRACT["layers"]["lazy"])


def module_name(path: Path) -> str:
    return package_map.module_name(path, PACKAGE)


def imports(path: Path) -> list[tuple[str, bool, int]]:
    """(imported claimledger name, inside a function?, line) for every import in the module."""
    return package_map.imports(path, PACKAGE)


MODULES = sorted(PACKAGE.rglob("*.py"))
TOP = {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in MODULES} - {"__init__"}


def group(name: str) -> str:
    """The top-level module or package a dotted name is in ("claimledger.X" for a name in
    ``claimledger/__init__.py``, such as ``__version__``, is the package's own ``__init__``)."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in TOP else "__init__"


EDGES = [(module_name(p), target, inside, line) for p in MODULES for target, inside, line in imports(p)]


def test_every_module_has_a_layer():
    missing = sorted(TOP - set(RANK))
    assert not missing, f"add {missing} to [tool.claimledger.layers] in pyproject.toml"


def test_no_module_imports_a_higher_layer_or_a_sibling():
    wrong = []
    for source, target, _inside, line in EDGES:
        a, b = group(source), group(target)
        if a != b and (RANK[b] > RANK[a] or (a, b) in FORBIDDEN):
            wrong.append(f"{source}:{line} imports {target} ({a} is not above {b})")
    assert not wrong, "\n".join(wrong)


def test_imports_inside_functions_only_load_heavy_modules_late():
    """(The package's own ``__init__`` resolves its public names on first use, PEP 562: allowed.)"""
    dodges = [f"{source}:{line} imports {target} inside a function"
              for source, target, inside, line in EDGES
              if inside and source != "claimledger"
              and not any(target == lazy or target.startswith(lazy + ".") for lazy in LAZY)]
    assert not dodges, "\n".join(dodges)


def test_the_module_graph_has_no_cycle():
    known = {module_name(p) for p in MODULES}
    graph: dict[str, set[str]] = {m: set() for m in known}
    for source, target, _inside, _line in EDGES:
        while target not in known:  # "pkg.module.name" -> "pkg.module"
            target = target.rpartition(".")[0]
        if target != source and not source.startswith(target + "."):  # a package's own __init__ is its parent
            graph[source].add(target)
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in graph[node]:
            if state.get(nxt) == 1:
                pytest.fail("import cycle: " + " -> ".join(path[path.index(nxt):] + [nxt]))
            if nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])


def test_the_contract_catches_a_cycle_dodged_inside_a_function(tmp_path):
    """The check itself: a storage module importing analysis inside a function is reported."""
    sneaky = tmp_path / "claimledger" / "ledger" / "store.py"
    sneaky.parent.mkdir(parents=True)
    sneaky.write_text("def f():\n    from ..analyze import queries\n", encoding="utf-8")
    global PACKAGE
    saved, PACKAGE = PACKAGE, tmp_path / "claimledger"
    try:
        [(target, inside, _line)] = imports(sneaky)
    finally:
        PACKAGE = saved
    assert (target, inside) == ("claimledger.analyze.queries", True)
    assert not any(target.startswith(lazy) for lazy in LAZY)
    assert RANK[group(target)] > RANK[group("claimledger.ledger.store")]


READ_ONLY = """
import sys
from click.testing import CliRunner
from claimledger.cli import app
from claimledger.facade import Ledger
Ledger({db!r}).close()
for args in (["stats"], ["contested"], ["figures"], ["quotes"], ["search", "war"], ["entities"]):
    result = CliRunner().invoke(app, [*args, "--db", {db!r}])
    assert result.exit_code == 0, (args, result.output)
heavy = sorted(m for m in ("spacy", "trafilatura", "numpy", "datasketch", "fastapi") if m in sys.modules)
print(",".join(heavy))
"""
HELP_ONLY = """
import sys
from click.testing import CliRunner
from claimledger.cli import app
assert CliRunner().invoke(app, ["--help"]).exit_code == 0
print(",".join(m for m in ("sqlalchemy", "spacy") if m in sys.modules))
"""


def test_read_only_commands_never_load_spacy(tmp_path):
    db = str(tmp_path / "empty.db")
    run = subprocess.run([sys.executable, "-c", READ_ONLY.format(db=db)], capture_output=True, text=True,
                         timeout=120, env={"PYTHONPATH": str(PACKAGE.parent), "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == ""


def test_help_loads_no_database_layer():
    run = subprocess.run([sys.executable, "-c", HELP_ONLY], capture_output=True, text=True, timeout=120,
                         env={"PYTHONPATH": str(PACKAGE.parent), "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == ""
