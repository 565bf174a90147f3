"""A draft that never drops and always loads (issue #16): unique names, footnote marks, nothing that
escapes a YAML scalar or comment, repairs keyed on the loader's problem codes, mutated pages."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, ROOT, SEED_DIR, run_process
from dgcli.data.loader import load_dataset
from dgcli.errors import DataError
from dgcli.page import draft as draft_module
from dgcli.page.draft import draft

SHAPES = DATA / "pages" / "shapes"
BROWSER = (SHAPES / "browser_copy.txt").read_text(encoding="utf-8")


def loads(text: str, name: str = "draft.yaml") -> None:
    load_dataset(Path(name), file=name, text=text)


def test_a_file_name_cannot_inject_keys() -> None:
    name = 'page\nschema_version: "9"\nsources: []\n#.txt'
    text = draft(BROWSER, name)
    loads(text)
    header = text.split('\nschema_version: "2"\n')[0]
    assert all(line.startswith("#") for line in header.splitlines())  # one comment, its newlines made ?
    assert "page?schema_version" in header


@pytest.mark.parametrize("breaker", ["\u2028", "\u2029", "\x85", "\x07", "\x1b[31m", "\f"])
def test_nothing_from_the_page_escapes_a_scalar_or_comment(breaker: str) -> None:
    page = BROWSER.replace("オンライン利用率 約6割", f"オンライン利用率{breaker} 約6割").replace(
        "デジタル行政の進捗", f"デジタル{breaker}行政の進捗"
    )
    text = draft(page, "page.txt")
    loads(text)
    assert breaker not in text


def test_two_headings_of_one_name_become_two_names() -> None:
    section = "進捗は以下のとおりです。\n- 利用者数\n- 2024年3月:{}万人\n- 2023年3月:{}万人\n関連情報\n"
    page = "題\n第一の取組\n" + section.format(10, 8) + "第二の取組\n" + section.format(20, 15)
    text = draft(page, "page.txt")
    loads(text)
    assert "name: 利用者数\n" in text and "name: 利用者数 (2)\n" in text
    assert "# note: a second metric named '利用者数': drafted as '利用者数 (2)' (page line 10)" in text
    assert "# 0 not placed" in text  # every figure of both lists is drafted


def test_a_footnote_mark_without_its_footnote_is_listed() -> None:
    page = BROWSER.split("脚注\n")[0]  # the page copied without its footnotes
    text = draft(page, "page.txt")
    loads(text)
    assert "footnotes: [※1]" not in text
    assert (
        "# not placed: ※1 in 「e-Gov申請件数」: footnote mark ※1 of e-Gov申請件数: the page has no footnote ※1" in text
    )


def test_the_loaders_problems_carry_codes(tmp_path: Path) -> None:
    base = (SHAPES / "browser_copy.yaml").read_text(encoding="utf-8")
    cases = {
        "unit-not-declared": base.replace("value: 1,215万件", "value: 1,215万枚"),
        "duplicate-name": base.replace("name: e-Gov申請件数", "name: オンライン利用率"),
        "unknown-footnote": base.replace("footnotes: [※1]", "footnotes: [※2]"),
        "control-character": base.replace("publisher: テスト庁", 'publisher: "テスト\\a庁"'),
        "duplicate-id": base.replace("id: egov-applications", "id: online-rate"),
    }
    for code, text in cases.items():
        with pytest.raises(DataError) as error:
            load_dataset(Path("x.yaml"), file="x.yaml", text=text)
        assert code in [problem.code for problem in error.value.problems], code


def test_repairs_follow_codes_not_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    # The draft widens a metric's units when the loader says unit-not-declared, whatever the words.
    page = BROWSER.replace("- 2023年3月:1,102万件", "- 2023年3月:1,102万枚")
    real = draft_module.load_dataset

    def reworded(path: Path, *, file: str, text: str) -> object:
        try:
            return real(path, file=file, text=text)
        except DataError as error:
            problems = [p._replace(message="(reworded)") for p in error.problems]
            raise DataError(error.file, problems) from None

    monkeypatch.setattr(draft_module, "load_dataset", reworded)
    text = draft(page, "page.txt")
    assert "units: [件, 枚]" in text


def test_a_draft_that_would_not_load_is_never_returned(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: Path, *, file: str, text: str) -> object:
        raise DataError(file, [draft_module.Problem(1, 1, "", "refused", "no-such-code")])

    monkeypatch.setattr(draft_module, "load_dataset", refuse)
    with pytest.raises(DataError, match="would not load"):
        draft(BROWSER, "page.txt")


def _mutations(text: str, count: int) -> list[str]:
    lines = text.splitlines()
    pick = random.Random(16)
    out = []
    for _ in range(count):
        copy = list(lines)
        for _ in range(pick.randint(1, 4)):
            i = pick.randrange(len(copy))
            action = pick.choice(["drop", "repeat", "swap", "control", "join"])
            if action == "drop":
                del copy[i]
            elif action == "repeat":
                copy.insert(i, copy[i])
            elif action == "swap" and i + 1 < len(copy):
                copy[i], copy[i + 1] = copy[i + 1], copy[i]
            elif action == "control":
                copy[i] = copy[i][:3] + pick.choice(["\x01", "\u2028", "\x7f"]) + copy[i][3:]
            elif action == "join" and i + 1 < len(copy):
                copy[i : i + 2] = [copy[i] + copy[i + 1]]
        out.append("\n".join(copy) + "\n")
    return out


def test_mutated_pages_draft_to_files_that_load() -> None:
    pages = sorted(SEED_DIR.glob("*.txt"))
    if not pages:
        pytest.skip("the seed page is missing")
    for page in _mutations(pages[0].read_text(encoding="utf-8"), 60):
        try:
            text = draft(page, "page.txt")
        except DataError as error:
            assert "would not load" not in str(error)  # a page with no figures may be refused
            continue
        loads(text)


# ── every figure accounted for ───────────────────────────────────────────────────────────────


def test_two_labels_of_one_series_become_one_metric() -> None:
    text = draft((SHAPES / "prose_history.txt").read_text(encoding="utf-8"), "prose_history.txt")
    dataset = load_dataset(Path("d.yaml"), file="d.yaml", text=text)
    [issued] = [m for m in dataset.metrics.values() if m.name == "総交付実施済数"]
    assert issued.aliases == ("総公布実施済数",)  # printed once as 公布, at 2022年8月末
    assert [o.figure.text for o in issued.observations] == ["8,996万件", "5,710万件", "4,757万件"]


def test_two_labels_printed_at_one_period_stay_two_series() -> None:
    # 申請 and 交付 both printed at 2023年8月末 (交付 first, before 申請 has a figure there): two
    # series, however alike their words and though 交付 is new and 申請 has no 2023 figure yet
    page = (
        "題\n見出し\n普及状況2022年8月末累計申請件数6,406万件、"
        "2023年8月末累計交付件数8,996万件、累計申請件数9,802万件となりました。\n"
    )
    dataset = load_dataset(Path("d.yaml"), file="d.yaml", text=draft(page, "p.txt"))
    assert sorted((m.name, len(m.observations), m.aliases) for m in dataset.metrics.values()) == [
        ("累計交付件数", 1, ()),
        ("累計申請件数", 2, ()),
    ]


def test_a_direction_the_draft_cannot_claim_is_listed() -> None:
    # 満足度 has no figures on the page: no claim can be drafted; the sentence is listed, not dropped
    page = BROWSER.replace("いずれも上昇しました。", "いずれも上昇しました。満足度も上昇しました。")
    text = draft(page, "page.txt")
    assert "# not placed: 上昇 in 「" in text and "満足度も上昇しました" in text.split("schema_version")[0]


def test_a_figure_drafted_in_the_wrong_place_is_taken_out(monkeypatch: pytest.MonkeyPatch) -> None:
    # Make the draft's own audit unable to tell two lists of one name apart (as before issue #16):
    # the second list then reads as misplaced, and is taken out and listed rather than kept wrong.
    from dgcli.page import audit as audit_module

    def by_name_only(self: audit_module._Index, heading: str, section: str = "") -> object:
        found = self.by_name.get(audit_module.fold(audit_module.strip_marks(heading)), [])
        return self.dataset.metrics[found[0]] if found else None  # the first of a name, wherever it is

    monkeypatch.setattr(audit_module._Index, "metric", by_name_only)
    section = "進捗は以下のとおりです。\n- 利用者数\n- 2024年3月:{}万人\n- 2023年3月:{}万人\n関連情報\n"
    page = "題\n第一の取組\n" + section.format(10, 8) + "第二の取組\n" + section.format(20, 15)
    text = draft(page, "page.txt")
    loads(text)
    assert "drafted where the page does not put it, so left out" in text
    assert "value: 20万人" not in text and "# not placed: 20万人 in 「2024年3月:20万人」" in text


# ── end to end ───────────────────────────────────────────────────────────────────────────────


def test_cli_draft_of_a_page_whose_name_holds_a_newline_loads(tmp_path: Path) -> None:
    page = tmp_path / 'page\nschema_version: "9"\n.txt'
    page.write_text(BROWSER, encoding="utf-8")
    outcome = run_process("draft", str(page))
    assert (outcome.code, outcome.err) == (0, "")
    (tmp_path / "d.yaml").write_text(outcome.out, encoding="utf-8")
    listed = run_process("list", "--file", str(tmp_path / "d.yaml"), "--json")
    assert listed.code == 0 and json.loads(listed.out)["schema_version"] == 2


def test_page_reading_stays_lazy() -> None:
    # list, show and verify never import the page reader (start-up budget, benchmarks/run.py); the
    # scanner (dgcli.text.scan) they share with it is small and reads claims' texts at load
    code = (
        "import sys; from dgcli.cli import main\n"
        "for argv in (['list', '--json'], ['show', 'mynacard', '--json'], ['verify', '--json']):\n"
        "    try: main(argv)\n"
        "    except SystemExit: pass\n"
        "print(sorted(m for m in sys.modules if m in "
        "('dgcli.page.reader', 'dgcli.page.inputs', 'dgcli.page.audit', 'dgcli.page.draft', 'html.parser')),"
        " file=sys.stderr)"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False, timeout=120
    )
    assert completed.stderr.strip().splitlines()[-1] == "[]"
