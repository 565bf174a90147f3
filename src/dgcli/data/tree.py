"""Read an indicators file into located nodes, strictly. The only module that imports ``yaml``.

PyYAML's own loaders read YAML 1.1 and quietly change what the author wrote (``no`` -> False,
``2024-07-01`` -> a date, ``012`` -> 10, a repeated key replaces the first). This module never
constructs values: it walks the parser's event stream and keeps every scalar as the author's text,
with its line and column, so the schema (``schema.py``) decides what each one means.
"""

from __future__ import annotations

import re
import stat
import sys
from pathlib import Path
from typing import Any

import yaml

from dgcli.errors import DataError, Problem

MAX_BYTES = 64 * 1024 * 1024  # far above any real page; a bigger file is refused, not parsed
MAX_DEPTH = 32  # the schema needs 7 levels; deeper input is refused before it costs anything
BOM = b"\xef\xbb\xbf"
_TOO_DEEP = f"nesting deeper than {MAX_DEPTH} levels; an indicators file needs far fewer"

_TAB_INDENT = re.compile(r"^ *\t", re.MULTILINE)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0 and C1 controls, but not tab or newline
# Unicode non-characters (U+FDD0–U+FDEF and the last two code points of every plane): no text holds
# them, XML 1.0 forbids U+FFFE and U+FFFF, and a JUnit or SARIF reader would choke on them.
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000)
)
_NONCHARACTER = re.compile(f"[{_NONCHARACTERS}]")

HAVE_LIBYAML = hasattr(yaml, "CBaseLoader")


class Node:
    """A scalar (``str``), sequence (``list``) or mapping (``dict``) with where it starts (1-based)."""

    __slots__ = ("column", "key_column", "key_line", "line", "value")

    def __init__(self, line: int, column: int, value: str | list[Node] | dict[str, Node]) -> None:
        self.line = line
        self.column = column
        self.value = value
        # A mapping's value: where its key stands (a block value starts on a later line).
        self.key_line = line
        self.key_column = column


STDIN = "-"


def read_tree(path: Path, *, file: str | None = None, pure_python: bool = False, text: str | None = None) -> Node:
    """Read and parse ``path`` (``-``: standard input; or ``text`` already in hand), named ``file`` in
    messages. Raises ``DataError`` for anything that is not one plain YAML mapping.
    """
    file = file or str(path)
    if text is None:
        text = _decode(_read_stdin(file) if str(path) == STDIN else _read_file(path, file), file)
    if not text.strip():
        raise DataError(file, [Problem(0, 0, "", "the file is empty; expected an indicators mapping")])
    if match := _TAB_INDENT.search(text):
        line, column = _position(text, match.end() - 1)
        raise DataError(file, [Problem(line, column, "", "tab used for indentation; YAML indents with spaces")])
    loader_class = yaml.BaseLoader if pure_python or not HAVE_LIBYAML else yaml.CBaseLoader
    problems: list[Problem] = []
    loader = None
    try:
        loader = loader_class(text)  # the pure-Python reader checks every character here
        root = _build(loader, problems)
    except yaml.reader.ReaderError as error:  # a character YAML forbids (libyaml counts bytes: find it)
        line, column = _position(text, max(text.find(chr(error.character)), 0))
        what = "Unicode non-character" if _NONCHARACTER.match(chr(error.character)) else "control character"
        message = f"{what} U+{error.character:04X} is not allowed in a YAML file"
        raise DataError(file, [*problems, Problem(line, column, "", message)]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = f"invalid YAML: {error.problem}" if error.problem else "invalid YAML"
        if error.problem and "nesting depth" in error.problem:  # libyaml's own limit (1000) hit first
            problem = _TOO_DEEP
        raise DataError(file, [*problems, Problem(line, column, "", problem)]) from None
    except yaml.YAMLError as error:
        raise DataError(file, [*problems, Problem(0, 0, "", f"invalid YAML: {error}")]) from None
    except _TooDeep as error:
        raise DataError(file, [Problem(error.line, error.column, "", _TOO_DEEP)]) from None
    finally:
        if loader is not None:
            loader.dispose()
    if problems:
        raise DataError(file, problems)
    if root is None:
        raise DataError(file, [Problem(0, 0, "", "the file holds no YAML document")])
    if not isinstance(root.value, dict):
        found = "a list" if isinstance(root.value, list) else "a single value"
        message = f"the top level must be a mapping (schema_version:, source:, sections: …), found {found}"
        raise DataError(file, [Problem(root.line, root.column, "", message)])
    return root


def read_page_text(path: str) -> tuple[str, str]:
    """A published page's text (``-``: standard input) and the name to report it by."""
    name = "<stdin>" if path == STDIN else path
    data = _read_stdin(name) if path == STDIN else _read_file(Path(path), name, "a page's text")
    return _decode(data.removeprefix(BOM), name), name


def _refuse(file: str, message: str) -> DataError:
    return DataError(file, [Problem(0, 0, "", message)])


def _read_stdin(file: str) -> bytes:
    stream = sys.stdin.buffer if sys.stdin is not None else None
    if stream is None:
        raise _refuse(file, "standard input is closed")
    try:
        data = stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise _refuse(file, f"cannot read: {error.strerror}") from None
    if len(data) > MAX_BYTES:
        raise _refuse(file, f"input is larger than the limit of {MAX_BYTES:,} bytes (a real file is well under 1 MB)")
    return data


def _read_file(path: Path, file: str, what: str = "an indicators file") -> bytes:
    def refuse(message: str) -> DataError:
        return _refuse(file, message)

    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise refuse(f"is a directory, not {what}")
        if not stat.S_ISREG(mode):  # a FIFO or device could block forever or never end
            raise refuse("is not a regular file (a pipe or a device); save the data to a file first")
        with path.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)  # bounded even if the file grows while we read
    except FileNotFoundError:
        raise refuse("no such file") from None
    except PermissionError:
        raise refuse("permission denied") from None
    except OSError as error:
        raise refuse(f"cannot read: {error.strerror}") from None
    if len(data) > MAX_BYTES:
        raise refuse(f"file is larger than the limit of {MAX_BYTES:,} bytes (a real file is well under 1 MB)")
    return data


def _decode(data: bytes, file: str) -> str:
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


class _TooDeep(Exception):
    def __init__(self, line: int, column: int) -> None:
        self.line, self.column = line, column


_ALIAS = "aliases (*name) are not supported; write the value out"
_ANCHOR = "anchors (&name) are not supported; write the value out"
_SECOND_DOCUMENT = "a second YAML document (---); an indicators file holds one"


def _build(loader: Any, problems: list[Problem]) -> Node | None:
    """Build ``Node``s from the parser's events without recursion, collecting problems as it goes.

    One flat loop over ``get_event``: this is the hot path of every command (and of a 50,000-metric
    file), so it avoids a call per event. Mapping keys stay plain tuples until their value arrives.
    """
    root: Node | None = None
    stack: list[Node] = []  # the open sequences and mappings
    keys: list[tuple[str, int, int] | None] = []  # per open collection: a mapping's pending key
    documents = 0
    get_event = loader.get_event
    while True:
        event = get_event()
        kind = type(event)
        if kind is yaml.ScalarEvent or kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            mark = event.start_mark
            line, column = mark.line + 1, mark.column + 1
            if event.anchor is not None:
                problems.append(Problem(line, column, "", _ANCHOR))
            if event.tag is not None:
                problems.append(
                    Problem(line, column, "", f"YAML tags ({event.tag}) are not allowed; write plain values")
                )
            if kind is yaml.ScalarEvent:
                text: str = event.value
                if not text.isprintable():
                    if control := _CONTROL.search(text):
                        # "\x01" written as an escape: YAML lets it through; a terminal or an XML report would not
                        message = f"control character U+{ord(control[0]):04X} in a value"
                        problems.append(Problem(line, column, "", message, "control-character"))
                    if odd := _NONCHARACTER.search(text):
                        message = f"Unicode non-character U+{ord(odd[0]):04X} in a value; no text holds one"
                        problems.append(Problem(line, column, "", message, "noncharacter"))
                value: str | dict[str, Node] | list[Node] = text
            else:
                value = {} if kind is yaml.MappingStartEvent else []
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            stack.pop()
            keys.pop()
            continue
        elif kind is yaml.AliasEvent:
            mark = event.start_mark
            line, column = mark.line + 1, mark.column + 1
            problems.append(Problem(line, column, "", _ALIAS))
            value = ""
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                mark = event.start_mark
                problems.append(Problem(mark.line + 1, mark.column + 1, "", _SECOND_DOCUMENT))
                return root
            continue
        elif kind is yaml.StreamEndEvent:
            return root
        else:
            continue
        node = Node(line, column, value)
        if not stack:
            root = node
        else:
            parent = stack[-1]
            container = parent.value
            if type(container) is list:
                container.append(node)
            elif (key := keys[-1]) is None:  # this node is a mapping key
                if type(value) is not str:
                    problems.append(Problem(line, column, "", "a mapping key must be plain text"))
                    value = f"<key at line {line}>"
                keys[-1] = (sys.intern(value), line, column)  # ~12 key names repeated ~10⁶ times
            else:
                keys[-1] = None
                name, key_line, key_column = key
                assert type(container) is dict
                if name in container:
                    first = container[name]
                    message = (
                        f"key {name!r} repeated (first at {first.key_line}:{first.key_column}); "
                        "YAML would keep only the last"
                    )
                    problems.append(Problem(key_line, key_column, "", message))
                else:
                    container[name] = node
                    node.key_line, node.key_column = key_line, key_column
        if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            stack.append(node)
            keys.append(None)
            if len(stack) > MAX_DEPTH:
                raise _TooDeep(line, column)
