"""The pre-commit hook: a manifest pre-commit can read, running a command that exists, on the files
pre-commit passes — a broken data/indicators.yaml fails it (the bundled copy never stands in)."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SHIPPED, edited, run_process

HOOKS = ROOT / ".pre-commit-hooks.yaml"


def _hook() -> dict[str, object]:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    (hook,) = hooks
    assert isinstance(hook, dict)
    return hook


def test_the_manifest_declares_dgcli_verify_on_the_changed_files() -> None:
    hook = _hook()
    # The keys pre-commit requires of a hook manifest entry: id, name, entry, language.
    assert {"id", "name", "entry", "language"} <= set(hook)
    # pre-commit's default is to pass the files; false would make dgcli look for ./indicators.yaml.
    assert (hook["id"], hook["language"], hook.get("pass_filenames", True)) == ("dgcli-verify", "python", True)
    pattern = re.compile(str(hook["files"]))
    assert pattern.search("indicators.yaml") and pattern.search("data/indicators.yaml")
    assert not pattern.search("my-indicators.yaml") and not pattern.search("indicators.yaml.bak")


def _repository(tmp_path: Path) -> Path:
    """A repository keeping a broken file at data/indicators.yaml (a figure changed: 9,308万 → 9,408万)."""
    (tmp_path / "data").mkdir()
    broken = edited(tmp_path, ("value: 9,308万枚", "value: 9,408万枚"))
    broken.rename(tmp_path / "data" / "indicators.yaml")
    if shutil.which("git"):
        subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
        subprocess.run(["git", "add", "data/indicators.yaml"], cwd=tmp_path, check=True)
    return tmp_path


def test_the_hook_fails_on_a_broken_data_indicators_yaml(tmp_path: Path) -> None:
    repository = _repository(tmp_path)
    command, *args = shlex.split(str(_hook()["entry"]))
    assert command == "dgcli"  # the console script the package installs
    # What pre-commit runs: the entry, then the changed files matching the pattern.
    outcome = run_process(*args, "data/indicators.yaml", cwd=repository, env={"CI": "true"})
    assert outcome.code == 1, outcome.err
    assert "data/indicators.yaml" in outcome.out and "FAIL" in outcome.out.splitlines()[-1]


def test_the_hook_checks_each_file_with_one_summary(tmp_path: Path) -> None:
    repository = _repository(tmp_path)
    shutil.copy(SHIPPED, repository / "indicators.yaml")
    args = shlex.split(str(_hook()["entry"]))[1:]
    outcome = run_process(*args, "indicators.yaml", "data/indicators.yaml", cwd=repository)
    assert outcome.code == 1, outcome.err
    # The shipped file's 72 claims twice; the broken copy fails, the good one passes.
    assert outcome.out.splitlines()[-1].startswith("FAIL: 2 files: 144 claims: ")
    good = run_process(*args, "indicators.yaml", str(SHIPPED), cwd=repository)
    assert good.code == 0 and good.out.splitlines()[-1].startswith("OK: 2 files: 144 claims: ")


@pytest.mark.parametrize("variable", ["CI", "GITHUB_ACTIONS"])
def test_bare_verify_under_ci_is_an_error_naming_the_files_it_sees(tmp_path: Path, variable: str) -> None:
    repository = _repository(tmp_path)
    outcome = run_process("verify", cwd=repository, env={variable: "true"})
    assert outcome.code == 2 and outcome.out == ""
    assert outcome.err.count("\n") == 1 and "data/indicators.yaml" in outcome.err
    assert "bundled" in outcome.err


def test_bare_verify_outside_ci_keeps_the_bundled_copy(tmp_path: Path) -> None:
    outcome = run_process("verify", cwd=tmp_path, env={"CI": "false"})
    assert outcome.code == 0 and "bundled with dgcli" in outcome.out
    # Reading commands keep the friendly default under CI too.
    assert run_process("list", cwd=tmp_path, env={"CI": "true"}).code == 0


def test_a_local_indicators_yaml_is_read_under_ci(tmp_path: Path) -> None:
    shutil.copy(SHIPPED, tmp_path / "indicators.yaml")
    outcome = run_process("verify", cwd=tmp_path, env={"CI": "true"})
    assert outcome.code == 0 and "bundled" not in outcome.out


def test_several_files_in_json_is_a_usage_error(tmp_path: Path) -> None:
    outcome = run_process("verify", "--json", str(SHIPPED), str(SHIPPED), cwd=tmp_path)
    assert outcome.code == 2 and "once for each file" in outcome.err


def test_several_files_in_sarif_and_junit_hold_one_run_or_suite_each(tmp_path: Path) -> None:
    import json
    from xml.etree import ElementTree

    sarif = run_process("verify", "--format", "sarif", str(SHIPPED), str(SHIPPED), cwd=tmp_path)
    assert len(json.loads(sarif.out)["runs"]) == 2
    junit = run_process("verify", "--format", "junit", str(SHIPPED), str(SHIPPED), cwd=tmp_path)
    suites = ElementTree.fromstring(junit.out.split("\n", 1)[1])
    assert len(suites.findall("testsuite")) == 2 and suites.get("tests") == "144"
