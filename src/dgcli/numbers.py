"""Parse numbers exactly as the page prints them: ``9,308万枚``, ``約3.5万人``, ``50.9%``, ``2.9PT``.

The printed string is the source of truth; the exact value and the precision are derived from it,
so the two can never disagree. No binary float is ever involved.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import NamedTuple

from dgcli.errors import ValueFormatError

MULTIPLIERS: dict[str, int] = {"万": 10**4, "億": 10**8, "兆": 10**12}
APPROXIMATE_MARK = "約"

_NUMBER = re.compile(
    r"""
    (?P<approx>約)?
    (?P<sign>[-+])?
    (?P<int>\d{1,3}(?:,\d{3})+|\d+)
    (?:\.(?P<frac>\d+))?
    (?P<mult>[万億兆])?
    (?P<unit>[^\d\s.,+-][^\d]*)?
    """,
    re.VERBOSE,
)
# Units that mark a rounded figure even when printed without decimals ("33%", "5%").
ROUNDED_UNITS = frozenset({"%", "PT"})


class Quantity(NamedTuple):
    """A number as published, with the interval its printed digits stand for."""

    text: str  # "9,308万枚", exactly as in the file
    value: Decimal  # 93080000
    half_width: Decimal  # 5000 for "9,308万"; 0 for an exact count
    unit: str  # "枚" (what follows the number and its multiplier)
    approximate: bool = False  # printed with 約

    @property
    def exact(self) -> bool:
        return self.half_width == 0

    @property
    def low(self) -> Decimal:
        return self.value - self.half_width

    @property
    def high(self) -> Decimal:
        return self.value + self.half_width

    @property
    def decimals(self) -> int:
        """Digits after the point in base units (for display of computed values)."""
        exponent = self.value.as_tuple().exponent
        return max(0, -exponent) if isinstance(exponent, int) else 0


def normalize(text: str) -> str:
    """NFKC: the page writes 月 as the Kangxi radical ⽉ and people type half-width katakana."""
    return unicodedata.normalize("NFKC", text)


def parse_quantity(text: str) -> Quantity:
    """Parse one published figure. Raises ``ValueFormatError`` with a reason a person can act on."""
    normalized = normalize(text).strip()
    match = _NUMBER.fullmatch(normalized)
    if match is None:
        raise ValueFormatError(f"not a published figure: {text!r} (expected e.g. 9,308万枚, 約3.5万人, 50.9%, 671)")
    integer_part = match["int"]
    if len(integer_part) > 1 and integer_part[0] == "0":
        raise ValueFormatError(f"leading zero in {text!r}: write the figure as printed")
    if len(integer_part.replace(",", "")) + len(match["frac"] or "") > 30:
        raise ValueFormatError(f"figure {text!r} has more digits than any published figure")
    fraction = match["frac"] or ""
    digits = Decimal(integer_part.replace(",", "") + ("." + fraction if fraction else ""))
    if match["sign"] == "-":
        digits = -digits
    multiplier = MULTIPLIERS.get(match["mult"] or "", 1)
    unit = (match["unit"] or "").strip()
    approximate = match["approx"] is not None
    rounded = approximate or multiplier != 1 or bool(fraction) or unit in ROUNDED_UNITS
    step = Decimal(multiplier).scaleb(-len(fraction)) if rounded else Decimal(0)
    return Quantity(
        text=text,
        value=_plain(digits * multiplier),
        half_width=_plain(step / 2),
        unit=unit,
        approximate=approximate,
    )


def _plain(number: Decimal) -> Decimal:
    """Drop exponent notation and trailing zeros after the point: 5.1E+8 -> 510000000."""
    if number == number.to_integral_value():
        return Decimal(int(number))
    return number.normalize()


def scale_of(quantity: Quantity) -> tuple[int, str]:
    """The multiplier the page printed a figure with (万, 億), to show computed values the same way."""
    text = normalize(quantity.text)
    for symbol, multiplier in MULTIPLIERS.items():
        if symbol in text:
            return multiplier, symbol
    return 1, ""
