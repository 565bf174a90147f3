"""Shell completion (issue 17, point 1): candidates quoted for the shell that asks, one argument
each, and an alias that is shell code never runs, driven through a real interactive bash (a pty)."""

from __future__ import annotations

import os
import re
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import DATA, SHIPPED, clean_environment, run_process
from dgcli.completion import SHELLS, bash_quote, powershell_quote, split_line

HOSTILE = DATA / "hostile" / "completion.yaml"
BASH = shutil.which("bash")
ZSH = shutil.which("zsh")
FISH = shutil.which("fish")


def complete(shell: str, *, file: Path = HOSTILE, **env: str) -> list[str]:
    outcome = run_process(env={"_DGCLI_COMPLETE": shell, "DGCLI_FILE": str(file), **env})
    assert outcome.code == 0 and outcome.err == ""
    return outcome.out.splitlines()


def test_each_shell_gets_its_own_script() -> None:
    scripts = {}
    for shell in SHELLS:
        outcome = run_process("--show-completion", shell)
        assert outcome.code == 0, outcome.err
        scripts[shell] = outcome.out
        assert f"_DGCLI_COMPLETE={shell}" in outcome.out.replace('"', "").replace(
            "$Env:_DGCLI_COMPLETE = ", "_DGCLI_COMPLETE="
        )
    assert scripts["zsh"].startswith("#compdef dgcli") and "compadd" in scripts["zsh"]
    assert "complete -o default -F" in scripts["bash"]
    assert "complete --command dgcli" in scripts["fish"]
    assert "Register-ArgumentCompleter" in scripts["powershell"]
    assert len(set(scripts.values())) == len(SHELLS)
    wrong = run_process("--show-completion", "tcsh")
    assert wrong.code == 2 and "'tcsh' is not a shell dgcli completes" in wrong.err


def test_bash_candidates_are_one_escaped_word_each() -> None:
    offered = complete("bash", _DGCLI_LINE="dgcli show ", _DGCLI_CURRENT="")
    assert "card\\$\\(touch\\ /tmp/PWNED\\)" in offered
    assert "my\\ number\\ card" in offered
    assert "q\\`touch\\ PWNED\\`\\;x" in offered
    for candidate in offered:  # bash reads each back as exactly one word, the alias itself
        assert not re.search(r"(?<!\\)[\s$`;'\"()]", candidate), candidate


def test_a_quoted_word_and_a_word_cut_by_bash_complete_whole() -> None:
    assert complete("bash", _DGCLI_LINE="dgcli show 'my n", _DGCLI_CURRENT="'my n") == ["my number card"]
    # A value holding the quote the user opened is offered only to a word typed without quotes.
    assert complete("bash", _DGCLI_LINE="dgcli show 'z", _DGCLI_CURRENT="'z") == []
    assert complete("bash", _DGCLI_LINE='dgcli show "w', _DGCLI_CURRENT='"w') == []
    assert complete("bash", _DGCLI_LINE='dgcli show "z', _DGCLI_CURRENT='"z') == ["z'; touch PWNED; '"]
    # COMP_WORDBREAKS cuts "a:b" before ":"; bash replaces only "b", so the candidate drops "a:".
    assert complete("bash", _DGCLI_LINE="dgcli show a:b", _DGCLI_CURRENT="b") == ["b\\=c"]


def test_zsh_and_fish_get_raw_values_powershell_literals() -> None:
    zsh = complete("zsh", _DGCLI_WORDS="show", _DGCLI_INCOMPLETE="card")
    assert zsh == ["card$(touch /tmp/PWNED)"]  # compadd quotes what it inserts
    assert complete("fish", _DGCLI_WORDS="show", _DGCLI_INCOMPLETE="my n") == ["my number card"]
    assert complete("powershell", _DGCLI_WORDS="show", _DGCLI_INCOMPLETE="z") == [
        "'z''; touch PWNED; '''\tz'; touch PWNED; '"
    ]


def test_commands_options_and_format_values() -> None:
    assert complete("bash", _DGCLI_LINE="dgcli ch", _DGCLI_CURRENT="ch") == ["changes"]
    assert complete("zsh", _DGCLI_WORDS="verify\n--format", _DGCLI_INCOMPLETE="s") == ["sarif"]
    assert "--strict" in complete("fish", _DGCLI_WORDS="verify", _DGCLI_INCOMPLETE="--")


def test_completion_reads_the_file_named_on_the_line_and_never_fails_loudly(tmp_path: Path) -> None:
    assert complete("bash", _DGCLI_LINE=f"dgcli show --file {SHIPPED} myna", _DGCLI_CURRENT="myna")[0] == "mynacard"
    broken = tmp_path / "broken.yaml"
    broken.write_text("sections: [\n", encoding="utf-8")
    assert complete("bash", file=broken, _DGCLI_LINE="dgcli show ", _DGCLI_CURRENT="") == []
    assert complete("bash", file=tmp_path / "missing.yaml", _DGCLI_LINE="dgcli show x", _DGCLI_CURRENT="x") == []
    assert complete("nonsense", _DGCLI_WORDS="show") == []


def test_completion_reads_ids_and_aliases_without_validating(tmp_path: Path) -> None:
    # A file the loader refuses (an unknown claim kind) still completes: only ids and aliases are read.
    invalid = tmp_path / "invalid.yaml"
    invalid.write_text(HOSTILE.read_text(encoding="utf-8").replace("kind: share_of", "kind: shares_of"), "utf-8")
    assert run_process("list", "--file", str(invalid)).code == 2
    assert complete("zsh", file=invalid, _DGCLI_WORDS="show", _DGCLI_INCOMPLETE="my n") == ["my number card"]


@pytest.mark.parametrize(
    ("shell", "written"),
    [("bash", ".bash_completions/dgcli.sh"), ("zsh", ".zfunc/_dgcli"), ("fish", ".config/fish/completions/dgcli.fish")],
)
def test_install_completion_writes_that_shells_script(tmp_path: Path, shell: str, written: str) -> None:
    outcome = run_process("--install-completion", shell, env={"HOME": str(tmp_path)})
    assert outcome.code == 0, outcome.err
    assert (tmp_path / written).read_text(encoding="utf-8") == run_process("--show-completion", shell).out
    again = run_process("--install-completion", shell, env={"HOME": str(tmp_path)})
    assert again.code == 0
    rc = {"bash": ".bashrc", "zsh": ".zshrc"}.get(shell)
    if rc:  # the line that loads it, once however often it is installed
        lines = (tmp_path / rc).read_text(encoding="utf-8").splitlines()
        assert len(lines) == 1 and lines[0].startswith(("source", "fpath"))
    powershell = run_process("--install-completion", "powershell", env={"HOME": str(tmp_path)})
    assert powershell.code == 2 and "$PROFILE" in powershell.err


def test_quoting_functions() -> None:
    assert split_line("dgcli show 'my n") == (["dgcli", "show"], "my n", 11)
    assert split_line('dgcli show "a\\"b c" d\\ e') == (["dgcli", "show", 'a"b c'], "d e", 20)
    assert powershell_quote("mynacard") == "mynacard" and powershell_quote("a b") == "'a b'"
    assert bash_quote("a b$c") == "a\\ b\\$c"


class Terminal:
    """An interactive bash on a pseudo-terminal, typed at like a person."""

    def __init__(self, cwd: Path, env: dict[str, str], shell: list[str] | None = None) -> None:
        master, slave = os.openpty()
        self.fd = master
        self.process = subprocess.Popen(
            shell or [str(BASH), "--norc", "--noprofile", "-i"],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=cwd,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.seen = ""

    def type(self, text: str) -> None:
        os.write(self.fd, text.encode())

    def wait_for(self, pattern: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while not re.search(pattern, self.seen):
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"{pattern!r} never came; the terminal shows:\n{self.seen[-2000:]}"
            ready, _, _ = select.select([self.fd], [], [], remaining)
            if ready:
                try:
                    self.seen += os.read(self.fd, 65536).decode("utf-8", "replace")
                except OSError:
                    break
        return self.seen

    def settle(self, quiet: float = 0.7, timeout: float = 30) -> None:
        """Read until the terminal has been quiet for ``quiet`` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.fd], [], [], quiet)
            if not ready:
                return
            self.seen += os.read(self.fd, 65536).decode("utf-8", "replace")

    def close(self) -> None:
        self.type("exit\n")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        os.close(self.fd)


@pytest.mark.skipif(BASH is None or sys.platform == "win32", reason="needs bash and a pty")
@pytest.mark.parametrize(
    ("typed", "metric"),
    [
        ("card$", "mynacard"),  # the alias: card$(touch /tmp/PWNED)
        ("cash", "mynacard"),
        ("q", "insurance"),
        ("z", "insurance"),
        ("w", "insurance"),
        ("'my n", "mynacard"),  # the shipped kind of alias: my number card, inside a quote the user opened
        ("'q", "insurance"),
        ('"z', "insurance"),
        ('"my n', "mynacard"),
    ],
)
def test_tab_and_enter_in_a_real_bash_run_nothing(tmp_path: Path, typed: str, metric: str) -> None:
    pwned_before = Path("/tmp/PWNED").exists()
    env = clean_environment(
        {
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}/usr/bin{os.pathsep}/bin",
            "HOME": str(tmp_path),
            "DGCLI_FILE": str(HOSTILE),
            "PS1": "$ ",
            "TERM": "xterm",
            "INPUTRC": "/dev/null",
            "HISTFILE": "/dev/null",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
        }
    )
    terminal = Terminal(tmp_path, env)
    try:
        terminal.type('eval "$(dgcli --show-completion bash)"; echo READY-$((20+1))\n')
        terminal.wait_for("READY-21")
        terminal.type(f"dgcli show {typed}\t")
        terminal.settle()  # readline has put the candidate on the line
        terminal.type("\n")
        terminal.type("echo DONE-$((40+2))\n")
        seen = terminal.wait_for("DONE-42")
    finally:
        terminal.close()
    assert f"[{metric}]" in seen, seen[-2000:]  # dgcli show found the alias: one argument, as written
    assert not (tmp_path / "PWNED").exists()
    assert Path("/tmp/PWNED").exists() == pwned_before


@pytest.mark.skipif(ZSH is None or sys.platform == "win32", reason="needs zsh (Debian: apt-get install zsh) and a pty")
@pytest.mark.parametrize(
    ("typed", "alias"),
    [
        ("card", "card$(touch /tmp/PWNED)"),
        ("q", "q`touch PWNED`;x"),
        ("z", "z'; touch PWNED; '"),
        ("w", 'w\\"$(touch PWNED)\\"'),
        ("'my n", "my number card"),
        ("my\\ n", "my number card"),
        ("a:", "a:b=c"),
    ],
)
def test_tab_and_enter_in_a_real_zsh_give_the_alias_as_one_argument(tmp_path: Path, typed: str, alias: str) -> None:
    pwned_before = Path("/tmp/PWNED").exists()
    env = clean_environment(
        {
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}/usr/bin{os.pathsep}/bin",
            "HOME": str(tmp_path),
            "DGCLI_FILE": str(HOSTILE),
            "PS1": "%% ",
            "TERM": "dumb",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
        }
    )
    terminal = Terminal(tmp_path, env, [str(ZSH), "-f", "-i"])
    try:
        # compadd's words reach a function that prints its arguments; completion still asks the real dgcli.
        terminal.type(
            'autoload -Uz compinit && compinit -u; eval "$(dgcli --show-completion zsh)"; '
            'dgcli() { print -r -- "ARGS<${(j:|:)@}>"; }; echo READY-$((20+1))\n'
        )
        terminal.wait_for("READY-21")
        terminal.type(f"dgcli show {typed}\t")
        terminal.settle()
        terminal.type("\n")
        terminal.type("echo DONE-$((40+2))\n")
        seen = terminal.wait_for("DONE-42")
    finally:
        terminal.close()
    printed = [line.strip() for line in seen.splitlines() if line.strip().startswith("ARGS<") and "print" not in line]
    assert printed == [f"ARGS<show|{alias}>"], seen[-2000:]
    assert not (tmp_path / "PWNED").exists()
    assert Path("/tmp/PWNED").exists() == pwned_before


@pytest.mark.skipif(FISH is None, reason="needs fish (Debian: apt-get install fish)")
@pytest.mark.parametrize(
    ("line", "offered"),
    [
        ("dgcli show car", ["card$(touch /tmp/PWNED)"]),  # fish escapes what it inserts
        ("dgcli show my\\ n", ["my number card"]),
        ('dgcli show "my n', ["my number card"]),
        ("dgcli sh", ["show"]),
        ("dgcli verify --format s", ["sarif"]),
        (f"dgcli show --file {SHIPPED} mynap", ["mynaportal-accounts", "mynaportal", "mynaportal-satisfaction"]),
    ],
)
def test_fish_offers_the_values_for_the_line(tmp_path: Path, line: str, offered: list[str]) -> None:
    env = clean_environment(
        {
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}/usr/bin{os.pathsep}/bin",
            "HOME": str(tmp_path),
            "DGCLI_FILE": str(HOSTILE),
        }
    )
    quoted = line.replace("\\", "\\\\").replace("'", "\\'")
    completed = subprocess.run(
        [str(FISH), "-N", "-c", f"dgcli --show-completion fish | source; complete -C '{quoted}'"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert sorted(completed.stdout.splitlines()) == sorted(offered), completed.stderr  # fish sorts them
