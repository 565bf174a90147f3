"""Figures as Japanese statistics print them, read by one grammar.

``9,308万枚``, ``1億2,400万人``, ``約3.5万人``, ``50.9%``, ``2.9PT``, ``3.6倍``, ``7割``, ``8割近く``,
``4,000以上システム``, ``4万人以上``, ``過半数``, ``二桁``. The printed string is the source of truth:
the exact value (a ``Decimal`` built from the digits, never a binary float), the step of the last
printed digit, the unit and the hedge word are all derived from it, so they can never disagree.

What a figure *stands for* — the interval of true values that print as it — depends on how the
publisher rounded (``Rounding``) and on its hedge (``Hedge``); ``intervals.figure_interval`` says it.
"""

import re
import unicodedata
from decimal import Context, Decimal
from enum import StrEnum
from typing import NamedTuple

from dgcli.errors import ValueFormatError
from dgcli.text.normalize import normalize

MULTIPLIERS: dict[str, int] = {"万": 4, "億": 8, "兆": 12}  # powers of ten
MAX_DIGITS = 1000  # far beyond any published figure; bounds the work a hostile file can cause
KANJI_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


class Rounding(StrEnum):
    """How a publisher turned true values into printed digits (scrutiny/roundwork's procedures)."""

    NEAREST = "nearest"  # not declared: to the nearest, ties either way (roundwork's up_or_down)
    HALF_UP = "half_up"  # 四捨五入: ties away from zero
    HALF_DOWN = "half_down"  # 五捨六入 (also one of the two readings of NEAREST)
    DOWN = "down"  # 切り捨て: truncated towards zero
    UP = "up"  # 切り上げ: raised away from zero


# The words a published rounding note uses, longest first ("小数点第二位を四捨五入").
_ROUNDING_WORDS: tuple[tuple[str, Rounding], ...] = (
    ("四捨五入", Rounding.HALF_UP),
    ("五捨六入", Rounding.HALF_DOWN),
    ("切り捨て", Rounding.DOWN),
    ("切捨て", Rounding.DOWN),
    ("切り下げ", Rounding.DOWN),
    ("切り上げ", Rounding.UP),
    ("切上げ", Rounding.UP),
)
ROUNDING_HINT = "write half_up (四捨五入), down (切り捨て), up (切り上げ) or nearest"


def parse_rounding(text: str) -> Rounding:
    """A rule name (``half_up``) or a published note that names exactly one rule (``…を四捨五入``)."""
    cleaned = normalize(text).strip()
    try:
        return Rounding(cleaned)
    except ValueError:
        pass
    found = {rule for word, rule in _ROUNDING_WORDS if word in cleaned}
    if len(found) == 1:
        return found.pop()
    if found:
        raise ValueFormatError(
            f"rounding note {text!r} names more than one rule; give the figures' rule here ({ROUNDING_HINT}) "
            "and a claim rounded otherwise (増減率は四捨五入) its own rounding:"
        )
    raise ValueFormatError(f"cannot tell the rounding rule from {text!r}; {ROUNDING_HINT}")


class Hedge(StrEnum):
    """A word that turns a printed figure into a range rather than a rounded value."""

    NONE = "none"  # plain digits: the rounding rule decides the interval
    ABOUT = "about"  # 約, およそ, 概ね, ほぼ, 程度, 前後: nearest step of the last significant digit
    NEARLY = "nearly"  # 近く, 近い: within half a step below
    JUST_UNDER = "just_under"  # 弱, 足らず: less than a step below (端数を切り上げた数)
    JUST_OVER = "just_over"  # 強, 余り: less than a step above (端数を切り捨てた数)
    OVER = "over"  # 超, 超え: more than, by less than a step
    RANGE = "range"  # 台 after a unit (3万人台, 50%台): in the band that starts there
    AT_LEAST = "at_least"  # 以上
    AT_MOST = "at_most"  # 以下
    BELOW = "below"  # 未満
    MAJORITY = "majority"  # 過半数: more than half
    DIGITS = "digits"  # 二桁: as many digits (二桁 is 10 or more, below 100)


PREFIX_HEDGES: tuple[tuple[str, Hedge], ...] = (
    ("おおよそ", Hedge.ABOUT),
    ("およそ", Hedge.ABOUT),
    ("おおむね", Hedge.ABOUT),
    ("概ね", Hedge.ABOUT),
    ("ほぼ", Hedge.ABOUT),
    ("約", Hedge.ABOUT),
)
SUFFIX_HEDGES: tuple[tuple[str, Hedge], ...] = (
    ("以上", Hedge.AT_LEAST),
    ("以下", Hedge.AT_MOST),
    ("未満", Hedge.BELOW),
    ("足らず", Hedge.JUST_UNDER),
    ("近く", Hedge.NEARLY),
    ("に近い", Hedge.NEARLY),  # before 近い: 8割に近い
    ("近い", Hedge.NEARLY),
    ("余り", Hedge.JUST_OVER),
    ("超え", Hedge.OVER),
    ("程度", Hedge.ABOUT),
    ("前後", Hedge.ABOUT),
    ("ほど", Hedge.ABOUT),
    ("強", Hedge.JUST_OVER),
    ("弱", Hedge.JUST_UNDER),
    ("超", Hedge.OVER),
    ("余", Hedge.JUST_OVER),
)
_PREFIX_FIRST = frozenset(word[0] for word, _ in PREFIX_HEDGES)
_SUFFIX_FIRST = frozenset(word[0] for word, _ in SUFFIX_HEDGES)
# A figure that is only a bound (or a band with no printed middle) has no point value.
BOUND_HEDGES = frozenset({Hedge.AT_LEAST, Hedge.AT_MOST, Hedge.BELOW, Hedge.MAJORITY, Hedge.DIGITS})
PERCENT, POINTS, TIMES = "%", "PT", "倍"
_SYMBOL_UNITS = ("%ポイント", "ポイント", "%", "PT", "pt", "倍", "割")
_UNIT_SPELLINGS = {
    "%": PERCENT,
    "パーセント": PERCENT,
    "PT": POINTS,
    "pt": POINTS,
    "Pt": POINTS,
    "ポイント": POINTS,
    "%ポイント": POINTS,
    "%pt": POINTS,
    "%PT": POINTS,
    "倍": TIMES,
}
# Units whose figures are always rounded, even printed without decimals ("33%", "5倍").
ROUNDED_UNITS = frozenset({PERCENT, POINTS, TIMES})
_SIGNS = {"-": -1, "−": -1, "▲": -1, "△": -1, "+": 1}
_DIGITS = "0123456789"
_GROUPED = ",0123456789"
FIGURE_HINT = "e.g. 9,308万枚, 約3.5万人, 50.9%, 2.9PT, 3.6倍, 7割, 8割近く, 4,000以上, 671"


class Figure(NamedTuple):
    """A number as published: its text, exact value, precision, unit and hedge."""

    text: str  # "9,308万枚", exactly as in the file
    value: Decimal  # 93080000 (7割 is 70: percentages in %)
    step: Decimal  # the unit of the last printed significant digit: 10000 for 9,308万; 0 when exact
    unit: str  # canonical: "%", "PT", "倍", or the counter word as printed ("枚"); "" for none
    hedge: Hedge = Hedge.NONE
    printed_unit: str = ""  # the unit as printed, when it differs from ``unit`` ("割", "ポイント")

    @property
    def exact(self) -> bool:
        """A count printed in full: it stands for itself."""
        return self.step == 0 and self.hedge is Hedge.NONE

    @property
    def approximate(self) -> bool:
        return self.hedge is Hedge.ABOUT

    @property
    def bound(self) -> bool:
        """Only a bound or a band (4,000以上, 過半数, 二桁): no single value was printed."""
        return self.hedge in BOUND_HEDGES

    @property
    def negative(self) -> bool:
        return self.value < 0


def check_digits(text: str) -> None:
    """Digits are ASCII or full-width only: ``٥``, ``⁵`` or ``①`` are refused, not silently read."""
    for char in text:
        if char in _DIGITS or "０" <= char <= "９":
            continue
        # Digits by category (٥, ⁵, ①), and symbols that NFKC would turn into digits (㍙ → 1点, ㋆ → 7月).
        if unicodedata.category(char) in ("Nd", "No", "Nl") or (
            not char.isascii() and any(c.isdigit() for c in unicodedata.normalize("NFKC", char))
        ):
            name = unicodedata.name(char, "")
            raise ValueFormatError(
                f"{char!r} (U+{ord(char):04X} {name}) is not an ASCII or full-width digit: write 0-9".replace("  ", " ")
            )


def parse_figure(text: str) -> Figure:
    """Parse one published figure. Raises ``ValueFormatError`` naming what could not be read."""
    check_digits(text)
    cleaned = "".join(normalize(text).split())
    return _plain_figure(text, cleaned) or _Scanner(text, cleaned).figure()


_PLAIN: re.Pattern[str] | None = None
# Characters that make a unit part of the scanner's grammar: hedges, 割, 桁, 台, multipliers.
_SCANNER_ONLY = frozenset("割桁台千万億兆") | _SUFFIX_FIRST


def _plain_figure(text: str, cleaned: str) -> Figure | None:
    """The common case in one match: 9,308万枚, 50.9%, 566企業. Anything else (a hedge, 割, a compound,
    a sign, an error to explain) goes to the scanner, which reads it the same way (a test checks)."""
    global _PLAIN
    if _PLAIN is None:  # compiled on first use: a pattern costs more to compile than a figure to read
        _PLAIN = re.compile(r"([1-9][0-9]{0,2}(?:,[0-9]{3})+|[1-9][0-9]*|0)(?:\.([0-9]+))?([万億兆])?([^0-9.,]*)")
    match = _PLAIN.fullmatch(cleaned)
    if match is None:
        return None
    integer, fraction, symbol, unit = match[1], match[2] or "", match[3], match[4]
    if unit and (not _is_unit(unit) or not _SCANNER_ONLY.isdisjoint(unit)):
        return None
    if unit not in _UNIT_SPELLINGS and unit.startswith(_SYMBOL_UNITS):
        return None  # 5%増: the scanner explains what follows the unit
    if len(integer) + len(fraction) > MAX_DIGITS:
        return None
    canonical = _UNIT_SPELLINGS.get(unit, unit)
    power = MULTIPLIERS[symbol] if symbol else 0
    last = power - len(fraction)
    value = _plain(Decimal(int(integer.replace(",", "") + fraction)).scaleb(last, _EXACT))
    rounded = last != 0 or canonical in ROUNDED_UNITS
    step = _plain(Decimal(1).scaleb(last, _EXACT)) if rounded else Decimal(0)
    return Figure(text, value, step, canonical, Hedge.NONE, unit if canonical != unit else "")


class _Number:
    """``digits × 10**exponent``; the last printed digit is worth ``10**last``; ``trailing_zeros``
    ends the integer part when no decimals are printed (約9,300万: 2)."""

    __slots__ = ("digits", "exponent", "last", "trailing_zeros")

    def __init__(self, digits: int, exponent: int, last: int, trailing_zeros: int) -> None:
        self.digits, self.exponent, self.last, self.trailing_zeros = digits, exponent, last, trailing_zeros


class _Scanner:
    """Reads, in order: a prefix hedge, a sign, a number (with 万/億, or 割, 桁, 半数), a unit, a hedge."""

    def __init__(self, text: str, cleaned: str) -> None:
        self.text = text
        self.rest = cleaned

    def fail(self, why: str) -> ValueFormatError:
        return ValueFormatError(f"cannot read {self.text!r} as a figure: {why} ({FIGURE_HINT})")

    def take(self, word: str) -> bool:
        if self.rest.startswith(word):
            self.rest = self.rest[len(word) :]
            return True
        return False

    def figure(self) -> Figure:
        if not self.rest:
            raise self.fail("it is empty")
        hedge = Hedge.NONE
        if self.rest[0] in _PREFIX_FIRST:
            hedge = next((h for word, h in PREFIX_HEDGES if self.take(word)), Hedge.NONE)
        if self.take("過半数"):
            if hedge is not Hedge.NONE or self.rest:
                raise self.fail("過半数 takes no other word")
            return Figure(self.text, Decimal(50), Decimal(0), PERCENT, Hedge.MAJORITY, "過半数")
        if self.take("半数"):  # half: 5割
            return self.finish(hedge, _Number(50, 0, 1, 0), PERCENT, "半数")
        sign = _SIGNS.get(self.rest[:1], 0)
        if sign:
            self.rest = self.rest[1:]
        else:
            sign = 1
        if self.rest[:1] in KANJI_DIGITS and self.rest[1:2] in ("割", "倍", "桁"):
            number = _Number(KANJI_DIGITS[self.rest[0]], 0, 0, 0)
            self.rest = self.rest[1:]
        elif _digit(self.rest[:1]):
            number = self.number()
        else:
            raise self.fail("no number")
        if self.take("桁"):
            return self.digit_count(hedge, sign, number)
        if self.rest.startswith("割"):
            return self.finish(hedge, self.wari(number, sign), PERCENT, "割")
        number.digits *= sign
        return self.finish(hedge, number, "", "")

    def integer(self) -> str:
        """Digits with optional thousands commas (9,308), checked and returned without them."""
        end = 0
        while end < len(self.rest) and self.rest[end] in _GROUPED:
            end += 1
        raw = self.rest[:end].rstrip(",")
        self.rest = self.rest[len(raw) :]
        if "," in raw:
            head, *groups = raw.split(",")
            if not 1 <= len(head) <= 3 or any(len(group) != 3 for group in groups):
                raise self.fail(f"misplaced comma in {raw!r}")
        plain = raw.replace(",", "")
        if len(plain) > 1 and plain[0] == "0":
            raise self.fail("leading zero: write the figure as printed")
        return plain

    def number(self) -> _Number:
        """A number, or a compound that goes down the multipliers: 1億2,400万, 1万2,345."""
        groups: list[tuple[str, str, int]] = []  # (integer digits, decimals, power of ten)
        while True:
            plain = self.integer()
            fraction = ""
            if self.rest[:1] == "." and _digit(self.rest[1:2]):
                end = 1
                while end < len(self.rest) and self.rest[end] in _DIGITS:
                    end += 1
                fraction, self.rest = self.rest[1:end], self.rest[end:]
            power = 3 if self.take("千") else 0
            if self.rest[:1] in MULTIPLIERS:
                power += MULTIPLIERS[self.rest[0]]
                self.rest = self.rest[1:]
            if groups and power >= groups[-1][2]:
                raise self.fail("the parts of a compound figure go down from 億 to 万 to units")
            groups.append((plain, fraction, power))
            if sum(len(p) + len(f) for p, f, _ in groups) > MAX_DIGITS:
                raise self.fail(f"more than {MAX_DIGITS} digits")
            if fraction or power == 0 or not _digit(self.rest[:1]):
                break
        if _digit(self.rest[:1]):
            raise self.fail("digits after a decimal figure")
        exponent = min(power - len(fraction) for _, fraction, power in groups)
        digits = sum(int(p + f) * 10 ** (power - len(f) - exponent) for p, f, power in groups)
        plain, fraction, power = groups[-1]
        zeros = 0 if fraction else len(plain) - len(plain.rstrip("0"))
        return _Number(digits, exponent, power - len(fraction), zeros)

    def wari(self, number: _Number, sign: int) -> _Number:
        """N割 (tenths) with 分 (hundredths) and 厘 (thousandths), in percent: 7割5分 is 75%."""
        if number.exponent < 0 or number.last != 0:
            raise self.fail("割 counts whole tenths: write 7割 or 7割5分")
        self.take("割")
        whole = number.digits * 10**number.exponent
        tenths_of_percent, last = whole * 100, 1  # 7割 = 700 tenths of a percent; last digit worth 10%
        for word, worth, place in (("分", 10, 0), ("厘", 1, -1)):
            char = self.rest[:1]
            count = KANJI_DIGITS.get(char) or (int(char) if _digit(char) else None)
            if count is None or count > 9 or self.rest[1:2] != word:
                break
            self.rest = self.rest[2:]
            tenths_of_percent += count * worth
            last = place
        zeros = number.trailing_zeros if last == 1 else 0
        return _Number(sign * tenths_of_percent, -1, last, zeros)

    def digit_count(self, hedge: Hedge, sign: int, number: _Number) -> Figure:
        count = number.digits * 10**number.exponent if number.exponent >= 0 else 0
        if hedge is not Hedge.NONE or sign != 1 or number.last != 0 or not 1 <= count <= 30 or self.rest:
            raise self.fail("桁 counts the digits of a figure: write 二桁 or 3桁")
        return Figure(self.text, Decimal(10) ** (count - 1), Decimal(0), "", Hedge.DIGITS, "桁")

    def finish(self, hedge: Hedge, number: _Number, unit: str, printed_unit: str) -> Figure:
        rest, suffix = self.rest, Hedge.NONE
        for word, candidate in SUFFIX_HEDGES if not _SUFFIX_FIRST.isdisjoint(rest) else ():
            if rest.endswith(word):  # 4万人以上, 8割近く, 以上 alone
                rest, suffix = rest[: -len(word)], candidate
                break
            if rest.startswith(word):  # 4,000以上システム: the unit follows the hedge
                rest, suffix = rest[len(word) :], candidate
                break
        if suffix is Hedge.NONE and rest.endswith("台") and (unit or len(rest) > 1):
            rest, suffix = rest[:-1], Hedge.RANGE  # 3万人台, 50%台, 7割台; a bare 3,000台 is a counter
        if unit and rest:
            raise self.fail(f"unexpected {rest!r} after {printed_unit}")
        if not unit:
            if rest and not _is_unit(rest):
                raise self.fail(f"{rest!r} is not a unit")
            if rest not in _UNIT_SPELLINGS:
                symbol = next((s for s in _SYMBOL_UNITS if rest.startswith(s)), "")
                if symbol:  # 5%増, 1.2ポイント低: a unit, then words that are no part of the figure
                    raise self.fail(f"unexpected {rest[len(symbol) :]!r} after {symbol}")
            unit = _UNIT_SPELLINGS.get(rest, rest)
            printed_unit = rest if unit != rest else ""
        if hedge is not Hedge.NONE and suffix is not Hedge.NONE:
            raise self.fail("one hedge word at a time")
        hedge = suffix if hedge is Hedge.NONE else hedge
        value = _plain(Decimal(number.digits).scaleb(number.exponent, _EXACT))
        significant = number.last + (number.trailing_zeros if hedge is not Hedge.NONE else 0)
        rounded = hedge is not Hedge.NONE or number.last != 0 or unit in ROUNDED_UNITS
        step = Decimal(1).scaleb(significant, _EXACT) if rounded else Decimal(0)
        return Figure(self.text, value, _plain(step), unit, hedge, printed_unit)


def _digit(char: str) -> bool:
    return len(char) == 1 and char in _DIGITS


def _is_unit(text: str) -> bool:
    """A counter word or unit: no digits and none of the marks that belong to numbers."""
    return not any(char.isdigit() or char in ".,+-▲△−:/()" for char in text)


# Wide enough that ``scaleb`` never rounds: the default context keeps only 28 digits.
_EXACT = Context(prec=MAX_DIGITS + 80, Emax=10**6, Emin=-(10**6))


def _plain(number: Decimal) -> Decimal:
    """Integers without an exponent (5.1E+8 -> 510000000); decimals keep their printed places."""
    if number == number.to_integral_value():
        return Decimal(int(number))
    return number


def scale_of(figure: Figure) -> tuple[int, str]:
    """The multiplier the page printed a figure with (万, 億), to show computed values the same way."""
    text = normalize(figure.text)
    for symbol in ("兆", "億", "万"):
        if symbol in text:
            return 10 ** MULTIPLIERS[symbol], symbol
    return 1, ""
