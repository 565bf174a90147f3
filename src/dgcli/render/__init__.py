"""Renderers: one module per output format, each with the same four views returning a ``str``.

The CLI picks a module from ``FORMATS`` and imports it only then, so JSON never imports Rich.
"""

from __future__ import annotations

import importlib
import re
from types import ModuleType
from typing import NamedTuple

FORMATS: dict[str, str] = {
    "text": "dgcli.render.text",
    "json": "dgcli.render.jsonfmt",
    "github": "dgcli.render.github",
}


class Terminal(NamedTuple):
    """What the output can show: decided once by the CLI from the real stdout and environment."""

    color: bool = False
    width: int = 100
    unicode: bool = True


def renderer(name: str) -> ModuleType:
    return importlib.import_module(FORMATS[name])


# C0/C1 controls and the bidirectional overrides that can restyle or spoof a terminal.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def safe(text: str) -> str:
    """Text from the data file, made inert for a terminal: controls become visible escapes."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
