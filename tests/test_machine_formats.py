"""Machine formats valid for their consumer whatever the data or the file's name (issue 17, point 3).

JUnit is read back by a strict XML parser; SARIF is validated against the official SARIF 2.1.0
schema (tests/data/sarif-schema-2.1.0.json, copied from oasis-tcs/sarif-spec
sarif-2.1/schema/sarif-schema-2.1.0.json); annotations and SARIF never point into a virtualenv.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote
from xml.etree import ElementTree

import jsonschema
import pytest

from conftest import DATA, SHIPPED, Outcome, edited, republish, run_process

Run = Callable[..., Outcome]
SARIF_SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
# XML 1.0 § 2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
FAILING = ("stated: 5%", "stated: 9%")  # mynacard: 9,308万 / 8,904万 − 1 = 4.54% → 5%, never 9%


def strict_xml(text: str) -> ElementTree.Element:
    assert not NOT_XML.search(text)
    return ElementTree.fromstring(text.encode("utf-8"))  # expat: refuses anything not well-formed


def valid_sarif(text: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(text)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(document)
    return document


def uris(document: dict[str, Any]) -> list[dict[str, str]]:
    return [
        location["physicalLocation"]["artifactLocation"]
        for result in document["runs"][0]["results"]
        for location in result.get("locations", [])
    ]


HOSTILE_NAMES = ["claims\x01 & <b>.yaml", "データ ファイル#1%.yaml", "a:b,c.yaml"]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_junit_is_well_formed_whatever_the_file_name(run: Run, tmp_path: Path, name: str) -> None:
    path = edited(tmp_path, FAILING, name=name)
    outcome = run("verify", "--format", "junit", "--file", str(path))
    assert outcome.code == 1
    root = strict_xml(outcome.out)
    assert root.find("testsuite/testcase/failure") is not None
    broken = tmp_path / ("broken " + name)
    broken.write_text("schema_version: [\n", encoding="utf-8")
    errors = run("verify", "--format", "junit", "--file", str(broken))
    assert errors.code == 2
    assert strict_xml(errors.out).find("testsuite/testcase/error") is not None


def test_junit_of_a_non_utf8_file_name_is_well_formed(tmp_path: Path) -> None:
    # A name the command line can only carry as surrogate escapes (os.fsdecode of byte 0xFF).
    name = os.fsdecode(b"bad\xff.yaml")
    path = tmp_path / name
    shutil.copy(edited(tmp_path, FAILING), path)
    outcome = run_process("verify", "--format", "junit", "--file", str(path))
    assert outcome.code == 1, outcome.err
    strict_xml(outcome.out)


def test_the_hostile_claim_text_of_the_issue_is_refused(run: Run) -> None:
    # "\uFFFE" in a claim text made JUnit that no parser reads; the loader now refuses it (located).
    outcome = run("verify", "--format", "junit", "--file", str(DATA / "invalid" / "noncharacter.yaml"))
    assert outcome.code == 2
    error = strict_xml(outcome.out).find("testsuite/testcase/error")
    assert error is not None and "noncharacter.yaml:39:19: Unicode non-character U+FFFE" in error.attrib["message"]


@pytest.mark.parametrize("name", ["indicators.yaml", "データ ファイル#1%.yaml", "a:b,c.yaml"])
def test_sarif_uris_are_relative_percent_encoded_and_valid(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    (tmp_path / "sub dir").mkdir()
    path = edited(tmp_path / "sub dir", FAILING, name=name)
    monkeypatch.chdir(tmp_path)
    for file in (str(path), f"sub dir/{name}"):
        outcome = run("verify", "--format", "sarif", "--file", file, env={"GITHUB_WORKSPACE": str(tmp_path)})
        assert outcome.code == 1
        locations = uris(valid_sarif(outcome.out))
        assert locations
        for artifact in locations:
            assert artifact["uriBaseId"] == "%SRCROOT%"
            assert re.fullmatch(r"[A-Za-z0-9._~/%-]+", artifact["uri"]), artifact["uri"]
            assert unquote(artifact["uri"]) == f"sub dir/{name}"


def test_sarif_of_data_errors_and_of_standard_input_is_valid(run: Run) -> None:
    errors = run("verify", "--format", "sarif", "--file", str(DATA / "invalid" / "alias.yaml"))
    assert errors.code == 2 and uris(valid_sarif(errors.out))
    stdin = run_process("verify", "--format", "sarif", "--file", "-", stdin=edited_text())
    assert stdin.code == 1
    document = valid_sarif(stdin.out)
    assert document["runs"][0]["results"] and uris(document) == []  # <stdin> is no file to point at


def edited_text() -> str:
    return republish(SHIPPED.read_text(encoding="utf-8"), "stated: 5%\n", "stated: 9%\n")


def test_an_outside_file_is_a_file_uri(run: Run, tmp_path: Path) -> None:
    path = edited(tmp_path, FAILING, name="über file.yaml")
    outcome = run("verify", "--format", "sarif", "--file", str(path), env={"GITHUB_WORKSPACE": str(DATA)})
    (artifact,) = {json.dumps(a) for a in uris(valid_sarif(outcome.out))}
    location = json.loads(artifact)
    assert "uriBaseId" not in location
    assert location["uri"].startswith("file:///") and " " not in location["uri"]
    assert unquote(location["uri"]).removeprefix("file://") == str(path)


@pytest.fixture
def venv_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workspace whose virtualenv holds dgcli's bundled copy, as .ci/run sets it up; cwd is a
    subdirectory without indicators.yaml, so the bundled copy is what dgcli reads."""
    site = tmp_path / ".venv" / "lib" / "python3.12" / "site-packages" / "dgcli"
    site.mkdir(parents=True)
    (tmp_path / ".venv" / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    bundled = site / "indicators.yaml"
    bundled.write_text(edited_text(), encoding="utf-8")
    monkeypatch.setattr("dgcli.cli.BUNDLED", bundled)
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    return tmp_path


def test_annotations_and_sarif_never_point_into_a_virtualenv(run: Run, venv_copy: Path) -> None:
    env = {"GITHUB_WORKSPACE": str(venv_copy)}
    github = run("verify", "--format", "github", env=env)
    assert github.code == 1
    assert "::error title=" in github.out and "file=" not in github.out
    document = valid_sarif(run("verify", "--format", "sarif", env=env).out)
    assert document["runs"][0]["results"] and uris(document) == []
    for case in strict_xml(run("verify", "--format", "junit", env=env).out).iter("testcase"):
        assert "file" not in case.attrib
    # A file named explicitly inside the environment is no repository file either.
    named = run(
        "verify",
        "--format",
        "github",
        "--file",
        str(venv_copy / ".venv/lib/python3.12/site-packages/dgcli/indicators.yaml"),
        env=env,
    )
    assert named.code == 1 and "file=" not in named.out


def test_the_bundled_copy_points_at_the_repository_file_it_copies(run: Run, venv_copy: Path) -> None:
    (venv_copy / "indicators.yaml").write_text(edited_text(), encoding="utf-8")
    env = {"GITHUB_WORKSPACE": str(venv_copy)}
    github = run("verify", "--format", "github", env=env)
    assert re.search(r"^::error file=indicators\.yaml,line=\d+", github.out, re.MULTILINE)
    assert {a["uri"] for a in uris(valid_sarif(run("verify", "--format", "sarif", env=env).out))} == {"indicators.yaml"}
    # A different file at the root is not what was read: no location at all.
    (venv_copy / "indicators.yaml").write_text(SHIPPED.read_text(encoding="utf-8"), encoding="utf-8")
    assert "file=" not in run("verify", "--format", "github", env=env).out


def test_github_annotations_carry_no_raw_control_from_a_file_name(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = edited(tmp_path, FAILING, name="a\x1b[31mred\x07.yaml")
    monkeypatch.chdir(tmp_path)
    outcome = run("verify", "--format", "github", "--file", path.name)
    assert outcome.code == 1
    assert "file=a\\u001b[31mred\\u0007.yaml," in outcome.out
    assert not re.search("[\x00-\x08\x0b-\x1f]", outcome.out)
