"""GitHub Actions workflow commands: a pull request shows each broken claim on the line that holds it.

Escaping follows GitHub's rules (actions/toolkit ``command.ts``): ``%``, CR and LF in the message;
those and ``:`` and ``,`` in properties. Text from the data can therefore never start a command.
"""

from __future__ import annotations

from types import ModuleType

from dgcli.claims import Result, format_computed
from dgcli.model import Dataset, Verdict
from dgcli.render import Terminal, renderer

LEVEL = {
    Verdict.GROSS: "error",
    Verdict.INCONSISTENT: "error",
    Verdict.WITHIN_ROUNDING: "warning",
    Verdict.UNVERIFIABLE: "notice",
}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(level: str, file: str, line: int, title: str, message: str) -> str:
    properties = f"file={escape_property(file)},line={line},title={escape_property(title)}"
    return f"::{level} {properties}::{escape_data(message)}"


def verify_view(dataset: Dataset, results: list[Result], strict: bool, terminal: Terminal) -> str:
    lines = []
    for result in results:
        level = LEVEL.get(result.verdict)
        if level is None:
            continue
        if strict and result.verdict is Verdict.WITHIN_ROUNDING:
            level = "error"
        claim = result.claim
        title = f"{result.verdict.value}: {claim.id}"
        stated = result.stated.text if result.stated else "—"
        message = f"「{claim.text}」 stated {stated}, recomputed {format_computed(result)}: {result.reason}"
        lines.append(annotation(level, dataset.file, claim.line, title, message))
    counts = {v: sum(r.verdict is v for r in results) for v in Verdict}
    summary = ", ".join(f"{counts[v]} {v.value}" for v in Verdict)
    lines.append(f"dgcli verify: {len(results)} claims: {summary}")
    return "\n".join(lines) + "\n"


def _text() -> ModuleType:
    return renderer("text")


# Only verify has annotations; the other views read best as text in a workflow log.
def list_view(*args: object) -> str:
    return str(_text().list_view(*args))


def show_view(*args: object) -> str:
    return str(_text().show_view(*args))


def changes_view(*args: object) -> str:
    return str(_text().changes_view(*args))
