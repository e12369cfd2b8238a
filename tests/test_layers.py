"""The imports of generator/ follow the layers the README lists, so nothing imports in a
circle: read from the source (ast), `if TYPE_CHECKING:` imports included."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GENERATOR = REPO / "generator"
PACKAGE = "generator"
# `generator/__init__.py`: the package itself (its version), imported by anyone.
ROOT = "__init__"


def _module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _exists(module: str) -> bool:
    path = REPO.joinpath(*module.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _imported(path: Path) -> Iterator[str]:
    """Every module of the package a file imports, by dotted name."""
    here = _module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package[: len(package) - node.level + 1], base]).strip(".")
            for alias in node.names:
                # `from generator import atomic` names a module; `import __version__`, not.
                whole = f"{base}.{alias.name}"
                yield whole if _exists(whole) else base


def _unit(module: str) -> str:
    """The part of the package a module belongs to: its subpackage or top-level module."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ROOT


SOURCES = sorted(GENERATOR.rglob("*.py"))


def _modules() -> dict[str, set[str]]:
    """{module: the package's modules it imports}."""
    graph = {}
    for path in SOURCES:
        imported = {m for m in _imported(path) if m == PACKAGE or m.startswith(PACKAGE + ".")}
        graph[_module_name(path)] = imported - {_module_name(path)}
    return graph


def _units(modules: dict[str, set[str]]) -> dict[str, set[str]]:
    """{unit: the other units it imports}."""
    graph: dict[str, set[str]] = {}
    for module, imported in modules.items():
        unit = _unit(module)
        graph.setdefault(unit, set()).update(_unit(m) for m in imported)
        graph[unit].discard(unit)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected parts with more than one member (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            part = []
            while True:
                member = stack.pop()
                part.append(member)
                if member == node:
                    break
            if len(part) > 1:
                found.append(sorted(part))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def readme_layers() -> list[list[str]]:
    """The README's list under "How it works", bottom layer first: each line that starts
    with generator/ paths is one layer."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## How it works") :]
    block = section[section.index("```\n") + 4 :]
    block = block[: block.index("```")]
    layers = []
    for line in block.splitlines():
        paths = re.match(r"((?:generator/\S+\s+)+)", line + " ")
        if paths:
            names = [re.sub(r"^generator/|/$|\.py$", "", p) for p in paths.group(1).split()]
            layers.append(names)
    return layers


LAYERS = readme_layers()


def test_the_readme_lists_every_part_once() -> None:
    listed = [name for layer in LAYERS for name in layer]
    assert len(listed) == len(set(listed)), "a part listed twice"
    parts = {_unit(_module_name(p)) for p in SOURCES} - {ROOT}
    assert set(listed) == parts, "a part the README does not place, or one that is gone"


def test_each_part_imports_only_the_layers_below_it() -> None:
    level = {name: number for number, layer in enumerate(LAYERS) for name in layer}
    level[ROOT] = -1
    upward = sorted(
        f"{unit} imports {other}"
        for unit, imported in _units(_modules()).items()
        for other in imported
        if level[other] >= level[unit]
    )
    assert upward == []


def test_no_cycles_between_parts_nor_modules() -> None:
    modules = _modules()
    assert _cycles(_units(modules)) == []
    assert _cycles(modules) == []


def test_the_model_reads_no_layer_above_it() -> None:
    """The records and their facts are only data: no drafts, metrics or pages in them."""
    assert _units(_modules())["model"] <= {"errors", "characters", "wording", ROOT}


def test_the_checks_find_what_they_look_for() -> None:
    """The helpers see a cycle, an import under TYPE_CHECKING and a relative one."""
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []
    drafts = set(_imported(GENERATOR / "model" / "facts.py"))
    assert "generator.model.model" in drafts
    assert _unit("generator.model.facts") == "model" and _unit("generator") == ROOT
    assert LAYERS[0] == ["characters", "wording"] and LAYERS[-1] == ["__main__"]
