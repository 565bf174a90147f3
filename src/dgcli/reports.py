"""What each command hands its renderer: one typed record per command, built by the core.

Counting, the strict-failure rule and the summary line are computed here once, so every format
(text, json, github, sarif, junit) says the same thing.
"""

from __future__ import annotations

from typing import NamedTuple

from dgcli import claims
from dgcli.claims import Change, Result
from dgcli.errors import Problem
from dgcli.model import Dataset, Metric


class ListReport(NamedTuple):
    dataset: Dataset


class ShowReport(NamedTuple):
    dataset: Dataset
    metric: Metric
    results: list[Result]


class ChangesReport(NamedTuple):
    dataset: Dataset
    rows: list[Change]
    metric: Metric | None = None  # the metric asked for, if one was
    empty_reason: str = ""  # why there is no row, when there is none


class VerifyReport(NamedTuple):
    dataset: Dataset
    results: list[Result]
    strict: bool
    counts: dict[str, int]
    failed: bool
    summary: str  # "OK: 72 claims: 65 consistent, …"


class ErrorReport(NamedTuple):
    """A file that could not be read or validated, for formats that report problems in band (sarif, github)."""

    file: str
    problems: list[Problem]
    command: str


def verify_report(dataset: Dataset, *, strict: bool) -> VerifyReport:
    results = claims.verify(dataset)
    return VerifyReport(
        dataset,
        results,
        strict,
        claims.summarize(results),
        claims.failed(results, strict=strict),
        claims.summary_line(results, strict=strict),
    )


def changes_report(dataset: Dataset, metric: Metric | None) -> ChangesReport:
    rows = claims.changes(dataset, metric.id if metric else None)
    reason = ""
    if not rows:
        if metric is None:
            reason = "no claim in the file states a change against a baseline"
        else:
            reason = _no_change_reason(metric)
    return ChangesReport(dataset, rows, metric, reason)


def _no_change_reason(metric: Metric) -> str:
    dated = metric.dated()
    figures = "; ".join(f"{o.period.text if o.period else '(undated)'}: {o.figure.text}" for o in metric.history()[:3])
    if len(dated) < 2:
        return f"{metric.id} has no stated change: it has {len(metric.observations)} figure(s), no baseline ({figures})"
    return (
        f"{metric.id} has no stated change: no claim names a baseline for it ({figures}); "
        f"dgcli show {metric.id} shows its history"
    )
