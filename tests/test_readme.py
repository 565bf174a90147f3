"""The README's console examples are real: each is run through the installed script and compared.

A block's lines before a "  …" line must be the output's first lines, and the lines after it its
last lines. ``# COLUMNS=N`` on the command line sets the width (100 otherwise); ``edited.yaml`` and
``typo.yaml`` are the edits the README describes, ``progress-2024.txt`` the seed page.
After a deliberate change of output, ``python tests/test_readme.py`` rewrites the examples (and the
tables generated from the key and kind tables, which tests/test_fileformat.py checks).
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # run as a script, conftest is not imported for us

from conftest import DATA, ROOT, SEED_DIR, SHIPPED_TEXT, republish, run_bash
from dgcli.fileformat import markdown
from test_audit import seed_page

README_FILE = ROOT / "README.md"
README = README_FILE.read_text(encoding="utf-8")
EXAMPLE = re.compile(r"^\$ (.*)\n((?:(?!\$ |```).*\n)*)", re.M)
EXAMPLES = [
    (match[1].strip(), match[2])
    for block in re.findall(r"```console\n(.*?)```", README, re.S)
    for match in EXAMPLE.finditer(block)
]


def make_workdir(here: Path) -> Path:
    (here / "indicators.yaml").write_text(SHIPPED_TEXT, encoding="utf-8")
    edited = republish(SHIPPED_TEXT.replace("value: 6,484万件", "value: 6,485万件"), "stated: 14%\n", "stated: 15%\n")
    (here / "edited.yaml").write_text(edited, encoding="utf-8")
    (here / "typo.yaml").write_text(SHIPPED_TEXT.replace("value: 876万件", "value: 867万件"), encoding="utf-8")
    (here / "tests" / "data").mkdir(parents=True)
    shutil.copy(DATA / "editions.yaml", here / "tests" / "data" / "editions.yaml")
    seeds = sorted(SEED_DIR.glob("*.txt"))
    if seeds:  # only the audit examples need the seed page; they ask for it themselves
        shutil.copy(seeds[0], here / "progress-2024.txt")
    return here


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_workdir(tmp_path_factory.mktemp("readme"))


def run_example(command: str, workdir: Path) -> list[str]:
    columns = re.search(r"# COLUMNS=(\d+)", command)
    script = command.split("  #")[0].strip().replace("dgcli", '"$DGCLI"', 1)
    env = {"COLUMNS": columns[1] if columns else "100", "NO_COLOR": "1"}
    outcome = run_bash(f"{script} 2>&1 || true", env=env, cwd=workdir)
    return outcome.out.lstrip("\ufeff").replace("\r\n", "\n").rstrip("\n").split("\n")


def split_shown(shown: str) -> tuple[list[str], list[str] | None]:
    """The lines shown before an elision ("  …") and after it (None: nothing elided)."""
    lines = shown.rstrip("\n").split("\n")
    if "  …" not in lines:
        return lines, None
    cut = lines.index("  …")
    return lines[:cut], lines[cut + 1 :]


def test_the_readme_has_examples() -> None:
    assert len(EXAMPLES) >= 10


@pytest.mark.parametrize(("command", "shown"), EXAMPLES, ids=[c.split("  #")[0] for c, _ in EXAMPLES])
def test_each_console_example_prints_what_the_readme_shows(command: str, shown: str, workdir: Path) -> None:
    if "progress-2024.txt" in command:
        seed_page()  # fails in CI, skips elsewhere, when ../shared/seed is missing
    printed = run_example(command, workdir)
    head, tail = split_shown(shown)
    assert printed[: len(head)] == head, "python tests/test_readme.py rewrites the README's examples"
    if tail is None:
        assert printed == head
    elif tail:
        assert printed[-len(tail) :] == tail


def rewrite() -> None:
    """Replace each example's output in README.md with what the command prints now (elisions kept)."""
    with tempfile.TemporaryDirectory() as scratch:
        here = make_workdir(Path(scratch))

        def example(match: re.Match[str]) -> str:
            printed = run_example(match[1].strip(), here)
            head, tail = split_shown(match[2])
            if tail is not None:
                printed = printed[: len(head)] + ["  …"] + (printed[len(printed) - len(tail) :] if tail else [])
            gap = len(match[2]) - len(match[2].rstrip("\n")) - 1  # blank lines before the next command
            return f"$ {match[1]}\n" + "".join(f"{line}\n" for line in printed) + "\n" * max(gap, 0)

        def block(match: re.Match[str]) -> str:
            return "```console\n" + EXAMPLE.sub(example, match[1]) + "```"

        text = re.sub(r"```console\n(.*?)```", block, README, flags=re.S)
    keys, kinds = markdown().split("\n\n", 1)
    for name, table in (("keys", keys), ("kinds", kinds)):
        text = re.sub(
            rf"(<!-- {name}:begin[^>]*-->\n).*?(\n<!-- {name}:end -->)",
            lambda match, table=table: match[1] + table.rstrip("\n") + match[2],
            text,
            flags=re.S,
        )
    README_FILE.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    rewrite()
