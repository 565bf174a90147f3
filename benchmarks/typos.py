"""Error reporting in linear time: a file with one typo per metric against the same file, valid.

Usage: python benchmarks/typos.py [--metrics 50000] [--runs 1]

Every metric of benchmarks/synthetic.py's file gets one typo: a share claim names its whole with a
mistyped id (of: {metric: n10} for m10), a distribution's claim misspells a key (statd:). dgcli
reports every problem (exit 2), suggesting a correction for the ones it prints; the budget is
time(with typos) / time(valid) ≤ 2 (issue 17), CPU time measured side by side in one run.
Nothing here is a test: CI never runs it and no time can fail a build.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synthetic  # noqa: E402


def cpu(command: list[str]) -> float:
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1, 2):
        raise SystemExit(f"failed: {' '.join(command)}")
    return usage.ru_utime + usage.ru_stime


def with_typos(text: str) -> str:
    text = re.sub(r"of: \{metric: m(\d+)\}", r"of: {metric: n\1}", text)
    return text.replace("            stated: 2.9PT\n", "            statd: 2.9PT\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--metrics", type=int, default=50000)
    parser.add_argument("--runs", type=int, default=1)
    options = parser.parse_args()
    script = Path(sys.executable).with_name("dgcli")
    dgcli = [str(script)] if script.is_file() else [sys.executable, "-m", "dgcli"]
    with tempfile.TemporaryDirectory() as tmp:
        valid, typos = Path(tmp) / "valid.yaml", Path(tmp) / "typos.yaml"
        synthetic.write(options.metrics, valid)
        typos.write_text(with_typos(valid.read_text(encoding="utf-8")), encoding="utf-8")
        check = subprocess.run([*dgcli, "verify", "--json", "-f", str(typos)], capture_output=True, text=True)
        problems = len(check.stderr.splitlines())
        times: dict[str, list[float]] = {"valid": [], "typos": []}
        for _ in range(options.runs):  # alternate, so drift hits both alike
            times["valid"].append(cpu([*dgcli, "verify", "--json", "-f", str(valid)]))
            times["typos"].append(cpu([*dgcli, "verify", "--json", "-f", str(typos)]))
    good, bad = statistics.median(times["valid"]), statistics.median(times["typos"])
    print(f"{options.metrics:,} metrics, one typo each (exit {check.returncode}, {problems} lines on stderr)")
    print("| measure | ratio | budget |")
    print("|---|---|---|")
    print(f"| verify, one typo per metric / valid file, {options.metrics:,} metrics | {bad / good:.2f} | ≤ 2 |")
    print(f"(CPU seconds: valid {good:.2f}, with typos {bad:.2f})")


if __name__ == "__main__":
    main()
