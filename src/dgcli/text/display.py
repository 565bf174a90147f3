"""Numbers for people: computed values in the terms of the figure they are compared with.

Pure functions over ``Fraction``s (integer arithmetic only), shared by verdict reasons and renderers.
"""

from __future__ import annotations

from fractions import Fraction

from dgcli.text.intervals import Interval
from dgcli.text.numbers import PERCENT, POINTS, TIMES, Figure, scale_of

SHOWN_UNITS = frozenset({PERCENT, POINTS, TIMES})


def format_fraction(value: Fraction, places: int = 4, *, grouping: bool = True, divisor: int = 1) -> str:
    """``value ÷ divisor`` as a readable decimal: at most ``places`` decimals (half up), no trailing
    zeros, thousands commas. Integer arithmetic on numerator and denominator: no Fraction is made."""
    numerator, denominator = value.numerator * 10**places, value.denominator * divisor
    magnitude = (2 * abs(numerator) + denominator) // (2 * denominator)
    scaled = magnitude if numerator >= 0 else -magnitude
    whole, fraction = divmod(abs(scaled), 10**places)
    sign = "-" if scaled < 0 else ""
    text = f"{sign}{whole:,}" if grouping else f"{sign}{whole}"
    digits = f"{fraction:0{places}d}".rstrip("0") if places else ""
    return f"{text}.{digits}" if digits else text


def exact_decimal(value: Fraction) -> str:
    """A terminating fraction written out exactly (every figure read from text is one): 51/10 -> "5.1"."""
    denominator, twos, fives = value.denominator, 0, 0
    while denominator % 2 == 0:
        denominator, twos = denominator // 2, twos + 1
    while denominator % 5 == 0:
        denominator, fives = denominator // 5, fives + 1
    if denominator != 1:  # a computed ratio: six places are plenty
        return format_fraction(value, 6, grouping=False)
    return format_fraction(value, max(twos, fives), grouping=False)


def format_scaled(value: Fraction, scale: tuple[int, str], places: int = 1) -> str:
    """A value in the multiplier a figure was printed with: 4,040,000 in 万 is "404万"."""
    multiplier, symbol = scale
    return f"{format_fraction(value, places, divisor=multiplier)}{symbol}"


class Terms:
    """How to print computed values next to a figure: its multiplier (万), its unit if % / PT / 倍."""

    def __init__(self, figure: Figure | None, places: int | None = None) -> None:
        self.scale = scale_of(figure) if figure is not None else (1, "")
        self.unit = figure.unit if figure is not None and figure.unit in SHOWN_UNITS else ""
        self.places = places if places is not None else (2 if self.scale[1] or self.unit else 4)

    def value(self, value: Fraction | None) -> str:
        if value is None:
            return "∞"
        return format_scaled(value, self.scale, self.places) + self.unit

    def interval(self, interval: Interval) -> str:
        """[4.53% – 4.55%], [9,307.5万 – 9,308.5万), ≥ 4,000, < 50%: brackets say which ends count."""
        if interval.low is None and interval.high is None:
            return "any value"
        if interval.high is None:
            return f"{'>' if interval.low_open else '≥'} {self.value(interval.low)}"
        if interval.low is None:
            return f"{'<' if interval.high_open else '≤'} {self.value(interval.high)}"
        if interval.low == interval.high:
            return self.value(interval.low)
        left = "(" if interval.low_open else "["
        right = ")" if interval.high_open else "]"
        return f"{left}{self.value(interval.low)} – {self.value(interval.high)}{right}"

    def computed(self, interval: Interval | None) -> str:
        """ "4.54% [4.53% – 4.55%]": the value as printed, then what the rounding allows."""
        if interval is None:
            return "—"
        if interval.point is None:
            return self.interval(interval)
        if interval.low == interval.high == interval.point:
            return self.value(interval.point)
        return f"{self.value(interval.point)} {self.interval(interval)}"
