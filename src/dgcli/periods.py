"""Periods as the page prints them (``2024年7月``, ``2023年3月末時点``, ``2023年度``,
``2023年8月から2024年7月合計``) and their canonical forms (``2024-07``, ``FY2023``, ``2023-08/2024-07``)."""

from __future__ import annotations

import re
from typing import NamedTuple

from dgcli.errors import ValueFormatError
from dgcli.numbers import normalize

# Words around a period that say how it was measured, not which months it covers.
_PREFIXES = ("年間", "リリース以降")
_SUFFIXES = ("時点の調査結果", "時点", "末", "現在", "合計")

_ISO_MONTH = re.compile(r"(\d{4})-(\d{2})")
_ISO_FISCAL = re.compile(r"FY(\d{4})")
_ISO_RANGE = re.compile(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})")
_JA_FISCAL = re.compile(r"(\d{4})年度")
_JA_MONTH = re.compile(r"(\d{4})年(\d{1,2})月")
_JA_RANGE = re.compile(r"(\d{4})年(\d{1,2})月から(?:(\d{4})年)?(\d{1,2})月")

HINT = "write e.g. 2024年7月, 2024-07, 2023年度, FY2023, or 2023年8月から2024年7月"


class Period(NamedTuple):
    """A month, a fiscal year (April to March) or a range of months."""

    text: str  # as written in the file: "2024年8月末時点"
    start: int  # months since year 0: year * 12 + (month - 1)
    end: int  # inclusive
    fiscal: bool = False

    @property
    def key(self) -> str:
        """Canonical form, also the identity used to match a claim's period to an observation."""
        if self.fiscal:
            return f"FY{self.start // 12}"
        if self.start == self.end:
            return _month(self.start)
        return f"{_month(self.start)}/{_month(self.end)}"


def _month(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _index(year: str, month: str, text: str) -> int:
    y, m = int(year), int(month)
    if not 1 <= m <= 12:
        raise ValueFormatError(f"month {m} out of range in period {text!r}")
    if not 1900 <= y <= 2999:
        raise ValueFormatError(f"year {y} out of range in period {text!r}")
    return y * 12 + m - 1


def parse_period(text: str) -> Period:
    """Parse a period as printed on the page or in canonical form."""
    core = _strip_decorations(normalize(text).strip())
    if match := _ISO_MONTH.fullmatch(core) or _JA_MONTH.fullmatch(core):
        month = _index(match[1], match[2], text)
        return Period(text, month, month)
    if match := _ISO_FISCAL.fullmatch(core) or _JA_FISCAL.fullmatch(core):
        april = _index(match[1], "4", text)
        return Period(text, april, april + 11, fiscal=True)
    if match := _ISO_RANGE.fullmatch(core):
        start, end = _index(match[1], match[2], text), _index(match[3], match[4], text)
    elif match := _JA_RANGE.fullmatch(core):
        start = _index(match[1], match[2], text)
        end = _index(match[3] or match[1], match[4], text)
    else:
        raise ValueFormatError(f"not a period: {text!r} ({HINT})")
    if start >= end:
        raise ValueFormatError(f"period {text!r} ends before it starts")
    return Period(text, start, end)


def _strip_decorations(core: str) -> str:
    for prefix in _PREFIXES:
        if core.startswith(prefix):
            core = core.removeprefix(prefix).strip()
    if core.startswith("(") and core.endswith(")"):
        core = core[1:-1].strip()
    stripped = True
    while stripped:
        stripped = False
        for suffix in _SUFFIXES:
            if core.endswith(suffix) and len(core) > len(suffix):
                core = core.removesuffix(suffix).strip()
                stripped = True
    return core
