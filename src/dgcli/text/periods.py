"""Periods as Japanese publications print them, and their canonical keys.

``2024年7月`` (2024-07), ``2023年7月30日時点`` (2023-07-30), ``2023年7月末`` (2023-07-31: a day, not the
month), ``2023年`` (2023), ``2023年度`` (FY2023, April to March), ``2023年度末`` (2024-03-31),
``令和5年度`` (FY2023), ``2024年度上半期`` and ranges (``2023年8月から2024年7月``, ``2024年1〜3月``,
``2023年8月〜2024年7月まで``). Words that only say how a figure was measured (時点, 現在, 合計, 年間,
調査結果) are kept in the text and ignored in the key. Relative words (昨年度, 前月, 1年前) are not
periods: they are refused with a hint to name the period.

Every period is a span of days (``start``..``end``, day numbers as ``datetime.date.toordinal``
counts them), so a day sorts inside its month and 2023年度末 after 2023年12月. The reader is a
small scanner rather than a dozen regular expressions: it runs on every start, where compiling
each pattern would cost more than reading the whole file's periods.
"""

import re
from typing import Literal, NamedTuple

from dgcli.errors import ValueFormatError
from dgcli.text.normalize import normalize
from dgcli.text.numbers import check_digits

HINT = "write e.g. 2024年7月, 2024年7月30日, 2023年度, 2023年度末, 令和5年, 2024-07, or 2023年8月から2024年7月"

# Words around a period that say how it was measured, not which days it covers.
_PREFIXES = ("年間", "リリース以降", "累計")
_SUFFIXES = ("時点の調査結果", "の調査結果", "調査結果", "時点", "現在", "合計", "累計", "実績", "の数値", "まで", "分")
_RELATIVE_WORDS = (
    "昨年",
    "前年",
    "本年",
    "今年",
    "来年",
    "前月",
    "先月",
    "今月",
    "前週",
    "先週",
    "今週",
    "前回",
    "前期",
    "今期",
)
_AGO_UNITS = ("年前", "か月前", "ヶ月前", "カ月前", "ヵ月前", "週前", "週間前", "日前")
ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}  # also how the page reader locates periods
_ERAS = ERAS
RANGE_WORDS = ("から", "〜", "～", "~")
_RANGE_WORDS = RANGE_WORDS
_FISCAL_PARTS = {"上半期": (4, 6), "上期": (4, 6), "下半期": (10, 6), "下期": (10, 6)}
_CALENDAR_PARTS = {"上半期": (1, 6), "上期": (1, 6), "下半期": (7, 6), "下期": (7, 6)}
# 令和6年(2024年)8月 and 2024年(令和6年)8月: an era year printed with its western one
_DUAL_YEAR = re.compile(
    r"(?:(令和|平成|昭和)(元|[0-9]{1,2})年\(([0-9]{4})年\)|([0-9]{4})年\((令和|平成|昭和)(元|[0-9]{1,2})年\))"
)
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


PeriodKind = Literal["day", "month", "year", "fiscal_year", "range"]  # a quarter or a 年度 half is a range


class Period(NamedTuple):
    """A span of days with the text it was printed as and its canonical key."""

    text: str  # as written in the file: "2024年8月末時点"
    key: str  # "2024-08-31", "2024-07", "2023", "FY2023", "2023-08/2024-07"
    start: int  # the first day (day 1 is 0001-01-01, as date.toordinal counts)
    end: int  # the last day, inclusive
    kind: PeriodKind

    @property
    def sort_key(self) -> tuple[int, int]:
        """Later ends sort later; of two with the same end, the longer span first (a month before its last day)."""
        return (self.end, self.start)

    def contains(self, other: "Period") -> bool:
        return self.start <= other.start and other.end <= self.end

    @property
    def first_day(self) -> str:
        return iso_day(self.start)

    @property
    def last_day(self) -> str:
        return iso_day(self.end)


class _Span:
    """One end of a period while it is read: its key, days, and what a range's end may leave out."""

    __slots__ = ("end", "key", "kind", "month", "start", "year")

    def __init__(self, key: str, start: int, end: int, kind: PeriodKind, year: int, month: int = 0) -> None:
        self.key, self.start, self.end, self.kind, self.year, self.month = key, start, end, kind, year, month


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _month_length(year: int, month: int) -> int:
    return 29 if month == 2 and _leap(year) else _MONTH_DAYS[month - 1]


def day_number(year: int, month: int, day: int) -> int:
    """Days since 0001-01-01 (that day is 1), as ``datetime.date.toordinal`` counts, without importing it."""
    before = year - 1
    days = before * 365 + before // 4 - before // 100 + before // 400
    days += sum(_MONTH_DAYS[: month - 1]) + (1 if month > 2 and _leap(year) else 0)
    return days + day


def iso_day(number: int) -> str:
    """The inverse of ``day_number``: "2024-07-31"."""
    year = max(1, (number * 400) // 146097 - 1)
    while day_number(year + 1, 1, 1) <= number:
        year += 1
    month = 1
    while month < 12 and day_number(year, month + 1, 1) <= number:
        month += 1
    return f"{year:04d}-{month:02d}-{number - day_number(year, month, 1) + 1:02d}"


_PARSED: dict[str, Period] = {}  # a file names the same few periods over and over


def parse_period(text: str) -> Period:
    """Parse a period as printed or in canonical form. Raises ``ValueFormatError`` with a hint."""
    known = _PARSED.get(text)
    if known is not None:
        return known
    period = _parse(text)
    if len(_PARSED) < 10_000:
        _PARSED[text] = period
    return period


def _parse(text: str) -> Period:
    check_digits(text)
    core = _strip_decorations("".join(normalize(text).split()))
    if not core:
        raise ValueFormatError(f"not a period: {text!r} ({HINT})")
    if _relative(core):
        raise ValueFormatError(
            f"{text!r} is relative to the publication, not a period: name the period it means (e.g. from: 2023年度)"
        )
    if "(" in core:
        core = re.sub(_DUAL_YEAR, lambda match: _one_year(match, text), core)
    core = _western_years(core, text)
    first, last = _split_range(core, text)
    if last is None:
        span = _single(first, text)
        return Period(text, span.key, span.start, span.end, span.kind)
    start = _single(first, text)
    end = _range_end(last, start, text)
    if end.start <= start.end:
        raise ValueFormatError(f"period {text!r} ends before it starts")
    return Period(text, f"{start.key}/{end.key}", start.start, end.end, "range")


def _strip_decorations(core: str) -> str:
    changed = True
    while changed:
        changed = False
        for prefix in _PREFIXES:
            if core.startswith(prefix) and len(core) > len(prefix):
                core, changed = core.removeprefix(prefix), True
        if core.startswith("(") and core.endswith(")"):
            core, changed = core[1:-1], True
        for suffix in _SUFFIXES:
            if core.endswith(suffix) and len(core) > len(suffix):
                core, changed = core.removesuffix(suffix), True
        if core.endswith("月期"):  # 2024年1-3月期: the quarter the months make
            core, changed = core[:-1], True
    return core


def _relative(core: str) -> bool:
    if core.startswith(_RELATIVE_WORDS):
        return True
    digits = len(core) - len(core.lstrip("0123456789"))
    return digits > 0 and core[digits:].startswith(_AGO_UNITS)


def _one_year(match: re.Match[str], text: str) -> str:
    """令和6年(2024年) → 2024年, once the two are seen to be the same year."""
    era, number, western = (match[1], match[2], match[3]) if match[1] else (match[5], match[6], match[4])
    if _ERAS[era] + (1 if number == "元" else int(number)) != int(western):
        raise ValueFormatError(f"not a period: {text!r}: {era}{number}年 is not {western}年")
    return f"{western}年"


def _western_years(core: str, text: str) -> str:
    """令和5年 → 2023年; 令和元年 → 2019年."""
    for era, base in _ERAS.items():
        while era in core:
            at = core.index(era) + len(era)
            number = "元" if core[at : at + 1] == "元" else _digits(core, at)
            if not number or core[at + len(number) : at + len(number) + 1] != "年":
                raise ValueFormatError(f"not a period: {text!r} ({HINT})")
            if number != "元" and int(number) == 0:  # the first year of an era is 元年 (or 1年), never 0年
                raise ValueFormatError(f"not a period: {text!r}: an era's first year is 元年 ({HINT})")
            year = base + (1 if number == "元" else int(number))
            core = core[: at - len(era)] + f"{year}年" + core[at + len(number) + 1 :]
    return core


def _digits(text: str, at: int) -> str:
    end = at
    while end < len(text) and text[end] in "0123456789":
        end += 1
    return text[at:end]


def _split_range(core: str, text: str) -> tuple[str, str | None]:
    for word in _RANGE_WORDS:
        if word in core:
            first, _, last = core.partition(word)
            return _short_month_range(first, last)
    if "/" in core:
        first, _, last = core.partition("/")
        return first, last
    if "-" in core and "年" in core:  # 2024年1-3月
        first, _, last = core.partition("-")
        return _short_month_range(first, last)
    if core.count("-") == 1 and len(core) == 9 and core[4] == "-":  # 2022-2023
        return core[:4], core[5:]
    return core, None


def _short_month_range(first: str, last: str) -> tuple[str, str]:
    """2024年1〜3月: the start is a month whose 月 the printer left out."""
    if first.endswith(tuple("0123456789")) and "年" in first and "月" not in first and last.endswith("月"):
        return first + "月", last
    return first, last


def _single(core: str, text: str) -> _Span:
    """One point or span: 2024年7月30日, 2024年7月末, 2024年7月, 2023年度末, 2023年度, 2023年末, 2023年, ISO forms."""
    if core.startswith("FY") and len(core) == 6 and core[2:].isdigit():
        return _fiscal(_year(core[2:], text))
    if len(core) >= 4 and core[:4].isdigit() and core[4:5] in ("", "-"):
        return _iso(core, text)
    year_digits = _digits(core, 0)
    if len(year_digits) != 4 or core[4:5] != "年":
        raise ValueFormatError(f"not a period: {text!r} ({HINT})")
    year, rest = _year(year_digits, text), core[5:]
    if rest == "":
        return _Span(f"{year:04d}", day_number(year, 1, 1), day_number(year, 12, 31), "year", year)
    if rest == "末":
        return _day(year, 12, 31, text)
    if rest == "度":
        return _fiscal(year)
    if rest == "度末":
        return _day(year + 1, 3, 31, text)
    if rest.startswith("度"):
        return _fiscal_part(year, rest[1:], text)
    if rest in _CALENDAR_PARTS or rest.startswith("第"):
        return _calendar_part(year, rest, text)
    month_digits = _digits(rest, 0)
    if not month_digits or rest[len(month_digits) : len(month_digits) + 1] != "月":
        raise ValueFormatError(f"not a period: {text!r} ({HINT})")
    month, rest = _month(month_digits, text), rest[len(month_digits) + 1 :]
    if rest == "":
        return _month_span(year, month)
    if rest == "末":
        return _day(year, month, _month_length(year, month), text)
    day_digits = _digits(rest, 0)
    if day_digits and rest[len(day_digits) :] == "日":
        return _day(year, month, int(day_digits), text)
    raise ValueFormatError(f"not a period: {text!r} ({HINT})")


def _iso(core: str, text: str) -> _Span:
    parts = core.split("-")
    if not all(part.isdigit() and part.isascii() for part in parts) or [len(p) for p in parts] not in (
        [4],
        [4, 2],
        [4, 2, 2],
    ):
        raise ValueFormatError(f"not a period: {text!r} ({HINT})")
    year = _year(parts[0], text)
    if len(parts) == 1:
        return _Span(f"{year:04d}", day_number(year, 1, 1), day_number(year, 12, 31), "year", year)
    if len(parts) == 2:
        return _month_span(year, _month(parts[1], text))
    return _day(year, _month(parts[1], text), int(parts[2]), text)


def _fiscal(year: int) -> _Span:
    return _Span(f"FY{year}", day_number(year, 4, 1), day_number(year + 1, 3, 31), "fiscal_year", year)


def _fiscal_part(year: int, part: str, text: str) -> _Span:
    """上半期/下半期 (six months), 第N四半期 (three), of the fiscal year that starts in April."""
    if part in _FISCAL_PARTS:
        first_month, length = _FISCAL_PARTS[part]
    elif part.startswith("第") and part.endswith("四半期") and part[1:-3] in ("1", "2", "3", "4"):
        first_month, length = 1 + 3 * int(part[1:-3]), 3
    else:
        raise ValueFormatError(f"not a period: {text!r} ({HINT})")
    start = _month_span(year + (first_month - 1) // 12, (first_month - 1) % 12 + 1)
    last = first_month + length - 1
    end = _month_span(year + (last - 1) // 12, (last - 1) % 12 + 1)
    return _Span(f"{start.key}/{end.key}", start.start, end.end, "range", year)


def _calendar_part(year: int, part: str, text: str) -> _Span:
    """2024年上半期 (January–June), 2024年第2四半期 (April–June): parts of the calendar year."""
    if part in _CALENDAR_PARTS:
        first_month, length = _CALENDAR_PARTS[part]
    elif part.startswith("第") and part.endswith("四半期") and part[1:-3] in ("1", "2", "3", "4"):
        first_month, length = 3 * int(part[1:-3]) - 2, 3
    else:
        raise ValueFormatError(f"not a period: {text!r} ({HINT})")
    start, end = _month_span(year, first_month), _month_span(year, first_month + length - 1)
    return _Span(f"{start.key}/{end.key}", start.start, end.end, "range", year)


def _range_end(core: str, first: _Span, text: str) -> _Span:
    """The end of a range, which may leave out the year (2024年6月から7月) or the month (1日から30日)."""
    digits = _digits(core, 0)
    rest = core[len(digits) :]
    if digits and rest in ("月", "月末"):
        if not first.month:
            raise ValueFormatError(f"not a period: {text!r} ({HINT})")
        month = _month(digits, text)
        year = first.year + (1 if month < first.month else 0)  # 2023年11月から2月: the next February
        core = f"{year}年{month}{rest}"
    elif digits and rest == "日":
        if first.kind != "day":
            raise ValueFormatError(f"not a period: {text!r} ({HINT})")
        core = f"{first.year}年{first.month}月{digits}日"
    return _single(core, text)


def _year(digits: str, text: str) -> int:
    year = int(digits)
    if not 1900 <= year <= 2999:
        raise ValueFormatError(f"year {year} out of range in period {text!r}")
    return year


def _month(digits: str, text: str) -> int:
    month = int(digits) if digits.isdigit() and len(digits) <= 2 else 0
    if not 1 <= month <= 12:
        raise ValueFormatError(f"month {digits} out of range in period {text!r}")
    return month


def _day(year: int, month: int, day: int, text: str) -> _Span:
    if not 1 <= day <= _month_length(year, month):
        raise ValueFormatError(f"day {day} out of range in period {text!r}")
    number = day_number(year, month, day)
    return _Span(f"{year:04d}-{month:02d}-{day:02d}", number, number, "day", year, month)


def _month_span(year: int, month: int) -> _Span:
    start = day_number(year, month, 1)
    return _Span(f"{year:04d}-{month:02d}", start, start + _month_length(year, month) - 1, "month", year, month)
