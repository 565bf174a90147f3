"""diff sees every published field (issue 17, point 5).

One edit per key of the format, generated FROM THE FORMAT'S OWN TABLE (fileformat.MAPPINGS): for
each key, the first occurrence in the corpus (the shipped file, minimal.yaml in version 1 and
every_key.yaml) whose edit still loads is edited, and ``diff --exit-code`` must exit 1 and name it. A
key added to the format without a way to edit it, or without diff seeing it, fails here.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA, MINIMAL, SHIPPED, Outcome
from dgcli.check.diff import diff
from dgcli.data.fileformat import MAPPINGS
from dgcli.data.kinds import ClaimKind
from dgcli.data.loader import load_dataset
from dgcli.data.published import BY_MEANING
from dgcli.errors import DataError
from dgcli.text.periods import parse_period
from formatwalk import dump, get, put, read_plain

Run = Callable[..., Outcome]
CORPUS = (DATA / "every_key.yaml", MINIMAL, SHIPPED)
# Keys a dedicated test covers instead, with the test's name.
ELSEWHERE = {("file", "schema_version"): "test_format_version_and_a_renamed_source_are_reported_once"}
ROUNDINGS = ["half_up", "down", "up", "nearest", "四捨五入", "切り捨て"]
Path_ = tuple[str | int, ...]


def occurrences(tree: dict[str, Any], mapping: str = "file", at: Path_ = ()) -> Iterator[tuple[Path_, str, str]]:
    """(path, mapping, key) of every key present, in file order, nested mappings included."""
    for key, value in tree.items():
        spec = MAPPINGS[mapping].get(key)
        if spec is None:
            continue
        yield (*at, key), mapping, key
        kind, _, inner = spec.shape.partition(":")
        if kind == "list" and isinstance(value, list):
            for index, element in enumerate(value):
                if isinstance(element, dict) and inner in MAPPINGS:
                    yield from occurrences(element, inner, (*at, key, index))
        elif kind == "map" and isinstance(value, dict):
            yield from occurrences(value, inner, (*at, key))
        elif spec.shape == "at" and isinstance(value, dict):
            yield from occurrences(value, "at", (*at, key))


def seen_values(tree: dict[str, Any], mapping: str, key: str) -> list[Any]:
    return [get(tree, path) for path, m, k in occurrences(tree) if (m, k) == (mapping, key)]


def bump_digit(text: str, by: int) -> str | None:
    digits = [m.start() for m in re.finditer(r"[0-9]", text)]
    if not digits:
        return None
    index = digits[-1]
    return text[:index] + str((int(text[index]) + by) % 10) + text[index + 1 :]


class Rename:
    """An edit of the whole file: every occurrence of a name (an id and its references, an answer)."""

    def __init__(self, old: str, new: str) -> None:
        self.old, self.new = old, new

    def __repr__(self) -> str:
        return f"Rename({self.old!r} → {self.new!r})"

    def apply(self, node: Any) -> Any:
        if isinstance(node, dict):
            return {(self.new if k == self.old else k): self.apply(v) for k, v in node.items()}
        if isinstance(node, list):
            return [self.apply(v) for v in node]
        return self.new if node == self.old else node


def edits(tree: dict[str, Any], mapping: str, key: str, value: Any) -> Iterator[Any]:
    """Candidate new values for one key, by its shape; the caller keeps the first that loads."""
    shape = MAPPINGS[mapping][key].shape
    others = [v for v in seen_values(tree, mapping, key) if v != value]
    if isinstance(value, str):
        if shape == "text":
            yield value + "（改）"
        elif shape in ("figure", "count"):
            yield from (v for by in (1, 9, 2) if (v := bump_digit(value, by)) is not None)
        elif shape == "bool":
            yield "false" if value == "true" else "true"
        elif shape == "rounding":
            yield from (r for r in ROUNDINGS if r != value)
        elif shape == "direction":
            yield "down" if value == "up" else "up"
        elif shape == "time":
            yield from (t for t in ("stock", "flow", "auto") if t != value)
        elif shape == "kind":
            yield from (k.value for k in ClaimKind if k.value != value)
        yield from others
        if shape in ("period", "at"):
            yield parse_period(value).key  # the same period written another way (2023年7月 → 2023-07)
            yield from (v for by in (9, 1) if (v := bump_digit(value, by)) is not None)
        if shape == "id":
            yield value + "-x"
            yield Rename(value, value + "-x")  # with every reference to it
        if (mapping, key) == ("metric", "headline_answer"):
            yield Rename(value, value + "（改）")  # with the answer it names
    elif isinstance(value, list):
        yield from others
        if len(value) > 1:
            yield value[:-1]
            yield value[::-1]
        if value and isinstance(value[-1], dict):
            extra = {k: v for k, v in copy.deepcopy(value[-1]).items() if k not in ("claims", "aliases")}
            if "id" in extra:
                extra["id"] += "-x"
            yield [*value, extra]
        elif value:
            yield [*value, value[-1] + "（追加）"]
            yield [*value, *(o for o in others if isinstance(o, str))]
        else:
            yield ["（追加）"]
    elif isinstance(value, dict):
        first = next(iter(value))
        if shape.startswith("pairs:"):  # change one entry's value, then rename its key
            entry = value[first]
            for new in edits_of_scalar(entry, shape.removeprefix("pairs:")):
                yield {**value, first: new}
            yield {(k + "（改）" if k == first else k): v for k, v in value.items()}
        else:
            inner = "at" if shape == "at" else shape.partition(":")[2]
            for sub, entry in value.items():
                if sub in MAPPINGS[inner] and isinstance(entry, str):
                    for new in edits(tree, inner, sub, entry):
                        yield new if isinstance(new, Rename) else {**value, sub: new}


def edits_of_scalar(value: Any, shape: str) -> Iterator[Any]:
    if isinstance(value, str):
        if shape == "text":
            yield value + "（改）"
        else:
            yield from (v for by in (1, 9) if (v := bump_digit(value, by)) is not None)


def loads(path: Path) -> bool:
    try:
        load_dataset(path)
    except DataError:
        return False
    return True


def edited_copy(tmp_path: Path, mapping: str, key: str) -> tuple[Path, Path, Any, Any] | None:
    """(old file, new file, old value, new value) for the first valid edit of ``key``."""
    for number, source in enumerate(CORPUS):
        tree = read_plain(source)
        old = dump(tree, tmp_path / f"old-{number}.yaml")
        assert loads(old)
        for path, m, k in list(occurrences(tree))[:4000]:
            if (m, k) != (mapping, key):
                continue
            value = get(tree, path)
            for attempt, new_value in enumerate(edits(tree, mapping, key, value)):
                if attempt > 12:
                    break
                if new_value == value:
                    continue
                if isinstance(new_value, Rename):
                    changed = new_value.apply(tree)
                else:
                    changed = copy.deepcopy(tree)
                    put(changed, path, new_value)
                    # A publication that printed another figure or direction: its words print it too
                    # (a claim's text must agree with its transcription).
                    claim = get(changed, path[:-1])
                    if key == "stated":
                        claim["text"] = claim["text"].replace(value, new_value)
                    elif key == "direction" and isinstance(claim.get("text"), str):
                        claim["text"] = re.sub("上昇|低下|増|減", lambda m: SWAPPED[m[0]], claim["text"])
                new = dump(changed, tmp_path / "new.yaml")
                if loads(new):
                    return old, new, value, new_value
    return None


SWAPPED = {"増": "減", "減": "増", "上昇": "低下", "低下": "上昇"}  # the words of a fall for a rise
KEYS = [(mapping, key) for mapping, keys in MAPPINGS.items() for key in keys if (mapping, key) not in ELSEWHERE]


def test_the_table_is_what_the_test_walks() -> None:
    assert len(KEYS) + len(ELSEWHERE) == sum(len(keys) for keys in MAPPINGS.values()) > 60
    assert all(name in globals() for name in ELSEWHERE.values())  # the tests that cover the rest


@pytest.mark.parametrize(("mapping", "key"), KEYS, ids=[f"{m}.{k}" for m, k in KEYS])
def test_diff_reports_an_edit_of_every_field(run: Run, tmp_path: Path, mapping: str, key: str) -> None:
    found = edited_copy(tmp_path, mapping, key)
    assert found is not None, f"no edit of {mapping}.{key} loads: teach edits() this key's shape"
    old, new, was, now = found
    outcome = run("diff", str(old), str(new), "--exit-code")
    assert outcome.code == 1, f"{mapping}.{key}: {was!r} → {now!r} not reported:\n{outcome.out}"
    report = diff(load_dataset(old, keep_tree=True), load_dataset(new, keep_tree=True))
    assert report.differences
    if key not in BY_MEANING.get(mapping, frozenset()) and mapping not in ("at", "of", "part", "item"):
        # compared as written: the difference names the key
        assert any(d.subject.endswith(f": {key}") for d in report.differences), [
            (d.kind, d.subject) for d in report.differences
        ]
    document = json.loads(run("diff", str(old), str(new), "--json").out)
    assert document["differ"] is True and document["differences"]


def test_format_version_and_a_renamed_source_are_reported_once(run: Run) -> None:
    # minimal.yaml (version 1, its source named "main") and minimal_v2.yaml: the same data in version 2.
    outcome = run("diff", str(MINIMAL), str(DATA / "minimal_v2.yaml"), "--json", "--exit-code")
    document = json.loads(outcome.out)
    assert outcome.code == 1
    assert [(d["kind"], d["old"], d["new"]) for d in document["differences"]] == [
        ("format-version", "1", "2"),
        ("source-renamed", "main", "test-report"),
    ]


def test_a_source_renamed_in_the_shipped_file_is_one_difference(run: Run, tmp_path: Path) -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    renamed = tmp_path / "renamed.yaml"
    renamed.write_text(re.sub(r"\bprogress-2024\b", "report-2024", text), encoding="utf-8")
    assert text.count("progress-2024") >= 1
    document = json.loads(run("diff", str(SHIPPED), str(renamed), "--json").out)
    assert [(d["kind"], d["old"], d["new"]) for d in document["differences"]] == [
        ("source-renamed", "progress-2024", "report-2024")
    ]


def test_a_metric_moved_to_another_section(run: Run, tmp_path: Path) -> None:
    tree = read_plain(SHIPPED)
    moved = tree["sections"][1]["metrics"].pop(0)
    tree["sections"][2]["metrics"].append(moved)
    old, new = dump(read_plain(SHIPPED), tmp_path / "old.yaml"), dump(tree, tmp_path / "new.yaml")
    document = json.loads(run("diff", str(old), str(new), "--json").out)
    moves = [d for d in document["differences"] if d["kind"] == "metric-moved"]
    assert [(d["subject"], d["old"], d["new"]) for d in moves] == [
        (moved["id"], tree["sections"][1]["id"], tree["sections"][2]["id"])
    ]


def test_standard_input_twice_is_a_usage_error(run: Run) -> None:
    outcome = run("diff", "-", "-")
    assert outcome.code == 2
    assert "standard input can be read once" in outcome.err and "empty" not in outcome.err
