"""Which indicators file a command reads when none is named, and why CI never falls back.

Outside CI the copy bundled with dgcli is a friendly default for a newcomer. Under CI (``CI`` or
``GITHUB_ACTIONS`` set, as every major CI service does) a bare ``dgcli verify`` that finds no
./indicators.yaml must not pass on the bundled copy: the repository's own file would go unchecked.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from dgcli.errors import DgcliError

MAX_NAMED = 10  # candidates named in the error; the rest are counted


class NoFileInCI(DgcliError):
    """Under CI, no file was named and there is no ./indicators.yaml."""


def in_ci(environ: dict[str, str] | None = None) -> bool:
    """``CI`` or ``GITHUB_ACTIONS`` set to anything but empty, 0 or false."""
    env = os.environ if environ is None else environ
    return any(env.get(name, "").strip().lower() not in ("", "0", "false") for name in ("CI", "GITHUB_ACTIONS"))


def candidates(directory: Path | None = None) -> list[str]:
    """The indicators files a repository holds: ``git ls-files`` where git works, else a bounded walk."""
    here = directory or Path.cwd()
    try:
        listed = subprocess.run(
            ["git", "ls-files", "--", "*indicators.yaml", "*indicators.yml"],
            cwd=here,
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        listed = None
    if listed is not None and listed.returncode == 0:
        return sorted(line for line in listed.stdout.splitlines() if _is_indicators(line))
    found: list[str] = []
    for path in sorted(here.rglob("*indicators.y*ml")):
        relative = path.relative_to(here)
        if any(part.startswith(".") or part == "node_modules" for part in relative.parts[:-1]):
            continue
        if _is_indicators(relative.as_posix()):
            found.append(relative.as_posix())
        if len(found) > 1000:
            break
    return found


def _is_indicators(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return name in ("indicators.yaml", "indicators.yml") or name.endswith(("-indicators.yaml", "_indicators.yaml"))


def no_file_message(seen: list[str]) -> str:
    """One line: what went wrong under CI, the files seen, and how to name one."""
    head = "no ./indicators.yaml and CI is set: dgcli will not check the copy bundled with it"
    if not seen:
        return f"{head}; no indicators file found here either: name one (dgcli verify PATH)"
    shown = ", ".join(seen[:MAX_NAMED]) + (f" and {len(seen) - MAX_NAMED} more" if len(seen) > MAX_NAMED else "")
    return f"{head}; this repository has {shown}: name them (dgcli verify {' '.join(seen[:MAX_NAMED])})"
