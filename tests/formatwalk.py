"""Walk an indicators file by the format's own table (dgcli.data.fileformat.MAPPINGS): every scalar with
the shape its key declares. Tests use it to edit every field of the format, so a new key in the table
is covered without anyone remembering to add it here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dgcli.data.fileformat import MAPPINGS
from dgcli.data.tree import Node, read_tree


def plain(node: Node) -> Any:
    """The tree as plain dicts, lists and strings (every scalar as written)."""
    if isinstance(node.value, dict):
        return {key: plain(value) for key, value in node.value.items()}
    if isinstance(node.value, list):
        return [plain(value) for value in node.value]
    return node.value


def read_plain(path: Path) -> Any:
    return plain(read_tree(path))


def fields(
    tree: Any, mapping: str = "file", at: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], str, str, str]]:
    """(path, mapping, key, shape) of every value in the tree, mapping keys included for pairs:."""
    for key, value in tree.items():
        spec = MAPPINGS[mapping].get(key)
        if spec is None:
            continue
        here = (*at, key)
        shape = spec.shape
        kind, _, inner = shape.partition(":")
        if kind == "list" and isinstance(value, list):
            for index, element in enumerate(value):
                if isinstance(element, dict):
                    yield from fields(element, inner, (*here, index))
                else:  # an item written as text, or a period for from:/to:
                    yield ((*here, index), mapping, key, "text" if inner == "item" else inner)
        elif kind == "map" and isinstance(value, dict):
            yield from fields(value, inner, here)
        elif shape == "at" and isinstance(value, dict):
            yield from fields(value, "at", here)
        elif kind == "pairs" and isinstance(value, dict):
            for name in value:
                yield ((*here, name), mapping, key, inner)
        elif shape in ("texts", "ids") and isinstance(value, list):
            for index in range(len(value)):
                yield ((*here, index), mapping, key, shape.removesuffix("s"))
        else:
            yield (here, mapping, key, shape)


def get(tree: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        tree = tree[step]
    return tree


def put(tree: Any, path: tuple[str | int, ...], value: Any) -> None:
    get(tree, path[:-1])[path[-1]] = value


def dump(tree: Any, path: Path) -> Path:
    import yaml

    path.write_text(yaml.safe_dump(tree, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    return path
