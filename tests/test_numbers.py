"""Figures as Japanese statistics print them: value, precision, unit and hedge, exact to the digit."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from dgcli.errors import ValueFormatError
from dgcli.text.numbers import Hedge, Rounding, parse_figure, parse_rounding


@pytest.mark.parametrize(
    ("text", "value", "step", "unit", "hedge"),
    [
        # printed digits: the last digit's place is the step; a full count is exact
        ("9,308万枚", "93080000", "10000", "枚", Hedge.NONE),
        ("5.1億回", "510000000", "10000000", "回", Hedge.NONE),
        ("0.5億回", "50000000", "10000000", "回", Hedge.NONE),
        ("1億2,400万人", "124000000", "10000", "人", Hedge.NONE),  # 1×10^8 + 2,400×10^4
        ("1万2,345人", "12345", "0", "人", Hedge.NONE),  # printed to the unit: exact
        ("50.9%", "50.9", "0.1", "%", Hedge.NONE),
        ("38.0%", "38", "0.1", "%", Hedge.NONE),  # the trailing .0 is a printed digit: step 0.1
        ("33%", "33", "1", "%", Hedge.NONE),  # a percentage is always rounded
        ("2.9PT", "2.9", "0.1", "PT", Hedge.NONE),
        ("2.9ポイント", "2.9", "0.1", "PT", Hedge.NONE),
        ("1.0%ポイント", "1", "0.1", "PT", Hedge.NONE),
        ("3.6倍", "3.6", "0.1", "倍", Hedge.NONE),
        ("566企業", "566", "0", "企業", Hedge.NONE),
        ("671", "671", "0", "", Hedge.NONE),
        ("3,000台", "3000", "0", "台", Hedge.NONE),  # 台 as a counter (machines), not a band
        ("▲1.2%", "-1.2", "0.1", "%", Hedge.NONE),  # ▲ is the Japanese minus
        # 割: tenths, in percent
        ("7割", "70", "10", "%", Hedge.NONE),
        ("三割", "30", "10", "%", Hedge.NONE),
        ("7割5分", "75", "1", "%", Hedge.NONE),
        ("7割5分3厘", "75.3", "0.1", "%", Hedge.NONE),
        ("半数", "50", "10", "%", Hedge.NONE),  # half: 5割
        # hedges: 約 reads the last *significant* digit (trailing zeros are not)
        ("約3.5万人", "35000", "1000", "人", Hedge.ABOUT),
        ("約9,300万", "93000000", "1000000", "", Hedge.ABOUT),  # nearest 100万
        ("約6,500万件", "65000000", "1000000", "件", Hedge.ABOUT),
        ("約7割", "70", "10", "%", Hedge.ABOUT),
        ("およそ4,000人", "4000", "1000", "人", Hedge.ABOUT),
        ("8割近く", "80", "10", "%", Hedge.NEARLY),
        ("8割に近い", "80", "10", "%", Hedge.NEARLY),
        ("3割強", "30", "10", "%", Hedge.JUST_OVER),
        ("5割弱", "50", "10", "%", Hedge.JUST_UNDER),
        ("4万人超", "40000", "10000", "人", Hedge.OVER),
        ("3万人台", "30000", "10000", "人", Hedge.RANGE),
        ("50%台", "50", "10", "%", Hedge.RANGE),
        ("4,000以上システム", "4000", "1000", "システム", Hedge.AT_LEAST),  # hedge before the unit
        ("4万人以上", "40000", "10000", "人", Hedge.AT_LEAST),  # hedge after the unit
        ("100件以下", "100", "100", "件", Hedge.AT_MOST),
        ("10%未満", "10", "10", "%", Hedge.BELOW),
        ("半数以上", "50", "10", "%", Hedge.AT_LEAST),
        ("過半数", "50", "0", "%", Hedge.MAJORITY),
        ("二桁", "10", "0", "", Hedge.DIGITS),
        ("3桁", "100", "0", "", Hedge.DIGITS),
    ],
)
def test_reads_published_figures(text: str, value: str, step: str, unit: str, hedge: Hedge) -> None:
    figure = parse_figure(text)
    assert (figure.value, figure.step, figure.unit, figure.hedge) == (Decimal(value), Decimal(step), unit, hedge)
    assert figure.text == text


def test_five_point_one_oku_is_not_a_binary_float() -> None:
    assert str(parse_figure("5.1億").value) == "510000000"
    assert 5.1 * 10**8 != 510000000  # the trap this parser avoids


@pytest.mark.parametrize("digits", [29, 60, 1000])
def test_long_exact_counts_stay_exact(digits: int) -> None:
    text = "1" + "0" * (digits - 2) + "7"
    figure = parse_figure(f"{text}件")
    assert figure.exact and int(figure.value) == int(text)  # the default context would round at 28 digits


def test_more_than_a_thousand_digits_is_refused() -> None:
    with pytest.raises(ValueFormatError, match="more than 1000 digits"):
        parse_figure("1" * 1001)


def test_full_width_and_radicals_are_normalised() -> None:
    assert parse_figure("５０．９％").value == Decimal("50.9")


@pytest.mark.parametrize("digit", ["٥", "۵", "५", "⁵", "①", "½", "Ⅴ"])
def test_digits_other_than_ascii_and_full_width_are_refused(digit: str) -> None:
    with pytest.raises(ValueFormatError, match="not an ASCII or full-width digit"):
        parse_figure(f"1{digit}0件")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "no",
        "yes",
        ".inf",
        "NaN",
        "1:30",
        "1e3",
        "012",
        "9,30万",
        "万",
        "約",
        "1.2.3",
        "約5%以上",
        "二桁以上",
        "7.5割",
    ],
)
def test_rejects_what_is_not_a_published_figure(text: str) -> None:
    with pytest.raises(ValueFormatError):
        parse_figure(text)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("half_up", Rounding.HALF_UP),
        ("nearest", Rounding.NEAREST),
        ("down", Rounding.DOWN),
        ("数値は小数点第二位を四捨五入", Rounding.HALF_UP),
        ("小数点以下切り捨て", Rounding.DOWN),
        ("端数は切り上げ", Rounding.UP),
    ],
)
def test_rounding_notes(text: str, rule: Rounding) -> None:
    assert parse_rounding(text) is rule


@pytest.mark.parametrize("text", ["数値は概数", "四捨五入または切り捨て", "round"])
def test_a_rounding_note_must_name_one_rule(text: str) -> None:
    with pytest.raises(ValueFormatError):
        parse_rounding(text)


@given(
    integer=st.integers(min_value=0, max_value=10**12),
    decimals=st.integers(min_value=0, max_value=3),
    multiplier=st.sampled_from([("", 0), ("万", 4), ("億", 8)]),
)
def test_value_and_step_match_decimal_arithmetic(integer: int, decimals: int, multiplier: tuple[str, int]) -> None:
    # The oracle is Decimal on the printed digits, computed independently of the parser.
    digits = Decimal(integer).scaleb(-decimals)
    printed = f"{digits:,f}{multiplier[0]}件"
    figure = parse_figure(printed)
    assert figure.value == digits.scaleb(multiplier[1])
    rounded = decimals > 0 or multiplier[1] > 0
    assert figure.step == (Decimal(1).scaleb(multiplier[1] - decimals) if rounded else 0)


@given(mantissa=st.integers(min_value=1, max_value=999), zeros=st.integers(min_value=0, max_value=5))
def test_about_reads_the_last_significant_digit(mantissa: int, zeros: int) -> None:
    assume(mantissa % 10 != 0)
    figure = parse_figure(f"約{mantissa * 10**zeros:,}人")
    assert figure.step == 10**zeros and figure.hedge is Hedge.ABOUT


figure_texts = st.builds(
    lambda digits, decimals, multiplier, unit: f"{digits:,}{decimals}{multiplier}{unit}",
    st.integers(min_value=0, max_value=10**15),
    st.sampled_from(["", ".0", ".5", ".25", ".125"]),
    st.sampled_from(["", "万", "億", "兆", "千万"]),
    st.sampled_from(
        ["", "件", "枚", "%", "PT", "ポイント", "倍", "万", "人以上", "以上件", "割", "台", "人台", "強", "%ポイント"]
    ),
)


@given(figure_texts)
def test_the_fast_path_reads_exactly_as_the_scanner(text: str) -> None:
    from dgcli.text.normalize import normalize
    from dgcli.text.numbers import _plain_figure, _Scanner

    cleaned = normalize(text)
    fast = _plain_figure(text, cleaned)
    try:
        slow = _Scanner(text, cleaned).figure()
    except ValueFormatError:
        assert fast is None
        return
    assert fast is None or fast == slow


@given(st.text(max_size=20))
def test_never_raises_anything_but_its_own_error(text: str) -> None:
    try:
        figure = parse_figure(text)
    except ValueFormatError:
        return
    assert figure.text == text


def test_the_first_figure_read_compiles_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    from dgcli.text import numbers

    monkeypatch.setattr(numbers, "_PLAIN", None)  # as in a fresh process: nothing read yet
    # 9,308万枚: 9,308 × 10^4 = 93,080,000, printed to 1万 (step 10,000), counter 枚, no hedge
    assert tuple(parse_figure("9,308万枚")) == ("9,308万枚", Decimal(93080000), Decimal(10000), "枚", Hedge.NONE, "")
    assert numbers._PLAIN is not None


@pytest.mark.parametrize("text", ["概算5", "ほ5万人", "お5", "XX5XX"])
def test_words_before_the_number_are_refused(text: str) -> None:
    # 概算, ほ, お begin like a prefix hedge (概ね, ほぼ, およそ) but are none; XX is no hedge, sign or digit
    with pytest.raises(ValueFormatError) as raised:
        parse_figure(text)
    assert str(raised.value).startswith(f"cannot read {text!r} as a figure: no number ("), str(raised.value)


def test_wari_beyond_a_binary_float_is_exact() -> None:
    # 9,007,199,254,740,993 = 2^53 + 1 (no binary float holds it) tenths: × 10% = 90,071,992,547,409,930%,
    # the last digit worth 1割 = 10%
    figure = parse_figure("9007199254740993割")
    assert (figure.value, figure.step, figure.unit, figure.hedge, figure.printed_unit) == (
        Decimal(90071992547409930),
        Decimal(10),
        "%",
        Hedge.NONE,
        "割",
    )
