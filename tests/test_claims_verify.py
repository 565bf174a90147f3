"""``verify`` across claims (check/claims.py): tie readings, cross-checks of outside wholes and of one
quantity stated twice, agreement between sources, labels, summaries and ``changes``, every field of
their results derived by hand. Written from mutmut's survivors (docs/mutation.md).
"""

from __future__ import annotations

import json
import textwrap
from fractions import Fraction as F
from pathlib import Path

import pytest

from conftest import edited, run_process
from dgcli.check.claims import Result, Severity, changes, check, severity, stated_and_recomputed, verify
from dgcli.data.loader import load_dataset
from dgcli.data.model import Dataset, Verdict
from dgcli.errors import DataError
from dgcli.text.intervals import Interval

ONE_SOURCE = "[{id: s, title: t, publisher: p}]"


def _load(tmp_path: Path, metrics: str, *, sources: str = ONE_SOURCE, top: str = "", section: str = "") -> Dataset:
    """A file with one section holding ``metrics`` (a YAML list, written flush left)."""
    head = f'schema_version: "2"\nsources: {sources}\ngroups: [{{id: g, title: g}}]\n{top}'
    head += f"sections:\n  - id: x\n    title: x\n    group: g\n{textwrap.indent(textwrap.dedent(section), '    ')}"
    path = tmp_path / "indicators.yaml"
    path.write_text(head + "    metrics:\n" + textwrap.indent(textwrap.dedent(metrics), "      "), encoding="utf-8")
    return load_dataset(path)


def whole(interval: Interval | None) -> tuple[object, ...] | None:
    return None if interval is None else tuple(interval)


def row(result: Result) -> tuple[object, ...]:
    """Every field of a result a user sees."""
    stated = result.stated.text if result.stated is not None else None
    return (result.verdict.value, result.reason, whole(result.computed), stated, whole(result.target), result.rounding)


def by_id(results: list[Result]) -> dict[str, Result]:
    return {result.claim.id: result for result in results}


# ── check: what an unverifiable claim keeps, and the readings of the rounding rules ──────────


def test_an_unpublished_operand_keeps_the_stated_figure_and_the_rule_it_is_read_under(tmp_path: Path) -> None:
    dataset = _load(
        tmp_path,
        """
        - id: m
          name: m
          name_en: m
          unit: 件
          observations:
            - {period: 2024年7月, value: 110件, rounding: down}
            - {period: 2023年7月, value: 100件}
          claims:
            - {id: fall, kind: percent_change, text: 5%減少, stated: 5%, direction: down, unverifiable: 前年は非公表}
            - {id: order, kind: ordering, text: m≥w, metrics: [m, w], to: 2022年7月, unverifiable: 22年は非公表}
            - {id: rose, kind: direction, text: 上昇, from: 2023年7月}
        - id: w
          name: w
          name_en: w
          unit: 件
          observations:
            - {period: 2024年7月, value: 50件}
        """,
    )
    results = by_id(verify(dataset))
    # 5% under nearest, first read with ties up: [4.5%, 5.5%); a fall (direction: down) negates it: (−5.5%, −4.5%]
    assert row(results["fall"]) == (
        "unverifiable",
        "前年は非公表",
        None,
        "5%",
        (F(-11, 2), F(-9, 2), True, False, F(-5)),
        "nearest",
    )
    # no stated figure: no target; the label is the rule of the metric's first figure (its own rounding: down)
    assert row(results["order"]) == ("unverifiable", "22年は非公表", None, None, None, "down")
    # a direction states no figure: its label is the claim's rule (nearest: nothing declared), not the figures'
    # 100件 → 110件 exact: +10, which is a rise (0, ∞)
    assert row(results["rose"]) == (
        "consistent",
        "100件 → 110件, +10: a rise",
        (F(10), F(10), False, False, F(10)),
        None,
        (F(0), None, True, False, None),
        "nearest",
    )


def test_an_operand_left_unnamed_is_refused_at_load(tmp_path: Path) -> None:
    # why check's own default reason ("a figure the claim names is not published") is never reached
    with pytest.raises(DataError, match="add unverifiable: with the reason if it is not published"):
        _load(
            tmp_path,
            """
            - id: m
              name: m
              name_en: m
              unit: 件
              observations:
                - {period: 2024年7月, value: 110件}
              claims:
                - {id: c, kind: percent_change, text: 5%増加, stated: 5%, from: 2020年7月}
            """,
        )


def test_the_stated_figures_rule_comes_from_the_claim_the_metric_the_survey_then_the_source(tmp_path: Path) -> None:
    dataset = _load(
        tmp_path,
        """
        - id: bysurvey
          name: a
          name_en: a
          unit: "%"
          survey: sv
          observations:
            - {period: 2024年7月, value: 52%}
          claims:
            - {id: survey-rule, kind: restatement, text: 52%, stated: 52%}
        - id: bymetric
          name: b
          name_en: b
          unit: "%"
          survey: sv
          rounding: up
          observations:
            - {period: 2024年7月, value: 52%}
          claims:
            - {id: metric-rule, kind: restatement, text: 52%, stated: 52%}
            - {id: claim-rule, kind: restatement, text: 52%, stated: 52%, rounding: half_up}
        - id: bysource
          name: c
          name_en: c
          unit: "%"
          observations:
            - {period: 2024年7月, value: 52%}
          claims:
            - {id: source-rule, kind: restatement, text: 52%, stated: 52%}
        """,
        sources="[{id: s, title: t, publisher: p, rounding: down}]",
        top="surveys: [{id: sv, title: 調査, rounding: 小数点以下を四捨五入}]\n",
    )
    results = by_id(verify(dataset))
    half_up, up, down = (
        (F(103, 2), F(105, 2), False, True, F(52)),
        (F(51), F(52), True, False, F(52)),
        (
            F(52),
            F(53),
            False,
            True,
            F(52),
        ),
    )
    rounds = "the printed figures give 52%, which rounds to 52%"
    # the survey's 四捨五入 outranks the main source's 切り捨て: 52% is [51.5%, 52.5%)
    assert row(results["survey-rule"]) == ("consistent", rounds, half_up, "52%", half_up, "half_up")
    # the metric's 切り上げ outranks the survey: (51%, 52%]
    assert row(results["metric-rule"]) == ("consistent", rounds, up, "52%", up, "up")
    # the claim's own rule outranks its metric's: its 52% is [51.5%, 52.5%), the figure's (51%, 52%]
    assert row(results["claim-rule"]) == ("consistent", rounds, up, "52%", half_up, "half_up")
    # nothing else declared: the main source's 切り捨て, [52%, 53%)
    assert row(results["source-rule"]) == ("consistent", rounds, down, "52%", down, "down")


def test_a_verdict_alike_under_every_reading_is_the_first_readings(tmp_path: Path) -> None:
    # 52.4% beside a restated 52.2%, both nearest: ties up, [52.35%, 52.45%) against [52.15%, 52.25%);
    # ties down, (52.35%, 52.45%] against (52.15%, 52.25%]: apart either way; the first reading stands
    dataset = _load(
        tmp_path,
        """
        - id: m
          name: m
          name_en: m
          unit: "%"
          observations:
            - {period: 2024年7月, value: 52.4%}
          claims:
            - {id: r, kind: restatement, text: 52.2%, stated: 52.2%}
        """,
    )
    assert row(check(dataset.metrics["m"].claims[0], dataset)) == (
        "inconsistent",
        "no values within the figures' rounding give 52.2% [52.15% – 52.25%): they give 52.4% [52.35% – 52.45%)",
        (F("52.35"), F("52.45"), False, True, F("52.4")),
        "52.2%",
        (F("52.15"), F("52.25"), False, True, F("52.2")),
        "nearest",
    )


def test_every_reading_of_two_nearest_sources_is_tried(tmp_path: Path) -> None:
    # a prints 52.5%, b restates it as 52.6%, neither declares a rule. Readings (a, b), ties up U or down D:
    # (U, U) [52.45, 52.55) vs [52.55, 52.65): apart; (U, D) vs (52.55, 52.65]: apart;
    # (D, U) (52.45, 52.55] vs [52.55, 52.65): they share 52.55, within rounding; (D, D): apart.
    dataset = _load(
        tmp_path,
        """
        - id: m
          name: m
          name_en: m
          unit: "%"
          observations:
            - {period: 2024年7月, value: 52.5%}
          claims:
            - {id: r, kind: restatement, text: 52.6%, stated: 52.6%, source: b}
        """,
        sources="[{id: a, title: a, publisher: p}, {id: b, title: b, publisher: p}]",
    )
    assert row(check(dataset.metrics["m"].claims[0], dataset)) == (
        "within_rounding",
        "the printed figures give 52.5%, not 52.6% [52.55% – 52.65%); values within their rounding do: "
        "(52.45% – 52.55%]",
        (F("52.45"), F("52.55"), True, False, F("52.5")),
        "52.6%",
        (F("52.55"), F("52.65"), False, True, F("52.6")),
        "nearest",
    )


def test_a_failing_claim_on_the_latest_figure_by_default_says_which_figure_it_took(tmp_path: Path) -> None:
    dataset = _load(
        tmp_path,
        """
        - id: m
          name: m
          name_en: m
          unit: 件
          observations:
            - {period: 2024年7月, value: 110件}
            - {period: 2023年7月, value: 100件}
          claims:
            - {id: latest, kind: percent_change, text: 20%増加, from: 2023年7月, stated: 20%}
            - {id: named, kind: percent_change, text: 20%増加, from: 2023年7月, to: 2024年7月, stated: 20%}
            - {id: again, kind: restatement, text: 120件, stated: 120件}
        - id: p
          name: p
          name_en: p
          unit: 件
          observations:
            - {period: 2024年7月, value: 30件}
          claims:
            - {id: part, kind: share_of, text: wの40%, of: {metric: w}, stated: 40%}
            - {id: order, kind: ordering, text: w≥p, metrics: [w, p]}
        - id: w
          name: w
          name_en: w
          unit: 件
          observations:
            - {period: 2024年7月, value: 100件}
        """,
    )
    results = by_id(verify(dataset))
    # 110 ÷ 100 − 1 = 10% exactly; 20% is [19.5%, 20.5%) (nearest, ties up first; ties down alike)
    gives = "no values within the figures' rounding give 20% [19.5% – 20.5%): they give 10%"
    ten, twenty = (F(10), F(10), False, False, F(10)), (F(39, 2), F(41, 2), False, True, F(20))
    # two dated figures and no to:: the reason names the latest taken
    took = " (compared with the latest figure, 2024年7月 110件; if the claim is about an earlier one, name it with to:)"
    assert row(results["latest"]) == ("inconsistent", gives + took, ten, "20%", twenty, "nearest")
    # to: names it: nothing to add
    assert row(results["named"]) == ("inconsistent", gives, ten, "20%", twenty, "nearest")
    # a restatement takes the latest too; 120件 and 110件 are exact counts, so no interval is printed
    assert row(results["again"]) == (
        "inconsistent",
        "no values within the figures' rounding give 120件: they give 110" + took,
        (F(110), F(110), False, False, F(110)),
        "120件",
        (F(120), F(120), False, False, F(120)),
        "nearest",
    )
    # p has one dated figure: there is no other to name; 30 ÷ 100 = 30%, not 40% [39.5%, 40.5%)
    assert row(results["part"]) == (
        "inconsistent",
        "no values within the figures' rounding give 40% [39.5% – 40.5%): they give 30%",
        (F(30), F(30), False, False, F(30)),
        "40%",
        (F(79, 2), F(81, 2), False, True, F(40)),
        "nearest",
    )
    # every format's words: the stated figure and what the figures give, in its terms (100 − 30 = 70, no unit)
    assert stated_and_recomputed(results["latest"]) == ("20%", "10%")
    assert stated_and_recomputed(results["order"]) == ("—", "70")


def test_within_rounding_warns_and_fails_only_under_strict() -> None:
    assert severity(Verdict.WITHIN_ROUNDING) is Severity.WARNING
    assert severity(Verdict.WITHIN_ROUNDING, strict=True) is Severity.ERROR
    assert severity(Verdict.NOT_COMPARED) is Severity.NOTE
    assert severity(Verdict.CONSISTENT) is Severity.NONE


# ── agreement: two sources printing one figure, each under its own rule ───────────────────────


def test_two_sources_printing_one_figure_are_compared_under_their_own_rules(tmp_path: Path) -> None:
    dataset = _load(
        tmp_path,
        """
        - id: m
          name: m
          name_en: m
          unit: 件
          observations:
            - {period: 2024年7月, value: 123.4万件}
            - {period: 2024年6月, value: 123.4万件}
            - {period: 2024年5月, value: 123.4万件}
            - {period: 2024年4月, value: 123.4万件}
            - {period: 2024年3月, value: 123.4万件}
            - {period: 2024年2月, value: 123万件}
            - {period: 2024年1月, value: 123.4万件}
            - {period: 2024年7月末, value: 123.4万件, source: b}
            - {period: 2024年6月, value: 125万件, source: b, revised: 集計方法を改定}
            - {period: 2024年5月, value: "1,234万件", source: b}
            - {period: 2024年4月, value: 125万件, source: b}
            - {period: 2024年3月, value: 123.3万件, source: b}
            - {period: 2024年2月, value: 123.4万件, source: b}
            - {period: 2024年1月, value: 123万件, source: b}
        """,
        sources="[{id: a, title: a, publisher: p, rounding: half_up}, {id: b, title: b, publisher: p, rounding: down}]",
    )
    results = {r.claim.target.period.text: r for r in verify(dataset) if r.claim.target.period is not None}
    # a's 123.4万 (四捨五入) is [123.35万, 123.45万); b's figures are truncated: 123万 is [123万, 124万)
    a_1234 = (F(1_233_500), F(1_234_500), False, True, F(1_234_000))
    a_prints = "a prints 123.4万件 [123.35万 – 123.45万) (half_up), "
    # 123.4万 prints as b's 123万 (truncated), though 123万 does not print as a's 123.4万
    assert row(results["2024年1月"]) == (
        "consistent",
        a_prints + "b prints 123万件 [123万 – 124万) (down): one prints as the other",
        a_1234,
        "123万件",
        (F(1_230_000), F(1_240_000), False, True, F(1_230_000)),
        "half_up",
    )
    # the other way round: b's 123.4万 [123.4万, 123.5万) prints as a's 123万 [122.5万, 123.5万), not a's as b's
    assert row(results["2024年2月"]) == (
        "consistent",
        "a prints 123万件 [122.5万 – 123.5万) (half_up), b prints 123.4万件 [123.4万 – 123.5万) (down): "
        "one prints as the other",
        (F(1_225_000), F(1_235_000), False, True, F(1_230_000)),
        "123.4万件",
        (F(1_234_000), F(1_235_000), False, True, F(1_234_000)),
        "half_up",
    )
    # b's 123.3万 is [123.3万, 123.4万): it shares [123.35万, 123.4万) with a's, but holds neither printed value
    b_1233 = (F(1_233_000), F(1_234_000), False, True, F(1_233_000))
    assert row(results["2024年3月"]) == (
        "within_rounding",
        a_prints + "b prints 123.3万件 [123.3万 – 123.4万) (down): they differ, but their rounding intervals overlap",
        a_1234,
        "123.3万件",
        b_1233,
        "half_up",
    )
    # 125万 is [125万, 126万): apart, and no power of ten brings a's into (124.5万, 126.5万)
    apart = a_prints + "b prints 125万件 [125万 – 126万) (down): their rounding intervals do not overlap: a revision"
    b_125 = (F(1_250_000), F(1_260_000), False, True, F(1_250_000))
    assert row(results["2024年4月"]) == ("inconsistent", apart, a_1234, "125万件", b_125, "half_up")
    # the same, acknowledged by b's revised: note
    assert row(results["2024年6月"]) == (
        "revised",
        apart + "; acknowledged: 集計方法を改定",
        a_1234,
        "125万件",
        b_125,
        "half_up",
    )
    # 1,234万 is [1,234万, 1,235万); a's × 10 is [1,233.5万, 1,234.5万), inside (1,233.5万, 1,235.5万): a ×10 slip
    assert row(results["2024年5月"]) == (
        "gross",
        a_prints + "b prints 1,234万件 [1,234万 – 1,235万) (down): their rounding intervals do not overlap: "
        "a revision; off by a factor of 10^1: 123.4万件 stated, the figures give 1,234万件",
        a_1234,
        "1,234万件",
        (F(12_340_000), F(12_350_000), False, True, F(12_340_000)),
        "half_up",
    )
    # 2024年7月 and 2024年7月末 end on one day, but m declares no time: named, not compared
    assert row(results["2024年7月"]) == (
        "not_compared",
        "a's 2024年7月 123.4万件 and b's 2024年7月末 123.4万件 are one figure if m is a stock (a level at a moment), "
        "two spans if it is a flow: declare the metric's time: stock or time: flow",
        None,
        None,
        None,
        "half_up",
    )
    assert len(results) == 7


# ── outside wholes: claims naming a whole the publication never prints ───────────────────────

THREE_SOURCES = "[{id: s, title: s, publisher: p}, {id: a, title: a, publisher: p}, {id: b, title: b, publisher: p}]"


def _counts(*rows: tuple[str, str, str]) -> str:
    """Metrics of one count each (id, figure, claims as YAML flow mappings joined by newlines)."""
    text = ""
    for metric_id, value, claims in rows:
        period = "" if value.startswith("undated ") else "period: 2024年7月, "
        text += f"- id: {metric_id}\n  name: {metric_id}\n  name_en: {metric_id}\n  unit: 件\n  observations:\n"
        text += f"    - {{{period}value: {value.removeprefix('undated ')}}}\n"
        if claims:
            text += "  claims:\n" + "".join(f"    - {claim}\n" for claim in claims.splitlines())
    return text


def test_claims_whose_implied_wholes_meet_under_one_reading_agree(tmp_path: Path) -> None:
    dataset = _load(
        tmp_path,
        _counts(
            (
                "p1",
                "99件",
                "{id: ca, kind: share_of, text: 国民の50%, of: {outside: 国民}, stated: 50%, source: a}\n"
                "{id: ci, kind: share_of, text: 人口の90%, of: {outside: 人口}, stated: 90%}",
            ),
            ("p2", "51件", "{id: cb, kind: share_of, text: 国民の25%, of: {outside: 国民}, stated: 25%, source: b}"),
        ),
        sources=THREE_SOURCES,
    )
    results = by_id(verify(dataset))
    # 99 ÷ [49.5%, 50.5%) (ties up) = (196.0396, 200], 198 as printed; 51 ÷ [24.5%, 25.5%) = (200, 208.1633], 204.
    # They meet only at 200, under a's ties up (99 ÷ 49.5% = 200 kept) and b's ties down ((24.5%, 25.5%]:
    # 51 ÷ 25.5% = 200 kept): one reading of the two nearest sources.
    assert row(results["ca"]) == (
        "unverifiable",
        "the publication gives no figure for 国民; this claim implies 国民 ≈ 198 (196.0396 – 200] at 2024-07; "
        "1 other claim(s) naming it agree",
        None,
        "50%",
        (F(99, 2), F(101, 2), False, True, F(50)),
        "nearest",
    )
    assert row(results["cb"]) == (
        "unverifiable",
        "the publication gives no figure for 国民; this claim implies 国民 ≈ 204 (200 – 208.1633] at 2024-07; "
        "1 other claim(s) naming it agree",
        None,
        "25%",
        (F(49, 2), F(51, 2), False, True, F(25)),
        "nearest",
    )
    # 人口 is another whole, alone: 99 ÷ [89.5%, 90.5%) = (109.3923, 110.6145], 110 as printed; and the same
    # figure's share of two wholes is no one quantity stated twice
    assert row(results["ci"]) == (
        "unverifiable",
        "the publication gives no figure for 人口; this claim implies 人口 ≈ 110 (109.3923 – 110.6145] at 2024-07",
        None,
        "90%",
        (F(179, 2), F(181, 2), False, True, F(90)),
        "nearest",
    )
    # one metric's claims alone, still cross-checked against every claim naming the same whole
    assert [(r.claim.id, r.reason) for r in verify(dataset, "p1")] == [
        ("ca", results["ca"].reason),
        ("ci", results["ci"].reason),
    ]


def test_claims_whose_implied_wholes_cannot_meet_are_inconsistent(tmp_path: Path) -> None:
    dataset = _load(
        tmp_path,
        _counts(
            ("p1", "99件", "{id: ca, kind: share_of, text: 国民の50%, of: {outside: 国民}, stated: 50%, source: a}"),
            ("p2", "51件", "{id: cb, kind: share_of, text: 国民の25%, of: {outside: 国民}, stated: 25%, source: b}"),
            ("p3", "10件", "{id: cc, kind: share_of, text: 国民の50%, of: {outside: 国民}, stated: 50%}"),
            ("p4", "undated 40件", "{id: cd, kind: share_of, text: 人口の40%, of: {outside: 人口}, stated: 40%}"),
            ("p7", "5件", "{id: ce, kind: share_of, text: 人口の10%未満, of: {outside: 人口}, stated: 10%未満}"),
            ("p5", "11万件", "{id: cf, kind: share_of, text: 住民の0.5%, of: {outside: 住民}, stated: 0.5%}"),
            (
                "p6",
                "1件",
                "{id: cg, kind: share_of, text: 世帯の1%, of: {outside: 世帯}, stated: 1%, rounding: up}",
            ),
        ),
        sources=THREE_SOURCES,
    )
    results = by_id(verify(dataset))
    # 10 ÷ [49.5%, 50.5%) = (19.802, 20.202], 20 as printed: far from ca's (196.0396, 200] and cb's (200, 208.1633]
    assert row(results["ca"]) == (
        "inconsistent",
        "this claim implies 国民 ≈ 198 (196.0396 – 200] at 2024-07, which cc rule(s) out",
        None,
        "50%",
        (F(99, 2), F(101, 2), False, True, F(50)),
        "nearest",
    )
    assert results["cb"].reason == "this claim implies 国民 ≈ 204 (200 – 208.1633] at 2024-07, which cc rule(s) out"
    assert row(results["cc"]) == (
        "inconsistent",
        "this claim implies 国民 ≈ 20 (19.802 – 20.202] at 2024-07, which ca, cb rule(s) out",
        None,
        "50%",
        (F(99, 2), F(101, 2), False, True, F(50)),
        "nearest",
    )
    # an undated part: no period to name; 40 ÷ [39.5%, 40.5%) = (98.7654, 101.2658], 100 as printed
    assert (
        results["cd"].reason
        == "the publication gives no figure for 人口; this claim implies 人口 ≈ 100 (98.7654 – 101.2658]"
    )
    # "under 10%" has no lower end: it implies no upper end for 人口, so it is not set beside cd
    assert row(results["ce"]) == (
        "unverifiable",
        "the publication gives no figure for 人口",
        None,
        "10%未満",
        (None, F(10), False, True, None),
        "nearest",
    )
    # 11万 is [10.5万, 11.5万) (ties up); ÷ [0.45%, 0.55%) = (1,909.09万, 2,555.56万), 11万 ÷ 0.5% = 2,200万 as printed
    assert results["cf"].reason == (
        "the publication gives no figure for 住民; "
        "this claim implies 住民 ≈ 2,200万 (1,909.09万 – 2,555.56万) at 2024-07"
    )
    # 1% rounded up is (0%, 1%]: 1 ÷ (0, 1%] = [100, ∞), 1 ÷ 1% = 100 as printed
    assert row(results["cg"]) == (
        "unverifiable",
        "the publication gives no figure for 世帯; this claim implies 世帯 ≈ 100 ≥ 100 at 2024-07",
        None,
        "1%",
        (F(0), F(1), True, False, F(1)),
        "up",
    )


# ── one quantity stated twice ─────────────────────────────────────────────────────────────────


def test_two_claims_stating_one_quantity_must_meet_under_one_reading(tmp_path: Path) -> None:
    dataset = _load(
        tmp_path,
        """
        - id: m
          name: m
          name_en: m
          unit: 件
          observations:
            - {period: 2024年7月, value: 110万件}
            - {period: 2023年7月, value: 100万件}
            - {period: 2022年7月, value: 90万件}
          claims:
            - {id: q1, kind: percent_change, text: 9%増加, from: 2023年7月, stated: 9%, source: a}
            - {id: q2, kind: percent_change, text: 9.5%増加, from: 2023年7月, stated: 9.5%, source: b, rounding: down}
            - {id: r1, kind: percent_change, text: 21%増加, from: 2022年7月, stated: 21%}
            - {id: r2, kind: percent_change, text: 23%増加, from: 2022年7月, to: 2024年7月, stated: 23%}
            - {id: r3, kind: percent_change, text: 23.3%増加, from: 2022年7月, stated: 23.3%}
        """,
        sources=THREE_SOURCES,
    )
    results = by_id(verify(dataset))
    # from 2023年7月, ties up: [109.5万, 110.5万) ÷ [99.5万, 100.5万) − 1 = (600/67 = 8.96%, 2200/199 = 11.06%),
    # 10% as printed: 9% and 9.5% are each within rounding
    from_2023 = (F(600, 67), F(2200, 199), True, True, F(10))
    # a's 9% read with ties down is (8.5%, 9.5%], b's 9.5% truncated is [9.5%, 9.6%): they meet at 9.5%,
    # so both may hold: each keeps its own verdict
    assert row(results["q1"]) == (
        "within_rounding",
        "the printed figures give 10%, not 9% [8.5% – 9.5%); values within their rounding do: (8.96% – 11.06%)",
        from_2023,
        "9%",
        (F(17, 2), F(19, 2), False, True, F(9)),
        "nearest",
    )
    assert row(results["q2"]) == (
        "within_rounding",
        "the printed figures give 10%, not 9.5% [9.5% – 9.6%); values within their rounding do: (8.96% – 11.06%)",
        from_2023,
        "9.5%",
        (F(19, 2), F(48, 5), False, True, F(19, 2)),
        "down",
    )
    # from 2022年7月: [109.5万, 110.5万) ÷ [89.5万, 90.5万) − 1 = (3800/181 = 20.99%, 4200/179 = 23.46%), 22.22%:
    # 21% [20.5%, 21.5%), 23% [22.5%, 23.5%) and 23.3% [23.25%, 23.35%) are each possible, never all three
    # (r2's to: 2024年7月 is the latest the others take): each names the other two
    from_2022 = (F(3800, 181), F(4200, 179), True, True, F(200, 9))
    both = "for the same figures: under no reading of their rounding can both be right"
    assert row(results["r1"]) == (
        "inconsistent",
        f"r2 states 23%, r3 states 23.3% {both}",
        from_2022,
        "21%",
        (F(41, 2), F(43, 2), False, True, F(21)),
        "nearest",
    )
    assert row(results["r2"]) == (
        "inconsistent",
        f"r1 states 21%, r3 states 23.3% {both}",
        from_2022,
        "23%",
        (F(45, 2), F(47, 2), False, True, F(23)),
        "nearest",
    )
    assert row(results["r3"]) == (
        "inconsistent",
        f"r1 states 21%, r2 states 23% {both}",
        from_2022,
        "23.3%",
        (F(93, 4), F(467, 20), False, True, F(233, 10)),
        "nearest",
    )


def test_claims_about_other_figures_are_not_one_quantity(tmp_path: Path) -> None:
    dataset = _load(
        tmp_path,
        """
        - id: m
          name: m
          name_en: m
          unit: 件
          observations:
            - {period: 2024年7月, value: 110万件}
            - {period: 2023年7月, value: 100万件}
          claims:
            - {id: u1, kind: percent_change, text: 5%増加, from: 2020年7月, stated: 5%, source: a, unverifiable: 非公表}
            - {id: u2, kind: percent_change, text: 7%増加, from: 2021年7月, stated: 7%, source: a, unverifiable: 非公表}
            - {id: u3, kind: percent_change, text: 8%増加, from: 2020年7月, stated: 8%, source: b, unverifiable: 非公表}
            - {id: u4, kind: percent_change, text: 9%増加, from: 2023年7月, to: {source: b}, stated: 9%,
               unverifiable: 非公表}
            - {id: s1, kind: share_of, text: w1の54.8%, of: {metric: w1}, stated: 54.8%}
            - {id: s2, kind: share_of, text: w2の50.2%, of: {metric: w2}, stated: 50.2%}
        - id: w1
          name: w1
          name_en: w1
          unit: 件
          observations:
            - {period: 2024年7月, value: 200万件}
        - id: w2
          name: w2
          name_en: w2
          unit: 件
          observations:
            - {period: 2024年7月, value: 220万件}
        - id: t
          name: t
          name_en: t
          unit: 件
          observations:
            - {period: 2024年7月, value: 12万件, parts: [{name: x, value: 5万件}, {name: y, value: 7万件}]}
          claims:
            - {id: sa, kind: sum_of_parts, text: 合計11.2万件, stated: 11.2万件}
            - {id: sb, kind: sum_of_parts, text: 合計12.6万件, stated: 12.6万件}
        """,
        sources=THREE_SOURCES,
    )
    results = by_id(verify(dataset))
    # changes from baselines that are not published: another baseline (u1, u2), another source's (u1, u3) or an
    # unpublished end (u4) is another quantity: each stays unverifiable with its stated figure [x − 0.5%, x + 0.5%)
    for claim_id, stated in (("u1", 5), ("u2", 7), ("u3", 8), ("u4", 9)):
        assert row(results[claim_id]) == (
            "unverifiable",
            "非公表",
            None,
            f"{stated}%",
            (F(stated) - F(1, 2), F(stated) + F(1, 2), False, True, F(stated)),
            "nearest",
        )
    # shares of two wholes: [109.5万, 110.5万) ÷ [199.5万, 200.5万) = (21900/401 = 54.61%, 22100/399 = 55.39%), 55%;
    # ÷ [219.5万, 220.5万) = (7300/147 = 49.66%, 22100/439 = 50.34%), 50%
    assert row(results["s1"]) == (
        "within_rounding",
        "the printed figures give 55%, not 54.8% [54.75% – 54.85%); values within their rounding do: (54.61% – 55.39%)",
        (F(21900, 401), F(22100, 399), True, True, F(55)),
        "54.8%",
        (F(219, 4), F(1097, 20), False, True, F(274, 5)),
        "nearest",
    )
    assert row(results["s2"]) == (
        "within_rounding",
        "the printed figures give 50%, not 50.2% [50.15% – 50.25%); values within their rounding do: (49.66% – 50.34%)",
        (F(7300, 147), F(22100, 439), True, True, F(50)),
        "50.2%",
        (F(1003, 20), F(201, 4), False, True, F(251, 5)),
        "nearest",
    )
    # a sum of parts states the figure's own total, not a quantity of other figures: [4.5万, 5.5万) + [6.5万, 7.5万)
    # = [11万, 13万), 12万 as printed; 11.2万 and 12.6万 are each within rounding, and stay so
    total = (F(110_000), F(130_000), False, True, F(120_000))
    assert row(results["sa"]) == (
        "within_rounding",
        "the printed figures give 12万, not 11.2万件 [11.15万 – 11.25万); "
        "values within their rounding do: [11万 – 13万)",
        total,
        "11.2万件",
        (F(111_500), F(112_500), False, True, F(112_000)),
        "nearest",
    )
    assert row(results["sb"]) == (
        "within_rounding",
        "the printed figures give 12万, not 12.6万件 [12.55万 – 12.65万); "
        "values within their rounding do: [11万 – 13万)",
        total,
        "12.6万件",
        (F(125_500), F(126_500), False, True, F(126_000)),
        "nearest",
    )


# ── changes, and verify for one metric ────────────────────────────────────────────────────────

HEADLINE = """claims:
  - {id: head, kind: percent_change, text: 50%増加, metric: alpha, from: 2023年7月, stated: 50%}
  - {id: zhead, kind: percent_change, text: 20%増加, metric: zeta, from: 2023年7月, stated: 20%}
"""
THREE_METRICS = """
- id: zeta
  name: z
  name_en: z
  unit: 件
  observations:
    - {period: 2024年7月, value: 120件}
    - {period: 2023年7月, value: 100件}
- id: alpha
  name: a
  name_en: a
  unit: 件
  observations:
    - {period: 2024年7月, value: 300件}
    - {period: 2023年7月, value: 200件}
  claims:
    - {id: times, kind: ratio, text: zetaの2.5倍, of: {metric: zeta}, stated: 2.5倍}
    - {id: rise, kind: percent_change, text: 50%増加, from: 2023年7月, stated: 50%}
    - {id: unknown, kind: percent_change, text: 10%増加, stated: 10%, unverifiable: 前年は非公表}
- id: beta
  name: b
  name_en: b
  unit: "%"
  observations:
    - {period: 2024年7月, value: 52.4%}
    - {period: 2023年7月, value: 50.0%}
  claims:
    - {id: pt, kind: point_change, text: 2.4PT上昇, from: 2023年7月, stated: 2.4PT}
"""


def test_changes_has_one_row_per_metric_baseline_and_end_in_the_metrics_order(tmp_path: Path) -> None:
    dataset = _load(tmp_path, THREE_METRICS, section=HEADLINE)
    rows = [
        (
            change.metric.id,
            change.baseline.period.text if change.baseline and change.baseline.period else None,
            change.latest.period.text if change.latest.period else None,
            whole(change.absolute),
            whole(change.percent),
            change.result.claim.id,
            change.result.verdict.value,
        )
        for change in changes(dataset)
    ]
    assert rows == [
        # the headline's claim on zeta: 120 − 100 = 20, 20 ÷ 100 = 20%, exact counts
        ("zeta", "2023年7月", "2024年7月", (F(20), F(20), False, False, F(20)), (F(20), F(20), False, False, F(20)),
         "zhead", "consistent"),
        # alpha's own claim, not the headline repeating it: 300 − 200 = 100, 100 ÷ 200 = 50%
        ("alpha", "2023年7月", "2024年7月", (F(100), F(100), False, False, F(100)),
         (F(50), F(50), False, False, F(50)), "rise", "consistent"),
        # a change from an unpublished baseline: a row with nothing computed; the ratio to zeta (of:) has none
        ("alpha", None, "2024年7月", None, None, "unknown", "unverifiable"),
        # a percentage changes in points only: [52.35, 52.45) − [49.95, 50.05) = (2.3, 2.5), 2.4 as printed
        ("beta", "2023年7月", "2024年7月", (F(23, 10), F(5, 2), True, True, F(12, 5)), None, "pt", "consistent"),
    ]  # fmt: skip


def test_verify_for_one_metric_checks_the_claims_about_it_or_dividing_by_it(tmp_path: Path) -> None:
    dataset = _load(tmp_path, THREE_METRICS, section=HEADLINE)
    results = verify(dataset, "zeta")
    assert [result.claim.id for result in results] == ["zhead", "times"]
    # 300 ÷ 120 = 2.5 exactly, which is 2.5倍 [2.45倍, 2.55倍)
    assert row(results[1]) == (
        "consistent",
        "the printed figures give 2.5倍, which rounds to 2.5倍",
        (F(5, 2), F(5, 2), False, False, F(5, 2)),
        "2.5倍",
        (F(49, 20), F(51, 20), False, True, F(5, 2)),
        "nearest",
    )


def test_a_latest_figure_without_a_date_is_not_named(tmp_path: Path) -> None:
    # b's own figure is the claim's latest; it has no period, so the reason cannot name one
    dataset = _load(
        tmp_path,
        """
        - id: m
          name: m
          name_en: m
          unit: 件
          observations:
            - {period: 2024年7月, value: 110件}
            - {period: 2023年7月, value: 100件}
            - {value: 110件, source: b}
          claims:
            - {id: again, kind: restatement, text: 120件, stated: 120件, source: b}
        """,
        sources="[{id: s, title: s, publisher: p}, {id: b, title: b, publisher: p}]",
    )
    assert row(by_id(verify(dataset))["again"]) == (
        "inconsistent",
        "no values within the figures' rounding give 120件: they give 110",
        (F(110), F(110), False, False, F(110)),
        "120件",
        (F(120), F(120), False, False, F(120)),
        "nearest",
    )


def test_an_agreement_is_labelled_with_the_rule_of_its_first_figure(tmp_path: Path) -> None:
    # a rounds half up, but its July figure declares 切り捨て: July's check is read, and labelled, under down
    dataset = _load(
        tmp_path,
        """
        - id: m
          name: m
          name_en: m
          unit: 件
          observations:
            - {period: 2024年7月, value: 123.4万件, rounding: down}
            - {period: 2024年6月, value: 123.4万件}
            - {period: 2024年7月, value: 123.4万件, source: b}
            - {period: 2024年6月, value: 123.4万件, source: b}
        """,
        sources="[{id: a, title: a, publisher: p, rounding: half_up}, {id: b, title: b, publisher: p}]",
    )
    results = {r.claim.target.period.text: r for r in verify(dataset) if r.claim.target.period is not None}
    # July: a's 123.4万 truncated is [123.4万, 123.5万); b's (nearest, ties up) [123.35万, 123.45万) holds 123.4万
    assert row(results["2024年7月"]) == (
        "consistent",
        "a prints 123.4万件 [123.4万 – 123.5万) (down), b prints 123.4万件 [123.35万 – 123.45万) (nearest): "
        "one prints as the other",
        (F(1_234_000), F(1_235_000), False, True, F(1_234_000)),
        "123.4万件",
        (F(1_233_500), F(1_234_500), False, True, F(1_234_000)),
        "down",
    )
    assert results["2024年6月"].rounding == "half_up"


def test_verify_fails_a_rise_of_at_most_a_figure_when_the_figures_fell(tmp_path: Path) -> None:
    # 9,308万 ÷ 9,404万 − 1 = −1.02% ((9,307.5万 ÷ 9,404.5万 − 1, 9,308.5万 ÷ 9,403.5万 − 1) = (−1.03%, −1.01%)):
    # a fall, so "5%以下の増加" ((0%, 5%]) is the wrong direction: gross, and verify exits 1 (every other
    # claim holds: the baseline is only this claim's)
    path = edited(
        tmp_path,
        ("            value: 8,904万枚", "            value: 9,404万枚"),
        ("            stated: 5%\n", "            stated: 5%以下\n"),
    )
    outcome = run_process("verify", "--file", str(path), "--json")
    assert outcome.code == 1, outcome.err
    verdicts = {c["id"]: (c["verdict"], c["stated_interval"]) for c in json.loads(outcome.out)["claims"]}
    assert verdicts["mynacard-change"] == (
        "gross",
        {"point": None, "low": 0, "high": 5, "low_open": True, "high_open": False},
    )
