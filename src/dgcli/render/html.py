"""`dgcli report`: the page rebuilt as one self-contained HTML file, every claim with its verdict.

No script, no network: styles are inline, charts are inline SVG (dgcli.render.chart), fonts are the
system's. Every text from the data file goes through Jinja2 with autoescaping; a link is made only
from an http(s) URL, anything else is shown as text. The verdicts, intervals and reasons are the
core's (``claims.verify``), printed with the helpers every other format uses (``display.Terms``).
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import NamedTuple
from urllib.parse import urlsplit

from dgcli.check.claims import Result, stated_and_recomputed
from dgcli.data.model import FAILING, Dataset, Metric, Observation, Verdict, metric_notes
from dgcli.render import Terminal, Views
from dgcli.render.chart import Chart, Stack, history_chart, short_period, stack_chart
from dgcli.render.report import DOUBTFUL, VERDICT_ORDER, Report, anchor
from dgcli.render.svg import environment, stylesheet

VERDICT_LABEL = {
    Verdict.CONSISTENT: "consistent",
    Verdict.WITHIN_ROUNDING: "within rounding",
    Verdict.REVISED: "revised",
    Verdict.NOT_COMPARED: "not compared",
    Verdict.UNVERIFIABLE: "unverifiable",
    Verdict.INCONSISTENT: "inconsistent",
    Verdict.GROSS: "gross error",
}
VERDICT_MEANING = {
    Verdict.CONSISTENT: "the figures as printed give the stated figure",
    Verdict.WITHIN_ROUNDING: "they don't, but values within the figures' rounding do",
    Verdict.REVISED: "two sources print different figures, and the file says why",
    Verdict.NOT_COMPARED: "two figures may be of one time, but the file does not say how to compare them",
    Verdict.UNVERIFIABLE: "an operand is not published; the reason says which",
    Verdict.INCONSISTENT: "no values within the figures' rounding give the stated figure",
    Verdict.GROSS: "inconsistent, and the conclusion changes (direction, threshold, a unit slip)",
}


def link(url: str) -> str | None:
    """The URL when it is an http(s) address a browser may follow; None for anything else (javascript:,
    data:, relative paths, or text with spaces or controls), which is then shown as text only."""
    text = url.strip()
    if not text or any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    return text if parts.scheme.lower() in ("http", "https") and parts.netloc else None


class Claimed(NamedTuple):
    """A result as the report prints it: the core's verdict and reason, the figures in the claim's terms."""

    anchor: str
    verdict: str  # the Verdict's value (the badge's class and icon)
    label: str
    failing: bool
    text: str
    id: str
    kind: str
    stated: str
    computed: str
    reason: str
    rounding: str
    where: str  # file:line
    note: str
    about: str  # the metric's (or section's) name, for the summary
    about_anchor: str


class Row(NamedTuple):
    period: str
    published: str
    source: str
    note: str


class Shown(NamedTuple):
    metric: Metric
    anchor: str
    latest: Observation | None
    latest_period: str
    chart: Chart
    table: tuple[Row, ...]
    distribution: Stack | None
    answers: tuple[str, ...]
    distribution_table: tuple[tuple[str, tuple[str, ...]], ...]  # (period heading, figure per answer)
    parts: Stack | None
    items: tuple[tuple[str, str, tuple[str, ...]], ...]  # (title, period, items)
    claims: tuple[Claimed, ...]
    notes: tuple[str, ...]
    sources: tuple[tuple[str, str | None, str], ...]  # (title, link, url as text)
    several: bool


def _claimed(dataset: Dataset, result: Result, about: str, about_anchor: str) -> Claimed:
    claim = result.claim
    return Claimed(
        anchor=anchor(result),
        verdict=result.verdict.value,
        label=VERDICT_LABEL[result.verdict],
        failing=result.verdict in FAILING,
        text=claim.text,
        id=claim.id,
        kind=claim.kind.value,
        stated=stated_and_recomputed(result)[0],
        computed=stated_and_recomputed(result)[1],
        reason=result.reason,
        rounding=result.rounding,
        where=f"{dataset.file}:{claim.line}",
        note=claim.note if result.verdict in FAILING else "",
        about=about,
        about_anchor=about_anchor,
    )


def _period(observation: Observation) -> str:
    return observation.period.text if observation.period else "no period printed"


def _row_note(observation: Observation) -> str:
    notes = []
    if observation.figure.approximate:
        notes.append("approximate")
    if observation.figure.bound:
        notes.append("a bound")
    if observation.rounding.value == "down":
        notes.append("truncated (切り捨て)")
    if observation.rounding.value == "up":
        notes.append("rounded up (切り上げ)")
    if observation.partial:
        notes.append("some answers only")
    if observation.revised:
        notes.append(f"revised: {observation.revised}")
    if observation.note:
        notes.append(observation.note)
    return "; ".join(notes)


def _shown(report: Report, metric: Metric, index: int) -> Shown:
    dataset = report.dataset
    observations = report.observations(metric)
    several = len({o.source for o in observations}) > 1
    # The latest figure: the main source's newest when it has one (another's undated total is not "latest").
    history = [o for o in metric.history() if o in observations]
    main = [o for o in history if o.source == dataset.source.id and o.period is not None]
    latest = (main or history)[0] if history else None
    chart_id = f"c{index}"
    chart = history_chart(metric, observations, chart_id)
    with_shares = [o for o in observations if o.shares]
    answers: list[str] = []
    for o in with_shares:
        answers += [s.answer for s in o.shares if s.answer not in answers]
    distribution_table = tuple(
        (
            _period(o) + (f" ({o.source})" if several else ""),
            tuple(next((s.figure.text for s in o.shares if s.answer == a), "—") for a in answers),
        )
        for o in with_shares
    )
    with_parts = [o for o in observations if o.parts]
    items = tuple(
        (title, _period(o), tuple(f"{i.name}（{i.since.text}から）" if i.since else i.name for i in listed))
        for o in observations
        for title, listed in (("Items", o.items), ("Added since the previous figure", o.added))
        if listed
    )
    results = report.by_metric.get(metric.id, [])
    notes = metric_notes(dataset, metric)
    section = dataset.section(metric.section)
    if section.citation:
        notes.append(section.citation)
    sources = tuple(
        (
            s.title + (f", published {s.published.text}" if s.published else ""),
            link(s.url),
            s.url,
        )
        for s in dataset.sources
        if any(o.source == s.id for o in observations)
    )
    return Shown(
        metric=metric,
        anchor=f"m-{metric.id}",
        latest=latest,
        latest_period=(short_period(latest.period) if latest and latest.period else "no period printed"),
        chart=chart,
        table=tuple(Row(_period(o), o.figure.text, o.source, _row_note(o)) for o in observations),
        distribution=stack_chart(metric, with_shares, f"{chart_id}d") if with_shares else None,
        answers=tuple(answers),
        distribution_table=distribution_table,
        parts=stack_chart(metric, with_parts, f"{chart_id}p", parts=True) if with_parts else None,
        items=items,
        claims=tuple(_claimed(dataset, r, metric.name, f"m-{metric.id}") for r in results),
        notes=tuple(notes),
        sources=sources,
        several=several,
    )


def _dgcli_version() -> str:
    try:
        return version("dgcli")
    except PackageNotFoundError:  # pragma: no cover - run from a source tree without installing
        return ""


def render_report(report: Report, terminal: Terminal) -> str:
    dataset = report.dataset
    index = 0
    groups: list[tuple[object, list[tuple[object, list[Claimed], list[Shown]]]]] = []
    for placed in report.placed:
        if not groups or groups[-1][0] != placed.group:
            groups.append((placed.group, []))
        shown = []
        for metric in placed.metrics:
            shown.append(_shown(report, metric, index))
            index += 1
        headline = [
            _claimed(dataset, r, placed.section.title, f"s-{placed.section.id}") for r in placed.headline_results
        ]
        groups[-1][1].append((placed.section, headline, shown))
    every = {c.id: c for _, sections in groups for _, headline, metrics in sections for c in headline}
    every |= {c.id: c for _, sections in groups for _, _, metrics in sections for m in metrics for c in m.claims}
    failing = [every[r.claim.id] for r in report.failing() if r.claim.id in every]
    doubtful = [every[r.claim.id] for r in report.doubtful() if r.claim.id in every]
    counts = [(v.value, VERDICT_LABEL[v], report.counts[v.value], VERDICT_MEANING[v]) for v in VERDICT_ORDER]
    source = dataset.source
    template = environment().get_template("report.html.j2")
    return template.render(
        dataset=dataset,
        title=source.title,
        publisher=source.publisher,
        source_link=link(source.url),
        source_url=source.url,
        file="the copy of indicators.yaml bundled with dgcli" if dataset.bundled else dataset.file,
        chosen_source=report.source,
        version=_dgcli_version(),
        summary=report.summary,
        failed=report.failed,
        counts=counts,
        total=report.counts["total"],
        failing=failing,
        doubtful=doubtful,
        doubtful_verdicts=sorted(v.value for v in DOUBTFUL),
        groups=groups,
        metric_count=report.metric_count(),
        section_count=len(report.placed),
        css=stylesheet("report.css") + stylesheet("chart.css"),
    )


VIEWS = Views(report=render_report)
