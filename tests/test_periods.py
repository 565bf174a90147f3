"""Periods as publications print them: canonical keys, spans of days, order and containment."""

from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dgcli.errors import ValueFormatError
from dgcli.text.periods import parse_period


@pytest.mark.parametrize(
    ("text", "key", "first", "last"),
    [
        ("2024年7月", "2024-07", "2024-07-01", "2024-07-31"),
        ("2024-07", "2024-07", "2024-07-01", "2024-07-31"),
        ("2023年7⽉", "2023-07", "2023-07-01", "2023-07-31"),  # the Kangxi radical the page itself uses
        ("2023年7月30日時点", "2023-07-30", "2023-07-30", "2023-07-30"),
        ("2023年7月末", "2023-07-31", "2023-07-31", "2023-07-31"),  # a month end is a day, not the month
        ("2024年2月末", "2024-02-29", "2024-02-29", "2024-02-29"),
        ("2024年8月末時点", "2024-08-31", "2024-08-31", "2024-08-31"),
        ("2024年7月時点の調査結果", "2024-07", "2024-07-01", "2024-07-31"),
        ("2024年8月現在", "2024-08", "2024-08-01", "2024-08-31"),
        ("2023年", "2023", "2023-01-01", "2023-12-31"),
        ("2023年度", "FY2023", "2023-04-01", "2024-03-31"),  # April to March
        ("FY2024", "FY2024", "2024-04-01", "2025-03-31"),
        ("2023年度末", "2024-03-31", "2024-03-31", "2024-03-31"),  # not FY2023
        ("令和5年度", "FY2023", "2023-04-01", "2024-03-31"),  # Reiwa 5 = 2018 + 5
        ("令和元年5月", "2019-05", "2019-05-01", "2019-05-31"),
        ("平成31年3月末", "2019-03-31", "2019-03-31", "2019-03-31"),  # Heisei 31 = 1988 + 31
        ("2024年度上半期", "2024-04/2024-09", "2024-04-01", "2024-09-30"),
        ("2024年度第4四半期", "2025-01/2025-03", "2025-01-01", "2025-03-31"),
        ("2024年第2四半期", "2024-04/2024-06", "2024-04-01", "2024-06-30"),  # the calendar year's April–June
        ("2024年上半期", "2024-01/2024-06", "2024-01-01", "2024-06-30"),
        ("令和6年8月分", "2024-08", "2024-08-01", "2024-08-31"),  # 分: the month's figures
        ("令和6年(2024年)8月", "2024-08", "2024-08-01", "2024-08-31"),  # both years printed, and they agree
        ("2024年（令和6年）8月", "2024-08", "2024-08-01", "2024-08-31"),
        ("2023年8月から2024年7月合計", "2023-08/2024-07", "2023-08-01", "2024-07-31"),
        ("年間 2023年8月から2024年7月合計", "2023-08/2024-07", "2023-08-01", "2024-07-31"),
        ("2023年8月〜2024年7月まで", "2023-08/2024-07", "2023-08-01", "2024-07-31"),
        ("2023年8月～2024年7月", "2023-08/2024-07", "2023-08-01", "2024-07-31"),  # full-width tilde
        ("リリース以降(2024年6月から7月)", "2024-06/2024-07", "2024-06-01", "2024-07-31"),
        ("2024年1〜3月", "2024-01/2024-03", "2024-01-01", "2024-03-31"),
        ("2024年1-3月期", "2024-01/2024-03", "2024-01-01", "2024-03-31"),
        ("2023年11月から2月", "2023-11/2024-02", "2023-11-01", "2024-02-29"),  # the next February
        ("2024年6月1日から30日", "2024-06-01/2024-06-30", "2024-06-01", "2024-06-30"),
        ("2023-08/2024-07", "2023-08/2024-07", "2023-08-01", "2024-07-31"),
    ],
)
def test_periods_as_printed(text: str, key: str, first: str, last: str) -> None:
    period = parse_period(text)
    assert (period.key, period.first_day, period.last_day) == (key, first, last)
    assert period.text == text


def test_order_a_day_sits_inside_its_month_and_year_ends_after_december() -> None:
    printed = ["2023年7月30日", "2023年7月", "2023年7月末", "2023年12月", "2023年度末", "2023年", "2023年度"]
    ordered = sorted(printed, key=lambda text: parse_period(text).sort_key)
    # by last day, then the longer span first: 7/30, July (ends 7/31) before its last day, …
    assert ordered == ["2023年7月30日", "2023年7月", "2023年7月末", "2023年", "2023年12月", "2023年度", "2023年度末"]


def test_containment() -> None:
    assert parse_period("2024年7月").contains(parse_period("2024年7月末時点"))
    assert parse_period("2023年度").contains(parse_period("2024年3月"))
    assert not parse_period("2023年").contains(parse_period("2023年度"))


@pytest.mark.parametrize("text", ["昨年度", "前年度", "前月", "前週", "先週", "1年前", "3か月前", "前年同月"])
def test_relative_words_are_not_periods(text: str) -> None:
    with pytest.raises(ValueFormatError, match="relative to the publication"):
        parse_period(text)


@pytest.mark.parametrize(
    "text",
    [
        "2024-07-32",
        "2024年13月",
        "2024年0月",
        "2023年2月29日",
        "07/2024",
        "今年",
        "2024年7月から2024年6月",
        "2023-07/2023-07",
        "1:30",
        "no",
        "",
        "٢٠٢٤年7月",
        "2024年㋆",  # a telegraph symbol for July: NFKC would make it 7月
        "令和0年",  # an era's first year is 元年
        "令和6年(2023年)8月",  # the two years printed disagree (令和6年 is 2024年)
        "2024年第5四半期",
    ],
)
def test_rejects_what_is_not_a_period(text: str) -> None:
    with pytest.raises(ValueFormatError):
        parse_period(text)


@given(year=st.integers(1900, 2999), month=st.integers(1, 12))
def test_japanese_and_iso_months_agree(year: int, month: int) -> None:
    assert (
        parse_period(f"{year}年{month}月").key
        == parse_period(f"{year:04d}-{month:02d}").key
        == f"{year:04d}-{month:02d}"
    )


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)))
def test_japanese_and_iso_days_agree(day: date) -> None:
    japanese = parse_period(f"{day.year}年{day.month}月{day.day}日")
    assert japanese.key == parse_period(day.isoformat()).key == day.isoformat()
    assert japanese.start == japanese.end == day.toordinal()


@given(st.text(max_size=30))
def test_never_raises_anything_but_its_own_error(text: str) -> None:
    with contextlib.suppress(ValueFormatError):
        parse_period(text)


@given(st.integers(1, date.max.toordinal()))
def test_a_day_number_reads_back_as_its_date(number: int) -> None:
    from dgcli.text.periods import iso_day

    assert iso_day(number) == date.fromordinal(number).isoformat()


def test_the_first_days_read_back() -> None:
    from dgcli.text.periods import iso_day

    # day 1 is 0001-01-01; the year 1 has 365 days (not a leap year), so day 366 is 0002-01-01
    assert (iso_day(1), iso_day(365), iso_day(366)) == ("0001-01-01", "0001-12-31", "0002-01-01")


@pytest.mark.parametrize(
    ("text", "key", "first", "last"),
    [
        # decorations inside brackets, then the quarter 1-3月期 (January to March)
        ("(累計2024年1-3月期)", "2024-01/2024-03", "2024-01-01", "2024-03-31"),
        # a range from a 年度 (April 2023 to March 2024) or a year to a month: no month is left out
        ("2023年度から2025年3月", "FY2023/2025-03", "2023-04-01", "2025-03-31"),
        ("2023年から2024年6月", "2023/2024-06", "2023-01-01", "2024-06-30"),
    ],
)
def test_ranges_that_start_with_a_year_or_a_decorated_quarter(text: str, key: str, first: str, last: str) -> None:
    period = parse_period(text)
    assert (period.key, period.first_day, period.last_day, period.kind) == (key, first, last, "range")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2024年007月", "month 007 out of range in period '2024年007月'"),  # a month has at most two digits
        # 2024年1 is read as 1月 only before an end that is a month (2024年1〜3月)
        ("2024年1から2024年度", "not a period: '2024年1から2024年度' (write e.g."),
        # of two faults, the first in reading order is named
        ("令和0年から令和年", "not a period: '令和0年から令和年': an era's first year is 元年"),
        ("2024年から1800年から2025年", "year 1800 out of range in period '2024年から1800年から2025年'"),
        ("2023-13/2024-07/2025-01", "month 13 out of range in period '2023-13/2024-07/2025-01'"),
        ("2024年13-3-5月", "month 13 out of range in period '2024年13-3-5月'"),
    ],
)
def test_refusals_name_the_first_fault(text: str, message: str) -> None:
    with pytest.raises(ValueFormatError) as raised:
        parse_period(text)
    assert str(raised.value).startswith(message), str(raised.value)
