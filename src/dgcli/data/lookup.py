"""Find a metric by what a person types: id, alias, Japanese or English name, or a unique prefix."""

from __future__ import annotations

import difflib

from dgcli.data.model import Dataset, Metric
from dgcli.errors import LookupFailed
from dgcli.text.normalize import fold


def normalize_name(text: str) -> str:
    """NFKC (half-width katakana, Kangxi and supplement radicals) then case-folding."""
    return fold(text)


def names_of(metric: Metric) -> list[str]:
    return [metric.id, metric.name, metric.name_en, *metric.aliases]


def find_metric(dataset: Dataset, query: str) -> Metric:
    """The one metric ``query`` names. Raises ``LookupFailed`` with up to 3 suggestions."""
    wanted = normalize_name(query)
    index: dict[str, set[str]] = {}
    for metric in dataset.metrics.values():
        for name in names_of(metric):
            index.setdefault(normalize_name(name), set()).add(metric.id)
    exact = index.get(wanted, set())
    if not exact and wanted:
        exact = {metric_id for name, ids in index.items() if name.startswith(wanted) for metric_id in ids}
    if len(exact) == 1:
        return dataset.metrics[exact.pop()]
    shown = f"{query!r}"
    if exact:
        ordered = [metric_id for metric_id in dataset.metrics if metric_id in exact]
        raise LookupFailed(f"metric {shown} is ambiguous: it matches {', '.join(ordered[:5])}", tuple(ordered[:3]))
    close = difflib.get_close_matches(wanted, list(index), n=10, cutoff=0.6)
    suggestions: list[str] = []
    for name in close:
        for metric_id in sorted(index[name]):
            if metric_id not in suggestions:
                suggestions.append(metric_id)
    raise LookupFailed(f"no metric {shown}", tuple(suggestions[:3]))
