"""``dgcli audit`` by place, not by presence (issue #16): swaps in an inline history, headings, words
without figures, the page's own source, findings grouped by sentence, what was set aside."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema

from conftest import DATA, ROOT, Outcome
from dgcli.data.loader import load_dataset
from dgcli.page.audit import audit, choose_source

SHAPES = DATA / "pages" / "shapes"
PROSE = (SHAPES / "prose_history.txt").read_text(encoding="utf-8")
PROSE_FILE = (SHAPES / "prose_history.yaml").read_text(encoding="utf-8")
BROWSER = (SHAPES / "browser_copy.txt").read_text(encoding="utf-8")
BROWSER_FILE = SHAPES / "browser_copy.yaml"


def file_with(tmp_path: Path, text: str, *swaps: tuple[str, str]) -> Path:
    """The hand-made file with pairs of printed figures exchanged (each pair once, in the file only)."""
    for a, b in swaps:
        assert text.count(f"value: {a}\n") == 1 and text.count(f"value: {b}\n") == 1
        text = text.replace(f"value: {a}\n", "value: @@\n").replace(f"value: {b}\n", f"value: {a}\n")
        text = text.replace("value: @@\n", f"value: {b}\n")
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def findings(page: str, path: Path) -> list[tuple[str, str, str]]:
    report = audit(page, load_dataset(path), page_file="page.txt")
    return [(f.kind, f.printed, f.where) for f in report.findings]


def test_the_hand_made_files_audit_clean(tmp_path: Path) -> None:
    assert findings(PROSE, file_with(tmp_path, PROSE_FILE)) == []
    assert findings(BROWSER, BROWSER_FILE) == []


def test_a_swap_of_two_series_in_an_inline_history_is_misplaced(tmp_path: Path) -> None:
    # 2022年8月末: 累計有効申請件数 6,406万件 and 総公布(交付)実施済数 5,710万件 exchanged in the file.
    # Both figures are still in the file, so presence cannot see it; their places can.
    path = file_with(tmp_path, PROSE_FILE, ("6,406万件", "5,710万件"))
    assert findings(PROSE, path) == [
        ("misplaced", "6,406万件", "applications 2022-08-31"),
        ("misplaced", "5,710万件", "issued 2022-08-31"),
    ]


def test_a_swap_of_two_periods_in_an_inline_history_is_misplaced(tmp_path: Path) -> None:
    path = file_with(tmp_path, PROSE_FILE, ("5,113万件", "6,406万件"))  # 2021年8月末 and 2022年8月末
    assert findings(PROSE, path) == [
        ("misplaced", "5,113万件", "applications 2021-08-31"),
        ("misplaced", "6,406万件", "applications 2022-08-31"),
    ]


def test_a_changed_figure_in_its_place_is_mistyped(tmp_path: Path) -> None:
    path = tmp_path / "file.yaml"
    path.write_text(PROSE_FILE.replace("value: 4,757万件", "value: 4,758万件"), encoding="utf-8")
    assert findings(PROSE, path) == [("mistyped", "4,757万件", "issued 2021-08-31")]


def test_a_changed_heading_figure_is_reported() -> None:
    page = BROWSER.replace("オンライン利用率 約6割", "オンライン利用率 約9割")
    report = audit(page, load_dataset(BROWSER_FILE), page_file="page.txt")
    assert [(f.kind, f.printed, f.page_line) for f in report.findings] == [("missing", "約9割", 3)]


def test_a_changed_title_or_lead_figure_is_reported(tmp_path: Path) -> None:
    page = PROSE.replace("保有率は約7割に", "保有率は約9割に")  # the lead
    report = audit(page, load_dataset(file_with(tmp_path, PROSE_FILE)), page_file="page.txt")
    assert [(f.kind, f.printed, f.page_line) for f in report.findings] == [("missing", "約9割", 3)]


def test_a_direction_turned_round_is_reported() -> None:
    page = BROWSER.replace("いずれも上昇しました", "いずれも低下しました")
    report = audit(page, load_dataset(BROWSER_FILE), page_file="page.txt")
    assert [(f.kind, f.printed, f.where, f.page_line) for f in report.findings] == [
        ("direction", "低下", "claim both-rose", 4)
    ]
    assert not report.clean


def test_a_direction_the_file_does_not_hold_is_missing(tmp_path: Path) -> None:
    text = BROWSER_FILE.read_text(encoding="utf-8")
    start = text.index("      - id: both-rose\n")
    end = text.index("    metrics:\n", start)
    path = tmp_path / "file.yaml"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    report = audit(BROWSER, load_dataset(path), page_file="page.txt")
    assert [(f.kind, f.printed, f.page_line) for f in report.findings] == [("missing", "上昇", 4)]


def test_the_source_is_the_one_the_page_names(shipped: object) -> None:
    editions = load_dataset(DATA / "editions.yaml")
    page = "データから見た成果(2023年版)\n本文\n"
    assert choose_source(page, editions) == "progress-2023"  # by its title on the first line
    url = "https://digital.go.jp/policies/report-202309-202408/progress"
    assert choose_source(f"題\n出典:{url}\n", editions) == "progress-2024"  # by its URL
    assert choose_source("題\n本文\n", editions) == "progress-2024"  # else the main source


def test_another_sources_figures_are_not_blamed_on_this_page(tmp_path: Path) -> None:
    # The prose page against a file with a second source: none of the other source's figures is
    # "not on the page", because the page is the source whose title it prints.
    other = PROSE_FILE.replace(
        "groups:\n",
        "  - id: other\n    title: 別の資料\n    publisher: テスト庁\ngroups:\n",
        1,
    ).replace(
        "            value: 45.3%\n",
        "            value: 45.3%\n"
        "          - period: 2021年8月末\n            value: 20.0%\n            source: other\n",
    )
    path = tmp_path / "file.yaml"
    path.write_text(other, encoding="utf-8")
    report = audit(PROSE, load_dataset(path), page_file="page.txt")
    assert (report.source, report.findings) == ("mynacard-2024", [])


def test_findings_are_grouped_by_sentence(tmp_path: Path, run: Callable[..., Outcome]) -> None:
    path = file_with(tmp_path, PROSE_FILE, ("6,406万件", "5,710万件"))
    page = tmp_path / "page.txt"
    page.write_text(PROSE, encoding="utf-8")
    outcome = run("audit", str(page), "--file", str(path), env={"COLUMNS": "400"})
    assert outcome.code == 1
    assert outcome.out.count("2021年8月末累計有効申請件数5,113万件") == 1  # the sentence once
    assert outcome.out.count("misplaced") == 2  # its two figures under it


def test_verbose_lists_what_was_set_aside(tmp_path: Path, run: Callable[..., Outcome]) -> None:
    page = tmp_path / "dashboard.txt"
    page.write_text((SHAPES / "dashboard.txt").read_text(encoding="utf-8"), encoding="utf-8")
    quiet = run("audit", str(page), "--file", str(tmp_path / "x.yaml"))
    assert quiet.code == 2  # no such file: the page is read only with a file to compare
    draft = run("draft", str(page))
    (tmp_path / "d.yaml").write_text(draft.out, encoding="utf-8")
    plain = run("audit", str(page), "--file", str(tmp_path / "d.yaml"))
    verbose = run("audit", str(page), "--file", str(tmp_path / "d.yaml"), "--verbose", env={"COLUMNS": "200"})
    assert plain.code == verbose.code == 0
    assert "set aside" not in plain.out
    assert "2.1  a section number" in verbose.out and "2024-06-30  an ISO date" in verbose.out
    assert "合計が100%になら  a note on rounding (totals may not be 100%)" in verbose.out


def test_audit_json_is_version_3_and_validates(tmp_path: Path, run: Callable[..., Outcome]) -> None:
    path = file_with(tmp_path, PROSE_FILE, ("6,406万件", "5,710万件"))
    page = tmp_path / "page.txt"
    page.write_text(PROSE, encoding="utf-8")
    outcome = run("audit", str(page), "--file", str(path), "--json")
    document = json.loads(outcome.out)
    schema = json.loads((ROOT / "schema" / "output" / "audit.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(document)
    assert (document["schema_version"], document["summary"]["misplaced"]) == (3, 2)
    first = document["findings"][0]
    assert (first["page_line"], first["page_column"]) == (
        4,
        70,
    )  # 14 + 8 + 8 + 7 + 1 + 7 + 7 + 1 + 8 + 8 = 69 characters before it
    assert PROSE.splitlines()[3][69:].startswith("6,406万件")


def test_a_page_that_names_no_source_is_not_blamed_for_the_files_figures(tmp_path: Path) -> None:
    # Another publication's page (its title and URL are none of the file's): the 11 figures the file
    # holds for mynacard-2024 are not "not on the page"; the check is reported as not made.
    page = PROSE.replace("マイナンバーカードの普及と利活用(令和6年版)", "別の資料", 1).replace(
        "- 2022年8月末:45.3%\n", ""
    )
    dataset = load_dataset(file_with(tmp_path, PROSE_FILE))
    report = audit(page, dataset, page_file="page.txt")
    assert (report.chosen_by, report.held, report.findings) == ("default", False, [])
    named = audit(page, dataset, page_file="page.txt", source="mynacard-2024")
    assert (named.chosen_by, named.held) == ("option", True)
    assert [(f.kind, f.printed) for f in named.findings] == [("not-on-page", "45.3%")]


def test_a_changed_footnote_figure_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "file.yaml"
    text = BROWSER_FILE.read_text(encoding="utf-8").replace("申請の件数。", "申請の件数(2023年度から全国1,741団体)。")
    path.write_text(text, encoding="utf-8")
    page = BROWSER.replace("申請の件数。", "申請の件数(2023年度から全国1,714団体)。")  # 1,741 misprinted
    report = audit(page, load_dataset(path), page_file="page.txt")
    assert [(f.kind, f.printed, f.where, f.page_line) for f in report.findings] == [
        ("missing", "1,714団体", "in footnote ※1", 15)
    ]
    assert audit(page.replace("1,714", "1,741"), load_dataset(path), page_file="page.txt").clean


def test_a_history_on_a_line_of_its_own_is_neither_a_heading_nor_skipped(tmp_path: Path) -> None:
    # The case: the inline history put on its own lines. Each line is a history, not a
    # heading, and none of its figures goes unaudited.
    page = PROSE.replace(
        "マイナンバーカードの普及状況2021年8月末累計有効申請件数5,113万件、総交付実施済数4,757万件、",
        "2021年8月末累計有効申請件数5,113万件、総交付実施済数4,757万件\n",
    )
    path = file_with(tmp_path, PROSE_FILE, ("5,113万件", "4,757万件"))
    assert sorted(findings(page, path)) == [
        ("misplaced", "4,757万件", "issued 2021-08-31"),
        ("misplaced", "5,113万件", "applications 2021-08-31"),
    ]
    assert findings(page, file_with(tmp_path, PROSE_FILE)) == []


def test_a_figure_is_never_placed_as_a_fragment_of_a_name(tmp_path: Path) -> None:
    # The file's footnote prints 2024年度; the page's 24 is no part of it (it was, by substring).
    text = BROWSER_FILE.read_text(encoding="utf-8").replace("申請の件数。", "申請の件数(2024年度)。")
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    page = BROWSER.replace("いずれも上昇しました。", "いずれも上昇しました。対象の手続は24です。")
    assert [(kind, printed) for kind, printed, _ in findings(page, path)] == [("missing", "24")]
    named = BROWSER.replace("いずれも上昇しました。", "いずれも上昇しました。対象は2024年度です。")
    assert findings(named, path) == []  # a period, set aside: no figure at all
