"""Shell completion: one script per shell, and the candidates each asks for, quoted for that shell.

The shell runs ``dgcli`` with ``_DGCLI_COMPLETE=<shell>`` and the command line so far; dgcli answers
with one candidate per line and nothing else, before Typer or the loader start. Metric candidates
are read from the data file's ids and aliases only (no validation, no claims), so completion is
fast on a large file, and any failure means no candidates, never a message in the middle of a line.

Quoting is the point: an alias is data, and ``card$(touch /tmp/PWNED)`` must reach dgcli as one
argument and never run. bash inserts a candidate as it is, so bash candidates are backslash-escaped
here; zsh's ``compadd`` and fish quote what they insert themselves, so they get the values raw;
PowerShell gets single-quoted literals. A candidate holding a control character is never offered.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import NamedTuple

SHELLS = ("bash", "zsh", "fish", "powershell")
ENV = "_DGCLI_COMPLETE"

_BASH = r"""
_dgcli_completion() {
    local IFS=$'\n'
    COMPREPLY=()
    local -a candidates
    mapfile -t candidates < <(env _DGCLI_COMPLETE=bash _DGCLI_LINE="${COMP_LINE:0:COMP_POINT}" \
        _DGCLI_CURRENT="${COMP_WORDS[COMP_CWORD]}" PROG 2>/dev/null)
    COMPREPLY=("${candidates[@]}")
    return 0
}
complete -o default -F _dgcli_completion PROG
"""

_ZSH = r"""
#compdef PROG
_dgcli_completion() {
    local -a candidates
    candidates=("${(@f)$(env _DGCLI_COMPLETE=zsh _DGCLI_WORDS="${(pj:\n:)${(@Q)words[2,CURRENT-1]}}" \
        _DGCLI_INCOMPLETE="${(Q)PREFIX}" PROG 2>/dev/null)}")
    if [[ -n "${candidates[1]}" ]]; then
        compadd -- "${candidates[@]}"
    else
        _files
    fi
}
compdef _dgcli_completion PROG
"""

_FISH = r"""
function __dgcli_completion
    set -l words (commandline -opc)
    set -e words[1]
    set -l candidates (env _DGCLI_COMPLETE=fish _DGCLI_WORDS=(string join \n -- $words | string collect) \
        _DGCLI_INCOMPLETE=(commandline -ct | string unescape | string collect) PROG 2>/dev/null)
    if test (count $candidates) -gt 0
        printf '%s\n' $candidates
    else
        __fish_complete_path (commandline -ct)
    end
end
complete --command PROG --no-files --arguments '(__dgcli_completion)'
"""

_POWERSHELL = r"""
Register-ArgumentCompleter -Native -CommandName PROG -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $elements = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object {
        if ($_ -is [System.Management.Automation.Language.StringConstantExpressionAst]) { $_.Value }
        else { $_.Extent.Text }
    })
    if ($wordToComplete) { $elements = @($elements | Select-Object -SkipLast 1) }
    $Env:_DGCLI_COMPLETE = "powershell"
    $Env:_DGCLI_WORDS = $elements -join "`n"
    $Env:_DGCLI_INCOMPLETE = $wordToComplete.Trim("'", '"')
    try {
        PROG 2>$null | ForEach-Object {
            $text, $shown = $_ -split "`t", 2
            [System.Management.Automation.CompletionResult]::new($text, $shown, 'ParameterValue', $shown)
        }
    } finally {
        Remove-Item Env:_DGCLI_COMPLETE, Env:_DGCLI_WORDS, Env:_DGCLI_INCOMPLETE -ErrorAction SilentlyContinue
    }
}
"""

_SCRIPTS = {"bash": _BASH, "zsh": _ZSH, "fish": _FISH, "powershell": _POWERSHELL}
# Where --install-completion writes each script, and the line (if any) that makes the shell load it.
_INSTALL = {
    "bash": (".bash_completions/dgcli.sh", ".bashrc", "source ~/.bash_completions/dgcli.sh"),
    "zsh": (".zfunc/_dgcli", ".zshrc", "fpath+=~/.zfunc; autoload -Uz compinit; compinit"),
    "fish": (".config/fish/completions/dgcli.fish", "", ""),
}


def script(shell: str, prog: str = "dgcli") -> str:
    """The completion script for ``shell`` (one of SHELLS)."""
    return _SCRIPTS[shell].strip().replace("PROG", prog) + "\n"


def install(shell: str, home: Path) -> Path:
    """Write the script where ``shell`` finds it (and a line in its rc file); the path written."""
    if shell not in _INSTALL:
        raise ValueError(
            f"cannot install for {shell}: add "
            f"`dgcli --show-completion {shell} | Out-String | Invoke-Expression` to $PROFILE"
        )
    target, rc, line = _INSTALL[shell]
    path = home / target
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(script(shell), encoding="utf-8")
    if rc:
        rc_path = home / rc
        content = rc_path.read_text(encoding="utf-8") if rc_path.is_file() else ""
        if line not in content:
            rc_path.write_text(
                content + ("" if content.endswith("\n") or not content else "\n") + line + "\n", encoding="utf-8"
            )
    return path


# ── what to offer ────────────────────────────────────────────────────────────────────────────────


class CommandSpec(NamedTuple):
    options: dict[str, bool]  # option name → takes a value
    choices: dict[str, tuple[str, ...]]  # option name → its values (--format)
    metric_arguments: frozenset[int]  # positions of arguments that name a metric


class Spec(NamedTuple):
    commands: dict[str, CommandSpec]
    root_options: tuple[str, ...]


def candidates(
    spec: Spec, words: list[str], incomplete: str, metrics: Callable[[str | None], Iterable[str]]
) -> list[str]:
    """What may come next after ``words`` (the arguments before the one being typed), unquoted."""
    command: CommandSpec | None = None
    positional: list[str] = []
    file: str | None = None
    expecting: str | None = None  # the option whose value comes next
    for word in words:
        if expecting is not None:
            if expecting in ("--file", "-f"):
                file = word
            expecting = None
        elif command is None:
            if word in spec.commands:
                command = spec.commands[word]
        elif word.startswith("-") and word != "-":
            option, equals, value = word.partition("=")
            if command.options.get(option) and not equals:
                expecting = option
            elif option in ("--file", "-f") and equals:
                file = value
        else:
            positional.append(word)
    if command is None:
        pool = list(spec.root_options) if incomplete.startswith("-") else list(spec.commands)
        return [c for c in pool if c.startswith(incomplete)]
    if expecting is not None:
        return [c for c in command.choices.get(expecting, ()) if c.startswith(incomplete)]
    if incomplete.startswith("-"):
        return [option for option in command.options if option.startswith(incomplete) and option.startswith("--")]
    if len(positional) in command.metric_arguments:
        from dgcli.text.normalize import fold

        wanted = fold(incomplete)
        seen = dict.fromkeys(n for n in metrics(file or os.environ.get("DGCLI_FILE")) if fold(n).startswith(wanted))
        return list(seen)
    return []


def metric_names(path: Path) -> list[str]:
    """Ids and aliases of every metric, read from the file's tree without validating it."""
    from dgcli.data.tree import Node, read_tree

    root = read_tree(path, file=str(path))
    names: list[str] = []

    def texts(node: Node | None) -> list[str]:
        if node is None:
            return []
        if isinstance(node.value, str):
            return [node.value]
        if isinstance(node.value, list):
            return [n.value for n in node.value if isinstance(n.value, str)]
        return []

    assert isinstance(root.value, dict)
    sections = root.value.get("sections")
    for section in sections.value if sections is not None and isinstance(sections.value, list) else []:
        metrics = section.value.get("metrics") if isinstance(section.value, dict) else None
        for metric in metrics.value if metrics is not None and isinstance(metrics.value, list) else []:
            if isinstance(metric.value, dict):
                names += texts(metric.value.get("id")) + texts(metric.value.get("aliases"))
    return names


# ── quoting, per shell ───────────────────────────────────────────────────────────────────────────

_OFFERABLE = re.compile(r"[^\x00-\x1f\x7f-\x9f]+")
_BASH_SPECIAL = re.compile(r"""([\s!"#$&'()*;<=>?\[\\\]^`{|}~,])""")


def bash_quote(value: str) -> str:
    """``value`` as one bash word: every character the shell would read as syntax gets a backslash."""
    return _BASH_SPECIAL.sub(r"\\\1", value)


def powershell_quote(value: str) -> str:
    """``value`` as one PowerShell argument: a single-quoted literal when it is not a plain word."""
    if re.fullmatch(r"[\w.\-/]+", value):
        return value
    return "'" + re.sub("(['‘’‚‛])", r"\1\1", value) + "'"


def split_line(line: str) -> tuple[list[str], str, int]:
    """The words of a partial command line (quotes removed, an unclosed quote tolerated), the last one
    being typed, and where that last one starts in ``line``."""
    words: list[str] = []
    current: list[str] = []
    start, quote, in_word, index = len(line), "", False, 0
    while index < len(line):
        char = line[index]
        if quote:
            if char == quote:
                quote = ""
            elif char == "\\" and quote == '"' and index + 1 < len(line) and line[index + 1] in '"\\$`':
                index += 1
                current.append(line[index])
            else:
                current.append(char)
        elif char in " \t\n":
            if in_word:
                words.append("".join(current))
                current, in_word = [], False
        else:
            if not in_word:
                start, in_word = index, True
            if char in "'\"":
                quote = char
            elif char == "\\":
                index += 1
                if index < len(line):
                    current.append(line[index])
            else:
                current.append(char)
        index += 1
    if not in_word:
        return words, "", len(line)
    return words, "".join(current), start


def answer(shell: str, spec: Spec, environ: Mapping[str, str], metrics: Callable[[str | None], Iterable[str]]) -> str:
    """The lines the shell's script reads: candidates for the word being typed, quoted for ``shell``."""
    if shell not in SHELLS:
        return ""
    if shell == "bash":
        line = environ.get("_DGCLI_LINE", "")
        words, incomplete, start = split_line(line)
        words = words[1:]  # the program's own name
        current = environ.get("_DGCLI_CURRENT", "")
        # bash replaces only its own current word, which COMP_WORDBREAKS (= : …) may have cut shorter
        # than ours: the part before it stays on the line, so each candidate must begin with it.
        kept = line[start : len(line) - len(current)] if current and line.endswith(current) else ""
        found = [c for c in candidates(spec, words, incomplete, metrics) if _OFFERABLE.fullmatch(c)]
        if current[:1] in ("'", '"'):  # readline completes inside the quote the user opened, and closes it
            # …unless the value holds that quote (or, in "…", what must be escaped there): readline then
            # leaves a quote open, so such a value is offered only to a word typed without quotes.
            inside = "'" if current[0] == "'" else '"\\$`!'
            quoted = [c for c in found if not any(char in c for char in inside)]
        else:
            quoted = [bash_quote(c) for c in found]
        return "".join(q[len(kept) :] + "\n" for q in quoted if q.startswith(kept))
    words = [w for w in environ.get("_DGCLI_WORDS", "").split("\n") if w]
    found = [
        c for c in candidates(spec, words, environ.get("_DGCLI_INCOMPLETE", ""), metrics) if _OFFERABLE.fullmatch(c)
    ]
    if shell == "powershell":
        return "".join(f"{powershell_quote(c)}\t{c}\n" for c in found)
    return "".join(c + "\n" for c in found)
