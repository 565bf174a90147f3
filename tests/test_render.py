"""Renderers: the registry matches what each format module serves; escaping makes data inert."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from rich.cells import cell_len

from dgcli.check.claims import CHECKERS
from dgcli.data.kinds import KINDS, ClaimKind
from dgcli.render import FORMATS, Views, safe, views
from dgcli.render.github import annotation, escape_data, escape_property
from dgcli.render.text import wrap


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_the_registry_says_what_each_format_serves(name: str) -> None:
    served = {command for command in Views.COMMANDS if getattr(views(name), command) is not None}
    assert served == set(FORMATS[name].commands)


def test_every_command_has_a_text_or_machine_format() -> None:
    for command in Views.COMMANDS:
        assert any(command in spec.commands for spec in FORMATS.values()), command


def test_every_claim_kind_is_declared_once_and_has_a_checker() -> None:
    assert set(KINDS) == set(ClaimKind) == set(CHECKERS)


@pytest.mark.parametrize(
    "module",
    ["dgcli.render.jsonfmt", "dgcli.render.github", "dgcli.render.sarif", "dgcli.render.junit", "dgcli.render.csvfmt"],
)
def test_machine_formats_do_not_import_rich(module: str) -> None:
    code = f"import sys, dgcli.cli, {module}; print(sorted(m for m in sys.modules if m.startswith('rich')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


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
    line = annotation("error", "a,b:c.yaml", 3, 5, "t\nitle", "m\n::error::x")
    assert "\n" not in line
    assert line.startswith("::error file=a%2Cb%3Ac.yaml,line=3,col=5,title=t%0Aitle::")


def test_an_annotation_without_a_file_names_none() -> None:
    assert annotation("warning", None, 3, 5, "t", "m") == "::warning title=t::m"


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


@given(
    st.lists(
        st.sampled_from(["9,308万枚", "国民", "の", " ", "–", "[12,327.81万", "]", "、", "「", "」", "at", "2024-07;"]),
        max_size=40,
    ),
    st.integers(min_value=8, max_value=60),
)
@example(["国民", "国民", " ", "at"], 8)  # a line exactly full, then a blank: the blank must not lead the next
def test_wrap_keeps_width_and_starts_no_line_with_a_blank(pieces: list[str], width: int) -> None:
    text = "".join(pieces).strip()
    lines = wrap(text, width)
    assert all(cell_len(line) <= width for line in lines)
    assert not any(line[:1].isspace() for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost, nothing added
