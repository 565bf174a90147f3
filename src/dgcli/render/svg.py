"""`dgcli show METRIC --format svg`: the metric's history chart as one standalone SVG, for a slide.

Also the one place the templates are loaded from (the HTML report uses it too): Jinja2 with
autoescaping on, so every text from the data file is escaped by the template engine. Imported only
for ``--format svg`` and ``report``: no other command pays for Jinja2.
"""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2
from markupsafe import Markup

from dgcli.check.reports import ShowReport
from dgcli.render import Terminal, Views
from dgcli.render.chart import history_chart

TEMPLATES = Path(__file__).resolve().parent / "templates"


@functools.cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def stylesheet(name: str) -> Markup:
    """A stylesheet shipped with dgcli (trusted, never data), to inline as it is."""
    return Markup((TEMPLATES / name).read_text(encoding="utf-8"))


def render_show(report: ShowReport, terminal: Terminal) -> str:
    metric = report.metric
    observations = sorted(
        (o for o in metric.observations if o.period is not None),
        key=lambda o: o.period.sort_key if o.period else (0, 0),
    ) + [o for o in metric.observations if o.period is None]
    chart = history_chart(metric, observations, f"chart-{metric.id}")
    macros = environment().get_template("chart.svg.j2").module
    svg = str(macros.history(chart, True, stylesheet("chart.css")))  # type: ignore[attr-defined]
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + svg.strip() + "\n"


VIEWS = Views(show=render_show)
