"""The shape of ``reader/`` checked from its source (docs/ARCHITECTURE.md).

The import graph is built with ``ast``: imports at module level and inside functions both
count (a deferred import still ties two modules together); imports under
``if TYPE_CHECKING:`` do not, since they never run. On that graph: no cycles, and each
layer imports only the layers below it. Also: only the application imports the main window,
and no module is over 400 lines.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "reader"
MAX_LINES = 400
MAIN_WINDOW = "reader.ui.window.main_window"
WINDOW_CREATOR = "reader.ui.application"  # builds the window; nothing else may know it

# Layer -> packages it must not import.
FORBIDDEN = {
    "reader.core": ("reader.workers", "reader.ui", "reader.cli", "reader.qtgui", "reader.app"),
    "reader.workers": ("reader.ui", "reader.cli", "reader.app"),
    "reader.cli": ("reader.ui", "reader.app"),  # reader.qtgui only for PDF export
}


@dataclass(frozen=True)
class Import:
    source: str  # the importing module
    target: str  # the imported module of reader/
    line: int
    type_checking: bool  # only under ``if TYPE_CHECKING:``


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def all_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _walk(node: ast.AST, type_checking: bool = False) -> Iterator[tuple[ast.AST, bool]]:
    """Every node below ``node``, with whether it sits in an ``if TYPE_CHECKING:`` body."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child.test):
            yield child.test, type_checking
            for statement in child.body:
                yield statement, True
                yield from _walk(statement, True)
            for statement in child.orelse:
                yield statement, type_checking
                yield from _walk(statement, type_checking)
        else:
            yield child, type_checking
            yield from _walk(child, type_checking)


def _resolve(name: str, modules: dict[str, Path]) -> str | None:
    """The module of reader/ that importing ``name`` runs (None: not ours)."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def imports_of(source: str, path: Path, modules: dict[str, Path]) -> list[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = source if path.name == "__init__.py" else source.rpartition(".")[0]
    found: list[Import] = []
    docstrings = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }

    def add(name: str, node: ast.stmt | ast.expr, type_checking: bool) -> None:
        target = _resolve(name, modules)
        if target is not None and target != source:
            found.append(Import(source, target, node.lineno, type_checking))

    for node, type_checking in _walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                add(alias.name, node, type_checking)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                # ``from package import module`` imports the module, else the name's module.
                full = f"{base}.{alias.name}"
                add(full if full in modules else base, node, type_checking)
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and node.value in modules
            and id(node) not in docstrings
        ):
            # A module named in a string is imported by name (``importlib.import_module``).
            add(node.value, node, type_checking)
    return found


def all_imports() -> list[Import]:
    modules = all_modules()
    return [found for name, path in modules.items() for found in imports_of(name, path, modules)]


def find_cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return sorted(cycles)


def runtime_edges(imports: list[Import]) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for found in imports:
        if not found.type_checking:
            edges.setdefault(found.source, set()).add(found.target)
    return edges


def _in(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


# --- the checks on reader/ ------------------------------------------------------------------


def test_the_graph_sees_imports_of_every_kind() -> None:
    imports = all_imports()
    pairs = {(i.source, i.target, i.type_checking) for i in imports}
    # module level, ``from x import y`` naming a module, and a deferred import in a function
    assert ("reader.ui.application", MAIN_WINDOW, False) in pairs
    assert ("reader.ui.window.main_window", "reader.ui.dialogs.export", False) in pairs
    assert ("reader.workers.entity_worker", "reader.workers.entity_process", False) in pairs
    # the command modules, imported by name
    assert ("reader.cli", "reader.cli.translate", False) in pairs
    # an ``if TYPE_CHECKING:`` import is seen but marked
    assert ("reader.workers.entity_process", "reader.core.entities.recognizer", True) in pairs


def test_reader_has_no_import_cycles() -> None:
    assert find_cycles(runtime_edges(all_imports())) == []


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layers_import_only_what_is_below_them(layer: str) -> None:
    violations = [
        f"{i.source}:{i.line} imports {i.target}"
        for i in all_imports()
        if not i.type_checking
        and _in(i.source, layer)
        and any(_in(i.target, banned) for banned in FORBIDDEN[layer])
    ]
    assert violations == []


def test_the_cli_uses_qt_only_to_draw_pdf() -> None:
    uses = sorted(
        (i.source, i.target)
        for i in all_imports()
        if _in(i.source, "reader.cli") and _in(i.target, "reader.qtgui")
    )
    assert uses == [("reader.cli.export", "reader.qtgui.pdf_export")]


def test_only_the_application_imports_the_main_window() -> None:
    # Type-only imports count too: a part that names MainWindow reaches into it.
    importers = sorted({i.source for i in all_imports() if i.target == MAIN_WINDOW})
    assert importers == [WINDOW_CREATOR]


def test_no_module_is_over_400_lines() -> None:
    long = {
        name: lines
        for name, path in all_modules().items()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


# --- the checks themselves catch what they are for ----------------------------------------------


def test_a_cycle_is_found() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}}
    assert find_cycles(edges) == [["a", "b", "c"]]


def test_imports_are_read_at_every_level(tmp_path: Path) -> None:
    code = """
from __future__ import annotations
import importlib
from typing import TYPE_CHECKING
from . import sibling
from .sibling import thing
from reader.core import errors

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow

def later() -> None:
    'reader.core.mentioned'  # a docstring names a module but imports nothing
    import reader.ui.settings
    importlib.import_module("reader.cli.translate")
"""
    path = tmp_path / "probe.py"
    path.write_text(code, encoding="utf-8")
    modules = {
        "reader.core.x.probe": path,
        "reader.core.x.sibling": path,
        "reader.core.errors": path,
        "reader.ui.settings": path,
        "reader.ui.window.main_window": path,
        "reader.cli.translate": path,
        "reader.core.mentioned": path,
    }
    found = {(i.target, i.type_checking) for i in imports_of("reader.core.x.probe", path, modules)}
    assert found == {
        ("reader.core.x.sibling", False),
        ("reader.core.errors", False),
        ("reader.ui.window.main_window", True),
        ("reader.ui.settings", False),
        ("reader.cli.translate", False),
    }
