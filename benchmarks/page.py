"""Growth of ``dgcli audit`` and ``dgcli draft`` with the page: the seed page repeated 10× and 100×.

Not a test: prints the CPU time of each, the median of three runs, and the ratio time(100×) /
time(10×), which a linear reader keeps near 10 (budget: ≤ 12; issue #16 measured 25× and 21×
before the page reader bounded its guesses). Measured twice: as a library caller runs it (the cycle
collector on: it re-walks the growing heap, which alone adds about one to the ratio) and as the
``dgcli`` process runs it (``dgcli.acyclic``: the collector paused, as ``__main__`` and ``cli.main``
do).

    python benchmarks/page.py [SEED_DIR]
"""

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from dgcli import acyclic
from dgcli.data.loader import load_dataset
from dgcli.errors import DataError
from dgcli.page.audit import audit
from dgcli.page.draft import draft

ROOT = Path(__file__).resolve().parent.parent


def cpu(run: Callable[[str], object], page: str, *, paused: bool = False) -> float:
    times = []
    for _ in range(3):
        start = time.process_time()
        try:
            if paused:
                with acyclic():
                    run(page)
            else:
                run(page)
        except DataError as error:  # a measurement, not a check: say so, still time it
            print(f"({error})", file=sys.stderr)
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> None:
    seed_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "seed"
    text = sorted(seed_dir.glob("*.txt"))[0].read_text(encoding="utf-8")
    dataset = load_dataset(ROOT / "indicators.yaml")
    commands: list[tuple[str, Callable[[str], object]]] = [
        ("audit", lambda page: audit(page, dataset)),
        ("draft", draft),
    ]
    print("| command | collector | 10× (s) | 100× (s) | ratio | budget |")
    print("|---|---|---|---|---|---|")
    for name, run in commands:
        for paused in (False, True):
            small = cpu(run, text * 10, paused=paused)
            large = cpu(run, text * 100, paused=paused)
            how = "paused (as dgcli runs)" if paused else "on"
            print(f"| {name} | {how} | {small:.2f} | {large:.2f} | {large / small:.1f} | ≤ 12 |")


if __name__ == "__main__":
    main()
