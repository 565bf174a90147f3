"""No workflow command from data (issue 17, point 4).

tests/data/hostile/workflow.yaml is the shipped file with every text field of the format beginning
with ``::error::##[group]`` (regenerate it with ``python tests/test_workflow_commands.py``). Every
command runs over it, under GitHub Actions and not: no line a person reads starts a workflow
command; ``--json`` stays exact.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from conftest import DATA, MINIMAL, SHIPPED, Outcome, run_process
from formatwalk import dump, fields, get, put, read_plain

HOSTILE = DATA / "hostile" / "workflow.yaml"
PAGE = DATA / "hostile" / "workflow_page.txt"
PREFIX = "::error::##[group]"
# Text that must keep its meaning: the format version, the counter words figures are checked against.
MEANINGFUL = {("file", "schema_version"), ("metric", "unit"), ("metric", "units")}
# A line the runner reads as a command (actions/runner ActionCommand: after leading blanks).
COMMAND = re.compile(r"^(?:\x1b\[[0-9;]*m|\s)*(::|##\[)")
ANNOTATION = re.compile(r"^::(error|warning|notice)( [^:]+)?::")

COMMANDS = [
    ["list"],
    ["show", "mynacard"],
    ["changes"],
    ["verify"],
    ["verify", "--format", "text"],
    ["verify", "--format", "github"],
    ["diff", str(SHIPPED), str(HOSTILE)],
    ["diff", str(HOSTILE), str(MINIMAL)],
    ["audit", str(PAGE)],
]


def hostile_tree() -> object:
    tree = read_plain(SHIPPED)
    for path, mapping, key, shape in list(fields(tree)):
        if (mapping, key) in MEANINGFUL or (shape != "text" and key not in ("shares", "footnotes")):
            continue
        if key == "shares" or (mapping, key) == ("file", "footnotes"):  # keys are text too: answers, marks
            parent = get(tree, path[:-1])
            parent[PREFIX + str(path[-1])] = parent.pop(path[-1])
            if key == "footnotes":
                put(tree, (*path[:-1], PREFIX + str(path[-1])), PREFIX + parent[PREFIX + str(path[-1])])
            continue
        put(tree, path, PREFIX + get(tree, path))  # metric footnotes and headline_answer: marks, answers
    return tree


def test_every_text_field_of_the_fixture_begins_with_a_command() -> None:
    tree = read_plain(HOSTILE)
    texts = [
        (path, key)
        for path, mapping, key, shape in fields(tree)
        if shape == "text" and (mapping, key) not in MEANINGFUL
    ]
    assert len(texts) > 300
    assert [path for path, _ in texts if not str(get(tree, path)).startswith(PREFIX)] == []
    keys = {key for _, key in texts}
    assert {"title", "headline", "name", "name_en", "aliases", "description", "category", "text", "note"} <= keys


def lines_people_read(outcome: Outcome) -> list[str]:
    return [line for line in (outcome.out + outcome.err).splitlines() if COMMAND.match(line)]


@pytest.mark.parametrize("actions", ["true", ""])
@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(Path(a).name for a in args))
def test_no_line_starts_a_workflow_command(args: list[str], actions: str) -> None:
    env = {"GITHUB_ACTIONS": actions} if actions else None
    file = [] if args[0] in ("diff",) else ["--file", str(HOSTILE)]
    outcome = run_process(*args, *file, env=env)
    assert outcome.code in (0, 1), outcome.err
    if args[0] != "changes":  # (changes shows ids and figures only)
        assert ":error::" in outcome.out  # the data is shown…
    github = "--format github" in " ".join(args) or (args == ["verify"] and actions)
    for line in lines_people_read(outcome):  # …and only dgcli's own annotations are commands
        assert github and ANNOTATION.match(line), line
        assert "##[" not in line, line


def test_data_errors_name_data_inertly(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(HOSTILE.read_text(encoding="utf-8").replace("value: ", "vaule: ", 1), encoding="utf-8")
    for env in ({"GITHUB_ACTIONS": "true"}, None):
        outcome = run_process("show", "::error::x", "--file", str(broken), env=env)
        assert outcome.code == 2
        assert [line for line in lines_people_read(outcome) if not ANNOTATION.match(line)] == []
    unknown = run_process("show", "\n::error::x ##[group]", "--file", str(HOSTILE))
    assert unknown.code == 2 and "::error::x" in unknown.err and not lines_people_read(unknown)


def test_json_stays_exact() -> None:
    outcome = run_process("show", "mynacard", "--json", "--file", str(HOSTILE), env={"GITHUB_ACTIONS": "true"})
    assert json.loads(outcome.out)["name"] == PREFIX + "マイナンバーカード"


def test_the_docs_say_how_to_print_json_safely() -> None:
    docs = (Path(__file__).resolve().parents[1] / "docs" / "outputs.md").read_text(encoding="utf-8")
    assert "::stop-commands::" in docs and "--json" in docs


if __name__ == "__main__":
    dump(hostile_tree(), HOSTILE)
    text = HOSTILE.read_text(encoding="utf-8")
    HOSTILE.write_text(
        f"# Every text field of the shipped file begins with {PREFIX} (issue 17).\n{text}", encoding="utf-8"
    )
    sys.exit(0)
