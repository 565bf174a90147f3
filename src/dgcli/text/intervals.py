"""Exact interval arithmetic: what a printed figure stands for, and what the figures of a claim give.

Bounds are ``Fraction``s (exact rationals), each end open or closed, ``None`` for an unbounded side.
Half-open ends matter: under 四捨五入 ``9,308万`` is [9,307.5万, 9,308.5万) and ``9,309万`` is
[9,308.5万, 9,309.5万) — they touch but do not overlap, so one figure cannot pass for the other.
"""

import functools
from fractions import Fraction
from typing import NamedTuple

from dgcli.text.numbers import Figure, Hedge, Rounding

HUNDRED = Fraction(100)


class Interval(NamedTuple):
    """A set of admissible values, and the value the figures give as printed (``point``)."""

    low: Fraction | None  # None: no lower bound
    high: Fraction | None  # None: no upper bound
    low_open: bool = False
    high_open: bool = False
    point: Fraction | None = None  # None when a figure is only a bound (4,000以上) or a division by zero

    @classmethod
    def exact(cls, value: Fraction) -> "Interval":
        return cls(value, value, point=value)

    def contains(self, value: Fraction) -> bool:
        above = self.low is None or value > self.low or (value == self.low and not self.low_open)
        below = self.high is None or value < self.high or (value == self.high and not self.high_open)
        return above and below

    def overlaps(self, other: "Interval") -> bool:
        return not intersection(self, other).empty

    def within(self, other: "Interval") -> bool:
        """Every value of this interval is in ``other``."""
        low_ok = other.low is None or (
            self.low is not None
            and (self.low > other.low or (self.low == other.low and (self.low_open or not other.low_open)))
        )
        high_ok = other.high is None or (
            self.high is not None
            and (self.high < other.high or (self.high == other.high and (self.high_open or not other.high_open)))
        )
        return low_ok and high_ok

    @property
    def empty(self) -> bool:
        if self.low is None or self.high is None:
            return False
        return self.low > self.high or (self.low == self.high and (self.low_open or self.high_open))

    @property
    def bounded(self) -> bool:
        return self.low is not None and self.high is not None


def intersection(a: Interval, b: Interval) -> Interval:
    low, low_open = _tighter(a.low, a.low_open, b.low, b.low_open, larger=True)
    high, high_open = _tighter(a.high, a.high_open, b.high, b.high_open, larger=False)
    return Interval(low, high, low_open, high_open)


def _tighter(
    x: Fraction | None, x_open: bool, y: Fraction | None, y_open: bool, *, larger: bool
) -> tuple[Fraction | None, bool]:
    if x is None:
        return y, y_open
    if y is None or x == y:
        return x, x_open or (y_open if x == y else False)
    return (x, x_open) if (x > y) == larger else (y, y_open)


def hull(a: Interval, b: Interval) -> Interval:
    """The smallest interval holding both (used to show several rounding readings as one range)."""
    low, low_open = _looser(a.low, a.low_open, b.low, b.low_open, smaller=True)
    high, high_open = _looser(a.high, a.high_open, b.high, b.high_open, smaller=False)
    return Interval(low, high, low_open, high_open, a.point)


def _looser(
    x: Fraction | None, x_open: bool, y: Fraction | None, y_open: bool, *, smaller: bool
) -> tuple[Fraction | None, bool]:
    if x is None or y is None:
        return None, False
    if x == y:
        return x, x_open and y_open
    return (x, x_open) if (x < y) == smaller else (y, y_open)


def _add(x: Fraction | None, y: Fraction | None) -> Fraction | None:
    return None if x is None or y is None else x + y


def add(a: Interval, b: Interval) -> Interval:
    point = None if a.point is None or b.point is None else a.point + b.point
    return Interval(
        _add(a.low, b.low), _add(a.high, b.high), a.low_open or b.low_open, a.high_open or b.high_open, point
    )


def total(items: list[Interval]) -> Interval:
    result = Interval.exact(Fraction(0))
    for item in items:
        result = add(result, item)
    return result


def negate(a: Interval) -> Interval:
    return Interval(
        None if a.high is None else -a.high,
        None if a.low is None else -a.low,
        a.high_open,
        a.low_open,
        None if a.point is None else -a.point,
    )


def subtract(a: Interval, b: Interval) -> Interval:
    return add(a, negate(b))


def shift(a: Interval, offset: Fraction) -> Interval:
    return add(a, Interval.exact(offset))


def scale(a: Interval, factor: Fraction) -> Interval:
    if factor < 0:
        return scale(negate(a), -factor)
    return Interval(
        None if a.low is None else a.low * factor,
        None if a.high is None else a.high * factor,
        a.low_open,
        a.high_open,
        None if a.point is None else a.point * factor,
    )


def divide(a: Interval, b: Interval) -> Interval | None:
    """a ÷ b for non-negative a and b (counts and shares). None when b is exactly zero.

    A divisor whose interval reaches zero gives an upper bound of +∞: a printed 0% may be 0.04%.
    """
    assert a.low is not None and a.low >= 0 and b.low is not None and b.low >= 0, "divide takes non-negative values"
    if b.high == 0:
        return None
    a_zero = a.low == 0 and not a.low_open
    if b.high is None:
        low, low_open = Fraction(0), not a_zero
    elif a_zero:
        low, low_open = Fraction(0), False  # 0 ÷ any admissible divisor is 0, reached
    else:
        low, low_open = a.low / b.high, a.low_open or b.high_open
    if a.high == 0:
        high: Fraction | None = Fraction(0)
        high_open = False
    elif a.high is None or b.low == 0:
        high, high_open = None, False
    else:
        high, high_open = a.high / b.low, a.high_open or b.low_open
    point = a.point / b.point if a.point is not None and b.point else None
    return Interval(low, high, low_open, high_open, point)


def percent_change(new: Interval, old: Interval) -> Interval | None:
    """(new ÷ old − 1) × 100; None when the baseline is exactly zero (no finite change exists)."""
    ratio = divide(new, old)
    return None if ratio is None else scale(shift(ratio, Fraction(-1)), HUNDRED)


def share(part: Interval, whole: Interval) -> Interval | None:
    ratio = divide(part, whole)
    return None if ratio is None else scale(ratio, HUNDRED)


def clamp(a: Interval, low: Fraction, high: Fraction | None) -> Interval:
    """Keep to what a measured figure can be: counts ≥ 0, shares within 0–100%."""
    if a.low is not None and a.low >= low and (high is None or (a.high is not None and a.high <= high)):
        return a
    bounds = Interval(low, high)
    result = intersection(a, bounds)
    return result._replace(point=a.point)


TIE_READINGS = (Rounding.HALF_UP, Rounding.HALF_DOWN)  # how ``nearest`` is read: each tie direction alone


@functools.lru_cache(maxsize=4096)
def figure_interval(figure: Figure, rule: Rounding) -> Interval:
    """The true values that print as ``figure`` under ``rule`` (a concrete rule, not NEAREST).

    Plain digits follow the rule; a hedge word fixes its own range (numbers.Hedge); an exact count
    is a point. Signs apply to the magnitude: ▲5% under 四捨五入 is (−5.5%, −4.5%].
    """
    value, step = Fraction(figure.value), Fraction(figure.step)
    half = step / 2
    hedge = figure.hedge
    if hedge is Hedge.AT_LEAST:
        return Interval(value, None)
    if hedge is Hedge.AT_MOST:
        return Interval(None, value)
    if hedge is Hedge.BELOW:
        return Interval(None, value, high_open=True)
    if hedge is Hedge.MAJORITY:
        return Interval(value, HUNDRED, low_open=True)
    if hedge is Hedge.DIGITS:
        return Interval(value, value * 10, high_open=True)
    if hedge is Hedge.NONE and step == 0:
        return Interval.exact(value)
    magnitude = abs(value)
    if hedge is Hedge.NONE and magnitude == 0:
        return _zero(step, rule)
    if hedge is Hedge.NONE:
        low, high, low_open, high_open = _rounded(magnitude, step, rule)
        point: Fraction | None = magnitude
    else:
        low, high, low_open, high_open = _hedged(magnitude, step, half, hedge)
        point = magnitude if hedge is Hedge.ABOUT else None
    result = Interval(low, high, low_open, high_open, point)
    return negate(result) if value < 0 else result


def stands_for(figure: Figure, rule: Rounding) -> Interval:
    """What a figure stands for under a declared rule; ``nearest`` is shown as both readings' hull."""
    if rule is not Rounding.NEAREST:
        return figure_interval(figure, rule)
    if figure.hedge is Hedge.NONE and figure.value >= 0:  # [v − step/2, v + step/2], both ends possible
        value, half = Fraction(figure.value), Fraction(figure.step) / 2
        return Interval(value - half, value + half, point=value)
    return hull(*(figure_interval(figure, tie) for tie in TIE_READINGS))


def _rounded(m: Fraction, step: Fraction, rule: Rounding) -> tuple[Fraction, Fraction, bool, bool]:
    half = step / 2
    if rule is Rounding.HALF_UP:
        return m - half, m + half, False, True
    if rule is Rounding.HALF_DOWN:
        return m - half, m + half, True, False
    if rule is Rounding.DOWN:
        return m, m + step, False, True
    if rule is Rounding.UP:
        return m - step, m, True, False
    raise ValueError(f"a concrete rounding rule is needed, not {rule}")


def _zero(step: Fraction, rule: Rounding) -> Interval:
    """A printed 0 of a signed figure: values on both sides of zero print as it."""
    half = step / 2
    if rule is Rounding.HALF_UP:
        return Interval(-half, half, True, True, Fraction(0))
    if rule is Rounding.HALF_DOWN:
        return Interval(-half, half, False, False, Fraction(0))
    if rule is Rounding.DOWN:
        return Interval(-step, step, True, True, Fraction(0))
    return Interval.exact(Fraction(0))  # rounding away from zero prints 0 only for 0


def _hedged(m: Fraction, step: Fraction, half: Fraction, hedge: Hedge) -> tuple[Fraction, Fraction, bool, bool]:
    if hedge is Hedge.ABOUT:
        return m - half, m + half, False, False
    if hedge is Hedge.NEARLY:
        return m - half, m, False, False
    # 弱 and 強 say a fraction was rounded away: exactly 5割 is 5割, neither 5割弱 nor 5割強.
    if hedge is Hedge.JUST_UNDER:
        return m - step, m, True, True
    if hedge is Hedge.JUST_OVER:
        return m, m + step, True, True
    if hedge is Hedge.RANGE:  # 4万人台: 40,000 itself is in it
        return m, m + step, False, True
    if hedge is Hedge.OVER:
        return m, m + step, True, True
    raise ValueError(f"not a ranged hedge: {hedge}")
