"""One reading of a page (issue #16): the loader's grammar of figures, periods carried over in a
sentence, what is no figure, lines as an editor numbers them, and guesses bounded before work."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import DATA
from dgcli.data.loader import load_dataset
from dgcli.page import reader as page_module
from dgcli.page.reader import (
    baseline_in,
    history_in,
    mentions,
    page_lines,
    periods_in,
    read_page,
    split_lines,
)
from dgcli.text.numbers import Hedge, parse_figure
from dgcli.text.scan import figures_in, set_aside

CORPUS = sorted((DATA / "claims").glob("*.yaml"))


def _corpus_forms() -> list[str]:
    """Every figure the figure corpus prints: values, shares, parts and claims' stated figures."""
    forms: set[str] = set()
    for path in CORPUS:
        dataset = load_dataset(path)
        for metric in dataset.metrics.values():
            for observation in metric.observations:
                forms.update(figure.text for _, figure in observation.figures())
        forms.update(claim.stated.text for claim in dataset.claims() if claim.stated is not None)
    return sorted(forms)


FORMS = _corpus_forms()


def test_the_corpus_is_not_empty() -> None:
    assert len(FORMS) > 20


@pytest.mark.parametrize("printed", FORMS)
def test_every_form_of_the_figure_corpus_reads_alike_in_a_sentence(printed: str) -> None:
    # The loader's reading (parse_figure) and the page reader's are one grammar: the same text, value
    # and hedge, alone and inside a sentence (「…は3万人ほどとなりました。」).
    expected = parse_figure(printed)
    for sentence, offset in ((printed, 0), (f"利用者は{printed}となりました。", 4)):
        found = figures_in(sentence)
        assert [(position, text) for position, text, _ in found] == [(offset, printed)], sentence
        figure = found[0][2]
        assert (figure.value, figure.hedge, figure.unit) == (expected.value, expected.hedge, expected.unit)


def test_a_counter_word_stops_before_all() -> None:
    assert [text for _, text, _ in figures_in("介護関係の26手続全てをオンライン化")] == ["26手続"]


def test_hodo_is_a_hedge_for_the_page_reader_too() -> None:
    # numbers.py reads ほど as "about"; the page reader used to stop before it (3万人 with no hedge).
    [(_, text, figure)] = figures_in("利用者は3万人ほどでした")
    assert (text, figure.value, figure.hedge) == ("3万人ほど", Decimal(30_000), Hedge.ABOUT)  # 3 × 10^4


@pytest.mark.parametrize(
    ("text", "aside", "reason"),
    [
        ("2.1 マイナンバーカードの普及", "2.1", "a section number"),
        ("1. 概要", "1.", "a section number"),
        ("2.2マイナ保険証", "2.2", "a section number"),
        ("本ページは2024-06-30時点の集計です", "2024-06-30", "an ISO date"),
        ("詳しくは https://www.example.go.jp/2024/05 を参照", "https://www.example.go.jp/2024/05", "a web address"),
        (
            "四捨五入のため合計が100%にならない場合がある",
            "合計が100%になら",
            "a note on rounding (totals may not be 100%)",
        ),
        ("65歳以上人口は3,625万人", "65歳以上", "an age bracket"),
        ("調査対象:常用雇用者規模100人以上の企業6,000社", "規模100人以上", "a size bracket"),
        ("問1 行政手続をオンラインで行ったことがあるか", "問1", "a question number"),
        ("設問2-1 満足度", "設問2-1", "a question number"),
        ("(Q3)利用経験", "Q3", "a question number"),
    ],
)
def test_what_is_no_figure_is_set_aside_with_its_reason(text: str, aside: str, reason: str) -> None:
    assert (aside, reason) in [(found, why) for _, found, why in set_aside(text)]
    assert all(aside not in printed and printed not in aside for _, printed, _ in figures_in(text))


def test_a_figure_after_a_section_number_or_a_date_is_still_one() -> None:
    assert [text for _, text, _ in figures_in("2.9PT増えました")] == ["2.9PT"]  # no section number
    assert [text for _, text, _ in figures_in("2024-07-01時点で50%")] == ["50%"]
    assert [text for _, text, _ in figures_in("65歳以上人口は3,625万人")] == ["3,625万人"]


def test_a_count_that_follows_a_word_ending_in_a_question_mark_is_still_one() -> None:
    # 質問10件 (ten questions), 問題は3件 (three problems): 問 inside a word is no question number
    assert [text for _, text, _ in figures_in("質問10件")] == ["10件"]
    assert [text for _, text, _ in figures_in("問題は3件")] == ["3件"]
    assert [text for _, text, _ in figures_in("利用者は100人以上です")] == ["100人以上"]  # a hedged count


def test_fragments_of_periods_and_numbers_are_never_figures() -> None:
    page = read_page("題\n概要\n2.1 利用状況\n2024年度の利用者は2,024人、前年度の0.5倍です。\n")
    printed = [m.text for m in mentions(page)]
    assert printed == ["2,024人", "0.5倍"]  # not 2, 1, 2024 or 0


@pytest.mark.parametrize("breaker", ["\f", "\u2028", "\u2029", "\x85", "\v", "\x1c"])
def test_only_newlines_end_a_line(breaker: str) -> None:
    # str.splitlines() also breaks at these; an editor does not, and every cited line after would shift.
    text = f"一行目{breaker}続き\n二行目\r\n三行目\r四行目\n"
    assert split_lines(text) == [f"一行目{breaker}続き", "二行目", "三行目", "四行目"]
    assert [(line.number, line.text) for line in page_lines(text)][-1] == (4, "四行目")


def test_a_line_holds_no_control_character_or_line_break() -> None:
    [line] = page_lines("保有率\u2028は\x07約7割\n")
    assert line.text == "保有率 は 約7割"


# ── periods carried over in a sentence ───────────────────────────────────────────────────────

HISTORY = (
    "マイナンバーカードの普及状況2021年8月末累計有効申請件数5,113万件、総交付実施済数4,757万件、"
    "2022年8月末累計有効申請件数6,406万件、総公布実施済数5,710万件となりました。"
)


def test_each_period_carries_over_to_the_figures_after_it() -> None:
    points = history_in(HISTORY)
    assert [(p.period.key, p.label, p.text) for p in points] == [
        ("2021-08-31", "累計有効申請件数", "5,113万件"),
        ("2021-08-31", "総交付実施済数", "4,757万件"),
        ("2022-08-31", "累計有効申請件数", "6,406万件"),
        ("2022-08-31", "総公布実施済数", "5,710万件"),
    ]
    # each located in the sentence where it is printed
    assert all(HISTORY[p.position : p.position + len(p.text)] == p.text for p in points)


@pytest.mark.parametrize(
    "sentence",
    [
        "2023年7月から14%増加しました。",  # a change from a baseline
        "2023年7月の意識調査から、賛同は2.9PT増、適応は1.0PT増と、いずれも上昇しました。",
        "令和6年9月末時点の交付枚数は約9,300万枚となり、人口の約7割に達しました。",  # one level and a share
    ],
)
def test_a_sentence_that_is_no_history(sentence: str) -> None:
    assert history_in(sentence) == []


def test_a_sentence_figure_stands_under_the_period_before_it() -> None:
    page = read_page("題\n見出し\n保有率は2023年8月末に71.4%、2024年8月末に74.0%となりました。\n")
    assert [(m.text, m.period.key if m.period else None) for m in mentions(page)] == [
        ("71.4%", "2023-08-31"),
        ("74.0%", "2024-08-31"),
    ]


def test_a_baseline_is_read_with_the_page_readers_periods() -> None:
    assert baseline_in("2023年7月の意識調査から、賛同は2.9PT増") == "2023年7月"
    assert baseline_in("令和5年3月末時点から10%増加") == "令和5年3月末"
    assert baseline_in("2023年8月から2024年7月の間に") == ""  # a span, not a baseline
    assert [baseline for _, _, baseline in periods_in("2023年7月から5%増加")] == [True]


# ── bounded guesses ──────────────────────────────────────────────────────────────────────────


def test_a_large_figure_is_not_read_as_a_count_of_list_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    # 9,308万枚 was taken as "9,308万 items follow" and up to that many lines re-read for each list
    # line: quadratic. The guess is bounded before any line is read.
    calls = 0
    real = page_module.split_figure_line

    def counting(body: str) -> tuple[str, str]:
        nonlocal calls
        calls += 1
        return real(body)

    blocks = "".join(f"- 指標{i}\n- 2024年7月:{3_000 + i:,}件\n" for i in range(500))  # 1,000 list lines
    text = f"題\n見出し\n進捗は以下のとおりです。\n{blocks}"
    monkeypatch.setattr(page_module, "split_figure_line", counting)
    read_page(text)
    assert calls < 10 * 1_000  # each line read a bounded number of times, not once per figure before it


def test_a_real_item_count_still_takes_its_items() -> None:
    text = "題\n見出し\n進捗は以下のとおりです。\n- 対象サービス:3サービス\n- 甲\n- 乙\n- 丙\n"
    [section] = read_page(text).sections
    assert [name for _, name in section.blocks[-1].items] == ["甲", "乙", "丙"]


def test_the_seed_shape_pages_read_as_before() -> None:
    # the existing pages under tests/data/pages keep their figures (no figure lost to the new masks)
    for path in sorted(Path(DATA / "pages").glob("*.txt")):
        assert mentions(read_page(path.read_text(encoding="utf-8"))), path.name


# The counter-word class of the figure scanner, as it was first written (a class spelling out the kanji
# block); scan._COUNTER reads the same on Japanese text and compiles in a third of the time.
_SPELT_OUT = "[ァ-ヶーA-Za-z一-龥々]"


@given(
    st.text(
        alphabet=st.sampled_from(
            list("0123456789,.%約超以上下未満近くに弱強台程度前後ほど件枚万億割分厘倍桁PTpt")
            + list("の、。はがをシステムサービス連携時点年月日ヶヵゝゞ々ー・（）「」 ▲△+-_Aaz率数名")
        ),
        max_size=30,
    )
)
def test_the_counter_words_read_as_the_spelt_out_class_reads_them(text: str) -> None:
    from dgcli.text import scan

    reference = re.compile(scan._CANDIDATE.pattern.replace(scan._COUNTER, _SPELT_OUT))
    assert [m.span() for m in scan._CANDIDATE.finditer(text)] == [m.span() for m in reference.finditer(text)]
