"""Linear error reporting (issue 17, point 6): did-you-mean only for the problems printed, against an
index of the known names built once (benchmarks/typos.py measures the time)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import SHIPPED_TEXT
from dgcli.data.loader import Suggestions, load_dataset
from dgcli.errors import SHOWN, DataError


def typo_file(tmp_path: Path, count: int) -> Path:
    """The shipped file with ``count`` claims naming their metric with a typo (mynacard → mynacrad)."""
    claims = "".join(
        f"""          - id: typo-{index}
            kind: restatement
            text: 9,308万枚
            metric: mynacrad
            stated: 9,308万枚
"""
        for index in range(count)
    )
    anchor = "        claims:\n          - id: mynacard-restated\n"
    assert SHIPPED_TEXT.count(anchor) == 1
    path = tmp_path / "typos.yaml"
    path.write_text(SHIPPED_TEXT.replace(anchor, "        claims:\n" + claims + anchor[len("        claims:\n") :]))
    return path


def test_only_the_problems_shown_get_a_suggestion(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    closest = Suggestions.closest

    def counting(self: Suggestions, name: str, known: object) -> str | None:
        asked.append(name)
        return closest(self, name, known)  # type: ignore[arg-type]

    monkeypatch.setattr(Suggestions, "closest", counting)
    with pytest.raises(DataError) as raised:
        load_dataset(typo_file(tmp_path, SHOWN + 30))
    problems = raised.value.problems
    assert len(problems) == SHOWN + 30
    assert all("unknown metric 'mynacrad' (did you mean 'mynacard'?)" in p.message for p in problems[:SHOWN])
    assert all(p.message == "unknown metric 'mynacrad'" for p in problems[SHOWN:])
    assert len(asked) == SHOWN


def test_the_index_of_names_is_built_once() -> None:
    suggestions = Suggestions()
    known = {f"metric-{i}": i for i in range(1000)}
    built = []
    index = suggestions._index

    def counting(names: object) -> object:
        built.append(names)
        return index(names)  # type: ignore[arg-type]

    suggestions._index = counting  # type: ignore[method-assign]
    assert suggestions.hint("metirc-7", known) == " (did you mean 'metric-7'?)"
    assert suggestions.hint("metric-99x", known).startswith(" (did you mean")
    assert len(built) == 2 and len(suggestions._indexes) == 1


def test_a_misspelt_required_key_is_still_not_reported_missing(tmp_path: Path) -> None:
    path = tmp_path / "misspelt.yaml"
    path.write_text(re.sub(r"(\n\s+)value: 9,308万枚", r"\1vaule: 9,308万枚", SHIPPED_TEXT, count=1))
    with pytest.raises(DataError) as raised:
        load_dataset(path)
    messages = [p.message for p in raised.value.problems]
    assert messages == ["unknown key 'vaule' (did you mean 'value'?)"]
