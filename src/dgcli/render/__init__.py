"""Renderers: one module per output format, registered once in ``FORMATS``.

Each format module defines ``VIEWS = Views(verify=render_verify, …)`` with the commands it serves;
``mypy --strict`` checks every view against the report type it takes. A command's ``--format``
choices come from ``FORMATS``; the module is imported only when chosen, so ``--json`` never
imports Rich. Adding a format is one module and one line here.
"""

from __future__ import annotations

import importlib
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from dgcli.check.diff import DiffReport
    from dgcli.check.reports import ChangesReport, ErrorReport, ListReport, ShowReport, VerifyReport
    from dgcli.data.export import ExportReport
    from dgcli.page.audit import AuditReport
    from dgcli.render.report import Report

R = TypeVar("R", contravariant=True)


class Terminal:
    """What the output can show: decided once by the CLI from the real stdout and environment."""

    __slots__ = ("color", "unicode", "width")

    def __init__(self, color: bool = False, width: int = 100, unicode: bool = True) -> None:
        self.color, self.width, self.unicode = color, width, unicode


class View(Protocol[R]):
    def __call__(self, report: R, terminal: Terminal, /) -> str: ...


class Views:
    """The commands a format serves; None where it serves none."""

    __slots__ = ("audit", "changes", "diff", "errors", "export", "list", "report", "show", "verify")
    COMMANDS = ("list", "show", "changes", "verify", "diff", "export", "audit", "report", "errors")

    def __init__(
        self,
        *,
        list: View[ListReport] | None = None,
        show: View[ShowReport] | None = None,
        changes: View[ChangesReport] | None = None,
        verify: View[VerifyReport] | None = None,
        diff: View[DiffReport] | None = None,
        export: View[ExportReport] | None = None,
        audit: View[AuditReport] | None = None,
        errors: View[ErrorReport] | None = None,
        report: View[Report] | None = None,
    ) -> None:
        self.list, self.show, self.changes, self.verify, self.diff, self.export = (
            list,
            show,
            changes,
            verify,
            diff,
            export,
        )
        self.audit = audit
        self.errors = errors  # a file that failed to load, reported in this format
        self.report = report


class Format:
    """A registered format: the module with its VIEWS, the commands it serves (a test checks they match)."""

    __slots__ = ("commands", "help", "module")

    def __init__(self, module: str, commands: frozenset[str], help: str) -> None:
        self.module, self.commands, self.help = module, commands, help


_EVERY = frozenset({"list", "show", "changes", "verify", "diff", "audit"})
FORMATS: dict[str, Format] = {
    "text": Format("dgcli.render.text", _EVERY | {"errors"}, "for people"),
    "json": Format("dgcli.render.jsonfmt", _EVERY | {"export", "errors"}, "one JSON document, for scripts and jq"),
    "github": Format("dgcli.render.github", frozenset({"verify", "errors"}), "GitHub Actions annotations"),
    "sarif": Format("dgcli.render.sarif", frozenset({"verify", "errors"}), "SARIF 2.1.0, for code scanning"),
    "junit": Format("dgcli.render.junit", frozenset({"verify", "errors"}), "JUnit XML, for GitLab and Jenkins"),
    "csv": Format("dgcli.render.csvfmt", frozenset({"export"}), "RFC 4180 CSV, for pandas and spreadsheets"),
    "svg": Format("dgcli.render.svg", frozenset({"show"}), "the history chart as one standalone SVG, for a slide"),
    "html": Format("dgcli.render.html", frozenset({"report"}), "one self-contained HTML page"),
}


def choices(command: str) -> list[str]:
    return [name for name, spec in FORMATS.items() if command in spec.commands]


def views(name: str) -> Views:
    module = importlib.import_module(FORMATS[name].module)
    found = module.VIEWS
    assert isinstance(found, Views)
    return found


# C0/C1 controls and the bidirectional overrides that can restyle or spoof a terminal
# (compiled on first use: JSON output never needs it).
_UNSAFE = "[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]"


def safe(text: str) -> str:
    """Text from the data file, made inert for a terminal: controls become visible escapes."""
    return re.sub(_UNSAFE, lambda m: f"\\u{ord(m.group()):04x}", text)


# A workflow command: a line that starts with "::" after blanks (or colour codes), or holds "##[".
_COMMAND_START = "^((?:\x1b\\[[0-9;]*m|[ \t])*):(?=:)"


def inert(text: str) -> str:
    """Output for people that no CI log reads as a workflow command (GitHub Actions' ``::error::``,
    Azure's ``##[``): the colon that would start one becomes a visible ``\\u003a``."""
    if "::" not in text and "##[" not in text:
        return text
    text = re.sub(_COMMAND_START, lambda m: m.group(1) + "\\u003a", text, flags=re.MULTILINE)
    return text.replace("##[", "#\\u0023[")


# Characters XML 1.0 cannot carry at all (not even as &#…;): controls but tab and line ends,
# lone surrogates (a non-UTF-8 file name on the command line), U+FFFE and U+FFFF.
_NOT_XML = "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]"


def xml_safe(text: str) -> str:
    """Text any XML 1.0 parser reads: what XML cannot hold becomes a visible ``\\uXXXX``."""
    return re.sub(_NOT_XML, lambda m: f"\\u{ord(m.group()):04x}", text)


def in_environment(path: Path) -> bool:
    """A file inside a Python environment (a virtualenv, site-packages): never the user's source."""
    if {"site-packages", "dist-packages"} & set(path.parts):
        return True
    return any((parent / "pyvenv.cfg").is_file() for parent in path.parents)


def _workspace() -> Path:
    return Path(os.environ.get("GITHUB_WORKSPACE") or Path.cwd())


def workspace_path(file: str, bundled: bool = False) -> str | None:
    """A data file's path as CI shows it: relative to $GITHUB_WORKSPACE or the current directory.

    None when it cannot point at a file of the repository: standard input, a file outside the
    workspace, or one inside a virtualenv or site-packages (the copy bundled in dgcli). The bundled
    copy points at the workspace's indicators.yaml when that file is the same, byte for byte
    (dgcli's own repository), so annotations land on the lines a reader can open.
    """
    if file.startswith("<"):
        return None
    path = Path(file)
    try:
        if bundled:
            own = _workspace() / "indicators.yaml"
            return "indicators.yaml" if own.is_file() and own.read_bytes() == path.read_bytes() else None
        if not path.is_absolute() and ".." not in path.parts:
            return None if in_environment(path.absolute()) else path.as_posix()
        resolved = path.resolve()
        if in_environment(resolved):
            return None
        for base in (os.environ.get("GITHUB_WORKSPACE"), str(Path.cwd())):
            if base:
                try:
                    return resolved.relative_to(Path(base).resolve()).as_posix()
                except ValueError:
                    continue
    except OSError:
        return None
    return None
