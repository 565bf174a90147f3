"""``verify --format junit``, read back with an XML parser as GitLab and Jenkins read it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

from conftest import DATA, Outcome, edited

Run = Callable[..., Outcome]


def cases(outcome: Outcome) -> tuple[ElementTree.Element, dict[str, str]]:
    root = ElementTree.fromstring(outcome.out.encode("utf-8"))
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    verdicts = {}
    for case in suite.findall("testcase"):
        children = [child.tag for child in case]
        verdicts[case.attrib["name"]] = children[0] if children else "passed"
    # The counts on the suite agree with its cases, as the CI readers add them up.
    assert int(suite.attrib["tests"]) == len(verdicts)
    assert int(suite.attrib["failures"]) == sum(v == "failure" for v in verdicts.values())
    assert int(suite.attrib["skipped"]) == sum(v == "skipped" for v in verdicts.values())
    return suite, verdicts


def test_one_case_per_claim_of_the_shipped_file(run: Run) -> None:
    outcome = run("verify", "--format", "junit")
    _, verdicts = cases(outcome)
    assert outcome.code == 0
    assert len(verdicts) == 72  # 64 published claims + 8 implied sums-to-100 checks
    # unverifiable claims are skipped: 国民の75% ×2 and GビズID 22% ×2 (tests/data/shipped_verdicts.txt).
    assert sum(v == "skipped" for v in verdicts.values()) == 4
    assert "failure" not in verdicts.values()


def test_an_inconsistent_claim_is_a_failure_with_its_location(run: Run, tmp_path: Path) -> None:
    path = edited(tmp_path, ("stated: 5%", "stated: 9%"))  # mynacard: 4.54% cannot print as 9%
    outcome = run("verify", "--format", "junit", "--file", str(path))
    suite, verdicts = cases(outcome)
    assert outcome.code == 1
    assert [name for name, v in verdicts.items() if v == "failure"] == ["mynacard-change"]
    case = next(c for c in suite.findall("testcase") if c.attrib["name"] == "mynacard-change")
    failure = case.find("failure")
    assert failure is not None and failure.attrib["type"] == "inconsistent"
    assert case.attrib["file"] == str(path) and int(case.attrib["line"]) > 0


def test_strict_fails_within_rounding(run: Run) -> None:
    _, verdicts = cases(run("verify", "--format", "junit", "--strict"))
    assert sum(v == "failure" for v in verdicts.values()) == 3  # e-Tax 57%, 賛同 2023 99.9, 適応 2024 100.1


def test_a_file_that_cannot_load_is_one_case_in_error(run: Run) -> None:
    outcome = run("verify", "--format", "junit", "--file", str(DATA / "invalid" / "alias.yaml"))
    root = ElementTree.fromstring(outcome.out.encode("utf-8"))
    errors = root.findall("./testsuite/testcase/error")
    assert outcome.code == 2 and len(errors) == 1
    assert (
        errors[0].attrib["message"].endswith("alias.yaml:4:10: anchors (&name) are not supported; write the value out")
    )
