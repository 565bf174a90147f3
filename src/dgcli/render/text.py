"""Human output with Rich: tables that line up in Japanese, a bar chart, verdicts in colour.

Every string from the data file goes in as ``Text`` (never as markup) after ``safe()``, so a name
like ``[red]…`` or an escape sequence prints literally and cannot restyle the terminal.
"""

from __future__ import annotations

import io
from fractions import Fraction

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from dgcli.claims import FAILING, Change, Interval, Result, format_computed, format_fraction, format_scaled, summarize
from dgcli.model import Dataset, Metric, Observation, Verdict
from dgcli.numbers import scale_of
from dgcli.render import Terminal, safe

VERDICT_STYLE = {
    Verdict.CONSISTENT: "green",
    Verdict.WITHIN_ROUNDING: "yellow",
    Verdict.UNVERIFIABLE: "cyan",
    Verdict.INCONSISTENT: "red",
    Verdict.GROSS: "bold red",
}
VERDICT_MARK = {
    Verdict.CONSISTENT: ("✓", "ok"),
    Verdict.WITHIN_ROUNDING: ("≈", "~"),
    Verdict.UNVERIFIABLE: ("?", "?"),
    Verdict.INCONSISTENT: ("✗", "x"),
    Verdict.GROSS: ("✗", "X"),
}
# Problems first, as a reader fixing the file wants them.
VERDICT_ORDER = (
    Verdict.GROSS,
    Verdict.INCONSISTENT,
    Verdict.WITHIN_ROUNDING,
    Verdict.UNVERIFIABLE,
    Verdict.CONSISTENT,
)
CHART_WIDTH = 36


def _render(terminal: Terminal, *renderables: RenderableType) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=terminal.width,
        force_terminal=terminal.color,
        no_color=not terminal.color,
        color_system="standard" if terminal.color else None,
        markup=False,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    for renderable in renderables:
        console.print(renderable)
    return buffer.getvalue()


def t(text: str, style: str = "") -> Text:
    return Text(safe(text), style=style)


def _table(*columns: str, title: str = "") -> Table:
    table = Table(title=t(title, "bold") if title else None, title_justify="left", show_edge=False, pad_edge=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _period(observation: Observation | None) -> str:
    if observation is None or observation.period is None:
        return "—"
    return observation.period.key


def _verdict(verdict: Verdict, terminal: Terminal) -> Text:
    mark = VERDICT_MARK[verdict][0 if terminal.unicode else 1]
    return Text(f"{mark} {verdict.value}", style=VERDICT_STYLE[verdict])


def _signed(text: str) -> str:
    return text if text.startswith("-") else f"+{text}"


def list_view(dataset: Dataset, terminal: Terminal) -> str:
    renderables: list[RenderableType] = [t(f"{dataset.source.title} — {dataset.source.publisher}", "bold")]
    for group in dataset.groups:
        table = _table("section", "metric", "name", "latest", "period", title=group.title)
        for column in (1, 3, 4):
            table.columns[column].no_wrap = True
        for section in (s for s in dataset.sections if s.group == group.id):
            for index, metric_id in enumerate(section.metrics):
                metric = dataset.metrics[metric_id]
                table.add_row(
                    t(section.title if index == 0 else "", "bold"),
                    t(metric.id, "cyan"),
                    t(metric.name),
                    t(metric.latest.quantity.text),
                    t(_period(metric.latest)),
                    end_section=index == len(section.metrics) - 1,
                )
        renderables += [Text(""), table]
    summary = f"\n{len(dataset.metrics)} metrics in {len(dataset.sections)} sections · dgcli show METRIC for one"
    renderables.append(Text(summary))
    return _render(terminal, *renderables)


def _history(metric: Metric) -> Table:
    table = _table("period", "as published", "value", "change from previous", title="History")
    table.columns[2].justify = "right"
    table.columns[3].justify = "right"
    for index, observation in enumerate(metric.observations):
        previous = metric.observations[index + 1] if index + 1 < len(metric.observations) else None
        change = ""
        if previous is not None:
            delta = Fraction(observation.quantity.value - previous.quantity.value)
            if metric.unit == "%":
                change = f"{_signed(format_fraction(delta, 1))}PT"
            else:
                change = _signed(format_scaled(delta, scale_of(observation.quantity), 2))
                if previous.quantity.value > 0:
                    ratio = Fraction(observation.quantity.value) / Fraction(previous.quantity.value) - 1
                    change += f" ({_signed(format_fraction(ratio * 100, 1))}%)"
        value = observation.quantity.value
        table.add_row(
            t(observation.period.text if observation.period else "(no period)"),
            t(observation.quantity.text),
            f"{value:,}",
            change,
        )
    return table


def _chart(metric: Metric, terminal: Terminal) -> Text:
    """Bars scaled to the values, oldest first, so the trend reads left to right, top to bottom."""
    block = "█" if terminal.unicode else "#"
    top = max(o.quantity.value for o in metric.observations)
    chart = Text()
    for observation in reversed(metric.observations):
        value = observation.quantity.value
        length = int(value * CHART_WIDTH / top) if top > 0 else 0
        chart.append(f"{_period(observation):>8} ")
        chart.append(block * max(length, 1 if value > 0 else 0), style="cyan")
        chart.append(f" {safe(observation.quantity.text)}\n")
    return chart


def _distribution(metric: Metric, terminal: Terminal) -> Table:
    periods = list(reversed(metric.observations))
    table = _table("answer", *(_period(o) for o in periods), title="Distribution")
    block = "█" if terminal.unicode else "#"
    for index, share in enumerate(metric.latest.shares):
        cells: list[RenderableType] = []
        for observation in periods:
            quantity = observation.shares[index].quantity
            bar = block * int(quantity.value * 20 / 100)
            cells.append(Text.assemble((bar, "cyan"), f" {safe(quantity.text)}"))
        style = "bold" if share.answer == metric.headline_answer else ""
        table.add_row(t(share.answer, style), *cells)
    return table


def _claims_table(results: list[Result], terminal: Terminal, title: str = "Claims") -> Table:
    table = _table("verdict", "claim", "stated", "recomputed", title=title)
    for result in results:
        table.add_row(
            _verdict(result.verdict, terminal),
            t(result.claim.text),
            t(result.stated.text if result.stated else "—"),
            format_computed(result),
        )
    return table


def show_view(dataset: Dataset, metric: Metric, results: list[Result], terminal: Terminal) -> str:
    section = dataset.section(metric.section)
    header = Text.assemble(
        (safe(metric.name), "bold"), " — ", safe(metric.name_en), "  ", (f"[{safe(metric.id)}]", "cyan")
    )
    facts = [
        f"section: {section.title} ({dataset.group(section.group).title})",
        f"unit: {metric.unit}" + (f" · category: {metric.category}" if metric.category else ""),
    ]
    if metric.aliases:
        facts.append("also: " + ", ".join(metric.aliases))
    renderables: list[RenderableType] = [header, *(t(line, "dim") for line in facts)]
    if metric.description:
        renderables += [Text(""), t(metric.description)]
    renderables += [Text(""), _history(metric), Text(""), _chart(metric, terminal)]
    if metric.is_distribution:
        renderables += [_distribution(metric, terminal), Text("")]
    for observation in metric.observations:
        label = f" ({observation.period.key})" if observation.period else ""
        if observation.parts:
            parts = " + ".join(f"{p.name} {p.quantity.text}" for p in observation.parts)
            renderables.append(t(f"Parts{label}: {parts}"))
        for title, items in (("Items", observation.items), ("Added since the previous figure", observation.added)):
            if items:
                renderables.append(t(f"{title}{label}:"))
                for number, item in enumerate(items, 1):
                    since = f" ({item.since.text}から)" if item.since else ""
                    renderables.append(t(f"  {number}. {item.name}{since}"))
    if results:
        renderables += [Text(""), _claims_table(results, terminal)]
    notes = [*metric.notes, *(f"{mark}: {dataset.footnotes[mark]}" for mark in metric.footnotes)]
    survey = dataset.surveys.get(metric.survey)
    if survey is not None:
        counts = "・".join(f"{period.text} n={count:,}" for period, count in survey.respondents)
        notes.append(f"survey: {survey.title} ({survey.population}, {survey.method}; {counts}); {survey.rounding}")
    if section.source:
        notes.append(section.source)
    notes.append(f"source: {dataset.source.title}, {dataset.source.url}")
    renderables += [Text(""), *(t(note, "dim") for note in notes)]
    return _render(terminal, *renderables)


def changes_view(dataset: Dataset, rows: list[Change], terminal: Terminal) -> str:
    table = _table("metric", "baseline → latest", "change", "stated", "recomputed", "verdict")
    table.title = Text("Changes against the stated baselines", style="bold")
    table.columns[2].justify = "right"
    table.columns[5].no_wrap = True
    arrow = "→" if terminal.unicode else "->"
    for row in rows:
        if row.baseline is None:
            span = Text.assemble(f"— {arrow} ", safe(row.latest.quantity.text))
        else:
            span = Text.assemble(
                f"{_period(row.baseline)} {arrow} {_period(row.latest)}\n",
                safe(f"{row.baseline.quantity.text} {arrow} {row.latest.quantity.text}"),
            )
        change = _change(row.absolute, row)
        if row.percent is not None:
            change += f"\n{_signed(format_fraction(row.percent.point, 2))}%"
        table.add_row(
            t(row.metric.id, "cyan"),
            span,
            change,
            t(row.result.stated.text if row.result.stated else "—"),
            format_computed(row.result),
            _verdict(row.result.verdict, terminal),
        )
    return _render(terminal, table)


def _change(change: Interval | None, row: Change) -> str:
    if change is None:
        return "—"
    if row.metric.unit == "%":
        return f"{_signed(format_fraction(change.point, 2))}PT"
    return _signed(format_scaled(change.point, scale_of(row.latest.quantity), 2)) + row.metric.unit


def verify_view(dataset: Dataset, results: list[Result], strict: bool, terminal: Terminal) -> str:
    renderables: list[RenderableType] = []
    for verdict in VERDICT_ORDER:
        group = [r for r in results if r.verdict is verdict]
        if not group:
            continue
        heading = Text(f"{verdict.value} ({len(group)})", style=f"bold {VERDICT_STYLE[verdict]}")
        renderables += [heading]
        for result in group:
            renderables.append(_verify_entry(dataset, result, terminal, detailed=verdict is not Verdict.CONSISTENT))
        renderables.append(Text(""))
    renderables.append(_summary_line(results, strict))
    return _render(terminal, *renderables)


def _verify_entry(dataset: Dataset, result: Result, terminal: Terminal, detailed: bool) -> RenderableType:
    claim = result.claim
    location = f"{dataset.file}:{claim.line}"
    line = Text.assemble("  ", _verdict(result.verdict, terminal), " ", (safe(claim.id), "bold"), f"  {safe(location)}")
    if not detailed:
        return line.append(f"  「{safe(claim.text)}」", style="dim")
    lines = [
        line,
        t(f"      「{claim.text}」"),
        t(f"      stated {result.stated.text if result.stated else '—'} · recomputed {format_computed(result)}"),
        t(f"      {result.reason}", "dim"),
    ]
    return Group(*lines)


def _summary_line(results: list[Result], strict: bool) -> Text:
    counts = summarize(results)
    failing = FAILING | {Verdict.WITHIN_ROUNDING} if strict else FAILING
    failed = any(r.verdict in failing for r in results)
    parts = ", ".join(f"{counts[v.value]} {v.value}" for v in VERDICT_ORDER[::-1])
    status = ("FAIL" if failed else "OK") + (" (strict)" if strict else "")
    return Text(f"{status}: {counts['total']} claims: {parts}", style="bold red" if failed else "bold green")
