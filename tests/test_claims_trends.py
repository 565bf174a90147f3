"""Thresholds, directions and orderings (check/claims.py: ``check_trend``, ``_trend``,
``_threshold_target``, ``conclusion_for``, ``check_ordering``), every field of their results derived
by hand: one metric or several, a zero baseline, a missing figure, a bound, a fall. Written from
mutmut's survivors (docs/mutation.md).
"""

from __future__ import annotations

from fractions import Fraction as F
from pathlib import Path

import pytest

from dgcli.check.claims import Result, Rules, _threshold_target, check, conclusion_for
from dgcli.data.loader import load_dataset
from dgcli.data.model import Dataset, Verdict
from dgcli.errors import DataError
from dgcli.text.intervals import Interval
from dgcli.text.numbers import parse_figure

# One source that declares 四捨五入 (half_up): one reading, no tie directions to try. Counts printed
# in full (110件) are exact points; 1万件 under half_up is [5,000, 15,000); 100件以上 is [100, ∞).
TRENDS = """schema_version: "2"
sources: [{id: s, title: t, publisher: p, rounding: half_up}]
groups: [{id: g, title: g}]
sections:
  - id: x
    title: x
    group: g
    claims:
      - {id: t-bare, kind: threshold, text: 2023年7月から10%以上増加, metric: seven, from: 2023年7月, stated: 10%}
      - {id: t-digits, kind: threshold, text: 二桁成長, metric: b, from: 2023年7月, stated: 二桁}
      - {id: t-digits-over, kind: threshold, text: 二桁成長, metric: big, from: 2023年7月, stated: 二桁}
      - {id: t-over, kind: threshold, text: 2023年7月から10%超の伸び, metric: a, from: 2023年7月, stated: 10%超}
      - {id: t-fall, kind: threshold, text: 2023年7月から10%以上減少, metric: fall, from: 2023年7月, stated: 10%,
         direction: down}
      - {id: t-zero, kind: threshold, text: 2023年7月から10%以上増加, metric: zero, from: 2023年7月, stated: 10%}
      - {id: t-zero-digits, kind: threshold, text: 二桁成長, metric: zero, from: 2023年7月, stated: 二桁}
      - {id: t-several, kind: threshold, text: いずれも10%以上増加, metrics: [a, b], from: 2023年7月, stated: 10%}
      - {id: t-several-zero, kind: threshold, text: いずれも10%以上増加, metrics: [a, zero], from: 2023年7月,
         stated: 10%}
      - {id: t-missing, kind: threshold, text: 10%以上増加, metric: late, stated: 10%,
         unverifiable: 前年の件数は公表されていない}
      - {id: t-missing-digits, kind: threshold, text: 二桁成長, metric: late, stated: 二桁,
         unverifiable: 前年の件数は公表されていない}
      - {id: t-about-zero, kind: threshold, text: 2023年7月から約0%の伸び, metric: dip3, from: 2023年7月, stated: 約0%}
      - {id: t-rounding, kind: threshold, text: 2023年7月から10%以上増加, metric: man, from: 2023年7月, stated: 10%}
      - {id: t-bound, kind: threshold, text: 2023年7月から10%以上増加, metric: bound, from: 2023年7月, stated: 10%}
      - {id: d-pct, kind: direction, text: 2023年7月から上昇, metric: pct, from: 2023年7月}
      - {id: d-several, kind: direction, text: いずれも増加, metrics: [a, b], from: 2023年7月}
      - {id: d-several-fall, kind: direction, text: いずれも増加, metrics: [a, dip], from: 2023年7月}
      - {id: d-fall, kind: direction, text: 2023年7月から減少, metric: dip, from: 2023年7月, direction: down}
      - {id: d-flat-down, kind: direction, text: 2023年7月から減少, metric: flat, from: 2023年7月, direction: down}
      - {id: d-flat-up, kind: direction, text: 2023年7月から増加, metric: flat, from: 2023年7月}
      - {id: d-rounding, kind: direction, text: 2023年7月から増加, metric: man, from: 2023年7月}
      - {id: d-bound, kind: direction, text: 2023年7月から増加, metric: bound, from: 2023年7月}
      - {id: d-missing, kind: direction, text: いずれも増加, metrics: [a, late], from: 2023年7月,
         unverifiable: lateの前年の件数は公表されていない}
      - {id: o-down, kind: ordering, text: 申請 ≥ 交付 ≥ 保有, metrics: [hi, mid, lo]}
      - {id: o-equal, kind: ordering, text: 申請 ≥ 交付, metrics: [mid, mid2]}
      - {id: o-up, kind: ordering, text: 保有 ≤ 交付, metrics: [lo, mid], direction: up}
      - {id: o-up-broken, kind: ordering, text: 保有 ≤ 交付, metrics: [five, four], direction: up}
      - {id: o-down-broken, kind: ordering, text: 申請 ≥ 交付, metrics: [lo, mid]}
      - {id: o-rounding, kind: ordering, text: 申請 ≥ 交付, metrics: [rounded, exact]}
      - {id: o-bound, kind: ordering, text: 申請 ≥ 交付, metrics: [floor, exact]}
    metrics:
"""
_METRICS = {  # id: (2024年7月, 2023年7月 or None), unit 件 unless a percentage
    "a": ("110件", "100件"),
    "b": ("114件", "100件"),
    "seven": ("800件", "700件"),
    "big": ("250件", "100件"),
    "fall": ("85件", "100件"),
    "dip": ("90件", "100件"),
    "dip3": ("970件", "1,000件"),
    "flat": ("100件", "100件"),
    "zero": ("5件", "0件"),
    "pct": ("50.9%", "48.0%"),
    "man": ("1万件", "12,000件"),
    "bound": ("100件以上", "100件"),
    "late": ("110件", None),
    "hi": ("300件", None),
    "mid": ("200件", None),
    "mid2": ("200件", None),
    "lo": ("100件", None),
    "five": ("5件", None),
    "four": ("4件", None),
    "rounded": ("1万件", None),
    "exact": ("12,000件", None),
    "floor": ("1万件以上", None),
}


def _metric(metric_id: str, latest: str, baseline: str | None) -> str:
    unit = '"%"' if latest.endswith("%") else "件"
    observations = f'{{period: 2024年7月, value: "{latest}"}}'
    if baseline is not None:
        observations += f', {{period: 2023年7月, value: "{baseline}"}}'
    names = f"id: {metric_id}, name: {metric_id}, name_en: {metric_id}"
    return f"      - {{{names}, unit: {unit}, observations: [{observations}]}}\n"


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    path = tmp_path_factory.mktemp("trends") / "indicators.yaml"
    path.write_text(TRENDS + "".join(_metric(m, *values) for m, values in _METRICS.items()), encoding="utf-8")
    return load_dataset(path)


def _checked(dataset: Dataset, claim_id: str) -> Result:
    claim = next(c for c in dataset.claims() if c.id == claim_id)
    result = check(claim, dataset)
    assert result.claim is claim
    return result


def whole(interval: Interval | None) -> tuple[object, ...] | None:
    return None if interval is None else tuple(interval)


def outcome(result: Result) -> tuple[object, ...]:
    return (
        result.verdict.value,
        result.reason,
        whole(result.computed),
        result.stated,
        whole(result.target),
        result.rounding,
    )


def exact(value: F) -> tuple[object, ...]:
    return (value, value, False, False, value)


PERCENT_10 = parse_figure("10%")
FLOOR_10 = (F(10), None, False, False, None)  # a bare 10%: at least 10%, reached
RISE = (F(0), None, True, False, None)  # a rise: more than 0
FALL = (None, F(0), False, True, None)  # a fall: less than 0
AT_LEAST_0 = (F(0), None, False, False, None)  # ordering down: left − right ≥ 0
AT_MOST_0 = (None, F(0), False, False, None)  # ordering up: left − right ≤ 0


# ── thresholds ───────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("claim_id", "expected"),
    [
        # 800 ÷ 700 − 1 = 1/7 = 14.2857…%, shown to 2 places; a bare 10% is the floor [10%, ∞)
        (
            "t-bare",
            ("consistent", "700件 → 800件 is 14.29%: a rise of 10% or more", exact(F(100, 7)), PERCENT_10, FLOOR_10),
        ),
        # 114 ÷ 100 − 1 = 14%, inside 二桁 = [10%, 100%); 二桁 is compared as a percent change
        (
            "t-digits",
            (
                "consistent",
                "100件 → 114件 is 14%: a rise of 二桁 [10% – 100%)",
                exact(F(14)),
                parse_figure("二桁")._replace(unit="%"),
                (F(10), F(100), False, True, None),
            ),
        ),
        # 250 ÷ 100 − 1 = 150%: three digits, not 二桁 — the conclusion changes, so gross
        (
            "t-digits-over",
            (
                "gross",
                "100件 → 250件 is 150%: not a rise of 二桁 [10% – 100%)",
                exact(F(150)),
                parse_figure("二桁")._replace(unit="%"),
                (F(10), F(100), False, True, None),
            ),
        ),
        # 110 ÷ 100 − 1 = 10% exactly: 10%超 is more than 10%, (10%, ∞), which 10% is not
        (
            "t-over",
            (
                "gross",
                "100件 → 110件 is 10%: not a rise of 10%超 > 10%",
                exact(F(10)),
                parse_figure("10%超"),
                (F(10), None, True, False, None),
            ),
        ),
        # 85 ÷ 100 − 1 = −15%; a fall of 10% or more is (−∞, −10%]
        (
            "t-fall",
            (
                "consistent",
                "100件 → 85件 is -15%: a fall of 10% or more",
                exact(F(-15)),
                PERCENT_10,
                (None, F(-10), False, False, None),
            ),
        ),
        # 1万 under 四捨五入 is [5,000, 15,000): 10,000 ÷ 12,000 − 1 = −16.67%; 5,000 ÷ 12,000 − 1 = −58.33%
        # (reached); 15,000 ÷ 12,000 − 1 = 25% (not reached) — a rise of 10% only within the rounding
        (
            "t-rounding",
            (
                "within_rounding",
                "12,000件 → 1万件 is -16.67% [-58.33% – 25%): "
                "not a rise of 10% or more as printed, but values within their rounding are",
                (F(-175, 3), F(25), False, True, F(-50, 3)),
                PERCENT_10,
                FLOOR_10,
            ),
        ),
        # 100件以上 ÷ 100件 − 1 = [0%, ∞), no printed value: it may or may not reach 10%
        (
            "t-bound",
            (
                "unverifiable",
                "100件 → 100件以上 is ≥ 0%: a figure is only a bound, which may or may not be a rise of 10% or more",
                (F(0), None, False, False, None),
                PERCENT_10,
                FLOOR_10,
            ),
        ),
    ],
)
def test_a_threshold_over_one_metric(dataset: Dataset, claim_id: str, expected: tuple[object, ...]) -> None:
    assert outcome(_checked(dataset, claim_id)) == (*expected, "half_up")


def test_a_threshold_from_a_zero_baseline_is_gross(dataset: Dataset) -> None:
    # 5 ÷ 0: no growth rate exists, so no threshold is reached; what 10% stood for is still shown
    reason = "0件 → 5件: the baseline is exactly zero, so no growth rate exists"
    assert outcome(_checked(dataset, "t-zero")) == ("gross", reason, None, PERCENT_10, FLOOR_10, "half_up")
    # 二桁 from zero: no rate at all, so not 二桁 either; 二桁 stands for [10%, 100%), a percent change
    # (as where a change was computed: a threshold's stated figure is always one)
    digits = outcome(_checked(dataset, "t-zero-digits"))
    two_digits = parse_figure("二桁")._replace(unit="%")
    assert digits == ("gross", reason, None, two_digits, (F(10), F(100), False, True, None), "half_up")


def test_a_threshold_over_several_metrics_names_the_worst(dataset: Dataset) -> None:
    # a: 110 ÷ 100 − 1 = 10%, b: 114 ÷ 100 − 1 = 14%: both reach 10%; of equals the first is named
    assert outcome(_checked(dataset, "t-several")) == (
        "consistent",
        "a: 100件 → 110件 is 10%: a rise of 10% or more",
        exact(F(10)),
        PERCENT_10,
        FLOOR_10,
        "half_up",
    )
    # a reaches it, zero (0 → 5) has no growth rate: the gross one is named
    assert outcome(_checked(dataset, "t-several-zero")) == (
        "gross",
        "zero: 0件 → 5件: the baseline is exactly zero, so no growth rate exists",
        None,
        PERCENT_10,
        FLOOR_10,
        "half_up",
    )


def test_a_threshold_whose_baseline_is_not_published_says_why(dataset: Dataset) -> None:
    # no from: — the file's own unverifiable: text is the reason; nothing was computed, but what the
    # stated 10% was read as is kept: a bare 10% is the floor [10%, ∞)
    assert outcome(_checked(dataset, "t-missing")) == (
        "unverifiable",
        "前年の件数は公表されていない",
        None,
        PERCENT_10,
        FLOOR_10,
        "half_up",
    )


def test_an_unverifiable_hedged_threshold_keeps_its_range(dataset: Dataset) -> None:
    # 二桁 (a two-digit growth) stands for [10%, 100%) however it was rounded; nothing to compare it with
    two_digits = parse_figure("二桁")._replace(unit="%")
    assert outcome(_checked(dataset, "t-missing-digits")) == (
        "unverifiable",
        "前年の件数は公表されていない",
        None,
        two_digits,
        (F(10), F(100), False, True, None),
        "half_up",
    )


def test_a_hedged_threshold_keeps_its_whole_range(dataset: Dataset) -> None:
    # 約0% stands for [−5%, 5%] around its printed 0 (約: the trailing zero is not significant, a step of
    # 10 points); only 以下 and 未満 are cut at zero. 970 ÷ 1,000 − 1 = −3% exactly: about 0%
    about_zero = (F(-5), F(5), False, False, F(0))
    assert outcome(_checked(dataset, "t-about-zero")) == (
        "consistent",
        "1,000件 → 970件 is -3%: a rise of 約0% [-5% – 5%]",
        exact(F(-3)),
        parse_figure("約0%"),
        about_zero,
        "half_up",
    )


def test_a_hedged_threshold_asks_for_no_tie_direction(tmp_path: Path) -> None:
    # Nothing declared (nearest): 二桁 is [10%, 100%) whichever way ties go, so reading it asks for no
    # source's tie direction — check() reads both directions only of sources that can change a figure.
    path = tmp_path / "indicators.yaml"
    path.write_text(
        TRENDS.split("    claims:")[0].replace(", rounding: half_up", "")
        + "    claims:\n"
        + "      - {id: t, kind: threshold, text: 二桁成長, metric: b, from: 2023年7月, stated: 二桁}\n"
        + "    metrics:\n"
        + _metric("b", "114件", "100件"),
        encoding="utf-8",
    )
    dataset = load_dataset(path)
    rules = Rules(dataset)
    target = _threshold_target(dataset.claims()[0], rules)
    assert (whole(target), rules.asked) == ((F(10), F(100), False, True, None), [])


def test_a_missing_baseline_without_a_reason_is_refused_at_load(tmp_path: Path) -> None:
    # check_trend's own reason ("m: a figure is not published") is for claims built in code: a file
    # must say why (unverifiable:), or the loader refuses it at the claim's from:
    path = tmp_path / "indicators.yaml"
    path.write_text(
        TRENDS.split("    claims:")[0]
        + "    claims:\n"
        + "      - {id: t, kind: direction, text: 増加, metric: late, from: 2023年7月}\n"
        + "    metrics:\n"
        + _metric("late", "110件", None),
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        load_dataset(path)
    assert [p.message for p in caught.value.problems] == [
        "'2023年7月' is not a period of 'late' (it has 2024-07); "
        "add unverifiable: with the reason if it is not published"
    ]


# ── directions ───────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("claim_id", "expected"),
    [
        # 50.9% − 48.0% = 2.9PT (a change of percentages is in points); under 四捨五入 50.9% is
        # [50.85, 50.95) and 48.0% is [47.95, 48.05): 50.85 − 48.05 = 2.8 and 50.95 − 47.95 = 3.0, both open
        (
            "d-pct",
            (
                "consistent",
                "48.0% → 50.9%, +2.9PT (2.8PT – 3PT): a rise",
                (F(14, 5), F(3), True, True, F(29, 10)),
                RISE,
            ),
        ),
        # 90 − 100 = −10 (a count's change is shown without its counter word)
        ("d-fall", ("consistent", "100件 → 90件, -10: a fall", exact(F(-10)), FALL)),
        # 100 − 100 = 0: neither a fall nor a rise
        ("d-flat-down", ("gross", "100件 → 100件, +0: not a fall", exact(F(0)), FALL)),
        ("d-flat-up", ("gross", "100件 → 100件, +0: not a rise", exact(F(0)), RISE)),
        # 1万 is [5,000, 15,000): 10,000 − 12,000 = −2,000 = −0.2万; 5,000 − 12,000 = −0.7万 (reached),
        # 15,000 − 12,000 = 0.3万 (not reached): a rise only within the rounding
        (
            "d-rounding",
            (
                "within_rounding",
                "12,000件 → 1万件, -0.2万 [-0.7万 – 0.3万): "
                "not a rise as printed, but values within their rounding are",
                (F(-7000), F(3000), False, True, F(-2000)),
                RISE,
            ),
        ),
        # [100, ∞) − 100 = [0, ∞), no printed value: 0 is no rise, more is
        (
            "d-bound",
            (
                "unverifiable",
                "100件 → 100件以上, ≥ 0: a figure is only a bound, which may or may not be a rise",
                (F(0), None, False, False, None),
                RISE,
            ),
        ),
    ],
)
def test_a_direction_over_one_metric(dataset: Dataset, claim_id: str, expected: tuple[object, ...]) -> None:
    verdict, reason, computed, target = expected
    assert outcome(_checked(dataset, claim_id)) == (verdict, reason, computed, None, target, "half_up")


def test_a_direction_over_several_metrics_names_the_worst_and_computes_for_none(dataset: Dataset) -> None:
    # a: 110 − 100 = +10, b: 114 − 100 = +14: both rose; of equals the first is named, and no one
    # metric's change stands for the claim
    assert outcome(_checked(dataset, "d-several")) == (
        "consistent",
        "a: 100件 → 110件, +10: a rise",
        None,
        None,
        RISE,
        "half_up",
    )
    # a rose, dip fell (90 − 100 = −10): the claim that both rose is gross
    assert outcome(_checked(dataset, "d-several-fall")) == (
        "gross",
        "dip: 100件 → 90件, -10: not a rise",
        None,
        None,
        RISE,
        "half_up",
    )
    # a rose, late has no 2023年7月 figure: unverifiable, in the file's own words
    assert outcome(_checked(dataset, "d-missing")) == (
        "unverifiable",
        "lateの前年の件数は公表されていない",
        None,
        None,
        None,
        "half_up",
    )


# ── orderings ────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("claim_id", "expected"),
    [
        # 300 − 200 = 100 ≥ 0 and 200 − 100 = 100 ≥ 0: of equals the first pair is named
        ("o-down", ("consistent", "hi 300件, mid 200件: hi ≥ mid", exact(F(100)), AT_LEAST_0)),
        # 200 − 200 = 0: "never increase" holds for equal figures
        ("o-equal", ("consistent", "mid 200件, mid2 200件: mid ≥ mid2", exact(F(0)), AT_LEAST_0)),
        # up: 100 − 200 = −100 ≤ 0
        ("o-up", ("consistent", "lo 100件, mid 200件: lo ≤ mid", exact(F(-100)), AT_MOST_0)),
        # up: 5 − 4 = 1 > 0, by the least a count can
        ("o-up-broken", ("gross", "five 5件, four 4件: not five ≤ four", exact(F(1)), AT_MOST_0)),
        ("o-down-broken", ("gross", "lo 100件, mid 200件: not lo ≥ mid", exact(F(-100)), AT_LEAST_0)),
        # 1万 is [5,000, 15,000): 10,000 − 12,000 = −2,000 < 0, but up to 15,000 − 12,000 = 3,000 (open)
        (
            "o-rounding",
            (
                "within_rounding",
                "rounded 1万件, exact 12,000件: not rounded ≥ exact as printed, but values within their rounding are",
                (F(-7000), F(3000), False, True, F(-2000)),
                AT_LEAST_0,
            ),
        ),
        # [10,000, ∞) − 12,000 = [−2,000, ∞), no printed value
        (
            "o-bound",
            (
                "unverifiable",
                "floor 1万件以上, exact 12,000件: a figure is only a bound, which may or may not be floor ≥ exact",
                (F(-2000), None, False, False, None),
                AT_LEAST_0,
            ),
        ),
    ],
)
def test_an_ordering(dataset: Dataset, claim_id: str, expected: tuple[object, ...]) -> None:
    verdict, reason, computed, target = expected
    assert outcome(_checked(dataset, claim_id)) == (verdict, reason, computed, None, target, "half_up")


# ── conclusion_for: the result keeps what it was given ───────────────────────────────────────


def test_a_conclusion_keeps_the_claims_stated_figure(dataset: Dataset) -> None:
    claim = next(c for c in dataset.claims() if c.id == "t-bare")
    computed, target = Interval.exact(F(12)), Interval(F(10), None)
    assert conclusion_for(claim, computed, target, says="at least 10%", gives="12%") == Result(
        claim, Verdict.CONSISTENT, "12%: at least 10%", computed, PERCENT_10, target
    )


def test_a_threshold_of_at_most_a_figure_is_still_a_rise(tmp_path: Path) -> None:
    path = tmp_path / "indicators.yaml"
    path.write_text(
        TRENDS.split("    claims:")[0]
        + "    claims:\n"
        + "      - {id: fell, kind: threshold, text: 5%以下の成長, metric: fell, from: 2023年7月, stated: 5%以下}\n"
        + "      - {id: rose, kind: threshold, text: 5%以下の成長, metric: rose, from: 2023年7月, stated: 5%以下}\n"
        + "    metrics:\n"
        + _metric("fell", "97件", "100件")
        + _metric("rose", "103件", "100件"),
        encoding="utf-8",
    )
    dataset = load_dataset(path)
    results = {c.id: check(c, dataset) for c in dataset.claims()}
    at_most_five = (F(0), F(5), True, False, None)  # a rise of at most 5%: (0%, 5%]
    # 97 ÷ 100 − 1 = −3% exactly (full counts): a fall, not a growth of at most 5%
    fell = results["fell"]
    assert (fell.verdict, fell.reason, whole(fell.target)) == (
        Verdict.GROSS,
        "100件 → 97件 is -3%: not a rise of 5%以下 (0% – 5%]",
        at_most_five,
    )
    # 103 ÷ 100 − 1 = +3%: within (0%, 5%]
    rose = results["rose"]
    assert (rose.verdict, whole(rose.target)) == (Verdict.CONSISTENT, at_most_five)


def test_a_negative_threshold_is_refused_at_load(tmp_path: Path) -> None:
    # _threshold_target cuts 以下/未満 at zero on the rise side only because no threshold is negative: a
    # fall is written direction: down (10%以上減少), never ▲10%
    path = tmp_path / "indicators.yaml"
    path.write_text(
        TRENDS.split("    claims:")[0]
        + "    claims:\n"
        + "      - {id: t, kind: threshold, text: 前年比▲5%以下, metric: a, from: 2023年7月, stated: ▲5%以下}\n"
        + "    metrics:\n"
        + _metric("a", "90件", "100件"),
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        load_dataset(path)
    assert [p.message for p in caught.value.problems] == ["'▲5%以下' is negative, which a threshold claim cannot be"]
