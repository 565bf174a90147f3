"""Read an indicators file into located nodes, strictly. The only module that imports ``yaml``.

PyYAML's own loaders read YAML 1.1 and quietly change what the author wrote (``no`` -> False,
``2024-07-01`` -> a date, ``012`` -> 10, a repeated key replaces the first). This module never
constructs values: it walks the parser's event stream and keeps every scalar as the author's text,
with its line and column, so the schema (``schema.py``) decides what each one means.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import yaml

from dgcli.errors import DataError, Problem

MAX_BYTES = 64 * 1024 * 1024  # far above any real page; a bigger file is refused, not parsed
MAX_DEPTH = 32  # the schema needs 7 levels; deeper input is refused before it costs anything
BOM = b"\xef\xbb\xbf"
_TOO_DEEP = f"nesting deeper than {MAX_DEPTH} levels; an indicators file needs far fewer"

# Characters YAML does not allow in a stream (its "printable" set is everything else).
_NON_PRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_TAB_INDENT = re.compile(r"^ *\t", re.MULTILINE)

HAVE_LIBYAML = hasattr(yaml, "CBaseLoader")


@dataclass(slots=True)
class Node:
    """A scalar (``str``), sequence (``list``) or mapping (``dict``) with where it starts (1-based)."""

    line: int
    column: int
    value: str | list[Node] | dict[str, Node]
    key_lines: dict[str, int] = field(default_factory=dict)  # mappings: the line of each key


def read_tree(path: Path, *, pure_python: bool = False) -> Node:
    """Read and parse ``path``. Raises ``DataError`` for anything that is not one plain YAML mapping."""
    file = str(path)
    text = _read_text(path, file)
    if not text.strip():
        raise DataError(file, [Problem(0, 0, "", "the file is empty; expected an indicators mapping")])
    if match := _TAB_INDENT.search(text):
        line, column = _position(text, match.end() - 1)
        raise DataError(file, [Problem(line, column, "", "tab used for indentation; YAML indents with spaces")])
    if match := _NON_PRINTABLE.search(text):
        line, column = _position(text, match.start())
        message = f"control character U+{ord(match.group()):04X} is not allowed in a YAML file"
        raise DataError(file, [Problem(line, column, "", message)])
    loader = yaml.BaseLoader if pure_python or not HAVE_LIBYAML else yaml.CBaseLoader
    builder = _TreeBuilder()
    try:
        builder.build(yaml.parse(text, Loader=loader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = f"invalid YAML: {error.problem}" if error.problem else "invalid YAML"
        if error.problem and "nesting depth" in error.problem:  # libyaml's own limit (1000) hit first
            problem = _TOO_DEEP
        raise DataError(file, [*builder.problems, Problem(line, column, "", problem)]) from None
    except yaml.YAMLError as error:
        raise DataError(file, [*builder.problems, Problem(0, 0, "", f"invalid YAML: {error}")]) from None
    except _TooDeep as error:
        raise DataError(file, [Problem(error.line, error.column, "", _TOO_DEEP)]) from None
    if builder.problems:
        raise DataError(file, builder.problems)
    root = builder.root
    if root is None:
        raise DataError(file, [Problem(0, 0, "", "the file holds no YAML document")])
    if not isinstance(root.value, dict):
        found = "a list" if isinstance(root.value, list) else "a single value"
        message = f"the top level must be a mapping (schema_version:, source:, sections: …), found {found}"
        raise DataError(file, [Problem(root.line, root.column, "", message)])
    return root


def _read_text(path: Path, file: str) -> str:
    try:
        if path.is_dir():
            raise DataError(file, [Problem(0, 0, "", "is a directory, not an indicators file")])
        size = path.stat().st_size
        if size > MAX_BYTES:
            message = f"file is {size:,} bytes; the limit is {MAX_BYTES:,} (a real page is ~50 KB)"
            raise DataError(file, [Problem(0, 0, "", message)])
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataError(file, [Problem(0, 0, "", "no such file")]) from None
    except PermissionError:
        raise DataError(file, [Problem(0, 0, "", "permission denied")]) from None
    except OSError as error:
        raise DataError(file, [Problem(0, 0, "", f"cannot read: {error.strerror}")]) from None
    data = data.removeprefix(BOM)  # editors on Windows add one; it carries no meaning
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        message = f"not UTF-8 (byte 0x{data[error.start]:02X}); save the file as UTF-8"
        raise DataError(file, [Problem(line, column, "", message)]) from None


def _position(text: str, index: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def _start(event: yaml.Event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)


class _TooDeep(Exception):
    def __init__(self, line: int, column: int) -> None:
        self.line, self.column = line, column


class _TreeBuilder:
    """Builds ``Node``s from parser events without recursion, collecting problems as it goes."""

    def __init__(self) -> None:
        self.root: Node | None = None
        self.problems: list[Problem] = []
        self._stack: list[Node] = []
        self._pending_key: list[Node | None] = []
        self._documents = 0

    def build(self, events: Iterable[yaml.Event]) -> None:
        for event in events:
            kind = type(event)
            if kind is yaml.ScalarEvent:
                self._check_plain(event)
                self._attach(self._node(event, cast(yaml.ScalarEvent, event).value))
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                self._check_plain(event)
                node = self._node(event, {} if kind is yaml.MappingStartEvent else [])
                self._attach(node)
                self._stack.append(node)
                self._pending_key.append(None)
                if len(self._stack) > MAX_DEPTH:
                    raise _TooDeep(node.line, node.column)
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                self._stack.pop()
                self._pending_key.pop()
            elif kind is yaml.AliasEvent:
                self._problem(event, "aliases (*name) are not supported; write the value out")
                self._attach(self._node(event, ""))
            elif kind is yaml.DocumentStartEvent:
                self._documents += 1
                if self._documents > 1:
                    self._problem(event, "a second YAML document (---); an indicators file holds one")
                    return

    def _node(self, event: yaml.Event, value: str | list[Node] | dict[str, Node]) -> Node:
        return Node(*_start(event), value)

    def _problem(self, event: yaml.Event, message: str) -> None:
        self.problems.append(Problem(*_start(event), "", message))

    def _check_plain(self, event: yaml.Event) -> None:
        if getattr(event, "anchor", None) is not None:
            self._problem(event, "anchors (&name) are not supported; write the value out")
        tag = getattr(event, "tag", None)
        if tag is not None:
            self._problem(event, f"YAML tags ({tag}) are not allowed; write plain values")

    def _attach(self, node: Node) -> None:
        if not self._stack:
            self.root = node
            return
        parent = self._stack[-1]
        container = parent.value
        if isinstance(container, list):
            container.append(node)
            return
        assert isinstance(container, dict)
        key = self._pending_key[-1]
        if key is None:
            if not isinstance(node.value, str):
                self.problems.append(Problem(node.line, node.column, "", "a mapping key must be plain text"))
                node = Node(node.line, node.column, f"<key at line {node.line}>")
            self._pending_key[-1] = node
            return
        self._pending_key[-1] = None
        assert isinstance(key.value, str)
        if key.value in container:
            first = parent.key_lines[key.value]
            message = f"key {key.value!r} repeated (first at line {first}); YAML would keep only the last"
            self.problems.append(Problem(key.line, key.column, "", message))
            return
        container[key.value] = node
        parent.key_lines[key.value] = key.line
