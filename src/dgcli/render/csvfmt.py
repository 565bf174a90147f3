"""CSV for pandas and spreadsheets: RFC 4180 (CRLF, quotes where needed), UTF-8 with a byte-order mark.

The mark lets Excel open Japanese text without asking; pandas.read_csv and Python's csv module with
encoding="utf-8-sig" read it as is. Values are exact decimals ("510000000", "50.9"), never floats;
an empty cell is a missing value.
"""

from __future__ import annotations

import csv
import io
from fractions import Fraction

from dgcli.display import exact_decimal
from dgcli.export import COLUMNS, Cell, ExportReport
from dgcli.render import Terminal, Views

BOM = "\ufeff"


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
    for row in report.rows:
        writer.writerow([cell(value) for value in row])
    return BOM + buffer.getvalue()


VIEWS = Views(export=render_export)
