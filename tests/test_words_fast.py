"""words.printed_as_written answers "does the text print the stated figure?" without the scanner, for
the common case; it must never say yes where the scanner (scan.figures_in) would not find that figure."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dgcli.data.kinds import ClaimKind
from dgcli.data.words import _same, printed_as_written
from dgcli.errors import ValueFormatError
from dgcli.text.numbers import parse_figure
from dgcli.text.scan import figures_in

STATED = [
    "5%",
    "14%",
    "2.9PT",
    "9,308万枚",
    "3,353件",
    "7割",
    "二桁",
    "100%",
    "半数",
    "過半数",
    "1.5倍",
    "2",
    "2024",
    "75",
    "5サービス",
    "約7割",
    "8割近く",
    "3万人",
]
AROUND = [
    "",
    "から",
    "、",
    "。",
    "増加しました",
    "減少",
    "約",
    "ほぼ",
    "▲",
    "+",
    "1",
    "0",
    ".",
    ",",
    "年",
    "月",
    "歳以上",
    "ポイント",
    "%",
    "以上",
    "近く",
    "に近い",
    "ほど",
    "超",
    "台",
    "合計が",
    "計",
    "過",
    "第",
    "※",
    "表",
    "成長",
    "の",
    "は",
    "が",
    "です",
    "人",
    "件",
    "枚",
    "万",
    "割",
    "分",
    "https://example.jp/",
    "2024-",
    " ",
    "前年同月比",
    "マイナンバーカード",
    "保有",
    "国民の",
    "2023年7月から",
]


@settings(max_examples=1500)
@given(
    st.sampled_from(STATED),
    st.lists(st.sampled_from(AROUND), max_size=3),
    st.lists(st.sampled_from(AROUND), max_size=3),
)
def test_printed_as_written_never_says_yes_where_the_scanner_says_no(
    stated: str, before: list[str], after: list[str]
) -> None:
    text = "".join(before) + stated + "".join(after)
    try:
        figure = parse_figure(stated)
    except ValueFormatError:
        return
    if printed_as_written(text, stated):
        printed = [found for _, _, found in figures_in(text)]
        assert any(_same(found, figure, ClaimKind.RESTATEMENT) for found in printed), (text, stated)


def test_the_common_forms_need_no_scanner() -> None:
    assert printed_as_written("2023年7月から5%増加しました", "5%")
    assert printed_as_written("保険証の有効登録数はマイナンバーカード保有の79%", "79%")
    assert printed_as_written("マイナ保険証の登録も2023年から二桁成長となりました", "二桁")
    assert not printed_as_written("2023年7月から15%増加しました", "5%")  # a digit before it
    assert not printed_as_written("約5%増加", "5%")  # hedged: another figure
    assert not printed_as_written("5%ポイント増", "5%")  # points, not percent


LETTERS = list("0123456789,.%約超以上下未満近くに弱強台程度前後ほど件枚万億割分厘倍桁PTpt") + list(
    "の、。はがをシステムサービス連携時点年月日々ー・（）「」 ▲△+-_率数名過半二三第表現在成長増加減少上昇低下"
)


@settings(max_examples=3000)
@given(st.text(alphabet=st.sampled_from(LETTERS), min_size=2, max_size=16), st.data())
def test_on_any_text_a_yes_is_the_scanners_yes(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(min_value=0, max_value=len(text) - 1))
    stated = text[start : data.draw(st.integers(min_value=start + 1, max_value=len(text)))]
    try:
        figure = parse_figure(stated)
    except ValueFormatError:
        return
    if printed_as_written(text, stated):
        assert any(_same(found, figure, ClaimKind.RESTATEMENT) for _, _, found in figures_in(text)), (text, stated)
