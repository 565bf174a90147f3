"""`dgcli report` and `show --format svg` without a browser: the chart geometry, the page's markup,
escaping, links, filters and the command line. tests/test_report_browser.py opens the page itself."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import date
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DATA, SHIPPED, Outcome, run_process
from dgcli.data.loader import load_dataset
from dgcli.data.model import Dataset, Metric, Observation
from dgcli.render import Terminal
from dgcli.render.chart import history_chart, short_period, stack_chart
from dgcli.render.html import link, render_report
from dgcli.render.report import build, chronological
from dgcli.text.numbers import Rounding, parse_figure
from dgcli.text.periods import parse_period

EDITIONS = DATA / "editions.yaml"
XSS = DATA / "report" / "xss.yaml"


def _chart(dataset: Dataset, metric_id: str):  # type: ignore[no-untyped-def]
    metric = dataset.metrics[metric_id]
    return history_chart(metric, chronological(metric.observations), "c")


def _middle(year: int, month: int) -> float:
    """A month's middle as an ordinal day (first day + half its length): computed with datetime, not dgcli."""
    first = date(year, month, 1).toordinal()
    following = date(year + month // 12, month % 12 + 1, 1).toordinal()
    return (first + following) / 2


# ── the time axis ───────────────────────────────────────────────────────────────────────────


def test_periods_sit_on_a_real_time_axis(shipped: Dataset) -> None:
    # 2022年4月 → 2023年7月 is 15 months, 2023年7月 → 2024年7月 is 12: the gaps stay uneven.
    bars = _chart(shipped, "mynacard").bars
    centres = [bar.x + bar.width / 2 for bar in bars]
    first_gap = _middle(2023, 7) - _middle(2022, 4)  # 457 days
    second_gap = _middle(2024, 7) - _middle(2023, 7)  # 366 days
    assert (centres[1] - centres[0]) / (centres[2] - centres[1]) == pytest.approx(first_gap / second_gap, rel=0.01)
    assert [bar.period_key for bar in bars] == ["2022-04", "2023-07", "2024-07"]


def test_a_range_period_is_drawn_over_its_days(shipped: Dataset) -> None:
    # 年間 2023年8月から2024年7月合計: a 366-day span, drawn from its first day to its last.
    chart = _chart(shipped, "data-linkages")
    (bar,) = chart.bars
    (span,) = chart.spans
    assert bar.span and bar.width > 28
    assert span.x1 == bar.x and span.x2 == pytest.approx(bar.x + bar.width, abs=0.02)
    day = (chart.right - chart.left) / ((span.x2 - span.x1) / 366)  # plot width in days
    assert 366 < day < 1000
    assert chart.x_labels[0].text == "2023年8月–2024年7月"


def test_short_period_labels_come_from_the_parsed_days(shipped: Dataset) -> None:
    online = shipped.metrics["online-rate"].observations[0].period  # 2023年3月末時点の調査結果
    assert online is not None and short_period(online) == "2023年3月31日"


# ── bars, labels, axis ──────────────────────────────────────────────────────────────────────


def test_bars_start_at_zero_and_carry_the_figure_as_published(shipped: Dataset) -> None:
    for metric_id in shipped.metrics:
        chart = _chart(shipped, metric_id)
        metric = shipped.metrics[metric_id]
        assert [bar.label for bar in chart.bars] == [o.figure.text for o in chronological(metric.observations)]
        for bar in chart.bars:
            assert bar.y + bar.height == pytest.approx(chart.zero, abs=0.01), metric_id


def test_bar_heights_are_proportional_to_the_values(shipped: Dataset) -> None:
    bars = _chart(shipped, "mynacard").bars  # 5,400万 / 8,904万 / 9,308万
    assert bars[0].height / bars[2].height == pytest.approx(5400 / 9308, abs=0.002)
    assert bars[1].height / bars[2].height == pytest.approx(8904 / 9308, abs=0.002)


def test_the_y_axis_counts_in_man_and_oku(shipped: Dataset) -> None:
    # 9,308万 / 4 = 2,327万 → a step of 2,500万; the top is the next step up, 1億 (not 10,000万).
    assert [t.text for t in _chart(shipped, "mynacard").y_ticks] == ["0", "2,500万", "5,000万", "7,500万", "1億"]
    # 2.1億 / 4 = 0.525億 → a step of 1億.
    assert [t.text for t in _chart(shipped, "data-linkages").y_ticks] == ["0", "1億", "2億", "3億"]
    # 50.9% / 4 = 12.7% → 20%.
    assert [t.text for t in _chart(shipped, "approval").y_ticks] == ["0%", "20%", "40%", "60%"]


def test_hedged_truncated_and_undated_figures_are_marked(shipped: Dataset) -> None:
    (hedged,) = _chart(shipped, "gss-users").bars  # 約3.5万人
    assert hedged.dashed and "approximate" in " ".join(k.text for k in _chart(shipped, "gss-users").keys)
    editions = load_dataset(EDITIONS)
    chart = _chart(editions, "mynacard")
    dashboard = [bar for bar in chart.bars if bar.source == "dashboard"]
    assert [bar.mark for bar in dashboard] == ["†"]  # the dashboard truncates (rounding: down)
    assert chart.x_labels[-1].text == "undated"  # its undated figure, right of the time axis
    assert chart.divider is not None and dashboard[0].x > chart.divider


def test_several_sources_are_told_apart_by_pattern_and_key() -> None:
    chart = _chart(load_dataset(EDITIONS), "mynacard")
    patterns = {bar.source: bar.pattern for bar in chart.bars}
    assert len(set(patterns.values())) == 3
    assert {k.text for k in chart.keys if k.pattern >= 0} == {"progress-2024", "progress-2023", "dashboard"}
    # Two sources at one period stand side by side, not on top of each other.
    july = [bar for bar in chart.bars if bar.period_key == "2023-07"]
    assert len(july) == 2 and july[0].x + july[0].width <= july[1].x + 0.01


def test_a_distribution_is_a_stacked_bar_of_the_answers(shipped: Dataset) -> None:
    metric = shipped.metrics["approval"]
    stack = stack_chart(metric, chronological(metric.observations), "d")
    assert [row.label for row in stack.rows] == ["2023年7月", "2024年7月"]
    latest = stack.rows[1].segments
    assert [s.label for s in latest] == ["50.9%", "38.0%", "11.1%"]
    full = stack.right - stack.left
    assert latest[0].width / full == pytest.approx(0.509, abs=0.001)  # a share of 100%, not of the sum
    assert latest[1].x == pytest.approx(latest[0].x + latest[0].width, abs=0.01)


# ── links and escaping ──────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://digital.go.jp/policies", "https://digital.go.jp/policies"),
        ("http://example.org/a?b=c", "http://example.org/a?b=c"),
        ("javascript:alert(1)", None),
        ("  JaVaScRiPt:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("vbscript:msgbox", None),
        ("//evil.example/", None),
        ("https:alert(1)", None),
        ("digital.go.jp", None),
        ("", None),
    ],
)
def test_only_http_urls_become_links(url: str, expected: str | None) -> None:
    assert link(url) == expected


class _Markup(HTMLParser):
    """Every tag, attribute and text node of a page, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += attrs

    def handle_data(self, data: str) -> None:
        self.text += data


def test_hostile_text_is_escaped_and_shown_literally() -> None:
    dataset = load_dataset(XSS)
    page = render_report(build(dataset), Terminal())
    parsed = _Markup()
    parsed.feed(page)
    assert "script" not in parsed.tags and "img" not in parsed.tags and "iframe" not in parsed.tags
    assert not any(name.startswith("on") for name, _ in parsed.attributes)
    assert not any(value and "javascript:" in value.lower() for name, value in parsed.attributes if name == "href")
    for text in ("<script>window.__xss = 'failing claim'</script>", "<img src=x onerror=", "javascript:window.__xss"):
        assert text in parsed.text
    # The page itself allows no script at all (defence in depth).
    assert "default-src 'none'" in page


def test_the_shipped_page_has_a_chart_a_table_and_claims_for_every_metric(shipped: Dataset) -> None:
    page = render_report(build(shipped), Terminal())
    for metric_id in shipped.metrics:
        assert f'id="m-{metric_id}"' in page
    charts = page.count('class="chart"')
    assert charts >= len(shipped.metrics)
    assert page.count("<title id=") == page.count("<desc id=") == charts  # every chart says what it shows
    assert page.count("<caption") >= len(shipped.metrics)
    assert 'href="https://digital.go.jp/policies/report-202309-202408/progress"' in page
    for claim in shipped.claims():
        assert f'id="claim-{claim.id}"' in page


def test_the_summary_lists_failing_claims_first_with_links() -> None:
    page = render_report(build(load_dataset(EDITIONS)), Terminal())
    failing = page.index('id="failing"')
    link_at = page.index('href="#claim-health-insurance-card-2023-07-progress-2024-vs-dashboard"')
    assert failing < link_at < page.index('id="doubtful"') < page.index('id="indicators"')
    assert page.count('id="claim-health-insurance-card-2023-07-progress-2024-vs-dashboard"') == 1


def test_a_pair_not_compared_is_shown_as_one_to_look_at() -> None:
    # tests/data/time/01: 2023年7月 8,904万枚 (page) and 2023年7月末 8,914万件 (report-2023), no time: —
    # one pair, not compared. The report once failed on it (no label for the verdict).
    dataset = load_dataset(DATA / "time" / "01-month-vs-monthend-auto.yaml")
    page = render_report(build(dataset), Terminal())
    doubtful = page.index('id="doubtful"')
    badge = page.index('class="badge v-not_compared"', doubtful)
    assert badge < page.index('id="indicators"')  # listed with the doubtful ones, before the indicators
    assert '<span class="badge-text">not compared</span>' in page


def test_every_verdict_has_a_label_a_meaning_and_a_place() -> None:
    from dgcli.data.model import Verdict
    from dgcli.render.html import VERDICT_LABEL, VERDICT_MEANING
    from dgcli.render.report import VERDICT_ORDER

    assert set(VERDICT_LABEL) == set(VERDICT_MEANING) == set(VERDICT_ORDER) == set(Verdict)


# ── filters ─────────────────────────────────────────────────────────────────────────────────


def test_filters_choose_metrics_sections_and_a_source(shipped: Dataset) -> None:
    one = build(shipped, metrics=[shipped.metrics["mynacard"]])
    assert [m.id for p in one.placed for m in p.metrics] == ["mynacard"]
    assert {r.claim.metric for r in one.results} == {"mynacard"}  # its own claims, no headline's
    section = build(shipped, sections=[shipped.section("mynumber-card")])
    assert [m.id for p in section.placed for m in p.metrics] == [
        "mynacard",
        "health-insurance-card",
        "public-fund-account",
    ]
    assert any(r.claim.section == "mynumber-card" for r in section.results)
    editions = load_dataset(EDITIONS)
    dashboard = build(editions, source="dashboard")
    assert {o.source for p in dashboard.placed for m in p.metrics for o in dashboard.observations(m)} == {"dashboard"}
    assert all("dashboard" in (r.claim.source, r.claim.versus) for r in dashboard.results)


# ── the command line ────────────────────────────────────────────────────────────────────────


def test_report_writes_a_file_and_says_so(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    outcome = run_process("report", "--file", str(SHIPPED), "-o", str(target))
    assert outcome.code == 0, outcome.err
    assert outcome.out == ""
    assert f"wrote {target}: 43 metrics; OK: 72 claims" in outcome.err
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temporary file left


def test_report_goes_to_a_pipe_and_exits_0_even_when_claims_fail() -> None:
    outcome = run_process("report", "--file", str(EDITIONS))
    assert outcome.code == 0
    assert outcome.out.startswith("<!DOCTYPE html>") and outcome.out.rstrip().endswith("</html>")


def test_report_refuses_to_write_html_to_a_terminal() -> None:
    leader, follower = os.openpty()
    try:
        from conftest import DGCLI, clean_environment

        completed = subprocess.run(
            [DGCLI, "report", "--file", str(SHIPPED)],
            stdout=follower,
            stderr=subprocess.PIPE,
            text=True,
            env=clean_environment(),
            timeout=60,
            check=False,
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert completed.returncode == 2
    assert "give -o report.html" in completed.stderr and "Traceback" not in completed.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--source", "nope"], "no source 'nope'"),
        (["mynacrd"], "no metric 'mynacrd'"),
        (["--section", "nowhere"], "no section 'nowhere'"),
    ],
)
def test_report_filters_fail_with_one_line(args: list[str], message: str, run: Callable[..., Outcome]) -> None:
    outcome = run("report", "--file", str(SHIPPED), *args)
    assert outcome.code == 2
    assert message in outcome.err and outcome.out == ""


def test_an_unwritable_output_is_exit_74(tmp_path: Path, run: Callable[..., Outcome]) -> None:
    outcome = run("report", "--file", str(SHIPPED), "-o", str(tmp_path / "missing" / "report.html"))
    assert outcome.code == 74
    assert outcome.err.startswith("dgcli: cannot write ") and "Traceback" not in outcome.err


def test_show_format_svg_is_one_standalone_svg(run: Callable[..., Outcome]) -> None:
    outcome = run("show", "mynacard", "--file", str(SHIPPED), "--format", "svg")
    assert outcome.code == 0
    root = ET.fromstring(outcome.out.encode("utf-8"))
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{ns}svg" and root.get("viewBox")
    assert root.find(f"{ns}title") is not None and root.find(f"{ns}desc") is not None
    marks = root.findall(f".//{ns}g[@class='mark']")
    assert [m.get("data-figure") for m in marks] == ["5,400万枚", "8,904万枚", "9,308万枚"]


def test_other_commands_do_not_import_jinja2() -> None:
    code = (
        "import sys, io, contextlib; from dgcli.cli import main\n"
        "for args in (['list', '--json'], ['verify', '--json'], ['show', 'mynacard']):\n"
        "    with contextlib.redirect_stdout(io.StringIO()): main(args + ['--file', sys.argv[1]])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('jinja2', 'markupsafe')"
        " or m in ('dgcli.render.html', 'dgcli.render.svg', 'dgcli.render.chart', 'dgcli.render.report')))"
    )
    result = subprocess.run([sys.executable, "-c", code, str(SHIPPED)], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


# ── any history: the layout's promises hold ─────────────────────────────────────────────────

_PERIODS = st.one_of(
    st.builds(lambda y, m: f"{y}年{m}月", st.integers(1990, 2040), st.integers(1, 12)),
    st.builds(lambda y: f"{y}年度", st.integers(1990, 2040)),
    st.builds(lambda y, m: f"{y}年{m}月末", st.integers(1990, 2040), st.integers(1, 12)),
    st.builds(lambda y: f"{y}年4月から{y + 1}年3月", st.integers(1990, 2040)),
)
_FIGURES = st.one_of(
    st.builds(lambda n: f"{n:,}万件", st.integers(0, 99_999)),
    st.builds(lambda n: f"約{n}万件", st.integers(1, 999)),
    st.builds(lambda n: f"{n / 10:.1f}億件", st.integers(0, 999)),
    st.builds(lambda n: f"{n:,}以上", st.integers(1, 9_999)),
)


@given(
    st.lists(
        st.tuples(st.one_of(st.none(), _PERIODS), _FIGURES, st.sampled_from(["a", "b", "c"])),
        min_size=1,
        max_size=12,
        unique_by=lambda row: (row[0], row[2]),
    )
)
@settings(max_examples=150, deadline=None)
def test_any_history_keeps_its_bars_in_order_from_zero_and_inside(rows: list[tuple[str | None, str, str]]) -> None:
    observations = [
        Observation(parse_period(p) if p else None, parse_figure(f), 1, source, Rounding.NEAREST)
        for p, f, source in rows
    ]
    metric = Metric("m", "名前", "name", "s", ("件",), tuple(observations), 1)
    ordered = chronological(observations)
    chart = history_chart(metric, ordered, "c")
    assert [bar.label for bar in chart.bars] == [o.figure.text for o in ordered]
    for bar, observation in zip(chart.bars, ordered, strict=True):
        assert bar.y + bar.height == pytest.approx(chart.zero, abs=0.02)
        assert bar.x >= 0 and bar.x + bar.width <= chart.width + 0.01
        assert chart.left <= bar.x or observation.period is None
        assert bar.label_y > 0  # no figure label above the top of the picture
    # Each period's bars (one per source) are centred on its place in time: later periods further right.
    centres: dict[str, list[float]] = {}
    starts: dict[str, tuple[int, int]] = {}
    for bar, o in zip(chart.bars, ordered, strict=True):
        if o.period is not None:
            centres.setdefault(o.period.key, []).append(bar.x + bar.width / 2)
            starts[o.period.key] = (o.period.start, o.period.end)
    places = sorted((starts[key], sum(xs) / len(xs)) for key, xs in centres.items())
    for (days_a, x_a), (days_b, x_b) in pairwise(places):
        if days_a[0] + days_a[1] < days_b[0] + days_b[1]:
            assert x_a < x_b + 0.02
    for key in chart.keys:
        assert 0 <= key.x <= chart.width and key.y <= chart.height
