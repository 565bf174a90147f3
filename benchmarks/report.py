"""Measure `dgcli report` and `show --format svg` as ratios to the commands they build on, in one run.

Usage: python benchmarks/report.py [--runs 11] [--scale-runs 3] [--small 5000]

- report / verify --json on the shipped file and on a synthetic file of --small metrics: what the
  page (charts, tables, templates) costs on top of checking every claim, which both do;
- show --format svg / show --json: the price of Jinja2 and the chart for one metric;
- the page's size per metric.
CPU times come from os.wait4 (benchmarks/run.py's ``medians``: commands alternate, medians of runs).
Nothing here is a test: CI never runs it and no time can fail a build.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synthetic  # noqa: E402
from run import SHIPPED, dgcli_command, medians  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=11, help="runs of each command on the shipped file")
    parser.add_argument("--scale-runs", type=int, default=3, help="runs of each command on the synthetic file")
    parser.add_argument("--small", type=int, default=5000, help="metrics in the synthetic file")
    options = parser.parse_args()
    dgcli = dgcli_command(sys.executable)
    print("| measure | ratio |")
    print("|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        shipped: dict[str, Sequence[str]] = {
            "report": [*dgcli, "report", "-f", str(SHIPPED), "-o", str(page)],
            "verify": [*dgcli, "verify", "--json", "-f", str(SHIPPED)],
            "svg": [*dgcli, "show", "mynacard", "--format", "svg", "-f", str(SHIPPED)],
            "show": [*dgcli, "show", "mynacard", "--json", "-f", str(SHIPPED)],
        }
        cpu = {name: value[0] for name, value in medians(shipped, options.runs).items()}
        ratio = cpu["report"] / cpu["verify"]
        print(f"| dgcli report / dgcli verify --json, shipped file (43 metrics) | {ratio:.2f} |")
        print(f"| dgcli show mynacard --format svg / --json | {cpu['svg'] / cpu['show']:.2f} |")
        print(f"| page size, shipped file | {page.stat().st_size / 1024:.0f} KiB |")
        big = Path(tmp) / f"synthetic-{options.small}.yaml"
        synthetic.write(options.small, big)
        scale: dict[str, Sequence[str]] = {
            "report": [*dgcli, "report", "-f", str(big), "-o", str(page)],
            "verify": [*dgcli, "verify", "--json", "-f", str(big)],
        }
        result = medians(scale, options.scale_runs)
        ratio = result["report"][0] / result["verify"][0]
        print(f"| dgcli report / dgcli verify --json, {options.small:,} metrics | {ratio:.2f} |")
        memory = result["report"][1] / result["verify"][1]
        print(f"| peak memory, report / verify --json, {options.small:,} metrics | {memory:.2f} |")
        size = page.stat().st_size
        each = size / options.small / 1024
        print(f"| page size, {options.small:,} metrics | {size / 2**20:.1f} MiB ({each:.1f} KiB a metric) |")


if __name__ == "__main__":
    main()
