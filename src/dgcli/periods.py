"""Periods as Japanese publications print them, and their canonical keys.

``2024年7月`` (2024-07), ``2023年7月30日時点`` (2023-07-30), ``2023年7月末`` (2023-07-31: a day, not the
month), ``2023年`` (2023), ``2023年度`` (FY2023, April to March), ``2023年度末`` (2024-03-31),
``令和5年度`` (FY2023), ``2024年度上半期`` and ranges (``2023年8月から2024年7月``, ``2024年1〜3月``,
``2023年8月〜2024年7月まで``). Words that only say how a figure was measured (時点, 現在, 合計, 年間,
調査結果) are kept in the text and ignored in the key. Relative words (昨年度, 前月, 1年前) are not
periods: they are refused with a hint to name the period.

Every period is a span of days (``start``..``end``, ordinals of ``datetime.date``), so a day sorts
inside its month and 2023年度末 after 2023年12月.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from dgcli.errors import ValueFormatError
from dgcli.normalize import normalize
from dgcli.numbers import check_digits

HINT = "write e.g. 2024年7月, 2024年7月30日, 2023年度, 2023年度末, 令和5年, 2024-07, or 2023年8月から2024年7月"

# Words around a period that say how it was measured, not which days it covers.
_PREFIXES = ("年間", "リリース以降", "累計")
_SUFFIXES = ("時点の調査結果", "の調査結果", "調査結果", "時点", "現在", "合計", "累計", "実績", "の数値", "まで")
_RELATIVE = re.compile(
    r"^(?:昨年度?|前年度?|本年度?|今年度?|今年|来年度?|前月|先月|今月|前週|先週|今週|前回|前期|今期|前年同月|前年同期|"
    r"\d+(?:年|か月|ヶ月|カ月|ヵ月|週間?|日)前)"
)
_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}
_ERA = re.compile(r"(令和|平成|昭和)(元|\d{1,2})年")
_RANGE_SPLIT = re.compile(r"から|~|〜|～|/|-(?=\d{4}|\d{1,2}月|FY)")
_SHORT_MONTH_RANGE = re.compile(r"(\d{4})年(\d{1,2})[-~〜～](\d{1,2})月期?")

_DAY = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_MONTH_END = re.compile(r"(\d{4})年(\d{1,2})月末")
_MONTH = re.compile(r"(\d{4})年(\d{1,2})月")
_FISCAL_END = re.compile(r"(\d{4})年度末")
_FISCAL_PART = re.compile(r"(\d{4})年度(上半期|下半期|上期|下期|第([1-4])四半期)")
_FISCAL = re.compile(r"(\d{4})年度")
_YEAR_END = re.compile(r"(\d{4})年末")
_YEAR = re.compile(r"(\d{4})年")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{2})")
_ISO_YEAR = re.compile(r"(\d{4})")
_ISO_FISCAL = re.compile(r"FY(\d{4})")
# A range's end may leave out what its start already said: 2024年6月から7月, 2024年6月1日から30日.
_BARE_MONTH = re.compile(r"(\d{1,2})月(末)?")
_BARE_DAY = re.compile(r"(\d{1,2})日")


class Period(NamedTuple):
    """A span of days with the text it was printed as and its canonical key."""

    text: str  # as written in the file: "2024年8月末時点"
    key: str  # "2024-08-31", "2024-07", "2023", "FY2023", "2023-08/2024-07"
    start: int  # ordinal of the first day (date.toordinal)
    end: int  # ordinal of the last day, inclusive
    kind: str  # "day", "month", "year", "fiscal_year" or "range"

    @property
    def sort_key(self) -> tuple[int, int]:
        """Later ends sort later; of two with the same end, the longer span first (a month before its last day)."""
        return (self.end, self.start)

    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end

    @property
    def first_day(self) -> date:
        return date.fromordinal(self.start)

    @property
    def last_day(self) -> date:
        return date.fromordinal(self.end)


class _Span(NamedTuple):
    key: str
    start: int
    end: int
    kind: str
    year: int
    month: int  # 0 when the span is not inside one month


def parse_period(text: str) -> Period:
    """Parse a period as printed or in canonical form. Raises ``ValueFormatError`` with a hint."""
    check_digits(text)
    core = _strip_decorations("".join(normalize(text).split()))
    if not core:
        raise ValueFormatError(f"not a period: {text!r} ({HINT})")
    if _RELATIVE.match(core):
        raise ValueFormatError(
            f"{text!r} is relative to the publication, not a period: name the period it means (e.g. from: 2023年度)"
        )
    core = _ERA.sub(lambda m: f"{_ERAS[m[1]] + (1 if m[2] == '元' else int(m[2]))}年", core)
    if match := _SHORT_MONTH_RANGE.fullmatch(core):  # 2024年1〜3月, 2024年1-3月期
        core = f"{match[1]}年{match[2]}月から{match[1]}年{match[3]}月"
    parts = _RANGE_SPLIT.split(core)
    if len(parts) == 1:
        span = _single(core, text)
        return Period(text, span.key, span.start, span.end, span.kind)
    if len(parts) != 2 or not parts[0] or not parts[1]:
        raise ValueFormatError(f"not a period: {text!r} ({HINT})")
    first = _single(parts[0], text)
    last = _range_end(parts[1], first, text)
    if last.start <= first.end:
        raise ValueFormatError(f"period {text!r} ends before it starts")
    return Period(text, f"{first.key}/{last.key}", first.start, last.end, "range")


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
    return core


def _single(core: str, text: str) -> _Span:
    if m := _DAY.fullmatch(core) or _ISO_DAY.fullmatch(core):
        return _day(int(m[1]), int(m[2]), int(m[3]), text)
    if m := _MONTH_END.fullmatch(core):
        year, month = _year(m[1], text), _month(m[2], text)
        return _day(year, month, _month_length(year, month), text)
    if m := _MONTH.fullmatch(core) or _ISO_MONTH.fullmatch(core):
        return _month_span(_year(m[1], text), _month(m[2], text))
    if m := _FISCAL_END.fullmatch(core):
        return _day(_year(m[1], text) + 1, 3, 31, text)
    if m := _FISCAL_PART.fullmatch(core):
        year = _year(m[1], text)
        first_month = {"上半期": 4, "上期": 4, "下半期": 10, "下期": 10}.get(m[2]) or 1 + 3 * int(m[3])
        length = 6 if m[3] is None else 3
        start = _month_span(year + (first_month - 1) // 12, (first_month - 1) % 12 + 1)
        end_month = first_month + length - 1
        end = _month_span(year + (end_month - 1) // 12, (end_month - 1) % 12 + 1)
        return _Span(f"{start.key}/{end.key}", start.start, end.end, "range", year, 0)
    if m := _FISCAL.fullmatch(core) or _ISO_FISCAL.fullmatch(core):
        year = _year(m[1], text)
        return _Span(f"FY{year}", _ordinal(year, 4, 1), _ordinal(year + 1, 3, 31), "fiscal_year", year, 0)
    if m := _YEAR_END.fullmatch(core):
        return _day(_year(m[1], text), 12, 31, text)
    if m := _YEAR.fullmatch(core) or _ISO_YEAR.fullmatch(core):
        year = _year(m[1], text)
        return _Span(f"{year:04d}", _ordinal(year, 1, 1), _ordinal(year, 12, 31), "year", year, 0)
    raise ValueFormatError(f"not a period: {text!r} ({HINT})")


def _range_end(core: str, first: _Span, text: str) -> _Span:
    """The end of a range, which may leave out the year (2024年6月から7月) or the month (1日から30日)."""
    if m := _BARE_MONTH.fullmatch(core):
        if not first.month:
            raise ValueFormatError(f"not a period: {text!r} ({HINT})")
        month = _month(m[1], text)
        year = first.year + (1 if month < first.month else 0)  # 2023年11月から2月: the next February
        core = f"{year}年{month}月{m[2] or ''}"
    elif m := _BARE_DAY.fullmatch(core):
        if not first.month or first.kind != "day":
            raise ValueFormatError(f"not a period: {text!r} ({HINT})")
        core = f"{first.year}年{first.month}月{m[1]}日"
    return _single(core, text)


def _year(digits: str, text: str) -> int:
    year = int(digits)
    if not 1900 <= year <= 2999:
        raise ValueFormatError(f"year {year} out of range in period {text!r}")
    return year


def _month(digits: str, text: str) -> int:
    month = int(digits)
    if not 1 <= month <= 12:
        raise ValueFormatError(f"month {month} out of range in period {text!r}")
    return month


def _month_length(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - date(year, month, 1)).days


def _ordinal(year: int, month: int, day: int) -> int:
    return date(year, month, day).toordinal()


def _day(year: int, month: int, day: int, text: str) -> _Span:
    year, month = _year(str(year), text), _month(str(month), text)
    if not 1 <= day <= _month_length(year, month):
        raise ValueFormatError(f"day {day} out of range in period {text!r}")
    ordinal = _ordinal(year, month, day)
    return _Span(f"{year:04d}-{month:02d}-{day:02d}", ordinal, ordinal, "day", year, month)


def _month_span(year: int, month: int) -> _Span:
    start = _ordinal(year, month, 1)
    return _Span(f"{year:04d}-{month:02d}", start, start + _month_length(year, month) - 1, "month", year, month)
