"""CSV for pandas and spreadsheets: RFC 4180 (CRLF, quotes where needed), UTF-8 with a byte-order mark.

The mark lets Excel open Japanese text without asking; pandas.read_csv and Python's csv module with
encoding="utf-8-sig" read it as is. Values are exact decimals ("510000000", "50.9"), never floats;
an empty cell is a missing value.

Text cells that a spreadsheet would read as a formula (they begin with =, +, -, @, a tab or a
carriage return) get a leading apostrophe, as OWASP recommends against CSV injection: ``=HYPERLINK(…)``
in a name stays text in Excel, LibreOffice and Google Sheets. Numbers (value, low, high, line) are
never touched; ``--raw`` writes every cell as it is, for pipelines that want the exact bytes.
"""

from __future__ import annotations

import csv
import io
import re
from fractions import Fraction

from dgcli.data.export import COLUMNS, Cell, ExportReport
from dgcli.render import Terminal, Views
from dgcli.text.display import exact_decimal

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?%?")  # a spreadsheet reads it as a number, never a formula


def neutralised(text: str) -> str:
    """A text cell a spreadsheet shows as text: a formula-like start gets a leading ``'`` (OWASP).
    A plain signed number (-1.2, +3%) stays as it is."""
    if text.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Fraction):
        return exact_decimal(value)
    return str(value)


def render_export(report: ExportReport, terminal: Terminal) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    text = str if report.raw else neutralised
    for row in report.rows:
        writer.writerow([text(value) if isinstance(value, str) else cell(value) for value in row])
    return BOM + buffer.getvalue()


VIEWS = Views(export=render_export)
