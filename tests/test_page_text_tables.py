"""Plain-text pages (#16): a table laid out with wide spaces or tabs, figures right under the title, lists
named after their first line, a （注） note."""

from __future__ import annotations

from pathlib import Path

from dgcli.data.loader import load_dataset
from dgcli.page.audit import audit
from dgcli.page.draft import draft
from dgcli.page.inputs import text_lines

SHAPES = Path(__file__).resolve().parent / "data" / "pages" / "shapes"

TABLE = (
    "電子申請の受付件数\n"
    "年度\u3000受付件数\u3000オンライン率\n"
    "2022年度\u30001,480万件\u300043.5%\n"
    "2023年度\u30001,720万件\u300049.1%\n"
)


def test_a_table_set_apart_by_wide_spaces_is_read_cell_by_cell() -> None:
    # the header names the columns, the first column's periods the rows: one list per column
    assert [text for _, text in text_lines(TABLE)] == [
        "電子申請の受付件数",
        "- 受付件数",
        "- 2022年度:1,480万件",
        "- 2023年度:1,720万件",
        "- オンライン率",
        "- 2022年度:43.5%",
        "- 2023年度:49.1%",
    ]
    assert [number for number, _ in text_lines(TABLE)] == [1, 2, 3, 4, 2, 3, 4]  # each cell at its row's line


def test_tabs_set_columns_apart_too() -> None:
    assert text_lines("題\n年度\t件数\n2023年度\t5件\n")[1:] == [(2, "- 件数"), (3, "- 2023年度:5件")]


def test_lines_with_wide_spaces_that_make_no_table_stay_as_they_are() -> None:
    byline = "令和6年9月30日更新\u3000〇〇県総合政策部統計分析課"  # two cells, the next line no row of them
    page = f"題\n{byline}\n利用者数は5万人です。\n年度\u3000件数\n2023年度\u30005件\u3000余り\n"
    assert [text for _, text in text_lines(page)] == page.splitlines()  # a row of another width: no table


def test_a_list_right_under_the_title_is_drafted_and_audited() -> None:
    # before: the list had no section: draft wrote nothing (exit 2), audit read it as loose lead lines
    page = "登録数\n- 2024年3月末:6,120万件\n- 2023年3月末:5,210万件\n"
    text = draft(page, "page.txt")
    dataset = load_dataset(Path("d.yaml"), file="d.yaml", text=text)
    assert audit(page, dataset, page_file="page.txt").clean
    wrong = load_dataset(Path("d.yaml"), file="d.yaml", text=text.replace("6,120万件", "6,210万件"))
    report = audit(page, wrong, page_file="page.txt")
    assert [(f.kind, f.printed) for f in report.findings] == [("mistyped", "6,120万件")]


def test_the_table_page_drafts_audits_and_a_changed_cell_is_reported() -> None:
    text = draft(TABLE, "table.txt")
    dataset = load_dataset(Path("d.yaml"), file="d.yaml", text=text)
    assert audit(TABLE, dataset, page_file="table.txt").clean
    swapped = text.replace("43.5%", "@").replace("49.1%", "43.5%").replace("@", "49.1%")  # two periods swapped
    report = audit(TABLE, load_dataset(Path("d.yaml"), file="d.yaml", text=swapped), page_file="table.txt")
    assert sorted((f.kind, f.printed) for f in report.findings) == [("misplaced", "43.5%"), ("misplaced", "49.1%")]


def test_sentences_right_under_the_title_are_a_section_of_the_title() -> None:
    # a title, then prose with figures and no heading: before, the draft found "no heading followed by
    # figures" and wrote nothing (exit 2)
    for lead in ("", "令和6年度の概況です\n"):
        history = "受付件数は、令和4年度は1,250万件、令和5年度は1,480万件、令和6年度は1,720万件と増加しています。"
        page = f"電子申請の状況\n{lead}{history}\n"
        dataset = load_dataset(Path("d.yaml"), file="d.yaml", text=draft(page, "page.txt"))
        (metric,) = dataset.metrics.values()
        held = [(o.period_key, f.text) for o in metric.observations for _, f in o.figures()]
        assert (metric.name, held) == (
            "受付件数",
            [("FY2024", "1,720万件"), ("FY2023", "1,480万件"), ("FY2022", "1,250万件")],
        )
        assert audit(page, dataset, page_file="page.txt").clean


def test_a_list_of_named_figures_after_a_heading_is_not_named_after_its_first_line() -> None:
    # 複数回答: each answer a metric of its own, all under the question (before: under マイナポータル, the
    # first answer, which e-Tax is no part of)
    page = (
        "調査\n問3 利用したことがある行政サービス(複数回答)\n- マイナポータル:48.2%\n- e-Tax:35.6%\n- 特にない:30.1%\n"
    )
    dataset = load_dataset(Path("d.yaml"), file="d.yaml", text=draft(page, "page.txt"))
    question = "問3 利用したことがある行政サービス(複数回答)"
    assert [(m.name, m.category) for m in dataset.metrics.values()] == [
        ("マイナポータル", question),
        ("e-Tax", question),
        ("特にない", question),
    ]


def test_a_note_under_a_list_names_no_metric_and_is_audited_like_a_source_line() -> None:
    page = (SHAPES / "notes.txt").read_text(encoding="utf-8")
    dataset = load_dataset(Path("d.yaml"), file="d.yaml", text=draft(page, "notes.txt"))
    assert [m.aliases for m in dataset.metrics.values()] == [()]  # not 「(注)集計対象」
    assert audit(page, dataset, page_file="notes.txt").clean
    changed = audit(page.replace("1,741団体", "1,714団体"), dataset, page_file="notes.txt")
    assert [f.printed for f in changed.findings] == ["1,714団体"]


def test_a_sentence_the_page_prints_twice_drafts_one_metric() -> None:
    page = (SHAPES / "summary_repeat.txt").read_text(encoding="utf-8")
    text = draft(page, "summary_repeat.txt")
    dataset = load_dataset(Path("d.yaml"), file="d.yaml", text=text)
    names = [m.name for m in dataset.metrics.values()]
    assert names == ["インターネットを利用した個人の割合", "企業のクラウドサービスの利用率"]  # no 「… (2)」
    assert audit(page, dataset, page_file="summary_repeat.txt").clean
