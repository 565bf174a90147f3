"""The agency's .txt rendering (one line per slide, ``---`` between slides): where a slide's line is
cut into its parts (issue #16). Each cut is pinned by a test, and so is what must not be cut."""

from __future__ import annotations

import pytest

from dgcli.page.inputs import read_any, slide_lines
from dgcli.page.reader import mentions


def parts(slide: str) -> list[str]:
    """The parts of one slide (after the page's title), without the heading mark of its first."""
    return [text.lstrip("\x1e") for _, text in slide_lines(f"報告書\n---\n{slide}\n")[1:]]


def test_a_middle_dot_after_a_space_opens_a_list_item() -> None:
    assert parts("主な指標 ・利用者数:50万人 ・申請件数:20万件") == [
        "主な指標",
        "・利用者数:50万人",
        "・申請件数:20万件",
    ]


def test_a_middle_dot_inside_words_is_no_cut() -> None:
    assert parts("申請・届出の件数\u3000申請・届出は20万件です。") == ["申請・届出の件数", "申請・届出は20万件です。"]


def test_a_square_opens_a_heading_and_is_left_out() -> None:
    assert parts("概要\u3000■利用状況\u3000利用者は50万人です。") == ["概要", "利用状況", "利用者は50万人です。"]
    assert parts("■利用状況\u3000利用者は50万人です。") == ["利用状況", "利用者は50万人です。"]
    assert parts("概要■利用状況\u3000利用者は50万人です。") == ["概要", "利用状況", "利用者は50万人です。"]


@pytest.mark.parametrize("mark", ["●", "◆", "◇", "▶"])
def test_a_bullet_mark_opens_a_list_item_wherever_it_stands(mark: str) -> None:
    assert parts(f"主な指標{mark}利用者数:50万人{mark} 申請件数:20万件") == [
        "主な指標",
        "- 利用者数:50万人",
        "- 申請件数:20万件",
    ]


def test_a_note_after_a_space_is_a_part_of_its_own_but_a_footnote_mark_is_not() -> None:
    assert parts("利用状況 利用者数※1は50万人です ※速報値") == ["利用状況 利用者数※1は50万人です", "※速報値"]
    assert parts("主な指標\u3000- 利用者数 ※1:50万人") == ["主な指標", "- 利用者数 ※1:50万人"]


@pytest.mark.parametrize("number", ["1.", "1．", "(1)", "（1）", "①"])
def test_a_numbered_item_after_a_space_opens_a_list_item(number: str) -> None:
    second = {"1.": "2.", "1．": "2．", "(1)": "(2)", "（1）": "（2）", "①": "②"}[number]
    assert parts(f"取組 {number}オンライン申請の拡大 {second}窓口の削減") == [
        "取組",
        "- オンライン申請の拡大",
        "- 窓口の削減",
    ]


def test_a_decimal_is_no_numbered_item_and_a_title_keeps_its_number() -> None:
    assert parts("1.概要\u3000利用件数は 2.5倍になりました。") == ["1.概要", "利用件数は 2.5倍になりました。"]


def test_items_cut_from_a_slide_are_read_as_its_list() -> None:
    text = "報告書\n---\n主な指標\u3000●利用者数:50万人\u3000●申請件数:20万件\n---\n"
    page = read_any(text, "slides.txt")
    assert [s.title for s in page.sections] == ["主な指標"]
    assert [(m.label, m.text) for m in mentions(page)] == [("利用者数", "50万人"), ("申請件数", "20万件")]
