"""Measure dgcli's start-up and scale budgets as ratios taken side by side in one run.

Usage: python benchmarks/run.py [--runs 21] [--scale-runs 3] [--small 5000] [--large 50000]
                                [--python OTHER_PYTHON ...]

CPU time (user + system) of each child comes from os.wait4; commands alternate so a noisy
neighbour slows both sides of a ratio alike; each figure is the median of its runs. ``--python``
adds the start-up rows for another interpreter (e.g. a virtualenv with typer 0.29) beside this one.
Nothing here is a test: CI never runs it and no time can fail a build.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHIPPED = HERE.parent / "indicators.yaml"
sys.path.insert(0, str(HERE))

import synthetic  # noqa: E402


def measure(command: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """CPU seconds and peak RSS (KiB) of one run of ``command``."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def medians(
    commands: dict[str, Sequence[str]], runs: int, environments: dict[str, dict[str, str] | None] | None = None
) -> dict[str, tuple[float, int]]:
    samples: dict[str, list[tuple[float, int]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():  # alternate, so drift hits every command alike
            samples[name].append(measure(command, (environments or {}).get(name)))
    return {
        name: (statistics.median(s[0] for s in runs_), int(statistics.median(s[1] for s in runs_)))
        for name, runs_ in samples.items()
    }


def imports_rich(python: str, args: Sequence[str]) -> bool:
    result = subprocess.run(
        [python, "-X", "importtime", "-m", "dgcli", *args], capture_output=True, text=True, check=False
    )
    return any(line.split("|")[-1].strip().startswith("rich") for line in result.stderr.splitlines())


def dgcli_command(python: str) -> list[str]:
    """The installed ``dgcli`` script beside the interpreter (what users type), else ``python -m dgcli``."""
    script = Path(python).with_name("dgcli")
    return [str(script)] if script.is_file() else [python, "-m", "dgcli"]


def startup_rows(python: str, runs: int) -> list[tuple[str, float, str]]:
    dgcli = dgcli_command(python)
    complete = {**os.environ, "_DGCLI_COMPLETE": "complete_bash", "COMP_WORDS": "dgcli show my", "COMP_CWORD": "2"}
    commands = {
        "script floor": [python, "-c", "import re, sys"],  # what every pip-written console script imports
        "floor": [python, "-c", "import typer, yaml"],
        "floor+rich": [python, "-c", "import typer, yaml, rich.console, rich.table"],
        "show --json": [*dgcli, "show", "mynacard", "--json", "-f", str(SHIPPED)],
        "show": [*dgcli, "show", "mynacard", "-f", str(SHIPPED)],
        "verify --json": [*dgcli, "verify", "--json", "-f", str(SHIPPED)],
        "verify": [*dgcli, "verify", "-f", str(SHIPPED)],
        "list --json": [*dgcli, "list", "--json", "-f", str(SHIPPED)],
        "list": [*dgcli, "list", "-f", str(SHIPPED)],
        "--version": [*dgcli, "--version"],
    }
    environments = dict.fromkeys(commands)
    commands["completion"] = [*dgcli]
    environments["completion"] = complete | {"DGCLI_FILE": str(SHIPPED)}
    cpu = {name: value[0] for name, value in medians(commands, runs, environments).items()}
    return [
        ("dgcli show mynacard --json / import typer, yaml", cpu["show --json"] / cpu["floor"], "≤ 1.25"),
        ("dgcli list --json / import typer, yaml", cpu["list --json"] / cpu["floor"], "≤ 1.25"),
        ("dgcli verify --json / import typer, yaml", cpu["verify --json"] / cpu["floor"], "≤ 1.25"),
        (
            "dgcli show mynacard / import typer, yaml, rich.console, rich.table",
            cpu["show"] / cpu["floor+rich"],
            "≤ 1.25",
        ),
        ("dgcli list / import typer, yaml, rich.console, rich.table", cpu["list"] / cpu["floor+rich"], "≤ 1.25"),
        ("dgcli verify / import typer, yaml, rich.console, rich.table", cpu["verify"] / cpu["floor+rich"], "≤ 1.25"),
        (
            "dgcli --version / python -c 'import re, sys' (a console script's own imports)",
            cpu["--version"] / cpu["script floor"],
            "≤ 1.25",
        ),
        ("completion of `dgcli show my` / import typer, yaml", cpu["completion"] / cpu["floor"], "≤ 1.25"),
    ]


def version(python: str, module: str) -> str:
    code = f"import {module}; print({module}.__version__)"
    return subprocess.run([python, "-c", code], capture_output=True, text=True, check=False).stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=21, help="runs of each start-up command")
    parser.add_argument("--scale-runs", type=int, default=3, help="runs of each scale command")
    parser.add_argument("--small", type=int, default=5000, help="metrics in the small synthetic file")
    parser.add_argument("--large", type=int, default=50000, help="metrics in the large synthetic file")
    parser.add_argument("--python", action="append", default=[], help="another interpreter to compare")
    parser.add_argument("--startup-only", action="store_true", help="skip the scale rows (synthetic files)")
    options = parser.parse_args()

    python = sys.executable
    for interpreter in [python, *options.python]:
        # Byte-compile dgcli first: an editable install under PYTHONDONTWRITEBYTECODE=1 would
        # otherwise compile every module from source on every run, which no installed user pays.
        subprocess.run(
            [
                interpreter,
                "-c",
                "import compileall, dgcli, pathlib; compileall.compile_dir(pathlib.Path(dgcli.__file__).parent, quiet=1)",  # noqa: E501
            ],
            check=True,
        )
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}")
    print(f"python {platform.python_version()}, typer {version(python, 'typer')}, pyyaml {version(python, 'yaml')}")
    libyaml = subprocess.run(
        [python, "-c", "import yaml; print(yaml.__with_libyaml__)"], capture_output=True, text=True, check=False
    )
    print(f"libyaml: {libyaml.stdout.strip()}")
    print()
    print("| measure | ratio | budget |")
    print("|---|---|---|")
    for interpreter in [python, *options.python]:
        label = "" if interpreter == python else f" [typer {version(interpreter, 'typer')}: {interpreter}]"
        for name, ratio, budget in startup_rows(interpreter, options.runs):
            print(f"| {name}{label} | {ratio:.2f} | {budget} |")
        for args in (["show", "mynacard", "--json"], ["verify", "--json"], ["list", "--json"]):
            rich = "yes" if imports_rich(interpreter, args) else "no"
            print(f"| Rich imported by dgcli {' '.join(args)}{label} | {rich} | no |")

    if options.startup_only:
        return
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for count in (options.small, options.large):
            files[count] = Path(tmp) / f"synthetic-{count}.yaml"
            synthetic.write(count, files[count])
        commands: dict[str, Sequence[str]] = {}
        for count, path in files.items():
            load = f"import yaml; yaml.load(open({str(path)!r}, 'rb'), Loader=yaml.CSafeLoader)"
            commands[f"yaml {count}"] = [python, "-c", load]
            commands[f"dgcli {count}"] = [*dgcli_command(python), "verify", "--json", "-f", str(path)]
        result = medians(commands, options.scale_runs)
        small, large = options.small, options.large
        for count in (small, large):
            ratio = result[f"dgcli {count}"][0] / result[f"yaml {count}"][0]
            print(f"| dgcli verify --json / yaml.load(CSafeLoader), {count:,} metrics | {ratio:.2f} | ≤ 1.5 |")
        growth = result[f"dgcli {large}"][0] / result[f"dgcli {small}"][0]
        memory = result[f"dgcli {large}"][1] / result[f"dgcli {small}"][1]
        print(f"| time({large // 1000}k) / time({small // 1000}k), dgcli verify --json | {growth:.2f} | ≤ 11 |")
        print(f"| peak memory({large // 1000}k) / peak memory({small // 1000}k) | {memory:.2f} | linear (≤ 11) |")
        for count in (small, large):
            size = files[count].stat().st_size / 2**20
            rss = result[f"dgcli {count}"][1] / 1024
            print(f"| peak memory, {count:,} metrics ({size:.0f} MiB file) | {rss:.0f} MiB | (reported) |")


if __name__ == "__main__":
    main()
