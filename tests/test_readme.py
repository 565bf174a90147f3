"""The console examples of the README and docs/ are real: each is run through the installed script and compared.

A block's lines before a "  …" line must be the output's first lines, and the lines after it its
last lines. ``# COLUMNS=N`` on the command line sets the width (100 otherwise). The inputs the
examples name ship under examples/ so a reader can run them: ``edited.yaml`` and ``typo.yaml`` are the
edits the README describes (derived from indicators.yaml: a test keeps them so), ``progress-2024.txt``
a copy of the seed page.
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

from conftest import DATA, ROOT, SEED_DIR, SHIPPED_TEXT, run_bash
from dgcli.data.fileformat import markdown

DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
DOCS_TEXT = "\n".join(document.read_text(encoding="utf-8") for document in DOCUMENTS)
EXAMPLE = re.compile(r"^\$ (.*)\n((?:(?!\$ |```).*\n)*)", re.M)
EXAMPLES = [
    (f"{document.relative_to(ROOT)}: {match[1].strip()}", match[1].strip(), match[2])
    for document in DOCUMENTS
    for block in re.findall(r"```console\n(.*?)```", document.read_text(encoding="utf-8"), re.S)
    for match in EXAMPLE.finditer(block)
]


EXAMPLES_DIR = ROOT / "examples"


def example_files() -> dict[str, str]:
    """examples/'s YAML files as derived from the shipped file (the edits the README describes)."""
    edited = (
        SHIPPED_TEXT.replace("value: 6,484万件", "value: 6,485万件")
        .replace("text: 2023年7月から14%増加しました\n", "text: 2023年7月から15%増加しました\n")
        .replace("stated: 14%\n", "stated: 15%\n")
    )
    return {"edited.yaml": edited, "typo.yaml": SHIPPED_TEXT.replace("value: 876万件", "value: 867万件")}


def make_workdir(here: Path) -> Path:
    (here / "indicators.yaml").write_text(SHIPPED_TEXT, encoding="utf-8")
    shutil.copytree(EXAMPLES_DIR, here / "examples")
    (here / "tests" / "data").mkdir(parents=True)
    shutil.copy(DATA / "editions.yaml", here / "tests" / "data" / "editions.yaml")
    return here


def test_the_shipped_examples_are_what_the_readme_describes() -> None:
    for name, text in example_files().items():
        assert (EXAMPLES_DIR / name).read_text(encoding="utf-8") == text, "python tests/test_readme.py rewrites them"
    seeds = sorted(SEED_DIR.glob("*.txt"))
    if seeds:
        assert (EXAMPLES_DIR / "progress-2024.txt").read_bytes() == seeds[0].read_bytes()
    named = {m for _, command, _ in EXAMPLES for m in re.findall(r"examples/[\w.-]+", command)}
    assert named and all((ROOT / name).is_file() for name in named)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_workdir(tmp_path_factory.mktemp("readme"))


def test_the_digit_cap_is_documented_as_it_is() -> None:
    from dgcli.text.numbers import MAX_DIGITS

    assert f"exact up to {MAX_DIGITS:,} digits" in DOCS_TEXT and "of any length" not in DOCS_TEXT


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


@pytest.mark.parametrize(("where", "command", "shown"), EXAMPLES, ids=[w.split("  #")[0] for w, _, _ in EXAMPLES])
def test_each_console_example_prints_what_the_docs_show(where: str, command: str, shown: str, workdir: Path) -> None:
    printed = run_example(command, workdir)
    head, tail = split_shown(shown)
    assert printed[: len(head)] == head, "python tests/test_readme.py rewrites the README's examples"
    if tail is None:
        assert printed == head
    elif tail:
        assert printed[-len(tail) :] == tail


def rewrite() -> None:
    """Replace each example's output in README.md and docs/ with what the command prints now (elisions
    kept), after writing examples/ afresh from the shipped file and the seed page."""
    for name, text in example_files().items():
        (EXAMPLES_DIR / name).write_text(text, encoding="utf-8")
    seeds = sorted(SEED_DIR.glob("*.txt"))
    if seeds:
        shutil.copy(seeds[0], EXAMPLES_DIR / "progress-2024.txt")
    for document in DOCUMENTS:
        document.write_text(rewritten(document.read_text(encoding="utf-8")), encoding="utf-8")


def rewritten(text: str) -> str:
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

        text = re.sub(r"```console\n(.*?)```", block, text, flags=re.S)
    keys, kinds = markdown().split("\n\n", 1)
    for name, table in (("keys", keys), ("kinds", kinds)):
        text = re.sub(
            rf"(<!-- {name}:begin[^>]*-->\n).*?(\n<!-- {name}:end -->)",
            lambda match, table=table: match[1] + table.rstrip("\n") + match[2],
            text,
            flags=re.S,
        )
    return text


if __name__ == "__main__":
    rewrite()
