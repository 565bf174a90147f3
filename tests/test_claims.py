"""Claim checking: the shipped verdict table, every kind corrupted one figure at a time, and properties."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import DATA, SHIPPED_TEXT, edited, republish
from dgcli.check.claims import changes, check, failed, summarize, verify
from dgcli.data.loader import load_dataset
from dgcli.data.model import Dataset, Verdict
from dgcli.errors import DataError


def verdicts(dataset: Dataset) -> dict[str, Verdict]:
    return {result.claim.id: result.verdict for result in verify(dataset)}


def pinned() -> dict[str, Verdict]:
    table: dict[str, Verdict] = {}
    for line in (DATA / "shipped_verdicts.txt").read_text(encoding="utf-8").splitlines():
        fields = line.split("#")[0].split()
        if fields:
            table[fields[0]] = Verdict(fields[1])
    return table


def test_the_shipped_file_gives_the_hand_derived_verdict_table(shipped: Dataset) -> None:
    assert verdicts(shipped) == pinned()
    results = verify(shipped)
    assert not failed(results) and failed(results, strict=True)  # the three within_rounding fail --strict


def test_etax_interval_matches_hand_computation(shipped: Dataset) -> None:
    result = next(r for r in verify(shipped) if r.claim.id == "etax-linkages-change")
    assert result.computed is not None
    assert result.computed.low == (Fraction(7525000, 4785000) - 1) * 100  # 752.5万 ÷ 478.5万 − 1
    assert result.computed.high == (Fraction(7535000, 4775000) - 1) * 100  # 753.5万 ÷ 477.5万 − 1
    assert result.rounding == "nearest"


def test_mynacard_change_row(shipped: Dataset) -> None:
    row = next(r for r in changes(shipped) if r.metric.id == "mynacard")
    assert row.baseline is not None and row.baseline.period_key == "2023-07"
    assert row.percent is not None and row.percent.point == (Fraction(9308, 8904) - 1) * 100
    assert row.result.stated is not None and row.result.stated.text == "5%"


def test_summary_counts_every_verdict(shipped: Dataset) -> None:
    counts = summarize(verify(shipped))
    assert set(counts) == {"total", *Verdict}
    assert counts["total"] == sum(counts[v] for v in Verdict) == 72


def _verdict_after(tmp_path: Path, claim: str, *replacements: tuple[str, str]) -> Verdict:
    return verdicts(load_dataset(edited(tmp_path, *replacements)))[claim]


MYNACARD_CHANGE = (
    "          - id: mynacard-change\n            kind: percent_change\n"
    "            text: 2023年7月から5%増加しました\n            from: 2023年7月\n            stated: 5%\n"
)


def _mynacard_claim(kind: str, text: str, **keys: str) -> tuple[str, str]:
    """The shipped mynacard-change claim replaced by one of another kind, with these keys."""
    written = "".join(f"            {key.removesuffix('_')}: {value}\n" for key, value in keys.items())
    header = f"          - id: mynacard-change\n            kind: {kind}\n            text: {text}\n"
    return MYNACARD_CHANGE, header + written


@pytest.mark.parametrize(
    ("claim", "replacements", "verdict"),
    [
        # percent_change: 9,408 ÷ 8,904 − 1 = 5.66% (5.65–5.67%) cannot print as 5%
        ("mynacard-change", [("value: 9,308万枚", "value: 9,408万枚")], Verdict.INCONSISTENT),
        # …and 9,308 ÷ 9,904 − 1 = −6.0% is a fall stated as a rise
        ("mynacard-change", [("value: 8,904万枚", "value: 9,904万枚")], Verdict.GROSS),
        # 795% is 671 ÷ 75 − 1; 895% is 671 ÷ 75 (the ratio quoted as the change)
        ("gov-cloud-systems-change", [("stated: 795%", "stated: 895%")], Verdict.GROSS),
        # point_change: 50.9 − 48.0 = 2.9; 29PT is ten times it
        (
            "headline-approval-pt",
            [("stated: 2.9PT\n      - id: headline-adaptation", "stated: 29PT\n      - id: headline-adaptation")],
            Verdict.GROSS,
        ),
        # boundary: (50.85 − 48.05, 50.95 − 47.95) = (2.8, 3.0) reaches into 3.0PT = [2.95, 3.05); approval-pt's
        # 2.9PT for the same figures is what the printed figures give (50.9 − 48.0), so it does not contradict
        (
            "headline-approval-pt",
            [("stated: 2.9PT\n      - id: headline-adaptation", "stated: 3.0PT\n      - id: headline-adaptation")],
            Verdict.WITHIN_ROUNDING,
        ),
        # …but 3.1PT = [3.05, 3.15) is out of reach
        (
            "headline-approval-pt",
            [("stated: 2.9PT\n      - id: headline-adaptation", "stated: 3.1PT\n      - id: headline-adaptation")],
            Verdict.INCONSISTENT,
        ),
        # absolute_change between exact counts: 4,366 − 1,012 = 3,354, not 3,353
        ("analog-regulations-change", [("value: 4,365条項", "value: 4,366条項")], Verdict.INCONSISTENT),
        # share_of: 7,371 ÷ 9,308 = 79.19%
        ("health-insurance-card-share", [("stated: 79%", "stated: 69%")], Verdict.INCONSISTENT),
        ("health-insurance-card-share", [("stated: 79%", "stated: 7.9%")], Verdict.GROSS),
        ("health-insurance-card-share", [("stated: 79%", "stated: 8割近く")], Verdict.CONSISTENT),  # [75, 80]
        ("health-insurance-card-share", [("stated: 79%", "stated: 約8割")], Verdict.CONSISTENT),  # [75, 85]
        ("health-insurance-card-share", [("stated: 79%", "stated: 過半数")], Verdict.CONSISTENT),  # (50, 100]
        ("health-insurance-card-share", [("stated: 79%", "stated: 7割強")], Verdict.CONSISTENT),  # [70, 80)
        ("health-insurance-card-share", [("stated: 79%", "stated: 8割強")], Verdict.INCONSISTENT),  # [80, 90)
        # sum_of_parts: 0.5億 + 5.3億 = 5.8億, not 5.6億 (each ±0.05億: 5.7–5.9億)
        ("jpki-verifications-sum", [("value: 5.1億回", "value: 5.3億回")], Verdict.INCONSISTENT),
        # count_of_items: 8 listed, 9件 stated
        ("ai-use-cases-count", [("              - パブリックコメント対応品質の向上\n", "")], Verdict.INCONSISTENT),
        # items_added: 5 + 4 listed = 9, not 10
        (
            "headline-gss-joined",
            [
                (
                    "added: [宮内庁, 内閣府・内閣官房, 復興庁, 消費者庁, カジノ管理委員会]",
                    "added: [宮内庁, 復興庁, 消費者庁, カジノ管理委員会]",
                )
            ],
            Verdict.INCONSISTENT,
        ),
        # threshold: 7,197 ÷ 6,612 − 1 = 8.85% is not 二桁
        ("headline-accounts-double-digit", [("value: 6,412万件", "value: 6,612万件")], Verdict.GROSS),
        # threshold with direction: down: +13.68% is not a fall of 二桁
        (
            "headline-insurance-fund-double-digit",
            [
                (
                    "text: マイナ保険証や公金口座の登録も2023年から二桁成長",
                    "text: マイナ保険証や公金口座の登録も2023年から二桁減少",
                ),
                ("        stated: 二桁\n        note:", "        stated: 二桁\n        direction: down\n        note:"),
            ],
            Verdict.GROSS,
        ),
        # a bare 10% is a floor: +13.68% and +10.66% are at least 10%
        (
            "headline-insurance-fund-double-digit",
            [("        stated: 二桁\n        note:", "        stated: 10%\n        note:")],
            Verdict.CONSISTENT,
        ),
        # 三桁 is 100% up to 1,000%: +13.68% is not
        (
            "headline-insurance-fund-double-digit",
            [("        stated: 二桁\n        note:", "        stated: 三桁\n        note:")],
            Verdict.GROSS,
        ),
        # direction: 270 → 196 is a fall
        ("headline-technology-map-rose", [("value: 27件", "value: 270件")], Verdict.GROSS),
        # restatement
        ("mynacard-restated", [("stated: 9,308万枚", "stated: 9,318万枚")], Verdict.INCONSISTENT),
        ("mynacard-restated", [("stated: 9,308万枚", "stated: 930.8万枚")], Verdict.GROSS),  # a multiplier slip
        ("mynacard-restated", [("stated: 9,308万枚", "stated: 約9,300万枚")], Verdict.CONSISTENT),  # [9,250万, 9,350万]
        (
            "mynacard-restated",
            [("stated: 9,308万枚", "stated: 約9,400万枚")],
            Verdict.INCONSISTENT,
        ),  # [9,350万, 9,450万]
        ("mynacard-restated", [("stated: 9,308万枚", "stated: 9,000万枚以上")], Verdict.CONSISTENT),
        ("mynacard-restated", [("stated: 9,308万枚", "stated: 9,300万枚台")], Verdict.CONSISTENT),  # [9,300万, 9,400万)
        # the typo of issue 8: [7,370.5万, 7,371.5万) and [7,371.5万, 7,372.5万) touch, never overlap
        ("health-insurance-card-restated", [("stated: 7,371万件", "stated: 7,372万件")], Verdict.INCONSISTENT),
        # exact counts: 201 is not 200
        ("bosai-service-catalog-restated", [("stated: 200件", "stated: 201件")], Verdict.INCONSISTENT),
        # a survey share one digit off: 51.0% = [50.95, 51.05) misses 50.9% = [50.85, 50.95)
        ("approval-restated", [("            stated: 50.9%", "            stated: 51.0%")], Verdict.INCONSISTENT),
        # distribution_sum: 50.9 + 38.0 + 12.1 = 101.0, [100.85, 101.15) misses 100
        (
            "approval-2024-07-sums-to-100",
            [("              良いと思わない: 11.1%", "              良いと思わない: 12.1%")],
            Verdict.INCONSISTENT,
        ),
        # ratio: 9,308 ÷ 5,400 = 1.7237 → 1.7倍
        (
            "mynacard-change",
            [_mynacard_claim("ratio", "2022年4月から1.7倍", from_="2022年4月", stated="1.7倍")],
            Verdict.CONSISTENT,
        ),
        (
            "mynacard-change",
            [_mynacard_claim("ratio", "2022年4月から1.8倍", from_="2022年4月", stated="1.8倍")],
            Verdict.INCONSISTENT,
        ),
        # 0.7倍 is the increase 1.72 − 1, quoted as the ratio
        (
            "mynacard-change",
            [_mynacard_claim("ratio", "2022年4月から0.7倍", from_="2022年4月", stated="0.7倍")],
            Verdict.GROSS,
        ),
        # ratio between metrics: 9,308万 ÷ 7,371万 = 1.26倍
        (
            "mynacard-change",
            [_mynacard_claim("ratio", "保険証の1.3倍", of="{metric: health-insurance-card}", stated="1.3倍")],
            Verdict.CONSISTENT,
        ),
        # percent change from exactly zero: no change exists, so 5% cannot be right
        ("mynacard-change", [("value: 8,904万枚", "value: 0枚")], Verdict.INCONSISTENT),
        # an ordering at one period: 8,904万 ≥ 6,484万 ≥ 5,711万 in 2023年7月
        (
            "mynacard-change",
            [
                _mynacard_claim(
                    "ordering",
                    "カード ≥ 保険証 ≥ 公金口座",
                    metrics="[mynacard, health-insurance-card, public-fund-account]",
                    to="2023年7月",
                )
            ],
            Verdict.CONSISTENT,
        ),
        (
            "mynacard-change",
            [
                _mynacard_claim(
                    "ordering", "公金口座 ≥ カード", metrics="[public-fund-account, mynacard]", to="2023年7月"
                )
            ],
            Verdict.GROSS,
        ),
        (
            "mynacard-change",
            [
                _mynacard_claim(
                    "ordering",
                    "公金口座 ≤ カード",
                    metrics="[public-fund-account, mynacard]",
                    to="2023年7月",
                    direction="up",
                )
            ],
            Verdict.CONSISTENT,
        ),
    ],
)
def test_one_figure_changed_gives_the_right_verdict(
    tmp_path: Path, claim: str, replacements: list[tuple[str, str]], verdict: Verdict
) -> None:
    assert _verdict_after(tmp_path, claim, *replacements) is verdict


def test_a_figure_written_out_in_full_is_the_same_figure(tmp_path: Path) -> None:
    # 9,308万 and 93,080,000 print the same value; written in full it is exact, and 5% still holds.
    assert (
        _verdict_after(tmp_path, "mynacard-change", ("value: 9,308万枚", "value: 93,080,000枚")) is Verdict.CONSISTENT
    )
    assert (
        _verdict_after(tmp_path, "mynacard-restated", ("stated: 9,308万枚", "stated: 0.9308億枚")) is Verdict.CONSISTENT
    )


def test_a_declared_rounding_rule_changes_verdicts(tmp_path: Path) -> None:
    # Truncated to 0.1, 29.8 + 32.7 + 37.6 = 100.1 stands for [100.1, 100.4): 100 is out of reach.
    path = edited(tmp_path, ("rounding: 数値は小数点第二位を四捨五入", "rounding: 数値は小数点第二位を切り捨て"))
    found = verdicts(load_dataset(path))
    assert found["adaptation-2024-07-sums-to-100"] is Verdict.INCONSISTENT
    # 48.0 + 39.1 + 12.8 = 99.9 stands for [99.9, 100.2): 100 is within it
    assert found["approval-2023-07-sums-to-100"] is Verdict.WITHIN_ROUNDING
    assert found["adaptation-pt"] is Verdict.CONSISTENT  # 29.8 − 28.8 = 1.0 truncates to 1.0


def test_a_source_wide_rule_applies_to_every_figure(tmp_path: Path) -> None:
    # Truncated to 1%: 753万 ÷ 478万 − 1 = 57.53% truncates to 57%, so the e-Tax claim now holds.
    path = edited(tmp_path, ("    publisher: デジタル庁\n", "    publisher: デジタル庁\n    rounding: down\n"))
    assert verdicts(load_dataset(path))["etax-linkages-change"] is Verdict.CONSISTENT


def test_outside_wholes_must_agree(tmp_path: Path) -> None:
    # 75% of 国民 implies 1.23–1.25億; 65% implies 1.42–1.44億: both claims name 国民 in 2024年7月.
    path = edited(
        tmp_path,
        ("        of: {outside: 国民}\n        stated: 75%", "        of: {outside: 国民}\n        stated: 65%"),
    )
    results = {r.claim.id: r for r in verify(load_dataset(path))}
    for claim in ("headline-mynacard-population-share", "mynacard-population-share"):
        assert results[claim].verdict is Verdict.INCONSISTENT
        assert "国民 ≈" in results[claim].reason


def test_a_zero_baseline_keeps_the_stated_figure_and_fails_strict(tmp_path: Path) -> None:
    result = next(
        r
        for r in verify(load_dataset(edited(tmp_path, ("value: 8,904万枚", "value: 0枚"))))
        if r.claim.id == "mynacard-change"
    )
    assert result.stated is not None and result.stated.text == "5%"
    assert failed([result])


@pytest.mark.parametrize(
    ("replacement", "words"),
    [
        (
            (
                "            from: 2023年7月\n            stated: 2.9PT",
                "            from: 2023年7月\n            stated: 2.9%",
            ),
            "a point_change claim is stated in 'PT'",
        ),
        (("            stated: 5%\n", "            stated: 5PT\n"), "a percent_change claim is stated in '%'"),
        (("            stated: 79%", "            stated: 1.3倍"), "a share_of claim is stated in '%'"),
        (("stated: 3,353件\n        note", "stated: 3,353人\n        note"), "is in '人'"),
        (
            ("            stated: 79%", "            direction: down\n            stated: 79%"),
            "takes no direction",
        ),
        (("value: 5,400万枚", "value: -5,400万枚"), "is negative"),
        (("value: 5,400万枚", "value: ٥,400万枚"), "not an ASCII or full-width digit"),
        (
            (
                "aliases: [マイナンバーカードの保有枚数, my number card]",
                "aliases: [マイナンバーカードの保有枚数, my number card, approval]",
            ),
            "also names metric 'approval'",
        ),
        (("- id: approval-restated", "- id: approval-2024-07-sums-to-100"), "is the id of an implied check"),
        (
            ("            stated: 5%\n", "            stated: ▲5%\n            direction: down\n"),
            "already carries its sign",
        ),
        (("              良いと思う: 50.9%", "              良いと思う: 150.9%"), "outside 0–100%"),
    ],
)
def test_impossible_data_is_a_located_error(tmp_path: Path, replacement: tuple[str, str], words: str) -> None:
    with pytest.raises(DataError) as caught:
        load_dataset(edited(tmp_path, replacement))
    problems = caught.value.problems
    assert any(words in p.message for p in problems), [p.message for p in problems]
    assert all(p.line and p.column for p in problems)


# ── the corpus of Japanese phrasing: each claim's note says its hand-computed verdict ────────────

CORPUS = sorted((DATA / "claims").glob("*.yaml"))
_EXPECT = re.compile(r"expect (\w+):")


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_corpus_of_published_phrasing(path: Path) -> None:
    """Each claim alone: the corpus writes several phrasings of one figure, which as a set contradict
    each other on purpose (verify's cross-check of claims about the same figures is tested below)."""
    dataset = load_dataset(path)
    checked = 0
    for result in (check(claim, dataset) for claim in dataset.claims()):
        match = _EXPECT.search(result.claim.note)
        if match is None:
            continue
        checked += 1
        assert result.verdict is Verdict(match[1]), f"{result.claim.id}: {result.reason}"
    assert checked >= 5


# ── properties, with Decimal as the oracle ──────────────────────────────────────────────────

TEMPLATE = """schema_version: "2"
sources: [{{id: s, title: t, publisher: p}}]
groups: [{{id: g, title: g}}]
sections:
  - id: s
    title: s
    group: g
    metrics:
      - id: m
        name: m
        name_en: m
        unit: 件
        observations:
          - period: 2024年7月
            value: "{new}"
          - period: 2023年7月
            value: "{old}"
        claims:
          - id: c
            kind: percent_change
            text: c
            from: 2023年7月
            stated: "{stated}"
"""


def _claim_verdict(tmp_path: Path, new: str, old: str, stated: str) -> Verdict:
    path = tmp_path / "p.yaml"
    path.write_text(TEMPLATE.format(new=new, old=old, stated=stated), encoding="utf-8")
    return verdicts(load_dataset(path))["c"]


def _percent(new: int, old: int, places: int) -> Decimal:
    """The oracle: (new / old − 1) × 100 rounded half up with Decimal, independently of dgcli."""
    exact = (Decimal(new) / Decimal(old) - 1) * 100
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


amounts = st.integers(min_value=1000, max_value=10**6)
slow = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@slow
@given(new=amounts, old=amounts, places=st.integers(0, 2))
def test_exact_counts_and_their_rounded_change_are_consistent(tmp_path: Path, new: int, old: int, places: int) -> None:
    stated = _percent(new, old, places)
    assume(stated != 0)
    direction = "" if stated > 0 else "▲"
    assert _claim_verdict(tmp_path, f"{new:,}", f"{old:,}", f"{direction}{abs(stated)}%") is Verdict.CONSISTENT


@slow
@given(new=amounts, old=amounts, points=st.integers(1, 50))
def test_a_change_moved_a_whole_point_is_inconsistent(tmp_path: Path, new: int, old: int, points: int) -> None:
    # Exact counts leave no rounding room: a change off by ≥ 1 point from the true one cannot hold.
    truth = _percent(new, old, 1)
    moved = truth + points
    assume(truth > 0 and moved > 0)
    verdict = _claim_verdict(tmp_path, f"{new:,}", f"{old:,}", f"{moved}%")
    assert verdict in (Verdict.INCONSISTENT, Verdict.GROSS)


@slow
@given(new=amounts, old=amounts)
def test_a_change_with_the_wrong_sign_is_gross(tmp_path: Path, new: int, old: int) -> None:
    truth = _percent(new, old, 1)
    assume(abs(truth) >= Decimal("0.5"))
    wrong = f"▲{truth}%" if truth > 0 else f"{-truth}%"
    assert _claim_verdict(tmp_path, f"{new:,}", f"{old:,}", wrong) is Verdict.GROSS


@slow
@given(new=st.integers(min_value=10**5, max_value=10**8), old=st.integers(min_value=10**5, max_value=10**8))
def test_rounded_inputs_never_make_a_true_claim_inconsistent(tmp_path: Path, new: int, old: int) -> None:
    # Print both true counts in 万 to one decimal (half up, by Decimal), and state the true change
    # rounded to 1%: whatever the rounding hid, the claim is consistent or within_rounding.
    def printed(count: int) -> str:
        return f"{(Decimal(count) / 10**4).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP):,}万"

    stated = _percent(new, old, 0)
    assume(stated > 0)
    verdict = _claim_verdict(tmp_path, printed(new), printed(old), f"{stated}%")
    assert verdict in (Verdict.CONSISTENT, Verdict.WITHIN_ROUNDING)


def test_a_new_editions_figure_on_top_names_itself_in_the_failing_reasons(tmp_path: Path) -> None:
    """A maintainer adds 2024年10月 9,400万枚 above 2024年7月: the claims about 9,308万枚 now compare the
    latest figure and fail (9,400万 is not 9,308万); the reason says which figure, and to: fixes it."""
    latest = "          - period: 2024年7月\n            value: 9,308万枚\n"
    newer = "          - period: 2024年10月\n            value: 9,400万枚\n" + latest
    results = {r.claim.id: r for r in verify(load_dataset(edited(tmp_path, (latest, newer))))}
    restated = results["mynacard-restated"]
    assert restated.verdict is Verdict.INCONSISTENT
    assert "compared with the latest figure, 2024年10月 9,400万枚" in restated.reason and "to:" in restated.reason
    pinned = edited(
        tmp_path,
        (latest, newer),
        ("            stated: 9,308万枚\n", "            to: 2024年7月\n            stated: 9,308万枚\n"),
        name="pinned.yaml",
    )
    assert {r.claim.id: r.verdict for r in verify(load_dataset(pinned))}["mynacard-restated"] is Verdict.CONSISTENT


def test_two_claims_about_the_same_figures_must_agree(tmp_path: Path) -> None:
    """国民の75% (the headline) and 国民の75% (the metric's text) divide the same 9,308万 by the same
    unpublished 国民: each alone is unverifiable, but 74% in one and 75% in the other cannot both hold —
    under 四捨五入 [74.5, 75.5) and [73.5, 74.5) share no value (nor under ties rounded down)."""
    start = SHIPPED_TEXT.index("          - id: mynacard-population-share")
    at = SHIPPED_TEXT.index("stated: 75%", start)
    path = tmp_path / "indicators.yaml"
    block = SHIPPED_TEXT[start : at + len("stated: 75%")]
    published = republish(SHIPPED_TEXT, block, block.replace("stated: 75%", "stated: 74%"))
    path.write_text(published, encoding="utf-8")
    verdicts = {r.claim.id: r for r in verify(load_dataset(path))}
    for claim_id in ("headline-mynacard-population-share", "mynacard-population-share"):
        assert verdicts[claim_id].verdict is Verdict.INCONSISTENT
        assert "for the same figures" in verdicts[claim_id].reason
    # 22% (headline) vs 23% (the metric): the same unpublished baseline and the same 122万件.
    start = SHIPPED_TEXT.index("      - id: headline-gbizid-change")
    at = SHIPPED_TEXT.index("stated: 22%", start)
    block = SHIPPED_TEXT[start : at + len("stated: 22%")]
    path.write_text(republish(SHIPPED_TEXT, block, block.replace("stated: 22%", "stated: 23%")), encoding="utf-8")
    verdicts = {r.claim.id: r for r in verify(load_dataset(path))}
    assert verdicts["headline-gbizid-change"].verdict is Verdict.INCONSISTENT
    assert verdicts["gbizid-prime-change"].verdict is Verdict.INCONSISTENT


NO_FALSE_ALARMS = DATA / "no_false_alarms.yaml"


def _edited_fixture(tmp_path: Path, old: str, new: str) -> Path:
    text = NO_FALSE_ALARMS.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / "edited.yaml"
    path.write_text(republish(text, old, new), encoding="utf-8")
    return path


def test_correct_publications_pass() -> None:
    """Each case in the file once failed CI though every claim is right (the arithmetic is in the file)."""
    results = verify(load_dataset(NO_FALSE_ALARMS))
    assert [(r.claim.id, r.verdict) for r in results if r.verdict in (Verdict.INCONSISTENT, Verdict.GROSS)] == []
    assert not failed(results)


@pytest.mark.parametrize(
    ("old", "new", "failing"),
    [
        # without the acknowledgement both disagreements with the 2023 edition fail
        (
            "            revised: the 2024 edition corrected March 2024 from 1,986万件\n",
            "",
            {"registrations-2024-03-report-vs-edition-2023", "registrations-2024-03-edition-2023-vs-dashboard"},
        ),
        # without the claim's own rule the source's 切り捨て applies: 17.45% truncates to 17.4%, not 17.5%
        ("            rounding: half_up\n            stated: 17.5%", "            stated: 17.5%", {"residents-growth"}),
        # 57.7% = [57.65, 57.75) alone is within rounding of (57.26, 57.80), as is the report's 57.4% =
        # [57.35, 57.45); but they share no value, so for the same two figures both cannot be right
        ("            stated: 58%\n", "            stated: 57.7%\n", {"linkages-58", "linkages-574"}),
    ],
)
def test_each_protection_can_fail(tmp_path: Path, old: str, new: str, failing: set[str]) -> None:
    results = verify(load_dataset(_edited_fixture(tmp_path, old, new)))
    assert {r.claim.id for r in results if r.verdict in (Verdict.INCONSISTENT, Verdict.GROSS)} == failing


def test_a_percentage_that_is_no_share_must_say_so(tmp_path: Path) -> None:
    path = _edited_fixture(tmp_path, "        share: false\n", "")
    with pytest.raises(DataError, match="give its metric share: false"):
        load_dataset(path)


def test_sources_agree_whatever_their_period_text(tmp_path: Path) -> None:
    # 2024年3月 and 2024年3月時点 are one period: the 2023 edition's 1,986万件 must still be compared.
    path = _edited_fixture(
        tmp_path,
        "          - period: 2024年3月\n            value: 1,986万件",
        "          - period: 2024年3月時点\n            value: 1,986万件",
    )
    verdicts = {r.claim.id: r.verdict for r in verify(load_dataset(path))}
    assert verdicts["registrations-2024-03-report-vs-edition-2023"] is Verdict.REVISED


def test_an_outside_whole_is_read_under_the_declared_rule(tmp_path: Path) -> None:
    """Truncated (切り捨て): 国民 = 9,947 gives 7,460 ÷ 9,947 = 74.997% → 74% and 7,560 ÷ 9,947 = 76.003% → 76%,
    so 国民の74% and 国民の76% can both hold; read as 四捨五入 they could not."""
    text = """schema_version: "2"
sources: [{id: s, title: t, publisher: p, rounding: 切り捨て}]
groups: [{id: g, title: g}]
sections:
  - id: x
    title: x
    group: g
    metrics:
      - id: a
        name: a
        name_en: a
        unit: 人
        observations:
          - {period: 2024年7月, value: "7,460人"}
        claims:
          - {id: a-share, kind: share_of, text: 国民の74%, of: {outside: 国民}, stated: 74%}
      - id: b
        name: b
        name_en: b
        unit: 人
        observations:
          - {period: 2024年7月, value: "7,560人"}
        claims:
          - {id: b-share, kind: share_of, text: 国民の76%, of: {outside: 国民}, stated: 76%}
"""
    path = tmp_path / "wholes.yaml"
    path.write_text(text, encoding="utf-8")
    assert {r.verdict for r in verify(load_dataset(path))} == {Verdict.UNVERIFIABLE}
    path.write_text(text.replace("rounding: 切り捨て", "rounding: 四捨五入"), encoding="utf-8")
    assert {r.verdict for r in verify(load_dataset(path))} == {Verdict.INCONSISTENT}


# ── slips by magnitude ───────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("stated", ["9億7,810万件", "9億7,811万件"])
def test_a_power_of_ten_slip_is_gross_whatever_the_last_digit(stated: str) -> None:
    from dgcli.check.claims import verdict_for
    from dgcli.data.kinds import ClaimKind
    from dgcli.data.model import Claim
    from dgcli.text.intervals import Interval, figure_interval
    from dgcli.text.numbers import Rounding, parse_figure

    # 97,810,748件 × 10 = 978,107,480: truncated at 万 it prints 9億7,810万, rounded 9億7,811万.
    # Either is the true count ×10; under 四捨五入 9億7,810万 is [978,095,000, 978,105,000), which
    # 978,107,480 misses by 2,480 — a digit below the printing precision, no reason to call it less.
    figure = parse_figure(stated)
    claim = Claim("c", ClaimKind.RESTATEMENT, stated, ("m",), 1, stated=figure)
    target = figure_interval(figure, Rounding.HALF_UP)
    result = verdict_for(claim, Interval.exact(Fraction(97_810_748)), target, figure)
    assert result.verdict is Verdict.GROSS
    assert "off by a factor of 10^1" in result.reason


def test_a_figure_one_step_off_is_no_slip() -> None:
    from dgcli.check.claims import verdict_for
    from dgcli.data.kinds import ClaimKind
    from dgcli.data.model import Claim
    from dgcli.text.intervals import Interval, figure_interval
    from dgcli.text.numbers import Rounding, parse_figure

    # 9,783万 for 97,810,748 (9,781万 as printed): 2万 off at the same scale, inconsistent but no slip.
    figure = parse_figure("9,783万件")
    claim = Claim("c", ClaimKind.RESTATEMENT, "9,783万件", ("m",), 1, stated=figure)
    result = verdict_for(claim, Interval.exact(Fraction(97_810_748)), figure_interval(figure, Rounding.HALF_UP), figure)
    assert result.verdict is Verdict.INCONSISTENT


def test_an_interval_touching_zero_is_no_power_of_ten_slip() -> None:
    from dgcli.check.claims import verdict_for
    from dgcli.data.kinds import ClaimKind
    from dgcli.data.model import Claim
    from dgcli.text.intervals import Interval, figure_interval
    from dgcli.text.numbers import Rounding, parse_figure

    # The figures allow [0, 0.04]% (a printed 0.0% part of a whole); 5% stated. ×100 gives [0, 4]%,
    # which meets 5%'s [4.5, 5.5)% only at no point — but ×1000 gives [0, 40]%, which holds it:
    # a factor found only because zero stays zero under every factor. Inconsistent, not gross.
    figure = parse_figure("5%")
    claim = Claim("c", ClaimKind.SHARE_OF, "5%", ("m",), 1, stated=figure)
    computed = Interval(Fraction(0), Fraction(4, 100), point=Fraction(0))
    result = verdict_for(claim, computed, figure_interval(figure, Rounding.HALF_UP), figure)
    assert result.verdict is Verdict.INCONSISTENT and "factor" not in result.reason
