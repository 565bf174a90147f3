"""Hostile pages (issue #16e): shapes an attacker can write that once made the readers quadratic
in the page or blew up memory. Sizes and counts are asserted, never wall-clock time."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from dgcli.data.loader import load_dataset
from dgcli.data.model import Time
from dgcli.page import audit as audit_module
from dgcli.page import reader as reader_module
from dgcli.page.audit import audit
from dgcli.page.draft import draft
from dgcli.page.reader import read_page
from dgcli.page.tables import RawCell, grid, table_lines
from dgcli.text.periods import Period


def _ragged(width: int, rows: int) -> list[tuple[int, list[RawCell]]]:
    """One row of ``width`` cells ending in a rowspan="0" cell, then ``rows`` rows of one cell."""
    first: list[RawCell] = [(f"{c}件", False, None, None) for c in range(width)] + [("x", False, "0", None)]
    return [(1, first)] + [(2 + r, [(f"{r}件", False, None, None)]) for r in range(rows)]


def test_a_ragged_table_is_never_laid_out_as_a_rectangle() -> None:
    # 1,000 cells in the first row, 2,000 rows of one: a rectangle would be 2,001 x 1,001 cells
    table = _ragged(1000, 2000)
    cells = sum(len(row) for _, row in table)  # 1,001 + 2,000 = 3,001
    laid = grid(table)
    assert sum(len(row) for _, row in laid) <= 10_000 + 10 * cells
    lines = table_lines(table)
    assert sum(len(text) for _, text in lines) <= 10 * sum(len(t) + 1 for _, row in table for t, *_ in row)
    printed = " ".join(text for _, text in lines)
    assert all(f"{r}件" in printed for r in range(2000))  # no figure left out


def test_a_wide_header_over_narrow_rows_stays_linear() -> None:
    head: list[RawCell] = [(f"列{c}", True, None, None) for c in range(2000)]
    table = [(1, head)] + [(2 + r, [("2024年", False, None, None), (f"{r}件", False, None, None)]) for r in range(2000)]
    lines = table_lines(table)
    assert len(lines) <= 2001  # a line per row, not a line per (row, column)
    assert all(any(f":{r}件" in t or f" {r}件" in t for _, t in lines) for r in (0, 1999))


def test_figures_of_one_long_sentence_are_placed_in_linear_work(monkeypatch: pytest.MonkeyPatch) -> None:
    dataset = load_dataset(ROOT / "indicators.yaml")
    page = "利用状況\n利用者数は" + "1,234万人、" * 300 + "です。\n"
    seen = [0]
    plain = audit_module._plain

    def counted(text: str) -> str:
        seen[0] += len(text)
        return plain(text)

    monkeypatch.setattr(audit_module, "_plain", counted)
    report = audit(page, dataset, page_file="long.txt")
    assert sum(f.kind == "missing" for f in report.findings) == 300  # 1,234万人 is in no place of the file
    assert seen[0] <= 20 * len(page)  # the sentence is made plain once, not once per figure (300 x 2,400)


def test_a_figure_held_in_many_places_names_a_few_of_them() -> None:
    # 300 slides, each a list of one figure (5件) under one name: the draft holds 5件 in 300 metrics
    page = "タイトル\n" + "---\nスライド ・2024年:5件\n" * 300
    text = draft(page, "slides.txt")
    assert len(text) <= 300 * len(page)  # was 300 places named in each of 300 comments
    dataset = load_dataset(Path("draft.yaml"), file="draft.yaml", text=text)
    report = audit(page, dataset, page_file="slides.txt")
    held = [f.message for f in report.findings if "as todo-metric-1 2024" in f.message]
    assert held and all(m.endswith(" and 295 more") for m in held)  # 5 named of 300, the rest counted


def test_a_long_list_is_read_in_linear_work(monkeypatch: pytest.MonkeyPatch) -> None:
    scanned = [0]
    heading = reader_module._period_heading

    def counted(block: reader_module.Block) -> str:
        scanned[0] += len(block.entries)
        return heading(block)

    monkeypatch.setattr(reader_module, "_period_heading", counted)
    lines = 3000
    page = read_page("タイトル\n利用状況\n" + "".join(f"- 項目{i}:{i}件\n" for i in range(lines)))
    assert sum(len(b.entries) for s in page.sections for b in s.blocks) == lines  # every line read
    assert scanned[0] <= 10 * lines  # was a scan of the block per line: 3000 x 3000 / 2


def test_a_draft_cites_a_long_sentence_around_each_figure() -> None:
    sentence = "利用者数は" + "".join(f"{i}万人、" for i in range(300)) + "です。"
    page = f"タイトル\n利用状況\n- 2024年:5件\n{sentence}\n"
    text = draft(page, "long.txt")
    load_dataset(Path("draft.yaml"), file="draft.yaml", text=text)
    assert text.count("# not placed: ") >= 299  # every figure but the first (a claim) listed ...
    assert len(text) <= 200 * len(page)  # ... each with the words around it, not the whole sentence (300 x 2,700)
    assert max(len(line) for line in text.splitlines() if line.startswith("# not placed")) <= 400


def test_a_finding_names_a_long_heading_briefly() -> None:
    # a tab-separated line of 1,000 words heading a line of 1,000 figures (not read as a table: 列0 prints 0)
    page = "\t".join(f"列{i}" for i in range(1000)) + "\n" + "\t".join(f"{i}件" for i in range(1000)) + "\n"
    report = audit(page, load_dataset(ROOT / "indicators.yaml"), page_file="wide.txt")
    assert len(report.findings) >= 1000
    assert all(len(f.where) + len(f.message) <= 400 for f in report.findings)  # was the 7,000-character heading


def test_a_long_history_drafts_and_loads_without_comparing_every_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    from dgcli.data import timing

    compared = [0]
    relation = timing.relation

    def counted(a: Period, b: Period, time: Time) -> str:
        compared[0] += 1
        return relation(a, b, time)

    monkeypatch.setattr(timing, "relation", counted)
    months = [f"{1900 + i // 12}年{i % 12 + 1}月" for i in range(1000)]
    page = "タイトル\n利用状況\n" + "".join(f"- {m}:{i}件\n" for i, m in enumerate(months))
    text = draft(page, "history.txt")
    dataset = load_dataset(Path("draft.yaml"), file="draft.yaml", text=text)
    assert sum(len(m.observations) for m in dataset.metrics.values()) == 1000
    assert compared[0] <= 10 * 1000  # no two months end the same day: was every pair, 1,000 x 999 / 2
