"""Claim checking: per kind, interval properties, and corrupting single figures of the shipped file."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import SHIPPED
from dgcli.claims import Interval, changes, exit_code, judge, percent_change, round_to, summarize, verify
from dgcli.model import Dataset, Verdict
from dgcli.numbers import Quantity, parse_quantity
from dgcli.schema import load_dataset


def verdicts(dataset: Dataset) -> dict[str, Verdict]:
    return {result.claim.id: result.verdict for result in verify(dataset)}


def test_shipped_file_passes_with_the_expected_exceptions(shipped: Dataset) -> None:
    results = verify(shipped)
    found = verdicts(shipped)
    assert len([r for r in results if r.claim.kind != "distribution_sum"]) >= 30
    assert exit_code(results) == 0
    assert found["etax-linkages-change"] is Verdict.WITHIN_ROUNDING
    assert found["gbizid-prime-change"] is Verdict.UNVERIFIABLE
    assert found["headline-gbizid-change"] is Verdict.UNVERIFIABLE
    assert found["mynacard-population-share"] is Verdict.UNVERIFIABLE
    assert found["mynacard-change"] is Verdict.CONSISTENT
    assert not {Verdict.INCONSISTENT, Verdict.GROSS} & set(found.values())
    assert exit_code(results, strict=True) == 1  # e-Tax's 57% is only within rounding


def test_etax_interval_matches_hand_computation(shipped: Dataset) -> None:
    result = next(r for r in verify(shipped) if r.claim.id == "etax-linkages-change")
    assert result.computed is not None
    assert result.computed.low == (Fraction(7525000, 4785000) - 1) * 100  # 752.5万 / 478.5万
    assert result.computed.high == (Fraction(7535000, 4775000) - 1) * 100  # 753.5万 / 477.5万
    assert round(float(result.computed.point), 2) == 57.53


def test_mynacard_change_row(shipped: Dataset) -> None:
    row = next(r for r in changes(shipped) if r.metric.id == "mynacard")
    assert row.baseline is not None and row.baseline.period_key == "2023-07"
    assert row.percent is not None and round_to(row.percent.point, Fraction(1, 100)) == Fraction(454, 100)
    assert row.result.stated is not None and row.result.stated.text == "5%"


def test_summary_counts_every_verdict(shipped: Dataset) -> None:
    counts = summarize(verify(shipped))
    assert set(counts) == {"total", *Verdict}
    assert counts["total"] == sum(counts[v] for v in Verdict)


def _corrupt(tmp_path: Path, old: str, new: str) -> Dataset:
    text = SHIPPED.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / "indicators.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return load_dataset(path)


@pytest.mark.parametrize(
    ("old", "new", "claim", "verdict"),
    [
        ("value: 9,308万枚", "value: 9,408万枚", "mynacard-change", Verdict.INCONSISTENT),
        ("value: 8,904万枚", "value: 9,904万枚", "mynacard-change", Verdict.GROSS),  # now a fall
        ("value: 4,365条項", "value: 4,366条項", "analog-regulations-change", Verdict.INCONSISTENT),
        ("value: 5.1億回", "value: 5.3億回", "jpki-verifications-sum", Verdict.INCONSISTENT),
        (
            "              - パブリックコメント対応品質の向上\n",
            "",
            "ai-use-cases-count",
            Verdict.INCONSISTENT,
        ),
        ("stated: 795%", "stated: 895%", "gov-cloud-systems-change", Verdict.GROSS),  # ratio quoted as change
        (
            "stated: 2.9PT\n      - id: headline-adaptation",
            "stated: 29PT\n      - id: headline-adaptation",
            "headline-approval-pt",
            Verdict.GROSS,
        ),
        (
            "              良いと思わない: 11.1%",
            "              良いと思わない: 12.1%",
            "approval-2024-07-sums-to-100",
            Verdict.INCONSISTENT,
        ),
        (
            "value: 6,412万件",
            "value: 6,612万件",
            "headline-accounts-double-digit",
            Verdict.GROSS,
        ),  # 8.8% is not 二桁
        ("value: 27件", "value: 270件", "headline-technology-map-rose", Verdict.GROSS),
        ("stated: 79%", "stated: 69%", "health-insurance-card-share", Verdict.INCONSISTENT),
        ("stated: 9,308万枚", "stated: 9,318万枚", "mynacard-restated", Verdict.INCONSISTENT),
        ("stated: 9,308万枚", "stated: 930.8万枚", "mynacard-restated", Verdict.GROSS),  # unit slip
        (
            "added: [宮内庁, 内閣府・内閣官房, 復興庁, 消費者庁, カジノ管理委員会]",
            "added: [宮内庁, 復興庁, 消費者庁, カジノ管理委員会]",
            "headline-gss-joined",
            Verdict.INCONSISTENT,
        ),
    ],
)
def test_a_corrupted_figure_fails_the_right_claim(
    tmp_path: Path, old: str, new: str, claim: str, verdict: Verdict
) -> None:
    dataset = _corrupt(tmp_path, old, new)
    results = verify(dataset)
    assert verdicts(dataset)[claim] is verdict
    assert exit_code(results) == 1


def test_a_figure_moved_within_its_rounding_stays_consistent(tmp_path: Path) -> None:
    # 9,308万 -> 93,080,000 exactly is the same figure written in full: nothing changes.
    dataset = _corrupt(tmp_path, "value: 9,308万枚", "value: 93,080,000枚")
    assert verdicts(dataset)["mynacard-change"] is Verdict.CONSISTENT
    # The same figure stated in 億 is still a restatement of it.
    dataset = _corrupt(tmp_path, "stated: 9,308万枚", "stated: 0.9308億枚")
    assert verdicts(dataset)["mynacard-restated"] is Verdict.CONSISTENT


def _q(value: Decimal, half: Decimal) -> Interval:
    return Interval(Fraction(value), Fraction(value - half), Fraction(value + half))


def _stated(value: Fraction, places: int) -> Quantity:
    step = Fraction(1, 10**places)
    rounded = round_to(value, step)
    text = f"{Decimal(rounded.numerator) / Decimal(rounded.denominator):.{places}f}%"
    return parse_quantity(text)


amounts = st.integers(min_value=1000, max_value=10**6)


@given(new=amounts, old=amounts, places=st.integers(0, 2))
def test_exact_inputs_and_the_rounded_point_are_consistent(new: int, old: int, places: int) -> None:
    computed = percent_change(_q(Decimal(new), Decimal(0)), _q(Decimal(old), Decimal(0)))
    assert computed is not None
    assert judge(computed, _stated(computed.point, places), signed=True)[0] is Verdict.CONSISTENT


@given(new=amounts, old=amounts, points=st.integers(1, 50))
def test_moving_an_input_beyond_its_rounding_is_inconsistent(new: int, old: int, points: int) -> None:
    stated_change = percent_change(_q(Decimal(new), Decimal(0)), _q(Decimal(old), Decimal(0)))
    assert stated_change is not None
    stated = _stated(stated_change.point, 1)
    # new + old × points/100 moves the change by exactly `points` percentage points (≥ 10 steps of 0.1)
    moved_new = Decimal(new) + Decimal(old) * points / 100
    moved = percent_change(_q(moved_new, Decimal(0)), _q(Decimal(old), Decimal(0)))
    assert moved is not None
    assert judge(moved, stated, signed=True)[0] in (Verdict.INCONSISTENT, Verdict.GROSS)


@given(new=amounts, old=amounts)
def test_swapping_direction_is_gross(new: int, old: int) -> None:
    if new == old:
        return
    change = percent_change(_q(Decimal(new), Decimal(0)), _q(Decimal(old), Decimal(0)))
    assert change is not None
    wrong_sign = _stated(-change.point, 1)
    if wrong_sign.value == 0:
        return
    assert judge(change, wrong_sign, signed=True)[0] is Verdict.GROSS


def test_within_rounding_needs_the_rounding_intervals() -> None:
    computed = percent_change(_q(Decimal(7530000), Decimal(5000)), _q(Decimal(4780000), Decimal(5000)))
    assert computed is not None
    assert judge(computed, parse_quantity("57%"), signed=True)[0] is Verdict.WITHIN_ROUNDING
    assert judge(computed, parse_quantity("58%"), signed=True)[0] is Verdict.CONSISTENT
    assert judge(computed, parse_quantity("56%"), signed=True)[0] is Verdict.INCONSISTENT


def test_zero_baseline_has_no_percent_change() -> None:
    assert percent_change(_q(Decimal(5), Decimal(0)), _q(Decimal(0), Decimal(0))) is None


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=6, allow_nan=False, allow_infinity=False))
def test_rounding_and_formatting_match_decimal_half_up(value: Decimal) -> None:
    from decimal import ROUND_HALF_UP

    from dgcli.claims import format_fraction, round_half_up

    assert round_half_up(Fraction(value)) == int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    expected = value.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    text = f"{expected:,f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    assert format_fraction(Fraction(value)) == ("0" if text in ("-0", "") else text)
