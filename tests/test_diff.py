"""dgcli diff: two editions, or one file before and after an edit."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from conftest import DATA, SHIPPED, Outcome, edited, run_process
from dgcli.check.diff import diff
from dgcli.data.loader import load_dataset

EDITIONS = DATA / "editions.yaml"
Run = Callable[..., Outcome]


def _kinds(old: Path, new: Path) -> list[tuple[str, str, str | None, str | None]]:
    report = diff(load_dataset(old), load_dataset(new))
    return [(d.kind, d.subject, d.old, d.new) for d in report.differences]


def test_a_file_against_itself_has_no_differences() -> None:
    assert _kinds(SHIPPED, SHIPPED) == []


def test_one_edit_names_the_revision_and_every_verdict_it_changes(tmp_path: Path) -> None:
    new = edited(tmp_path, ("value: 9,308万枚", "value: 9,408万枚"))
    found = _kinds(SHIPPED, new)
    assert found[0] == ("figure-revised", "mynacard 2024-07", "9,308万枚", "9,408万枚")
    changed = {subject for kind, subject, old, new_ in found if kind == "verdict-changed" and new_ == "inconsistent"}
    assert changed == {
        "mynacard-restated",  # 9,308万枚 is no longer the figure
        "mynacard-change",  # 9,408 ÷ 8,904 − 1 = 5.66%, not 5%
        "health-insurance-card-share",  # 7,371 ÷ 9,408 = 78.35%, not 79%
        "public-fund-account-share",  # 6,320 ÷ 9,408 = 67.18%, not 68%
    }
    assert len(found) == 5


def test_the_same_value_in_other_words_is_a_reprint(tmp_path: Path) -> None:
    new = edited(
        tmp_path,
        ("value: 8,904万枚", "value: 8,904万件"),
        (
            "unit: 枚\n        description: マイナンバーカードの保有",
            "units: [枚, 件]\n        description: マイナンバーカードの保有",
        ),
    )
    assert ("figure-reprinted", "mynacard 2023-07", "8,904万枚", "8,904万件") in _kinds(SHIPPED, new)


def test_added_and_removed_metrics_claims_and_observations(tmp_path: Path) -> None:
    new = edited(
        tmp_path,
        ("          - period: 2022年4月\n            value: 5,400万枚\n", ""),
        ("      - id: gss-users\n", "      - id: gss-connected-users\n"),
        (
            "            text: 2023年7月から5%増加しました\n            from: 2023年7月\n            stated: 5%",
            "            text: 2023年7月から約5%増加しました\n            from: 2023年7月\n            stated: 約5%",
        ),
    )
    found = _kinds(SHIPPED, new)
    assert ("observation-removed", "mynacard 2022-04", "5,400万枚 [progress-2024]", None) in found
    assert ("metric-added", "gss-connected-users", None, "GSS接続ユーザー数") in found
    assert ("metric-removed", "gss-users", "GSS接続ユーザー数", None) in found
    assert (
        "claim-changed",
        "mynacard-change text",
        "2023年7月から5%増加しました",
        "2023年7月から約5%増加しました",
    ) in found
    assert ("claim-changed", "mynacard-change stated", "5%", "約5%") in found


def test_two_editions_compare_figure_by_figure_whatever_their_source_ids(tmp_path: Path) -> None:
    # The 2023 edition alone, as its own file with its own source id, against the 2024 page.
    old = tmp_path / "2023.yaml"
    old.write_text(
        SHIPPED.read_text(encoding="utf-8")
        .replace("  - id: progress-2024\n", "  - id: progress-2023\n")
        .replace("value: 5,400万枚", "value: 5,500万枚"),
        encoding="utf-8",
    )
    assert ("figure-revised", "mynacard 2022-04", "5,500万枚", "5,400万枚") in _kinds(old, SHIPPED)


def test_cli_exit_codes_text_and_json(tmp_path: Path) -> None:
    new = edited(tmp_path, ("value: 9,308万枚", "value: 9,408万枚"))
    same = run_process("diff", str(SHIPPED), str(SHIPPED), "--exit-code")
    assert (same.code, same.out.splitlines()[-1]) == (0, "no differences")
    changed = run_process("diff", str(SHIPPED), str(new))
    assert (
        changed.code == 0 and "9,308万枚 → 9,408万枚" in changed.out and "マイナンバーカードの保持と連携" in changed.out
    )
    assert run_process("diff", str(SHIPPED), str(new), "--exit-code").code == 1
    document = json.loads(run_process("diff", str(SHIPPED), str(new), "--json").out)
    assert document["differ"] is True and document["summary"]["figure-revised"] == 1
    assert document["differences"][0]["new"] == "9,408万枚"
    broken = run_process("diff", str(SHIPPED), str(tmp_path / "missing.yaml"))
    assert broken.code == 2 and "no such file" in broken.err


def test_the_editions_file_flags_the_silent_revision_only(tmp_path: Path) -> None:
    outcome = run_process("verify", "--json", "-f", str(EDITIONS))
    verdicts = {c["id"]: c["verdict"] for c in json.loads(outcome.out)["claims"]}
    assert outcome.code == 1  # the unacknowledged revision fails
    # 6,484万 (nearest) against the dashboard's truncated 6,584万 = [6,584万, 6,585万): no overlap
    assert verdicts["health-insurance-card-2023-07-progress-2024-vs-dashboard"] == "inconsistent"
    # 5,400万 against 5,500万, acknowledged with revised:
    assert verdicts["mynacard-2022-04-progress-2024-vs-progress-2023"] == "revised"
    # the dashboard truncates: 7,371万 stands for [7,371万, 7,372万), and holds 7,371万 as printed
    assert verdicts["health-insurance-card-2024-06-progress-2024-vs-dashboard"] == "consistent"
    # 50.9% against the dashboard's truncated 50% = [50, 51): it prints as 50
    assert verdicts["approval-2024-07-0-progress-2024-vs-dashboard"] == "consistent"
    assert verdicts["approval-2024-07-dashboard-at-most-100"] == "consistent"  # partial: ≤ 100%
    # each edition's change is computed against its own baseline
    assert verdicts["mynacard-change-2023-edition"] == "consistent"  # 8,904 ÷ 5,500 − 1 = 61.89% → 62%


def test_show_lists_every_source_and_marks_disagreements() -> None:
    outcome = run_process("show", "health-insurance-card", "-f", str(EDITIONS), env={"COLUMNS": "120"})
    rows = [line for line in outcome.out.splitlines() if line.startswith("2023年7月 ")]
    assert len(rows) == 2 and all("✗" in row for row in rows)
    undated = run_process("show", "mynacard", "-f", str(EDITIONS), env={"COLUMNS": "120"})
    assert "(undated; published 2024-08-31)" in undated.out
    document = json.loads(run_process("show", "mynacard", "--json", "-f", str(EDITIONS)).out)
    assert {o["source"] for o in document["observations"]} == {"progress-2024", "progress-2023", "dashboard"}


def test_a_changed_operand_is_a_changed_claim(tmp_path: Path) -> None:
    # health-insurance-card-share: of mynacard at 2024年7月 → at 2023年7月 (7,371 ÷ 8,904 = 82.78%, not 79%)
    new = edited(
        tmp_path,
        (
            "of: {metric: mynacard, period: 2024年7月}\n            stated: 79%",
            "of: {metric: mynacard, period: 2023年7月}\n            stated: 79%",
        ),
    )
    found = _kinds(SHIPPED, new)
    assert ("claim-changed", "health-insurance-card-share of", "mynacard 2024年7月", "mynacard 2023年7月") in found
    assert ("verdict-changed", "health-insurance-card-share", "consistent", "inconsistent") in found
