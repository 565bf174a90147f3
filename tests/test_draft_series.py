"""A draft reads a sentence that leaves its subject unsaid, and one series printed twice (issue #16).

Japanese drops a subject it has just named: 「…システムは2024年3月末時点で512システムとなりました。前年同期
から203システム増加しました。」 — the second sentence is about the first's metric. And a slide may print a
figure in a sentence (「…システムは…512システム」) that another slide lists in a history (利用システム数の推移:
512 / 309 / 118): one series, drafted as one metric, so 前年同期 finds 309. Merging is conservative: two
series that may differ stay two metrics (a figure under a wrong metric is worse than one not placed).
"""

from __future__ import annotations

from pathlib import Path

from conftest import DATA, run_bash
from dgcli.data.kinds import ClaimKind
from dgcli.data.loader import load_dataset
from dgcli.data.model import Dataset
from dgcli.page.audit import audit
from dgcli.page.draft import _Metric, _Observation, _one_series, draft

SLIDES = DATA / "pages" / "shapes" / "slides.txt"


def drafted(page: str, name: str = "page.txt") -> tuple[str, Dataset]:
    text = draft(page, name)
    return text, load_dataset(Path(name), file=name, text=text)


def claims_of(dataset: Dataset, stated: str) -> list[tuple[ClaimKind, str, str]]:
    """(kind, metric name, baseline period as printed) of the claims that state this figure."""
    return [
        (
            c.kind,
            dataset.metrics[c.metric].name,
            c.baseline.period.text if c.baseline and c.baseline.period else "",
        )
        for c in dataset.claims()
        if c.stated is not None and c.stated.text == stated
    ]


# ── a: the subject carries over to the next sentence of the block ─────────────────────────────

CARRIED = (
    "クラウドの利用状況\n---\n"
    "利用状況\u3000ガバメントクラウドを利用するシステムは2024年3月末時点で512システムとなりました。"
    "2023年3月末から203システム増加しました。\n---\n"
)


def test_a_sentence_without_a_subject_is_about_the_metric_the_sentence_before_named() -> None:
    text, dataset = drafted(CARRIED)
    assert "not placed" not in text
    # 203システム is a change of the metric the first sentence named, from the period it prints
    assert claims_of(dataset, "203システム") == [
        (ClaimKind.ABSOLUTE_CHANGE, "ガバメントクラウドを利用するシステム", "2023年3月末")
    ]
    # the page prints no figure for 2023年3月末: the claim says so rather than guessing one
    (claim,) = [c for c in dataset.claims() if c.kind is ClaimKind.ABSOLUTE_CHANGE]
    assert claim.unverifiable and "2023年3月末" in claim.unverifiable


def test_the_subject_carried_is_the_nearest_one_named() -> None:
    page = (
        "クラウドの利用状況\n---\n"
        "利用状況\u3000利用するシステムは2024年3月末時点で512システムとなりました。"
        "移行した自治体は85団体です。2023年3月末から3団体増加しました。\n---\n"
    )
    _, dataset = drafted(page)
    assert claims_of(dataset, "3団体") == [(ClaimKind.ABSOLUTE_CHANGE, "移行した自治体", "2023年3月末")]


def test_a_sentence_with_a_subject_of_its_own_is_not_carried() -> None:
    # 「申請者数は…」 names its own subject: its figure is 申請者数's, never put under 利用者数
    page = (
        "報告\n---\n"
        "利用状況\u3000利用者数は2024年3月末時点で50万人となりました。申請者数は2023年3月末から5万人増加しました。\n---\n"
    )
    _, dataset = drafted(page)
    assert [name for _, name, _ in claims_of(dataset, "5万人")] == ["申請者数"]
    assert [c.stated.text if c.stated else "" for c in dataset.metrics["todo-metric-1"].claims] == ["50万人"]


def test_no_subject_is_carried_over_a_sentence_about_another_metric() -> None:
    # the middle sentence restates the listed 利用システム数 (no metric of its own): the third sentence's
    # subject is that one, not 利用者数 two sentences back (the history's heading 利用システム数の推移 names
    # the metric 利用システム数, so the middle sentence names it, and 512 − 309 = 203)
    page = (
        "クラウドの利用状況\n---\n"
        "概要\u3000利用者数は2024年3月末時点で50万人です。利用システム数は2024年3月末時点で512システムとなりました。"
        "2023年3月末から203システム増加しました。\n---\n"
        "利用システム数の推移\u3000- 2024年3月末:512システム\u3000- 2023年3月末:309システム\n---\n"
    )
    text, dataset = drafted(page)
    assert "利用者数" not in [name for _, name, _ in claims_of(dataset, "203システム")]
    assert claims_of(dataset, "203システム") == [(ClaimKind.ABSOLUTE_CHANGE, "利用システム数", "2023年3月末")]
    assert "not placed" not in text


def test_a_subject_found_by_the_figure_it_prints_carries_to_the_next_sentence() -> None:
    # text copied from a browser: the list sits in the same section, so the first sentence's subject is
    # found by the figure it prints (512 in the list, named in much the same words); the next sentence,
    # with no subject of its own, is about that metric too: 前年同期 = 2023年3月末, 512 − 309 = 203
    page = (
        "ガバメントクラウドの利用状況(概要版)\nガバメントクラウドの利用状況\n"
        "ガバメントクラウドを利用するシステムは2024年3月末時点で512システムとなりました。\n"
        "前年同期から203システム増加しました。\n利用システム数の推移\n"
        "- 2024年3月末:512システム\n- 2023年3月末:309システム\n- 2022年3月末:118システム\n"
    )
    text, dataset = drafted(page)
    assert "not placed" not in text
    (change,) = claims_of(dataset, "203システム")
    assert (change[0], change[2]) == (ClaimKind.ABSOLUTE_CHANGE, "2023年3月末")
    assert audit(page, dataset, page_file="page.txt").clean


def test_a_figure_the_headline_places_is_not_also_listed_as_not_placed() -> None:
    # 「利用システム数は…512システム」 restates the listed metric, named alike: a headline claim of it, and the
    # sentence after it, with no subject, another; neither figure is listed as left out
    page = (
        "クラウドの利用状況\n---\n"
        "概要\u3000利用システム数は2024年3月末時点で512システムとなりました。前年同期から203システム増加しました。\n---\n"
        "利用システム数の推移\u3000- 2024年3月末:512システム\u3000- 2023年3月末:309システム\n---\n"
    )
    text, dataset = drafted(page)
    assert "not placed" not in text
    assert claims_of(dataset, "203システム") == [(ClaimKind.ABSOLUTE_CHANGE, "利用システム数", "2023年3月末")]


# ── b: a sentence's figure and a listed history, one series ───────────────────────────────────


def test_the_slides_page_drafts_one_series_and_resolves_the_year_before() -> None:
    text, dataset = drafted(SLIDES.read_text(encoding="utf-8"), "slides.txt")
    assert "not placed" not in text
    series = [m for m in dataset.metrics.values() if m.unit == "システム"]
    alias = ("利用システム数の推移", "ガバメントクラウドを利用するシステム")  # the heading names the history
    assert [(m.name, m.aliases) for m in series] == [("利用システム数", alias)]
    # 前年同期 of 2024年3月末 is 2023年3月末, printed in the history: 512 − 309 = 203
    assert claims_of(dataset, "203システム") == [(ClaimKind.ABSOLUTE_CHANGE, "利用システム数", "2023年3月末")]
    # the sentence's 512 restates the history's latest figure (no `to:`: the latest is meant)
    assert claims_of(dataset, "512システム") == [(ClaimKind.RESTATEMENT, "利用システム数", "")]
    assert audit(SLIDES.read_text(encoding="utf-8"), dataset, page_file="slides.txt").clean


def test_cli_drafts_the_slides_into_a_file_that_verifies_and_audits_clean(tmp_path: Path) -> None:
    outcome = run_bash(
        f'"$DGCLI" draft {SLIDES} > d.yaml && "$DGCLI" verify --file d.yaml | tail -1 '
        f'&& "$DGCLI" audit {SLIDES} --file d.yaml | tail -1',
        cwd=tmp_path,
    )
    verified, audited = outcome.out.strip().splitlines()
    assert outcome.code == 0, outcome
    assert verified.startswith("OK: 3 claims: 3 consistent"), outcome
    assert audited.startswith("OK: 6 figures on the page, 6 placed"), outcome


def _slides(history: str, sentence_figure: str = "512システム") -> str:
    return (
        "ガバメントクラウドの利用状況\n---\n"
        f"利用状況\u3000ガバメントクラウドを利用するシステムは2024年3月末時点で{sentence_figure}となりました。"
        "前年同期から203システム増加しました。\n---\n"
        f"利用システム数の推移\u3000{history}\n---\n"
    )


def test_the_same_figure_at_another_period_is_another_series() -> None:
    # the list prints 512 at 2023年3月末, the sentence at 2024年3月末: no period where both print it
    page = _slides("- 2023年3月末:512システム\u3000- 2022年3月末:309システム")
    text, dataset = drafted(page)
    assert len([m for m in dataset.metrics.values() if m.unit == "システム"]) == 2
    assert claims_of(dataset, "203システム") == []  # no year before to count from: listed, not guessed
    assert (
        "# not placed: 203システム in 「前年同期から203システム増加しました。」: a change counted 前年同期から: "
        "the page prints no figure of ガバメントクラウドを利用するシステム for that period"
    ) in text


def test_a_different_figure_at_the_shared_period_is_another_series() -> None:
    page = _slides("- 2024年3月末:513システム\u3000- 2023年3月末:309システム")
    text, dataset = drafted(page)
    assert len([m for m in dataset.metrics.values() if m.unit == "システム"]) == 2
    assert "# not placed: 203システム" in text


def _metric(name: str, unit: str, *levels: tuple[str, str]) -> _Metric:
    metric = _Metric(f"m-{name}", name, 1, "")
    metric.unit = unit
    metric.observations = [_Observation(period, value, 1, [], [], []) for period, value in levels]
    metric.sentence_made = len(levels) == 1
    return metric


SENTENCE = ("ガバメントクラウドを利用するシステム", "システム", ("2024年3月末時点", "512システム"))
HISTORY = ("2024年3月末", "512システム"), ("2023年3月末", "309システム")


def test_the_evidence_one_series_needs() -> None:
    sentence = _metric(SENTENCE[0], SENTENCE[1], SENTENCE[2])
    history = _metric("利用システム数の推移", "システム", *HISTORY)
    assert _one_series(sentence, [history]) is history  # the evidence all holds: 時点 is no other period
    # one condition missing at a time: each is another series
    other_periods = _metric("利用システム数の推移", "システム", HISTORY[1], ("2022年3月末", "118システム"))
    assert _one_series(sentence, [other_periods]) is None
    assert _one_series(sentence, [_metric("利用システム数の推移", "件", ("2024年3月末", "512件"), HISTORY[1])]) is None
    assert _one_series(sentence, [_metric("利用システム数の推移", "システム", HISTORY[0])]) is None  # no history
    assert _one_series(sentence, [_metric("利用システム数の推移", "件", *HISTORY)]) is None  # another unit
    assert _one_series(sentence, [_metric("移行予定システムの推移", "システム", *HISTORY)]) is None  # no word shared
    twin = _metric("利用システム数(本番)", "システム", *HISTORY)
    assert _one_series(sentence, [history, twin]) is None  # two histories fit: which one is not known
    # a period both print with two different figures: another series, though another period agrees
    two = _metric(SENTENCE[0], SENTENCE[1], SENTENCE[2], ("2023年3月末", "310システム"))
    assert _one_series(two, [history]) is None
    two = _metric(SENTENCE[0], SENTENCE[1], SENTENCE[2], ("2023年3月末", "309システム"))
    assert _one_series(two, [history]) is history
