import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dgcli.errors import ValueFormatError
from dgcli.periods import parse_period


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("2024年7月", "2024-07"),
        ("2024-07", "2024-07"),
        ("2023年7⽉", "2023-07"),  # the Kangxi radical the page itself uses
        ("2023年3月末", "2023-03"),
        ("2024年8月末時点", "2024-08"),
        ("2024年7月時点の調査結果", "2024-07"),
        ("2023年3月末時点の調査結果", "2023-03"),
        ("2024年8月現在", "2024-08"),
        ("2023年度", "FY2023"),
        ("FY2024", "FY2024"),
        ("2023年8月から2024年7月合計", "2023-08/2024-07"),
        ("年間 2023年8月から2024年7月合計", "2023-08/2024-07"),
        ("リリース以降(2024年6月から7月)", "2024-06/2024-07"),
        ("2023-08/2024-07", "2023-08/2024-07"),
    ],
)
def test_periods_as_printed(text: str, key: str) -> None:
    period = parse_period(text)
    assert period.key == key
    assert period.text == text


def test_fiscal_year_runs_april_to_march() -> None:
    fiscal = parse_period("2023年度")
    assert (parse_period("2023年4月").start, parse_period("2024年3月").end) == (fiscal.start, fiscal.end)


@pytest.mark.parametrize(
    "text",
    ["2024-07-01", "2024年13月", "2024年0月", "07/2024", "今年", "2024年7月から2024年6月", "1:30", "no", ""],
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


@given(st.text(max_size=30))
def test_never_raises_anything_but_its_own_error(text: str) -> None:
    with contextlib.suppress(ValueFormatError):
        parse_period(text)
