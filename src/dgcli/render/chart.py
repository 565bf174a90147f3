"""Chart geometry for the HTML report and ``show --format svg``: where each mark goes, no markup.

Charts that tell the truth (Our World in Data, Datawrapper): periods sit on a real time axis from
their parsed days (2022年4月 → 2023年7月 → 2024年7月 keep their uneven gaps), a range period is a
span from its first to its last day, bars start at zero, each bar carries its figure exactly as
published, and the y axis counts in the 万/億 the page prints. Several sources differ by pattern
and legend, not by colour alone; an approximate (約) or bound (以上) figure has a dashed outline and
a truncated one (切り捨て) a mark. Positions are floats: layout only, never a figure's arithmetic.
The templates (templates/chart.svg.j2) turn these records into SVG with every text escaped.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from fractions import Fraction
from itertools import pairwise
from typing import NamedTuple

from dgcli.data.model import Metric, Observation
from dgcli.text.display import format_fraction, format_scaled
from dgcli.text.numbers import PERCENT, Figure, Rounding, scale_of
from dgcli.text.periods import Period

WIDTH = 360.0  # a phone's width: the chart's text stays readable where the screen is smallest
LEFT = 64.0  # room for the y axis labels ("8,000万")
RIGHT = 12.0
FONT = 12.0  # figure labels
SMALL = 11.0  # axis labels
PERIOD = 10.0  # period labels under the time axis
ROW = 16.0  # one staggered row of axis labels
LINE = 18.0  # the height a figure label needs (CJK fonts set 12px text about 17px high)
BAR = 26.0  # the widest a bar gets
UNDATED = 72.0  # the slot for figures printed with no period, right of the time axis
PLOT_HEIGHT = 140.0
MARKS = ("", "†", "‡")  # none, truncated (切り捨て), rounded up (切り上げ)


def text_width(text: str, size: float = FONT) -> float:
    """About how wide a text is set: CJK full width, Latin and digits a bit over half."""
    return sum(size if unicodedata.east_asian_width(c) in "WF" else size * 0.62 for c in text)


class Bar(NamedTuple):
    x: float
    y: float
    width: float
    height: float
    label: str  # the figure exactly as published
    label_x: float
    label_y: float
    mark: str  # "†" truncated, "‡" rounded up, "" otherwise
    period: str  # as printed ("" when none is printed)
    period_key: str
    source: str
    pattern: int  # which source: 0 solid, 1 hatched, 2 dotted, 3 crossed
    dashed: bool  # approximate (約) or only a bound (以上): the printed value is not exact
    span: bool  # a range period: the bar covers its days


class Label(NamedTuple):
    x: float
    y: float
    text: str


class Span(NamedTuple):
    """A range period's bracket under the time axis."""

    x1: float
    x2: float
    y: float


class Segment(NamedTuple):
    x: float
    width: float
    name: str  # the answer or part
    label: str  # its figure as published
    pattern: int
    inside: bool  # the label fits inside the segment


class Row(NamedTuple):
    y: float
    label: str
    segments: tuple[Segment, ...]
    below: tuple[Label, ...]  # labels of segments too narrow to hold them


class Key(NamedTuple):
    """One entry of a chart's key: a source's swatch (pattern ≥ 0) or a note on the marks (pattern -1)."""

    x: float
    y: float
    pattern: int
    text: str


def _keys(entries: list[tuple[int, str]], top: float) -> tuple[tuple[Key, ...], float]:
    """Entries flowed left to right, wrapping at the chart's width; the keys and the height they end at."""
    keys: list[Key] = []
    x, y = 4.0, top + 12
    for pattern, text in entries:
        width = text_width(text, SMALL) + (18 if pattern >= 0 else 0) + 14
        if x > 4 and x + width > WIDTH - 4:
            x, y = 4.0, y + ROW
        keys.append(Key(round(x, 2), round(y, 2), pattern, text))
        x += width
    return tuple(keys), (y + 6 if entries else top)


class Chart(NamedTuple):
    id: str
    title: str
    desc: str
    width: float
    height: float
    bars: tuple[Bar, ...]
    y_ticks: tuple[Label, ...]
    years: tuple[Label, ...]  # year boundaries: gridlines with their year
    x_labels: tuple[Label, ...]
    spans: tuple[Span, ...]
    keys: tuple[Key, ...]  # the sources (when several) and what the marks mean
    several: bool  # figures from several sources
    unit: str
    left: float
    right: float
    top: float
    bottom: float
    zero: float
    divider: float | None  # x of the line before the undated slot


class Stack(NamedTuple):
    """A distribution (stacked bar of a survey's answers) or parts, one row per observation."""

    id: str
    title: str
    desc: str
    width: float
    height: float
    rows: tuple[Row, ...]
    keys: tuple[Key, ...]  # the answers or parts
    left: float
    right: float


def short_period(period: Period) -> str:
    """A compact label from the parsed days: 2024年7月, 2024年8月31日, 2023年度, 2023年8月–2024年7月."""
    start, end = date.fromordinal(period.start), date.fromordinal(period.end)
    if period.kind == "day":
        return f"{start.year}年{start.month}月{start.day}日"
    if period.kind == "month":
        return f"{start.year}年{start.month}月"
    if period.kind == "year":
        return f"{start.year}年"
    if period.kind == "fiscal_year":
        return f"{start.year}年度"
    last = f"{end.month}月" if end.year == start.year else f"{end.year}年{end.month}月"
    return f"{start.year}年{start.month}月–{last}"


def _nice_step(span: Decimal) -> Decimal:
    """A round step (1, 2, 2.5 or 5 × 10ⁿ) giving about four ticks over ``span``."""
    if span <= 0:
        return Decimal(1)
    raw = span / 4
    power = Decimal(10) ** raw.adjusted()
    for factor in (1, 2, Decimal("2.5"), 5, 10):
        if raw <= power * factor:
            return power * factor
    return power * 10


def _axis_label(value: Decimal, figure: Figure) -> str:
    """A tick in the terms the page prints the figures in: 0, 4,000万, 1億, 1.5億, 40%."""
    unit = PERCENT if figure.unit == PERCENT else ""
    multiplier, symbol = scale_of(figure)
    if value == 0:
        return "0" + unit
    if symbol and abs(value) >= 10**8:  # 10,000万 is printed 1億
        multiplier, symbol = 10**8, "億"
    if symbol:
        return format_scaled(Fraction(value), (multiplier, symbol), 2) + unit
    return format_fraction(Fraction(value), 2) + unit


def _levels(boxes: list[tuple[float, float]], gap: float = 4.0) -> list[int]:
    """The row each label goes in so that no two in a row overlap (greedy, in the order given)."""
    ends: list[float] = []
    levels = []
    for low, high in boxes:
        level = next((i for i, end in enumerate(ends) if low >= end + gap), len(ends))
        if level == len(ends):
            ends.append(high)
        else:
            ends[level] = high
        levels.append(level)
    return levels


def _clamp(center: float, width: float, low: float, high: float) -> float:
    """Keep a centred label of ``width`` inside [low, high]."""
    return min(max(center, low + width / 2), high - width / 2)


def _rounding_mark(observation: Observation) -> str:
    if observation.rounding is Rounding.DOWN:
        return MARKS[1]
    if observation.rounding is Rounding.UP:
        return MARKS[2]
    return ""


def _period_text(observation: Observation) -> str:
    return observation.period.text if observation.period else ""


def history_chart(metric: Metric, observations: list[Observation], chart_id: str) -> Chart:
    """Bars of every observation given (oldest first, undated last), on a real time axis."""
    dated = [o for o in observations if o.period is not None]
    undated = [o for o in observations if o.period is None]
    sources = list(dict.fromkeys(o.source for o in observations))
    right_edge = WIDTH - RIGHT
    axis_end = right_edge - (UNDATED if undated and dated else 0)
    # Time → x. The domain covers every period's days, at least a year, with a margin each side.
    # Sources printing one period stand side by side: the widest such group keeps clear of the ends.
    period_keys = [o.period_key for o in dated]
    per_group = max((period_keys.count(key) for key in set(period_keys)), default=1)
    pad = BAR * per_group / 2 + 4
    positions: list[tuple[float, float]] = []  # (first x, last x) of each observation's days
    if dated:
        first = min(o.period.start for o in dated if o.period)
        last = max(o.period.end for o in dated if o.period) + 1
        length = max(last - first, 365)
        middle = (first + last) / 2
        margin = length * 0.06 + 10
        low_day, high_day = middle - length / 2 - margin, middle + length / 2 + margin

        def to_x(day: float) -> float:
            return LEFT + pad + (day - low_day) / (high_day - low_day) * (axis_end - LEFT - 2 * pad)

        for o in dated:
            assert o.period is not None
            positions.append((to_x(o.period.start), to_x(o.period.end + 1)))
    if undated:
        room_left = axis_end + 8 if dated else LEFT
        slot = (right_edge - room_left) / len(undated)
        positions += [(room_left + slot * (i + 0.5),) * 2 for i in range(len(undated))]
    ordered = dated + undated
    # Bar width: the widest that keeps bars at distinct periods apart.
    centres = sorted({round((a + b) / 2, 3) for a, b in positions})
    gaps = [b - a for a, b in pairwise(centres)]
    width = max(1.0, min(BAR, (min(gaps) * 0.8 / per_group) if gaps else BAR))
    groups: dict[str | None, list[int]] = {}
    for index, o in enumerate(ordered):
        groups.setdefault(o.period_key if o.period else f"undated-{index}", []).append(index)
    # Value → y, from zero.
    values = [o.figure.value for o in ordered]
    low, high = min([Decimal(0), *values]), max([Decimal(0), *values])
    step = _nice_step(high - low)
    top_value = (high / step).to_integral_value(ROUND_CEILING) * step if high > 0 else Decimal(0)
    bottom_value = (low / step).to_integral_value(ROUND_FLOOR) * step if low < 0 else Decimal(0)
    if top_value == bottom_value:
        top_value = bottom_value + step
    # Figure labels: their widths and rows decide the top margin.
    xs: list[tuple[float, float]] = []  # (bar x, bar width)
    for index, (a, b) in enumerate(positions):
        o = ordered[index]
        group = groups[o.period_key if o.period else f"undated-{index}"]
        place = group.index(index)
        if o.period is not None and o.period.kind == "range" and b - a > width:
            xs.append((a, b - a))
            continue
        centre = (a + b) / 2 + (place - (len(group) - 1) / 2) * width
        xs.append((centre - width / 2, width))
    labels = [o.figure.text + _rounding_mark(o) for o in ordered]
    label_widths = [text_width(text) for text in labels]
    label_centres = [_clamp(x + w / 2, lw, 0, WIDTH) for (x, w), lw in zip(xs, label_widths, strict=True)]
    span_value = top_value - bottom_value

    def plot_y(value: Decimal) -> float:  # from the plot's top
        return float((top_value - value) / span_value) * PLOT_HEIGHT

    # Each label sits just above its bar (below, for a negative value), raised above any label it would
    # touch; the tallest stack of labels decides the top margin.
    baselines: list[float] = []
    for index, o in enumerate(ordered):
        above = o.figure.value >= 0
        baseline = plot_y(o.figure.value) - 6 if above else plot_y(o.figure.value) + FONT + 4
        low_x, high_x = label_centres[index] - label_widths[index] / 2, label_centres[index] + label_widths[index] / 2
        moved = True
        while moved and above:
            moved = False
            for other in range(index):
                other_low = label_centres[other] - label_widths[other] / 2
                other_high = label_centres[other] + label_widths[other] / 2
                if low_x < other_high + 2 and other_low < high_x + 2 and abs(baselines[other] - baseline) < LINE:
                    baseline, moved = baselines[other] - LINE, True
        baselines.append(baseline)
    top = max(22.0, LINE + 2 - min(baselines, default=0))
    bottom = top + PLOT_HEIGHT

    def to_y(value: Decimal) -> float:
        return top + plot_y(value)

    zero = to_y(Decimal(0))
    bars = []
    for index, o in enumerate(ordered):
        x, w = xs[index]
        y_value = to_y(o.figure.value)
        y, h = min(y_value, zero), abs(zero - y_value)
        if h < 0.75:  # a zero still shows as a hairline standing on the axis
            y, h = zero - 0.75, 0.75
        label_y = top + baselines[index]
        bars.append(
            Bar(
                round(x, 2),
                round(y, 2),
                round(w, 2),
                round(h, 2),
                o.figure.text,
                round(label_centres[index], 2),
                round(label_y, 2),
                _rounding_mark(o),
                _period_text(o),
                o.period_key or "",
                o.source,
                sources.index(o.source) % 4,
                o.figure.approximate or o.figure.bound,
                bool(o.period is not None and o.period.kind == "range"),
            )
        )
    # The time axis: one label per period, staggered when they would touch; ranges get a bracket.
    x_labels: list[Label] = []
    spans: list[Span] = []
    seen: dict[str, int] = {}
    entries: list[tuple[float, str, tuple[float, float] | None]] = []
    for index, o in enumerate(ordered):
        key = o.period_key or f"undated-{index}"
        if key in seen:
            continue
        seen[key] = index
        a, b = positions[index]
        text = short_period(o.period) if o.period else "undated"
        entries.append(((a + b) / 2, text, (a, b) if o.period and o.period.kind == "range" else None))
    widths = [text_width(text, PERIOD) for _, text, _ in entries]
    centres_x = [_clamp(c, w, 0, WIDTH) for (c, _, _), w in zip(entries, widths, strict=True)]
    rows = _levels([(c - w / 2, c + w / 2) for c, w in zip(centres_x, widths, strict=True)], gap=1.0)
    for (_, text, span), centre, row in zip(entries, centres_x, rows, strict=True):
        y = bottom + 16 + row * ROW + (6 if span else 0)
        x_labels.append(Label(round(centre, 2), round(y, 2), text))
        if span:
            spans.append(Span(round(span[0], 2), round(span[1], 2), round(bottom + 6, 2)))
    # Year boundaries: faint gridlines, their years in a row of their own under the period labels.
    years: list[Label] = []
    years_y = bottom + 16 + ROW * (max(rows, default=0) + 1) + (6 if spans else 0)
    if dated:
        for year in range(date.fromordinal(max(1, int(low_day))).year, date.fromordinal(int(high_day)).year + 1):
            day = date(year, 1, 1).toordinal()
            if low_day < day < high_day:
                years.append(Label(round(to_x(day), 2), round(years_y, 2), f"{year}年"))
    y_ticks = []
    value = bottom_value
    while value <= top_value:
        y_ticks.append(Label(LEFT - 6, round(to_y(value), 2), _axis_label(value, ordered[-1].figure)))
        value += step
    notes = []
    if any(b.dashed for b in bars):
        notes.append("dashed: approximate (約) or a bound (以上)")
    if any(b.mark == MARKS[1] for b in bars):
        notes.append(f"{MARKS[1]} truncated (切り捨て)")
    if any(b.mark == MARKS[2] for b in bars):
        notes.append(f"{MARKS[2]} rounded up (切り上げ)")
    if spans:
        notes.append("bracket: a figure for a span of time")
    swatches = [(sources.index(s) % 4, s) for s in sources] if len(sources) > 1 else []
    keys, height = _keys(swatches + [(-1, note) for note in notes], years_y + (8 if years else -ROW + 4))
    described = "; ".join(
        f"{_period_text(o) or 'no period printed'}: {o.figure.text}" + (f" ({o.source})" if len(sources) > 1 else "")
        for o in ordered
    )
    return Chart(
        id=chart_id,
        title=f"{metric.name}: {len(ordered)} figure{'s' if len(ordered) != 1 else ''} as published",
        desc=f"Bar chart, bars from zero on a time axis. {described}",
        width=WIDTH,
        height=round(height, 2),
        bars=tuple(bars),
        y_ticks=tuple(y_ticks),
        years=tuple(years),
        x_labels=tuple(x_labels),
        spans=tuple(spans),
        keys=keys,
        several=len(sources) > 1,
        unit=metric.unit,
        left=LEFT,
        right=right_edge,
        top=top,
        bottom=bottom,
        zero=round(zero, 2),
        divider=axis_end + 4 if undated and dated else None,
    )


def stack_chart(metric: Metric, observations: list[Observation], chart_id: str, *, parts: bool = False) -> Stack:
    """One stacked bar per observation: a survey's answers (shares of 100%) or a figure's parts."""
    rows_of = [o for o in observations if (o.parts if parts else o.shares)]
    names: list[str] = []
    for o in rows_of:
        for name, _ in _pieces(o, parts):
            if name not in names:
                names.append(name)
    left, right = 8.0, WIDTH - 8.0
    full = right - left
    rows: list[Row] = []
    y = 8.0
    several = len({o.source for o in rows_of}) > 1
    for o in rows_of:
        pieces = _pieces(o, parts)
        whole = sum((f.value for _, f in pieces), Decimal(0))
        whole = max(whole, Decimal(100) if not parts else o.figure.value, Decimal(0)) or Decimal(1)
        segments = []
        x = left
        below: list[Label] = []
        for name, figure in pieces:
            width = float(max(figure.value, Decimal(0)) / whole) * full
            inside = text_width(figure.text, SMALL) + 4 <= width
            segments.append(Segment(round(x, 2), round(width, 2), name, figure.text, names.index(name) % 6, inside))
            if not inside:
                label_w = text_width(figure.text, SMALL)
                below.append(Label(round(_clamp(x + width / 2, label_w, left, right), 2), 0.0, figure.text))
            x += width
        heading = (short_period(o.period) if o.period else "no period printed") + (f" · {o.source}" if several else "")
        row_top = y + 16
        levels = _levels([(b.x - text_width(b.text, SMALL) / 2, b.x + text_width(b.text, SMALL) / 2) for b in below])
        placed = tuple(
            Label(b.x, round(row_top + 22 + 13 + 15 * level, 2), b.text) for b, level in zip(below, levels, strict=True)
        )
        rows.append(Row(round(row_top, 2), heading, tuple(segments), placed))
        y = row_top + 22 + (15 * (max(levels) + 1) + 2 if levels else 6)
    described = " / ".join(
        f"{_period_text(o) or 'no period printed'}: " + ", ".join(f"{n} {f.text}" for n, f in _pieces(o, parts))
        for o in rows_of
    )
    kind = "parts" if parts else "answers"
    keys, height = _keys([(i % 6, n) for i, n in enumerate(names)], y)
    return Stack(
        id=chart_id,
        title=f"{metric.name}: {kind} as published",
        desc=f"Stacked bar{'s' if len(rows_of) != 1 else ''} of the {kind}. {described}",
        width=WIDTH,
        height=round(height + 4, 2),
        rows=tuple(rows),
        keys=keys,
        left=left,
        right=right,
    )


def _pieces(observation: Observation, parts: bool) -> list[tuple[str, Figure]]:
    if parts:
        return [(p.name, p.figure) for p in observation.parts]
    return [(s.answer, s.figure) for s in observation.shares]
