"""The layers of src/dgcli import one way: text ← data ← check ← page ← render ← the command line.

- text/: how Japanese prints figures and dates (numbers, periods, intervals, the scanner, display);
- data/: the indicators file (the YAML tree, the loader, the format's keys, the kinds, the model);
- check/: what is computed from a file (claims and their verdicts, verify and changes reports, diff);
- page/: a published page read into blocks, audited against a file, drafted into one;
- render/: every output format, one module each, and the HTML report;
- at the top: the command line (cli, completion, typer_compat, locate, __main__) and what every
  layer may use (errors, exit_codes).

A module may import from its own layer and the layers below it, never above: so the folder a line
sits in says what it may know. The core (text, data, check, page) imports neither Typer nor Rich.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "dgcli"
LAYERS = ["text", "data", "check", "page", "render"]
TOP = {"__init__", "__main__", "errors", "exit_codes"}  # beneath every layer: any module may use them
CORE = LAYERS[:4]
COMMAND_LINE = {"cli", "completion", "typer_compat", "locate"}


def _layer(module: str) -> int | None:
    """The layer index of a dotted dgcli module name (None: a top-level helper usable by all)."""
    parts = module.split(".")
    if parts[0] != "dgcli" or len(parts) == 1:
        return None
    if parts[1] in LAYERS:
        return LAYERS.index(parts[1])
    if parts[1] in TOP:
        return None
    return len(LAYERS)  # cli and anything else at the top


def _is_module(name: str) -> bool:
    return (PACKAGE / f"{name}.py").exists() or (PACKAGE / name).is_dir()


def _imports(path: Path) -> list[tuple[str, int]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, node.lineno))
            if node.module == "dgcli":  # from dgcli import claims (a module) or acyclic (the package's own)
                found += [(f"dgcli.{alias.name}", node.lineno) for alias in node.names if _is_module(alias.name)]
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_run_one_way(path: Path) -> None:
    name = ".".join(("dgcli", *path.relative_to(PACKAGE).with_suffix("").parts))
    own = _layer(name.removesuffix(".__init__"))
    if own is None:
        return
    for module, line in _imports(path):
        other = _layer(module)
        assert other is None or other <= own, f"{path.name}:{line} imports {module}, a layer above"


@pytest.mark.parametrize("path", [p for p in MODULES if p.relative_to(PACKAGE).parts[0] in CORE], ids=str)
def test_the_core_knows_nothing_of_the_terminal(path: Path) -> None:
    for module, line in _imports(path):
        assert module.split(".")[0] not in {"typer", "rich", "click"}, f"{path.name}:{line} imports {module}"


def test_every_module_sits_in_a_layer_or_at_the_top() -> None:
    loose = {p.stem for p in PACKAGE.glob("*.py")} - TOP - COMMAND_LINE
    assert not loose, f"modules outside a layer folder: {sorted(loose)}"
