"""The text renderer's layout shortcuts print exactly what Rich's own layout would, at every width.

Tables are fitted (``_fits``) from cell extents computed without Rich's measuring machinery, the
one-line claims of ``verify`` are laid out by ``_hanging`` instead of a two-column grid, and text,
wrapped prose and groups of them go out without Rich's pipeline when there is no colour
(``plain_lines``); all are start-up savings (docs/performance.md), so these tests pin them to Rich.
"""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console, Group
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from dgcli.render import Terminal
from dgcli.render.text import Prose, _extent, _fits, _hanging, _table, plain_lines, t, table_overhead

WORDS = st.lists(
    st.sampled_from(["9,308万枚", "マイナンバーカード", "保有", "の", "79%", "health-insurance-card", " ", "、", "。"]),
    max_size=30,
).map("".join)


def _plain(renderable: object, width: int) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, markup=False, highlight=False, emoji=False)
    console.print(renderable)
    return "\n".join(line.rstrip() for line in buffer.getvalue().split("\n"))


@pytest.mark.parametrize("columns", [1, 2, 3, 5, 6])
def test_the_table_overhead_is_what_rich_spends_on_rules_and_padding(columns: int) -> None:
    # One cell of "x" per column: the table's widest rendering is columns × 1 plus its overhead.
    table = _table(Terminal(), *(["x"] * columns))
    console = Console(width=10_000, color_system=None)
    assert Measurement.get(console, console.options, table).maximum - columns == table_overhead(columns)


@given(WORDS, st.integers(min_value=0, max_value=8))
def test_a_prose_cell_measures_as_rich_measures_it(text: str, indent: int) -> None:
    console = Console(width=10_000, color_system=None)
    measured = Measurement.get(console, console.options, t(text, indent=indent))
    assert _extent(t(text, indent=indent)) == (measured.minimum, measured.maximum)


HEAD = Text("  ✓ consistent health-insurance-card-change  indicators.yaml:314")


# _verify_entry lays a claim out this way only when 32 cells are left beside its head.
@given(WORDS, st.integers(min_value=HEAD.cell_len + 32, max_value=200))
def test_a_hanging_line_prints_what_a_two_column_grid_prints(text: str, width: int) -> None:
    head = HEAD
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column()
    grid.add_row(head, t(f"「{text}」"))
    assert _plain(_hanging(head, f"「{text}」", "dim", width), width) == _plain(grid, width)


PROSE = st.builds(
    lambda text, indent, style: t(text, style, indent),
    WORDS,
    st.integers(min_value=0, max_value=12),
    st.sampled_from(["", "dim"]),
)
TEXTS = st.builds(Text, WORDS)
PIECES = st.one_of(PROSE, TEXTS, st.lists(st.one_of(PROSE, TEXTS), min_size=1, max_size=4).map(lambda p: Group(*p)))


@given(PIECES, st.integers(min_value=8, max_value=140))
def test_plain_lines_are_what_rich_prints_without_colour(piece: object, width: int) -> None:
    lines = plain_lines(piece, width)  # type: ignore[arg-type]
    if lines is not None:  # None: Rich prints it (wrapping or cropping it)
        printed = "".join(line + "\n" for line in lines)  # as _render writes them
        assert "\n".join(line.rstrip() for line in printed.split("\n")) == _plain(piece, width)


@settings(max_examples=400)  # about one in six draws fits and takes the shortcut
@given(
    st.lists(st.lists(st.one_of(PROSE, TEXTS), min_size=3, max_size=3), min_size=1, max_size=5),
    st.lists(st.booleans(), min_size=5, max_size=5),
    st.lists(st.sampled_from(["default", "right"]), min_size=3, max_size=3),
    st.integers(min_value=30, max_value=160),
    WORDS,
)
def test_a_fitted_table_prints_what_rich_prints(
    rows: list[list[Prose | Text]], sections: list[bool], justify: list[str], width: int, title: str
) -> None:
    table = _table(Terminal(width=width), "metric", "baseline → latest", "値", title=title)
    for column, how in zip(table.columns, justify, strict=True):
        column.justify = how  # type: ignore[assignment]
    for row, end in zip(rows, sections, strict=False):
        table.add_row(*row, end_section=end)
    if not _fits(table, Terminal(width=width)):
        return  # rows stack instead: no table is printed
    lines = plain_lines(table, width)
    if lines is not None:  # None: Rich prints it (a cell or the title it would wrap)
        assert "\n".join(line.rstrip() for line in lines) == _plain(table, width).rstrip("\n")
