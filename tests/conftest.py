"""Shared fixtures: the shipped file, the small test files, an in-process runner and the installed script."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from dgcli.cli import main
from dgcli.data.loader import load_dataset
from dgcli.data.model import Dataset

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "indicators.yaml"
SHIPPED_TEXT = SHIPPED.read_text(encoding="utf-8")
DATA = Path(__file__).resolve().parent / "data"
MINIMAL = DATA / "minimal.yaml"
SEED_DIR = ROOT.parent / "shared" / "seed"
# The installed console script, as users run it (pip puts it beside the interpreter).
DGCLI = shutil.which("dgcli", path=str(Path(sys.executable).parent)) or shutil.which("dgcli") or "dgcli"


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str


if os.environ.get("MUTANT_UNDER_TEST"):  # scripts/mutation.sh: a cached result would hide the mutant

    @pytest.fixture(autouse=True)
    def _no_caches() -> None:
        from dgcli.text import intervals, numbers, periods

        intervals.figure_interval.cache_clear()
        periods._PARSED.clear()
        numbers._PLAIN = None  # compiled on first use: each test compiles the mutant's pattern


@pytest.fixture(scope="session")
def shipped() -> Dataset:
    return load_dataset(SHIPPED)


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Outcome]:
    """Run dgcli in-process through ``main`` (its error mapping included) and capture its streams."""

    def invoke(*args: str, env: dict[str, str] | None = None) -> Outcome:
        # CI is unset (.ci/run sets it): tests of the bundled copy mean an interactive run; CI tests set it.
        for name in ("DGCLI_FILE", "GITHUB_ACTIONS", "CI", "NO_COLOR", "FORCE_COLOR", "DGCLI_DEBUG", "COLUMNS"):
            monkeypatch.delenv(name, raising=False)
        for name, value in (env or {}).items():
            monkeypatch.setenv(name, value)
        code = main(list(args))
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    return invoke


def clean_environment(env: dict[str, str] | None = None) -> dict[str, str]:
    skip = ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "CI", "DGCLI_FILE", "COLUMNS", "DGCLI_DEBUG")
    environment = {k: v for k, v in os.environ.items() if k not in skip}
    environment.update(env or {})
    return environment


def run_process(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None, stdin: str | None = None
) -> Outcome:
    """Run the installed ``dgcli`` script as a real subprocess."""
    completed = subprocess.run(
        [DGCLI, *args],
        capture_output=True,
        text=True,
        env=clean_environment(env),
        cwd=cwd,
        input=stdin,
        timeout=120,
        check=False,
    )
    return Outcome(completed.returncode, completed.stdout, completed.stderr)


def run_bash(script: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> Outcome:
    """Run a bash script (pipefail on) in which ``$DGCLI`` is the installed script."""
    completed = subprocess.run(
        ["bash", "-c", f"set -o pipefail\n{script}"],
        capture_output=True,
        text=True,
        env=clean_environment({"DGCLI": DGCLI, **(env or {})}),
        cwd=cwd,
        timeout=120,
        check=False,
    )
    return Outcome(completed.returncode, completed.stdout, completed.stderr)


_STATED = re.compile(r"stated: (\S+)")


def republish(text: str, old: str, new: str) -> str:
    """``text`` with ``old`` (once) replaced by ``new``; when that changes a claim's ``stated:`` figure,
    the claim's ``text:`` prints the new figure too: the test means a publication that printed it
    (a stated figure its text does not print is a data error, tested in test_words.py)."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    at = text.index(old)
    text = text.replace(old, new)
    was, now = _STATED.search(old), _STATED.search(new)
    if was is None or now is None or was[1] == now[1]:
        return text
    claim_start = text.rfind("- id:", 0, at + now.start())
    text_line = re.compile(r"\n( *)text: ([^\n]*)").search(text, claim_start)
    if (
        text_line is None
        or text_line.start() > at + now.start()
        or was[1] not in text_line[2]
        or now[1] in text_line[2]
    ):
        return text  # no text before it, it does not print the old figure, or it was edited too
    line = text_line[0].replace(was[1], now[1], 1)
    return text[: text_line.start()] + line + text[text_line.end() :]


def edited(tmp_path: Path, *replacements: tuple[str, str], name: str = "indicators.yaml") -> Path:
    """The shipped file with each ``old`` (which must occur exactly once below the header comment,
    whose examples are left alone) replaced by ``new`` (see ``republish``)."""
    body_starts = SHIPPED_TEXT.index("\nschema_version:") + 1
    header, text = SHIPPED_TEXT[:body_starts], SHIPPED_TEXT[body_starts:]
    for old, new in replacements:
        text = republish(text, old, new)
    path = tmp_path / name
    path.write_text(header + text, encoding="utf-8")
    return path


Loader = Callable[..., Dataset]


# Screenshots and PDFs the browser tests save (tests/test_report_browser.py), named at the end of the run.
ARTEFACTS = Path(os.environ.get("DGCLI_ARTEFACTS") or ROOT / "tmp" / "artefacts")
SAVED: list[Path] = []


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if SAVED:
        terminalreporter.write_line(f"report screenshots and PDF ({len(SAVED)} files): {ARTEFACTS}")
