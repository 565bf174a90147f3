"""SARIF 2.1.0 for GitHub code scanning: one result per failing or doubtful claim, and per data error.

Upload it with ``github/codeql-action/upload-sarif``; each result points at the claim's line and
column in the indicators file. Rule ids are ``<kind>/<verdict>`` (``percent_change/inconsistent``),
and ``data-error`` for a file that could not be loaded.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from dgcli.check.claims import Result, Severity, severity, stated_and_recomputed
from dgcli.check.reports import ErrorReport, VerifyReport
from dgcli.data.kinds import KINDS, ClaimKind
from dgcli.data.model import Verdict
from dgcli.render import Terminal, Views, in_environment, workspace_path

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# SARIF's words for claims.Severity (consistent claims are no result)
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "note"}
VERDICT_HELP = {
    Verdict.GROSS: "No values within the figures' rounding give the stated figure, and the conclusion changes.",
    Verdict.INCONSISTENT: "No values within the figures' rounding give the stated figure.",
    Verdict.WITHIN_ROUNDING: "The printed figures do not give the stated figure; values within their rounding do.",
    Verdict.REVISED: "Two sources print the figure differently; the file acknowledges the revision.",
    Verdict.UNVERIFIABLE: "An operand is not published, or is only a bound that cannot decide.",
    Verdict.NOT_COMPARED: "Two sources' figures may be of one time, but the file does not say what their periods mean.",
}
DATA_ERROR = "data-error"


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("dgcli")
    except PackageNotFoundError:  # running from a source tree without an install
        return "0+unknown"


def _rule(rule_id: str) -> dict[str, Any]:
    if rule_id == DATA_ERROR:
        return {
            "id": DATA_ERROR,
            "name": "DataError",
            "shortDescription": {"text": "The indicators file cannot be read or validated."},
            "defaultConfiguration": {"level": "error"},
        }
    kind, verdict = ClaimKind(rule_id.split("/")[0]), Verdict(rule_id.split("/")[1])
    return {
        "id": rule_id,
        "name": "".join(part.title() for part in rule_id.replace("/", "_").split("_")),
        "shortDescription": {"text": f"{'An' if kind.value[0] in 'aeiou' else 'A'} {kind} claim is {verdict}."},
        "fullDescription": {"text": f"{kind}: {KINDS[kind].summary}. {VERDICT_HELP[verdict]}"},
        "defaultConfiguration": {"level": LEVEL[severity(verdict)]},
        "properties": {"tags": ["indicators", kind.value, verdict.value]},
    }


def _uri(file: str, bundled: bool) -> dict[str, str] | None:
    """Where code scanning finds the file: a percent-encoded URI relative to the checkout
    (``uriBaseId: %SRCROOT%``), or ``file:`` for one outside it; None for standard input and for
    the copy inside a Python environment (its lines are nowhere in the repository)."""
    path = workspace_path(file, bundled)
    if path is not None:
        return {"uri": quote(path.encode("utf-8", "surrogateescape"), safe="/"), "uriBaseId": "%SRCROOT%"}
    absolute = Path(file).absolute()
    if bundled or file.startswith("<") or in_environment(absolute):
        return None
    return {"uri": "file://" + quote(absolute.as_posix().encode("utf-8", "surrogateescape"), safe="/")}


def _locations(file: str, line: int, column: int, bundled: bool = False) -> list[dict[str, Any]]:
    artifact = _uri(file, bundled)
    if artifact is None:
        return []
    region = {"startLine": max(line, 1)}
    if column:
        region["startColumn"] = column
    return [{"physicalLocation": {"artifactLocation": artifact, "region": region}}]


def _document(rules: list[str], results: list[dict[str, Any]]) -> str:
    driver = {
        "name": "dgcli",
        "version": _version(),
        "informationUri": "https://github.com/dgcli/dgcli",
        "rules": [_rule(rule) for rule in rules],
    }
    for result in results:
        result["ruleIndex"] = rules.index(result["ruleId"])
    document = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [{"tool": {"driver": driver}, "results": results}]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _claim_result(report: VerifyReport, result: Result) -> dict[str, Any]:
    claim = result.claim
    level = LEVEL[severity(result.verdict, strict=report.strict)]
    stated, recomputed = stated_and_recomputed(result)
    text = f"{claim.id}: 「{claim.text}」 stated {stated}, recomputed {recomputed}: {result.reason}"
    return {
        "ruleId": f"{claim.kind.value}/{result.verdict.value}",
        "level": level,
        "message": {"text": text},
        "locations": _locations(report.dataset.file, claim.line, claim.column, report.dataset.bundled),
        "partialFingerprints": {"claimId": claim.id},
        "properties": {"claim": claim.id, "verdict": result.verdict.value, "metrics": list(claim.metrics)},
    }


def render_verify(report: VerifyReport, terminal: Terminal) -> str:
    results = [_claim_result(report, r) for r in report.results if severity(r.verdict) is not Severity.NONE]
    rules = sorted({result["ruleId"] for result in results})
    return _document(rules, results)


def render_errors(report: ErrorReport, terminal: Terminal) -> str:
    results = [
        {
            "ruleId": DATA_ERROR,
            "level": "error",
            "message": {"text": problem.message + (f" ({problem.path})" if problem.path else "")},
            "locations": _locations(report.file, problem.line, problem.column),
        }
        for problem in report.problems
    ]
    return _document([DATA_ERROR], results)


VIEWS = Views(verify=render_verify, errors=render_errors)
