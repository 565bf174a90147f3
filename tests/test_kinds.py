"""The claim kinds are declared once (kinds.KINDS) and checked once (claims.CHECKERS)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from dgcli.check.claims import CHECKERS
from dgcli.data.fileformat import MAPPINGS
from dgcli.data.kinds import KINDS, WRITTEN, ClaimKind, Stated

SOURCES = sorted((Path(__file__).resolve().parents[1] / "src" / "dgcli").rglob("*.py"))
# "direction" is also a key of the format (direction: up): only names that are nothing but a kind count.
NAMES = {kind.value for kind in ClaimKind} - set(MAPPINGS["claim"])


def test_every_kind_has_one_row_and_one_checker() -> None:
    assert list(KINDS) == list(ClaimKind)
    assert set(CHECKERS) == set(ClaimKind)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_no_kind_is_named_by_a_string_outside_its_enum(path: Path) -> None:
    # A kind written as "point_change" in code escapes the table: a renamed or new kind would
    # silently miss that place. Code names kinds as ClaimKind members and asks KINDS about them.
    if path.name == "kinds.py":
        return  # the enum itself
    tree = ast.parse(path.read_text(encoding="utf-8"))
    # A dict literal's keys are field names of an output ({"percent_change": …} in changes' JSON).
    keys = {id(key) for node in ast.walk(tree) if isinstance(node, ast.Dict) for key in node.keys if key}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in keys:
            assert node.value not in NAMES, f"{path.name}:{node.lineno}: {node.value!r} (use ClaimKind and KINDS)"


def test_what_a_written_kind_declares_is_consistent() -> None:
    for kind in WRITTEN:
        spec = KINDS[kind]
        assert spec.needs <= spec.accepted, kind
        assert set(spec.divisor) <= spec.accepted, kind
        assert (spec.stated is Stated.NONE) == ("stated" not in spec.accepted), kind
        assert spec.min_metrics == 1 or "metrics" in spec.accepted, kind
        if spec.signed:  # a change from a baseline: it needs the baseline and reads its words' direction
            assert "from" in spec.needs and spec.worded_direction, kind
    assert {kind for kind, spec in KINDS.items() if spec.implied} == {ClaimKind.DISTRIBUTION_SUM, ClaimKind.AGREEMENT}
