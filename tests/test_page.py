"""Reading a published page: lines, sections, and every figure the prose prints."""

from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import DATA
from dgcli.page.reader import inline_history, mentions, page_lines, read_page
from dgcli.text.numbers import Hedge
from dgcli.text.scan import figures_in

REPORT = (DATA / "pages" / "report.txt").read_text(encoding="utf-8")
PRESS = (DATA / "pages" / "press_release.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("sentence", "printed", "value", "hedge"),
    [
        # Each row: the phrase as published, the figure a reader sees in it, its value by hand.
        ("2023年7月から5%増加しました", "5%", Decimal(5), Hedge.NONE),  # the period is not a figure
        ("前年から3,353件増加しました", "3,353件", Decimal(3353), Hedge.NONE),  # 増 is the verb, not the unit
        ("交付枚数は約9,300万枚となり", "約9,300万枚", Decimal(93_000_000), Hedge.ABOUT),  # 9,300 × 10^4
        ("人口の約7割に達しました", "約7割", Decimal(70), Hedge.ABOUT),  # 7割 = 70%
        ("8割近くが利用", "8割近く", Decimal(80), Hedge.NEARLY),
        ("7割強が満足", "7割強", Decimal(70), Hedge.JUST_OVER),
        ("5割弱が回答", "5割弱", Decimal(50), Hedge.JUST_UNDER),
        ("4,000以上のシステムが移行", "4,000以上", Decimal(4000), Hedge.AT_LEAST),  # 以上 ends in 上, no verb
        ("4,000以上システムが移行", "4,000以上システム", Decimal(4000), Hedge.AT_LEAST),
        ("4万人以上が利用", "4万人以上", Decimal(40_000), Hedge.AT_LEAST),
        ("前年同月比で約1.1倍の水準", "約1.1倍", Decimal("1.1"), Hedge.ABOUT),
        ("利用者は2.9PT増えました", "2.9PT", Decimal("2.9"), Hedge.NONE),
        ("二桁成長を達成", "二桁", Decimal(10), Hedge.DIGITS),
        ("過半数が賛成", "過半数", Decimal(50), Hedge.MAJORITY),
        ("1.7億件を処理", "1.7億件", Decimal(170_000_000), Hedge.NONE),  # 1.7 × 10^8
    ],
)
def test_figures_in_prose(sentence: str, printed: str, value: Decimal, hedge: Hedge) -> None:
    found = figures_in(sentence)
    assert [(text, figure.value, figure.hedge) for _, text, figure in found] == [(printed, value, hedge)]


def test_periods_footnotes_and_ordinals_are_not_figures() -> None:
    assert figures_in("2024年8月末時点※1、第2回の調査では") == []
    assert figures_in("令和6年9月末時点") == []


def test_a_list_glued_to_a_sentence_is_split() -> None:
    lines = page_lines("2023年7月から5%増加しました。- 2024年7月:9,308万枚\n")
    assert [(line.number, line.text, line.bullet) for line in lines] == [
        (1, "2023年7月から5%増加しました。", False),
        (1, "- 2024年7月:9,308万枚", True),
    ]


def test_cjk_radicals_are_read_as_kanji() -> None:
    # U+2F8F ⾏ (KANGXI RADICAL WALK) and U+2EA0 ⺠ (CJK RADICAL CIVILIAN) as the agency's pages print them.
    lines = page_lines("\u2f8f政手続の\u2ea0間利用\n")
    assert lines[0].text == "行政手続の民間利用"


def test_inline_history() -> None:
    found = inline_history("2022年3月末累計登録数5,711万件、総交付数5,040万件、保有枚数4,960万枚となりました。")
    assert found is not None
    period, pairs = found
    assert (period.text, period.key) == ("2022年3月末", "2022-03-31")
    assert [(label, text, figure.value) for label, text, figure in pairs] == [
        ("累計登録数", "5,711万件", Decimal(57_110_000)),
        ("総交付数", "5,040万件", Decimal(50_400_000)),
        ("保有枚数", "4,960万枚", Decimal(49_600_000)),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "2023年7月から14%増加しました。",  # a baseline, not a history
        "2023年7月の調査から、良いと思うが2.9PT増えました。",  # one figure, a change
        "令和6年9月末時点の交付枚数は約9,300万枚となり、人口の約7割に達しました。",  # a share, not a series
    ],
)
def test_sentences_that_are_not_inline_histories(sentence: str) -> None:
    assert inline_history(sentence) is None


def test_report_page_reads_its_inline_history() -> None:
    page = read_page(REPORT)
    assert page.title == "デジタル社会の実現に向けた取組状況"
    assert [section.title for section in page.sections] == ["マイナンバーカードの普及"]
    inline = [m for m in mentions(page) if m.kind == "inline"]
    # Two sentences of three figures each: 2022年3月末 and 2023年3月末.
    assert [(m.period.key if m.period else None, m.label, m.text) for m in inline] == [
        ("2022-03-31", "累計登録数", "5,711万件"),
        ("2022-03-31", "総交付数", "5,040万件"),
        ("2022-03-31", "保有枚数", "4,960万枚"),
        ("2023-03-31", "累計登録数", "9,578万件"),
        ("2023-03-31", "総交付数", "8,790万件"),
        ("2023-03-31", "保有枚数", "8,440万枚"),
    ]


def test_press_release_lists_under_period_headings() -> None:
    page = read_page(PRESS)
    listed = [(m.heading, m.label, m.text) for m in mentions(page) if m.kind in ("list", "share")]
    assert ("交付枚数", "2024年9月末", "9,318万枚") in listed
    assert ("交付率", "2023年9月末", "67.8%") in listed
    hedged = [m.text for m in mentions(page) if m.kind == "sentence"]
    assert hedged[:3] == ["約9,300万枚", "約7割", "約1.1倍"]


@pytest.mark.parametrize(
    ("sentence", "printed"),
    [
        ("前月を0.01ポイント下回りました", "0.01ポイント"),  # the verb is no part of the unit
        ("2023年7月から1.2ポイント低下しました", "1.2ポイント"),
        ("表1 産業別新規求人数", None),  # a table's number is no figure
    ],
)
def test_verbs_and_table_numbers_stay_out_of_figures(sentence: str, printed: str | None) -> None:
    assert [text for _, text, _ in figures_in(sentence)] == ([printed] if printed else [])


def test_a_comparison_in_a_list_lines_parentheses_is_a_figure_of_the_page() -> None:
    page = read_page("住宅着工\n着工戸数\n- 令和6年8月:612戸(前年同月比▲8.1%)\n- 令和5年8月:666戸\n")
    printed = [(m.text, m.kind) for m in mentions(page)]
    # 612 ÷ 666 − 1 = −8.1%: a claim the page makes, which audit must find a home for
    assert ("▲8.1%", "sentence") in printed and ("612戸", "list") in printed


def test_dates_and_bylines_are_not_headings() -> None:
    page = read_page(
        "一般職業紹介状況\n令和6年10月1日\n厚生労働省職業安定局\n求人の状況\n有効求人倍率\n- 令和6年8月:1.23倍\n"
    )
    titles = {s.group for s in page.sections} | {s.title for s in page.sections}
    assert "令和6年10月1日" not in titles and "厚生労働省職業安定局" not in titles
    assert "求人の状況" in titles
