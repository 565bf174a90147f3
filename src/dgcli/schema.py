"""Turn the located YAML tree into the model, reporting every problem found (like a linter).

Each ``_read_*`` function checks one shape of the file; ``_check_*`` functions check what the
shapes cannot: unique ids, period order, units, and that every claim's operands exist.
"""

from __future__ import annotations

import difflib
import gc
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from dgcli.errors import DataError, Problem, ValueFormatError
from dgcli.load import Node, read_tree
from dgcli.model import (
    CHANGE_KINDS,
    Claim,
    ClaimKind,
    Dataset,
    Direction,
    Group,
    Item,
    Metric,
    Observation,
    Part,
    Ref,
    Section,
    Share,
    Source,
    Survey,
)
from dgcli.numbers import Quantity, parse_quantity
from dgcli.periods import Period, parse_period

T = TypeVar("T")
SCHEMA_VERSION = "1"
_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
# Kinds whose figure must be written in the claim; the others take the metric's own value.
_STATED_REQUIRED = CHANGE_KINDS | {ClaimKind.SHARE_OF, ClaimKind.THRESHOLD, ClaimKind.RESTATEMENT}
_MULTI_METRIC_KINDS = frozenset({ClaimKind.DIRECTION, ClaimKind.THRESHOLD})
_BASELINE_REQUIRED = CHANGE_KINDS | {ClaimKind.THRESHOLD, ClaimKind.DIRECTION, ClaimKind.ITEMS_ADDED}


def load_dataset(path: Path, *, pure_python: bool = False) -> Dataset:
    """Read, parse and validate an indicators file. Raises ``DataError`` listing every problem."""
    # Loading allocates many small acyclic objects: the cycle collector would only rescan them
    # over and over (super-linear on big files), so it waits until the model is built.
    collecting = gc.isenabled()
    gc.disable()
    try:
        root = read_tree(path, pure_python=pure_python)
        reader = _Reader()
        dataset = _read_dataset(reader, root, str(path))
    finally:
        if collecting:
            gc.enable()
    if reader.problems or dataset is None:
        reader.problems.sort(key=lambda p: (p.line, p.column))
        raise DataError(str(path), reader.problems)
    return dataset


class _Reader:
    """Collects problems while reading; every accessor returns a harmless default on failure."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        # Metrics declared but not built (already reported): claims naming them are not re-reported.
        self.broken_metrics: set[str] = set()

    def fail(self, node: Node, path: str, message: str, line: int | None = None) -> None:
        at_line = line if line is not None else node.line
        column = node.column if line is None else 0
        self.problems.append(Problem(at_line, column, path, message))

    def mapping(
        self, node: Node, path: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> dict[str, Node] | None:
        if not isinstance(node.value, dict):
            self.fail(node, path, f"expected a mapping (key: value), found {_kind(node)}")
            return None
        allowed = required + optional
        for key in node.value:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else f" (allowed: {', '.join(allowed)})"
                self.fail(
                    node, f"{path}.{key}" if path else key, f"unknown key {key!r}{hint}", node.value[key].key_line
                )
        for key in required:
            if key not in node.value:
                self.fail(node, path, f"missing required key {key!r}")
        return node.value

    def pairs(self, node: Node | None, path: str) -> dict[str, Node]:
        """A mapping whose keys are data (footnote marks, survey answers), not schema."""
        if node is None:
            return {}
        if not isinstance(node.value, dict):
            self.fail(node, path, f"expected a mapping (key: value), found {_kind(node)}")
            return {}
        return node.value

    def sequence(self, node: Node | None, path: str) -> list[Node]:
        if node is None:
            return []
        if not isinstance(node.value, list):
            self.fail(node, path, f"expected a list (- item), found {_kind(node)}")
            return []
        return node.value

    def text(self, node: Node | None, path: str) -> str:
        if node is None:
            return ""
        if not isinstance(node.value, str):
            self.fail(node, path, f"expected text, found {_kind(node)}")
            return ""
        if not node.value.strip():
            self.fail(node, path, "must not be empty")
        return node.value

    def identifier(self, node: Node | None, path: str) -> str:
        value = self.text(node, path)
        if node is not None and value and not _ID.fullmatch(value):
            self.fail(node, path, f"id {value!r} must be lower-case ASCII letters, digits and '-'")
        return value

    def texts(self, node: Node | None, path: str) -> tuple[str, ...]:
        return tuple(self.text(item, f"{path}[{i}]") for i, item in enumerate(self.sequence(node, path)))

    def quantity(self, node: Node | None, path: str) -> Quantity | None:
        return self.parsed(node, path, parse_quantity)

    def period(self, node: Node | None, path: str) -> Period | None:
        return self.parsed(node, path, parse_period)

    def parsed(self, node: Node | None, path: str, parse: Callable[[str], T]) -> T | None:
        """A published string read by one of the core's parsers; its error becomes a located problem."""
        text = self.text(node, path)
        if node is None or not text:
            return None
        try:
            return parse(text)
        except ValueFormatError as error:
            self.fail(node, path, str(error))
            return None


def _kind(node: Node) -> str:
    if isinstance(node.value, dict):
        return "a mapping"
    if isinstance(node.value, list):
        return "a list"
    return f"text {node.value!r}"


def _read_dataset(r: _Reader, root: Node, file: str) -> Dataset | None:
    fields = r.mapping(root, "", ("schema_version", "source", "groups", "sections"), ("footnotes", "surveys"))
    if fields is None:
        return None
    version = fields.get("schema_version")
    if version is not None and r.text(version, "schema_version") not in ("", SCHEMA_VERSION):
        r.fail(
            version,
            "schema_version",
            f"schema_version {version.value!r} is not supported (this dgcli reads {SCHEMA_VERSION})",
        )
    source = _read_source(r, fields.get("source"))
    footnotes = _read_footnotes(r, fields.get("footnotes"))
    surveys = [_read_survey(r, n, f"surveys[{i}]") for i, n in enumerate(r.sequence(fields.get("surveys"), "surveys"))]
    groups = [_read_group(r, n, f"groups[{i}]") for i, n in enumerate(r.sequence(fields.get("groups"), "groups"))]
    metrics: list[Metric] = []
    sections: list[Section] = []
    for i, node in enumerate(r.sequence(fields.get("sections"), "sections")):
        section = _read_section(r, node, f"sections[{i}]", metrics)
        if section is not None:
            sections.append(section)
    if source is None:
        return None
    dataset = Dataset(
        file=file,
        source=source,
        groups=tuple(g for g in groups if g is not None),
        sections=tuple(sections),
        metrics={m.id: m for m in metrics},
        surveys={s.id: s for s in surveys if s is not None},
        footnotes=footnotes,
    )
    _check_dataset(r, dataset, metrics, root)
    return dataset


def _read_source(r: _Reader, node: Node | None) -> Source | None:
    if node is None:
        return None
    fields = r.mapping(node, "source", ("title", "publisher", "url"))
    if fields is None:
        return None
    return Source(
        title=r.text(fields.get("title"), "source.title"),
        publisher=r.text(fields.get("publisher"), "source.publisher"),
        url=r.text(fields.get("url"), "source.url"),
    )


def _read_footnotes(r: _Reader, node: Node | None) -> dict[str, str]:
    return {mark: r.text(text, f"footnotes.{mark}") for mark, text in r.pairs(node, "footnotes").items()}


def _read_survey(r: _Reader, node: Node, path: str) -> Survey | None:
    keys = ("id", "title", "method", "population", "age_min", "age_max", "respondents", "rounding")
    fields = r.mapping(node, path, keys)
    if fields is None:
        return None
    respondents: list[tuple[Period, int]] = []
    counts = fields.get("respondents")
    for period_text, count_node in r.pairs(counts, f"{path}.respondents").items():
        key_path = f"{path}.respondents.{period_text}"
        period = r.period(Node(count_node.line, 0, period_text), key_path)
        count = _count(r, count_node, key_path)
        if period is not None and count is not None:
            respondents.append((period, count))
    return Survey(
        id=r.identifier(fields.get("id"), f"{path}.id"),
        title=r.text(fields.get("title"), f"{path}.title"),
        method=r.text(fields.get("method"), f"{path}.method"),
        population=r.text(fields.get("population"), f"{path}.population"),
        age_min=_count(r, fields.get("age_min"), f"{path}.age_min") or 0,
        age_max=_count(r, fields.get("age_max"), f"{path}.age_max") or 0,
        respondents=tuple(respondents),
        rounding=r.text(fields.get("rounding"), f"{path}.rounding"),
    )


def _count(r: _Reader, node: Node | None, path: str) -> int | None:
    quantity = r.quantity(node, path)
    if node is None or quantity is None:
        return None
    if not quantity.exact or quantity.unit or quantity.value < 0:
        r.fail(node, path, f"expected a whole count such as 5,600, found {quantity.text!r}")
        return None
    return int(quantity.value)


def _read_group(r: _Reader, node: Node, path: str) -> Group | None:
    fields = r.mapping(node, path, ("id", "title"))
    if fields is None:
        return None
    return Group(r.identifier(fields.get("id"), f"{path}.id"), r.text(fields.get("title"), f"{path}.title"))


def _read_section(r: _Reader, node: Node, path: str, metrics: list[Metric]) -> Section | None:
    fields = r.mapping(node, path, ("id", "title", "group", "metrics"), ("headline", "source", "related", "claims"))
    if fields is None:
        return None
    section_id = r.identifier(fields.get("id"), f"{path}.id")
    section_metrics = [
        _read_metric(r, n, f"{path}.metrics[{i}]", section_id)
        for i, n in enumerate(r.sequence(fields.get("metrics"), f"{path}.metrics"))
    ]
    metrics.extend(m for m in section_metrics if m is not None)
    claims = [
        _read_claim(r, n, f"{path}.claims[{i}]", holder=None, section=section_id)
        for i, n in enumerate(r.sequence(fields.get("claims"), f"{path}.claims"))
    ]
    return Section(
        id=section_id,
        title=r.text(fields.get("title"), f"{path}.title"),
        group=r.text(fields.get("group"), f"{path}.group"),
        line=node.line,
        headline=r.text(fields.get("headline"), f"{path}.headline"),
        source=r.text(fields.get("source"), f"{path}.source"),
        related=r.texts(fields.get("related"), f"{path}.related"),
        metrics=tuple(m.id for m in section_metrics if m is not None),
        claims=tuple(c for c in claims if c is not None),
    )


def _read_metric(r: _Reader, node: Node, path: str, section: str) -> Metric | None:
    fields = r.mapping(
        node,
        path,
        ("id", "name", "name_en", "unit", "observations"),
        ("aliases", "description", "category", "headline_answer", "survey", "footnotes", "notes", "claims"),
    )
    if fields is None:
        return None
    metric_id = r.identifier(fields.get("id"), f"{path}.id")
    headline = r.text(fields.get("headline_answer"), f"{path}.headline_answer")
    observations = [
        _read_observation(r, n, f"{path}.observations[{i}]", headline)
        for i, n in enumerate(r.sequence(fields.get("observations"), f"{path}.observations"))
    ]
    claims = [
        _read_claim(r, n, f"{path}.claims[{i}]", holder=metric_id, section="")
        for i, n in enumerate(r.sequence(fields.get("claims"), f"{path}.claims"))
    ]
    if "observations" in fields and not observations:
        r.fail(fields["observations"], f"{path}.observations", "a metric needs at least one observation")
    if None in observations or not observations:
        r.broken_metrics.add(metric_id)
        return None
    return Metric(
        id=metric_id,
        name=r.text(fields.get("name"), f"{path}.name"),
        name_en=r.text(fields.get("name_en"), f"{path}.name_en"),
        section=section,
        unit=r.text(fields.get("unit"), f"{path}.unit"),
        observations=tuple(o for o in observations if o is not None),
        line=node.line,
        aliases=r.texts(fields.get("aliases"), f"{path}.aliases"),
        description=r.text(fields.get("description"), f"{path}.description"),
        category=r.text(fields.get("category"), f"{path}.category"),
        headline_answer=headline,
        survey=r.text(fields.get("survey"), f"{path}.survey"),
        footnotes=r.texts(fields.get("footnotes"), f"{path}.footnotes"),
        notes=r.texts(fields.get("notes"), f"{path}.notes"),
        claims=tuple(c for c in claims if c is not None),
    )


def _read_observation(r: _Reader, node: Node, path: str, headline: str) -> Observation | None:
    fields = r.mapping(node, path, (), ("period", "value", "shares", "parts", "items", "added", "note"))
    if fields is None:
        return None
    shares: list[Share] = []
    for answer, share_node in r.pairs(fields.get("shares"), f"{path}.shares").items():
        share = r.quantity(share_node, f"{path}.shares.{answer}")
        if share is not None:
            shares.append(Share(answer, share))
    quantity: Quantity | None = None
    if "value" in fields and "shares" in fields:
        r.fail(
            node,
            path,
            "give either value: or shares:, not both (a distribution's value is its headline answer's share)",
        )
    elif "value" in fields:
        quantity = r.quantity(fields["value"], f"{path}.value")
    elif "shares" in fields:
        if not headline:
            r.fail(
                node,
                path,
                "shares: needs the metric's headline_answer: (the answer whose share is the value)",
            )
        quantity = next((s.quantity for s in shares if s.answer == headline), None)
        if headline and quantity is None and shares:
            r.fail(fields["shares"], f"{path}.shares", f"no share for the headline answer {headline!r}")
    else:
        r.fail(node, path, "missing required key 'value' (or 'shares' for a distribution)")
    parts = []
    for i, part_node in enumerate(r.sequence(fields.get("parts"), f"{path}.parts")):
        part_fields = r.mapping(part_node, f"{path}.parts[{i}]", ("name", "value"))
        if part_fields is not None:
            part_value = r.quantity(part_fields.get("value"), f"{path}.parts[{i}].value")
            if part_value is not None:
                parts.append(Part(r.text(part_fields.get("name"), f"{path}.parts[{i}].name"), part_value))
    period = r.period(fields.get("period"), f"{path}.period")
    if quantity is None or ("period" in fields and period is None):
        return None
    return Observation(
        period=period,
        quantity=quantity,
        line=node.line,
        shares=tuple(shares),
        parts=tuple(parts),
        items=_read_items(r, fields.get("items"), f"{path}.items"),
        added=_read_items(r, fields.get("added"), f"{path}.added"),
        note=r.text(fields.get("note"), f"{path}.note"),
    )


def _read_items(r: _Reader, node: Node | None, path: str) -> tuple[Item, ...]:
    items = []
    for i, item_node in enumerate(r.sequence(node, path)):
        if isinstance(item_node.value, str):
            items.append(Item(r.text(item_node, f"{path}[{i}]")))
            continue
        fields = r.mapping(item_node, f"{path}[{i}]", ("name",), ("since",))
        if fields is not None:
            since = r.period(fields.get("since"), f"{path}[{i}].since")
            items.append(Item(r.text(fields.get("name"), f"{path}[{i}].name"), since))
    return tuple(items)


def _read_claim(r: _Reader, node: Node, path: str, holder: str | None, section: str) -> Claim | None:
    fields = r.mapping(
        node,
        path,
        ("id", "kind", "text"),
        ("metric", "metrics", "stated", "from", "to", "of", "direction", "unverifiable", "note"),
    )
    if fields is None or "kind" not in fields:
        return None
    kind_text = r.text(fields.get("kind"), f"{path}.kind")
    try:
        kind = ClaimKind(kind_text)
    except ValueError:
        choices = ", ".join(k for k in ClaimKind if k is not ClaimKind.DISTRIBUTION_SUM)
        r.fail(fields["kind"], f"{path}.kind", f"unknown claim kind {kind_text!r} (one of: {choices})")
        return None
    if kind is ClaimKind.DISTRIBUTION_SUM:
        r.fail(
            fields["kind"],
            f"{path}.kind",
            "distribution_sum is checked for every distribution; do not encode it",
        )
        return None
    metrics = _claim_metrics(r, node, fields, path, kind, holder)
    stated = r.quantity(fields.get("stated"), f"{path}.stated")
    if kind in _STATED_REQUIRED and "stated" not in fields:
        r.fail(node, path, f"a {kind} claim needs stated: (the figure as published)")
    if kind in _BASELINE_REQUIRED and "from" not in fields:
        r.fail(node, path, f"a {kind} claim needs from: (the baseline period as published)")
    of, outside = _claim_of(r, fields.get("of"), f"{path}.of", kind, node)
    direction_text = r.text(fields.get("direction"), f"{path}.direction") or "up"
    if direction_text not in ("up", "down"):
        r.fail(fields["direction"], f"{path}.direction", f"direction must be up or down, not {direction_text!r}")
    if not metrics:
        return None
    return Claim(
        id=r.identifier(fields.get("id"), f"{path}.id"),
        kind=kind,
        text=r.text(fields.get("text"), f"{path}.text"),
        metrics=metrics,
        line=node.line,
        stated=stated,
        from_period=r.period(fields.get("from"), f"{path}.from"),
        to_period=r.period(fields.get("to"), f"{path}.to"),
        of=of,
        outside=outside,
        direction=Direction.DOWN if direction_text == "down" else Direction.UP,
        unverifiable=r.text(fields.get("unverifiable"), f"{path}.unverifiable"),
        section=section,
        note=r.text(fields.get("note"), f"{path}.note"),
    )


def _claim_metrics(
    r: _Reader, node: Node, fields: dict[str, Node], path: str, kind: ClaimKind, holder: str | None
) -> tuple[str, ...]:
    if "metric" in fields and "metrics" in fields:
        r.fail(node, path, "give metric: or metrics:, not both")
        return ()
    if "metrics" in fields:
        if kind not in _MULTI_METRIC_KINDS:
            r.fail(fields["metrics"], f"{path}.metrics", f"a {kind} claim is about one metric: use metric:")
            return ()
        names = r.texts(fields["metrics"], f"{path}.metrics")
        if not names:
            r.fail(fields["metrics"], f"{path}.metrics", "list at least one metric")
        return names
    if "metric" in fields:
        return (r.text(fields["metric"], f"{path}.metric"),)
    if holder is None:
        r.fail(node, path, "a section headline claim needs metric: (or metrics:) naming what it is about")
        return ()
    return (holder,)


def _claim_of(r: _Reader, node: Node | None, path: str, kind: ClaimKind, claim_node: Node) -> tuple[Ref | None, str]:
    if node is None:
        if kind is ClaimKind.SHARE_OF:
            r.fail(claim_node, path, "a share_of claim needs of: {metric: …} or of: {outside: …}")
        return None, ""
    if kind is not ClaimKind.SHARE_OF:
        r.fail(node, path, f"of: belongs to share_of claims, not {kind}")
        return None, ""
    fields = r.mapping(node, path, (), ("metric", "period", "outside"))
    if fields is None:
        return None, ""
    if "outside" in fields:
        if "metric" in fields or "period" in fields:
            r.fail(node, path, "of: names either an outside total or a metric, not both")
        return None, r.text(fields["outside"], f"{path}.outside")
    if "metric" not in fields:
        r.fail(node, path, "of: needs metric: (or outside: for a total the page does not give)")
        return None, ""
    return Ref(r.text(fields["metric"], f"{path}.metric"), r.period(fields.get("period"), f"{path}.period")), ""


def _check_dataset(r: _Reader, dataset: Dataset, metrics: list[Metric], root: Node) -> None:
    _check_unique(r, root, "group", [(g.id, 0) for g in dataset.groups])
    _check_unique(r, root, "section", [(s.id, s.line) for s in dataset.sections])
    _check_unique(r, root, "metric", [(m.id, m.line) for m in metrics])
    every_claim = [c for s in dataset.sections for c in s.claims] + [c for m in metrics for c in m.claims]
    _check_unique(r, root, "claim", [(c.id, c.line) for c in every_claim])
    group_ids = {g.id for g in dataset.groups}
    for section in dataset.sections:
        if section.group and section.group not in group_ids:
            r.problems.append(Problem(section.line, 0, "", f"section {section.id!r}: unknown group {section.group!r}"))
    for metric in metrics:
        _check_metric(r, dataset, metric)
    for claim in every_claim:
        _check_claim(r, dataset, claim)


def _check_unique(r: _Reader, root: Node, what: str, ids: list[tuple[str, int]]) -> None:
    seen: dict[str, int] = {}
    for identifier, line in ids:
        if identifier in seen:
            r.problems.append(
                Problem(line, 0, "", f"{what} id {identifier!r} is used twice (first at line {seen[identifier]})")
            )
        elif identifier:
            seen[identifier] = line


def _check_metric(r: _Reader, dataset: Dataset, metric: Metric) -> None:
    def problem(line: int, message: str) -> None:
        r.problems.append(Problem(line, 0, "", f"metric {metric.id!r}: {message}"))

    if metric.survey and metric.survey not in dataset.surveys:
        problem(metric.line, f"unknown survey {metric.survey!r}")
    for mark in metric.footnotes:
        if mark not in dataset.footnotes:
            problem(metric.line, f"unknown footnote {mark!r}")
    previous: Observation | None = None
    for observation in metric.observations:
        quantity = observation.quantity
        if metric.unit and not metric.is_distribution and quantity.unit not in ("", metric.unit):
            problem(
                observation.line,
                f"value {quantity.text!r} is in {quantity.unit!r}, but the metric's unit is {metric.unit!r}",
            )
        for figure in [quantity] + [s.quantity for s in observation.shares]:
            if figure.unit == "%" and not 0 <= figure.value <= 100:
                problem(observation.line, f"percentage {figure.text!r} is outside 0–100%")
        for share in observation.shares:
            if share.quantity.unit != "%":
                problem(
                    observation.line,
                    f"share {share.quantity.text!r} of {share.answer!r} must be a percentage",
                )
        if observation.period is None and len(metric.observations) > 1:
            problem(observation.line, "an observation without period: is only allowed when it is the only one")
        if previous is not None and previous.period and observation.period:
            earlier, later = observation.period, previous.period
            if earlier.key == later.key:
                problem(observation.line, f"two observations for {earlier.key}")
            elif (earlier.end, earlier.start) > (later.end, later.start):
                problem(
                    observation.line,
                    f"observations go newest first, as on the page: {earlier.key} is listed after {later.key}",
                )
        if metric.is_distribution and previous is not None:
            answers = [s.answer for s in observation.shares]
            expected = [s.answer for s in previous.shares]
            if answers != expected:
                problem(observation.line, f"answers {answers} differ from the other periods' {expected}")
        previous = observation


def _check_claim(r: _Reader, dataset: Dataset, claim: Claim) -> None:
    def problem(message: str) -> None:
        r.problems.append(Problem(claim.line, 0, "", f"claim {claim.id!r}: {message}"))

    for metric_id in claim.metrics:
        metric = dataset.metrics.get(metric_id)
        if metric is None:
            if metric_id not in r.broken_metrics:
                problem(f"unknown metric {metric_id!r}")
            continue
        for label, period in (("from", claim.from_period), ("to", claim.to_period)):
            if period is not None and metric.at(period) is None and not claim.unverifiable:
                have = ", ".join(o.period_key or "(no period)" for o in metric.observations)
                problem(
                    f"{label}: {period.text!r} is not a period of {metric_id!r} (it has {have}); "
                    "add unverifiable: with the reason if the page gives no figure for it"
                )
        target = metric.at(claim.to_period)
        if target is None:
            continue
        baseline = metric.at(claim.from_period) if claim.from_period else None
        if baseline is not None and baseline.period and target.period and baseline.period.end >= target.period.start:
            problem(f"from: {baseline.period.key} is not before the figure it is compared with ({target.period.key})")
        if claim.kind is ClaimKind.SUM_OF_PARTS and not target.parts:
            problem(f"{metric_id!r} has no parts: at {target.period_key} to sum")
        if claim.kind is ClaimKind.COUNT_OF_ITEMS and not target.items:
            problem(f"{metric_id!r} has no items: at {target.period_key} to count")
        if claim.kind is ClaimKind.ITEMS_ADDED and not target.added:
            problem(f"{metric_id!r} has no added: list at {target.period_key}")
    if claim.of is not None:
        whole = dataset.metrics.get(claim.of.metric)
        if whole is None:
            if claim.of.metric not in r.broken_metrics:
                problem(f"of: unknown metric {claim.of.metric!r}")
        elif whole.at(claim.of.period) is None:
            problem(
                f"of: {claim.of.metric!r} has no observation for {claim.of.period.text if claim.of.period else ''!r}"
            )
