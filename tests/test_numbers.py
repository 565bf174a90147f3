from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dgcli.errors import ValueFormatError
from dgcli.numbers import parse_quantity


@pytest.mark.parametrize(
    ("text", "value", "half_width", "unit", "approximate"),
    [
        ("9,308万枚", "93080000", "5000", "枚", False),
        ("5.1億回", "510000000", "5000000", "回", False),
        ("0.5億回", "50000000", "5000000", "回", False),
        ("2.1億回", "210000000", "5000000", "回", False),
        ("約3.5万人", "35000", "500", "人", True),
        ("50.9%", "50.9", "0.05", "%", False),
        ("38.0%", "38.0", "0.05", "%", False),
        ("33%", "33", "0.5", "%", False),
        ("2.9PT", "2.9", "0.05", "PT", False),
        ("566企業", "566", "0", "企業", False),
        ("671", "671", "0", "", False),
        ("55,425名", "55425", "0", "名", False),
        ("3,353件", "3353", "0", "件", False),
        ("2.2万", "22000", "500", "", False),
        ("10万回", "100000", "5000", "回", False),
        ("-5%", "-5", "0.5", "%", False),
    ],
)
def test_parses_published_figures_exactly(text: str, value: str, half_width: str, unit: str, approximate: bool) -> None:
    quantity = parse_quantity(text)
    assert quantity.value == Decimal(value)
    assert quantity.half_width == Decimal(half_width)
    assert quantity.unit == unit
    assert quantity.approximate is approximate
    assert quantity.text == text
    assert quantity.exact is (Decimal(half_width) == 0)


def test_five_point_one_oku_is_not_a_binary_float() -> None:
    assert str(parse_quantity("5.1億").value) == "510000000"
    assert 5.1 * 10**8 != 510000000  # the trap this parser avoids


def test_full_width_digits_and_percent_are_normalised() -> None:
    assert parse_quantity("５０．９％").value == Decimal("50.9")


@pytest.mark.parametrize("text", ["", "no", "yes", ".inf", "NaN", "1:30", "1e3", "012", "9,30万", "万", "約", "1.2.3"])
def test_rejects_what_is_not_a_published_figure(text: str) -> None:
    with pytest.raises(ValueFormatError):
        parse_quantity(text)


@given(
    integer=st.integers(min_value=0, max_value=10**9),
    decimals=st.integers(min_value=0, max_value=3),
    multiplier=st.sampled_from([("", 1), ("万", 10**4), ("億", 10**8)]),
    approximate=st.booleans(),
)
def test_round_trip_from_printed_digits(
    integer: int, decimals: int, multiplier: tuple[str, int], approximate: bool
) -> None:
    digits = Decimal(integer).scaleb(-decimals)
    printed = f"{'約' if approximate else ''}{digits:,f}{multiplier[0]}件"
    quantity = parse_quantity(printed)
    assert quantity.value == digits * multiplier[1]
    rounded = approximate or decimals > 0 or multiplier[1] > 1
    expected_half = Decimal(multiplier[1]).scaleb(-decimals) / 2 if rounded else 0
    assert quantity.half_width == expected_half
    assert quantity.low <= quantity.value <= quantity.high


@given(st.text(max_size=20))
def test_never_raises_anything_but_its_own_error(text: str) -> None:
    try:
        quantity = parse_quantity(text)
    except ValueFormatError:
        return
    assert quantity.text == text
