"""Compare two indicators files: two editions, or one file before and after an edit.

What changed: metrics added and removed; observations added and removed; figures revised (the
same metric, period and answer or part, printed with another value or precision); figures
reprinted (the same value in other words, 8,904万枚 → 8,904万件); claims added, removed, reworded or
restated; and verdicts that changed. Observations are matched by (metric, period, answer or part),
by source first and then whatever source printed them, so two editions with different source ids
compare figure by figure.
"""

from typing import Any

from dgcli.check import claims
from dgcli.data.model import Claim, Dataset
from dgcli.text.numbers import Figure

# Kinds of difference, in the order a reader wants them.
KINDS = (
    "format-version",  # schema_version 1 → 2: the same data may be written differently
    "source-renamed",  # a source's id changed, nothing else about it (reported once, not per figure)
    "metric-added",
    "metric-removed",
    "figure-revised",
    "figure-reprinted",
    "observation-added",
    "observation-removed",
    "claim-added",
    "claim-removed",
    "claim-changed",
    "verdict-changed",
    "metric-moved",  # to another section
    "added",  # a source, survey, group, section or footnote
    "removed",
    "changed",  # any other published field: a headline, a name, aliases, items, a note, a rounding rule…
)
# diff --json's contract: 3 added the kinds above format-version…source-renamed and metric-moved…changed.
SCHEMA_VERSION = 3


class Difference:
    """One difference, located in the new file (or the old one, for what was removed)."""

    __slots__ = ("answer", "kind", "line", "metric", "new", "old", "period", "section", "subject")

    def __init__(
        self,
        kind: str,
        section: str,
        subject: str,
        *,
        metric: str = "",
        period: str | None = None,
        answer: str = "",
        old: str | None = None,
        new: str | None = None,
        line: int = 0,
    ) -> None:
        self.kind, self.section, self.subject, self.metric = kind, section, subject, metric
        self.period, self.answer, self.old, self.new, self.line = period, answer, old, new, line


class DiffReport:
    __slots__ = ("differences", "new", "old")

    def __init__(self, old: Dataset, new: Dataset, differences: list[Difference]) -> None:
        self.old, self.new, self.differences = old, new, differences

    @property
    def differ(self) -> bool:
        return bool(self.differences)

    def counts(self) -> dict[str, int]:
        return {kind: sum(d.kind == kind for d in self.differences) for kind in KINDS}


def diff(old: Dataset, new: Dataset) -> DiffReport:
    renames = _renames(old, new)
    found: list[Difference] = []
    if old.schema_version != new.schema_version:
        found.append(
            Difference("format-version", "", "schema_version", old=str(old.schema_version), new=str(new.schema_version))
        )
    found += [Difference("source-renamed", "", f"source {was}", old=was, new=now) for was, now in renames.items()]
    found += _metrics(old, new)
    found += _observations(old, new, renames)
    found += _claims(old, new, renames)
    found += _verdicts(old, new)
    found += _fields(old, new, renames)
    order = {"": -1} | {section.id: index for index, section in enumerate(new.sections)}
    for index, section in enumerate(old.sections):
        order.setdefault(section.id, len(new.sections) + index)
    found.sort(key=lambda d: (order.get(d.section, len(order)), KINDS.index(d.kind)))
    return DiffReport(old, new, found)


def _renames(old: Dataset, new: Dataset) -> dict[str, str]:
    """Old source id → new id, for a source whose id alone changed (version 1's "main" included)."""
    gone = [s for s in old.sources if s.id not in {n.id for n in new.sources}]
    came = [s for s in new.sources if s.id not in {o.id for o in old.sources}]
    renames: dict[str, str] = {}
    for source in gone:
        same = [n for n in came if n._replace(id="", line=0) == source._replace(id="", line=0)]
        if same:
            renames[source.id] = same[0].id
            came.remove(same[0])
    return renames


def _fields(old: Dataset, new: Dataset, renames: dict[str, str]) -> list[Difference]:
    """Every other published field, as written (published.py), and metrics moved between sections."""
    from dgcli.data.published import published
    from dgcli.data.tree import Node

    if not isinstance(old.tree, Node) or not isinstance(new.tree, Node):
        return []
    before, after = published(old.tree, renames), published(new.tree)
    found: list[Difference] = []
    for metric, (section, line) in after.metric_sections.items():
        moved = before.metric_sections.get(metric)
        if moved is not None and moved[0] != section:
            found.append(
                Difference("metric-moved", section, metric, metric=metric, old=moved[0], new=section, line=line)
            )
    for what, order in after.orders.items():
        was_order = [ident for ident in before.orders.get(what, []) if ident in order]
        now_order = [ident for ident in order if ident in was_order]
        if was_order != now_order:
            section = what.split(" ")[1] if what.startswith("section ") else ""
            found.append(
                Difference("changed", section, f"{what}: order", old=", ".join(was_order), new=", ".join(now_order))
            )
    for (kind, ident), line in after.entities.items():
        if (kind, ident) not in before.entities:
            found.append(Difference("added", ident if kind == "section" else "", f"{kind} {ident}", line=line))
    for (kind, ident), line in before.entities.items():
        if (kind, ident) not in after.entities:
            found.append(Difference("removed", ident if kind == "section" else "", f"{kind} {ident}", line=line))
    shared = {entity for entity in after.entities if entity in before.entities}
    claims_in_both = {c.id for c in old.claims()} & {c.id for c in new.claims()}
    observed_in_both = {k[1] for k in before.fields if k[0] == "observation"} & {
        k[1] for k in after.fields if k[0] == "observation"
    }
    keys = [*after.fields, *(key for key in before.fields if key not in after.fields)]
    for kind, ident, key in keys:
        if kind in ("section", "source", "survey", "group", "footnote") and (kind, ident) not in shared:
            continue  # added or removed whole
        if kind == "metric" and (ident not in old.metrics or ident not in new.metrics):
            continue
        if kind == "claim" and ident not in claims_in_both:
            continue
        was, now = before.fields.get((kind, ident, key)), after.fields.get((kind, ident, key))
        if was is not None and now is not None and was.value == now.value:
            continue
        if kind == "observation" and ident not in observed_in_both:
            continue  # the whole observation was added or removed: reported with its figure
        where = now or was
        assert where is not None
        subject = f"{ident}: {key}" if kind in ("metric", "observation") else f"{kind} {ident}: {key}"
        found.append(
            Difference(
                "changed",
                where.section,
                subject,
                metric=where.metric,
                old=was.value if was else None,
                new=now.value if now else None,
                line=where.line,
            )
        )
    return found


def _section(dataset: Dataset, metric_id: str) -> str:
    metric = dataset.metrics.get(metric_id)
    return metric.section if metric else ""


def _metrics(old: Dataset, new: Dataset) -> list[Difference]:
    found = [
        Difference("metric-added", metric.section, metric.id, metric=metric.id, new=metric.name, line=metric.line)
        for metric in new.metrics.values()
        if metric.id not in old.metrics
    ]
    found += [
        Difference("metric-removed", metric.section, metric.id, metric=metric.id, old=metric.name, line=metric.line)
        for metric in old.metrics.values()
        if metric.id not in new.metrics
    ]
    return found


Printed = dict[tuple[str, str | None, str], list[tuple[str, Figure, int]]]


def _printed(dataset: Dataset) -> Printed:
    """(metric, period, answer or part) → every (source, figure, line) that prints it."""
    printed: Printed = {}
    for metric in dataset.metrics.values():
        for observation in metric.observations:
            for name, figure in observation.figures():
                key = (metric.id, observation.period_key, name)
                printed.setdefault(key, []).append((observation.source, figure, observation.line))
    return printed


def _same_value(a: Figure, b: Figure) -> bool:
    return (a.value, a.step, a.hedge) == (b.value, b.step, b.hedge)


def _observations(old: Dataset, new: Dataset, renames: dict[str, str]) -> list[Difference]:
    before, after = _printed(old), _printed(new)
    common = frozenset(renames.get(s.id, s.id) for s in old.sources) & frozenset(s.id for s in new.sources)
    for entries in before.values():
        entries[:] = [(renames.get(source, source), figure, line) for source, figure, line in entries]
    found: list[Difference] = []
    for key in [*after, *(k for k in before if k not in after)]:
        section = _section(new, key[0]) or _section(old, key[0])
        found += _compare(key, list(before.get(key, [])), list(after.get(key, [])), section, common)
    return found


def _compare(
    key: tuple[str, str | None, str],
    olds: list[tuple[str, Figure, int]],
    news: list[tuple[str, Figure, int]],
    section: str,
    common: frozenset[str] = frozenset(),
) -> list[Difference]:
    """One (metric, period, answer or part) in both files: pair the figures, then say what changed."""
    metric_id, period, name = key
    pairs = []
    for entry in list(news):  # the same source's figure first…
        match = next((o for o in olds if o[0] == entry[0]), None)
        if match is not None:
            pairs.append((match, entry))
            olds.remove(match)
            news.remove(entry)
    while olds and news:  # …then whatever printed it, in order (two editions, two source ids)
        pairs.append((olds.pop(0), news.pop(0)))
    subject = f"{metric_id} {period or '(undated)'}" + (f" {name}" if name else "")

    def difference(kind: str, was: str | None, now: str | None, line: int) -> Difference:
        return Difference(
            kind, section, subject, metric=metric_id, period=period, answer=name, old=was, new=now, line=line
        )

    found = []
    for (was_source, was, _), (now_source, now, line) in pairs:
        if was.text != now.text:
            kind = "figure-reprinted" if _same_value(was, now) else "figure-revised"
            found.append(difference(kind, was.text, now.text, line))
        if was_source != now_source and {was_source, now_source} <= common:
            # both sources are in both files: the figure was put under another source (not an edition's new id)
            found.append(
                Difference(
                    "changed",
                    section,
                    f"{subject}: source",
                    metric=metric_id,
                    old=was_source,
                    new=now_source,
                    line=line,
                )
            )
    found += [difference("observation-added", None, f"{figure.text} [{source}]", line) for source, figure, line in news]
    found += [
        difference("observation-removed", f"{figure.text} [{source}]", None, line) for source, figure, line in olds
    ]
    return found


def _claim_map(dataset: Dataset) -> dict[str, Claim]:
    return {claim.id: claim for claim in dataset.claims()}


def _describe(claim: Claim, renames: dict[str, str] | None = None) -> dict[str, str]:
    if renames:
        claim = _renamed(claim, renames)
    return {
        "kind": claim.kind.value,
        "text": claim.text,
        "stated": claim.stated.text if claim.stated else "",
        "from": _at(claim.baseline),
        "to": _at(claim.target),
        "metrics": ", ".join(claim.metrics),
        "of": (claim.of.metric + " " + _at(claim.of.at)) if claim.of else claim.outside,
        "direction": claim.direction.value if claim.direction else "",
        "source": claim.source,
        "unverifiable": claim.unverifiable,
        "rounding": claim.rounding.value if claim.rounding else "",
    }


def _renamed(claim: Claim, renames: dict[str, str]) -> Claim:
    def at(value: Any) -> Any:
        return value._replace(source=renames.get(value.source, value.source)) if value is not None else None

    of = claim.of._replace(at=at(claim.of.at)) if claim.of else None
    source = renames.get(claim.source, claim.source)
    return claim._replace(source=source, baseline=at(claim.baseline), target=at(claim.target), of=of)


def _at(at: Any) -> str:
    if at is None:
        return ""
    period = at.period.text if at.period else "latest"  # as written: 2024年8月現在 is not 2024年8月
    return f"{period}" + (f" [{at.source}]" if at.source else "")


def _claims(old: Dataset, new: Dataset, renames: dict[str, str]) -> list[Difference]:
    before, after = _claim_map(old), _claim_map(new)
    found: list[Difference] = []
    for claim_id, claim in after.items():
        section = claim.section or _section(new, claim.metric)
        if claim_id not in before:
            found.append(
                Difference("claim-added", section, claim_id, metric=claim.metric, new=claim.text, line=claim.line)
            )
            continue
        was, now = _describe(before[claim_id], renames), _describe(claim)
        for field in was:
            if was[field] != now[field]:
                found.append(
                    Difference(
                        "claim-changed",
                        section,
                        f"{claim_id} {field}",
                        metric=claim.metric,
                        old=was[field],
                        new=now[field],
                        line=claim.line,
                    )
                )
    for claim_id, claim in before.items():
        if claim_id not in after:
            section = claim.section or _section(old, claim.metric)
            found.append(
                Difference("claim-removed", section, claim_id, metric=claim.metric, old=claim.text, line=claim.line)
            )
    return found


def _verdicts(old: Dataset, new: Dataset) -> list[Difference]:
    before = {r.claim.id: r for r in claims.verify(old)}
    found: list[Difference] = []
    for result in claims.verify(new):
        was = before.get(result.claim.id)
        if was is None or was.verdict is result.verdict:
            continue
        claim = result.claim
        found.append(
            Difference(
                "verdict-changed",
                claim.section or _section(new, claim.metric),
                claim.id,
                metric=claim.metric,
                old=was.verdict.value,
                new=result.verdict.value,
                line=claim.line,
            )
        )
    return found


def to_json(report: DiffReport, schema_version: int) -> dict[str, Any]:
    return {
        "schema_version": schema_version,
        "old": {"file": report.old.file},
        "new": {"file": report.new.file},
        "differ": report.differ,
        "summary": report.counts(),
        "differences": [
            {
                "kind": d.kind,
                "section": d.section or None,
                "subject": d.subject,
                "metric": d.metric or None,
                "period": d.period,
                "answer": d.answer or None,
                "old": d.old,
                "new": d.new,
                "line": d.line or None,
            }
            for d in report.differences
        ],
    }
