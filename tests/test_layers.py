"""The stages import one way: no module cycles, the store loads no reader, later stages stay out of earlier ones.

Imports are read from the source (every ``import`` statement, also those inside functions; those
under ``if TYPE_CHECKING:`` are left out, since they never run).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "bilateral"

#: What each stage may import from the other top-level parts of ``bilateral`` (besides itself).
ALLOWED: dict[str, set[str]] = {
    "model": {"dates"},
    "dates": set(),
    "layouts": set(),
    "data": set(),
    "coding": {"model", "data"},
    "actor_names": {"coding"},
    "ingest": {"model", "dates", "layouts", "coding", "data"},
    "store": {"model", "layouts"},
    "analysis": {"model", "actor_names", "store"},  # the analysis reads the store's version for its cache
    "report": {"model", "analysis", "actor_names"},
    "scale": {"model", "coding", "ingest", "store"},
    "web": {"model", "store", "analysis", "report", "actor_names"},
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST, known: set[str]) -> set[str]:
    """Modules of ``known`` imported by ``tree``, skipping ``if TYPE_CHECKING:`` blocks.

    ``from bilateral.ingest import records`` imports the submodule ``bilateral.ingest.records``, not
    the package's ``__init__``.
    """
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in known)
        elif isinstance(node, ast.ImportFrom) and node.module in known and node.level == 0:
            subs = {f"{node.module}.{a.name}" for a in node.names} & known
            found.update(subs or {node.module})
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def _graph() -> dict[str, set[str]]:
    files = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    known = set(files)
    return {mod: _imports(ast.parse(path.read_text(encoding="utf-8")), known) - {mod} for mod, path in files.items()}


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def test_no_module_imports_itself_back() -> None:
    graph = _graph()
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    path: list[str] = []

    def walk(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt):], nxt])
            elif nxt not in state:
                walk(nxt)
        path.pop()
        state[node] = 2

    for mod in sorted(graph):
        if mod not in state:
            walk(mod)
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_stages_import_only_what_their_layer_allows() -> None:
    wrong = []
    for mod, targets in sorted(_graph().items()):
        stage = _stage(mod)
        if stage not in ALLOWED:
            continue  # cli.py, its command modules and the package root sit on top and may import anything
        for target in sorted(targets):
            other = _stage(target)
            if other != stage and other != "bilateral" and other not in ALLOWED[stage]:
                wrong.append(f"{mod} imports {target} ({stage} may import: {', '.join(sorted(ALLOWED[stage]))})")
    assert not wrong, "\n".join(wrong)


def test_importing_the_store_loads_no_reader() -> None:
    code = ("import sys, bilateral.store, bilateral.store.export; "
            "print('\\n'.join(sorted(m for m in sys.modules if m.startswith(('bilateral.ingest', 'bilateral.coding', "
            "'trafilatura', 'feedparser', 'httpx')))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(SRC), "PATH": ""}).stdout
    assert out.strip() == "", f"importing bilateral.store loaded: {out.split()}"
