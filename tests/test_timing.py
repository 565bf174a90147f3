"""Figures of one time compared across sources: stock and flow readings, as_of, and what is named
``not compared`` (timing.py, the agreement checks in claims.py, and verify end to end)."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import pytest

from conftest import run_process
from dgcli.check.claims import verify
from dgcli.data.loader import load_dataset
from dgcli.data.model import Time, Verdict
from dgcli.data.timing import APART, MAYBE, SAME, relation
from dgcli.errors import DataError
from dgcli.text.periods import parse_period

HEAD = """schema_version: "2"
sources:
  - {id: progress-2024, title: データから見た成果, publisher: デジタル庁}
  - {id: report-2023, title: 2023年版, publisher: デジタル庁%s}
groups: [{id: g, title: g}]
sections:
  - id: s
    title: s
    group: g
    metrics:
      - id: mynacard
        name: マイナンバーカード保有数
        name_en: cards
        units: [枚, 件]
%s        observations:
"""


def write(tmp_path: Path, observations: str, *, metric: str = "", source: str = "") -> Path:
    path = tmp_path / "indicators.yaml"
    path.write_text(HEAD % (source, metric) + observations, encoding="utf-8")
    return path


# The minimal case: the 2024 page's 「2023年7月 8,904万枚」 and a report's 「2023年7月末 8,914万件」.
MINIMAL = """          - period: 2023年7月
            value: 8,904万枚
          - period: 2023年7月末
            value: 8,914万件
            source: report-2023
"""


def results(path: Path) -> dict[str, Verdict]:
    return {r.claim.id: r.verdict for r in verify(load_dataset(path))}


@pytest.mark.parametrize(
    ("a", "b", "time", "expected"),
    [
        ("2023年7月", "2023年7月", Time.AUTO, SAME),
        ("2023年7月", "2023年7月末", Time.AUTO, MAYBE),  # one moment only if a stock
        ("2023年7月", "2023年7月末", Time.STOCK, SAME),
        ("2023年7月", "2023年7月末", Time.FLOW, APART),
        ("2023年7月", "2023年7月30日", Time.STOCK, APART),  # not the month's last day
        ("2024年3月末", "2023年度末", Time.AUTO, SAME),  # both 2024-03-31
        ("2024年3月", "2023年度", Time.AUTO, MAYBE),
        ("2024年3月", "2023年度", Time.STOCK, SAME),
        ("2024年3月", "2023年度", Time.FLOW, APART),
        ("2023年度", "2023年4月から2024年3月", Time.FLOW, SAME),  # one span, two ways of printing it
        ("2023年7月", "2023年8月", Time.STOCK, APART),
    ],
)
def test_which_periods_are_one_time(a: str, b: str, time: Time, expected: str) -> None:
    assert relation(parse_period(a), parse_period(b), time) == expected
    assert relation(parse_period(b), parse_period(a), time) == expected


def test_the_minimal_case_is_named_not_compared_and_fails_strict(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL)
    assert results(path) == {
        "mynacard-2023-07-progress-2024-vs-2023-07-31-report-2023-not-compared": Verdict.NOT_COMPARED
    }
    outcome = run_process("verify", str(path))
    assert outcome.code == 0, outcome.err
    assert "not compared" in outcome.out and "time: stock" in outcome.out
    assert outcome.out.splitlines()[-1].endswith("0 gross; 1 not compared")
    strict = run_process("verify", "--strict", str(path))
    assert strict.code == 1 and strict.out.splitlines()[-1].startswith("FAIL (strict)")


@pytest.mark.parametrize(("metric", "source"), [("        time: stock\n", ""), ("", ", time: stock")])
def test_a_stock_compares_a_month_with_its_last_day(tmp_path: Path, metric: str, source: str) -> None:
    # Declared on the metric, or on both sources (the main one gets it here by the metric-less head:
    # a source's time: counts only when every source of the pair says the same).
    path = write(tmp_path, MINIMAL, metric=metric, source=source)
    if source:
        text = path.read_text(encoding="utf-8").replace(
            "publisher: デジタル庁}", "publisher: デジタル庁, time: stock}", 1
        )
        path.write_text(text, encoding="utf-8")
    # 8,904万 is [8,903.5万, 8,904.5万), 8,914万 is [8,913.5万, 8,914.5万): no common value.
    assert results(path) == {"mynacard-2023-07-progress-2024-vs-2023-07-31-report-2023": Verdict.INCONSISTENT}
    assert run_process("verify", str(path)).code == 1


def test_a_flow_never_pairs_a_month_with_a_day(tmp_path: Path) -> None:
    assert results(write(tmp_path, MINIMAL, metric="        time: flow\n")) == {}


def test_the_2023_edition_with_revised_passes_and_says_so(tmp_path: Path) -> None:
    revised = MINIMAL + "            revised: the 2024 edition counts cards, the 2023 report applications\n"
    path = write(tmp_path, revised, metric="        time: stock\n")
    assert list(results(path).values()) == [Verdict.REVISED]
    outcome = run_process("verify", str(path), env={"COLUMNS": "400"})
    assert outcome.code == 0, outcome.err
    assert "≠ revised" in outcome.out and "acknowledged: the 2024 edition counts cards" in outcome.out


def test_a_revised_note_that_pairs_with_nothing_is_a_located_error(tmp_path: Path) -> None:
    revised = MINIMAL + "            revised: nothing to revise under a flow\n"
    path = write(tmp_path, revised, metric="        time: flow\n")
    with pytest.raises(DataError, match="revises nothing") as raised:
        load_dataset(path)
    assert raised.value.problems[0].line == 22  # the revised: line
    outcome = run_process("verify", str(path))
    assert outcome.code == 2 and "indicators.yaml:22" in outcome.err


def test_one_source_with_two_figures_for_one_moment_is_a_located_error(tmp_path: Path) -> None:
    same_source = """          - period: 2023年7月末
            value: 8,914万件
          - period: 2023年7月
            value: 8,904万枚
"""
    path = write(tmp_path, same_source, metric="        time: stock\n")
    with pytest.raises(DataError, match="twice for one moment") as raised:
        load_dataset(path)
    assert raised.value.problems[0].line == 20
    # The same figure printed twice is no contradiction.
    alike = same_source.replace("8,914万件", "8,904万件")
    load_dataset(write(tmp_path, alike, metric="        time: stock\n"))
    # Under auto they are not known to be one moment.
    load_dataset(write(tmp_path, same_source))


def test_a_month_beside_a_fiscal_year_end(tmp_path: Path) -> None:
    observations = """          - period: 2024年3月
            value: 9,000万枚
          - period: 2023年度
            value: 9,100万件
            source: report-2023
"""
    assert list(results(write(tmp_path, observations)).values()) == [Verdict.NOT_COMPARED]
    assert list(results(write(tmp_path, observations, metric="        time: stock\n")).values()) == [
        Verdict.INCONSISTENT
    ]


UNDATED = """          - period: 2024年7月
            value: 9,308万枚
          - value: 9,200万件
            source: report-2023
"""


def test_an_undated_figure_with_nothing_declared_is_not_compared(tmp_path: Path) -> None:
    assert list(results(write(tmp_path, UNDATED)).values()) == [Verdict.NOT_COMPARED]


def test_an_undated_sources_as_of_places_its_figures(tmp_path: Path) -> None:
    declared = write(tmp_path, UNDATED, metric="        time: stock\n", source=", as_of: 2024年7月末")
    # 9,308万 and 9,200万 for one moment: inconsistent (a 108万 gap, far beyond either's rounding).
    assert list(results(declared).values()) == [Verdict.INCONSISTENT]
    other_day = write(tmp_path, UNDATED, metric="        time: stock\n", source=", as_of: 2024年8月31日")
    assert results(other_day) == {}
    # A publication day is no as-of date: a report published 2024年9月30日 may print the 7月 count, so its
    # undated figure is named beside the page's newest figure up to that day (2024年7月), never taken as apart
    published = write(tmp_path, UNDATED, source=", published: 2024年9月30日")
    assert list(results(published).values()) == [Verdict.NOT_COMPARED]
    # published the day the page's figure stands for: that day is its time, and they are compared
    same_day = write(tmp_path, UNDATED, metric="        time: stock\n", source=", published: 2024年7月31日")
    assert list(results(same_day).values()) == [Verdict.INCONSISTENT]


def test_not_compared_in_every_format(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL)
    document = json.loads(run_process("verify", "--json", str(path)).out)
    assert document["schema_version"] == 3 and document["summary"]["not_compared"] == 1
    assert document["claims"][0]["verdict"] == "not_compared" and document["failed"] is False
    sarif = json.loads(run_process("verify", "--format", "sarif", str(path)).out)
    assert [r["level"] for r in sarif["runs"][0]["results"]] == ["note"]
    strict_sarif = json.loads(run_process("verify", "--strict", "--format", "sarif", str(path)).out)
    assert [r["level"] for r in strict_sarif["runs"][0]["results"]] == ["error"]
    junit = ElementTree.fromstring(run_process("verify", "--format", "junit", str(path)).out.split("\n", 1)[1])
    assert junit.get("skipped") == "1" and junit.find(".//testcase/skipped") is not None
    strict_junit = run_process("verify", "--strict", "--format", "junit", str(path)).out.split("\n", 1)[1]
    suites = ElementTree.fromstring(strict_junit)
    assert (suites.get("failures"), suites.get("skipped")) == ("1", "0")
    github = run_process("verify", "--format", "github", str(path)).out
    assert github.startswith("::notice ")


def test_a_wrong_time_word_is_a_located_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="not stock, flow or auto"):
        load_dataset(write(tmp_path, MINIMAL, metric="        time: level\n"))


@pytest.mark.parametrize("strict", [False, True])
def test_every_format_gives_a_not_compared_pair_one_severity(tmp_path: Path, strict: bool) -> None:
    # claims.severity decides once: a note (SARIF note, JUnit skipped, a GitHub notice) that --strict
    # makes an error in every format alike (before, the github format left it a notice under --strict).
    path = write(tmp_path, MINIMAL)
    flags = ["--strict"] if strict else []
    github = run_process("verify", "--format", "github", *flags, "--file", str(path), env={"GITHUB_ACTIONS": ""})
    sarif = json.loads(run_process("verify", "--format", "sarif", *flags, "--file", str(path)).out)
    junit = ElementTree.fromstring(run_process("verify", "--format", "junit", *flags, "--file", str(path)).out)
    (annotation,) = [line for line in github.out.splitlines() if "not_compared" in line]
    (result,) = sarif["runs"][0]["results"]
    (case,) = junit.iter("testcase")
    if strict:
        assert annotation.startswith("::error ") and result["level"] == "error" and case.find("failure") is not None
    else:
        assert annotation.startswith("::notice ") and result["level"] == "note" and case.find("skipped") is not None
