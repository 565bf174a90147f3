"""Typer's private names stay in one module (dgcli.typer_compat), and this test fails when Typer
moves or reshapes them, so an upgrade breaks CI, not a user's run."""

from __future__ import annotations

import re
from pathlib import Path

import typer

import dgcli
from dgcli.typer_compat import ClickException, UsageError

SOURCE = Path(dgcli.__file__).parent


def test_the_private_names_are_the_bases_of_typers_public_errors() -> None:
    assert issubclass(typer.BadParameter, UsageError)
    assert issubclass(UsageError, ClickException)
    assert callable(UsageError("x").format_message) and UsageError("x").exit_code == 2


def test_a_usage_error_from_parsing_is_caught_as_one() -> None:
    from dgcli.cli import app

    try:
        typer.main.get_group(app).main(args=["show"], prog_name="dgcli", standalone_mode=False)
    except UsageError as error:
        assert "Missing argument" in error.format_message()
    else:
        raise AssertionError("a missing argument is no UsageError")


def test_no_other_module_names_typer_internals() -> None:
    private = re.compile(r"^\s*(from|import)\s+(typer\._|typer\.[a-z_]+\s+import\s+_|click\b)", re.MULTILINE)
    offenders = [
        path.relative_to(SOURCE).as_posix()
        for path in SOURCE.rglob("*.py")
        if path.name != "typer_compat.py" and private.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
