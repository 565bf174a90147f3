"""What a figure stands for under each rounding rule and hedge, and exact interval arithmetic."""

from __future__ import annotations

from fractions import Fraction as F

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from dgcli.text.intervals import Interval, divide, figure_interval, intersection, percent_change, subtract, total
from dgcli.text.numbers import Rounding, parse_figure

UP, DOWN, HALF_UP, HALF_DOWN = Rounding.UP, Rounding.DOWN, Rounding.HALF_UP, Rounding.HALF_DOWN


@pytest.mark.parametrize(
    ("text", "rule", "expected"),
    [
        # 9,308万 is 93,080,000 printed to 1万: under 四捨五入 [9,307.5万, 9,308.5万)
        ("9,308万", HALF_UP, Interval(F(93075000), F(93085000), False, True)),
        ("9,308万", HALF_DOWN, Interval(F(93075000), F(93085000), True, False)),
        ("9,308万", DOWN, Interval(F(93080000), F(93090000), False, True)),  # 切り捨て: [9,308万, 9,309万)
        ("9,308万", UP, Interval(F(93070000), F(93080000), True, False)),  # 切り上げ: (9,307万, 9,308万]
        ("50.9%", HALF_UP, Interval(F("50.85"), F("50.95"), False, True)),
        ("566企業", HALF_UP, Interval(F(566), F(566))),  # an exact count is a point under any rule
        ("566企業", DOWN, Interval(F(566), F(566))),
        ("▲5%", HALF_UP, Interval(F("-5.5"), F("-4.5"), True, False)),  # the rule applies to the magnitude
        ("約9,300万", HALF_UP, Interval(F(92500000), F(93500000))),  # nearest 100万, closed
        ("約3.5万", DOWN, Interval(F(34500), F(35500))),  # 約 is its own range whatever the rule
        ("8割近く", HALF_UP, Interval(F(75), F(80))),  # within half a step below 80%
        ("3割強", HALF_UP, Interval(F(30), F(40), True, True)),  # 端数を切り捨てた数: (30%, 40%); 30% is 3割
        ("5割弱", HALF_UP, Interval(F(40), F(50), True, True)),  # 端数を切り上げた数: (40%, 50%); 50% is 5割
        ("4万人超", HALF_UP, Interval(F(40000), F(50000), True, True)),  # more than 4万, by less than a step
        ("3万人台", HALF_UP, Interval(F(30000), F(40000), False, True)),
        ("4,000以上", HALF_UP, Interval(F(4000), None)),
        ("100件以下", HALF_UP, Interval(None, F(100))),
        ("10%未満", HALF_UP, Interval(None, F(10), False, True)),
        ("過半数", HALF_UP, Interval(F(50), F(100), True, False)),
        ("二桁", HALF_UP, Interval(F(10), F(100), False, True)),
        ("3.6倍", HALF_UP, Interval(F("3.55"), F("3.65"), False, True)),
    ],
)
def test_what_a_figure_stands_for(text: str, rule: Rounding, expected: Interval) -> None:
    got = figure_interval(parse_figure(text), rule)
    assert got[:4] == expected[:4]


def test_neighbouring_figures_touch_but_do_not_overlap_under_one_rule() -> None:
    # The typo of issue 8: 7,372万 written for 7,371万 must not pass as rounding.
    for rule in (HALF_UP, HALF_DOWN, UP, DOWN):
        one, other = (figure_interval(parse_figure(t), rule) for t in ("7,371万", "7,372万"))
        assert not one.overlaps(other), rule
    mixed = figure_interval(parse_figure("7,371万"), HALF_DOWN), figure_interval(parse_figure("7,372万"), HALF_UP)
    assert mixed[0].overlaps(mixed[1])  # only mixing tie directions would let it through


def test_percent_change_from_a_rounded_zero_is_unbounded() -> None:
    zero = figure_interval(parse_figure("0.0%"), HALF_UP)  # [-0.05, 0.05) is clamped by callers; here [0, 0.05)
    baseline = intersection(zero, Interval(F(0), None))
    change = percent_change(Interval.exact(F(1)), baseline)
    assert change is not None and change.high is None and change.low == F(1900)  # 1 ÷ 0.05 − 1 = 19 → 1900%


def test_percent_change_from_exact_zero_does_not_exist() -> None:
    assert percent_change(Interval.exact(F(5)), Interval.exact(F(0))) is None


points = st.fractions(min_value=0, max_value=10**6, max_denominator=1000)


def _interval(a: F, b: F, low_open: bool, high_open: bool) -> Interval:
    low, high = min(a, b), max(a, b)
    return Interval(low, high, low_open and low < high, high_open and low < high, (low + high) / 2)


def _member(interval: Interval, where: F) -> F:
    assert interval.low is not None and interval.high is not None
    return interval.low + (interval.high - interval.low) * where


intervals = st.builds(_interval, points, points, st.booleans(), st.booleans())
positions = st.fractions(min_value=0, max_value=1, max_denominator=97)


@given(a=intervals, b=intervals, x=positions, y=positions)
def test_arithmetic_contains_every_combination_of_members(a: Interval, b: Interval, x: F, y: F) -> None:
    # Oracle: pick exact members of each interval and combine them with plain Fraction arithmetic.
    u, v = _member(a, x), _member(b, y)
    assume(a.contains(u) and b.contains(v))
    assert total([a, b]).contains(u + v)
    assert subtract(a, b).contains(u - v)
    quotient = divide(a, b)
    if v != 0:
        assert quotient is not None and quotient.contains(u / v)


@given(a=intervals, b=intervals)
def test_the_bounds_of_a_sum_are_reached_only_when_both_ends_are(a: Interval, b: Interval) -> None:
    result = total([a, b])
    assert result.low == (a.low or 0) + (b.low or 0)
    assert result.low_open == (a.low_open or b.low_open)
    assert result.high_open == (a.high_open or b.high_open)


def test_an_interval_within_the_bounds_comes_back_unchanged() -> None:
    from dgcli.text.intervals import clamp

    # [0, ∞) is within [0, ∞): clamp returns it as it is, down to the flag of its unbounded side
    a = Interval(F(0), None, False, True, F(3))
    assert tuple(clamp(a, F(0), None)) == (F(0), None, False, True, F(3))
    # [0, 100%] within [0, 100%]
    b = Interval(F(0), F(100), False, False, F(50))
    assert tuple(clamp(b, F(0), F(100))) == (F(0), F(100), False, False, F(50))
