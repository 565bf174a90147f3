"""``dgcli audit``: a page's figures matched to the file by (metric, period, answer or part) → figure.

This is also the project's own transcription test: the seed page against the shipped file, in both
directions. In CI (``DGCLI_REQUIRE_SEED=1``, set by .ci/run) a missing seed fails; elsewhere it skips.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import DATA, SEED_DIR, SHIPPED_TEXT, Outcome, edited, run_process
from dgcli.data.loader import load_dataset
from dgcli.data.model import Dataset
from dgcli.page.audit import audit
from dgcli.page.reader import read_page


def seed_page() -> Path:
    pages = sorted(SEED_DIR.glob("*.txt"))
    if not pages:
        reason = f"the seed page is missing: no *.txt in {SEED_DIR}"
        if os.environ.get("DGCLI_REQUIRE_SEED"):
            pytest.fail(reason)
        pytest.skip(reason)
    return pages[0]


@pytest.fixture(scope="module")
def seed() -> Path:
    return seed_page()


def test_the_seed_page_has_its_thirteen_sections(seed: Path) -> None:
    page = read_page(seed.read_text(encoding="utf-8"))
    assert len(page.sections) == 13  # "13 sections", as the page is laid out


def test_every_figure_on_the_page_is_in_the_file_and_back(seed: Path, shipped: Dataset) -> None:
    report = audit(seed.read_text(encoding="utf-8"), shipped, page_file=seed.name)
    assert [(f.kind, f.page_line, f.printed, f.message) for f in report.findings] == []
    assert report.printed == report.matched
    assert report.printed > 140  # ~90 history figures plus shares, parts, sentences and citations


def audited(seed: Path, path: Path) -> list[tuple[str, str, str]]:
    report = audit(seed.read_text(encoding="utf-8"), load_dataset(path), page_file=seed.name)
    return [(f.kind, f.printed, f.where) for f in report.findings]


def test_two_swapped_figures_are_both_caught(seed: Path, tmp_path: Path) -> None:
    # Both are 2022年8月 figures of the page (lines 50 and 54), so string presence cannot see a swap.
    path = edited(
        tmp_path,
        ("value: 1,520万件", "value: SWAPPED"),
        ("value: 876万件", "value: 1,520万件"),
        ("value: SWAPPED", "value: 876万件"),
    )
    # Each value sits in the file under the other metric: misplaced (a swap), not mistyped.
    assert audited(seed, path) == [
        ("misplaced", "1,520万件", "health-insurance-card 2022-08"),
        ("misplaced", "876万件", "public-fund-account 2022-08"),
    ]
    report = audit(seed.read_text(encoding="utf-8"), load_dataset(path), page_file=seed.name)
    assert "the file holds 1,520万件 as public-fund-account 2022-08" in report.findings[0].message


def test_a_dropped_figure_is_missing(seed: Path, tmp_path: Path) -> None:
    path = edited(tmp_path, ("          - period: 2022年8月\n            value: 876万件\n", ""))
    assert audited(seed, path) == [("missing", "876万件", "public-fund-account 2022-08")]


def test_a_figure_the_page_does_not_print(seed: Path, tmp_path: Path) -> None:
    added = "            value: 1,520万件\n          - period: 2021年8月\n            value: 500万件\n"
    path = edited(tmp_path, ("            value: 1,520万件\n", added))
    assert audited(seed, path) == [("not-on-page", "500万件", "health-insurance-card 2021-08")]


def test_a_changed_figure_is_mistyped(seed: Path, tmp_path: Path) -> None:
    path = edited(tmp_path, ("value: 6,484万件", "value: 6,485万件"))
    # One problem, reported once: the file's 6,485万件 is the page's 6,484万件 misprinted.
    assert audited(seed, path) == [("mistyped", "6,484万件", "health-insurance-card 2023-07")]


def test_a_dropped_claim_leaves_its_sentence_figure_unplaced(seed: Path, tmp_path: Path) -> None:
    start = SHIPPED_TEXT.index("          - id: health-insurance-card-change\n")
    end = SHIPPED_TEXT.index("            stated: 14%\n", start) + len("            stated: 14%\n")
    path = edited(tmp_path, (SHIPPED_TEXT[start:end], ""))
    findings = audited(seed, path)
    assert [(kind, printed) for kind, printed, _ in findings] == [("missing", "14%")]


def test_only_the_chosen_sources_figures_are_held_to_the_page(seed: Path) -> None:
    # editions.yaml: progress-2024's figures are the seed page's own; progress-2023 and the dashboard
    # print others (5,500万件 for 2022年4月, an undated 9,200万枚) that this page must not be blamed for.
    editions = load_dataset(DATA / "editions.yaml")
    text = seed.read_text(encoding="utf-8")
    report = audit(text, editions, page_file=seed.name)
    assert report.source == "progress-2024"
    assert [f for f in report.findings if f.kind == "not-on-page"] == []
    older = audit(text, editions, page_file=seed.name, source="progress-2023")
    differs = [(f.printed, f.where) for f in older.findings if f.kind in ("mistyped", "misplaced")]
    # The page prints 5,400万枚 for April 2022 where the 2023 edition printed 5,500万件.
    assert ("5,400万枚", "mynacard 2022-04") in differs


# ── end to end, through the installed script ─────────────────────────────────────────────────


def test_cli_clean_page_exits_0(seed: Path) -> None:
    outcome = run_process("audit", str(seed), "--file", str(DATA.parent.parent / "indicators.yaml"))
    assert (outcome.code, outcome.err) == (0, "")
    assert outcome.out.rstrip().splitlines()[-1].startswith("OK: ")


def test_cli_findings_exit_1_with_page_lines(seed: Path, tmp_path: Path) -> None:
    path = edited(tmp_path, ("          - period: 2022年8月\n            value: 876万件\n", ""))
    outcome = run_process("audit", str(seed), "--file", str(path), env={"COLUMNS": "120"})
    assert outcome.code == 1
    assert f"{seed}:54" in outcome.out  # "- 2022年8月:876万件" is line 54 of the page
    assert "FAIL: " in outcome.out


def test_cli_json(seed: Path, tmp_path: Path, run: Callable[..., Outcome]) -> None:
    import json

    path = edited(tmp_path, ("value: 6,484万件", "value: 6,485万件"))
    outcome = run("audit", str(seed), "--file", str(path), "--json")
    document = json.loads(outcome.out)
    assert outcome.code == 1
    summary = document["summary"]
    assert (document["schema_version"], document["clean"], summary["mistyped"], summary["not-on-page"]) == (
        3,
        False,
        1,
        0,
    )
    assert document["findings"][0]["sentence"] == "- 2023年7月:6,484万件"[2:]  # the list line it stands in
    assert document["file"] == str(path)


def test_cli_unknown_source_and_missing_page(seed: Path, run: Callable[..., Outcome]) -> None:
    outcome = run("audit", str(seed), "--source", "progress-2042")
    first, hint = outcome.err.splitlines()  # a usage error: one line, then a hint
    assert outcome.code == 2 and "no source 'progress-2042'" in first and "(it has progress-2024)" in first
    assert hint == "Try 'dgcli audit --help' for help."
    outcome = run("audit", "no-such-page.txt")
    assert outcome.code == 2 and "no-such-page.txt" in outcome.err


def test_a_missing_seed_fails_in_ci_and_skips_elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.modules[__name__], "SEED_DIR", tmp_path / "absent")
    monkeypatch.setenv("DGCLI_REQUIRE_SEED", "1")
    with pytest.raises(pytest.fail.Exception, match="seed page is missing"):
        seed_page()
    monkeypatch.delenv("DGCLI_REQUIRE_SEED")
    with pytest.raises(pytest.skip.Exception, match="seed page is missing"):
        seed_page()


def test_a_page_without_figures_or_a_directory_is_an_error(tmp_path: Path, run: Callable[..., Outcome]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    outcome = run("audit", str(empty))
    assert (
        outcome.code == 2
        and outcome.err == f"{empty}: the page prints no figures; is this the text of a published page?\n"
    )
    outcome = run("audit", str(tmp_path))
    assert outcome.code == 2 and outcome.err == f"{tmp_path}: is a directory, not a page's text\n"


@pytest.mark.parametrize("separator", ["\f", "\u2028", "\x0b", "\x1c", "\x85", "\u2029"])
def test_page_lines_are_numbered_as_editors_number_them(seed: Path, tmp_path: Path, separator: str) -> None:
    # pdftotext starts each page with a form feed; U+2028 and others are no line end in an editor either.
    text = seed.read_text(encoding="utf-8")
    lines = text.split("\n")
    target = next(i for i, line in enumerate(lines) if "6,484万件" in line)
    lines[target - 1] = separator + lines[target - 1] + separator + "。"
    lines[2] = lines[2] + separator
    page = tmp_path / "page.txt"
    page.write_text("\r\n".join(lines), encoding="utf-8")
    path = edited(tmp_path, ("value: 6,484万件", "value: 6,485万件"))
    report = audit(page.read_text(encoding="utf-8"), load_dataset(path), page_file=str(page))
    (finding,) = [f for f in report.findings if f.printed == "6,484万件"]
    assert finding.page_line == target + 1  # the line an editor shows it on (1-based)
