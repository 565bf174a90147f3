"""The report in a real browser: Debian's chromium (never `playwright install`), driven by Playwright.

Each test opens a page dgcli wrote and checks what a reader would meet: no console errors and no
network, a chart per metric whose marks are its observations, nothing overflowing at 360 and 1280 px,
working summary links, hostile text shown and never run. Screenshots and a PDF go to the artefacts
directory (tests/conftest.py names it at the end of the run; DGCLI_ARTEFACTS chooses it).

Without /usr/bin/chromium these tests skip, unless DGCLI_REQUIRE_BROWSER=1 (as in .ci/run, which
installs it): there a missing browser is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from conftest import ARTEFACTS, DATA, SAVED, SHIPPED
from dgcli.data.loader import load_dataset
from dgcli.data.model import Dataset
from dgcli.render import Terminal
from dgcli.render.html import render_report
from dgcli.render.report import build, chronological

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-default-apps",
]
if not CHROMIUM.exists() or os.environ.get("DGCLI_SKIP_BROWSER"):
    if os.environ.get("DGCLI_REQUIRE_BROWSER") and not os.environ.get("DGCLI_SKIP_BROWSER"):
        raise RuntimeError(f"{CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk")
    pytest.skip(f"no {CHROMIUM} (apt-get install chromium fonts-noto-cjk)", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


class Opened:
    """A page opened from a file, with every request and console error it caused."""

    def __init__(self, page: Any, url: str) -> None:
        self.page, self.url = page, url
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []


def _write(tmp_path: Path, dataset: Dataset, name: str = "report.html") -> Path:
    path = tmp_path / name
    path.write_text(render_report(build(dataset), Terminal()), encoding="utf-8")
    return path


def _open(browser: Any, path: Path, width: int = 1280, scheme: str = "light") -> Opened:
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    opened = Opened(page, path.as_uri())
    page.on("request", lambda request: opened.requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and opened.errors.append(message.text))
    page.on("pageerror", lambda error: opened.errors.append(str(error)))
    page.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(opened.url)
    page.wait_for_load_state("load")
    return opened


def _save(name: str) -> Path:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTEFACTS / name
    SAVED.append(path)
    return path


@pytest.fixture(scope="module")
def shipped_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write(tmp_path_factory.mktemp("report"), load_dataset(SHIPPED))


def test_no_console_errors_and_no_network(browser: Any, shipped_page: Path) -> None:
    opened = _open(browser, shipped_page)
    opened.page.screenshot(path=_save("report-1280.png"))
    assert opened.errors == []
    assert opened.requests == [opened.url]  # the file itself, nothing else: no font, script, image or icon
    opened.page.context.close()


# Every metric's first chart: its marks' figures and periods in order, and their x positions.
_MARKS = """() => [...document.querySelectorAll('section.metric')].map(section => {
  const svg = section.querySelector('svg.chart');
  const marks = svg ? [...svg.querySelectorAll('g.mark')] : [];
  return {
    id: section.id,
    figures: marks.map(g => g.dataset.figure),
    periods: marks.map(g => g.dataset.period),
    xs: marks.map(g => g.querySelector('rect').getBoundingClientRect().x),
    heights: marks.map(g => g.querySelector('rect').getBoundingClientRect().height),
    title: svg ? svg.querySelector('title').textContent : '',
  };
})"""


def test_every_metric_has_a_chart_whose_marks_are_its_observations(browser: Any, shipped_page: Path) -> None:
    dataset = load_dataset(SHIPPED)
    opened = _open(browser, shipped_page)
    charts = {chart["id"]: chart for chart in opened.page.evaluate(_MARKS)}
    assert set(charts) == {f"m-{metric_id}" for metric_id in dataset.metrics}
    for metric_id, metric in dataset.metrics.items():
        chart = charts[f"m-{metric_id}"]
        expected = chronological(metric.observations)
        assert chart["figures"] == [o.figure.text for o in expected], metric_id
        assert chart["periods"] == [o.period_key or "" for o in expected], metric_id
        assert chart["xs"] == sorted(chart["xs"]), metric_id  # oldest at the left
        assert all(height > 0 for height in chart["heights"]), metric_id
        assert chart["title"].startswith(metric.name)
    opened.page.context.close()


# Every element whose box leaves the viewport, or whose content is wider than its box (a table
# scrolls inside its own .table-wrap, which is allowed; the wrapper itself must fit), and every chart
# text outside its SVG.
_OVERFLOW = (DATA / "report" / "overflow.js").read_text(encoding="utf-8").split("\n", 1)[1]


@pytest.mark.parametrize("width", [360, 768, 1280, 1440])
@pytest.mark.parametrize("fixture", ["indicators.yaml", "editions.yaml"])
def test_nothing_overflows_or_is_clipped(browser: Any, tmp_path: Path, width: int, fixture: str) -> None:
    path = _write(tmp_path, load_dataset(SHIPPED if fixture == "indicators.yaml" else DATA / fixture))
    opened = _open(browser, path, width)
    if fixture == "indicators.yaml":
        opened.page.screenshot(path=_save(f"report-{width}-full.png"), full_page=True)
    assert opened.page.evaluate(_OVERFLOW) == []
    opened.page.context.close()


def test_the_failing_claims_summary_links_to_each_claim(browser: Any, tmp_path: Path) -> None:
    opened = _open(browser, _write(tmp_path, load_dataset(DATA / "editions.yaml")), 360)
    page = opened.page
    links = page.locator("#failing + ol.findings > li > a:first-of-type")
    assert links.count() == 1  # editions.yaml: one silent revision (6,484万件 vs 6,584万件)
    page.screenshot(path=_save("report-failing-360.png"))
    href = links.first.get_attribute("href")
    assert href == "#claim-health-insurance-card-2023-07-progress-2024-vs-dashboard"
    links.first.focus()  # by keyboard: a link wrapped over two lines has no text at its box's centre
    page.keyboard.press("Enter")
    for _ in range(50):  # (wait_for_function would need eval, which the page's policy forbids)
        if page.evaluate("() => location.hash") == href:
            break
        page.wait_for_timeout(100)
    assert page.evaluate("() => location.hash") == href
    target = page.locator(href)
    assert target.evaluate("el => el.matches(':target') && el.classList.contains('failing')")
    box = target.bounding_box()
    assert box is not None and -1 <= box["y"] < 900  # scrolled into view
    assert "inconsistent" in target.inner_text()
    page.screenshot(path=_save("report-failing-target-360.png"))
    opened.page.context.close()


_XSS = DATA / "report" / "xss.yaml"


@pytest.mark.parametrize("policy", ["with", "without"])
def test_hostile_text_shows_literally_and_nothing_runs(browser: Any, tmp_path: Path, policy: str) -> None:
    path = _write(tmp_path, load_dataset(_XSS))
    if policy == "without":  # escaping alone must hold, not only the page's Content-Security-Policy
        text = path.read_text(encoding="utf-8")
        start = text.index('<meta http-equiv="Content-Security-Policy"')
        path.write_text(text[:start] + text[text.index(">", start) + 1 :], encoding="utf-8")
    opened = _open(browser, path)
    page = opened.page
    for link in page.locator("main a").all()[:20]:  # onmouseover= would fire here, were it markup
        link.hover(timeout=5000)
    assert page.evaluate("() => window.__xss") is None
    assert opened.dialogs == [] and opened.errors == []
    assert page.evaluate("() => document.querySelectorAll('script, img, iframe, [onerror], [onload]').length") == 0
    hrefs = page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))")
    assert all(h.startswith("#") or h.startswith(("http://", "https://")) for h in hrefs), hrefs
    shown = page.inner_text("body")
    for literal in (
        "<script>window.__xss = 'failing claim'</script>2023年7月から9%増加",
        '"><img src=x onerror="window.__xss = \'metric name\'">',
        "javascript:window.__xss = 'source url'",
        "<script>window.__xss = 'source title'</script>",
    ):
        assert literal in shown
    assert opened.requests == [opened.url]
    page.screenshot(path=_save(f"report-xss-{policy}-csp.png"), full_page=True)
    opened.page.context.close()


def test_tables_are_keyboard_reachable_and_headings_in_order(browser: Any, shipped_page: Path) -> None:
    opened = _open(browser, shipped_page)
    page = opened.page
    levels = page.evaluate("() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])")
    assert levels[0] == 1 and all(b <= a + 1 for a, b in pairwise(levels))
    wraps = page.locator(".table-wrap")
    assert wraps.count() >= 43
    for index in (0, wraps.count() - 1):
        wrap = wraps.nth(index)
        assert wrap.get_attribute("tabindex") == "0"
        assert wrap.locator("table > caption").count() == 1
        wrap.focus()
        assert wrap.evaluate("el => document.activeElement === el")
    opened.page.context.close()


def test_dark_mode_and_print(browser: Any, shipped_page: Path) -> None:
    opened = _open(browser, shipped_page, 1280, "dark")
    page = opened.page
    background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    assert background != "rgb(244, 245, 247)"  # the light page colour
    page.screenshot(path=_save("report-1280-dark.png"))
    page.emulate_media(media="print")  # paper is light whatever the screen's scheme
    assert page.evaluate("() => getComputedStyle(document.body).color") == "rgb(26, 32, 44)"
    pdf = page.pdf(path=str(_save("report-a4.pdf")), format="A4", print_background=True)
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert pages >= 13  # one section per page where it fits: 13 sections, after the summary
    opened.page.context.close()
