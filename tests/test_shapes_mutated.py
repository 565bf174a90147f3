"""An audit never passes a wrong transcription of a page of the shapes corpus (issue #16).

Each page of tests/data/pages/shapes/ is drafted; the draft is then mistranscribed the ways a person
does — two figures of one unit exchanged (two periods of a history, or two series), one figure's
digit changed — and audited against its page: each such file must be reported (mistyped, misplaced
or missing), never clean. A mistranscription the loader refuses is reported too (a located error).
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
import yaml

from dgcli.data.loader import load_dataset
from dgcli.errors import DataError
from dgcli.page.audit import audit
from dgcli.page.draft import draft

SHAPES = Path(__file__).resolve().parent / "data" / "pages" / "shapes"
PAGES = sorted(yaml.safe_load((SHAPES / "expected.yaml").read_text(encoding="utf-8")))
_LINE = re.compile(r"^\s+(?:- )?([^:\n]+): ([^\n]*[0-9][^\n]*)$", re.MULTILINE)
_NO_FIGURE = {"period", "text", "note", "id", "from", "to", "name", "title", "unverifiable", "description"}
_NO_FIGURE |= {"category", "headline", "source", "aliases", "metric", "share", "url", "publisher", "since", "name_en"}


def _figures(text: str) -> list[tuple[int, int, str]]:
    """Where each figure of the draft stands (values, answers' shares, claims' stated): (start, end, figure)."""
    offset = text.index("\nsections:")
    found = []
    for match in _LINE.finditer(text, offset):
        if match[1] not in _NO_FIGURE and not match[2].startswith(("todo-", "[", '"')):
            found.append((match.start(2), match.end(2), match[2]))
    return found


def _unit(figure: str) -> str:
    return re.sub(r"[0-9.,万億▲]", "", figure)


def _reported(page: str, text: str, name: str) -> bool:
    try:
        dataset = load_dataset(Path(name), file=name, text=text)
    except DataError:
        return True  # the loader refuses it, with its line: not clean either
    return not audit(page, dataset, page_file=name).clean


def _mutants(text: str) -> list[tuple[str, str]]:
    figures = _figures(text)
    out = []
    for (s1, e1, a), (s2, e2, b) in itertools.pairwise(figures):
        if a != b and _unit(a) == _unit(b):  # two neighbours of one unit exchanged
            out.append((f"{a} <-> {b}", text[:s1] + b + text[e1:s2] + a + text[e2:]))
    for start, end, figure in figures:  # one digit changed: 1,250万件 → 1,260万件
        digits = [i for i, c in enumerate(figure) if c.isdigit()]
        if digits:
            i = digits[-1] if len(digits) == 1 else digits[-2]
            changed = figure[:i] + str((int(figure[i]) + 1) % 10) + figure[i + 1 :]
            out.append((f"{figure} -> {changed}", text[:start] + changed + text[end:]))
    return out


@pytest.mark.parametrize("name", PAGES)
def test_a_mistranscribed_draft_is_never_clean(name: str) -> None:
    page = (SHAPES / name).read_text(encoding="utf-8")
    text = draft(page, name)
    mutants = _mutants(text)
    assert mutants, "the draft holds figures to mistranscribe"
    passed = [what for what, mutant in mutants if not _reported(page, mutant, name)]
    assert passed == []
