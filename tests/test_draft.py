"""``dgcli draft``: a page → an indicators file that loads, verifies and audits clean against its page."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATA, SHIPPED, run_bash, run_process
from dgcli.check.claims import verify
from dgcli.data.kinds import ClaimKind
from dgcli.data.loader import load_dataset
from dgcli.data.model import Verdict
from dgcli.page.audit import audit
from dgcli.page.draft import draft, measure
from test_audit import seed_page

PAGES = DATA / "pages"


def drafted(tmp_path: Path, page: Path) -> Path:
    path = tmp_path / f"{page.stem}.yaml"
    path.write_text(draft(page.read_text(encoding="utf-8"), page.name), encoding="utf-8")
    return path


def test_the_seed_draft_reproduces_the_shipped_file(tmp_path: Path) -> None:
    page = seed_page()
    dataset = load_dataset(drafted(tmp_path, page))  # loads: placeholders validate
    share = measure(dataset, load_dataset(SHIPPED))
    # Floors chosen below what was measured (87/87 figures, 62/64 claims), to leave room for
    # extraction changes without letting the draft decay: figures ≥ 95%, claims ≥ 90%.
    assert share.figures_total == 87 and share.figures * 100 >= 95 * share.figures_total
    assert share.claims_total == 64 and share.claims * 100 >= 90 * share.claims_total
    assert [c.claim.id for c in verify(dataset) if c.verdict in (Verdict.INCONSISTENT, Verdict.GROSS)] == []
    assert audit(page.read_text(encoding="utf-8"), dataset, page_file=page.name).clean


def test_a_press_release_with_hedged_figures(tmp_path: Path) -> None:
    page = PAGES / "press_release.txt"
    dataset = load_dataset(drafted(tmp_path, page))
    ratio = [c for c in dataset.claims() if c.kind is ClaimKind.RATIO]
    # "前年同月比で約1.1倍": 9,318万 ÷ 8,512万 = 1.0947…, inside 約1.1 (1.05–1.15) — a ratio to 2023年9月末.
    assert [
        (c.stated.text if c.stated else None, c.baseline.period.text if c.baseline and c.baseline.period else None)
        for c in ratio
    ] == [("約1.1倍", "2023年9月末")]
    verdicts = {result.claim.id: result.verdict for result in verify(dataset)}
    assert set(verdicts.values()) == {Verdict.CONSISTENT}
    report = audit(page.read_text(encoding="utf-8"), dataset, page_file=page.name)
    # "申請件数は1億件を超え": no list of 申請件数 to hang it on; left as a comment, and audit says so.
    assert [(f.kind, f.printed) for f in report.findings] == [("missing", "1億件")]


def test_a_report_page_whose_history_runs_inline(tmp_path: Path) -> None:
    page = PAGES / "report.txt"
    dataset = load_dataset(drafted(tmp_path, page))
    histories = {
        metric.name: [(o.period.text if o.period else "", o.figure.text) for o in metric.observations]
        for metric in dataset.metrics.values()
    }
    assert histories["保有枚数"] == [("2023年3月末", "8,440万枚"), ("2022年3月末", "4,960万枚")]
    assert histories["累計登録数"] == [("2023年3月末", "9,578万件"), ("2022年3月末", "5,711万件")]
    claims = {(c.kind, c.stated.text if c.stated else "") for c in dataset.claims()}
    # 8,440 − 4,960 = 3,480万枚 (absolute change); 8,440 ÷ 4,960 = 1.70… (約1.7倍).
    assert (ClaimKind.ABSOLUTE_CHANGE, "3,480万枚") in claims
    assert (ClaimKind.RATIO, "約1.7倍") in claims
    assert audit(page.read_text(encoding="utf-8"), dataset, page_file=page.name).clean


def test_what_it_cannot_place_is_a_comment_with_the_page_line() -> None:
    text = draft((PAGES / "press_release.txt").read_text(encoding="utf-8"), "press_release.txt")
    assert "# not placed: 1億件 in 「申請件数は1億件を超え、交付率は全国で74.0%です。」: " in text


@pytest.mark.parametrize("page", ["press_release.txt", "report.txt"])
def test_cli_draft_then_list_verify_audit(page: str, tmp_path: Path) -> None:
    path = PAGES / page
    outcome = run_bash(
        f'"$DGCLI" draft {path} > draft.yaml && "$DGCLI" list --file draft.yaml >/dev/null '
        f'&& "$DGCLI" verify --file draft.yaml >/dev/null && echo ok',
        cwd=tmp_path,
    )
    assert (outcome.code, outcome.out, outcome.err) == (0, "ok\n", "")


def test_cli_draft_of_a_missing_page() -> None:
    outcome = run_process("draft", "no-such-page.txt")
    assert outcome.code == 2 and outcome.err.count("\n") == 1 and "no-such-page.txt" in outcome.err


def test_text_that_is_no_page_is_an_error_not_an_empty_draft(tmp_path: Path) -> None:
    page = tmp_path / "hostname"
    page.write_text("ci-runner-7\n", encoding="utf-8")
    outcome = run_process("draft", str(page))
    assert (outcome.code, outcome.out) == (2, "")
    assert (
        outcome.err
        == f"{page}: found no heading followed by figures to draft from; is this the text of a published page?\n"
    )


@pytest.mark.parametrize(
    "page", ["labour_press_release.txt", "prefecture_dashboard.txt", "population_report.txt"], ids=lambda p: p
)
def test_drafts_of_other_publications_load(page: str, tmp_path: Path) -> None:
    """Pages in the style of other agencies (▲ rates, 倍 and ポイント, 令和 dates, bylines): whatever the
    draft cannot read well it leaves out with the reason, so the draft always loads."""
    path = drafted(tmp_path, PAGES / page)
    dataset = load_dataset(path)
    assert dataset.metrics
    titles = {g.title for g in dataset.groups} | {s.title for s in dataset.sections}
    assert not titles & {"厚生労働省職業安定局", "令和6年10月1日", "令和6年9月30日"}  # bylines and dates
