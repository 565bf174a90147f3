"""JSON for scripts and jq: one document on stdout, numbers in base units, never through Rich."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from typing import Any

from dgcli.claims import Change, Interval, Result, format_fraction, summarize
from dgcli.model import Dataset, Item, Metric, Observation
from dgcli.numbers import Quantity
from dgcli.render import Terminal

SCHEMA_VERSION = 1


def number(value: Decimal | Fraction) -> int | float:
    """An exact decimal as a JSON number with no binary-float artefacts (50.9, not 50.900000000000006).

    ``float(Decimal("50.9"))`` is the double nearest 50.9, and ``repr`` of a double is the shortest
    string that reads back as it, so json writes "50.9".
    """
    if isinstance(value, Fraction):
        text = format_fraction(value, 6, grouping=False)  # computed ratios are given to 6 decimals
        return float(text) if "." in text else int(text)
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _dump(document: dict[str, Any], terminal: Terminal) -> str:
    # One line (pipe into `jq .` to read it): without indent= json uses its C encoder, several times
    # faster. Non-ASCII as is, unless stdout cannot encode it (then \u escapes keep the JSON valid).
    return json.dumps(document, ensure_ascii=not terminal.unicode) + "\n"


def _source(dataset: Dataset) -> dict[str, Any]:
    return {
        "title": dataset.source.title,
        "publisher": dataset.source.publisher,
        "url": dataset.source.url,
        "file": dataset.file,
    }


def quantity(q: Quantity) -> dict[str, Any]:
    return {
        "value": number(q.value),
        "published": q.text,
        "exact": q.exact,
        "approximate": q.approximate,
        "low": number(q.low),
        "high": number(q.high),
    }


def _items(items: tuple[Item, ...]) -> list[dict[str, Any]]:
    return [{"name": item.name, "since": item.since.key if item.since else None} for item in items]


def observation(o: Observation) -> dict[str, Any]:
    data: dict[str, Any] = {
        "period": o.period_key,
        "period_published": o.period.text if o.period else None,
        **quantity(o.quantity),
        "line": o.line,
    }
    if o.shares:
        data["distribution"] = [{"answer": s.answer, **quantity(s.quantity)} for s in o.shares]
    if o.parts:
        data["parts"] = [{"name": p.name, **quantity(p.quantity)} for p in o.parts]
    if o.items:
        data["items"] = _items(o.items)
    if o.added:
        data["added"] = _items(o.added)
    if o.note:
        data["note"] = o.note
    return data


def interval(value: Interval | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {"point": number(value.point), "low": number(value.low), "high": number(value.high)}


def claim(result: Result, file: str) -> dict[str, Any]:
    c = result.claim
    return {
        "id": c.id,
        "metric": c.metric,
        "metrics": list(c.metrics),
        "kind": c.kind.value,
        "text": c.text,
        "stated": result.stated.text if result.stated else None,
        "stated_value": number(result.stated.value) if result.stated else None,
        "computed": interval(result.computed),
        "verdict": result.verdict.value,
        "reason": result.reason,
        "section": c.section or None,
        "location": {"file": file, "line": c.line},
    }


def _metric_summary(metric: Metric) -> dict[str, Any]:
    return {
        "id": metric.id,
        "name": metric.name,
        "name_en": metric.name_en,
        "unit": metric.unit,
        "latest": observation(metric.latest),
    }


def list_view(dataset: Dataset, terminal: Terminal) -> str:
    sections = [
        {
            "id": section.id,
            "title": section.title,
            "group": {"id": section.group, "title": dataset.group(section.group).title},
            "metrics": [_metric_summary(dataset.metrics[m]) for m in section.metrics],
        }
        for section in dataset.sections
    ]
    return _dump({"schema_version": SCHEMA_VERSION, "source": _source(dataset), "sections": sections}, terminal)


def show_view(dataset: Dataset, metric: Metric, results: list[Result], terminal: Terminal) -> str:
    section = dataset.section(metric.section)
    survey = dataset.surveys.get(metric.survey)
    document: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "id": metric.id,
        "name": metric.name,
        "name_en": metric.name_en,
        "aliases": list(metric.aliases),
        "section": {"id": section.id, "title": section.title, "group": section.group},
        "category": metric.category or None,
        "unit": metric.unit,
        "description": metric.description or None,
        "headline_answer": metric.headline_answer or None,
        "observations": [observation(o) for o in metric.observations],
        "claims": [claim(r, dataset.file) for r in results],
        "notes": list(metric.notes),
        "footnotes": [{"mark": mark, "text": dataset.footnotes[mark]} for mark in metric.footnotes],
        "survey": None,
        "source": {**_source(dataset), "line": section.source or None, "metric_line": metric.line},
    }
    if survey is not None:
        document["survey"] = {
            "id": survey.id,
            "title": survey.title,
            "method": survey.method,
            "population": survey.population,
            "age_min": survey.age_min,
            "age_max": survey.age_max,
            "respondents": {period.key: count for period, count in survey.respondents},
            "rounding": survey.rounding,
        }
    return _dump(document, terminal)


def changes_view(dataset: Dataset, rows: list[Change], terminal: Terminal) -> str:
    changes = [
        {
            "metric": row.metric.id,
            "name": row.metric.name,
            "unit": row.metric.unit,
            "baseline": observation(row.baseline) if row.baseline else None,
            "latest": observation(row.latest),
            "absolute_change": interval(row.absolute),
            "change_unit": "PT" if row.metric.unit == "%" else row.metric.unit,
            "percent_change": interval(row.percent),
            "claim": claim(row.result, dataset.file),
        }
        for row in rows
    ]
    return _dump({"schema_version": SCHEMA_VERSION, "source": _source(dataset), "changes": changes}, terminal)


def verify_view(dataset: Dataset, results: list[Result], strict: bool, terminal: Terminal) -> str:
    document = {
        "schema_version": SCHEMA_VERSION,
        "source": _source(dataset),
        "strict": strict,
        "summary": summarize(results),
    }
    # Claims are encoded one at a time and joined once: a 50,000-metric file never holds every
    # claim's dict at once, nor a second copy of the output.
    parts = [_dump(document, terminal).rstrip("\n").removesuffix("}"), ', "claims": [']
    for index, result in enumerate(results):
        if index:
            parts.append(", ")
        parts.append(json.dumps(claim(result, dataset.file), ensure_ascii=not terminal.unicode))
    parts.append("]}\n")
    return "".join(parts)
