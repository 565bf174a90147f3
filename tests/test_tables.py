"""HTML tables read as a browser lays them out (issue #16): rowspan and colspan expanded into a grid,
so each cell is read with its row and column headers; hostile span values clamped."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DATA, run_bash
from dgcli.page.inputs import html_lines, read_any
from dgcli.page.tables import MAX_COLSPAN, RawCell, grid, span
from dgcli.text.scan import figures_in

SHAPES = DATA / "pages" / "shapes"


def texts(html: str) -> list[str]:
    return [text for _, text in html_lines(html)]


def test_a_name_spanning_two_year_rows_heads_both() -> None:
    html = (
        "<table><tr><th>区分</th><th>時点</th><th>利用件数</th></tr>"
        '<tr><th rowspan="2">マイナ保険証</th><td>2024年9月</td><td>1,842万件</td></tr>'
        "<tr><td>2023年9月</td><td>735万件</td></tr>"
        '<tr><th rowspan="2">電子処方箋</th><td>2024年9月</td><td>621万件</td></tr>'
        "<tr><td>2023年9月</td><td>88万件</td></tr></table>"
    )
    # read row by row as printed, 735万件 would sit in the 時点 column and 2023年9月 under 区分
    assert texts(html) == [
        "- マイナ保険証",
        "- 2024年9月:1,842万件",
        "- 2023年9月:735万件",
        "- 電子処方箋",
        "- 2024年9月:621万件",
        "- 2023年9月:88万件",
    ]


def test_a_header_spanning_two_columns_names_both() -> None:
    html = (
        '<table><tr><th rowspan="2">時点</th><th colspan="2">導入施設</th></tr>'
        "<tr><th>施設数</th><th>導入率</th></tr>"
        "<tr><td>2024年9月末</td><td>20.4万施設</td><td>91.2%</td></tr>"
        "<tr><td>2023年9月末</td><td>18.9万施設</td><td>84.6%</td></tr></table>"
    )
    assert texts(html) == [
        "- 導入施設(施設数)",
        "- 2024年9月末:20.4万施設",
        "- 2023年9月末:18.9万施設",
        "- 導入施設(導入率)",
        "- 2024年9月末:91.2%",
        "- 2023年9月末:84.6%",
    ]


def test_a_period_spanning_the_answers_of_a_survey_is_a_tab_over_them() -> None:
    html = (
        "<table><tr><th>調査時点</th><th>回答</th><th>割合</th></tr>"
        '<tr><td rowspan="3">2024年6月</td><td>満足</td><td>48%</td></tr>'
        "<tr><td>どちらともいえない</td><td>33%</td></tr><tr><td>不満</td><td>19%</td></tr></table>"
    )
    assert texts(html) == ["- 割合", "- 2024年6月", "- 満足:48%", "- どちらともいえない:33%", "- 不満:19%"]


def test_a_two_column_table_of_names_keeps_its_value_column_name() -> None:
    # 国 | 利用したことがある: each country's figure is a share of those who used it; without the column's
    # name the draft filed 9.1% under a metric named only 日本
    html = (
        "<table><tr><th>国</th><th>利用したことがある</th></tr>"
        "<tr><td>日本</td><td>9.1%</td></tr><tr><td>米国</td><td>46.3%</td></tr></table>"
    )
    assert texts(html) == ["- 利用したことがある", "- 日本:9.1%", "- 米国:46.3%"]
    assert texts("<table><tr><td>申請数</td><td>5件</td></tr></table>") == ["- 申請数:5件"]  # no header


def test_cells_left_unclosed_end_where_the_next_starts() -> None:
    html = "<table><tr><th>時点<th>登録数<tr><td>2024年6月末<td>6,201万件<tr><td>2023年6月末<td>5,537万件</table>"
    assert texts(html) == ["- 登録数", "- 2024年6月末:6,201万件", "- 2023年6月末:5,537万件"]


def test_html_headings_head_sections_by_structure() -> None:
    page = read_any((SHAPES / "spans.html").read_text(encoding="utf-8"), "spans.html")
    assert page.title == "マイナ保険証と電子処方箋の利用状況"
    assert [s.title for s in page.sections] == ["利用件数の推移", "オンライン資格確認の導入状況"]


@pytest.mark.parametrize(
    ("printed", "rows_left", "expected"),
    [
        ("2", 5, 2),
        ("0", 5, 5),  # HTML: to the end of the table
        ("-1", 5, 1),
        ("99999", 5, 5),  # never past the table's last row
        ("abc", 5, 1),
        ("", 5, 1),
        (None, 5, 1),
        (" 3", 5, 3),
        ("2px", 5, 2),  # browsers read the leading digits
        ("٣", 5, 1),  # only ASCII digits
        ("99999999999999999999", 5, 5),
    ],
)
def test_a_rowspan_is_clamped(printed: str | None, rows_left: int, expected: int) -> None:
    assert span(printed, rows_left=rows_left) == expected


@pytest.mark.parametrize(
    ("printed", "expected"), [("2", 2), ("0", 1), ("-1", 1), ("99999", MAX_COLSPAN), ("x", 1), (None, 1)]
)
def test_a_colspan_is_clamped(printed: str | None, expected: int) -> None:
    assert span(printed) == expected


def test_hostile_spans_neither_crash_nor_blow_up_the_grid() -> None:
    # laid out in full, 60 rows of rowspan=99999 colspan=99999 would be 1.8 million cells
    rows = 60
    table = [(n, [("1件", False, "99999", "99999"), ("2件", False, None, None)]) for n in range(rows)]
    laid = grid(table)
    cells = 2 * rows
    assert sum(len(row) for _, row in laid) <= cells + 10_000 + 10 * cells  # the copies' budget, linear
    assert all(("1件", False) in row and ("2件", False) in row for _, row in laid)  # no printed cell left out
    html = "<table>" + '<tr><td rowspan="99999" colspan="99999">1件</td><td>2件</td></tr>' * 2000 + "</table>"
    started = time.process_time()
    assert html_lines(html)  # read, not refused
    assert time.process_time() - started < 10


def test_rowspan_zero_runs_to_the_last_row() -> None:
    laid = grid([(1, [("甲", True, "0", None), ("1件", False, None, None)]), (2, [("2件", False, None, None)])])
    assert [row for _, row in laid] == [[("甲", True), ("1件", False)], [("甲", True), ("2件", False)]]


def test_cli_drafts_a_spanned_table_that_verifies_and_audits_clean(tmp_path: Path) -> None:
    page = SHAPES / "spans.html"
    outcome = run_bash(
        f'"$DGCLI" draft {page} > d.yaml && "$DGCLI" verify --file d.yaml | tail -1 '
        f'&& "$DGCLI" audit {page} --file d.yaml | tail -1',
        cwd=tmp_path,
    )
    assert outcome.code == 0, outcome
    verified, audited = outcome.out.strip().splitlines()
    assert verified.startswith("OK: 2 claims: 2 consistent"), outcome  # 1,842万件; 1,842 / 735 = 2.51 ≈ 約2.5倍
    assert audited.startswith("OK: 10 figures on the page, 10 placed"), outcome  # 8 in the tables, 2 in the lead


_TEXTS = st.sampled_from(["", "時点", "登録数", "2024年6月末", "2023年9月", "6,201万件", "67.3%", "甲", "1件"])
_SPANS = st.sampled_from([None, "1", "2", "3", "0", "-1", "99999", "x", "2px"])
_CELLS = st.tuples(_TEXTS, st.booleans(), _SPANS, _SPANS)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_CELLS, max_size=5), max_size=6), st.booleans())
def test_any_table_is_read_and_no_printed_cell_is_left_out(rows: list[list[RawCell]], closed: bool) -> None:
    markup = "".join(
        "<tr>"
        + "".join(
            f"<{'th' if th else 'td'}"
            + (f' rowspan="{down}"' if down is not None else "")
            + (f' colspan="{across}"' if across is not None else "")
            + f">{text}</{'th' if th else 'td'}>"
            for text, th, down, across in cells
        )
        + "</tr>"
        for cells in rows
    )
    lines = html_lines(f"<table>{markup}" + ("</table>" if closed else ""))
    printed = "\n".join(text for _, text in lines)
    for cells in rows:
        for text, th, *_ in cells:
            # a figure in a data cell is always in a line (a header cell names a list, a key may head none)
            assert th or not figures_in(text) or text in printed


def test_tables_of_every_shape_keep_their_figures() -> None:
    # one column under its header
    assert texts("<table><tr><th>登録数</th></tr><tr><td>6,201万件</td></tr></table>") == ["- 登録数", "- 6,201万件"]
    # three columns and no header: each row a line of text
    assert texts("<table><tr><td>2024年6月末</td><td>6,201万件</td><td>67.3%</td></tr></table>") == [
        "2024年6月末 6,201万件 67.3%"
    ]
    # a table in a cell is read as its own; the table around it is kept whole
    nested = (
        "<table><tr><th>時点</th><th>登録数</th></tr><tr><td>2024年6月末</td><td>6,201万件</td></tr>"
        "<tr><td>2023年6月末</td><td><table><tr><td>内訳:5件</td></tr></table>5,537万件</td></tr></table>"
    )
    assert texts(nested) == ["- 内訳:5件", "- 登録数", "- 2024年6月末:6,201万件", "- 2023年6月末:5,537万件"]
    # a caption, and words a table prints outside its cells, are read as a browser shows them
    caption = "<table><caption>利用者数は50万人</caption><tr><td>甲</td><td>1件</td></tr></table>"
    assert texts(caption) == ["利用者数は50万人", "- 甲:1件"]
    # a table never closed is read all the same
    assert texts("<p>前</p><table><tr><td>甲</td><td>1件</td></tr>") == ["前", "- 甲:1件"]
