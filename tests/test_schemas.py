"""The JSON contract (schema_version 2): every command's real --json output validates against schema/output/."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from conftest import DATA, ROOT, SHIPPED, Outcome, edited
from dgcli.check.diff import KINDS as DIFF_KINDS
from dgcli.data.export import COLUMNS, export_report
from dgcli.data.kinds import ClaimKind
from dgcli.data.loader import load_dataset
from dgcli.data.model import Verdict
from dgcli.render.jsonfmt import number
from dgcli.render.schemas import NAMES as SCHEMA_NAMES
from dgcli.render.schemas import with_enums
from dgcli.text.numbers import Hedge, Rounding

Run = Callable[..., Outcome]
SCHEMAS = ROOT / "schema" / "output"
NAMES = SCHEMA_NAMES  # every JSON output: list, show, changes, verify, diff, export, audit, errors
EDITIONS = DATA / "editions.yaml"
MINIMAL = DATA / "minimal.yaml"
CLAIM_FILES = sorted((DATA / "claims").glob("*.yaml"))
INVALID_FILES = sorted((DATA / "invalid").glob("*.yaml"))
SHIPPED_METRICS = list(load_dataset(SHIPPED).metrics)
EDITIONS_METRICS = list(load_dataset(EDITIONS).metrics)


@cache
def schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    return loaded


@cache
def validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema(name), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def problems(name: str, document: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}"
        for error in validator(name).iter_errors(document)
    ]


def valid(name: str, outcome: Outcome, codes: tuple[int, ...] = (0,)) -> dict[str, Any]:
    """The command's stdout, parsed and checked against schema/output/{name}.schema.json."""
    assert outcome.code in codes, outcome.err
    document: dict[str, Any] = json.loads(outcome.out)
    assert problems(name, document) == []
    return document


# --- the schemas themselves -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_each_schema_is_a_valid_draft_2020_12_schema(name: str) -> None:
    document = schema(name)
    jsonschema.Draft202012Validator.check_schema(document)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert document["$id"] == f"https://github.com/dgcli/dgcli/schema/output/{name}.schema.json"
    assert document["title"] and document["description"]
    # diff (issue 17), verify (the verdict not_compared, issue 15) and audit (issue 16) are at version 3
    assert document["properties"]["schema_version"]["const"] == (3 if name in ("diff", "verify", "audit") else 2)


def _walk(node: Any, path: str = "#") -> Iterator[tuple[str, Any]]:
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{path}/{index}")


@pytest.mark.parametrize("name", NAMES)
def test_every_property_is_described_and_every_ref_stays_in_the_file(name: str) -> None:
    document = schema(name)
    undescribed = [
        f"{path}/properties/{key}"
        for path, node in _walk(document)
        if isinstance(node, dict) and isinstance(node.get("properties"), dict)
        for key, value in node["properties"].items()
        if "description" not in value
    ]
    assert undescribed == []
    refs = [node["$ref"] for _, node in _walk(document) if isinstance(node, dict) and "$ref" in node]
    assert all(ref.startswith("#/$defs/") and ref.removeprefix("#/$defs/") in document.get("$defs", {}) for ref in refs)
    unused = set(document.get("$defs", {})) - {ref.removeprefix("#/$defs/") for ref in refs}
    assert unused == set()


def _enums(name: str) -> dict[str, list[Any]]:
    defs = schema(name)["$defs"]
    return {key: value["enum"] for key, value in defs.items() if "enum" in value}


@pytest.mark.parametrize("name", NAMES)
def test_every_enum_of_a_schema_is_generated_from_the_code(name: str) -> None:
    committed = schema(name)
    assert with_enums(name, copy.deepcopy(committed)) == committed, "run: python -m dgcli.render.schemas"


def test_the_enums_match_the_code() -> None:
    shown = _enums("show")
    assert shown["claimKind"] == [kind.value for kind in ClaimKind]
    # show leaves not_compared to verify (its documents keep version 2)
    assert shown["verdict"] == [verdict.value for verdict in Verdict if verdict is not Verdict.NOT_COMPARED]
    assert _enums("verify")["verdict"] == [verdict.value for verdict in Verdict]
    assert {key: shown[key] for key in _enums("verify") if key != "verdict"} == {
        key: value for key, value in _enums("verify").items() if key != "verdict"
    }
    assert shown["hedge"] == [hedge.value for hedge in Hedge]
    assert shown["rounding"] == [rule.value for rule in Rounding]
    for name in ("list", "changes", "export"):
        assert {key: shown[key] for key in _enums(name)} == _enums(name), name
    verify = schema("verify")["properties"]["summary"]
    assert verify["required"] == ["total", *(verdict.value for verdict in Verdict)]
    diff = schema("diff")["properties"]
    assert diff["summary"]["required"] == list(DIFF_KINDS)
    assert diff["differences"]["items"]["properties"]["kind"]["enum"] == list(DIFF_KINDS)
    assert schema("export")["properties"]["records"]["items"]["required"] == list(COLUMNS)


# --- real output ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [SHIPPED, EDITIONS, MINIMAL, DATA / "date_period.yaml"], ids=lambda p: p.name)
def test_list(run: Run, path: Path) -> None:
    document = valid("list", run("list", "--json", "-f", str(path)))
    assert document["sections"]


@pytest.mark.parametrize("metric", SHIPPED_METRICS)
def test_show_every_shipped_metric(run: Run, metric: str) -> None:
    document = valid("show", run("show", metric, "--json", "-f", str(SHIPPED)))
    assert document["id"] == metric


@pytest.mark.parametrize("metric", EDITIONS_METRICS)
def test_show_every_metric_of_a_multi_source_file(run: Run, metric: str) -> None:
    document = valid("show", run("show", metric, "--json", "-f", str(EDITIONS)))
    assert document["id"] == metric


@pytest.mark.parametrize("metric", [None, "mynacard", "common-services", "approval"])
def test_changes(run: Run, metric: str | None) -> None:
    document = valid("changes", run("changes", *([metric] if metric else []), "--json", "-f", str(SHIPPED)))
    assert document["metric"] == metric
    assert (document["note"] is None) == bool(document["changes"])
    if metric is None:
        assert document["changes"]
    if metric == "common-services":
        assert document["changes"] == [] and "no stated change" in document["note"]


@pytest.mark.parametrize("metric", [None, *EDITIONS_METRICS])
def test_changes_of_a_multi_source_file(run: Run, metric: str | None) -> None:
    valid("changes", run("changes", *([metric] if metric else []), "--json", "-f", str(EDITIONS)))


@pytest.mark.parametrize(
    ("path", "strict"),
    [(SHIPPED, False), (SHIPPED, True), (EDITIONS, False), (MINIMAL, False), *((p, False) for p in CLAIM_FILES)],
    ids=lambda value: value.name if isinstance(value, Path) else ("strict" if value else "lenient"),
)
def test_verify(run: Run, path: Path, strict: bool) -> None:
    outcome = run("verify", "--json", *(["--strict"] if strict else []), "-f", str(path))
    document = valid("verify", outcome, codes=(0, 1))
    summary = document["summary"]
    assert summary["total"] == len(document["claims"]) == sum(summary[v.value] for v in Verdict)
    assert document["strict"] is strict and document["failed"] is (outcome.code == 1)


def _diff(run: Run, old: Path, new: Path) -> dict[str, Any]:
    document = valid("diff", run("diff", str(old), str(new), "--json"))
    assert document["summary"] == {kind: sum(d["kind"] == kind for d in document["differences"]) for kind in DIFF_KINDS}
    assert document["differ"] is bool(document["differences"])
    return document


def test_diff_of_a_file_with_itself(run: Run) -> None:
    assert _diff(run, SHIPPED, SHIPPED)["differ"] is False


def test_diff_of_one_edited_figure(run: Run, tmp_path: Path) -> None:
    new = edited(tmp_path, ("value: 9,308万枚", "value: 9,408万枚"))
    document = _diff(run, SHIPPED, new)
    assert document["summary"]["figure-revised"] == 1 and document["summary"]["verdict-changed"] == 4


def test_diff_of_many_edits(run: Run, tmp_path: Path) -> None:
    new = edited(
        tmp_path,
        ("          - period: 2022年4月\n            value: 5,400万枚\n", ""),
        ("      - id: gss-users\n", "      - id: gss-connected-users\n"),
        ("            text: 2023年7月から5%増加しました", "            text: 2023年7月から5%増えました"),
        ("value: 8,904万枚", "value: 8,904万件"),
        (
            "unit: 枚\n        description: マイナンバーカードの保有",
            "units: [枚, 件]\n        description: マイナンバーカードの保有",
        ),
    )
    kinds = {kind for kind, count in _diff(run, SHIPPED, new)["summary"].items() if count}
    assert {"metric-added", "metric-removed", "figure-reprinted", "observation-removed", "claim-changed"} <= kinds


@pytest.mark.parametrize(("old", "new"), [(SHIPPED, EDITIONS), (EDITIONS, SHIPPED)], ids=["forward", "backward"])
def test_diff_of_two_editions(run: Run, old: Path, new: Path) -> None:
    assert _diff(run, old, new)["differ"] is True


@pytest.mark.parametrize("path", [SHIPPED, EDITIONS, MINIMAL], ids=lambda p: p.name)
def test_export(run: Run, path: Path) -> None:
    outcome = run("export", "--format", "json", "-f", str(path))
    document = valid("export", outcome)
    assert len(document["records"]) == len(export_report(load_dataset(path)).rows)


def _intended_export(path: Path) -> dict[str, Any]:
    """What `dgcli export --format json` is meant to print: export's rows, numbers through jsonfmt.number."""
    report = export_report(load_dataset(path))
    records = [
        dict(zip(COLUMNS, (number(cell) if isinstance(cell, Fraction) else cell for cell in row), strict=True))
        for row in report.rows
    ]
    document: dict[str, Any] = json.loads(
        json.dumps({"schema_version": 2, "file": report.dataset.file, "records": records})
    )
    return document


@pytest.mark.parametrize("path", [SHIPPED, EDITIONS, MINIMAL], ids=lambda p: p.name)
def test_the_export_schema_describes_the_export_rows(path: Path) -> None:
    assert problems("export", _intended_export(path)) == []


@pytest.mark.parametrize("path", INVALID_FILES, ids=lambda p: p.name)
def test_errors_document_for_every_invalid_file(run: Run, path: Path) -> None:
    document = valid("errors", run("list", "--json", "-f", str(path)), codes=(2,))
    assert document["file"] == str(path)


@pytest.mark.parametrize(
    "command",
    [
        ["verify", "--json"],
        ["show", "mynacard", "--json"],
        ["changes", "--json"],
        ["export", "--format", "json"],
    ],
    ids=lambda c: c[0],
)
def test_errors_document_from_every_command(run: Run, command: list[str]) -> None:
    path = DATA / "invalid" / "many_problems.yaml"
    document = valid("errors", run(*command, "-f", str(path)), codes=(2,))
    assert len(document["errors"]) > 1


def test_errors_document_for_a_missing_file(run: Run, tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    document = valid("errors", run("verify", "--json", "-f", str(missing)), codes=(2,))
    assert document["errors"][0]["line"] is None


def test_errors_document_from_diff(run: Run) -> None:
    broken = DATA / "invalid" / "unknown_key.yaml"
    assert valid("errors", run("diff", str(SHIPPED), str(broken), "--json"), codes=(2,))["file"] == str(broken)


# --- the schemas reject what breaks the contract ----------------------------------------------------------


SAMPLES: dict[str, tuple[str, ...]] = {
    "list": ("list", "--json", "-f", str(SHIPPED)),
    "show": ("show", "mynacard", "--json", "-f", str(EDITIONS)),
    "changes": ("changes", "--json", "-f", str(SHIPPED)),
    "verify": ("verify", "--json", "-f", str(SHIPPED)),
    "diff": ("diff", str(SHIPPED), str(EDITIONS), "--json"),
    "errors": ("list", "--json", "-f", str(DATA / "invalid" / "many_problems.yaml")),
    "audit": ("audit", str(ROOT / "examples" / "progress-2024.txt"), "--file", str(SHIPPED), "--json"),
}


def _sample(run: Run, name: str) -> dict[str, Any]:
    """A real, valid document of each kind (export's as it is meant to be, until its bug is fixed)."""
    document: dict[str, Any] = _intended_export(SHIPPED) if name == "export" else json.loads(run(*SAMPLES[name]).out)
    assert problems(name, document) == []
    return document


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(document: dict[str, Any]) -> None:
        node: Any = document
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return mutate


def _delete(*path: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(document: dict[str, Any]) -> None:
        node: Any = document
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]

    return mutate


LATEST = ("sections", 0, "metrics", 0, "latest")
MUTATIONS: list[tuple[str, str, Callable[[dict[str, Any]], None]]] = [
    *((name, "schema_version 1", _set(("schema_version",), 1)) for name in NAMES),
    *((name, "schema_version as text", _set(("schema_version",), "2")) for name in NAMES),
    *((name, "an unknown top-level key", _set(("extra",), True)) for name in NAMES),
    ("list", "no sections", _delete("sections")),
    ("list", "an unknown key in an observation", _set((*LATEST, "valeu"), 1)),
    ("list", "an observation without its low", _delete(*LATEST, "low")),
    ("list", "an unknown hedge", _set((*LATEST, "hedge"), "roughly")),
    ("list", "a period that is not a key", _set((*LATEST, "period"), "2024年7月")),
    ("list", "a period start that is not a date", _set((*LATEST, "period_start"), "2024-07")),
    ("list", "a value as text", _set((*LATEST, "value"), "50.9")),
    ("list", "an unknown key in a distribution answer", _set((*LATEST, "distribution", 0, "share"), 1)),
    ("list", "a source without an id", _delete("sources", 0, "id")),
    ("show", "no observations", _delete("observations")),
    ("show", "an unknown verdict", _set(("claims", 0, "verdict"), "plausible")),
    ("show", "an unknown claim kind", _set(("claims", 0, "kind"), "percentage_change")),
    ("show", "an unknown rounding rule", _set(("observations", 0, "rounding"), "bankers")),
    ("show", "partial: false (present only when true)", _set(("observations", 0, "partial"), False)),
    ("show", "an empty note (present only when there is one)", _set(("observations", 0, "note"), "")),
    ("show", "a claim without its location", _delete("claims", 0, "location")),
    ("show", "an unknown key in a source", _set(("sources", 0, "rounding_note"), "")),
    ("changes", "an incomplete interval", _set(("changes", 0, "claim", "stated_interval"), {"point": 1})),
    ("changes", "a row without its latest figure", _delete("changes", 0, "latest")),
    ("verify", "a summary without gross", _delete("summary", "gross")),
    ("verify", "an unknown verdict count", _set(("summary", "plausible"), 0)),
    ("verify", "a column of 0", _set(("claims", 0, "location", "column"), 0)),
    ("verify", "failed as text", _set(("failed",), "no")),
    ("diff", "an unknown difference kind", _set(("differences", 0, "kind"), "figure-changed")),
    ("diff", "a summary without a kind", _delete("summary", "verdict-changed")),
    ("diff", "a difference without its subject", _delete("differences", 0, "subject")),
    ("export", "a record without its line", _delete("records", 0, "line")),
    ("export", "an unknown rounding rule", _set(("records", 0, "rounding"), "bankers")),
    ("export", "a value as text", _set(("records", 0, "value"), "93080000")),
    ("errors", "no errors", _set(("errors",), [])),
    ("errors", "an error without its message", _delete("errors", 0, "message")),
    ("errors", "a line of 0", _set(("errors", 0, "line"), 0)),
]


@pytest.mark.parametrize(
    ("name", "mutate"), [(name, mutate) for name, _, mutate in MUTATIONS], ids=[f"{n}: {w}" for n, w, _ in MUTATIONS]
)
def test_each_schema_rejects_a_broken_document(run: Run, name: str, mutate: Callable[[dict[str, Any]], None]) -> None:
    document = _sample(run, name)
    mutate(document)
    assert problems(name, document), "the schema accepted a document that breaks the contract"
