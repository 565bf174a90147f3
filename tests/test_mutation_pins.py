"""Boundaries pinned: tightness and open ends of every interval the core computes, and the checks'
decisions at their edges. Each case was derived by hand from the definitions (the arithmetic is
beside it); scripts/mutation.sh showed which single-line changes to the core no other test noticed
(docs/mutation.md).
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal
from fractions import Fraction as F
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dgcli.check.claims import Rules, _threshold_target, check, verdict_for, verify
from dgcli.data.kinds import ClaimKind
from dgcli.data.loader import load_dataset
from dgcli.data.model import Claim, Direction, Verdict
from dgcli.text.intervals import (
    Interval,
    add,
    clamp,
    divide,
    figure_interval,
    hull,
    intersection,
    negate,
    percent_change,
    scale,
    share,
    shift,
    stands_for,
    subtract,
    total,
)
from dgcli.text.numbers import Figure, Hedge, Rounding, parse_figure

HALF_UP, HALF_DOWN, DOWN, UP, NEAREST = (
    Rounding.HALF_UP,
    Rounding.HALF_DOWN,
    Rounding.DOWN,
    Rounding.UP,
    Rounding.NEAREST,
)
MODES = {HALF_UP: ROUND_HALF_UP, HALF_DOWN: ROUND_HALF_DOWN, DOWN: ROUND_DOWN, UP: ROUND_UP}


def whole(interval: Interval) -> tuple[object, ...]:
    return tuple(interval)


# ── what a printed figure stands for: tight, with the right ends open ────────────────────────


def printed(x: Decimal, step: Decimal, rule: Rounding) -> Decimal:
    """The reference: how a publisher prints x at this step (Decimal's own rounding; the sign is
    kept and the rule applies to the magnitude, as 四捨五入 of ▲5.5 is ▲6)."""
    magnitude = (abs(x) / step).quantize(Decimal(1), rounding=MODES[rule]) * step
    return -magnitude if x < 0 else magnitude


@given(
    digits=st.integers(min_value=-999, max_value=999),
    places=st.integers(min_value=0, max_value=2),
    rule=st.sampled_from([HALF_UP, HALF_DOWN, DOWN, UP]),
)
def test_a_printed_figure_stands_for_exactly_the_values_that_print_as_it(
    digits: int, places: int, rule: Rounding
) -> None:
    step = Decimal(1).scaleb(-places)
    value = Decimal(digits).scaleb(-places)
    text = f"{'▲' if value < 0 else ''}{abs(value):.{places}f}%"
    interval = figure_interval(parse_figure(text), rule)
    assert interval.low is not None and interval.high is not None
    tiny = step / 1000
    # Tight: each end is a value that prints as the figure (closed) or is approached by such values (open).
    for end, is_open, inward in (
        (interval.low, interval.low_open, tiny),
        (interval.high, interval.high_open, -tiny),
    ):
        at = Decimal(end.numerator) / Decimal(end.denominator)
        assert (printed(at, step, rule) == value) is not is_open, (text, rule, at)
        if interval.low != interval.high:
            assert printed(at + inward, step, rule) == value, (text, rule, at + inward)
            assert printed(at - inward, step, rule) != value, (text, rule, at - inward)
        else:  # a point: 0 raised away from zero prints only for 0
            assert printed(at + tiny, step, rule) != value and printed(at - tiny, step, rule) != value
    assert interval.contains(F(value)) or (interval.low == interval.high == 0)


@pytest.mark.parametrize(
    ("text", "rule", "expected"),
    [
        # a printed zero: values on both sides print as it
        ("0%", HALF_UP, (F(-1, 2), F(1, 2), True, True, F(0))),  # ±0.5 round away from zero
        ("0%", HALF_DOWN, (F(-1, 2), F(1, 2), False, False, F(0))),  # ±0.5 round to zero
        ("0%", DOWN, (F(-1), F(1), True, True, F(0))),  # truncated: (−1, 1)
        ("0%", UP, (F(0), F(0), False, False, F(0))),
        ("0.0%", HALF_UP, (F(-1, 20), F(1, 20), True, True, F(0))),
        # hedges, with their points: 約 keeps its value; bounds have none
        ("約9,300万", HALF_UP, (F(92_500_000), F(93_500_000), False, False, F(93_000_000))),
        ("8割近く", HALF_UP, (F(75), F(80), False, False, None)),
        ("5割弱", HALF_UP, (F(40), F(50), True, True, None)),
        ("3割強", HALF_UP, (F(30), F(40), True, True, None)),
        ("4万人超", HALF_UP, (F(40_000), F(50_000), True, True, None)),
        ("3万人台", HALF_UP, (F(30_000), F(40_000), False, True, None)),
        ("4,000以上", HALF_UP, (F(4000), None, False, False, None)),
        ("100件以下", HALF_UP, (None, F(100), False, False, None)),
        ("10%未満", HALF_UP, (None, F(10), False, True, None)),
        ("過半数", HALF_UP, (F(50), F(100), True, False, None)),
        ("二桁", HALF_UP, (F(10), F(100), False, True, None)),
        ("566企業", HALF_UP, (F(566), F(566), False, False, F(566))),
        ("9,308万", HALF_UP, (F(93_075_000), F(93_085_000), False, True, F(93_080_000))),
        ("▲5%", HALF_UP, (F(-11, 2), F(-9, 2), True, False, F(-5))),  # ▲5.5 prints ▲6, ▲4.5 prints ▲5
        ("▲5%", DOWN, (F(-6), F(-5), True, False, F(-5))),
        ("約▲5%", HALF_UP, (F(-11, 2), F(-9, 2), False, False, F(-5))),
    ],
)
def test_every_field_of_what_a_figure_stands_for(text: str, rule: Rounding, expected: tuple[object, ...]) -> None:
    assert whole(figure_interval(parse_figure(text), rule)) == expected


def test_nearest_is_shown_as_the_hull_of_both_tie_directions() -> None:
    # 9,308万 read either way: both ends possible (93,075,000 rounds up to it, 93,085,000 down to it)
    assert whole(stands_for(parse_figure("9,308万"), NEAREST)) == (
        F(93_075_000),
        F(93_085_000),
        False,
        False,
        F(93_080_000),
    )
    # ▲5%: (−5.5, −4.5] under half_up and [−5.5, −4.5) under half_down: the hull is closed, no point kept
    assert whole(stands_for(parse_figure("▲5%"), NEAREST))[:4] == (F(-11, 2), F(-9, 2), False, False)
    assert whole(stands_for(parse_figure("9,308万"), DOWN)) == whole(figure_interval(parse_figure("9,308万"), DOWN))


# ── interval arithmetic, field by field ─────────────────────────────────────────────────────


A = Interval(F(1), F(2), True, False, F(3, 2))  # (1, 2]
B = Interval(F(10), F(20), False, True, F(15))  # [10, 20)


def test_contains_and_within_at_the_ends() -> None:
    assert not A.contains(F(1)) and A.contains(F(2)) and B.contains(F(10)) and not B.contains(F(20))
    assert Interval(None, F(5)).contains(F(-(10**9))) and Interval(F(5), None).contains(F(10**9))
    closed = Interval(F(1), F(2))
    assert A.within(closed) and not closed.within(A)  # (1, 2] ⊂ [1, 2], not the other way
    assert Interval(F(10), F(20), True, True).within(B) and not Interval(F(10), F(20)).within(B)
    assert closed.within(Interval(None, None)) and not Interval(None, F(2)).within(closed)
    assert not Interval(F(1), None).within(closed)
    assert Interval(F(0), F(3)).within(Interval(F(0), F(3))) and not Interval(F(0), F(4)).within(Interval(F(0), F(3)))
    assert not Interval(F(-1), F(3)).within(Interval(F(0), F(3)))


def test_intersection_and_hull_keep_the_right_ends() -> None:
    assert whole(intersection(A, Interval(F(1), F(2)))) == (F(1), F(2), True, False, None)
    assert whole(intersection(Interval(F(1), F(2)), A)) == (F(1), F(2), True, False, None)
    assert whole(intersection(Interval(F(0), F(5), False, True), Interval(F(1), F(6), True, False))) == (
        F(1),
        F(5),
        True,
        True,
        None,
    )
    assert whole(intersection(Interval(None, F(5)), Interval(F(1), None, True))) == (F(1), F(5), True, False, None)
    assert intersection(Interval(F(0), F(1), False, True), Interval(F(1), F(2))).empty  # [0, 1) ∩ [1, 2]
    assert not intersection(Interval(F(0), F(1)), Interval(F(1), F(2))).empty  # they meet at 1
    assert whole(hull(A, B)) == (F(1), F(20), True, True, F(3, 2))
    assert whole(hull(B, A)) == (F(1), F(20), True, True, F(15))
    assert whole(hull(Interval(F(1), F(2), True, True), Interval(F(1), F(2), False, True)))[:4] == (
        F(1),
        F(2),
        False,
        True,
    )
    assert whole(hull(A, Interval(None, F(0)))) == (None, F(2), False, False, F(3, 2))
    assert whole(hull(A, Interval(F(0), None))) == (F(0), None, False, False, F(3, 2))


def test_sums_differences_scales_and_shifts_field_by_field() -> None:
    assert whole(add(A, B)) == (F(11), F(22), True, True, F(33, 2))
    assert whole(negate(A)) == (F(-2), F(-1), False, True, F(-3, 2))
    assert whole(negate(Interval(None, F(1)))) == (F(-1), None, False, False, None)
    assert whole(subtract(B, A)) == (F(8), F(19), False, True, F(27, 2))
    assert whole(shift(A, F(5))) == (F(6), F(7), True, False, F(13, 2))
    assert whole(scale(A, F(3))) == (F(3), F(6), True, False, F(9, 2))
    assert whole(scale(A, F(-3))) == (F(-6), F(-3), False, True, F(-9, 2))
    assert whole(scale(A, F(0))) == (F(0), F(0), True, False, F(0))
    assert whole(scale(Interval(F(1), None), F(2))) == (F(2), None, False, False, None)
    assert whole(total([])) == (F(0), F(0), False, False, F(0))
    assert whole(total([A, A, B])) == (F(12), F(24), True, True, F(18))
    assert whole(add(A, Interval(F(0), None))) == (F(1), None, True, False, None)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # (1, 2] ÷ [10, 20): low 1/20 open (both ends open or excluded), high 2/10 closed (2 and 10 reached)
        (A, B, (F(1, 20), F(1, 5), True, False, F(1, 10))),
        # [10, 20) ÷ (1, 2]: low 10/2 closed, high 20/1 open
        (B, A, (F(5), F(20), False, True, F(10))),
        # an exact zero numerator: 0, reached, whatever the divisor
        (Interval.exact(F(0)), B, (F(0), F(0), False, False, F(0))),
        # a numerator reaching 0 (closed) with an unbounded divisor: 0 reached
        (Interval(F(0), F(1)), Interval(F(1), None), (F(0), F(1), False, False, None)),
        # a numerator above 0 with an unbounded divisor: 0 only approached
        (Interval(F(1), F(2)), Interval(F(1), None), (F(0), F(2), True, False, None)),
        # a divisor reaching 0: no upper bound
        (B, Interval(F(0), F(1)), (F(10), None, False, False, None)),
        # a divisor whose point is 0 gives no point
        (B, Interval(F(0), F(1), False, False, F(0)), (F(10), None, False, False, None)),
    ],
)
def test_division_field_by_field(a: Interval, b: Interval, expected: tuple[object, ...]) -> None:
    result = divide(a, b)
    assert result is not None and whole(result) == expected


def test_division_by_exact_zero_and_negative_operands() -> None:
    assert divide(B, Interval.exact(F(0))) is None
    assert percent_change(B, Interval.exact(F(0))) is None and share(B, Interval.exact(F(0))) is None
    with pytest.raises(AssertionError):
        divide(Interval(F(-1), F(1)), B)
    with pytest.raises(AssertionError):
        divide(B, Interval(F(-1), F(1)))
    with pytest.raises(AssertionError):
        divide(Interval(None, F(1)), B)


def test_percent_change_and_share_field_by_field() -> None:
    # [110, 110] over [100, 100]: +10%, exactly; 50 of 200 is 25%
    assert whole(percent_change(Interval.exact(F(110)), Interval.exact(F(100)))) == (  # type: ignore[arg-type]
        F(10),
        F(10),
        False,
        False,
        F(10),
    )
    assert whole(share(Interval.exact(F(50)), Interval.exact(F(200)))) == (F(25), F(25), False, False, F(25))  # type: ignore[arg-type]


@given(
    a=st.fractions(min_value=0, max_value=100, max_denominator=10),
    b=st.fractions(min_value=0, max_value=100, max_denominator=10),
    c=st.fractions(min_value=1, max_value=100, max_denominator=10),
    d=st.fractions(min_value=1, max_value=100, max_denominator=10),
    opens=st.tuples(st.booleans(), st.booleans(), st.booleans(), st.booleans()),
)
def test_a_quotients_ends_are_reached_exactly_when_both_operands_ends_are(
    a: F, b: F, c: F, d: F, opens: tuple[bool, bool, bool, bool]
) -> None:
    x = Interval(min(a, b), max(a, b), opens[0] and a != b, opens[1] and a != b)
    y = Interval(min(c, d), max(c, d), opens[2] and c != d, opens[3] and c != d)
    assert x.low is not None and x.high is not None and y.low is not None and y.high is not None
    result = divide(x, y)
    assert result is not None and result.low is not None and result.high is not None
    # Tight: the ends are the quotients of the operands' ends…
    assert result.high == x.high / y.low
    assert result.low == (0 if x.low == 0 and not x.low_open else x.low / y.high)
    # …reached exactly when the ends they come from are (a member attains it).
    assert result.high_open == (x.high != 0 and (x.high_open or y.low_open))  # 0 ÷ anything is 0, reached
    if not (x.low == 0 and not x.low_open):
        assert result.low_open == (x.low_open or y.high_open)


def test_clamping_keeps_counts_and_shares_possible() -> None:
    assert clamp(A, F(0), None) is A
    assert clamp(A, F(0), F(2)) is A
    below = Interval(F(-1), F(5), True, True, F(2))
    assert whole(clamp(below, F(0), None)) == (F(0), F(5), False, True, F(2))
    above = Interval(F(99), F(101), False, True, F(100))  # 100% printed, [99.5, 100.5) and the like
    assert whole(clamp(above, F(0), F(100))) == (F(99), F(100), False, False, F(100))
    assert whole(clamp(Interval(F(1), None), F(0), F(100))) == (F(1), F(100), False, False, None)
    assert whole(clamp(Interval(F(0), F(1)), F(0), None)) == (F(0), F(1), False, False, None)


# ── the checks at their edges ───────────────────────────────────────────────────────────────


def _claim(kind: ClaimKind, stated: str, direction: Direction | None = None) -> Claim:
    return Claim("c", kind, stated, ("m",), 1, stated=parse_figure(stated), direction=direction)


def test_a_change_that_reaches_zero_is_no_wrong_direction() -> None:
    # The figures allow a change in [−1%, 0%]: 5% stated misses it, but a fall is not certain (0 is no fall).
    claim = _claim(ClaimKind.PERCENT_CHANGE, "5%")
    target = figure_interval(claim.stated, HALF_UP)  # type: ignore[arg-type]
    result = verdict_for(claim, Interval(F(-1), F(0), point=F(-1, 2)), target, claim.stated)  # type: ignore[arg-type]
    assert result.verdict is Verdict.INCONSISTENT and "direction" not in result.reason
    falls = verdict_for(claim, Interval(F(-1), F(-1, 10), point=F(-1, 2)), target, claim.stated)  # type: ignore[arg-type]
    assert falls.verdict is Verdict.GROSS and falls.reason.startswith("wrong direction")
    # and a fall stated against a rise: ▲5% = (−5.5, −4.5] for figures giving [0.1%, 1%]
    down = _claim(ClaimKind.PERCENT_CHANGE, "▲5%")
    rise = verdict_for(down, Interval(F(1, 10), F(1)), figure_interval(down.stated, HALF_UP), down.stated)  # type: ignore[arg-type]
    assert rise.verdict is Verdict.GROSS and rise.reason.startswith("wrong direction")
    touching = verdict_for(down, Interval(F(0), F(1)), figure_interval(down.stated, HALF_UP), down.stated)  # type: ignore[arg-type]
    assert touching.verdict is Verdict.INCONSISTENT


def test_an_oku_slip_is_gross() -> None:
    # 5.6億 = 560,000,000 restated as 5.6: off by 10^8 (5.55–5.65 holds 560,000,000 ÷ 10^8 = 5.6)
    claim = _claim(ClaimKind.RESTATEMENT, "5.6回")
    target = figure_interval(claim.stated, HALF_UP)  # type: ignore[arg-type]
    result = verdict_for(claim, Interval.exact(F(560_000_000)), target, claim.stated)  # type: ignore[arg-type]
    assert result.verdict is Verdict.GROSS and "10^8" in result.reason
    # 万 for 億 (10^4) and a percent for a ratio (10^2) are slips too
    man = _claim(ClaimKind.RESTATEMENT, "5.6万回")
    slipped = verdict_for(man, Interval.exact(F(560_000_000)), figure_interval(man.stated, HALF_UP), man.stated)  # type: ignore[arg-type]
    assert slipped.verdict is Verdict.GROSS and "10^4" in slipped.reason
    # …but 10^5 is none of them: 5.6 for 560,000 × 1 … 5.6 × 10^5 = 560,000 stays inconsistent
    odd = _claim(ClaimKind.RESTATEMENT, "5.6回")
    other = verdict_for(odd, Interval.exact(F(560_000)), figure_interval(odd.stated, HALF_UP), odd.stated)  # type: ignore[arg-type]
    assert other.verdict is Verdict.INCONSISTENT


def test_a_ratio_quoted_as_a_change_and_a_change_as_a_ratio_are_gross() -> None:
    change = _claim(ClaimKind.PERCENT_CHANGE, "160%")
    computed = Interval(F(59), F(61), point=F(60))  # +60%: the ratio is 160%
    result = verdict_for(change, computed, figure_interval(change.stated, HALF_UP), change.stated)  # type: ignore[arg-type]
    assert result.verdict is Verdict.GROSS and "ratio new ÷ old" in result.reason
    ratio = _claim(ClaimKind.RATIO, "0.6倍")
    computed = Interval(F(159, 100), F(161, 100), point=F(8, 5))  # 1.6倍: the increase is 0.6
    result = verdict_for(ratio, computed, figure_interval(ratio.stated, HALF_UP), ratio.stated)  # type: ignore[arg-type]
    assert result.verdict is Verdict.GROSS and "increase new ÷ old − 1" in result.reason


def test_a_bare_threshold_is_a_closed_floor(tmp_path: Path) -> None:
    # 100 → 110 exact counts: +10% exactly, which is "10% or more"
    path = tmp_path / "indicators.yaml"
    path.write_text(
        """schema_version: "2"
sources: [{id: s, title: t, publisher: p}]
groups: [{id: g, title: g}]
sections:
  - id: x
    title: x
    group: g
    metrics:
      - id: m
        name: m
        name_en: m
        unit: 件
        observations:
          - {period: 2024年7月, value: 110件}
          - {period: 2023年7月, value: 100件}
        claims:
          - {id: t, kind: threshold, text: 2023年7月から10%以上伸び, from: 2023年7月, stated: 10%}
          - {id: d, kind: threshold, text: 2023年7月から10%減少, from: 2023年7月, stated: 10%, direction: down}
""",
        encoding="utf-8",
    )
    dataset = load_dataset(path)
    results = {r.claim.id: r for r in verify(dataset)}
    assert results["t"].verdict is Verdict.CONSISTENT
    assert results["d"].verdict is Verdict.GROSS  # +10% is no fall of 10%
    floor = _threshold_target(dataset.metrics["m"].claims[0], Rules(dataset))
    assert whole(floor) == (F(10), None, False, False, None)
    assert whole(_threshold_target(dataset.metrics["m"].claims[1], Rules(dataset))) == (
        None,
        F(-10),
        False,
        False,
        None,
    )


def test_observed_shares_are_capped_at_100_and_counts_at_0(tmp_path: Path) -> None:
    path = tmp_path / "indicators.yaml"
    path.write_text(
        """schema_version: "2"
sources: [{id: s, title: t, publisher: p, rounding: half_up}]
groups: [{id: g, title: g}]
sections:
  - id: x
    title: x
    group: g
    metrics:
      - id: p
        name: p
        name_en: p
        unit: "%"
        observations:
          - {period: 2024年7月, value: 100%}
      - id: c
        name: c
        name_en: c
        unit: 件
        observations:
          - {period: 2024年7月, value: 0件}
      - id: r
        name: r
        name_en: r
        unit: "%"
        share: false
        observations:
          - {period: 2024年7月, value: 100%}
""",
        encoding="utf-8",
    )
    dataset = load_dataset(path)
    rules = Rules(dataset)
    share_observation = dataset.metrics["p"].observations[0]
    # 100% under 四捨五入 is [99.5%, 100.5%); a share is at most 100%, reached
    assert whole(rules.observed(share_observation, share_observation.figure)) == (
        F(199, 2),
        F(100),
        False,
        False,
        F(100),
    )
    # a rate that is no share keeps its whole interval
    rate = dataset.metrics["r"].observations[0]
    assert whole(rules.observed(rate, rate.figure)) == (F(199, 2), F(201, 2), False, True, F(100))


def test_nearest_tries_both_tie_directions(tmp_path: Path) -> None:
    # 52.45% printed to 0.01 beside a restated 52.4%: with ties up 52.4% is [52.35, 52.45), which misses
    # the printed 52.45 (only [52.445, 52.45) of 52.45%'s interval is in it: within_rounding); with ties down
    # 52.4% is (52.35, 52.45], which holds 52.45 itself: consistent. The better reading stands.
    path = tmp_path / "indicators.yaml"
    path.write_text(
        """schema_version: "2"
sources: [{id: s, title: t, publisher: p}]
groups: [{id: g, title: g}]
sections:
  - id: x
    title: x
    group: g
    metrics:
      - id: m
        name: m
        name_en: m
        unit: "%"
        observations:
          - {period: 2024年7月, value: 52.45%}
        claims:
          - {id: r, kind: restatement, text: 52.4%, stated: 52.4%}
""",
        encoding="utf-8",
    )
    dataset = load_dataset(path)
    result = check(dataset.metrics["m"].claims[0], dataset)
    assert result.verdict is Verdict.CONSISTENT
    ties_up = Rules(dataset, {"s": HALF_UP})
    observation = dataset.metrics["m"].observations[0]
    assert not ties_up.stated(dataset.metrics["m"].claims[0], parse_figure("52.4%")).contains(F("52.45"))
    assert ties_up.observed(observation, observation.figure).point == F("52.45")


def test_the_triangle_is_a_minus_sign() -> None:
    for text in ("△5%", "▲5%", "-5%", "−5%"):
        figure = parse_figure(text)
        assert figure.value == Decimal(-5) and figure.negative, text
    assert parse_figure("+5%").value == Decimal(5)
    assert figure_interval(parse_figure("△5%"), HALF_UP).high == F(-9, 2)


def test_a_plain_figure_is_not_hedged() -> None:
    assert parse_figure("5%") == Figure("5%", Decimal(5), Decimal(1), "%", Hedge.NONE)


# ── reading published figures: every field, and every refusal in its own words ───────────────

PCT, NONE_ = "%", Hedge.NONE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (value, step, unit, hedge, printed unit): step is the worth of the last printed digit
        ("過半数", (Decimal(50), Decimal(0), PCT, Hedge.MAJORITY, "過半数")),
        ("半数", (Decimal(50), Decimal(10), PCT, NONE_, "半数")),  # half: 5割, a tenth's precision
        ("7割", (Decimal(70), Decimal(10), PCT, NONE_, "割")),
        ("7割5分", (Decimal(75), Decimal(1), PCT, NONE_, "割")),
        ("7割5分3厘", (Decimal("75.3"), Decimal("0.1"), PCT, NONE_, "割")),
        ("七割", (Decimal(70), Decimal(10), PCT, NONE_, "割")),
        ("▲2割", (Decimal(-20), Decimal(10), PCT, NONE_, "割")),
        ("二倍", (Decimal(2), Decimal(1), "倍", NONE_, "")),  # a ratio is always rounded
        ("二桁", (Decimal(10), Decimal(0), "", Hedge.DIGITS, "桁")),  # 10 up to 99
        ("3桁", (Decimal(100), Decimal(0), "", Hedge.DIGITS, "桁")),
        ("1億2,400万", (Decimal(124_000_000), Decimal(10_000), "", NONE_, "")),
        ("1万2,345", (Decimal(12_345), Decimal(0), "", NONE_, "")),  # down to units: exact
        ("5.1億", (Decimal(510_000_000), Decimal(10_000_000), "", NONE_, "")),
        ("3千万人", (Decimal(30_000_000), Decimal(10_000_000), "人", NONE_, "")),
        ("約9,300万", (Decimal(93_000_000), Decimal(1_000_000), "", Hedge.ABOUT, "")),  # 約: to the last non-zero
        ("およそ50人", (Decimal(50), Decimal(10), "人", Hedge.ABOUT, "")),
        ("4,000以上システム", (Decimal(4000), Decimal(1000), "システム", Hedge.AT_LEAST, "")),
        ("3,000台", (Decimal(3000), Decimal(0), "台", NONE_, "")),  # a bare 台 is a counter
        ("50%台", (Decimal(50), Decimal(10), PCT, Hedge.RANGE, "")),
        ("3万人台", (Decimal(30_000), Decimal(10_000), "人", Hedge.RANGE, "")),
        ("8割に近い", (Decimal(80), Decimal(10), PCT, Hedge.NEARLY, "割")),
        ("2.9ポイント", (Decimal("2.9"), Decimal("0.1"), "PT", NONE_, "ポイント")),
        ("2.9%ポイント", (Decimal("2.9"), Decimal("0.1"), "PT", NONE_, "%ポイント")),
        ("50パーセント", (Decimal(50), Decimal(1), PCT, NONE_, "パーセント")),
        ("0件", (Decimal(0), Decimal(0), "件", NONE_, "")),
        ("566企業", (Decimal(566), Decimal(0), "企業", NONE_, "")),
        ("９，３０８万枚", (Decimal(93_080_000), Decimal(10_000), "枚", NONE_, "")),  # full-width as printed
        ("+5%", (Decimal(5), Decimal(1), PCT, NONE_, "")),
        ("9,308 万枚", (Decimal(93_080_000), Decimal(10_000), "枚", NONE_, "")),  # a space inside is no gap
        ("約二倍", (Decimal(2), Decimal(1), "倍", Hedge.ABOUT, "")),  # about 2: to the nearest 1
        ("約10.5万", (Decimal(105_000), Decimal(1_000), "", Hedge.ABOUT, "")),  # decimals: their last digit
        ("約10割", (Decimal(100), Decimal(100), PCT, Hedge.ABOUT, "割")),  # 約: to the last non-zero digit
        ("7割五分", (Decimal(75), Decimal(1), PCT, NONE_, "割")),
        ("7割9分", (Decimal(79), Decimal(1), PCT, NONE_, "割")),
        ("約10割5分", (Decimal(105), Decimal(1), PCT, Hedge.ABOUT, "割")),  # 分 printed: to the 分, whatever 10's zero
        ("1桁", (Decimal(1), Decimal(0), "", Hedge.DIGITS, "桁")),
        ("30桁", (Decimal(10) ** 29, Decimal(0), "", Hedge.DIGITS, "桁")),
        ("3万システム台", (Decimal(30_000), Decimal(10_000), "システム", Hedge.RANGE, "")),
        ("5X", (Decimal(5), Decimal(0), "X", NONE_, "")),
        # more digits than Decimal's default 28: read exactly, by either reader
        ("1" * 35 + "万", (Decimal("1" * 35 + "0000"), Decimal(10_000), "", NONE_, "")),
        ("約" + "1" * 35 + "万", (Decimal("1" * 35 + "0000"), Decimal(10_000), "", Hedge.ABOUT, "")),
        ("1" * 1000 + "件以上", (Decimal("1" * 1000), Decimal(1), "件", Hedge.AT_LEAST, "")),
    ],
)
def test_every_field_of_a_read_figure(text: str, expected: tuple[object, ...]) -> None:
    figure = parse_figure(text)
    assert (figure.value, figure.step, figure.unit, figure.hedge, figure.printed_unit) == expected
    assert figure.text == text


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "it is empty"),
        ("件", "no number"),
        ("9,30万", "misplaced comma in '9,30'"),
        ("1234,567", "misplaced comma in '1234,567'"),
        ("05件", "leading zero: write the figure as printed"),
        ("約過半数", "過半数 takes no other word"),
        ("過半数超", "過半数 takes no other word"),
        ("7.5割", "割 counts whole tenths: write 7割 or 7割5分"),
        ("二桁以上", "桁 counts the digits of a figure: write 二桁 or 3桁"),
        ("▲2桁", "桁 counts the digits of a figure: write 二桁 or 3桁"),
        ("0桁", "桁 counts the digits of a figure: write 二桁 or 3桁"),
        ("5万1億", "the parts of a compound figure go down from 億 to 万 to units"),
        ("1.5万3", "digits after a decimal figure"),
        ("1" * 1001, "more than 1000 digits"),
        ("1" * 1000 + ".1", "more than 1000 digits"),
        ("5%増", "unexpected '増' after %"),
        ("5割増", "unexpected '増' after 割"),
        ("約5%以上", "one hedge word at a time"),
        ("5件:", "'件:' is not a unit"),
        ("1,000,", "',' is not a unit"),  # a trailing comma is no part of the number
        ("1万2万", "the parts of a compound figure go down from 億 to 万 to units"),
        ("1.5万34", "digits after a decimal figure"),
        ("1万割", "割 counts whole tenths: write 7割 or 7割5分"),
        ("7割5厘", "unexpected '5厘' after 割"),  # 厘 only after 分
        ("7割十分", "unexpected '十分' after 割"),  # 分 counts 0–9
        ("31桁", "桁 counts the digits of a figure: write 二桁 or 3桁"),
    ],
)
def test_every_refusal_says_why(text: str, words: str) -> None:
    from dgcli.errors import ValueFormatError
    from dgcli.text.numbers import FIGURE_HINT

    with pytest.raises(ValueFormatError) as raised:
        parse_figure(text)
    assert str(raised.value) == f"cannot read {text!r} as a figure: {words} ({FIGURE_HINT})"


def test_a_thousand_digits_are_read_and_more_are_not() -> None:
    from dgcli.errors import ValueFormatError

    assert parse_figure("1" * 1000).value == Decimal("1" * 1000)
    assert parse_figure("1" * 999 + ".1").value == Decimal("1" * 999 + ".1")  # 1,000 digits with the decimal
    with pytest.raises(ValueFormatError, match="more than 1000 digits"):
        parse_figure("1" * 1001)


@pytest.mark.parametrize(("char", "name"), [("٥", "U+0665 ARABIC-INDIC DIGIT FIVE"), ("⁵", "U+2075 SUPERSCRIPT FIVE")])
def test_only_ascii_and_full_width_digits(char: str, name: str) -> None:
    from dgcli.errors import ValueFormatError

    with pytest.raises(ValueFormatError) as raised:
        parse_figure(f"{char}件")
    assert str(raised.value) == f"{char!r} ({name}) is not an ASCII or full-width digit: write 0-9"
    with pytest.raises(ValueFormatError, match=r"U\+3359 .*is not an ASCII or full-width digit"):
        parse_figure("㍙件")  # a symbol NFKC turns into digits (1点)
    assert parse_figure("５件").value == 5
    # ௰ (Tamil ten) is a number but no digit, and NFKC leaves it as it is: refused by its category
    with pytest.raises(ValueFormatError, match=r"U\+0BF0 TAMIL NUMBER TEN\) is not an ASCII or full-width digit"):
        parse_figure("௰件")


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("half_up", HALF_UP),
        ("nearest", NEAREST),
        ("小数点第二位を四捨五入", HALF_UP),
        ("五捨六入", HALF_DOWN),
        ("千人未満切り捨て", DOWN),
        ("切捨て", DOWN),
        ("切り下げ", DOWN),
        ("切り上げ", UP),
        ("切上げ", UP),
        (" down ", DOWN),
    ],
)
def test_rounding_rules_by_name_or_note(text: str, rule: Rounding) -> None:
    from dgcli.text.numbers import parse_rounding

    assert parse_rounding(text) is rule


def test_rounding_notes_that_name_no_rule_or_two() -> None:
    from dgcli.errors import ValueFormatError
    from dgcli.text.numbers import ROUNDING_HINT, parse_rounding

    with pytest.raises(ValueFormatError) as raised:
        parse_rounding("人数は切り捨て、増減率は四捨五入")
    assert str(raised.value) == (
        "rounding note '人数は切り捨て、増減率は四捨五入' names more than one rule; give the figures' rule here "
        f"({ROUNDING_HINT}) and a claim rounded otherwise (増減率は四捨五入) its own rounding:"
    )
    with pytest.raises(ValueFormatError) as unknown:
        parse_rounding("適当")
    assert str(unknown.value) == f"cannot tell the rounding rule from '適当'; {ROUNDING_HINT}"


def test_the_scale_a_figure_was_printed_in() -> None:
    from dgcli.text.numbers import scale_of

    assert scale_of(parse_figure("5.6億回")) == (10**8, "億")
    assert scale_of(parse_figure("9,308万枚")) == (10**4, "万")
    assert scale_of(parse_figure("1兆円")) == (10**12, "兆")
    assert scale_of(parse_figure("566企業")) == (1, "")


# ── periods: every field, and every refusal in its own words ─────────────────────────────────


@pytest.mark.parametrize(
    ("text", "key", "first", "last", "kind"),
    [
        ("2024", "2024", "2024-01-01", "2024-12-31", "year"),
        ("2024-07", "2024-07", "2024-07-01", "2024-07-31", "month"),
        ("2024-02-29", "2024-02-29", "2024-02-29", "2024-02-29", "day"),
        ("2023年", "2023", "2023-01-01", "2023-12-31", "year"),
        ("2023年末", "2023-12-31", "2023-12-31", "2023-12-31", "day"),
        ("2023年度", "FY2023", "2023-04-01", "2024-03-31", "fiscal_year"),
        ("FY2023", "FY2023", "2023-04-01", "2024-03-31", "fiscal_year"),
        ("2023年度末", "2024-03-31", "2024-03-31", "2024-03-31", "day"),
        ("2024年2月末", "2024-02-29", "2024-02-29", "2024-02-29", "day"),  # a leap year
        ("2023年2月末", "2023-02-28", "2023-02-28", "2023-02-28", "day"),
        ("1900年2月末", "1900-02-28", "1900-02-28", "1900-02-28", "day"),  # not a leap year (÷100)
        ("2000年2月末", "2000-02-29", "2000-02-29", "2000-02-29", "day"),  # a leap year (÷400)
        ("2024年7月30日時点", "2024-07-30", "2024-07-30", "2024-07-30", "day"),
        ("令和元年", "2019", "2019-01-01", "2019-12-31", "year"),
        ("令和5年度", "FY2023", "2023-04-01", "2024-03-31", "fiscal_year"),
        ("平成31年3月", "2019-03", "2019-03-01", "2019-03-31", "month"),
        ("令和6年(2024年)8月", "2024-08", "2024-08-01", "2024-08-31", "month"),
        ("2024年(令和6年)8月", "2024-08", "2024-08-01", "2024-08-31", "month"),
        ("2024年度上半期", "2024-04/2024-09", "2024-04-01", "2024-09-30", "range"),
        ("2024年度下半期", "2024-10/2025-03", "2024-10-01", "2025-03-31", "range"),
        ("2024年度第1四半期", "2024-04/2024-06", "2024-04-01", "2024-06-30", "range"),
        ("2024年度第4四半期", "2025-01/2025-03", "2025-01-01", "2025-03-31", "range"),
        ("2024年上半期", "2024-01/2024-06", "2024-01-01", "2024-06-30", "range"),
        ("2024年第2四半期", "2024-04/2024-06", "2024-04-01", "2024-06-30", "range"),
        ("2024年1-3月期", "2024-01/2024-03", "2024-01-01", "2024-03-31", "range"),
        ("2024年1〜3月", "2024-01/2024-03", "2024-01-01", "2024-03-31", "range"),
        ("2023年8月から2024年7月", "2023-08/2024-07", "2023-08-01", "2024-07-31", "range"),
        ("2023年11月から2月", "2023-11/2024-02", "2023-11-01", "2024-02-29", "range"),  # the next February
        ("2024年6月1日から30日", "2024-06-01/2024-06-30", "2024-06-01", "2024-06-30", "range"),
        ("2024年6月から7月末", "2024-06/2024-07-31", "2024-06-01", "2024-07-31", "range"),
        ("2022-2023", "2022/2023", "2022-01-01", "2023-12-31", "range"),
        ("2023-08/2024-07", "2023-08/2024-07", "2023-08-01", "2024-07-31", "range"),
        ("年間2023年", "2023", "2023-01-01", "2023-12-31", "year"),
        ("(2023年)", "2023", "2023-01-01", "2023-12-31", "year"),
        ("2024年8月時点の調査結果", "2024-08", "2024-08-01", "2024-08-31", "month"),
        ("累計年間2023年", "2023", "2023-01-01", "2023-12-31", "year"),  # two prefixes, in either order
        ("2023年時点現在", "2023", "2023-01-01", "2023-12-31", "year"),  # two suffixes
        ("(年間2023年)", "2023", "2023-01-01", "2023-12-31", "year"),
        ("令和元年(2019年)8月", "2019-08", "2019-08-01", "2019-08-31", "month"),
        ("2024年1月〜3月", "2024-01/2024-03", "2024-01-01", "2024-03-31", "range"),
        ("2024年度第2四半期", "2024-07/2024-09", "2024-07-01", "2024-09-30", "range"),
        ("2024年度第3四半期", "2024-10/2024-12", "2024-10-01", "2024-12-31", "range"),
        ("2024年第1四半期", "2024-01/2024-03", "2024-01-01", "2024-03-31", "range"),
        ("2024年第3四半期", "2024-07/2024-09", "2024-07-01", "2024-09-30", "range"),
        ("2024年第4四半期", "2024-10/2024-12", "2024-10-01", "2024-12-31", "range"),
        ("2024年下半期", "2024-07/2024-12", "2024-07-01", "2024-12-31", "range"),
    ],
)
def test_every_field_of_a_period(text: str, key: str, first: str, last: str, kind: str) -> None:
    from dgcli.text.periods import parse_period

    period = parse_period(text)
    assert (period.text, period.key, period.first_day, period.last_day, period.kind) == (text, key, first, last, kind)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "not a period: '' (write e.g."),
        ("時点", "not a period: '時点' (write e.g."),
        ("昨年度", "'昨年度' is relative to the publication, not a period: name the period it means"),
        ("3年前", "'3年前' is relative to the publication"),
        ("令和0年", "not a period: '令和0年': an era's first year is 元年"),
        ("令和6年(2023年)8月", "not a period: '令和6年(2023年)8月': 令和6年 is not 2023年"),
        ("2024年(令和5年)8月", "not a period: '2024年(令和5年)8月': 令和5年 is not 2024年"),
        ("令和年", "not a period: '令和年' (write e.g."),
        ("2024年13月", "month 13 out of range in period '2024年13月'"),
        ("2024年0月", "month 0 out of range in period '2024年0月'"),
        ("2023年2月29日", "day 29 out of range in period '2023年2月29日'"),
        ("1899年", "year 1899 out of range in period '1899年'"),
        ("3000年", "year 3000 out of range in period '3000年'"),
        ("2024年7月から2024年6月", "period '2024年7月から2024年6月' ends before it starts"),
        ("2024年7月から2024年7月", "period '2024年7月から2024年7月' ends before it starts"),
        ("2024年度第5四半期", "not a period: '2024年度第5四半期' (write e.g."),
        ("2024年第5四半期", "not a period: '2024年第5四半期' (write e.g."),
        ("2024年7月1週", "not a period: '2024年7月1週' (write e.g."),
        ("2024-7", "not a period: '2024-7' (write e.g."),
        ("24年", "not a period: '24年' (write e.g."),
        ("2024年から3日", "not a period: '2024年から3日' (write e.g."),
        ("2024年から3月", "not a period: '2024年から3月' (write e.g."),
        ("FY1899", "year 1899 out of range in period 'FY1899'"),
        ("1899-07", "year 1899 out of range in period '1899-07'"),
        ("2024-13", "month 13 out of range in period '2024-13'"),
        ("2024-13-01", "month 13 out of range in period '2024-13-01'"),
        ("2024年123月", "month 123 out of range in period '2024年123月'"),
        ("2024年13月から2025年1月", "month 13 out of range in period '2024年13月から2025年1月'"),
        ("2024-02-30", "day 30 out of range in period '2024-02-30'"),
        ("2024-02-3", "not a period: '2024-02-3' (write e.g."),
        ("2024-0X", "not a period: '2024-0X' (write e.g."),
        ("2023年13月末", "month 13 out of range in period '2023年13月末'"),
        ("2024年6月から13月", "month 13 out of range in period '2024年6月から13月'"),
        ("2024年6月1日から40日", "day 40 out of range in period '2024年6月1日から40日'"),
        ("2024年6月から6月", "period '2024年6月から6月' ends before it starts"),
        ("2024年7月1日から1日", "period '2024年7月1日から1日' ends before it starts"),
        ("(2023年", "not a period: '(2023年' (write e.g."),
        ("年前", "not a period: '年前' (write e.g."),
        ("2024年1X月", "not a period: '2024年1X月' (write e.g."),
        ("FY20234", "not a period: 'FY20234' (write e.g."),
        ("FYX023", "not a period: 'FYX023' (write e.g."),
        ("2024月", "not a period: '2024月' (write e.g."),
        ("2023年7日", "not a period: '2023年7日' (write e.g."),
        ("令和元年(2020年)8月", "not a period: '令和元年(2020年)8月': 令和元年 is not 2020年"),
        ("2000年度末から", "not a period: '2000年度末から' (write e.g."),
    ],
)
def test_every_period_refusal_says_why(text: str, message: str) -> None:
    from dgcli.errors import ValueFormatError
    from dgcli.text.periods import parse_period

    with pytest.raises(ValueFormatError) as raised:
        parse_period(text)
    assert str(raised.value).startswith(message), str(raised.value)


def test_days_and_their_numbers() -> None:
    from datetime import date

    from dgcli.text.periods import day_number, iso_day, parse_period

    for day in (date(1900, 1, 1), date(1900, 3, 1), date(2000, 2, 29), date(2024, 12, 31), date(2999, 12, 31)):
        assert day_number(day.year, day.month, day.day) == day.toordinal()
        assert iso_day(day.toordinal()) == day.isoformat()
    month, end = parse_period("2024年7月"), parse_period("2024年7月末")
    assert month.contains(end) and not end.contains(month) and month.contains(month)
    assert not parse_period("2024年7月").contains(parse_period("2024年8月1日"))
    assert month.sort_key < end.sort_key  # a month before its last day


def test_the_last_interval_edges() -> None:
    from dgcli.text.intervals import _hedged

    # An open flag on an unbounded side means nothing: the bounded side's own flag stands.
    assert whole(intersection(Interval(F(1), F(2)), Interval(None, None, True, True))) == (
        F(1),
        F(2),
        False,
        False,
        None,
    )
    assert whole(scale(Interval(None, F(1), point=None), F(2))) == (None, F(2), False, False, None)
    with pytest.raises(AssertionError, match=r"^divide takes non-negative values$"):
        divide(Interval(F(-1), F(1)), Interval(F(1), F(2)))
    # nearest keeps a hedge's own range: 8割近く is [75%, 80%] whichever way ties go, not 80% ± 5%
    assert whole(stands_for(parse_figure("8割近く"), NEAREST)) == (F(75), F(80), False, False, None)
    with pytest.raises(ValueError, match=r"^a concrete rounding rule is needed, not nearest$"):
        figure_interval(parse_figure("5.5%"), NEAREST)
    with pytest.raises(ValueError, match=r"^not a ranged hedge: at_least$"):
        _hedged(F(5), F(1), F(1, 2), Hedge.AT_LEAST)


# ── the checks' words: reasons derived by hand from the shipped figures ───────────────────────


@pytest.fixture(scope="module")
def shipped_results() -> dict[str, object]:
    from conftest import SHIPPED

    return {r.claim.id: r for r in verify(load_dataset(SHIPPED))}


@pytest.mark.parametrize(
    ("claim_id", "verdict", "reason", "rounding"),
    [
        # 9,308万 ÷ 8,904万 − 1 = 4.537% → 5%
        ("mynacard-change", "consistent", "the printed figures give 4.54%, which rounds to 5%", "nearest"),
        # 7,371万 ÷ 9,308万 = 79.19% → 79%
        (
            "health-insurance-card-share",
            "consistent",
            "the printed figures give 79.19%, which rounds to 79%",
            "nearest",
        ),
        # 753万 ÷ 478万 − 1 = 57.53%, not 57% = [56.5%, 57.5%); 752.5 ÷ 478.5 − 1 = 57.26%, 753.5 ÷ 477.5 − 1 = 57.80%
        (
            "etax-linkages-change",
            "within_rounding",
            "the printed figures give 57.53%, not 57% [56.5% – 57.5%); "
            "values within their rounding do: (57.26% – 57.8%)",
            "nearest",
        ),
        # 50.9 − 48.0 = 2.9PT; ends 50.85 − 48.05 = 2.8, 50.95 − 47.95 = 3.0
        (
            "headline-awareness-all-rose",
            "consistent",
            "approval: 48.0% → 50.9%, +2.9PT (2.8PT – 3PT): a rise",
            "half_up",
        ),
        # 7,371 ÷ 6,484 − 1 = 13.68%; 7,370.5 ÷ 6,484.5 − 1 = 13.66%, 7,371.5 ÷ 6,483.5 − 1 = 13.70%
        (
            "headline-insurance-fund-double-digit",
            "consistent",
            "health-insurance-card: 6,484万件 → 7,371万件 is 13.68% (13.66% – 13.7%): a rise of 二桁 [10% – 100%)",
            "nearest",
        ),
        ("common-services-count", "consistent", "the printed figures give 5, as stated", "nearest"),  # 5 listed
        ("headline-gss-joined", "consistent", "the printed figures give 10, as stated", "nearest"),  # 5 + 5 listed
        # 0.5億 + 5.1億 = 5.6億
        ("jpki-verifications-sum", "consistent", "the printed figures give 5.6億, which rounds to 5.6億回", "nearest"),
        # 48.0 + 36.6 + 15.3 = 99.9%: [99.75%, 100.05%) under 四捨五入 holds 100%
        (
            "approval-2023-07-sums-to-100",
            "within_rounding",
            "the printed figures give 99.9%, not 100%; values within their rounding do: [99.75% – 100.05%)",
            "half_up",
        ),
    ],
)
def test_the_reasons_say_what_the_arithmetic_gives(
    shipped_results: dict[str, object], claim_id: str, verdict: str, reason: str, rounding: str
) -> None:
    result = shipped_results[claim_id]
    assert (result.verdict.value, result.reason, result.rounding) == (verdict, reason, rounding)  # type: ignore[attr-defined]


def test_the_summary_line_counts_every_verdict() -> None:
    from dgcli.check.claims import Result, summary_line

    claim = _claim(ClaimKind.RESTATEMENT, "5%")
    one = [Result(claim, Verdict.CONSISTENT, "")]
    assert (
        summary_line(one)
        == "OK: 1 claim: 1 consistent, 0 within_rounding, 0 revised, 0 unverifiable, 0 inconsistent, 0 gross"
    )
    some = [*one, Result(claim, Verdict.WITHIN_ROUNDING, ""), Result(claim, Verdict.NOT_COMPARED, "")]
    assert summary_line(some) == (
        "OK: 3 claims: 1 consistent, 1 within_rounding, 0 revised, 0 unverifiable, 0 inconsistent, 0 gross; "
        "1 not compared"
    )
    assert summary_line(some, strict=True).startswith("FAIL (strict): 3 claims: ")
    failing = [*one, Result(claim, Verdict.GROSS, "")]
    assert summary_line(failing).startswith("FAIL: 2 claims: 1 consistent, ") and summary_line(failing).endswith(
        " 1 gross"
    )


def test_slips_upward_and_below_zero() -> None:
    # 5.6億 stated for 5,600,000 (5.6 × 10^6): ×100 is 560,000,000, inside 5.6億's (5.5億, 5.7億)
    up = _claim(ClaimKind.RESTATEMENT, "5.6億回")
    result = verdict_for(up, Interval.exact(F(5_600_000)), figure_interval(up.stated, HALF_UP), up.stated)  # type: ignore[arg-type]
    assert result.verdict is Verdict.GROSS and "10^2" in result.reason
    # figures allowing [−0.1%, 0%] against ▲5%: scaled, they still end at 0 — no factor is told apart
    down = _claim(ClaimKind.PERCENT_CHANGE, "▲5%")
    computed = Interval(F(-1, 10), F(0), point=F(-1, 20))
    touching = verdict_for(down, computed, figure_interval(down.stated, HALF_UP), down.stated)  # type: ignore[arg-type]
    assert touching.verdict is Verdict.INCONSISTENT and "factor" not in touching.reason


def test_two_sources_a_power_of_ten_apart_are_gross(tmp_path: Path) -> None:
    # 8,904万 and 890.4万 for one month: ×10, not a revision
    path = tmp_path / "indicators.yaml"
    path.write_text(
        """schema_version: "2"
sources: [{id: a, title: a, publisher: p}, {id: b, title: b, publisher: p}]
groups: [{id: g, title: g}]
sections:
  - id: x
    title: x
    group: g
    metrics:
      - id: m
        name: m
        name_en: m
        unit: 枚
        observations:
          - {period: 2023年7月, value: "8,904万枚"}
          - {period: 2023年7月, value: 890.4万枚, source: b}
""",
        encoding="utf-8",
    )
    (result,) = verify(load_dataset(path))
    assert result.verdict is Verdict.GROSS and "off by a factor of 10^1" in result.reason
