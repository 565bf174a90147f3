"""What each command hands its renderer: one typed record per command, built by the core.

Counting, the strict-failure rule and the summary line are computed here once, so every format
(text, json, github, sarif, junit) says the same thing. The records are plain slotted classes:
they only carry a result from the core to a renderer, and a NamedTuple costs ~20 times more to
define on every start.
"""

from __future__ import annotations

from dgcli.check import claims
from dgcli.check.claims import Change, Result
from dgcli.data.model import Dataset, Metric
from dgcli.errors import Problem


class ListReport:
    __slots__ = ("dataset",)

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset


class ShowReport:
    __slots__ = ("dataset", "metric", "results")

    def __init__(self, dataset: Dataset, metric: Metric, results: list[Result]) -> None:
        self.dataset, self.metric, self.results = dataset, metric, results


class ChangesReport:
    """Change rows; ``metric`` is the one asked for, if any, and ``empty_reason`` says why there is no row."""

    __slots__ = ("dataset", "empty_reason", "metric", "rows")

    def __init__(self, dataset: Dataset, rows: list[Change], metric: Metric | None, empty_reason: str) -> None:
        self.dataset, self.rows, self.metric, self.empty_reason = dataset, rows, metric, empty_reason


class VerifyReport:
    """Every claim's result, and what they add up to: counts, failure, the summary line ("OK: 72 claims: …")."""

    __slots__ = ("counts", "dataset", "failed", "results", "strict", "summary")

    def __init__(
        self, dataset: Dataset, results: list[Result], strict: bool, counts: dict[str, int], failed: bool, summary: str
    ) -> None:
        self.dataset, self.results, self.strict = dataset, results, strict
        self.counts, self.failed, self.summary = counts, failed, summary


class ErrorReport:
    """A file that could not be read or validated, for formats that report problems in band (sarif, github)."""

    __slots__ = ("command", "file", "problems")

    def __init__(self, file: str, problems: list[Problem], command: str) -> None:
        self.file, self.problems, self.command = file, problems, command


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
