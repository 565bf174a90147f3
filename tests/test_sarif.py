"""``verify --format sarif``, read as GitHub code scanning reads it: the fields upload-sarif requires."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema

from conftest import DATA, Outcome, edited

# The part of SARIF 2.1.0 that github/codeql-action/upload-sarif needs to place a result on a line
# (docs.github.com "SARIF support for code scanning": required and used properties).
GITHUB_SARIF = {
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "version": {"const": "2.1.0"},
        "runs": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["tool", "results"],
                "properties": {
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {
                            "driver": {
                                "type": "object",
                                "required": ["name", "rules"],
                                "properties": {
                                    "name": {"type": "string"},
                                    "rules": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "required": ["id", "shortDescription"],
                                            "properties": {"shortDescription": {"required": ["text"]}},
                                        },
                                    },
                                },
                            }
                        },
                    },
                    "results": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["ruleId", "level", "message", "locations"],
                            "properties": {
                                "level": {"enum": ["error", "warning", "note"]},
                                "message": {"type": "object", "required": ["text"]},
                                "locations": {
                                    "type": "array",
                                    "minItems": 1,
                                    "items": {
                                        "type": "object",
                                        "required": ["physicalLocation"],
                                        "properties": {
                                            "physicalLocation": {
                                                "type": "object",
                                                "required": ["artifactLocation", "region"],
                                                "properties": {
                                                    "artifactLocation": {"required": ["uri"]},
                                                    "region": {
                                                        "required": ["startLine"],
                                                        "properties": {
                                                            "startLine": {"type": "integer", "minimum": 1},
                                                            "startColumn": {"type": "integer", "minimum": 1},
                                                        },
                                                    },
                                                },
                                            }
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
            },
        },
    },
}

Run = Callable[..., Outcome]


def sarif(outcome: Outcome) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(outcome.out)
    jsonschema.validate(document, GITHUB_SARIF)
    run = document["runs"][0]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    for result in run["results"]:  # every result names a declared rule, at its index
        assert rules[result["ruleIndex"]] == result["ruleId"]
    return run


def test_the_shipped_file_has_only_warnings_and_notes(run: Run) -> None:
    outcome = run("verify", "--format", "sarif")
    results = sarif(outcome)["results"]
    assert outcome.code == 0
    # The shipped verdicts (tests/data/shipped_verdicts.txt): 3 within_rounding, 4 unverifiable.
    assert sorted(r["level"] for r in results) == ["note"] * 4 + ["warning"] * 3


def test_an_inconsistent_claim_is_an_error_on_its_line(run: Run, tmp_path: Path) -> None:
    # mynacard: 9,308万 / 8,904万 − 1 = 4.54% → 5%; stated 9% cannot be given by any value in rounding.
    path = edited(
        tmp_path,
        (
            "text: 2023年7月から5%増加しました\n            from: 2023年7月\n            stated: 5%",
            "text: 2023年7月から9%増加しました\n            from: 2023年7月\n            stated: 9%",
        ),
    )
    outcome = run("verify", "--format", "sarif", "--file", str(path))
    errors = [r for r in sarif(outcome)["results"] if r["level"] == "error"]
    assert outcome.code == 1
    assert [e["ruleId"] for e in errors] == ["percent_change/inconsistent"]
    line = path.read_text(encoding="utf-8").splitlines().index("          - id: mynacard-change") + 1
    assert errors[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == line


def test_strict_turns_within_rounding_into_errors(run: Run) -> None:
    outcome = run("verify", "--format", "sarif", "--strict")
    assert outcome.code == 1
    assert sorted(r["level"] for r in sarif(outcome)["results"]) == ["error"] * 3 + ["note"] * 4


def test_data_errors_are_results_with_line_and_column(run: Run) -> None:
    outcome = run("verify", "--format", "sarif", "--file", str(DATA / "invalid" / "alias.yaml"))
    results = sarif(outcome)["results"]
    assert outcome.code == 2
    # alias.yaml: the anchor &name is at line 4, column 10; the alias *name at line 11, column 12.
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in results]
    assert [(r["startLine"], r["startColumn"]) for r in regions] == [(4, 10), (11, 12)]
    assert {r["ruleId"] for r in results} == {"data-error"}


def test_paths_are_relative_to_the_workspace(run: Run, tmp_path: Path) -> None:
    path = edited(tmp_path, ("stated: 5%", "stated: 9%"))
    outcome = run("verify", "--format", "sarif", "--file", str(path), env={"GITHUB_WORKSPACE": str(tmp_path)})
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif(outcome)["results"]}
    assert uris == {"indicators.yaml"}
