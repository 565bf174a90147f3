"""JSON for scripts and jq: one document on stdout, numbers in base units, never through Rich.

Contract version 2 (schema/output/*.schema.json): every document has ``schema_version`` and
``file``; a group, a source, an observation, an interval and a claim have one shape everywhere.
``diff`` has its own version (diff.SCHEMA_VERSION, 3): its kinds of difference grew.
"""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from dgcli.check.claims import Change, Result
from dgcli.check.reports import ChangesReport, ErrorReport, ListReport, ShowReport, VerifyReport
from dgcli.data.model import Dataset, Group, Item, Metric, Observation, Source
from dgcli.render import Terminal, Views
from dgcli.text.display import format_fraction
from dgcli.text.intervals import Interval, stands_for
from dgcli.text.numbers import Figure, Rounding
from dgcli.text.periods import Period

if TYPE_CHECKING:
    from dgcli.check.diff import DiffReport
    from dgcli.data.export import ExportReport
    from dgcli.page.audit import AuditReport

SCHEMA_VERSION = 2
VERIFY_SCHEMA_VERSION = 3  # verify's documents: 3 since the verdict not_compared (a new summary count)


def number(value: Decimal | Fraction | None) -> int | float | None:
    """An exact decimal as a JSON number with no binary-float artefacts (50.9, not 50.900000000000006).

    ``float(Decimal("50.9"))`` is the double nearest 50.9, and ``repr`` of a double is the shortest
    string that reads back as it, so json writes "50.9". Integers stay exact at any size.
    """
    if value is None:
        return None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if value.denominator == 1:
        return value.numerator
    if _terminates(value):
        return float(value)  # the double nearest an exact decimal: json writes its shortest form
    text = format_fraction(value, 6, grouping=False)  # computed ratios are given to 6 decimals
    return float(text) if "." in text else int(text)


def _terminates(value: Fraction) -> bool:
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    return denominator == 1 and value.denominator < 10**12


def dump(document: dict[str, Any], terminal: Terminal) -> str:
    # One line (pipe into `jq .` to read it): without indent= json uses its C encoder, several times
    # faster. Non-ASCII as is, unless stdout cannot encode it (then \u escapes keep the JSON valid).
    return json.dumps(document, ensure_ascii=not terminal.unicode) + "\n"


def period(value: Period | None) -> dict[str, Any]:
    if value is None:
        return {"period": None, "period_published": None, "period_start": None, "period_end": None}
    return {
        "period": value.key,
        "period_published": value.text,
        "period_start": value.first_day,
        "period_end": value.last_day,
    }


def source(value: Source) -> dict[str, Any]:
    return {
        "id": value.id,
        "title": value.title,
        "publisher": value.publisher or None,
        "url": value.url or None,
        "published": value.published.key if value.published else None,
        "rounding": value.rounding.value if value.rounding else None,
    }


def group(value: Group) -> dict[str, Any]:
    return {"id": value.id, "title": value.title}


def interval(value: Interval | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {
        "point": number(value.point),
        "low": number(value.low),
        "high": number(value.high),
        "low_open": value.low_open,
        "high_open": value.high_open,
    }


def figure(value: Figure, rounding: Rounding) -> dict[str, Any]:
    """A printed figure: its value, the text as printed, and the interval it stands for under its rule."""
    span = stands_for(value, rounding)
    return {
        "value": None if value.bound else number(value.value),
        "published": value.text,
        "unit": value.unit or None,
        "exact": value.exact,
        "approximate": value.approximate,
        "hedge": value.hedge.value,
        "low": number(span.low),
        "high": number(span.high),
        "low_open": span.low_open,
        "high_open": span.high_open,
    }


def _items(items: tuple[Item, ...]) -> list[dict[str, Any]]:
    return [{"name": item.name, "since": item.since.key if item.since else None} for item in items]


def observation(o: Observation) -> dict[str, Any]:
    data: dict[str, Any] = {
        **period(o.period),
        "source": o.source,
        **figure(o.figure, o.rounding),
        "rounding": o.rounding.value,
        "line": o.line,
    }
    if o.shares:
        data["distribution"] = [{"answer": s.answer, **figure(s.figure, o.rounding)} for s in o.shares]
    if o.parts:
        data["parts"] = [{"name": p.name, **figure(p.figure, o.rounding)} for p in o.parts]
    if o.items:
        data["items"] = _items(o.items)
    if o.added:
        data["added"] = _items(o.added)
    if o.note:
        data["note"] = o.note
    if o.partial:
        data["partial"] = True
    if o.revised:
        data["revised"] = o.revised
    return data


def claim(result: Result, file: str) -> dict[str, Any]:
    c = result.claim
    return {
        "id": c.id,
        "metric": c.metric,
        "metrics": list(c.metrics),
        "kind": c.kind.value,
        "text": c.text,
        "source": c.source or None,
        "stated": result.stated.text if result.stated else None,
        "stated_value": number(result.stated.value) if result.stated and not result.stated.bound else None,
        "stated_interval": interval(result.target),
        "computed": interval(result.computed),
        "verdict": result.verdict.value,
        "reason": result.reason,
        "rounding": result.rounding or None,
        "section": c.section or None,
        "location": {"file": file, "line": c.line, "column": c.column or None},
    }


def _metric_summary(metric: Metric) -> dict[str, Any]:
    return {
        "id": metric.id,
        "name": metric.name,
        "name_en": metric.name_en,
        "unit": metric.unit,
        "units": list(metric.units),
        "latest": observation(metric.history()[0]),
    }


def _head(dataset: Dataset) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "file": dataset.file, "source": source(dataset.source)}


def render_list(report: ListReport, terminal: Terminal) -> str:
    dataset = report.dataset
    sections = [
        {
            "id": section.id,
            "title": section.title,
            "group": group(dataset.group(section.group)),
            "metrics": [_metric_summary(dataset.metrics[m]) for m in section.metrics],
        }
        for section in dataset.sections
    ]
    document = {**_head(dataset), "sources": [source(s) for s in dataset.sources], "sections": sections}
    return dump(document, terminal)


def render_show(report: ShowReport, terminal: Terminal) -> str:
    dataset, metric = report.dataset, report.metric
    section = dataset.section(metric.section)
    survey = dataset.surveys.get(metric.survey)
    document: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "file": dataset.file,
        "id": metric.id,
        "name": metric.name,
        "name_en": metric.name_en,
        "aliases": list(metric.aliases),
        "section": {"id": section.id, "title": section.title, "group": group(dataset.group(section.group))},
        "category": metric.category or None,
        "unit": metric.unit,
        "units": list(metric.units),
        "description": metric.description or None,
        "headline_answer": metric.headline_answer or None,
        "rounding": metric.rounding.value if metric.rounding else None,
        "observations": [observation(o) for o in metric.history()],
        "claims": [claim(r, dataset.file) for r in report.results],
        "notes": list(metric.notes),
        "footnotes": [{"mark": mark, "text": dataset.footnotes.get(mark, "")} for mark in metric.footnotes],
        "survey": None,
        "citation": section.citation or None,
        "source": source(dataset.source),
        "sources": [source(s) for s in dataset.sources if any(o.source == s.id for o in metric.observations)],
        "line": metric.line,
    }
    if survey is not None:
        document["survey"] = {
            "id": survey.id,
            "title": survey.title,
            "method": survey.method or None,
            "population": survey.population or None,
            "age_min": survey.age_min,
            "age_max": survey.age_max,
            "respondents": {p.key: count for p, count in survey.respondents},
            "rounding": survey.rounding.value if survey.rounding else None,
            "rounding_note": survey.rounding_note or None,
        }
    return dump(document, terminal)


def _change(row: Change, file: str) -> dict[str, Any]:
    return {
        "metric": row.metric.id,
        "name": row.metric.name,
        "unit": row.metric.unit,
        "baseline": observation(row.baseline) if row.baseline else None,
        "latest": observation(row.latest),
        "absolute_change": interval(row.absolute),
        "change_unit": "PT" if row.metric.is_percentage else row.metric.unit,
        "percent_change": interval(row.percent),
        "claim": claim(row.result, file),
    }


def render_changes(report: ChangesReport, terminal: Terminal) -> str:
    document = {
        **_head(report.dataset),
        "metric": report.metric.id if report.metric else None,
        "note": report.empty_reason or None,
        "changes": [_change(row, report.dataset.file) for row in report.rows],
    }
    return dump(document, terminal)


def render_verify(report: VerifyReport, terminal: Terminal) -> str:
    document = {
        **_head(report.dataset),
        "schema_version": VERIFY_SCHEMA_VERSION,
        "strict": report.strict,
        "failed": report.failed,
        "summary": report.counts,
    }
    # Claims are encoded one at a time and joined once: a 50,000-metric file never holds every
    # claim's dict at once, nor a second copy of the output.
    parts = [dump(document, terminal).rstrip("\n").removesuffix("}"), ', "claims": [']
    ascii_only = not terminal.unicode
    for index, result in enumerate(report.results):
        if index:
            parts.append(", ")
        parts.append(json.dumps(claim(result, report.dataset.file), ensure_ascii=ascii_only))
    parts.append("]}\n")
    return "".join(parts)


def render_errors(report: ErrorReport, terminal: Terminal) -> str:
    errors = [
        {"line": p.line or None, "column": p.column or None, "path": p.path or None, "message": p.message}
        for p in report.problems
    ]
    return dump({"schema_version": SCHEMA_VERSION, "file": report.file, "errors": errors}, terminal)


def render_diff(report: DiffReport, terminal: Terminal) -> str:
    from dgcli.check.diff import SCHEMA_VERSION as DIFF_VERSION
    from dgcli.check.diff import to_json

    return dump(to_json(report, DIFF_VERSION), terminal)


def render_audit(report: AuditReport, terminal: Terminal) -> str:
    from dgcli.page.audit import to_json

    return dump(to_json(report), terminal)  # audit's own version (3): see audit.JSON_VERSION


def render_export(report: ExportReport, terminal: Terminal) -> str:
    from dgcli.data.export import COLUMNS

    records = [
        {
            column: number(cell) if isinstance(cell, Fraction) else cell
            for column, cell in zip(COLUMNS, row, strict=True)
        }
        for row in report.rows
    ]
    return dump({"schema_version": SCHEMA_VERSION, "file": report.dataset.file, "records": records}, terminal)


VIEWS = Views(
    list=render_list,
    show=render_show,
    changes=render_changes,
    verify=render_verify,
    diff=render_diff,
    audit=render_audit,
    export=render_export,
    errors=render_errors,
)
