"""The package tree with line counts, and the import graph between its parts (for reviews and notes).

``lazy("claimledger.x")`` (a module loaded on first use) counts as an import inside a function.
A part is a top-level module or subpackage of ``claimledger`` (``ledger``, ``analyze``, ``cli`` …).
The graph lists, for each part, the parts it imports (at module level or inside functions, marked
``*``); an edge that points both ways is a cycle. AST only: nothing is imported or installed.

Usage: python scripts/package_map.py [SRC_DIR]   (default: src/claimledger of this checkout)
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path


def part_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def module_name(path: Path, package: Path) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, package: Path) -> list[tuple[str, bool, int]]:
    """(imported claimledger name, inside a function?, line) for every import of the module at ``path``
    in the package directory ``package``. ``lazy("claimledger.x")`` counts as an import inside a
    function. The one walk of the package's imports: ``tests/test_layers.py`` checks the contract with it."""
    name = module_name(path, package)
    base = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    local = {id(node) for fn in ast.walk(tree) if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef))
             for node in ast.walk(fn)}
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "lazy"
                and node.args and isinstance(node.args[0], ast.Constant)):  # cli.base.lazy("claimledger.x")
            found.append((node.args[0].value, id(node) in local, node.lineno))
            continue
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = base.split(".")[: len(base.split(".")) - node.level + 1]
                prefix = ".".join(anchor + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            targets = [prefix + "." + alias.name for alias in node.names]  # a name, or a module of a package
        else:
            continue
        found += [(t, id(node) in local, node.lineno) for t in targets if t.split(".")[0] == "claimledger"]
    return found


def main() -> None:
    package = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "src" / "claimledger"
    files = sorted(p for p in package.rglob("*.py") if "__pycache__" not in p.parts)
    lines: dict[str, int] = defaultdict(int)
    print("package tree (lines):")
    for path in files:
        count = len(path.read_text(encoding="utf-8").splitlines())
        rel = path.relative_to(package)
        lines[rel.parts[0].removesuffix(".py")] += count
        print(f"  {str(rel):45s} {count:5d}{'  > 400' if count > 400 else ''}")
    print(f"  {'total':45s} {sum(lines.values()):5d}")
    known = set(lines)
    edges: dict[str, dict[str, bool]] = defaultdict(dict)
    for path in files:
        source = part_of(module_name(path, package))
        for target, lazy, _ in imports(path, package):
            other = part_of(target)
            other = other if other in known else "__init__"  # a name the package itself exports
            if other != source:
                edges[source][other] = edges[source].get(other, True) and lazy
    print("\nimport graph (part -> parts it imports; * only inside functions; <-> a cycle):")
    for source in sorted(edges):
        shown = []
        for target in sorted(edges[source]):
            mark = "*" if edges[source][target] else ""
            cycle = " <->" if source in edges.get(target, {}) else ""
            shown.append(f"{target}{mark}{cycle}")
        print(f"  {source:16s} -> {', '.join(shown)}")


if __name__ == "__main__":
    main()
