"""Turn the located YAML tree into the model, reporting every problem found, like a linter.

The ``_read_*`` functions check one shape of the file each, with the keys ``fileformat.MAPPINGS``
declares; the ``_check_*`` functions then check what one shape cannot: unique ids and names,
references between sections, metrics, sources and claims, period order, units, and every claim
against its kind's declaration (``kinds.KINDS``). Every problem points at the key or value at fault
(``FILE:LINE:COL``), once, with a did-you-mean where a name was mistyped.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import TypeVar

from dgcli import acyclic
from dgcli.data.fileformat import BOOLEANS, MAPPINGS, READS_VERSIONS, SCHEMA_VERSION
from dgcli.data.implied import implied_ids
from dgcli.data.kinds import KINDS, WRITTEN, ClaimKind, Percentages, Stated
from dgcli.data.model import (
    At,
    Claim,
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
    Time,
    find_observations,
    rounding_rule,
    source_order,
)
from dgcli.data.tree import Node, read_tree
from dgcli.errors import SHOWN, DataError, Problem, ValueFormatError
from dgcli.text.normalize import fold
from dgcli.text.numbers import PERCENT, POINTS, TIMES, Figure, Hedge, Rounding, parse_figure, parse_rounding
from dgcli.text.periods import Period, parse_period

T = TypeVar("T")
_ID_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")
MAIN_SOURCE_V1 = "main"  # the id a version-1 file's one source gets
MISSPELT_CHECKED = 64  # unknown keys of one mapping checked for a misspelt required key


def load_dataset(
    path: Path,
    *,
    file: str | None = None,
    bundled: bool = False,
    pure_python: bool = False,
    text: str | None = None,
    keep_tree: bool = False,
) -> Dataset:
    """Read, parse and validate an indicators file (or ``text`` named ``file``). Raises ``DataError``
    listing every problem. ``keep_tree``: the dataset keeps the parsed tree (diff compares it)."""
    name = file or str(path)
    with acyclic():  # many small objects, no cycle: the collector would only rescan them
        root = read_tree(path, file=name, pure_python=pure_python, text=text)
        reader = _Reader()
        dataset = _read_dataset(reader, root, name, bundled)
    if dataset is not None and not reader.problems:
        # A metric left out of the model must have been reported; if not, say so rather than crash later.
        missing = [m for s in dataset.sections for m in s.metrics if m not in dataset.metrics]
        reader.problems += [Problem(0, 0, "", f"metric {m!r} could not be read") for m in missing]
    if reader.problems or dataset is None:
        unique = {(p.line, p.column, p.message): p for p in reader.problems}
        problems = reader.shown(sorted(unique.values(), key=lambda p: (p.line, p.column)))
        raise DataError(name, problems or [Problem(0, 0, "", "the file holds no indicators")])
    return dataset._replace(tree=root) if keep_tree else dataset


class _Located:
    """A model record's YAML mapping and document path, for checks that point at a key."""

    __slots__ = ("fields", "node", "path")

    def __init__(self, node: Node, fields: dict[str, Node], path: str) -> None:
        self.node, self.fields, self.path = node, fields, path


class _Reader:
    """Collects problems while reading; every accessor returns a harmless default on failure."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.broken_metrics: set[str] = set()  # declared but not built (already reported)
        self.metrics: list[tuple[Metric, _Located, list[tuple[Observation, _Located]]]] = []
        self.claims: list[tuple[Claim, _Located]] = []
        self.sections: list[tuple[Section, _Located]] = []
        self.sources: list[tuple[Source, _Located]] = []
        self.surveys: list[tuple[Survey, _Located]] = []
        self.groups: list[tuple[Group, _Located]] = []
        # Unknown keys per mapping, and the keys of its shape: a required key they misspell
        # (vaule → value) is not also reported missing. Matched only when a required key is missing.
        self.unknown: dict[int, tuple[Mapping[str, object], list[str]]] = {}
        self._closest: dict[tuple[int, str], str | None] = {}
        # Did-you-mean requests, by problem: answered only for the problems a reader is shown
        # (SHOWN), each against an index of the known names built once (Suggestions).
        self.hints: dict[int, tuple[str, Collection[str]]] = {}
        self.suggestions = Suggestions()

    def fail(
        self,
        node: Node,
        path: str,
        message: str,
        *,
        at_key: bool = False,
        suggest: tuple[str, Collection[str]] | None = None,
        code: str = "",
    ) -> None:
        line, column = (node.key_line, node.key_column) if at_key else (node.line, node.column)
        problem = Problem(line, column, path, message, code)
        self.problems.append(problem)
        if suggest is not None:
            self.hints[id(problem)] = suggest

    def shown(self, problems: list[Problem]) -> list[Problem]:
        """``problems`` (sorted) with did-you-mean added to the ones a reader is shown."""
        for index, problem in enumerate(problems[:SHOWN]):
            request = self.hints.get(id(problem))
            if request is not None:
                problems[index] = problem._replace(message=problem.message + self.suggestions.hint(*request))
        return problems

    def mapping(self, node: Node, path: str, shape: str) -> dict[str, Node] | None:
        if not isinstance(node.value, dict):
            self.fail(node, path, f"expected a mapping (key: value), found {_kind(node)}")
            return None
        keys = MAPPINGS[shape]
        for key, value in node.value.items():
            if key not in keys:
                self.unknown.setdefault(id(node), (keys, []))[1].append(key)
                if key[:3].isdigit() and value.value in ("", None):  # {value: 9,400万枚} read as 9 and 400万枚
                    hint = (
                        ": it looks like the rest of a figure cut at its comma — in a {flow, mapping} a comma "
                        "ends the value; write the observation in block style or quote the figure"
                    )
                    self.fail(value, _join(path, key), f"unknown key {key!r}{hint}", at_key=True)
                else:
                    self.fail(value, _join(path, key), f"unknown key {key!r}", at_key=True, suggest=(key, keys))
        for declared in keys.values():
            if declared.required and declared.name not in node.value and not self.misspelt(node, declared.name):
                self.fail(node, path, f"missing required key {declared.name!r}")
        return node.value

    def misspelt(self, node: Node, *keys: str) -> bool:
        """A key is missing because it was misspelt (and already reported as such)."""
        known, unknown = self.unknown.get(id(node), ({}, []))
        for key in unknown[:MISSPELT_CHECKED]:
            if (id(known), key) not in self._closest:
                self._closest[(id(known), key)] = self.suggestions.closest(key, known)
            if self._closest[(id(known), key)] in keys:
                return True
        return False

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
        if node is not None and value and (value[0] == "-" or not _ID_CHARACTERS.issuperset(value)):
            self.fail(node, path, f"id {value!r} must be lower-case ASCII letters, digits and '-'")
        return value

    def texts(self, node: Node | None, path: str) -> tuple[str, ...]:
        return tuple(self.text(item, f"{path}[{i}]") for i, item in enumerate(self.sequence(node, path)))

    def flag(self, node: Node | None, path: str) -> bool:
        value = self.text(node, path)
        if node is None or not value:
            return False
        if value not in BOOLEANS:
            self.fail(node, path, f"expected true or false, found {value!r}")
        return BOOLEANS.get(value, False)

    def figure(self, node: Node | None, path: str) -> Figure | None:
        return self.parsed(node, path, parse_figure)

    def period(self, node: Node | None, path: str) -> Period | None:
        return self.parsed(node, path, parse_period)

    def rounding(self, node: Node | None, path: str) -> Rounding | None:
        return self.parsed(node, path, parse_rounding)

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

    def count(self, node: Node | None, path: str) -> int | None:
        figure = self.figure(node, path)
        if node is None or figure is None:
            return None
        if not figure.exact or figure.unit or figure.value < 0:
            self.fail(node, path, f"expected a whole count such as 5,600, found {figure.text!r}")
            return None
        return int(figure.value)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _kind(node: Node) -> str:
    if isinstance(node.value, dict):
        return "a mapping"
    if isinstance(node.value, list):
        return "a list"
    return f"text {node.value!r}"


class Suggestions:
    """Did-you-mean against sets of known names, each indexed once (its list and its folded forms)."""

    def __init__(self) -> None:
        self._indexes: dict[int, tuple[Collection[str], list[str], dict[str, str]]] = {}

    def _index(self, known: Collection[str]) -> tuple[list[str], dict[str, str]]:
        found = self._indexes.get(id(known))
        if found is None or found[0] is not known:
            names = list(known)
            found = (known, names, {fold(n): n for n in names})  # keeps ``known`` alive: its id stays its own
            self._indexes[id(known)] = found
        return found[1], found[2]

    def closest(self, name: str, known: Collection[str]) -> str | None:
        import difflib  # only on the error path

        names, folded = self._index(known)
        close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
        if not close:
            close = [folded[c] for c in difflib.get_close_matches(fold(name), list(folded), n=1, cutoff=0.6)]
        return close[0] if close else None

    def hint(self, name: str, known: Collection[str]) -> str:
        close = self.closest(name, known)
        if close is not None:
            return f" (did you mean {close!r}?)"
        names = self._index(known)[0]
        if len(names) <= 12:
            return f" (expected one of: {', '.join(names)})" if names else ""
        return ""


# ── reading ──────────────────────────────────────────────────────────────────────────────────


def _read_dataset(r: _Reader, root: Node, file: str, bundled: bool) -> Dataset | None:
    fields = r.mapping(root, "", "file")
    if fields is None:
        return None
    version = _read_version(r, fields.get("schema_version"))
    sources = _read_sources(r, fields, version)
    footnotes = {
        mark: r.text(text, f"footnotes.{mark}") for mark, text in r.pairs(fields.get("footnotes"), "footnotes").items()
    }
    surveys: dict[str, Survey] = {}
    for i, node in enumerate(r.sequence(fields.get("surveys"), "surveys")):
        survey = _read_survey(r, node, f"surveys[{i}]")
        if survey is not None:
            surveys.setdefault(survey.id, survey)
    groups = [
        g for i, n in enumerate(r.sequence(fields.get("groups"), "groups")) if (g := _read_group(r, n, f"groups[{i}]"))
    ]
    context = _Context(
        main=sources[0].id if sources else MAIN_SOURCE_V1,
        sources={s.id: s for s in sources},
        surveys=surveys,
    )
    sections = []
    for i, node in enumerate(r.sequence(fields.get("sections"), "sections")):
        section = _read_section(r, node, f"sections[{i}]", context)
        if section is not None:
            sections.append(section)
    if not sources or version is None:
        return None
    dataset = Dataset(
        file=file,
        sources=tuple(sources),
        groups=tuple(groups),
        sections=tuple(sections),
        metrics={m.id: m for m, _, _ in r.metrics if m.id not in r.broken_metrics},
        surveys=surveys,
        footnotes=footnotes,
        schema_version=version,
        bundled=bundled,
    )
    _check_dataset(r, dataset)
    return dataset


def _read_version(r: _Reader, node: Node | None) -> int | None:
    if node is None:
        return None
    text = r.text(node, "schema_version")
    if text.isascii() and text.isdigit() and int(text) in READS_VERSIONS:
        return int(text)
    supported = ", ".join(f'"{v}"' for v in READS_VERSIONS)
    r.fail(node, "schema_version", f"schema_version {text!r} is not supported (this dgcli reads {supported})")
    return None


def _read_sources(r: _Reader, fields: dict[str, Node], version: int | None) -> list[Source]:
    if version == 1:
        if "sources" in fields:
            r.fail(
                fields["sources"],
                "sources",
                'sources: needs schema_version: "2" (version 1 has one source:)',
                at_key=True,
            )
            return []
        if "source" not in fields:
            r.fail(fields.get("schema_version") or Node(1, 1, ""), "", "missing required key 'source'")
            return []
        source = _read_source(r, fields["source"], "source", MAIN_SOURCE_V1)
        return [source] if source else []
    if "source" in fields:
        r.fail(
            fields["source"],
            "source",
            f"version {SCHEMA_VERSION} lists its publications under sources: (a list, each with an id); "
            'this source: mapping is version 1 (schema_version: "1")',
            at_key=True,
        )
        return []
    if "sources" not in fields:
        if version is not None:
            r.problems.append(
                Problem(1, 1, "", "missing required key 'sources' (the publications the figures come from)")
            )
        return []
    found: list[Source] = []
    for i, node in enumerate(r.sequence(fields["sources"], "sources")):
        source = _read_source(r, node, f"sources[{i}]", None)
        if source is not None:
            found.append(source)
    if not found and isinstance(fields["sources"].value, list):
        r.fail(fields["sources"], "sources", "list at least one source")
    return found


def _read_source(r: _Reader, node: Node, path: str, default_id: str | None) -> Source | None:
    fields = r.mapping(node, path, "source")
    if fields is None:
        return None
    if default_id is None and "id" not in fields:
        r.fail(node, path, "missing required key 'id' (observations and claims name their source by it)")
    source = Source(
        id=r.identifier(fields.get("id"), f"{path}.id") or default_id or "",
        title=r.text(fields.get("title"), f"{path}.title"),
        publisher=r.text(fields.get("publisher"), f"{path}.publisher"),
        url=r.text(fields.get("url"), f"{path}.url"),
        line=node.line,
        published=r.period(fields.get("published"), f"{path}.published"),
        rounding=r.rounding(fields.get("rounding"), f"{path}.rounding"),
        notes=r.texts(fields.get("notes"), f"{path}.notes"),
        time=_read_time(r, fields.get("time"), f"{path}.time"),
        as_of=r.period(fields.get("as_of"), f"{path}.as_of"),
    )
    r.sources.append((source, _Located(node, fields, path)))
    return source


def _read_survey(r: _Reader, node: Node, path: str) -> Survey | None:
    fields = r.mapping(node, path, "survey")
    if fields is None:
        return None
    respondents: list[tuple[Period, int]] = []
    for period_text, count_node in r.pairs(fields.get("respondents"), f"{path}.respondents").items():
        key_path = f"{path}.respondents.{period_text}"
        key_node = Node(count_node.key_line, count_node.key_column, period_text)
        period = r.period(key_node, key_path)
        count = r.count(count_node, key_path)
        if period is not None and count is not None:
            respondents.append((period, count))
    survey = Survey(
        id=r.identifier(fields.get("id"), f"{path}.id"),
        title=r.text(fields.get("title"), f"{path}.title"),
        method=r.text(fields.get("method"), f"{path}.method"),
        population=r.text(fields.get("population"), f"{path}.population"),
        age_min=r.count(fields.get("age_min"), f"{path}.age_min"),
        age_max=r.count(fields.get("age_max"), f"{path}.age_max"),
        respondents=tuple(respondents),
        rounding_note=r.text(fields.get("rounding"), f"{path}.rounding"),
        rounding=r.rounding(fields.get("rounding"), f"{path}.rounding"),
    )
    r.surveys.append((survey, _Located(node, fields, path)))
    return survey


def _read_group(r: _Reader, node: Node, path: str) -> Group | None:
    fields = r.mapping(node, path, "group")
    if fields is None:
        return None
    group = Group(r.identifier(fields.get("id"), f"{path}.id"), r.text(fields.get("title"), f"{path}.title"))
    r.groups.append((group, _Located(node, fields, path)))
    return group


class _Context:
    """What a metric's observations need from the rest of the file while they are read."""

    __slots__ = ("main", "sources", "surveys")

    def __init__(self, main: str, sources: dict[str, Source], surveys: dict[str, Survey]) -> None:
        self.main, self.sources, self.surveys = main, sources, surveys


def _read_section(r: _Reader, node: Node, path: str, context: _Context) -> Section | None:
    fields = r.mapping(node, path, "section")
    if fields is None:
        return None
    section_id = r.identifier(fields.get("id"), f"{path}.id")
    metric_ids = []
    for i, metric_node in enumerate(r.sequence(fields.get("metrics"), f"{path}.metrics")):
        metric = _read_metric(r, metric_node, f"{path}.metrics[{i}]", section_id, context)
        if metric is not None:
            metric_ids.append(metric.id)
    claims = [
        _read_claim(r, n, f"{path}.claims[{i}]", None, section_id, context)
        for i, n in enumerate(r.sequence(fields.get("claims"), f"{path}.claims"))
    ]
    section = Section(
        id=section_id,
        title=r.text(fields.get("title"), f"{path}.title"),
        group=r.text(fields.get("group"), f"{path}.group"),
        line=node.line,
        headline=r.text(fields.get("headline"), f"{path}.headline"),
        citation=r.text(fields.get("source"), f"{path}.source"),
        related=r.texts(fields.get("related"), f"{path}.related"),
        metrics=tuple(metric_ids),
        claims=tuple(c for c in claims if c is not None),
    )
    r.sections.append((section, _Located(node, fields, path)))
    return section


def _read_metric(r: _Reader, node: Node, path: str, section: str, context: _Context) -> Metric | None:
    fields = r.mapping(node, path, "metric")
    if fields is None:
        return None
    metric_id = r.identifier(fields.get("id"), f"{path}.id")
    units = _read_units(r, node, fields, path)
    rounding = r.rounding(fields.get("rounding"), f"{path}.rounding")
    survey_id = r.text(fields.get("survey"), f"{path}.survey")
    survey = context.surveys.get(survey_id)
    declared = (rounding, survey.rounding if survey else None)
    headline = r.text(fields.get("headline_answer"), f"{path}.headline_answer")
    observations: list[tuple[Observation, _Located]] = []
    complete = True
    for i, observation_node in enumerate(r.sequence(fields.get("observations"), f"{path}.observations")):
        read = _read_observation(r, observation_node, f"{path}.observations[{i}]", headline, declared, context)
        if read is None:
            complete = False
        else:
            observations.append(read)
    if "observations" in fields and not observations and complete:
        r.fail(fields["observations"], f"{path}.observations", "a metric needs at least one observation")
    share = r.flag(fields.get("share"), f"{path}.share") if "share" in fields else True
    if not share:  # 前年同月比 and the like: no 0–100% bound, no floor at 0
        observations = [(o._replace(bounded=False), located) for o, located in observations]
    metric = Metric(
        id=metric_id,
        name=r.text(fields.get("name"), f"{path}.name"),
        name_en=r.text(fields.get("name_en"), f"{path}.name_en"),
        section=section,
        units=units,
        observations=tuple(o for o, _ in observations),
        line=node.line,
        aliases=r.texts(fields.get("aliases"), f"{path}.aliases"),
        description=r.text(fields.get("description"), f"{path}.description"),
        category=r.text(fields.get("category"), f"{path}.category"),
        headline_answer=headline,
        survey=survey_id,
        footnotes=r.texts(fields.get("footnotes"), f"{path}.footnotes"),
        notes=r.texts(fields.get("notes"), f"{path}.notes"),
        rounding=rounding,
        share=share,
        time=_read_time(r, fields.get("time"), f"{path}.time"),
    )
    claims = [
        _read_claim(r, n, f"{path}.claims[{i}]", metric, "", context)
        for i, n in enumerate(r.sequence(fields.get("claims"), f"{path}.claims"))
    ]
    metric = metric._replace(claims=tuple(c for c in claims if c is not None))
    if not complete or not observations:
        r.broken_metrics.add(metric_id)
    r.metrics.append((metric, _Located(node, fields, path), observations))
    return metric


def _read_time(r: _Reader, node: Node | None, path: str) -> Time | None:
    if node is None:
        return None
    text = r.text(node, path)
    if text in Time.__members__.values():
        return Time(text)
    r.fail(node, path, f"time: {text!r} is not stock, flow or auto (stock: a level at a moment; flow: a total)")
    return None


def _read_units(r: _Reader, node: Node, fields: dict[str, Node], path: str) -> tuple[str, ...]:
    if "unit" in fields and "units" in fields:
        r.fail(fields["units"], f"{path}.units", "give unit: or units:, not both", at_key=True)
    if "units" in fields:
        units = r.texts(fields["units"], f"{path}.units")
        if not units and isinstance(fields["units"].value, list):
            r.fail(fields["units"], f"{path}.units", "list at least one unit")
        return units or ("",)
    if "unit" not in fields:
        if not r.misspelt(node, "unit", "units"):
            r.fail(node, path, "missing required key 'unit' (or units: for counter words that mean the same)")
        return ("",)
    return (r.text(fields["unit"], f"{path}.unit"),)


def _read_observation(
    r: _Reader,
    node: Node,
    path: str,
    headline: str,
    declared: tuple[Rounding | None, Rounding | None],
    context: _Context,
) -> tuple[Observation, _Located] | None:
    """One observation; ``declared``: its metric's rounding rule and its survey's, if any."""
    fields = r.mapping(node, path, "observation")
    if fields is None:
        return None
    shares: list[Share] = []
    for answer, share_node in r.pairs(fields.get("shares"), f"{path}.shares").items():
        share = r.figure(share_node, f"{path}.shares.{answer}")
        if share is not None:
            shares.append(Share(answer, share))
    figure: Figure | None = None
    if "value" in fields and "shares" in fields:
        r.fail(
            fields["shares"],
            f"{path}.shares",
            "give value: or shares:, not both (a distribution's value is its headline answer's share)",
            at_key=True,
        )
    elif "value" in fields:
        figure = r.figure(fields["value"], f"{path}.value")
    elif "shares" in fields:
        if not headline:
            r.fail(
                fields["shares"],
                f"{path}.shares",
                "shares: needs the metric's headline_answer: (the answer whose share is the value)",
                at_key=True,
            )
        figure = next((s.figure for s in shares if s.answer == headline), None)
        if isinstance(fields["shares"].value, dict) and not fields["shares"].value:
            r.fail(fields["shares"], f"{path}.shares", "shares: lists no answer", at_key=True)
        elif headline and figure is None and shares:
            answers = [s.answer for s in shares]
            r.fail(
                fields["shares"],
                f"{path}.shares",
                f"no share for the headline answer {headline!r}",
                at_key=True,
                suggest=(headline, answers),
            )
    elif not r.misspelt(node, "value", "shares"):
        r.fail(node, path, "missing required key 'value' (or 'shares' for a distribution)")
    parts = []
    for i, part_node in enumerate(r.sequence(fields.get("parts"), f"{path}.parts")):
        part_fields = r.mapping(part_node, f"{path}.parts[{i}]", "part")
        if part_fields is not None:
            part_value = r.figure(part_fields.get("value"), f"{path}.parts[{i}].value")
            if part_value is not None:
                parts.append(Part(r.text(part_fields.get("name"), f"{path}.parts[{i}].name"), part_value))
    period = r.period(fields.get("period"), f"{path}.period")
    source_id = r.identifier(fields.get("source"), f"{path}.source") or context.main
    source = context.sources.get(source_id)
    partial = r.flag(fields.get("partial"), f"{path}.partial")
    if partial and "shares" not in fields:
        r.fail(
            fields["partial"],
            f"{path}.partial",
            "partial: describes a distribution printed in part (shares:)",
            at_key=True,
        )
    items = _read_items(r, fields.get("items"), f"{path}.items")
    added = _read_items(r, fields.get("added"), f"{path}.added")
    if figure is None or ("period" in fields and period is None):
        return None
    observation = Observation(
        period=period,
        figure=figure,
        line=node.line,
        source=source_id,
        rounding=rounding_rule(r.rounding(fields.get("rounding"), f"{path}.rounding"), *declared, source, context.main),
        shares=tuple(shares),
        parts=tuple(parts),
        items=items,
        added=added,
        note=r.text(fields.get("note"), f"{path}.note"),
        partial=partial,
        revised=r.text(fields.get("revised"), f"{path}.revised"),
    )
    return observation, _Located(node, fields, path)


def _read_items(r: _Reader, node: Node | None, path: str) -> tuple[Item, ...]:
    items = []
    for i, item_node in enumerate(r.sequence(node, path)):
        if isinstance(item_node.value, str):
            items.append(Item(r.text(item_node, f"{path}[{i}]")))
            continue
        fields = r.mapping(item_node, f"{path}[{i}]", "item")
        if fields is not None:
            since = r.period(fields.get("since"), f"{path}[{i}].since")
            items.append(Item(r.text(fields.get("name"), f"{path}[{i}].name"), since))
    return tuple(items)


def _read_claim(
    r: _Reader, node: Node, path: str, holder: Metric | None, section: str, context: _Context
) -> Claim | None:
    fields = r.mapping(node, path, "claim")
    if fields is None or "kind" not in fields:
        return None
    kind_text = r.text(fields["kind"], f"{path}.kind")
    try:
        kind = ClaimKind(kind_text)
    except ValueError:
        written = [k.value for k in WRITTEN]
        r.fail(fields["kind"], f"{path}.kind", f"unknown claim kind {kind_text!r}", suggest=(kind_text, written))
        return None
    spec = KINDS[kind]
    if spec.implied:
        r.fail(fields["kind"], f"{path}.kind", f"{kind} is checked for every figure it applies to; do not write it")
        return None
    accepted = spec.accepted
    for key, value in fields.items():
        if key in MAPPINGS["claim"] and key not in accepted:
            r.fail(value, _join(path, key), f"a {kind} claim takes no {key}: ({spec.summary})", at_key=True)
    metrics = _claim_metrics(r, node, fields, path, kind, holder)
    unverifiable = r.text(fields.get("unverifiable"), f"{path}.unverifiable")
    for needed in sorted(spec.needs):
        if needed not in fields and not (needed == "from" and unverifiable):
            what = {
                "from": "from: (the baseline period as published; or unverifiable: with why it is not published)",
                "of": "of: {metric: …} or of: {outside: …}",
                "metrics": "metrics: [a, b, …]",
            }[needed]
            r.fail(node, path, f"a {kind} claim needs {what}")
    if spec.stated is Stated.REQUIRED and "stated" not in fields:
        r.fail(node, path, f"a {kind} claim needs stated: (the figure as published)")
    if spec.divisor and sum(key in fields for key in spec.divisor) != 1:
        named = " or ".join(f"{key}:" for key in spec.divisor)
        r.fail(node, path, f"a {kind} claim names what it divides by with {named}, one of them")
    stated = r.figure(fields.get("stated"), f"{path}.stated") if "stated" in accepted else None
    direction = _read_direction(r, fields, path, stated)
    of, outside = _claim_of(r, fields.get("of"), f"{path}.of")
    source_id = r.identifier(fields.get("source"), f"{path}.source") or context.main
    if not metrics or not kind_text:
        return None
    claim = Claim(
        id=r.identifier(fields.get("id"), f"{path}.id"),
        kind=kind,
        text=r.text(fields.get("text"), f"{path}.text"),
        metrics=metrics,
        line=node.line,
        column=node.column,
        source=source_id,
        stated=stated,
        baseline=_read_at(r, fields.get("from"), f"{path}.from"),
        target=_read_at(r, fields.get("to"), f"{path}.to") or At(),
        of=of,
        outside=outside,
        direction=direction,
        unverifiable=unverifiable,
        section=section,
        note=r.text(fields.get("note"), f"{path}.note"),
        rounding=r.rounding(fields.get("rounding"), f"{path}.rounding"),
    )
    r.claims.append((claim, _Located(node, fields, path)))
    return claim


def _read_direction(r: _Reader, fields: dict[str, Node], path: str, stated: Figure | None) -> Direction | None:
    node = fields.get("direction")
    if node is None:
        return Direction.DOWN if stated is not None and stated.negative else None
    text = r.text(node, f"{path}.direction")
    if text not in ("up", "down"):
        r.fail(node, f"{path}.direction", f"direction must be up or down, not {text!r}")
        return None
    if stated is not None and stated.negative:
        r.fail(node, f"{path}.direction", f"stated {stated.text!r} already carries its sign; leave out direction:")
    return Direction(text)


def _read_at(r: _Reader, node: Node | None, path: str) -> At | None:
    """from:/to: a period as printed, or {period:, source:} to name one source's figure."""
    if node is None:
        return None
    if isinstance(node.value, str):
        period = r.period(node, path)
        return At(period) if period is not None else None
    fields = r.mapping(node, path, "at")
    if fields is None:
        return None
    period = r.period(fields.get("period"), f"{path}.period")
    if "period" in fields and period is None:
        return None
    return At(period, r.identifier(fields.get("source"), f"{path}.source"))


def _claim_metrics(
    r: _Reader, node: Node, fields: dict[str, Node], path: str, kind: ClaimKind, holder: Metric | None
) -> tuple[str, ...]:
    if "metric" in fields and "metrics" in fields:
        r.fail(fields["metrics"], f"{path}.metrics", "give metric: or metrics:, not both", at_key=True)
        return ()
    if "metrics" in fields:
        names = tuple(
            r.identifier(n, f"{path}.metrics[{i}]")
            for i, n in enumerate(r.sequence(fields["metrics"], f"{path}.metrics"))
        )
        least = KINDS[kind].min_metrics
        if len(names) < least and isinstance(fields["metrics"].value, list):
            r.fail(fields["metrics"], f"{path}.metrics", f"list at least {least} metric{'s' if least > 1 else ''}")
            return ()
        return names
    if "metric" in fields:
        return (r.identifier(fields["metric"], f"{path}.metric"),)
    if holder is None:
        r.fail(node, path, "a section headline claim needs metric: (or metrics:) naming what it is about")
        return ()
    return (holder.id,)


def _claim_of(r: _Reader, node: Node | None, path: str) -> tuple[Ref | None, str]:
    if node is None:
        return None, ""
    fields = r.mapping(node, path, "of")
    if fields is None:
        return None, ""
    if "outside" in fields:
        for key in ("metric", "period", "source"):
            if key in fields:
                r.fail(
                    fields[key],
                    _join(path, key),
                    "of: names either an outside total or a metric, not both",
                    at_key=True,
                )
        return None, r.text(fields["outside"], f"{path}.outside")
    if "metric" not in fields:
        r.fail(node, path, "of: needs metric: (or outside: for a total the publication does not give)")
        return None, ""
    at = At(r.period(fields.get("period"), f"{path}.period"), r.identifier(fields.get("source"), f"{path}.source"))
    return Ref(r.identifier(fields["metric"], f"{path}.metric"), at), ""


# ── checks across the file ───────────────────────────────────────────────────────────────────


def _check_dataset(r: _Reader, dataset: Dataset) -> None:
    _check_unique(r, "source", [(s.id, loc) for s, loc in r.sources])
    _check_unique(r, "survey", [(s.id, loc) for s, loc in r.surveys])
    _check_unique(r, "group", [(g.id, loc) for g, loc in r.groups])
    _check_unique(r, "section", [(s.id, loc) for s, loc in r.sections])
    _check_unique(r, "metric", [(m.id, loc) for m, loc, _ in r.metrics])
    counted: dict[str, int] = {}
    for metric, _, _ in r.metrics:
        counted[metric.id] = counted.get(metric.id, 0) + 1
    r.broken_metrics |= {metric_id for metric_id, count in counted.items() if count > 1}
    _check_unique(r, "claim", [(c.id, loc) for c, loc in r.claims])
    _check_names(r)
    group_ids = [g.id for g in dataset.groups]
    for section, loc in r.sections:
        group_node = loc.fields.get("group")
        if section.group and section.group not in group_ids and group_node is not None:
            r.fail(
                group_node, f"{loc.path}.group", f"unknown group {section.group!r}", suggest=(section.group, group_ids)
            )
    for metric, loc, observations in r.metrics:
        _check_metric(r, dataset, metric, loc, observations)
    for claim, loc in r.claims:
        _check_claim(r, dataset, claim, loc)
    _check_times(r, dataset)
    _check_words(r, dataset)
    _check_implied_ids(r, dataset)


def _check_unique(r: _Reader, what: str, entries: list[tuple[str, _Located]]) -> None:
    seen: dict[str, Node] = {}
    for identifier, loc in entries:
        node = loc.fields.get("id") or loc.node
        if identifier in seen:
            first = seen[identifier]
            r.fail(
                node,
                f"{loc.path}.id",
                f"{what} id {identifier!r} is used twice (first at {first.line}:{first.column})",
                code="duplicate-id",
            )
        elif identifier:
            seen[identifier] = node


def _check_names(r: _Reader) -> None:
    """A name, alias or id must mean one metric after NFKC and case folding, or `dgcli show` cannot find it."""
    owner: dict[str, tuple[str, Node]] = {}
    for metric, loc, _ in r.metrics:
        entries: list[tuple[str, Node | None]] = [
            (metric.id, loc.fields.get("id")),
            (metric.name, loc.fields.get("name")),
            (metric.name_en, loc.fields.get("name_en")),
        ]
        alias_nodes = loc.fields.get("aliases")
        nodes = alias_nodes.value if alias_nodes is not None and isinstance(alias_nodes.value, list) else []
        entries += [(alias, nodes[i] if i < len(nodes) else alias_nodes) for i, alias in enumerate(metric.aliases)]
        for name, node in entries:
            key = fold(name)
            if not key:
                continue
            if key in owner and owner[key][0] != metric.id:
                other, first = owner[key]
                r.fail(
                    node or loc.node,
                    loc.path,
                    f"{name!r} also names metric {other!r} (at {first.line}:{first.column}): a name, alias or id "
                    "must mean one metric",
                    code="duplicate-name",
                )
            elif key not in owner and node is not None:
                owner[key] = (metric.id, node)


def _check_metric(
    r: _Reader, dataset: Dataset, metric: Metric, loc: _Located, observations: list[tuple[Observation, _Located]]
) -> None:
    fields = loc.fields
    if metric.survey and metric.survey not in dataset.surveys and "survey" in fields:
        r.fail(
            fields["survey"],
            f"{loc.path}.survey",
            f"unknown survey {metric.survey!r}",
            suggest=(metric.survey, dataset.surveys),
        )
    marks = fields.get("footnotes")
    for i, mark in enumerate(metric.footnotes):
        if mark not in dataset.footnotes and marks is not None and isinstance(marks.value, list):
            r.fail(
                marks.value[i],
                f"{loc.path}.footnotes[{i}]",
                f"unknown footnote {mark!r}",
                suggest=(mark, dataset.footnotes),
                code="unknown-footnote",
            )
    source_ids = [s.id for s in dataset.sources]
    newest: dict[str, tuple[Observation, _Located]] = {}  # per source: the observation listed before
    undated: dict[str, _Located] = {}
    for observation, oloc in observations:
        _check_figures(r, metric, observation, oloc)
        source_node = oloc.fields.get("source")
        if observation.source not in source_ids and source_node is not None:
            r.broken_metrics.add(metric.id)  # its claims cannot be resolved; the source is reported once
            r.fail(
                source_node,
                f"{oloc.path}.source",
                f"unknown source {observation.source!r}",
                suggest=(observation.source, source_ids),
            )
        period_node = oloc.fields.get("period") or oloc.node
        if observation.period is None:
            if observation.source in undated:
                first = undated[observation.source].node
                r.broken_metrics.add(metric.id)
                r.fail(
                    oloc.node,
                    oloc.path,
                    f"a second undated figure from {observation.source!r} (first at {first.line}:{first.column})",
                )
            undated[observation.source] = oloc
        elif observation.source in newest:
            later, later_loc = newest[observation.source]
            assert later.period is not None
            if later.period.key == observation.period.key:
                first = later_loc.fields.get("period") or later_loc.node
                r.broken_metrics.add(metric.id)  # its claims' periods are ambiguous: reported here, once
                r.fail(
                    period_node,
                    f"{oloc.path}.period",
                    f"two observations for {observation.period.key} from source {observation.source!r} "
                    f"(first at {first.line}:{first.column}); "
                    "if another publication printed it, add source: with its id",
                )
            elif observation.period.sort_key > later.period.sort_key:
                r.fail(
                    period_node,
                    f"{oloc.path}.period",
                    f"observations go newest first, as published: {observation.period.key} "
                    f"is listed after {later.period.key}",
                )
        if observation.period is not None:
            newest[observation.source] = (observation, oloc)


def _check_figures(r: _Reader, metric: Metric, observation: Observation, loc: _Located) -> None:
    """Units, signs and ranges of every figure an observation prints, each at its own value."""
    fields = loc.fields
    if not observation.shares:
        node = fields.get("value") or loc.node
        figure = observation.figure
        if figure.unit and metric.unit and figure.unit not in metric.units:
            shown = " or ".join(repr(u) for u in metric.units)
            r.fail(
                node,
                f"{loc.path}.value",
                f"value {figure.text!r} is in {figure.unit!r}, but the metric counts in {shown} "
                "(add it to units: if it means the same)",
                code="unit-not-declared",
            )
        if observation.bounded:
            _check_range(r, figure, node, f"{loc.path}.value", metric.is_percentage)
    share_nodes = fields.get("shares")
    for share in observation.shares:
        node = (
            share_nodes.value[share.answer]
            if share_nodes is not None and isinstance(share_nodes.value, dict)
            else loc.node
        )
        path = f"{loc.path}.shares.{share.answer}"
        if share.figure.unit != PERCENT:
            r.fail(node, path, f"share {share.figure.text!r} of {share.answer!r} must be a percentage")
        _check_range(r, share.figure, node, path, True)
    parts_node = fields.get("parts")
    for i, part in enumerate(observation.parts):
        node = loc.node
        if parts_node is not None and isinstance(parts_node.value, list) and i < len(parts_node.value):
            item = parts_node.value[i]
            node = item.value.get("value", item) if isinstance(item.value, dict) else item
        path = f"{loc.path}.parts[{i}]"
        # Parts may count in their own words (177自治体 = 20都府県 + 157市町村), but a count's parts are
        # counts and a percentage's parts percentages.
        unit = part.figure.unit
        if unit in (PERCENT, POINTS, TIMES) and not (metric.is_percentage and unit == PERCENT):
            r.fail(node, path, f"part {part.figure.text!r} is in {unit!r}, but {metric.id!r} counts in {metric.unit!r}")
        elif metric.is_percentage and unit != PERCENT:
            r.fail(node, path, f"part {part.figure.text!r} of a percentage must be a percentage")
        _check_range(r, part.figure, node, path, metric.is_percentage or unit == PERCENT)


_NO_SHARE = " (a percentage that is no share of a whole, like 前年同月比 or 達成率: give its metric share: false)"


def _check_range(r: _Reader, figure: Figure, node: Node, path: str, percentage: bool) -> None:
    if figure.negative:
        r.fail(
            node,
            path,
            f"{figure.text!r} is negative: a count or a share is never below zero{_NO_SHARE if percentage else ''}",
        )
    elif (percentage or figure.unit == PERCENT) and figure.value > 100:
        r.fail(node, path, f"percentage {figure.text!r} is outside 0–100%{_NO_SHARE}")
    elif percentage or figure.unit == PERCENT:
        # Bounds that leave nothing inside 0–100%: 100%超 (more than all), 0%未満 (less than none).
        above = figure.value == 100 and figure.hedge in (Hedge.OVER, Hedge.JUST_OVER)
        below = figure.value == 0 and figure.hedge in (Hedge.BELOW, Hedge.JUST_UNDER, Hedge.NEARLY)
        if above or below:
            r.fail(node, path, f"percentage {figure.text!r} can be no share: nothing lies beyond 0–100%")


def _check_claim(r: _Reader, dataset: Dataset, claim: Claim, loc: _Located) -> None:
    fields = loc.fields
    source_ids = [s.id for s in dataset.sources]
    if claim.source not in source_ids and "source" in fields:
        r.fail(
            fields["source"],
            f"{loc.path}.source",
            f"unknown source {claim.source!r}",
            suggest=(claim.source, source_ids),
        )
    for at_key in ("from", "to"):
        node = fields.get(at_key)
        if node is not None and isinstance(node.value, dict) and "source" in node.value:
            named = node.value["source"].value
            if isinstance(named, str) and named not in source_ids:
                r.fail(
                    node.value["source"],
                    f"{loc.path}.{at_key}.source",
                    f"unknown source {named!r}",
                    suggest=(named, source_ids),
                )
                return
    metrics_node = fields.get("metrics")
    for index, metric_id in enumerate(claim.metrics):
        if metric_id in dataset.metrics or metric_id in r.broken_metrics:
            continue
        node = fields.get("metric") or (
            metrics_node.value[index] if metrics_node is not None and isinstance(metrics_node.value, list) else loc.node
        )
        r.fail(node, loc.path, f"unknown metric {metric_id!r}", suggest=(metric_id, dataset.metrics))
        return
    if any(m in r.broken_metrics for m in claim.metrics) or (claim.of and claim.of.metric in r.broken_metrics):
        return  # already reported where the metric is
    metric = dataset.metrics[claim.metric]
    if claim.stated is not None:
        _check_stated(r, claim, metric, fields["stated"], f"{loc.path}.stated")
    order = source_order(claim, dataset)
    for metric_id in claim.metrics:
        target = _resolve(
            r, dataset.metrics[metric_id], claim.target, order, fields.get("to") or loc.node, f"{loc.path}.to", claim
        )
        baseline = None
        if claim.baseline is not None:
            baseline = _resolve(
                r, dataset.metrics[metric_id], claim.baseline, order, fields["from"], f"{loc.path}.from", claim
            )
        if target is None:
            continue
        if baseline is not None and baseline.period and target.period and baseline.period.end >= target.period.start:
            r.fail(
                fields["from"],
                f"{loc.path}.from",
                f"from: {baseline.period.key} is not before the figure it is compared with ({target.period.key})",
            )
        _check_operand_shape(r, claim, metric_id, target, loc)
    if KINDS[claim.kind].one_period and "to" not in fields:
        ends = {dataset.metrics[m].history()[0].period_key for m in claim.metrics}
        if len(ends) > 1:
            r.fail(
                loc.node,
                loc.path,
                f"an ordering compares one period, but the latest figures are of "
                f"{', '.join(sorted(str(e) for e in ends))}: give to:",
            )
    if claim.of is not None:
        of_node = fields["of"]
        whole = dataset.metrics.get(claim.of.metric)
        metric_node = of_node.value.get("metric", of_node) if isinstance(of_node.value, dict) else of_node
        if whole is None:
            if claim.of.metric not in r.broken_metrics:
                r.fail(
                    metric_node,
                    f"{loc.path}.of.metric",
                    f"unknown metric {claim.of.metric!r}",
                    suggest=(claim.of.metric, dataset.metrics),
                )
        else:
            if KINDS[claim.kind].whole_is_a_count and whole.is_percentage:
                r.fail(metric_node, f"{loc.path}.of.metric", f"the whole {whole.id!r} is a percentage, not a count")
            period_node = of_node.value.get("period", of_node) if isinstance(of_node.value, dict) else of_node
            _resolve(r, whole, claim.of.at, order, period_node, f"{loc.path}.of.period", claim)


def _resolve(
    r: _Reader, metric: Metric, at: At, order: list[str], node: Node, path: str, claim: Claim
) -> Observation | None:
    found = find_observations(metric, at, order)
    if len(found) == 1:
        return found[0]
    if not found and claim.unverifiable:
        return None
    have = ", ".join(
        f"{o.period_key or '(undated)'}" + (f" [{o.source}]" if len(order) > 1 and o.source != order[0] else "")
        for o in metric.history()
    )
    wanted = at.period.text if at.period else "the latest figure"
    if at.source:
        wanted += f" from {at.source}"
    if not found:
        r.fail(
            node,
            path,
            f"{wanted!r} is not a period of {metric.id!r} (it has {have}); "
            "add unverifiable: with the reason if it is not published",
        )
    else:
        matches = ", ".join(o.period_key or "(undated)" for o in found)
        r.fail(node, path, f"{wanted!r} could mean {matches} of {metric.id!r}: name one")
    return None


def _check_operand_shape(r: _Reader, claim: Claim, metric_id: str, target: Observation, loc: _Located) -> None:
    what = KINDS[claim.kind].operand_list
    if what is not None and not getattr(target, what[0]):
        r.fail(loc.node, loc.path, f"{metric_id!r} has no {what[1]} at {target.period_key or '(undated)'}")


def _check_stated(r: _Reader, claim: Claim, metric: Metric, node: Node, path: str) -> None:
    """The stated figure is in a unit the kind accepts, and signed only where a sign means something."""
    spec = KINDS[claim.kind]
    stated = claim.stated
    assert stated is not None
    if spec.units is not None:
        allowed = set(spec.units)
    elif metric.is_percentage:
        allowed = {PERCENT}
        if spec.percentages is Percentages.REFUSED:
            r.fail(node, path, spec.percentage_message.format(metric=metric.id, unit=metric.unit))
            return
    else:
        allowed = set(metric.units) | {""}
    unitless_hedges = (Hedge.DIGITS,)
    if stated.unit not in allowed and not (stated.hedge in unitless_hedges and "" in allowed):
        shown = " or ".join(sorted(repr(u) if u else "a bare number" for u in allowed))
        hint = spec.unit_hints.get(stated.unit, "")
        if spec.units is None and stated.unit:
            hint = hint or " (add it to the metric's units: if it means the same)"
        printed = stated.printed_unit or stated.unit or "a bare number"
        r.fail(node, path, f"a {claim.kind} claim is stated in {shown}; {stated.text!r} is in {printed!r}{hint}")
    if spec.percentages is Percentages.REQUIRED and not (metric.is_percentage or metric.unit == TIMES):
        r.fail(node, path, spec.percentage_message.format(metric=metric.id, unit=metric.unit))
    if spec.percentages is Percentages.REFUSED and metric.is_percentage:
        r.fail(node, path, spec.percentage_message.format(metric=metric.id, unit=metric.unit))
    if stated.negative and not spec.signed:
        r.fail(node, path, f"{stated.text!r} is negative, which a {claim.kind} claim cannot be")
    if stated.hedge is Hedge.MAJORITY and not spec.states_a_share:
        r.fail(node, path, f"過半数 is a share: a {claim.kind} claim cannot state it")


def _check_words(r: _Reader, dataset: Dataset) -> None:
    """A claim's published words against its stated: and direction:, and listed items (words.py)."""
    from dgcli.data import words

    for claim, loc in r.claims:
        for key, message in words.claim_problems(claim):
            node = loc.fields.get(key) or loc.fields.get("text") or loc.node
            r.fail(node, f"{loc.path}.{key}", message)
    for metric, _, observations in r.metrics:
        for observation, oloc in observations:
            for message in words.item_problems(observation):
                r.broken_metrics.add(metric.id)
                r.fail(oloc.fields.get("items") or oloc.node, f"{oloc.path}.items", message)


def _check_times(r: _Reader, dataset: Dataset) -> None:
    """One source's two figures for one moment, and revised: notes that revise nothing (timing.py)."""
    from dgcli.data import timing

    located = {(m.id, o.line): oloc for m, _, observations in r.metrics for o, oloc in observations}
    for metric in dataset.metrics.values():
        for observation, message, key in timing.problems(dataset, metric):
            oloc = located.get((metric.id, observation.line))
            if oloc is None:
                continue
            node = oloc.fields.get(key) or oloc.node
            r.broken_metrics.add(metric.id)
            r.fail(node, f"{oloc.path}.{key}" if key in oloc.fields else oloc.path, message)


def _check_implied_ids(r: _Reader, dataset: Dataset) -> None:
    implied = implied_ids(dataset)
    for claim, loc in r.claims:
        if claim.id in implied:
            node = loc.fields.get("id") or loc.node
            r.fail(
                node,
                f"{loc.path}.id",
                f"claim id {claim.id!r} is the id of an implied check ({implied[claim.id]}); choose another",
            )
