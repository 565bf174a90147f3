"""Every figure as one tidy table: one row per (metric, period, source, answer or part).

For pandas and spreadsheets: ``dgcli export --format csv``. Values stay exact (``Fraction`` here,
decimal text in CSV); ``low``/``high`` are what the printed figure stands for under its rounding rule
(empty where a hedge leaves a side open, as in 4,000以上).
"""

from fractions import Fraction
from typing import NamedTuple

from dgcli.data.model import Dataset, Observation
from dgcli.text.intervals import stands_for
from dgcli.text.numbers import Figure

COLUMNS = (
    "section",
    "metric",
    "name",
    "name_en",
    "period",
    "period_published",
    "period_start",
    "period_end",
    "source",
    "answer",
    "part",
    "published",
    "value",
    "low",
    "high",
    "low_open",
    "high_open",
    "exact",
    "hedge",
    "unit",
    "rounding",
    "line",
)
Cell = str | int | bool | Fraction | None


class ExportReport(NamedTuple):
    dataset: Dataset
    rows: list[tuple[Cell, ...]]
    raw: bool = False  # CSV: text exactly as in the file, formula-like cells not neutralised


def export_report(dataset: Dataset, raw: bool = False) -> ExportReport:
    rows: list[tuple[Cell, ...]] = []
    for section in dataset.sections:
        for metric_id in section.metrics:
            metric = dataset.metrics[metric_id]
            for observation in metric.history():
                head = (section.id, metric.id, metric.name, metric.name_en)
                if not observation.shares:
                    rows.append(_row(head, observation, observation.figure, "", ""))
                for share in observation.shares:
                    rows.append(_row(head, observation, share.figure, share.answer, ""))
                for part in observation.parts:
                    rows.append(_row(head, observation, part.figure, "", part.name))
    return ExportReport(dataset, rows, raw)


def _row(head: tuple[str, ...], observation: Observation, figure: Figure, answer: str, part: str) -> tuple[Cell, ...]:
    period = observation.period
    span = stands_for(figure, observation.rounding)
    return (
        *head,
        period.key if period else None,
        period.text if period else None,
        period.first_day if period else None,
        period.last_day if period else None,
        observation.source,
        answer or None,
        part or None,
        figure.text,
        None if figure.bound else Fraction(figure.value),
        span.low,
        span.high,
        span.low_open,
        span.high_open,
        figure.exact,
        figure.hedge.value,
        figure.unit or None,
        observation.rounding.value,
        observation.line,
    )
