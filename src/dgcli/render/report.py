"""The whole file as one report: what `dgcli report` shows, chosen and placed, before any markup.

The core's verify results are taken as they are (one run over the whole file, so cross-checks
between metrics still count) and then placed where each claim sits on the page: a headline's
claims under its section, every other claim under its metric. Filters choose metrics, sections
and a source; nothing here computes a figure.
"""

from __future__ import annotations

from collections.abc import Sequence

from dgcli.check import claims
from dgcli.check.claims import Result
from dgcli.data.model import FAILING, Dataset, Group, Metric, Observation, Section, Verdict
from dgcli.errors import LookupFailed
from dgcli.text.normalize import fold

# Problems first, as a reader checking the page wants them.
VERDICT_ORDER = (
    Verdict.GROSS,
    Verdict.INCONSISTENT,
    Verdict.WITHIN_ROUNDING,
    Verdict.REVISED,
    Verdict.NOT_COMPARED,
    Verdict.UNVERIFIABLE,
    Verdict.CONSISTENT,
)
DOUBTFUL = frozenset({Verdict.WITHIN_ROUNDING, Verdict.REVISED, Verdict.NOT_COMPARED, Verdict.UNVERIFIABLE})


class Placed:
    """One section of the report: its group, the section, its headline's results and its metrics."""

    __slots__ = ("group", "headline_results", "metrics", "section")

    def __init__(self, group: Group, section: Section, headline_results: list[Result], metrics: list[Metric]) -> None:
        self.group, self.section, self.headline_results, self.metrics = group, section, headline_results, metrics


class Report:
    """What the report shows: the chosen sections and metrics, every result where it sits, the counts."""

    __slots__ = ("by_metric", "counts", "dataset", "failed", "placed", "results", "source", "summary")

    def __init__(self, dataset: Dataset, placed: list[Placed], results: list[Result], source: str | None) -> None:
        self.dataset, self.placed, self.results, self.source = dataset, placed, results, source
        self.by_metric: dict[str, list[Result]] = {}
        for result in results:
            if not result.claim.section:
                self.by_metric.setdefault(result.claim.metric, []).append(result)
        self.counts = claims.summarize(results)
        self.failed = claims.failed(results)
        self.summary = claims.summary_line(results)

    def observations(self, metric: Metric) -> list[Observation]:
        """The metric's figures oldest first (undated last), of the chosen source only if one was chosen."""
        shown = [o for o in metric.observations if self.source is None or o.source == self.source]
        dated = sorted(
            (o for o in shown if o.period is not None), key=lambda o: o.period.sort_key if o.period else (0, 0)
        )
        return dated + [o for o in shown if o.period is None]

    def failing(self) -> list[Result]:
        return [r for verdict in VERDICT_ORDER if verdict in FAILING for r in self.results if r.verdict is verdict]

    def doubtful(self) -> list[Result]:
        return [r for verdict in VERDICT_ORDER if verdict in DOUBTFUL for r in self.results if r.verdict is verdict]

    def metric_count(self) -> int:
        return sum(len(p.metrics) for p in self.placed)


def chronological(observations: Sequence[Observation]) -> list[Observation]:
    """Oldest first, as a chart reads; figures printed with no period last (in file order)."""
    dated = [o for o in observations if o.period is not None]
    dated.sort(key=lambda o: o.period.sort_key if o.period else (0, 0))
    return dated + [o for o in observations if o.period is None]


def anchor(result: Result) -> str:
    """Where a claim sits in the report: its id (claim ids are slugs, unique in the file)."""
    return f"claim-{result.claim.id}"


def find_section(dataset: Dataset, query: str) -> Section:
    """A section by id or title (NFKC, case-folded), or a unique prefix of one."""
    wanted = fold(query)
    exact = [s for s in dataset.sections if wanted in (fold(s.id), fold(s.title))]
    found = exact or [
        s for s in dataset.sections if wanted and (fold(s.id).startswith(wanted) or fold(s.title).startswith(wanted))
    ]
    if len(found) == 1:
        return found[0]
    ids = tuple(s.id for s in found[:3]) if found else tuple(s.id for s in dataset.sections[:3])
    if found:
        raise LookupFailed(f"section {query!r} is ambiguous: it matches {', '.join(s.id for s in found[:5])}", ids)
    raise LookupFailed(f"no section {query!r}", ids)


def build(
    dataset: Dataset,
    *,
    metrics: list[Metric] | None = None,
    sections: list[Section] | None = None,
    source: str | None = None,
) -> Report:
    """The report of the file, or of the chosen metrics and sections (both given: either), one source's
    figures and claims only when ``source`` is given."""
    everything = not metrics and not sections
    metric_ids = {m.id for m in metrics or []}
    section_ids = {s.id for s in sections or []}
    results = claims.verify(dataset)
    placed: list[Placed] = []
    shown_metrics: set[str] = set()
    shown_sections: set[str] = set()
    for section in dataset.sections:
        whole = everything or section.id in section_ids
        chosen = [dataset.metrics[m] for m in section.metrics if whole or m in metric_ids]
        if source is not None:
            chosen = [m for m in chosen if any(o.source == source for o in m.observations)]
        if not whole and not chosen:
            continue
        shown_metrics.update(m.id for m in chosen)
        if whole:
            shown_sections.add(section.id)
        placed.append(Placed(dataset.group(section.group), section, [], chosen))

    def shown(result: Result) -> bool:
        claim = result.claim
        if source is not None and source not in (claim.source or dataset.source.id, claim.versus):
            return False
        if claim.section:
            return claim.section in shown_sections
        return claim.metric in shown_metrics

    kept = [r for r in results if shown(r)]
    for each in placed:
        each.headline_results = [r for r in kept if r.claim.section == each.section.id]
    return Report(dataset, placed, kept, source)
