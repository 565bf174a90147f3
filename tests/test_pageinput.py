"""The inputs people have (issue #16): browser text, the agency's .txt slides, a saved HTML page —
one reader each, one page model after them."""

from __future__ import annotations

import pytest

from conftest import DATA
from dgcli.page.inputs import html_lines, kind_of, numbered_lines, read_any, slide_lines
from dgcli.page.reader import mentions

SHAPES = DATA / "pages" / "shapes"


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("題\n本文\n", "page.txt", "text"),
        ("題\n---\n見出し 本文。\n---\n", "page.txt", "slides"),
        ("<p>本文</p>", "page.html", "html"),
        ("  <!DOCTYPE html><html><p>本文</p></html>", "-", "html"),  # from stdin: by its start
        ("- 2024年7月:9,308万枚\n", "page.txt", "text"),  # a list line is no separator
    ],
)
def test_the_reader_is_chosen_by_name_or_start(text: str, name: str, kind: str) -> None:
    assert kind_of(text, name) == kind


def test_a_slide_line_is_cut_into_its_title_and_its_parts() -> None:
    text = (
        "報告書\n---\n利用状況\u3000利用者は50万人です。前年から5万人増えました。\n---\n"
        "推移\u3000- 2024年:50万人\u3000- 2023年:45万人\n"
    )
    lines = slide_lines(text)
    assert [(number, line.lstrip("\x1e")) for number, line in lines] == [
        (1, "報告書"),
        (3, "利用状況"),
        (3, "利用者は50万人です。"),
        (3, "前年から5万人増えました。"),
        (5, "推移"),
        (5, "- 2024年:50万人"),
        (5, "- 2023年:45万人"),
    ]
    assert [line.startswith("\x1e") for _, line in lines] == [False, True, False, False, True, False, False]


def test_slides_read_into_sections_by_their_titles() -> None:
    page = read_any((SHAPES / "slides.txt").read_text(encoding="utf-8"), "slides.txt")
    assert page.title == "ガバメントクラウドの利用状況(概要版)"
    assert [s.title for s in page.sections] == [
        "ガバメントクラウドの利用状況",
        "利用システム数の推移",
        "移行した自治体",
    ]
    # "a page with no figures" before: six figures now, each on the line of its slide
    assert [(m.line, m.text) for m in mentions(page)] == [
        (3, "512システム"),
        (3, "203システム"),
        (5, "512システム"),
        (5, "309システム"),
        (5, "118システム"),
        (7, "85団体"),
    ]


def test_html_is_read_with_a_parser_scripts_and_styles_left_out() -> None:
    html = (
        "<html><head><title>題</title><style>p{}/* 2024 */</style><script>var n = 5;</script></head>"
        "<body><h1>題</h1><p>利用者は<b>50万人</b>です。</p><ul><li>甲:1件</li><li>乙:2件</li></ul>"
        "<p>a &lt; b &amp; 3&nbsp;件</p></body></html>"
    )
    assert [text for _, text in html_lines(html)] == [
        "題",
        "利用者は50万人です。",
        "- 甲:1件",
        "- 乙:2件",
        "a < b & 3 件",
    ]


def test_a_table_of_periods_becomes_one_list_per_column() -> None:
    html = (
        "<table><tr><th>時点</th><th>登録数</th><th>登録率</th></tr>"
        "<tr><td>2024年6月末</td><td>6,201万件</td><td>67.3%</td></tr>"
        "<tr><td>2023年6月末</td><td>5,537万件</td><td>62.8%</td></tr></table>"
    )
    assert [text for _, text in html_lines(html)] == [
        "- 登録数",
        "- 2024年6月末:6,201万件",
        "- 2023年6月末:5,537万件",
        "- 登録率",
        "- 2024年6月末:67.3%",
        "- 2023年6月末:62.8%",
    ]


def test_a_table_of_names_becomes_one_list_per_row() -> None:
    html = (
        "<table><tr><th>項目</th><th>2023年</th><th>2024年</th></tr>"
        "<tr><td>申請数</td><td>5件</td><td>7件</td></tr></table>"
    )
    assert [text for _, text in html_lines(html)] == ["- 申請数", "- 2023年:5件", "- 2024年:7件"]


def test_html_lines_keep_the_line_of_their_element() -> None:
    lines = numbered_lines((SHAPES / "table.html").read_text(encoding="utf-8"), "table.html")
    assert (12, "公金受取口座の登録数は2024年6月末時点で6,201万件となり、前年同月から12%増加しました。") in lines
    assert all("var total" not in text and "color" not in text and "2.1 お知らせ" not in text for _, text in lines)


def test_a_table_figure_is_cited_at_the_line_of_its_row() -> None:
    # table.html: the header row is on line 15, the rows of 2024年6月末, 2023年6月末, 2022年6月末 on 16-18
    lines = numbered_lines((SHAPES / "table.html").read_text(encoding="utf-8"), "table.html")
    assert [(n, text) for n, text in lines if "2023年6月末" in text] == [
        (17, "- 2023年6月末:5,537万件"),
        (17, "- 2023年6月末:62.8%"),
    ]
