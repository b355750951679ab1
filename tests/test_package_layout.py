"""The package is laid out by pipeline stage: each stage imports only from the stages below it,
no module imports itself back through another, and every stage says what it owns."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import networkx as nx
import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "coalition_kg"
#: Each stage and the stages it may import from; the modules at the top may import any stage.
BELOW = {
    "core": set(),
    "curation": {"core"},
    "dataset": {"core", "curation"},
    "validation": {"core", "curation", "dataset"},
    "store": {"core"},
    "exports": {"core", "dataset"},
    "queries": {"core", "store"},
    "remote": {"core", "store", "queries"},
    "pictures": {"core", "curation", "dataset"},
    "serve": {"core", "curation", "dataset", "store", "exports", "queries", "pictures"},
    "review": {"core", "curation", "validation", "store", "serve"},
}
TOP = {"pipeline": set(BELOW), "api": set(BELOW) | {"pipeline"}, "cli": set(BELOW) | {"pipeline", "api"}}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every module of the package that ``path`` imports, at any depth of its code."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("coalition_kg"):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level:
            raise AssertionError(f"{path}: relative import; the package imports by full name")
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("coalition_kg"))
    return found


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}
IMPORTS = {name: {other for other in imports(path) if other in MODULES and other != "coalition_kg"}
           for name, path in MODULES.items()}


def part(name: str) -> str:
    """The stage or top-level module a module belongs to."""
    return name.split(".")[1] if name.count(".") else ""


@pytest.mark.parametrize("name", [name for name in MODULES if part(name) in BELOW or part(name) in TOP])
def test_each_module_imports_only_from_the_stages_below(name: str) -> None:
    allowed = {part(name)} | BELOW.get(part(name), set()) | TOP.get(part(name), set())
    assert {other for other in IMPORTS[name] if part(other) not in allowed} == set()


def test_no_module_imports_itself_back_through_others() -> None:
    graph = nx.DiGraph([(name, other) for name, others in IMPORTS.items() for other in others
                        if not MODULES[other].name == "__init__.py"])
    assert list(nx.simple_cycles(graph)) == []


def test_every_module_belongs_to_a_stage_or_the_top() -> None:
    assert {part(name) for name in MODULES} - set(BELOW) - set(TOP) == {"", "__main__"}


@pytest.mark.parametrize("stage", sorted(BELOW))
def test_each_stage_says_what_it_owns_and_what_it_may_import(stage: str) -> None:
    docstring = importlib.import_module(f"coalition_kg.{stage}").__doc__ or ""
    assert len(docstring.split()) > 20
    for other in BELOW[stage]:
        assert f"coalition_kg.{other}" in docstring
