"""The pre-commit hook: a manifest pre-commit can read, running a command that exists."""

from __future__ import annotations

import re
import shlex

import yaml

from conftest import ROOT, run_process

HOOKS = ROOT / ".pre-commit-hooks.yaml"


def test_the_manifest_declares_dgcli_verify() -> None:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    (hook,) = hooks
    # The keys pre-commit requires of a hook manifest entry: id, name, entry, language.
    assert {"id", "name", "entry", "language"} <= set(hook)
    assert (hook["id"], hook["language"], hook["pass_filenames"]) == ("dgcli-verify", "python", False)
    pattern = re.compile(hook["files"])
    assert pattern.search("indicators.yaml") and pattern.search("data/indicators.yaml")
    assert not pattern.search("my-indicators.yaml") and not pattern.search("indicators.yaml.bak")


def test_the_hooks_command_runs() -> None:
    hook = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))[0]
    command, *args = shlex.split(hook["entry"])
    assert command == "dgcli"  # the console script the package installs
    outcome = run_process(*args, cwd=ROOT)
    assert outcome.code == 0 and outcome.out.rstrip().splitlines()[-1].startswith("OK: ")
