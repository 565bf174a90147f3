"""Human output with Rich: tables that line up in Japanese, a bar chart, verdicts in colour.

Below ``NARROW`` columns rows stack instead of squeezing into columns, so a number or an id is
never split; charts scale to the width. Every string from the data file goes in as ``Text`` (never
as markup) after ``safe()``, so a name like ``[red]…`` or an escape sequence prints literally. On a
stdout that cannot encode box drawing, tables use ASCII boxes and symbols their ASCII spellings.
"""

from __future__ import annotations

import io
import re
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from dgcli.check.claims import Change, Result, stated_and_recomputed
from dgcli.check.reports import ChangesReport, ErrorReport, ListReport, ShowReport, VerifyReport
from dgcli.data.kinds import ClaimKind
from dgcli.data.model import FAILING, Dataset, Metric, Observation, Verdict, metric_notes
from dgcli.render import Terminal, Views, safe
from dgcli.text.display import format_fraction, format_scaled
from dgcli.text.numbers import scale_of

if TYPE_CHECKING:
    from dgcli.check.diff import DiffReport
    from dgcli.page.audit import AuditReport

NARROW = 80  # below this many columns, rows stack (wider too, when a table cannot fit: see _fits)
MIN_CELL = 10  # the fewest cells a column of text is squeezed to
VERDICT_STYLE = {
    Verdict.CONSISTENT: "green",
    Verdict.WITHIN_ROUNDING: "yellow",
    Verdict.REVISED: "magenta",
    Verdict.UNVERIFIABLE: "cyan",
    Verdict.INCONSISTENT: "red",
    Verdict.GROSS: "bold red",
    Verdict.NOT_COMPARED: "blue",
}
VERDICT_MARK = {
    Verdict.CONSISTENT: ("✓", "ok"),
    Verdict.WITHIN_ROUNDING: ("≈", "~"),
    Verdict.REVISED: ("≠", "!="),
    Verdict.UNVERIFIABLE: ("?", "?"),
    Verdict.INCONSISTENT: ("✗", "x"),
    Verdict.GROSS: ("✗", "X"),
    Verdict.NOT_COMPARED: ("–", "-"),
}
# Problems first, as a reader fixing the file wants them.
VERDICT_ORDER = (
    Verdict.GROSS,
    Verdict.INCONSISTENT,
    Verdict.WITHIN_ROUNDING,
    Verdict.NOT_COMPARED,
    Verdict.REVISED,
    Verdict.UNVERIFIABLE,
    Verdict.CONSISTENT,
)
CHART_WIDTH = 36
# What an ASCII-only terminal shows instead of the symbols dgcli prints itself.
_ASCII = str.maketrans(
    {
        "–": "-",
        "—": "-",
        "→": "->",
        "≥": ">=",
        "≤": "<=",
        "÷": "/",
        "×": "x",
        "≈": "~",
        "∞": "inf",
        "−": "-",
        "·": "|",
        "…": "...",
    }
)


def _render(terminal: Terminal, *renderables: RenderableType) -> str:
    console: Console | None = None
    buffer = io.StringIO()
    parts: list[str] = []
    for renderable in renderables:
        lines = None if terminal.color else plain_lines(renderable, terminal.width)
        if lines is not None:  # what Rich would print, without its rendering pipeline (start-up budget)
            parts.append("".join(line + "\n" for line in lines))
            continue
        if console is None:
            console = _console(terminal, buffer)
        if isinstance(renderable, Text) and renderable.no_wrap:  # a summary line: whole, however wide
            console.print(renderable, no_wrap=True, overflow="ignore", crop=False)
        else:
            console.print(renderable)
        parts.append(buffer.getvalue())
        buffer.seek(0)
        buffer.truncate()
    text = "".join(parts)
    if not terminal.color:  # Rich pads table rows to the width: no trailing blanks in files and diffs
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    if terminal.unicode:
        return text
    # What the terminal cannot show becomes '?', one per cell, so tables stay aligned.
    return "".join(c if c.isascii() else "?" * cell_len(c) for c in text.translate(_ASCII))


def _console(terminal: Terminal, buffer: io.StringIO) -> Console:
    return Console(
        file=buffer,
        width=terminal.width,
        force_terminal=terminal.color,
        no_color=not terminal.color,
        color_system="standard" if terminal.color else None,
        markup=False,
        highlight=False,
        emoji=False,
        legacy_windows=False,
        safe_box=not terminal.unicode,
    )


def plain_lines(renderable: RenderableType, width: int, *, top: bool = True) -> list[str] | None:
    """The lines Rich prints for a Text, a Prose or a Group of them on a colourless console ``width``
    cells wide; None for anything else, or whenever Rich would wrap or crop (it then prints it)."""
    if isinstance(renderable, Prose):
        margin = " " * renderable.indent
        lines = [margin + line for line in wrap(renderable.text, max(width - renderable.indent, 8))]
    elif isinstance(renderable, Text):
        if top and renderable.no_wrap:
            return renderable.plain.split("\n")  # a summary line, printed whole (see _render)
        lines = renderable.plain.split("\n")
    elif isinstance(renderable, Group):
        lines = []
        for part in renderable.renderables:
            found = plain_lines(part, width, top=False)
            if found is None:
                return None
            lines += found
        return lines
    elif isinstance(renderable, Table) and top:
        return _plain_table(renderable, width)
    else:
        return None
    return lines if all(cell_len(line) <= width for line in lines) else None


def _plain_table(table: Table, width: int) -> list[str] | None:
    """A ``_table`` whose widths ``_fits`` has fixed, as Rich prints it with unicode boxes and no colour:
    heavy header rules, no outer edges, one cell of padding between columns, a rule after a section."""
    widths = [column.width for column in table.columns]
    right = [column.justify == "right" for column in table.columns]
    if table.box is not box.HEAVY_HEAD or table.show_edge or any(w is None for w in widths):
        return None  # an ASCII box, or a table _fits did not lay out: Rich prints it
    if any(column.justify not in ("default", "left", "right") for column in table.columns):
        return None
    sizes = [w for w in widths if w is not None]
    last = len(sizes) - 1

    def row(cells: list[RenderableType], bar: str) -> list[str] | None:
        columns = []
        for number, (cell, size) in enumerate(zip(cells, sizes, strict=True)):
            found = plain_lines(Text(cell) if isinstance(cell, str) else cell, size, top=False)
            if found is None:
                return None
            # Rich right-justifies a Text (and a header) in a right-justified column, never a Prose's lines.
            columns.append((found, right[number] and isinstance(cell, (str, Text))))
        lines = []
        for index in range(max(len(found) for found, _ in columns)):
            parts = []
            for number, ((found, flush_right), size) in enumerate(zip(columns, sizes, strict=True)):
                text = found[index] if index < len(found) else ""
                text = text.rstrip() if flush_right else text  # as Rich's right justification does
                blank = " " * (size - cell_len(text))
                padded = blank + text if flush_right else text + blank
                parts.append((" " if number else "") + padded + (" " if number < last else ""))
            lines.append(bar.join(parts))
        return lines

    def rule(fill: str, cross: str) -> str:
        return cross.join(fill * (size + (number > 0) + (number < last)) for number, size in enumerate(sizes))

    lines: list[str] = []
    if table.title is not None:
        title = table.title.plain if isinstance(table.title, Text) else str(table.title)
        if cell_len(title) > sum(sizes) + table_overhead(len(sizes)) or "\n" in title:
            return None  # Rich would wrap it to the table's width
        lines.append(title)
    header = row([column.header for column in table.columns], "┃")
    if header is None:
        return None
    lines += [*header, rule("━", "╇")]
    cells = [list(column.cells) for column in table.columns]
    for index, table_row in enumerate(table.rows):
        body = row([column[index] for column in cells], "│")
        if body is None:
            return None
        lines += body
        if table_row.end_section and index < len(table.rows) - 1:
            lines.append(rule("─", "┼"))
    return lines


# Tokens a line must not break inside: figures with their multiplier, unit and one counter
# character (9,308万枚, 50.9%, 2.9PT), ASCII words and ids (health-insurance-card, https://…).
_TOKEN = re.compile(
    r"約?[+\-▲△]?[0-9][0-9,.]*(?:[万億兆千][0-9,.]*)*(?:%|PT|pt|ポイント|倍|割)?[^\s\x00-\x7f、。，．・「」『』（）()]?"
    r"|[!-~]+|\s+|."
)
_CLOSING = set("、。，．,.」』）)】〕!?！？:：;；…ー々ゃゅょっァィゥェォャュョッ")
_OPENING = set("「『（(【〔")


def wrap(text: str, width: int) -> list[str]:
    """Break Japanese (and mixed) text into lines of at most ``width`` cells, never inside a figure,
    an id or an ASCII word, never starting a line with closing punctuation (禁則)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        tokens: list[str] = []
        for token in _TOKEN.findall(paragraph):
            if tokens and (token[0] in _CLOSING or tokens[-1][-1] in _OPENING):
                tokens[-1] += token
            else:
                tokens.append(token)
        line, used = "", 0  # used: the cells of line, kept as it grows (measuring it anew is quadratic)
        for token in tokens:
            size = cell_len(token)
            if used + cell_len(token.rstrip()) <= width or not line.strip():
                line, used = line + token, used + size
            else:
                lines.append(line.rstrip())
                line = token.lstrip()
                used = cell_len(line)
            while cell_len(line.rstrip()) > width:  # one token wider than the line: only then is it cut
                cut = next(i for i in range(len(line), 0, -1) if cell_len(line[:i]) <= width)
                lines.append(line[:cut])
                line = line[cut:]
                used = cell_len(line)
        lines.append(line.rstrip())
    return lines


class Prose:
    """Text from the data that wraps like Japanese should: see ``wrap``."""

    def __init__(self, text: str, style: str = "", indent: int = 0) -> None:
        self.text = safe(text)
        self.style = style
        self.indent = indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        margin = " " * self.indent
        lines = wrap(self.text, max(options.max_width - self.indent, 8))
        yield Text("\n".join(margin + line for line in lines), style=self.style, no_wrap=True, overflow="ignore")

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        least, full = self.extent()
        return Measurement(min(least, options.max_width), min(full, options.max_width))

    def extent(self) -> tuple[int, int]:
        """The fewest and the most cells it can take."""
        tokens = _TOKEN.findall(self.text) or [""]
        full = self.indent + cell_len(self.text)
        # Never narrower than its widest token, nor than 10 cells (a period, five kanji): a table
        # that cannot give every column that much stacks its rows instead (see _fits).
        return min(full, max(self.indent + max(cell_len(token.strip()) for token in tokens), MIN_CELL)), full


def t(text: str, style: str = "", indent: int = 0) -> Prose:
    return Prose(text, style, indent)


def _table(terminal: Terminal, *columns: str, title: str = "") -> Table:
    table = Table(
        title=Text(safe(title), style="bold") if title else None,
        title_justify="left",
        show_edge=False,
        pad_edge=False,
        box=box.HEAVY_HEAD if terminal.unicode else box.ASCII2,
    )
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _narrow(terminal: Terminal) -> bool:
    return terminal.width < NARROW


def _fits(table: Table, terminal: Terminal) -> bool:
    """Fix the table's column widths to fit the terminal, each column at least its minimum (its widest
    number, id or word): True, or False when that is impossible and the caller stacks the rows.

    Rich would squeeze columns below their minimum and crop wide characters; so the widths are
    chosen here: minimums first, the rest shared out in proportion to what each column could use.
    """
    ranges = []
    for column in table.columns:
        cells = [_extent(cell) for cell in (column.header, *column.cells)]
        widest = max(high for _, high in cells)
        ranges.append((widest if column.no_wrap else max(low for low, _ in cells), widest))
    overhead = table_overhead(len(table.columns))
    room = terminal.width - overhead
    widths = [low for low, _ in ranges]
    if sum(widths) > room:
        return False
    wants = [high - low for low, high in ranges]
    spare = room - sum(widths)
    if sum(wants) <= spare:
        widths = [high for _, high in ranges]
    else:
        for index, want in enumerate(wants):
            widths[index] += want * spare // sum(wants)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    return True


def table_overhead(columns: int) -> int:
    """Cells a ``_table`` spends on rules and padding: a rule between columns, one cell of padding on
    each side of a cell but the table's outer edges (show_edge and pad_edge off)."""
    return (columns - 1) + 2 * columns - 2


def _extent(cell: object) -> tuple[int, int]:
    """The fewest and the most cells a table cell can take (a Prose, a Group of them, a header or a Text)."""
    if isinstance(cell, Prose):
        return cell.extent()
    if isinstance(cell, Group):  # lines stacked in one cell
        extents = [_extent(part) for part in cell.renderables]
        return max(low for low, _ in extents), max(high for _, high in extents)
    text = cell.plain if isinstance(cell, Text) else str(cell)
    widest = max((cell_len(line) for line in text.split("\n")), default=0)
    words = text.split()
    return (max((cell_len(word) for word in words), default=0), widest)


def _period(observation: Observation | None) -> str:
    if observation is None or observation.period is None:
        return "(undated)"
    return observation.period.key


def _verdict(verdict: Verdict, terminal: Terminal) -> Text:
    mark = VERDICT_MARK[verdict][0 if terminal.unicode else 1]
    return Text(f"{mark} {_word(verdict)}", style=VERDICT_STYLE[verdict])


def _word(verdict: Verdict) -> str:
    """A verdict as people read it: ``not compared`` (the JSON value is not_compared)."""
    return "not compared" if verdict is Verdict.NOT_COMPARED else verdict.value


def _signed(text: str) -> str:
    return text if text.startswith("-") else f"+{text}"


def _file_note(dataset: Dataset) -> list[RenderableType]:
    """Name the file that was read, unless it is ./indicators.yaml (what a user expects)."""
    if dataset.bundled:
        return [t("file: the copy of indicators.yaml bundled with dgcli (there is no ./indicators.yaml here)", "dim")]
    if dataset.file != "indicators.yaml":
        return [t(f"file: {dataset.file}", "dim")]
    return []


# ── list ─────────────────────────────────────────────────────────────────────────────────────


def render_list(report: ListReport, terminal: Terminal) -> str:
    dataset = report.dataset
    renderables: list[RenderableType] = [t(f"{dataset.source.title} — {dataset.source.publisher}", "bold")]
    for group in dataset.groups:
        sections = [s for s in dataset.sections if s.group == group.id]
        if not sections:
            continue
        renderables.append(Text(""))
        table = _table(terminal, "section", "metric", "name", "latest", "period", title=group.title)
        for column in (1, 3, 4):
            table.columns[column].no_wrap = True
        for section in sections:
            for index, metric_id in enumerate(section.metrics):
                metric = dataset.metrics[metric_id]
                latest = metric.history()[0]
                table.add_row(
                    t(section.title if index == 0 else "", "bold"),
                    t(metric.id, "cyan"),
                    t(metric.name),
                    t(latest.figure.text),
                    t(_period(latest)),
                    end_section=index == len(section.metrics) - 1,
                )
        if not _narrow(terminal) and _fits(table, terminal):
            renderables.append(table)
            continue
        renderables.append(t(group.title, "bold underline"))
        for section in sections:
            renderables.append(t(f" {section.title}", "bold"))
            for metric_id in section.metrics:
                metric = dataset.metrics[metric_id]
                latest = metric.history()[0]
                renderables.append(
                    Text.assemble(
                        "   ",
                        (safe(metric.id), "cyan"),
                        "  ",
                        safe(latest.figure.text),
                        ("  " + _period(latest), "dim"),
                    )
                )
                renderables.append(t(f"{metric.name}", "dim", indent=5))
    summary = f"\n{len(dataset.metrics)} metrics in {len(dataset.sections)} sections · dgcli show METRIC for one"
    renderables += [Text(summary), *_file_note(dataset)]
    return _render(terminal, *renderables)


# ── show ─────────────────────────────────────────────────────────────────────────────────────


def _disagreements(results: list[Result]) -> dict[tuple[str | None, str], Verdict]:
    """(period, source) → the agreement verdict, for the history rows whose sources disagree."""
    marks: dict[tuple[str | None, str], Verdict] = {}
    for result in results:
        claim = result.claim
        if claim.kind is ClaimKind.AGREEMENT and result.verdict is not Verdict.CONSISTENT:
            period = claim.target.period.key if claim.target.period else None
            for source in (claim.target.source, claim.versus):
                marks[(period, source)] = result.verdict
    return marks


def _printed_period(dataset: Dataset, observation: Observation) -> str:
    """The period as printed; an undated figure says when its source was published."""
    if observation.period is not None:
        return observation.period.text
    published = dataset.source_by_id(observation.source).published
    return f"(undated; published {published.key})" if published else "(undated)"


def _history(dataset: Dataset, metric: Metric, results: list[Result], terminal: Terminal) -> RenderableType:
    """A table of every (period, source) row; without the value column if that does not fit; else stacked."""
    history = metric.history()
    several = len({o.source for o in history}) > 1
    marks = _disagreements(results)
    rows = []
    for observation in history:
        label = Text(safe(observation.source)) if several else None
        mark = marks.get((observation.period_key, observation.source))
        if label is not None and mark is not None:
            label.append(f" {VERDICT_MARK[mark][0 if terminal.unicode else 1]}", style=VERDICT_STYLE[mark])
        value = "" if observation.figure.bound else f"{observation.figure.value:,}"
        step = _step(metric, observation, _previous(history, observation))
        rows.append((_printed_period(dataset, observation), observation.figure.text, value, step, label))
    for with_value in (True, False):
        if with_value and _narrow(terminal):
            continue
        columns = ["period", "as published", *(["value"] if with_value else []), "change from previous"]
        table = _table(terminal, *columns, *(["source"] if several else []), title="History")
        for index in range(1, len(table.columns)):
            table.columns[index].no_wrap = True
        table.columns[columns.index("change from previous")].justify = "right"
        if with_value:
            table.columns[2].justify = "right"
        for period, printed, value, step, label in rows:
            cells: list[RenderableType] = [t(period), t(printed), *([value] if with_value else []), step]
            table.add_row(*cells, *([label] if label is not None else []))
        if _fits(table, terminal):
            return table
    stacked: list[RenderableType] = [Text("History", style="bold")]
    for period, printed, _, step, label in rows:
        pieces = [period, printed, step, label.plain if label is not None else ""]
        stacked.append(t("  ".join(piece for piece in pieces if piece), indent=2))
    return Group(*stacked)


def _previous(history: list[Observation], observation: Observation) -> Observation | None:
    """The figure before this one from the same source (undated figures are never a baseline)."""
    if observation.period is None:
        return None
    earlier = [
        o
        for o in history
        if o.source == observation.source and o.period is not None and o.period.sort_key < observation.period.sort_key
    ]
    return earlier[0] if earlier else None


def _step(metric: Metric, observation: Observation, previous: Observation | None) -> str:
    if previous is None or observation.figure.bound or previous.figure.bound:
        return ""
    delta = Fraction(observation.figure.value - previous.figure.value)
    if metric.is_percentage:
        return f"{_signed(format_fraction(delta, 1))}PT"
    change = _signed(format_scaled(delta, scale_of(observation.figure), 2))
    if previous.figure.value > 0:
        ratio = Fraction(observation.figure.value) / Fraction(previous.figure.value) - 1
        change += f" ({_signed(format_fraction(ratio * 100, 1))}%)"
    return change


def _chart(metric: Metric, terminal: Terminal) -> Text:
    """Bars scaled to the values and to the width, oldest first, so the trend reads top to bottom."""
    block = "█" if terminal.unicode else "#"
    rows = [o for o in reversed(metric.dated()) if not o.figure.bound]
    if not rows:
        return Text("")
    several = len({o.source for o in rows}) > 1
    labels = [_period(o) + (f" {o.source}" if several else "") for o in rows]
    label_width = max(len(label) for label in labels)
    figure_width = max(Text(safe(o.figure.text)).cell_len for o in rows)
    width = max(8, min(CHART_WIDTH, terminal.width - label_width - figure_width - 4))
    top = max(o.figure.value for o in rows)
    chart = Text()
    for label, observation in zip(labels, rows, strict=True):
        value = observation.figure.value
        length = int(value * width / top) if top > 0 else 0
        chart.append(f"{label:>{label_width}} ")
        chart.append(block * max(length, 1 if value > 0 else 0), style="cyan")
        chart.append(f" {safe(observation.figure.text)}\n")
    return chart


def _distribution(metric: Metric, terminal: Terminal) -> RenderableType:
    observations = [o for o in reversed(metric.history()) if o.shares]
    several = len({o.source for o in observations}) > 1
    headings = [_period(o) + (f" {o.source}" if several else "") for o in observations]
    table = _table(terminal, "answer", *headings, title="Distribution")
    block = "█" if terminal.unicode else "#"
    answers = [s.answer for s in metric.history()[0].shares]
    for observation in observations:
        answers += [s.answer for s in observation.shares if s.answer not in answers]
    bar_room = (terminal.width - 14 - 8 * len(observations)) // max(len(observations), 1)
    bar_width = max(0, min(20, bar_room))
    for column in table.columns[1:]:
        column.no_wrap = True
    for answer in answers:
        cells: list[RenderableType] = []
        for observation in observations:
            share = next((s for s in observation.shares if s.answer == answer), None)
            if share is None:
                cells.append(Text("—", style="dim"))
                continue
            bar = block * int(share.figure.value * bar_width / 100) if bar_width else ""
            cells.append(
                Text.assemble((bar, "cyan"), f" {safe(share.figure.text)}" if bar else safe(share.figure.text))
            )
        style = "bold" if answer == metric.headline_answer else ""
        table.add_row(t(answer, style), *cells)
    if _fits(table, terminal):
        return table
    stacked: list[RenderableType] = [Text("Distribution", style="bold")]
    for answer in answers:
        stacked.append(t(answer, "bold" if answer == metric.headline_answer else "", indent=2))
        for heading, observation in zip(headings, observations, strict=True):
            share = next((s for s in observation.shares if s.answer == answer), None)
            stacked.append(t(f"{heading}: {share.figure.text if share else '—'}", indent=4))
    return Group(*stacked)


def _claims_table(results: list[Result], terminal: Terminal) -> RenderableType:
    table = _table(terminal, "verdict", "claim", "stated", "recomputed", title="Claims")
    table.columns[0].no_wrap = True
    table.columns[2].no_wrap = True
    for result in results:
        table.add_row(
            _verdict(result.verdict, terminal), t(result.claim.text), t(_stated(result)), t(_computed(result))
        )
    if not _narrow(terminal) and _fits(table, terminal):
        return table
    entries: list[RenderableType] = [Text("Claims", style="bold")]
    for result in results:
        entries.append(Text.assemble(_verdict(result.verdict, terminal), "  ", (safe(result.claim.id), "bold")))
        entries.append(t(f"「{result.claim.text}」", indent=4))
        entries.append(t(f"stated {_stated(result)} · recomputed {_computed(result)}", "dim", indent=4))
    return Group(*entries)


def _stated(result: Result) -> str:
    return stated_and_recomputed(result)[0]


def _computed(result: Result) -> str:
    return stated_and_recomputed(result)[1]


def render_show(report: ShowReport, terminal: Terminal) -> str:
    dataset, metric, results = report.dataset, report.metric, report.results
    section = dataset.section(metric.section)
    header = Text.assemble(
        (safe(metric.name), "bold"), " — ", safe(metric.name_en), "  ", (f"[{safe(metric.id)}]", "cyan")
    )
    unit = metric.unit + (f" (also {', '.join(metric.units[1:])})" if len(metric.units) > 1 else "")
    facts = [
        f"section: {section.title} ({dataset.group(section.group).title})",
        f"unit: {unit}" + (f" · category: {metric.category}" if metric.category else ""),
    ]
    if metric.aliases:
        facts.append("also: " + ", ".join(metric.aliases))
    if metric.rounding:
        facts.append(f"rounding: {metric.rounding}")
    renderables: list[RenderableType] = [header, *(t(line, "dim") for line in facts)]
    if metric.description:
        renderables += [Text(""), t(metric.description)]
    renderables += [Text(""), _history(dataset, metric, results, terminal), Text(""), _chart(metric, terminal)]
    if metric.is_distribution:
        renderables += [_distribution(metric, terminal), Text("")]
    for observation in metric.history():
        label = f" ({_period(observation)})" if observation.period else ""
        if observation.parts:
            parts = " + ".join(f"{p.name} {p.figure.text}" for p in observation.parts)
            renderables.append(t(f"Parts{label}: {parts}"))
        for title, items in (("Items", observation.items), ("Added since the previous figure", observation.added)):
            if items:
                renderables.append(t(f"{title}{label}:"))
                for number, item in enumerate(items, 1):
                    since = f" ({item.since.text}から)" if item.since else ""
                    renderables.append(t(f"{number}. {item.name}{since}", indent=2))
        if observation.revised:
            renderables.append(t(f"Revised{label} [{observation.source}]: {observation.revised}"))
    if results:
        renderables += [Text(""), _claims_table(results, terminal)]
    notes = metric_notes(dataset, metric)
    if section.citation:
        notes.append(section.citation)
    for source in dataset.sources:
        if any(o.source == source.id for o in metric.observations):
            published = f", published {source.published.text}" if source.published else ""
            notes.append(f"source: {source.title}{published}" + (f", {source.url}" if source.url else ""))
    renderables += [Text(""), *(t(note, "dim") for note in notes), *_file_note(dataset)]
    return _render(terminal, *renderables)


# ── changes ──────────────────────────────────────────────────────────────────────────────────


def render_changes(report: ChangesReport, terminal: Terminal) -> str:
    if not report.rows:
        return _render(terminal, t(report.empty_reason), *_file_note(report.dataset))
    arrow = "→" if terminal.unicode else "->"
    title = Text("Changes against the stated baselines", style="bold")
    table = _table(terminal, "metric", "baseline → latest", "change", "stated", "recomputed", "verdict")
    table.title = title
    table.columns[0].no_wrap = True
    table.columns[2].no_wrap = True
    table.columns[3].no_wrap = True
    table.columns[5].no_wrap = True
    for row in report.rows:
        table.add_row(
            t(row.metric.id, "cyan"),
            Group(*(t(line) for line in _span(row, arrow, "\n").split("\n"))),
            Group(*(t(line) for line in _change(row, "\n").split("\n"))),
            t(_stated(row.result)),
            t(_computed(row.result)),
            _verdict(row.result.verdict, terminal),
        )
    if not _narrow(terminal) and _fits(table, terminal):
        return _render(terminal, table, *_file_note(report.dataset))
    entries: list[RenderableType] = [title]
    for row in report.rows:
        entries.append(Text(""))
        entries.append(Text.assemble((safe(row.metric.id), "bold cyan"), "  ", _verdict(row.result.verdict, terminal)))
        entries.append(t(f"{_span(row, arrow)}", indent=2))
        entries.append(t(f"change {_change(row)}", indent=2))
        entries.append(t(f"stated {_stated(row.result)} · recomputed {_computed(row.result)}", "dim", indent=2))
    return _render(terminal, *entries, *_file_note(report.dataset))


def _span(row: Change, arrow: str, between: str = ": ") -> str:
    latest = row.latest
    if row.baseline is None:
        return f"— {arrow} {latest.figure.text}"
    periods = f"{_period(row.baseline)} {arrow} {_period(latest)}"
    return f"{periods}{between}{row.baseline.figure.text} {arrow} {latest.figure.text}"


def _change(row: Change, between: str = " ") -> str:
    change = row.absolute
    if change is None or change.point is None:
        return "—"
    if row.metric.is_percentage:
        return f"{_signed(format_fraction(change.point, 2))}PT"
    text = _signed(format_scaled(change.point, scale_of(row.latest.figure), 2)) + row.metric.unit
    if row.percent is not None and row.percent.point is not None:
        text += f"{between}({_signed(format_fraction(row.percent.point, 2))}%)"
    return text


# ── verify ───────────────────────────────────────────────────────────────────────────────────


def render_verify(report: VerifyReport, terminal: Terminal) -> str:
    renderables: list[RenderableType] = []
    for verdict in VERDICT_ORDER:
        group = [r for r in report.results if r.verdict is verdict]
        if not group:
            continue
        renderables.append(Text(f"{_word(verdict)} ({len(group)})", style=f"bold {VERDICT_STYLE[verdict]}"))
        for result in group:
            renderables.append(
                _verify_entry(report.dataset, result, terminal, detailed=verdict is not Verdict.CONSISTENT)
            )
        renderables.append(Text(""))
    style = "bold red" if report.failed else "bold green"
    # The summary is the last line, whole (never wrapped), so `| tail -1` and log greps find it.
    renderables += [*_file_note(report.dataset), Text(report.summary, style=style, no_wrap=True, overflow="ignore")]
    return _render(terminal, *renderables)


def _hanging(head: Text, text: str, style: str, width: int) -> Text:
    """``head``, two cells, then ``text`` wrapped beside it, its later lines indented under its first
    (what a two-column grid prints, without a table's cost for each of a hundred claims)."""
    indent = head.cell_len + 2
    lines = wrap(safe(text), max(width - indent, 8))
    out = Text.assemble(head, "  ", (lines[0], style), no_wrap=True, overflow="ignore")
    for line in lines[1:]:
        out.append("\n" + " " * indent)
        out.append(line, style)
    return out


def _verify_entry(dataset: Dataset, result: Result, terminal: Terminal, detailed: bool) -> RenderableType:
    claim = result.claim
    location = f"{dataset.file}:{claim.line}"
    head = Text.assemble("  ", _verdict(result.verdict, terminal), " ", (safe(claim.id), "bold"))
    line: RenderableType = Text.assemble(head, f"  {safe(location)}")
    fits = head.cell_len + 2 + cell_len(location) <= terminal.width
    if not fits:  # the location goes on a line of its own, indented, rather than wrapped
        line = Group(head, Text("      " + safe(location), style="dim"))
    if not detailed:
        if _narrow(terminal) or not fits or head.cell_len + cell_len(location) + 32 > terminal.width:
            return Group(line, t(f"「{claim.text}」", "dim", indent=6))
        return _hanging(Text.assemble(head, f"  {safe(location)}"), f"「{claim.text}」", "dim", terminal.width)
    lines: list[RenderableType] = [
        line,
        t(f"「{claim.text}」", indent=6),
        t(f"stated {_stated(result)} · recomputed {_computed(result)}", indent=6),
        t(f"{result.reason}", "dim", indent=6),
    ]
    if result.verdict is Verdict.NOT_COMPARED:  # nothing was stated or recomputed
        del lines[2]
    if result.verdict in FAILING and claim.note:
        lines.append(t(f"note: {claim.note}", "dim", indent=6))
    return Group(*lines)


# ── diff ─────────────────────────────────────────────────────────────────────────────────────

DIFF_MARK = {
    "metric-added": ("+", "green", "metric added"),
    "metric-removed": ("-", "red", "metric removed"),
    "figure-revised": ("~", "yellow", "revised"),
    "figure-reprinted": ("=", "cyan", "reprinted"),
    "observation-added": ("+", "green", "added"),
    "observation-removed": ("-", "red", "removed"),
    "claim-added": ("+", "green", "claim added"),
    "claim-removed": ("-", "red", "claim removed"),
    "claim-changed": ("~", "yellow", "claim changed"),
    "verdict-changed": ("!", "magenta", "verdict"),
    "format-version": ("~", "yellow", "format version"),
    "source-renamed": ("~", "yellow", "source renamed"),
    "metric-moved": ("~", "yellow", "metric moved"),
    "added": ("+", "green", "added"),
    "removed": ("-", "red", "removed"),
    "changed": ("~", "yellow", "changed"),
}


def render_diff(report: DiffReport, terminal: Terminal) -> str:
    old, new = report.old, report.new
    arrow = "→" if terminal.unicode else "->"
    renderables: list[RenderableType] = [t(f"diff {old.file} {arrow} {new.file}", "bold")]
    if not report.differences:
        renderables.append(t("no differences"))
        return _render(terminal, *renderables)
    titles = {s.id: s.title for s in old.sections} | {s.id: s.title for s in new.sections}
    current: str | None = None
    for difference in report.differences:
        if difference.section != current:
            current = difference.section
            renderables += [
                Text(""),
                Text.assemble((safe(titles.get(current, "(the file)" if not current else "(no section)")), "bold"))
                + (f"  [{safe(current)}]" if current else ""),
            ]
        mark, style, label = DIFF_MARK[difference.kind]
        values: tuple[str | None, ...] = (difference.old, difference.new)
        if difference.kind == "changed":  # a field written or left out: say which side lacks it
            values = tuple(v if v is not None else "(none)" for v in values)
        change = f" {arrow} ".join(v for v in values if v is not None)
        where = f"  {new.file}:{difference.line}" if difference.line and "removed" not in difference.kind else ""
        head = Text.assemble("  ", (f"{mark} {label:<14}", style), " ", (safe(difference.subject), "bold"))
        renderables.append(Group(head, t(change + where, indent=6)))
    counts = report.counts()
    summary = ", ".join(f"{count} {kind.replace('-', ' ')}" for kind, count in counts.items() if count)
    renderables += [Text(""), Text(f"{len(report.differences)} differences: {summary}", style="bold")]
    return _render(terminal, *renderables)


# ── audit ────────────────────────────────────────────────────────────────────────────────────

AUDIT_TITLES = {
    "mistyped": "the file holds another figure here",
    "misplaced": "the file holds it under another metric or period",
    "missing": "not in the file",
    "unplaced": "under a heading no metric is named",
    "direction": "the page's words say the opposite of the file's claim",
    "not-on-page": "in the file, not on the page",
}


def render_audit(report: AuditReport, terminal: Terminal) -> str:
    """Findings grouped by the page's sentence: the sentence once, its figures under it; then what
    the file holds that the page does not print."""
    file = report.dataset.file
    renderables: list[RenderableType] = [t(f"audit {report.page_file} against {file} (source {report.source})", "bold")]
    sentences: dict[tuple[int, str], list[Any]] = {}
    for finding in report.findings:
        if finding.kind != "not-on-page":
            sentences.setdefault((finding.page_line, finding.sentence), []).append(finding)
    for (line, sentence), group in sorted(sentences.items(), key=lambda item: item[0][0]):
        place = f"{report.page_file}:{line}" if line else report.page_file
        quoted = safe(f"「{sentence}」" if sentence else "")
        renderables += [Text(""), Text.assemble((safe(place), "bold"), "  ", quoted)]
        renderables += [_audit_finding(finding, file) for finding in group]
    off = [f for f in report.findings if f.kind == "not-on-page"]
    if off:
        renderables += [Text(""), Text(f"{AUDIT_TITLES['not-on-page']} ({len(off)})", style="bold red")]
        renderables += [_audit_finding(finding, file) for finding in off]
    if report.verbose and report.set_aside:
        renderables += [Text(""), Text(f"set aside, not figures ({len(report.set_aside)})", style="bold")]
        renderables += [
            Text.assemble("  ", (safe(f"{report.page_file}:{a.line}"), "dim"), "  ", safe(a.text), "  ", safe(a.reason))
            for a in report.set_aside
        ]
    counts = report.counts()
    on_page = sum(counts[k] for k in KINDS_ON_PAGE)
    status = "OK" if report.clean else "FAIL"
    off_page = counts["not-on-page"]
    summary = (
        f"{status}: {_plural(report.printed, 'figure')} on the page, {report.matched} placed in the file, "
        f"{on_page} not; the file holds {off_page} other {'figure' if off_page == 1 else 'figures'} "
        f"of {report.source} that the page does not print"
        if report.held
        else f"{status}: {_plural(report.printed, 'figure')} on the page, {report.matched} placed in the file, "
        f"{on_page} not; the file's figures were not held to the page: it names none of the file's sources "
        "(give --source ID)"
    )
    style = "bold green" if report.clean else "bold red"
    renderables += [Text(""), Text(summary, style=style, no_wrap=True, overflow="ignore")]
    return _render(terminal, *renderables)


KINDS_ON_PAGE = ("mistyped", "misplaced", "missing", "unplaced", "direction")


def _audit_finding(finding: Any, file: str) -> RenderableType:
    where = f"{file}:{finding.file_line}" if finding.file_line else ""
    head = Text.assemble(
        "  ",
        (finding.kind, "red"),
        "  ",
        (safe(finding.printed), "bold"),
        "  ",
        safe(finding.where),
        ("  " + safe(where), "dim"),
    )
    return Group(head, t(finding.message, "dim", indent=6))


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


# ── data errors ──────────────────────────────────────────────────────────────────────────────


def render_errors(report: ErrorReport, terminal: Terminal) -> str:
    return "".join(safe(problem.format(report.file)) + "\n" for problem in report.problems)


VIEWS = Views(
    list=render_list,
    show=render_show,
    changes=render_changes,
    verify=render_verify,
    diff=render_diff,
    audit=render_audit,
    errors=render_errors,
)
