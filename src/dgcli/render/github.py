"""GitHub Actions workflow commands: a pull request shows each problem on the line that holds it.

Escaping follows GitHub's rules (actions/toolkit ``command.ts``): ``%``, CR and LF in the message;
those and ``:`` and ``,`` in properties. Text from the data can therefore never start a command.
Paths are relative to the workspace; the copy bundled in dgcli gets no ``file=`` (it is not in the
repository) and a warning says it was read.
"""

from __future__ import annotations

from dgcli.check.claims import Severity, severity, stated_and_recomputed
from dgcli.check.reports import ErrorReport, VerifyReport
from dgcli.render import Terminal, Views, safe, workspace_path

# GitHub's words for claims.Severity (consistent claims get no annotation)
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "notice"}


def escape_data(text: str) -> str:
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace("##[", "#\\u0023[")
    return safe(escaped)  # other controls (a file name's) become visible \\uXXXX, never raw bytes in a log


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(level: str, file: str | None, line: int, column: int, title: str, message: str) -> str:
    properties = []
    if file is not None:
        properties.append(f"file={escape_property(file)}")
        if line:
            properties.append(f"line={line}")
        if column:
            properties.append(f"col={column}")
    properties.append(f"title={escape_property(title)}")
    return f"::{level} {','.join(properties)}::{escape_data(message)}"


def _bundled_warning(file: str) -> str:
    return annotation(
        "warning",
        None,
        0,
        0,
        "dgcli read its bundled copy",
        f"no indicators.yaml in the working directory: dgcli checked the copy bundled with it ({file}); "
        "run it where your file is, or pass --file",
    )


def render_verify(report: VerifyReport, terminal: Terminal) -> str:
    dataset = report.dataset
    path = workspace_path(dataset.file, dataset.bundled)
    lines = [_bundled_warning(dataset.file)] if dataset.bundled else []
    for result in report.results:
        level = LEVEL.get(severity(result.verdict, strict=report.strict))
        if level is None:
            continue
        claim = result.claim
        title = f"{result.verdict.value}: {claim.id}"
        stated, recomputed = stated_and_recomputed(result)
        message = f"「{claim.text}」 stated {stated}, recomputed {recomputed}: {result.reason}"
        lines.append(annotation(level, path, claim.line, claim.column, title, message))
    lines.append(f"dgcli verify: {report.summary}")
    return "\n".join(lines) + "\n"


def render_errors(report: ErrorReport, terminal: Terminal) -> str:
    path = workspace_path(report.file)
    lines = [
        annotation(
            "error",
            path,
            problem.line,
            problem.column,
            "dgcli: data error",
            problem.message + (f" ({problem.path})" if problem.path else ""),
        )
        for problem in report.problems
    ]
    return "\n".join(lines) + "\n"


VIEWS = Views(verify=render_verify, errors=render_errors)
