"""An HTML table as a browser lays it out, then as the page reader's lists.

``grid`` expands ``rowspan`` and ``colspan`` into a grid of rows and columns, so every cell is read
with its row and column headers (a year cell spanning two rows heads both; 登録数 spanning 件数 and 率
heads both columns). Span values are read as browsers read them and clamped, so no attribute can
blow up the grid: ``rowspan="0"`` runs to the table's last row, a rowspan never reaches past it, a
colspan is at most 1000 (HTML's limit), anything else (``-1``, ``abc``) is 1; and the copies spans
make are bounded by a budget linear in the table's own cells — past it, a cell is laid out as if it
spanned nothing. No figure a data cell prints is ever left out.

``table_lines`` turns the grid into lines: header rows (all ``th``) name the columns (a spanning
header and the one below it: ``登録数(件数)``); leading columns that print no figure are the rows'
keys. One key of periods: one list per column (``- 登録数`` then ``- 2024年6月末:6,201万件``); one key
of names: one list per row; a name and a period (マイナ保険証 spanning 2024年9月 and 2023年9月): one list
per name, ``- 2024年9月:1,842万件`` under ``- マイナ保険証``; a period and a name (2024年6月 spanning the
answers of a survey): per column, a period tab then ``- answer:share`` lines.
"""

import re

from dgcli.page.reader import Numbered, as_period
from dgcli.text.scan import figures_in

Cell = tuple[str, bool]  # text, whether a header cell (th)
RawCell = tuple[str, bool, str | None, str | None]  # text, th, rowspan and colspan as printed
MAX_COLSPAN = 1000  # HTML's own limit on colspan
_SPAN = re.compile(r"\s*\+?([0-9]{1,9})")  # browsers read the leading digits: "2px" is 2, "-1" none


def span(printed: str | None, *, rows_left: int | None = None) -> int:
    """A rowspan (``rows_left`` given: the rows from this one to the table's end) or a colspan, clamped."""
    match = _SPAN.match(printed) if printed else None
    value = int(match[1]) if match else 1
    if rows_left is not None:
        return rows_left if value == 0 else max(1, min(value, rows_left))  # 0: to the end of the table
    return max(1, min(value, MAX_COLSPAN))  # colspan="0" is 1


def _budget(rows: list[tuple[int, list[RawCell]]]) -> int:
    """Cells a table may be laid out into: linear in the cells it prints."""
    return 10_000 + 10 * sum(len(cells) for _, cells in rows)


def grid(rows: list[tuple[int, list[RawCell]]]) -> list[tuple[int, list[Cell]]]:
    """The table's rows as laid out, spanned cells copied into every row and column they cover.
    A table whose rows x columns would pass the budget (one row of 20,000 cells over 50,000 rows of
    one) is given as printed, each row its own cells: a rectangle would be quadratic in the page."""
    budget = _budget(rows)  # copies: linear in the table
    area = budget
    placed: list[dict[int, Cell]] = [{} for _ in rows]
    for r, (_, cells) in enumerate(rows):
        column = 0
        for text, header, rowspan, colspan in cells:
            while column in placed[r]:
                column += 1
            down, across = span(rowspan, rows_left=len(rows) - r), span(colspan)
            if down * across - 1 > budget:
                down = across = 1  # past the budget: laid out as if it spanned nothing
            budget -= down * across - 1
            for dr in range(down):
                for dc in range(across):
                    placed[r + dr].setdefault(column + dc, (text, header))
            column += across
    if len(rows) * max((max(laid, default=-1) + 1 for laid in placed), default=0) > area:
        return [(line, [(text, header) for text, header, _, _ in cells]) for line, cells in rows]
    out = []
    for (line, _), laid in zip(rows, placed, strict=True):
        width = max(laid, default=-1) + 1
        out.append((line, [laid.get(c, ("", False)) for c in range(width)]))
    return out


def _is_key(text: str) -> bool:
    """A cell that names a row: a period, or words with no figure."""
    return bool(text) and (as_period(text) is not None or not figures_in(text))


def _column_names(heads: list[list[Cell]], width: int) -> list[str]:
    names = []
    for c in range(width):
        words = list(dict.fromkeys(row[c][0] for row in heads if c < len(row) and row[c][0]))
        names.append(words[0] + "".join(f"({w})" for w in words[1:]) if words else "")
    return names


def table_lines(table: list[tuple[int, list[RawCell]]]) -> Numbered:
    """A table as the page reader's lists, each line numbered where its row starts."""
    rows = [(line, cells) for line, cells in grid(table) if any(text for text, _ in cells)]
    if not rows:
        return []
    if len(rows) * max(len(cells) for _, cells in rows) > _budget(table):  # too ragged for a rectangle
        return [(line, " ".join(text for text, _ in cells if text)) for line, cells in rows]
    heads = 0
    while heads < len(rows) - 1 and all(th or not text for text, th in rows[heads][1]):
        heads += 1
    width = max(len(cells) for _, cells in rows)
    header = _column_names([cells for _, cells in rows[:heads]], width) if heads else []
    body = [(line, [text for text, _ in cells] + [""] * (width - len(cells))) for line, cells in rows[heads:]]
    keys = 0
    while keys < width - 1 and all(_is_key(row[keys]) for _, row in body):
        keys += 1
    dated = all(as_period(row[0]) is not None for _, row in body)
    if width == 1:  # one column: its cells are a list under its header
        named = [(rows[0][0], f"- {header[0]}")] if header else []
        return named + [(line, f"- {row[0]}") for line, row in body]
    if width == 2 and not (header and dated):  # 申請数 | 5件: a line of its own
        named = [(rows[0][0], f"- {header[1]}")] if header and header[1] else []  # 国 | 利用したことがある: its name
        return named + [(line, f"- {row[0]}:{row[1]}" if row[1] else f"- {row[0]}") for line, row in body]
    if not header:  # no header names the columns: each row a line of text, no cell left out
        return [(line, " ".join(cell for cell in row if cell)) for line, row in body]
    values = range(keys, width)
    if keys == 2 and all(as_period(row[1]) is not None for _, row in body):
        return _by_name(body, header, values)
    if keys == 2 and all(as_period(row[0]) is not None for _, row in body):
        return _by_period(body, header, values)
    if keys >= 2:  # keys of another shape: the row's keys together name it
        body = [(line, [" ".join(dict.fromkeys(row[:keys])), *row[keys:]]) for line, row in body]
        header = [header[0], *header[keys:]]
        width = len(header)
    out: Numbered = []
    if all(as_period(row[0]) is not None for _, row in body):
        for column in range(1, width):
            out.append((rows[0][0], f"- {header[column]}"))
            out += [(line, f"- {row[0]}:{row[column]}") for line, row in body if row[column]]
        return out
    for line, row in body:
        out.append((line, f"- {row[0]}"))
        out += [(line, f"- {header[c]}:{row[c]}") for c in range(1, width) if row[c]]
    return out


def _grouped(body: list[tuple[int, list[str]]], key: int) -> dict[str, list[tuple[int, list[str]]]]:
    groups: dict[str, list[tuple[int, list[str]]]] = {}
    for line, row in body:
        groups.setdefault(row[key], []).append((line, row))
    return groups


def _by_name(body: list[tuple[int, list[str]]], header: list[str], values: range) -> Numbered:
    """Keys (name, period): one list per name (and value column), a line per period."""
    out: Numbered = []
    for name, mine in _grouped(body, 0).items():
        for column in values:
            heading = name if len(values) == 1 else f"{name}({header[column]})"
            out.append((mine[0][0], f"- {heading}"))
            out += [(line, f"- {row[1]}:{row[column]}") for line, row in mine if row[column]]
    return out


def _by_period(body: list[tuple[int, list[str]]], header: list[str], values: range) -> Numbered:
    """Keys (period, name): per value column, a period tab, then a line per name."""
    out: Numbered = []
    groups = _grouped(body, 0)
    for column in values:
        out.append((body[0][0], f"- {header[column]}"))
        for period, mine in groups.items():
            out.append((mine[0][0], f"- {period}"))
            out += [(line, f"- {row[1]}:{row[column]}") for line, row in mine if row[column]]
    return out
