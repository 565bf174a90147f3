"""The checks of check/claims.py kind by kind, every field of their results derived by hand.

Each test builds the smallest file that reaches one branch of a checker (or of ``verdict_for`` /
``conclusion_for``) and states the whole result — verdict, reason, what the figures give, what the
stated figure stands for — with the arithmetic beside it. Written from mutmut's survivors
(docs/mutation.md): a line of the checks that no test pinned.
"""

from __future__ import annotations

import re
import textwrap
from fractions import Fraction as F
from pathlib import Path

import pytest

from dgcli.check.claims import Result, check, judge
from dgcli.data.implied import all_claims
from dgcli.data.loader import load_dataset
from dgcli.data.model import Claim, Dataset, Verdict
from dgcli.errors import DataError
from dgcli.text.intervals import Interval


def _load(tmp_path: Path, metrics: str, rounding: str = "rounding: half_up") -> Dataset:
    """A one-source file holding ``metrics`` (YAML, as under a section's ``metrics:``)."""
    path = tmp_path / "indicators.yaml"
    head = f"""schema_version: "2"
sources: [{{id: s, title: t, publisher: p{", " + rounding if rounding else ""}}}]
groups: [{{id: g, title: g}}]
sections:
  - id: x
    title: x
    group: g
    metrics:
"""
    path.write_text(head + textwrap.indent(textwrap.dedent(metrics), "      "), encoding="utf-8")
    return load_dataset(path)


def _claim(dataset: Dataset, claim_id: str) -> Claim:
    return next(c for c in dataset.claims() if c.id == claim_id)


def _whole(interval: Interval | None) -> tuple[object, ...] | None:
    return None if interval is None else tuple(interval)


def _two_sources(tmp_path: Path, unit: str, first: str, second: str) -> Dataset:
    """Metric m printed for 2024年7月 by source s (``first``) and by source d (``second``), both 四捨五入."""
    path = tmp_path / "indicators.yaml"
    path.write_text(
        f"""schema_version: "2"
sources:
  - {{id: s, title: t, publisher: p, rounding: half_up}}
  - {{id: d, title: d, publisher: p, rounding: half_up}}
groups: [{{id: g, title: g}}]
sections:
  - id: x
    title: x
    group: g
    metrics:
      - id: m
        name: m
        name_en: m
        unit: {unit}
        observations:
          - {{period: 2024年7月, value: {first}}}
          - {{period: 2024年7月, value: {second}, source: d}}
""",
        encoding="utf-8",
    )
    return load_dataset(path)


def _fields(result: Result) -> tuple[object, ...]:
    """Everything a reader sees of a result: verdict, reason, intervals, the stated figure, the rule."""
    stated = result.stated.text if result.stated is not None else None
    return (
        result.verdict.value,
        result.reason,
        _whole(result.computed),
        stated,
        _whole(result.target),
        result.rounding,
    )


def _checked(tmp_path: Path, metrics: str, claim_id: str, rounding: str = "rounding: half_up") -> tuple[object, ...]:
    dataset = _load(tmp_path, metrics, rounding)
    return _fields(check(_claim(dataset, claim_id), dataset))


# ── consistent: with a point, without one, hedged, exact ─────────────────────────────────────


def test_a_plain_figure_that_rounds_to_the_stated_one_is_consistent(tmp_path: Path) -> None:
    metrics = """
    - id: m
      name: m
      name_en: m
      unit: "%"
      observations:
        - {period: 2024年7月, value: 52.2%}
      claims:
        - {id: r, kind: restatement, text: 52%の利用者が満足, stated: 52%}
    """
    # 52.2% under 四捨五入 is [52.15, 52.25); 52% is [51.5, 52.5), which holds 52.2 itself
    assert _checked(tmp_path, metrics, "r") == (
        "consistent",
        "the printed figures give 52.2%, which rounds to 52%",
        (F("52.15"), F("52.25"), False, True, F("52.2")),
        "52%",
        (F("51.5"), F("52.5"), False, True, F(52)),
        "half_up",
    )


def test_a_bound_within_a_hedged_figure_is_consistent_for_every_value(tmp_path: Path) -> None:
    metrics = """
    - id: m
      name: m
      name_en: m
      unit: "%"
      observations:
        - {period: 2024年7月, value: 5割弱}
      claims:
        - {id: r, kind: restatement, text: 5割弱が利用, stated: 5割弱}
    """
    # 5割弱 is (40%, 50%), no single value; restated as 5割弱 it lies wholly within (40%, 50%)
    assert _checked(tmp_path, metrics, "r") == (
        "consistent",
        "every value the figures allow, (40% – 50%), is within 5割弱 (40% – 50%)",
        (F(40), F(50), True, True, None),
        "5割弱",
        (F(40), F(50), True, True, None),
        "half_up",
    )


def test_a_figure_within_a_hedged_statement_is_consistent(tmp_path: Path) -> None:
    metrics = """
    - id: m
      name: m
      name_en: m
      unit: "%"
      observations:
        - {period: 2024年7月, value: 50.9%}
      claims:
        - {id: r, kind: restatement, text: 約5割が良いと回答, stated: 約5割}
    """
    # 約5割 is [45%, 55%] (約 on the last digit: ± half a 割), which holds 50.9; [50.85, 50.95) computed
    assert _checked(tmp_path, metrics, "r") == (
        "consistent",
        "the printed figures give 50.9%, within 約5割 [45% – 55%]",
        (F("50.85"), F("50.95"), False, True, F("50.9")),
        "約5割",
        (F(45), F(55), False, False, F(50)),
        "half_up",
    )


_SUM = """
- id: m
  name: m
  name_en: m
  unit: 件
  observations:
    - period: 2024年7月
      value: 5件
      parts:
        - {name: a, value: 2件}
        - {name: b, value: 3件}
  claims:
    - {id: own, kind: sum_of_parts, text: aとbの合計}
    - {id: stated, kind: sum_of_parts, text: 合計5件, stated: 5件}
"""


def test_exact_parts_that_add_up_are_consistent_as_stated(tmp_path: Path) -> None:
    dataset = _load(tmp_path, _SUM)
    # 2 + 3 = 5 exactly, against the metric's own 5件 (no stated:) and against a stated 5件 alike
    expected = (
        "consistent",
        "the printed figures give 5, as stated",
        (F(5), F(5), False, False, F(5)),
        "5件",
        (F(5), F(5), False, False, F(5)),
        "half_up",
    )
    assert _fields(check(_claim(dataset, "own"), dataset)) == expected
    assert _fields(check(_claim(dataset, "stated"), dataset)) == expected


# ── within_rounding: with a finite point and without one ─────────────────────────────────────


def test_a_figure_that_only_values_within_rounding_give_is_within_rounding(tmp_path: Path) -> None:
    metrics = """
    - id: m
      name: m
      name_en: m
      unit: 件
      observations:
        - {period: 2024年7月, value: 5億件}
      claims:
        - {id: r, kind: restatement, text: 5.4億件, stated: 5.4億件}
    """
    # 5億 is [4.5億, 5.5億): its point 5億 is not in 5.4億 = [5.35億, 5.45億), but the two overlap
    assert _checked(tmp_path, metrics, "r") == (
        "within_rounding",
        "the printed figures give 5億, not 5.4億件 [5.35億 – 5.45億); values within their rounding do: [4.5億 – 5.5億)",
        (F(450_000_000), F(550_000_000), False, True, F(500_000_000)),
        "5.4億件",
        (F(535_000_000), F(545_000_000), False, True, F(540_000_000)),
        "half_up",
    )


def test_a_change_from_a_baseline_printed_as_zero_has_no_finite_value(tmp_path: Path) -> None:
    metrics = """
    - id: m
      name: m
      name_en: m
      unit: 件
      observations:
        - {period: 2024年7月, value: 1万件}
        - {period: 2023年7月, value: 0万件}
      claims:
        - {id: c, kind: percent_change, text: 2023年7月から50%増加, from: 2023年7月, stated: 50%, direction: up}
    """
    # 1万 is [5,000, 15,000); 0万 is (−5,000, 5,000), a count: [0, 5,000) with its point 0.
    # 1万 ÷ 0万 > 5,000 ÷ 5,000 = 1 (open: 5,000 is not reached), unbounded above: the change is
    # > 0%, with no finite point (÷ 0). 50% = [49.5%, 50.5%) lies in it: within rounding, no operand a bound.
    assert _checked(tmp_path, metrics, "c") == (
        "within_rounding",
        "the printed figures give no finite value, not 50% [49.5% – 50.5%); values within their rounding do: > 0%",
        (F(0), None, True, False, None),
        "50%",
        (F("49.5"), F("50.5"), False, True, F(50)),
        "half_up",
    )


# ── unverifiable: an operand is only a bound ─────────────────────────────────────────────────


def test_a_restated_bound_that_may_or_may_not_give_the_figure_is_unverifiable(tmp_path: Path) -> None:
    metrics = """
    - id: m
      name: m
      name_en: m
      unit: 件
      observations:
        - {period: 2024年7月, value: "4,000件以上"}
      claims:
        - {id: r, kind: restatement, text: "4,500件", stated: "4,500件"}
    """
    # 4,000件以上 is [4,000, ∞): it holds 4,500 (exact) and much else
    assert _checked(tmp_path, metrics, "r") == (
        "unverifiable",
        "a figure is only a bound: the figures allow ≥ 4,000, which may or may not give 4,500件",
        (F(4000), None, False, False, None),
        "4,500件",
        (F(4500), F(4500), False, False, F(4500)),
        "half_up",
    )


_BOUND_OPERANDS = """
- id: m
  name: m
  name_en: m
  unit: 件
  observations:
    - {period: 2024年7月, value: "4,000件以上"}
    - {period: 2023年7月, value: "1,000件"}
  claims:
    - {id: change, kind: absolute_change, text: "3,500件増加", from: 2023年7月, stated: "3,500件", direction: up}
    - {id: ratio, kind: ratio, text: 2023年7月の5倍, from: 2023年7月, stated: 5倍}
    - {id: share, kind: share_of, text: 全体の50%, of: {metric: whole}, stated: 50%}
- id: whole
  name: whole
  name_en: whole
  unit: 件
  observations:
    - {period: 2024年7月, value: "10,000件"}
"""


def test_a_change_ratio_or_share_from_a_bound_is_unverifiable(tmp_path: Path) -> None:
    dataset = _load(tmp_path, _BOUND_OPERANDS)
    results = {c.id: _fields(check(c, dataset)) for c in dataset.claims()}
    # [4,000, ∞) − 1,000 = [3,000, ∞): holds 3,500 exactly, and more
    assert results["change"] == (
        "unverifiable",
        "a figure is only a bound: the figures allow ≥ 3,000, which may or may not give 3,500件",
        (F(3000), None, False, False, None),
        "3,500件",
        (F(3500), F(3500), False, False, F(3500)),
        "half_up",
    )
    # [4,000, ∞) ÷ 1,000 = [4, ∞) times: holds 5倍 = [4.5, 5.5)
    assert results["ratio"] == (
        "unverifiable",
        "a figure is only a bound: the figures allow ≥ 4倍, which may or may not give 5倍",
        (F(4), None, False, False, None),
        "5倍",
        (F("4.5"), F("5.5"), False, True, F(5)),
        "half_up",
    )
    # the whole 10,000 of a part [4,000, ∞): a share ≥ 40%, which holds 50% = [49.5%, 50.5%)
    assert results["share"] == (
        "unverifiable",
        "a figure is only a bound: the figures allow ≥ 40%, which may or may not give 50%",
        (F(40), None, False, False, None),
        "50%",
        (F("49.5"), F("50.5"), False, True, F(50)),
        "half_up",
    )


_POINTED = """
- id: m
  name: m
  name_en: m
  unit: 件
  observations:
    - {period: 2024年7月, value: 5万件}
    - {period: 2023年7月, value: 1万件}
  claims:
    - {id: ratio, kind: ratio, text: 2023年7月の4倍, from: 2023年7月, to: 2024年7月, stated: 4倍}
    - {id: share, kind: share_of, text: 全体の54%, of: {metric: whole}, to: 2024年7月, stated: 54%}
- id: whole
  name: whole
  name_en: whole
  unit: 件
  observations:
    - {period: 2024年7月, value: "100,000件"}
"""


def test_a_ratio_or_share_of_printed_figures_is_within_rounding_not_unverifiable(tmp_path: Path) -> None:
    dataset = _load(tmp_path, _POINTED)
    results = {c.id: _fields(check(c, dataset)) for c in dataset.claims()}
    # 5万 = [45,000, 55,000), 1万 = [5,000, 15,000): 45,000 ÷ 15,000 = 3 to 55,000 ÷ 5,000 = 11, both
    # ends open; the point 5 is not in 4倍 = [3.5, 4.5), the interval is
    assert results["ratio"] == (
        "within_rounding",
        "the printed figures give 5倍, not 4倍 [3.5倍 – 4.5倍); values within their rounding do: (3倍 – 11倍)",
        (F(3), F(11), True, True, F(5)),
        "4倍",
        (F("3.5"), F("4.5"), False, True, F(4)),
        "half_up",
    )
    # [45,000, 55,000) of exactly 100,000: [45%, 55%), point 50%; 54% = [53.5%, 54.5%)
    assert results["share"] == (
        "within_rounding",
        "the printed figures give 50%, not 54% [53.5% – 54.5%); values within their rounding do: [45% – 55%)",
        (F(45), F(55), False, True, F(50)),
        "54%",
        (F("53.5"), F("54.5"), False, True, F(54)),
        "half_up",
    )


# ── inconsistent, and gross when the conclusion changes (_gross) ─────────────────────────────


def test_an_exact_count_restated_as_another_is_inconsistent(tmp_path: Path) -> None:
    metrics = """
    - id: m
      name: m
      name_en: m
      unit: 件
      observations:
        - {period: 2024年7月, value: "1,200件"}
      claims:
        - {id: r, kind: restatement, text: "1,300件", stated: "1,300件"}
    """
    # two exact counts: 1,200 ≠ 1,300, and 1,200 × 10ⁿ is never 1,300: no slip
    assert _checked(tmp_path, metrics, "r") == (
        "inconsistent",
        "no values within the figures' rounding give 1,300件: they give 1,200",
        (F(1200), F(1200), False, False, F(1200)),
        "1,300件",
        (F(1300), F(1300), False, False, F(1300)),
        "half_up",
    )


def test_a_hedged_figure_is_never_a_multiplier_slip(tmp_path: Path) -> None:
    metrics = """
    - id: m
      name: m
      name_en: m
      unit: "%"
      observations:
        - {period: 2024年7月, value: 50%}
      claims:
        - {id: r, kind: restatement, text: 約5%, stated: 約5%}
    """
    # 50% ÷ 10 = 5% would be a ×10 slip of a plain 5%, but 約5% = [4.5%, 5.5%] only says "about": inconsistent
    assert _checked(tmp_path, metrics, "r") == (
        "inconsistent",
        "no values within the figures' rounding give 約5% [4.5% – 5.5%]: they give 50% [49.5% – 50.5%)",
        (F("49.5"), F("50.5"), False, True, F(50)),
        "約5%",
        (F("4.5"), F("5.5"), False, False, F(5)),
        "half_up",
    )


_CHANGES = """
- id: fell
  name: fell
  name_en: fell
  unit: 件
  observations:
    - {period: 2024年7月, value: 90件}
    - {period: 2023年7月, value: 100件}
  claims:
    - {id: fell-up, kind: percent_change, text: 0.5%増加, from: 2023年7月, to: 2024年7月, stated: 0.5%, direction: up}
- id: rose
  name: rose
  name_en: rose
  unit: 件
  observations:
    - {period: 2024年7月, value: 110件}
    - {period: 2023年7月, value: 100件}
  claims:
    - {id: rose-down, kind: percent_change, text: 0.5%減, from: 2023年7月, to: 2024年7月, stated: 0.5%, direction: down}
    - {id: rose-up, kind: percent_change, text: 0.5%増加, from: 2023年7月, to: 2024年7月, stated: 0.5%, direction: up}
- id: sixty
  name: sixty
  name_en: sixty
  unit: 件
  observations:
    - {period: 2024年7月, value: 160件}
    - {period: 2023年7月, value: 100件}
  claims:
    - {id: as-ratio, kind: percent_change, text: 160%増加, from: 2023年7月, to: 2024年7月, stated: 160%, direction: up}
    - {id: as-change, kind: ratio, text: 2023年7月の0.6倍, from: 2023年7月, to: 2024年7月, stated: 0.6倍}
    - {id: sixty-five, kind: percent_change, text: 5%増加, from: 2023年7月, to: 2024年7月, stated: 5%, direction: up}
- id: forty
  name: forty
  name_en: forty
  unit: 件
  observations:
    - {period: 2024年7月, value: 140件}
    - {period: 2023年7月, value: 100件}
  claims:
    - {id: forty-five, kind: percent_change, text: 5%増加, from: 2023年7月, to: 2024年7月, stated: 5%, direction: up}
"""


def test_every_reason_a_change_is_gross_or_only_inconsistent(tmp_path: Path) -> None:
    dataset = _load(tmp_path, _CHANGES)
    results = {c.id: _fields(check(c, dataset)) for c in dataset.claims()}
    half_percent = (F("0.45"), F("0.55"), False, True, F("0.5"))  # 0.5% under 四捨五入
    five = (F("4.5"), F("5.5"), False, True, F(5))
    # 90 ÷ 100 − 1 = −10% exactly, against a rise of 0.5%: the wrong direction
    assert results["fell-up"] == (
        "gross",
        "wrong direction: 0.5% stated, the figures give -10%",
        (F(-10), F(-10), False, False, F(-10)),
        "0.5%",
        half_percent,
        "half_up",
    )
    # 110 ÷ 100 − 1 = +10%, against a fall of 0.5% = (−0.55%, −0.45%]
    assert results["rose-down"] == (
        "gross",
        "wrong direction: 0.5% stated, the figures give 10%",
        (F(10), F(10), False, False, F(10)),
        "0.5%",
        (F("-0.55"), F("-0.45"), True, False, F("-0.5")),
        "half_up",
    )
    # +10% against a rise of 0.5%: the right direction; 10 ÷ 10 = 1 and 10 ÷ 100 = 0.1 miss 0.5% read
    # under any rounding (0.4%, 0.6%), and 10 + 100 = 110 is no ratio of 0.5: only inconsistent
    assert results["rose-up"] == (
        "inconsistent",
        "no values within the figures' rounding give 0.5% [0.45% – 0.55%): they give 10%",
        (F(10), F(10), False, False, F(10)),
        "0.5%",
        half_percent,
        "half_up",
    )
    # 160 ÷ 100 − 1 = +60%; 160% is the ratio 160 ÷ 100 written as a change
    assert results["as-ratio"] == (
        "gross",
        "160% is the ratio new ÷ old, not the change: the figures give 60%",
        (F(60), F(60), False, False, F(60)),
        "160%",
        (F("159.5"), F("160.5"), False, True, F(160)),
        "half_up",
    )
    # 160 ÷ 100 = 1.6倍; 0.6倍 is the increase 1.6 − 1 written as a ratio
    assert results["as-change"] == (
        "gross",
        "0.6倍 is the increase new ÷ old − 1, not the ratio: the figures give 1.6倍",
        (F("1.6"), F("1.6"), False, False, F("1.6")),
        "0.6倍",
        (F("0.55"), F("0.65"), False, True, F("0.6")),
        "half_up",
    )
    # 60% ÷ 10 = 6% and 40% ÷ 10 = 4%: exactly one step from 5%, which no rounding prints as 5%
    # (5% under any rule is (4%, 6%), open at both ends): no slip, only inconsistent
    for claim_id, gives in (("sixty-five", 60), ("forty-five", 40)):
        assert results[claim_id] == (
            "inconsistent",
            f"no values within the figures' rounding give 5% [4.5% – 5.5%): they give {gives}%",
            (F(gives), F(gives), False, False, F(gives)),
            "5%",
            five,
            "half_up",
        )


def test_a_power_of_ten_slip_is_gross_even_for_a_stated_one(tmp_path: Path) -> None:
    metrics = """
    - id: m
      name: m
      name_en: m
      unit: 件
      observations:
        - {period: 2024年7月, value: "1,200件"}
      claims:
        - {id: man, kind: restatement, text: 1.2万件, stated: 1.2万件}
    - id: ten
      name: ten
      name_en: ten
      unit: 件
      observations:
        - {period: 2024年7月, value: 10件}
      claims:
        - {id: one, kind: restatement, text: 1件, stated: 1件}
    """
    dataset = _load(tmp_path, metrics)
    results = {c.id: _fields(check(c, dataset)) for c in dataset.claims()}
    # 1,200 × 10 = 12,000, inside 1.2万 = [11,500, 12,500); shown in 万 as 0.12万
    assert results["man"] == (
        "gross",
        "off by a factor of 10^1: 1.2万件 stated, the figures give 0.12万",
        (F(1200), F(1200), False, False, F(1200)),
        "1.2万件",
        (F(11_500), F(12_500), False, True, F(12_000)),
        "half_up",
    )
    # 10 ÷ 10 = 1, the exact count stated: a plain, non-zero figure, so a slip (value 1 is no exception)
    assert results["one"] == (
        "gross",
        "off by a factor of 10^1: 1件 stated, the figures give 10",
        (F(10), F(10), False, False, F(10)),
        "1件",
        (F(1), F(1), False, False, F(1)),
        "half_up",
    )


# ── exactly-zero divisors and wholes ─────────────────────────────────────────────────────────


_ZEROS = """
- id: m
  name: m
  name_en: m
  unit: 件
  observations:
    - {period: 2024年7月, value: 5件}
    - {period: 2023年7月, value: 0件}
  claims:
    - {id: ratio, kind: ratio, text: 5倍, from: 2023年7月, to: 2024年7月, stated: 5倍}
    - {id: change, kind: percent_change, text: 5%増, from: 2023年7月, to: 2024年7月, stated: 5%, direction: up}
- id: part
  name: part
  name_en: part
  unit: 件
  observations:
    - {period: 2024年7月, value: 0件}
  claims:
    - {id: share, kind: share_of, text: 0%, of: {metric: whole}, stated: 0%}
- id: whole
  name: whole
  name_en: whole
  unit: 件
  observations:
    - {period: 2024年7月, value: 0件}
"""


def test_an_exactly_zero_divisor_or_whole_makes_a_ratio_share_or_change_inconsistent(tmp_path: Path) -> None:
    dataset = _load(tmp_path, _ZEROS)
    results = {c.id: _fields(check(c, dataset)) for c in dataset.claims()}
    assert all(check(c, dataset).claim is c for c in dataset.claims())  # each result names its claim
    # 0件 printed in full is exactly 0: 5 ÷ 0 exists nowhere; the stated figure keeps its reading
    assert results["ratio"] == (
        "inconsistent",
        "the divisor 0件 is exactly zero: no ratio exists",
        None,
        "5倍",
        (F("4.5"), F("5.5"), False, True, F(5)),
        "half_up",
    )
    assert results["change"] == (
        "inconsistent",
        "the baseline 0件 is exactly zero: no percent change exists, so 5% cannot be right",
        None,
        "5%",
        (F("4.5"), F("5.5"), False, True, F(5)),
        "half_up",
    )
    # 0 of 0: no share; 0% under 四捨五入 is (−0.5%, 0.5%), ±0.5 rounding away from zero
    assert results["share"] == (
        "inconsistent",
        "the whole 0件 is exactly zero",
        None,
        "0%",
        (F("-0.5"), F("0.5"), True, True, F(0)),
        "half_up",
    )


def test_a_share_of_an_outside_whole_alone_is_unverifiable(tmp_path: Path) -> None:
    metrics = """
    - id: m
      name: m
      name_en: m
      unit: 人
      observations:
        - {period: 2024年7月, value: "9,308万人"}
      claims:
        - {id: share, kind: share_of, text: 国民の75%, of: {outside: 国民}, stated: 75%}
    """
    # nothing to divide by: the stated 75% is kept with its reading [74.5%, 75.5%)
    assert _checked(tmp_path, metrics, "share") == (
        "unverifiable",
        "the publication gives no figure for 国民",
        None,
        "75%",
        (F("74.5"), F("75.5"), False, True, F(75)),
        "half_up",
    )


def test_a_share_names_a_metric_or_an_outside_whole_or_is_refused(tmp_path: Path) -> None:
    # check_share's unverifiable branch always has an outside whole to name: the loader refuses the rest
    metrics = """
    - id: m
      name: m
      name_en: m
      unit: 人
      observations:
        - {period: 2024年7月, value: 5人}
      claims:
        - {id: share, kind: share_of, text: 75%, stated: 75%OF}
    """
    for of, words in (
        ("", "a share_of claim needs of: {metric: …} or of: {outside: …}"),
        (', of: {outside: ""}', "must not be empty"),
    ):
        with pytest.raises(DataError, match=re.escape(words)):
            _load(tmp_path, metrics.replace("OF", of))


# ── sums, counts and items added: against a stated figure or the metric's own ────────────────


_SUMS = """
- id: bound
  name: bound
  name_en: bound
  unit: 件
  observations:
    - period: 2024年7月
      value: 5,500件
      parts:
        - {name: a, value: "4,000件以上"}
        - {name: b, value: "1,000件"}
  claims:
    - {id: bound-sum, kind: sum_of_parts, text: aとbの合計}
- id: rounded
  name: rounded
  name_en: rounded
  unit: 件
  observations:
    - period: 2024年7月
      value: 5.4万件
      parts:
        - {name: a, value: 2万件}
        - {name: b, value: 3万件}
  claims:
    - {id: rounded-sum, kind: sum_of_parts, text: aとbの合計}
    - {id: rounded-stated, kind: sum_of_parts, text: 合計5.4万件, stated: 5.4万件}
"""


def test_a_sum_with_a_bound_part_is_unverifiable_and_of_rounded_parts_within_rounding(tmp_path: Path) -> None:
    dataset = _load(tmp_path, _SUMS)
    results = {c.id: _fields(check(c, dataset)) for c in dataset.claims()}
    # [4,000, ∞) + 1,000 = [5,000, ∞): holds the metric's own 5,500 (exact), and more
    assert results["bound-sum"] == (
        "unverifiable",
        "a figure is only a bound: the figures allow ≥ 5,000, which may or may not give 5,500件",
        (F(5000), None, False, False, None),
        "5,500件",
        (F(5500), F(5500), False, False, F(5500)),
        "half_up",
    )
    # [15,000, 25,000) + [25,000, 35,000) = [40,000, 60,000), point 5万; 5.4万 = [53,500, 54,500)
    rounded = (
        "within_rounding",
        "the printed figures give 5万, not 5.4万件 [5.35万 – 5.45万); values within their rounding do: [4万 – 6万)",
        (F(40_000), F(60_000), False, True, F(50_000)),
        "5.4万件",
        (F(53_500), F(54_500), False, True, F(54_000)),
        "half_up",
    )
    assert results["rounded-sum"] == rounded
    assert results["rounded-stated"] == rounded


def test_a_sum_and_its_own_figure_are_read_under_one_tie_direction(tmp_path: Path) -> None:
    metrics = """
    - id: m
      name: m
      name_en: m
      unit: 件
      observations:
        - period: 2024年7月
          value: 6億件
          parts:
            - {name: a, value: 3.3億件}
            - {name: b, value: 3.3億件}
      claims:
        - {id: sum, kind: sum_of_parts, text: aとbの合計}
    """
    # No rule declared: ties up, 3.3億 + 3.3億 = [6.5億, 6.7億) against 6億 = [5.5億, 6.5億); ties down,
    # (6.5億, 6.7億] against (5.5億, 6.5億]. Neither meets: only parts read one way and the total the
    # other would meet, at 6.5億 — one source is never read both ways at once.
    assert _checked(tmp_path, metrics, "sum", rounding="") == (
        "inconsistent",
        "no values within the figures' rounding give 6億件 [5.5億 – 6.5億): they give 6.6億 [6.5億 – 6.7億)",
        (F(650_000_000), F(670_000_000), False, True, F(660_000_000)),
        "6億件",
        (F(550_000_000), F(650_000_000), False, True, F(600_000_000)),
        "nearest",
    )


_ADDED = """
- id: bound
  name: bound
  name_en: bound
  unit: 機関
  observations:
    - {period: 2024年7月, value: 10機関, added: [a, b, c]}
    - {period: 2023年7月, value: 5機関以上}
  claims:
    - {id: bound-added, kind: items_added, text: aとbとcが加わり, from: 2023年7月}
- id: about
  name: about
  name_en: about
  unit: 機関
  observations:
    - {period: 2024年7月, value: 13機関, added: [a, b]}
    - {period: 2023年7月, value: 約10機関}
  claims:
    - {id: about-added, kind: items_added, text: aとbが加わり, from: 2023年7月}
    - {id: about-stated, kind: items_added, text: aとbが加わり13機関, from: 2023年7月, stated: 13機関}
"""


def test_items_added_to_a_bound_are_unverifiable_and_to_a_rounded_baseline_within_rounding(tmp_path: Path) -> None:
    dataset = _load(tmp_path, _ADDED)
    results = {c.id: _fields(check(c, dataset)) for c in dataset.claims()}
    # [5, ∞) + 3 added = [8, ∞): holds the metric's own 10 (exact)
    assert results["bound-added"] == (
        "unverifiable",
        "a figure is only a bound: the figures allow ≥ 8, which may or may not give 10機関",
        (F(8), None, False, False, None),
        "10機関",
        (F(10), F(10), False, False, F(10)),
        "half_up",
    )
    # 約10 = [5, 15] (約: trailing zeros not significant), + 2 = [7, 17], point 12; 13 is exact
    about = (
        "within_rounding",
        "the printed figures give 12, not 13機関; values within their rounding do: [7 – 17]",
        (F(7), F(17), False, False, F(12)),
        "13機関",
        (F(13), F(13), False, False, F(13)),
        "half_up",
    )
    assert results["about-added"] == about
    assert results["about-stated"] == about


# ── the pieces: a measured zero, judge's default ────────────────────────────────────────────


def test_a_share_printed_as_zero_is_never_below_zero(tmp_path: Path) -> None:
    metrics = """
    - id: m
      name: m
      name_en: m
      unit: "%"
      observations:
        - {period: 2024年7月, value: 0%}
      claims:
        - {id: r, kind: restatement, text: 0%, stated: 0%}
    """
    # 0% under 四捨五入 is (−0.5%, 0.5%); measured, a share is at least 0: [0%, 0.5%), point 0
    assert _checked(tmp_path, metrics, "r") == (
        "consistent",
        "the printed figures give 0%, which rounds to 0%",
        (F(0), F("0.5"), False, True, F(0)),
        "0%",
        (F("-0.5"), F("0.5"), True, True, F(0)),
        "half_up",
    )


def test_judge_reads_an_overlap_as_within_rounding_unless_an_operand_is_a_bound() -> None:
    computed, target = Interval(F(1), F(3), point=F(2)), Interval(F(3), F(4))  # they meet at 3 only
    assert judge(computed, target) is Verdict.WITHIN_ROUNDING
    assert judge(computed, target, bound_operand=True) is Verdict.UNVERIFIABLE
    assert judge(computed, Interval(F(2), F(2))) is Verdict.CONSISTENT
    assert judge(computed, Interval(F(4), F(5))) is Verdict.INCONSISTENT


# ── the direction of a change: every value on one side of zero, however far the figures reach ──


_DIRECTIONS = """
- id: bound
  name: bound
  name_en: bound
  unit: 件
  observations:
    - {period: 2024年7月, value: "4,000件以上"}
    - {period: 2023年7月, value: "3,000件"}
  claims:
    - id: bound-fall
      kind: absolute_change
      text: 500件減少
      from: 2023年7月
      to: 2024年7月
      stated: 500件
      direction: down
- id: fell
  name: fell
  name_en: fell
  unit: 件
  observations:
    - {period: 2024年7月, value: 1万件}
    - {period: 2023年7月, value: "15,000件"}
  claims:
    - id: fell-rise
      kind: absolute_change
      text: "5,000件増加"
      from: 2023年7月
      to: 2024年7月
      stated: "5,000件"
      direction: up
- id: rose
  name: rose
  name_en: rose
  unit: 件
  observations:
    - {period: 2024年7月, value: "15,000件"}
    - {period: 2023年7月, value: 1万件}
  claims:
    - id: rose-fall
      kind: absolute_change
      text: "5,000件減少"
      from: 2023年7月
      to: 2024年7月
      stated: "5,000件"
      direction: down
"""


def test_a_change_wholly_on_the_other_side_of_zero_is_the_wrong_direction(tmp_path: Path) -> None:
    dataset = _load(tmp_path, _DIRECTIONS)
    results = {c.id: _fields(check(c, dataset)) for c in dataset.claims()}
    # [4,000, ∞) − 3,000 = [1,000, ∞): a rise of at least 1,000, however large, against a fall of 500
    assert results["bound-fall"] == (
        "gross",
        "wrong direction: 500件 stated, the figures give ≥ 1,000",
        (F(1000), None, False, False, None),
        "500件",
        (F(-500), F(-500), False, False, F(-500)),
        "half_up",
    )
    # 1万 = [5,000, 15,000) − 15,000 = [−10,000, 0): 0 itself is excluded, so every value is a fall
    assert results["fell-rise"] == (
        "gross",
        "wrong direction: 5,000件 stated, the figures give -5,000 [-10,000 – 0)",
        (F(-10_000), F(0), False, True, F(-5000)),
        "5,000件",
        (F(5000), F(5000), False, False, F(5000)),
        "half_up",
    )
    # 15,000 − [5,000, 15,000) = (0, 10,000]: every value a rise, against a fall of 5,000
    assert results["rose-fall"] == (
        "gross",
        "wrong direction: 5,000件 stated, the figures give 5,000 (0 – 10,000]",
        (F(0), F(10_000), True, False, F(5000)),
        "5,000件",
        (F(-5000), F(-5000), False, False, F(-5000)),
        "half_up",
    )


_RAISED = """
- id: fell
  name: fell
  name_en: fell
  unit: 件
  observations:
    - {period: 2024年7月, value: 90件}
    - {period: 2023年7月, value: 100件}
  claims:
    - {id: fell-one, kind: percent_change, text: 1%増加, from: 2023年7月, to: 2024年7月, stated: 1%, direction: up}
    - {id: fell-zero, kind: percent_change, text: 0%増加, from: 2023年7月, to: 2024年7月, stated: 0%, direction: up}
- id: rose
  name: rose
  name_en: rose
  unit: 件
  observations:
    - {period: 2024年7月, value: 110件}
    - {period: 2023年7月, value: 100件}
  claims:
    - {id: rose-one, kind: percent_change, text: 1%減少, from: 2023年7月, to: 2024年7月, stated: 1%, direction: down}
    - {id: rose-zero, kind: percent_change, text: 0%減少, from: 2023年7月, to: 2024年7月, stated: 0%, direction: down}
"""


def test_a_stated_figure_raised_from_zero_has_a_sign_and_zero_itself_none(tmp_path: Path) -> None:
    dataset = _load(tmp_path, _RAISED, rounding="rounding: up")
    results = {c.id: _fields(check(c, dataset)) for c in dataset.claims()}
    # 切り上げ: 1% is (0%, 1%], every value a rise; 90 ÷ 100 − 1 = −10% is a fall
    assert results["fell-one"] == (
        "gross",
        "wrong direction: 1% stated, the figures give -10%",
        (F(-10), F(-10), False, False, F(-10)),
        "1%",
        (F(0), F(1), True, False, F(1)),
        "up",
    )
    # a fall of 1% raised is [−1%, 0%): every value a fall; 110 ÷ 100 − 1 = +10% is a rise
    assert results["rose-one"] == (
        "gross",
        "wrong direction: 1% stated, the figures give 10%",
        (F(10), F(10), False, False, F(10)),
        "1%",
        (F(-1), F(0), False, True, F(-1)),
        "up",
    )
    # 0% raised is 0 exactly: no direction, and a zero is no slip of anything: only inconsistent
    for claim_id, gives in (("fell-zero", -10), ("rose-zero", 10)):
        assert results[claim_id] == (
            "inconsistent",
            f"no values within the figures' rounding give 0%: they give {gives}%",
            (F(gives), F(gives), False, False, F(gives)),
            "0%",
            (F(0), F(0), False, False, F(0)),
            "up",
        )


def test_a_slip_is_judged_around_the_printed_value_under_a_truncating_rule(tmp_path: Path) -> None:
    metrics = """
    - id: small
      name: small
      name_en: small
      unit: 件
      observations:
        - {period: 2024年7月, value: "1,120件"}
      claims:
        - {id: small, kind: restatement, text: 1.2万件, stated: 1.2万件}
    - id: large
      name: large
      name_en: large
      unit: 件
      observations:
        - {period: 2024年7月, value: "1,300件"}
      claims:
        - {id: large, kind: restatement, text: 1.2万件, stated: 1.2万件}
    """
    dataset = _load(tmp_path, metrics, rounding="rounding: down")
    results = {c.id: _fields(check(c, dataset)) for c in dataset.claims()}
    # 切り捨て: 1.2万 is [12,000, 13,000). Under any rule 1.2万 is (11,000, 13,000): 11,200 raised is
    # 1.2万, so 1,120 × 10 is a slip; 13,000 prints as 1.3万 under every rule, so 1,300 × 10 is not
    # (and 1,300 ÷ 10ⁿ, × 100 … are far off): only inconsistent.
    truncated = (F(12_000), F(13_000), False, True, F(12_000))
    assert results["small"] == (
        "gross",
        "off by a factor of 10^1: 1.2万件 stated, the figures give 0.11万",
        (F(1120), F(1120), False, False, F(1120)),
        "1.2万件",
        truncated,
        "down",
    )
    assert results["large"] == (
        "inconsistent",
        "no values within the figures' rounding give 1.2万件 [1.2万 – 1.3万): they give 0.13万",
        (F(1300), F(1300), False, False, F(1300)),
        "1.2万件",
        truncated,
        "down",
    )


def test_a_bound_is_never_called_a_slip(tmp_path: Path) -> None:
    metrics = """
    - id: m
      name: m
      name_en: m
      unit: 件
      observations:
        - {period: 2024年7月, value: "4,000件以上"}
      claims:
        - {id: r, kind: restatement, text: 100件, stated: 100件}
    """
    # [4,000, ∞) misses 100; ÷ 100 it would reach 100, but a bound says nothing of its digits: inconsistent
    assert _checked(tmp_path, metrics, "r") == (
        "inconsistent",
        "no values within the figures' rounding give 100件: they give ≥ 4,000",
        (F(4000), None, False, False, None),
        "100件",
        (F(100), F(100), False, False, F(100)),
        "half_up",
    )


def test_a_slip_against_a_band_is_judged_around_its_middle(tmp_path: Path) -> None:
    dataset = _two_sources(tmp_path, "人", "350人", "3万人台")
    (claim,) = all_claims(dataset)
    # 3万人台 is [30,000, 40,000), no single value: around its middle 35,000, a step either side is
    # (25,000, 45,000), which holds 350 × 100 = 35,000 (and not 350 × 10 = 3,500 nor 350 × 1,000):
    # the two sources differ by a factor of 100
    assert _fields(check(claim, dataset)) == (
        "gross",
        "s prints 350人 350 (half_up), d prints 3万人台 [30,000 – 40,000) (half_up): their rounding intervals"
        " do not overlap: a revision; off by a factor of 10^2: 350人 stated, the figures give 3万人台",
        (F(350), F(350), False, False, F(350)),
        "3万人台",
        (F(30_000), F(40_000), False, True, None),
        "half_up",
    )


def test_a_bound_stated_for_the_wrong_direction_is_gross(tmp_path: Path) -> None:
    metrics = """
    - id: m
      name: m
      name_en: m
      unit: 件
      observations:
        - {period: 2024年7月, value: "1,050件"}
        - {period: 2023年7月, value: "1,000件"}
      claims:
        - id: fell
          kind: percent_change
          text: 5%以上減少
          from: 2023年7月
          to: 2024年7月
          stated: 5%以上
          direction: down
        - {id: rose, kind: percent_change, text: 10%以上増加, from: 2023年7月, to: 2024年7月, stated: 10%以上}
    - id: n
      name: n
      name_en: n
      unit: 件
      observations:
        - {period: 2024年7月, value: 950件}
        - {period: 2023年7月, value: "1,000件"}
      claims:
        - {id: gained, kind: absolute_change, text: 100件以上増加, from: 2023年7月, to: 2024年7月, stated: 100件以上}
    """
    dataset = _load(tmp_path, metrics)
    results = {c.id: _fields(check(c, dataset)) for c in dataset.claims()}
    # 1,050 ÷ 1,000 − 1 = +5% exactly (full counts); "a fall of 5% or more" is (−∞, −5%]: a rise, so gross
    assert results["fell"] == (
        "gross",
        "wrong direction: 5%以上 stated, the figures give 5%",
        (F(5), F(5), False, False, F(5)),
        "5%以上",
        (None, F(-5), False, False, None),
        "half_up",
    )
    # 950 − 1,000 = −50: "100件以上増加" is [100, ∞), a rise however much: a fall is gross
    assert results["gained"] == (
        "gross",
        "wrong direction: 100件以上 stated, the figures give -50",
        (F(-50), F(-50), False, False, F(-50)),
        "100件以上",
        (F(100), None, False, False, None),
        "half_up",
    )
    # +5% is a rise, only short of "10% or more": inconsistent, not gross (no bound is a slip)
    assert results["rose"] == (
        "inconsistent",
        "no values within the figures' rounding give 10%以上 ≥ 10%: they give 5%",
        (F(5), F(5), False, False, F(5)),
        "10%以上",
        (F(10), None, False, False, None),
        "half_up",
    )


def test_a_printed_zero_is_no_slip_of_another_sources_figure(tmp_path: Path) -> None:
    dataset = _two_sources(tmp_path, '"%"', "4.0%", "0.0%")
    (claim,) = all_claims(dataset)
    # 4.0% is [3.95%, 4.05%); 0.0% is [−0.05%, 0.05%), a share kept to [0%, 0.05%): apart. 4.0 ÷ 100 = 0.04
    # prints as 0.0%, but so does 4.0 ÷ 10ⁿ for every n ≥ 2: a printed zero tells no factor, only inconsistent
    assert _fields(check(claim, dataset)) == (
        "inconsistent",
        "s prints 4.0% [3.95% – 4.05%) (half_up), d prints 0.0% [0% – 0.05%) (half_up): their rounding intervals"
        " do not overlap: a revision",
        (F("3.95"), F("4.05"), False, True, F(4)),
        "0.0%",
        (F(0), F("0.05"), False, True, F(0)),
        "half_up",
    )


def test_a_change_of_at_most_a_figure_keeps_its_direction(tmp_path: Path) -> None:
    metrics = """
    - id: fell
      name: fell
      name_en: fell
      unit: 件
      observations:
        - {period: 2024年7月, value: 970件}
        - {period: 2023年7月, value: "1,000件"}
      claims:
        - {id: at-most, kind: percent_change, text: 5%以下の増加, from: 2023年7月, to: 2024年7月, stated: 5%以下}
        - {id: below, kind: percent_change, text: 0.5%未満の増加, from: 2023年7月, to: 2024年7月, stated: 0.5%未満}
        - id: fall
          kind: percent_change
          text: 5%以下の減少
          from: 2023年7月
          to: 2024年7月
          stated: 5%以下
          direction: down
    - id: rose
      name: rose
      name_en: rose
      unit: 件
      observations:
        - {period: 2024年7月, value: "1,030件"}
        - {period: 2023年7月, value: "1,000件"}
      claims:
        - {id: rose-at-most, kind: percent_change, text: 5%以下の増加, from: 2023年7月, to: 2024年7月, stated: 5%以下}
    """
    dataset = _load(tmp_path, metrics)
    results = {c.id: _fields(check(c, dataset)) for c in dataset.claims()}
    minus_three = (F(-3), F(-3), False, False, F(-3))  # 970 ÷ 1,000 − 1 = −3% exactly (full counts)
    # "a rise of at most 5%" is (0%, 5%], not every change up to 5%: a fall of 3% is the wrong direction
    assert results["at-most"] == (
        "gross",
        "wrong direction: 5%以下 stated, the figures give -3%",
        minus_three,
        "5%以下",
        (F(0), F(5), True, False, None),
        "half_up",
    )
    # "a rise of less than 0.5%" is (0%, 0.5%): −3% is a fall
    assert results["below"] == (
        "gross",
        "wrong direction: 0.5%未満 stated, the figures give -3%",
        minus_three,
        "0.5%未満",
        (F(0), F("0.5"), True, True, None),
        "half_up",
    )
    # "a fall of at most 5%" is [−5%, 0%): −3% is one
    assert results["fall"] == (
        "consistent",
        "the printed figures give -3%, within 5%以下 [-5% – 0%)",
        minus_three,
        "5%以下",
        (F(-5), F(0), False, True, None),
        "half_up",
    )
    # 1,030 ÷ 1,000 − 1 = +3%: within (0%, 5%]
    assert results["rose-at-most"][0] == "consistent"


@pytest.mark.parametrize(("first", "second"), [("3,410人", "3.5万人"), ("3.5万人", "3,410人")])
def test_a_slip_between_two_sources_does_not_depend_on_their_order(tmp_path: Path, first: str, second: str) -> None:
    path = tmp_path / "indicators.yaml"
    path.write_text(
        f"""schema_version: "2"
sources:
  - {{id: s, title: t, publisher: p}}
  - {{id: d, title: d, publisher: p}}
groups: [{{id: g, title: g}}]
sections:
  - id: x
    title: x
    group: g
    metrics:
      - id: m
        name: m
        name_en: m
        unit: 人
        observations:
          - {{period: 2024年7月, value: "{first}"}}
          - {{period: 2024年7月, value: "{second}", source: d}}
""",
        encoding="utf-8",
    )
    dataset = load_dataset(path)
    (claim,) = all_claims(dataset)
    result = check(claim, dataset)
    # 3.5万 is [34,500, 35,500] and 3,410 a full count: apart. 3,410 × 10 = 34,100, which rounds up to 3.5万
    # (under any rule 3.5万 is (34,000, 36,000)): a ×10 slip, whichever source is listed first
    assert result.verdict is Verdict.GROSS
    assert result.reason.endswith("off by a factor of 10^1: 3,410人 stated, the figures give 3.5万人")


def test_a_change_of_at_most_a_figure_with_no_direction_word_allows_a_fall(tmp_path: Path) -> None:
    # 「前年同月比5%以下」 names no direction (no 増/減, no direction:): any change up to 5%, so −3% is one
    metrics = """
    - id: fell
      name: fell
      name_en: fell
      unit: 件
      observations:
        - {period: 2024年7月, value: 970件}
        - {period: 2023年7月, value: "1,000件"}
      claims:
        - {id: bare, kind: percent_change, text: 前年同月比5%以下, from: 2023年7月, to: 2024年7月, stated: 5%以下}
    """
    dataset = _load(tmp_path, metrics)
    verdict, reason, computed, stated, target, rounding = _fields(check(dataset.claims()[0], dataset))
    # 970 ÷ 1,000 − 1 = −3% exactly; 5%以下 alone is (−∞, 5%], which holds it
    assert (verdict, computed, stated, target, rounding) == (
        "consistent",
        (F(-3), F(-3), False, False, F(-3)),
        "5%以下",
        (None, F(5), False, False, None),
        "half_up",
    )
    assert reason.startswith("the printed figures give -3%, within 5%以下")


def test_a_source_printing_only_a_floor_is_no_slip_of_another(tmp_path: Path) -> None:
    dataset = _two_sources(tmp_path, "件", "80件", "90件以上")
    (claim,) = all_claims(dataset)
    # 80件 is exactly 80; 90件以上 is [90, ∞): apart, a revision. A floor has no precision to slip
    # by (no power of ten is told from a bound), so it is inconsistent, not gross
    assert _fields(check(claim, dataset)) == (
        "inconsistent",
        # (intervals of counts are shown in the metric's base units, without the counter word)
        "s prints 80件 80 (half_up), d prints 90件以上 ≥ 90 (half_up): their rounding intervals"
        " do not overlap: a revision",
        (F(80), F(80), False, False, F(80)),
        "90件以上",
        (F(90), None, False, False, None),
        "half_up",
    )
