"""Regenerate docs/report.png, the README's picture of `dgcli report`, from the shipped file.

Usage: python scripts/screenshot.py [OUTPUT]        (default: docs/report.png)

Needs Debian's chromium and fonts-noto-cjk (apt-get install -y chromium fonts-noto-cjk) and the test
extra (Playwright). Never `playwright install`: the browser is the system's, at /usr/bin/chromium.
The picture is `dgcli report --section mynumber-card` at a laptop's width, down to the first metric's claims.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
ARGS += ["--no-first-run", "--disable-sync", "--hide-scrollbars"]


def main() -> None:
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "report.png"
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "report.html"
        dgcli = Path(sys.executable).with_name("dgcli")
        command = [str(dgcli)] if dgcli.is_file() else [sys.executable, "-m", "dgcli"]
        # One section of the shipped file, as `dgcli report --section mynumber-card` writes it.
        report = [*command, "report", "--file", "indicators.yaml", "--section", "mynumber-card"]
        subprocess.run([*report, "-o", str(page_file)], check=True, cwd=ROOT)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1100, "height": 1500}, device_scale_factor=1)
            page.goto(page_file.as_uri())
            # Down to the end of the first metric's claims: the summary, a chart, its table, verdicts.
            bottom = page.evaluate(
                "() => { const r = document.querySelector('#m-mynacard .claims').getBoundingClientRect();"
                " return Math.ceil(r.bottom + scrollY + 16); }"
            )
            output.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(output), full_page=True, clip={"x": 0, "y": 0, "width": 1100, "height": bottom})
            browser.close()
    print(f"wrote {output}")


if __name__ == "__main__":
    main()
