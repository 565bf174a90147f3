"""Shared fixtures: the shipped file, the small test files, and an in-process CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from dgcli.cli import main
from dgcli.model import Dataset
from dgcli.schema import load_dataset

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "indicators.yaml"
DATA = Path(__file__).resolve().parent / "data"
MINIMAL = DATA / "minimal.yaml"
SEED_DIR = ROOT.parent / "shared" / "seed"


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str


@pytest.fixture(scope="session")
def shipped() -> Dataset:
    return load_dataset(SHIPPED)


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Outcome]:
    """Run dgcli in-process through ``main`` (its error mapping included) and capture its streams."""

    def invoke(*args: str, env: dict[str, str] | None = None) -> Outcome:
        for name in ("DGCLI_FILE", "GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR", "DGCLI_DEBUG"):
            monkeypatch.delenv(name, raising=False)
        for name, value in (env or {}).items():
            monkeypatch.setenv(name, value)
        code = main(list(args))
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    return invoke


def run_process(*args: str, env: dict[str, str] | None = None, shell: str | None = None) -> Outcome:
    """Run dgcli as a real subprocess (``python -m dgcli``), or a shell pipeline using it."""
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS")}
    environment.update(env or {})
    command: list[str] | str = shell if shell is not None else [sys.executable, "-m", "dgcli", *args]
    completed = subprocess.run(
        command,
        shell=shell is not None,
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=False,
    )
    return Outcome(completed.returncode, completed.stdout, completed.stderr)
