"""Renderers: every format implements every view; escaping makes data inert."""

from __future__ import annotations

import pytest

from dgcli.claims import CHECKERS
from dgcli.model import ClaimKind
from dgcli.render import FORMATS, renderer, safe
from dgcli.render.github import annotation, escape_data, escape_property

VIEWS = ("list_view", "show_view", "changes_view", "verify_view")


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_has_every_view(name: str) -> None:
    module = renderer(name)
    assert all(callable(getattr(module, view, None)) for view in VIEWS)


def test_every_claim_kind_has_a_checker() -> None:
    assert set(CHECKERS) == set(ClaimKind)


def test_json_renderer_does_not_import_rich() -> None:
    import subprocess
    import sys

    code = "import sys, dgcli.render.jsonfmt, dgcli.cli; print('rich' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("raw", "data", "prop"),
    [
        ("100%", "100%25", "100%25"),
        ("a\nb\rc", "a%0Ab%0Dc", "a%0Ab%0Dc"),
        ("x: y, z", "x: y, z", "x%3A y%2C z"),
        ("::error::x", "::error::x", "%3A%3Aerror%3A%3Ax"),
    ],
)
def test_github_escaping(raw: str, data: str, prop: str) -> None:
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


def test_an_annotation_is_one_line_whatever_the_data() -> None:
    line = annotation("error", "a,b:c.yaml", 3, "t\nitle", "m\n::error::x")
    assert "\n" not in line
    assert line.startswith("::error file=a%2Cb%3Ac.yaml,line=3,title=t%0Aitle::")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[31mred", "\\u001b[31mred"),
        ("a\u202eb", "a\\u202eb"),
        ("マイナ [red]", "マイナ [red]"),
        ("tab\tx", "tab\\u0009x"),
    ],
)
def test_safe_neutralises_terminal_controls(text: str, shown: str) -> None:
    assert safe(text) == shown
