"""Indicators as data: immutable records and enums, no I/O.

The records are ``typing.NamedTuple`` rather than frozen dataclasses: the same immutability,
equality, hashing and typing, but a class costs ~0.15 ms to create instead of ~0.8 ms, and dgcli
defines about twenty of them on every start (benchmarks/README.md has the measurements).
"""

from enum import StrEnum
from typing import NamedTuple

from dgcli.data.kinds import ClaimKind
from dgcli.text.numbers import Figure, Rounding
from dgcli.text.periods import Period


class Verdict(StrEnum):
    CONSISTENT = "consistent"
    WITHIN_ROUNDING = "within_rounding"
    REVISED = "revised"  # two sources disagree, and the file says so (revised:)
    UNVERIFIABLE = "unverifiable"
    INCONSISTENT = "inconsistent"
    GROSS = "gross"
    NOT_COMPARED = "not_compared"  # two figures that may be of one time, but nothing says they are


class Time(StrEnum):
    """What a metric's periods mean (SDMX's stock and flow), for pairing figures of different sources."""

    AUTO = "auto"  # not declared: identical spans compare; a span and a moment ending it are named, not compared
    STOCK = "stock"  # a level at a moment: 2023年7月, 2023年7月末 and 2023年7月31日 name one moment (the end)
    FLOW = "flow"  # a total over a span: only identical spans compare


# Best to worst: of the readings of a rounding rule the best counts; of several metrics, the worst.
# (not_compared is no reading's verdict: only the pairing of sources gives it.)
SEVERITY = tuple(Verdict)
FAILING = frozenset({Verdict.INCONSISTENT, Verdict.GROSS})


class Direction(StrEnum):
    UP = "up"
    DOWN = "down"


class Share(NamedTuple):
    """One answer of a distribution and its share, "良いと思う: 50.9%"."""

    answer: str
    figure: Figure


class Part(NamedTuple):
    """A named component of a figure, "署名用電子証明書有効性確認数: 0.5億回"."""

    name: str
    figure: Figure


class Item(NamedTuple):
    """A listed member, "マイナポータル (2017年11月から)"."""

    name: str
    since: Period | None = None


class Observation(NamedTuple):
    period: Period | None  # None when the publication prints no period ("年間10万回")
    figure: Figure  # for a distribution: the headline answer's share
    line: int
    source: str  # the id of the publication that printed it
    rounding: Rounding  # how its figures were rounded (metric, else survey, else source, else nearest)
    shares: tuple[Share, ...] = ()
    parts: tuple[Part, ...] = ()
    items: tuple[Item, ...] = ()  # what the figure counts, as listed
    added: tuple[Item, ...] = ()  # what joined since the previous observation, as listed
    note: str = ""
    partial: bool = False  # a distribution printed in part (only some answers)
    revised: str = ""  # why this figure knowingly differs from another source's for the same period
    bounded: bool = True  # a count ≥ 0 or a share in 0–100%; False for 前年同月比-like percentages

    @property
    def period_key(self) -> str | None:
        return self.period.key if self.period else None

    def figures(self) -> list[tuple[str, Figure]]:
        """Every figure printed for this observation: ("", value), then each answer and part by name."""
        found = [("", self.figure)] if not self.shares else []
        found += [(s.answer, s.figure) for s in self.shares]
        found += [(p.name, p.figure) for p in self.parts]
        return found


class At(NamedTuple):
    """Which observation a claim means: a period (None: the latest, or the undated figure) and a source."""

    period: Period | None = None
    source: str = ""  # "" : the claim's own source, then any other


class Ref(NamedTuple):
    """A claim operand on another metric: share_of's whole, ratio's divisor."""

    metric: str
    at: At = At()


class Claim(NamedTuple):
    id: str
    kind: ClaimKind
    text: str  # exactly as published
    metrics: tuple[str, ...]  # one, or several for direction / threshold / ordering
    line: int
    column: int = 0
    source: str = ""  # the publication that makes the claim
    stated: Figure | None = None  # None: the figure is the metric's own value (sums, counts)
    baseline: At | None = None  # from:
    target: At = At()  # to: (the latest observation unless named)
    of: Ref | None = None  # share_of's whole, ratio's divisor
    outside: str = ""  # share_of: a whole the publication does not give ("国民")
    direction: Direction | None = None  # None: the kind's own default
    unverifiable: str = ""  # why an operand the claim names is not published
    section: str = ""  # the section whose headline makes the claim, if any
    note: str = ""
    answer: str = ""  # implied checks: the answer or part compared
    versus: str = ""  # agreement: the other source
    revised: str = ""  # agreement: the file's note acknowledging the difference
    uncompared: str = ""  # agreement: why two figures that may be of one time cannot be compared
    rounding: Rounding | None = None  # how the stated figure was rounded, if unlike the figures'

    @property
    def metric(self) -> str:
        return self.metrics[0]


class Metric(NamedTuple):
    id: str
    name: str  # Japanese, as published
    name_en: str
    section: str
    units: tuple[str, ...]  # counter words that mean the same count; the first is shown
    observations: tuple[Observation, ...]  # as in the file: per source, newest first
    line: int
    aliases: tuple[str, ...] = ()
    description: str = ""  # the publication's sentence about the metric
    category: str = ""  # the sub-heading it sits under ("データ連携", "自治体関連手続")
    headline_answer: str = ""  # distributions: the answer whose share is the metric's value
    survey: str = ""
    footnotes: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    claims: tuple[Claim, ...] = ()
    rounding: Rounding | None = None  # declared for this metric only
    share: bool = True  # a percentage is a share of a whole (0–100%) unless declared share: false
    time: Time | None = None  # what its periods mean; None: its sources' declaration, else auto

    @property
    def unit(self) -> str:
        return self.units[0]

    @property
    def is_distribution(self) -> bool:
        return bool(self.headline_answer)

    @property
    def is_percentage(self) -> bool:
        return self.unit == "%"

    def history(self) -> list[Observation]:
        """Every observation newest first across sources; an undated figure first (as of publication)."""
        return sorted(
            self.observations,
            key=lambda o: (o.period is None, o.period.sort_key if o.period else (0, 0)),
            reverse=True,
        )

    def dated(self) -> list[Observation]:
        return [o for o in self.history() if o.period is not None]


def find_observations(metric: Metric, at: At, source_order: list[str]) -> list[Observation]:
    """The observations ``at`` may mean, from the first source (in order) that has any.

    A period matches by key, else by containment (2024年7月末 means the 2024年7月 figure when that is
    the only one it can mean); no period means the source's undated figure, else its newest.
    Several results mean the reference is ambiguous.
    """
    for source in [at.source] if at.source else source_order:
        mine = [o for o in metric.observations if o.source == source]
        if not mine:
            continue
        wanted = at.period
        if wanted is None:
            undated = [o for o in mine if o.period is None]
            return undated[:1] or [max(mine, key=lambda o: o.period.sort_key if o.period else (0, 0))]
        exact = [o for o in mine if o.period is not None and o.period.key == wanted.key]
        near = [o for o in mine if o.period is not None and (o.period.contains(wanted) or wanted.contains(o.period))]
        if exact or near:
            return exact or near
    return []


class Section(NamedTuple):
    id: str
    title: str
    group: str
    line: int
    headline: str = ""
    citation: str = ""  # the 出典 line as printed (the file's key is source:)
    related: tuple[str, ...] = ()
    metrics: tuple[str, ...] = ()
    claims: tuple[Claim, ...] = ()


class Group(NamedTuple):
    id: str
    title: str


class Survey(NamedTuple):
    id: str
    title: str
    method: str = ""
    population: str = ""
    age_min: int | None = None
    age_max: int | None = None
    respondents: tuple[tuple[Period, int], ...] = ()
    rounding_note: str = ""  # as published: "数値は小数点第二位を四捨五入"
    rounding: Rounding | None = None


class Source(NamedTuple):
    id: str
    title: str
    publisher: str
    url: str
    line: int = 0
    published: Period | None = None
    rounding: Rounding | None = None
    notes: tuple[str, ...] = ()
    time: Time | None = None  # what its figures' periods mean, unless a metric says
    as_of: Period | None = None  # what its undated figures stand for (a survey wave, an as-of date)


class Dataset(NamedTuple):
    file: str  # the file as the user named it ("indicators.yaml", "<stdin>", or the bundled copy's path)
    sources: tuple[Source, ...]  # the first is the main source
    groups: tuple[Group, ...]
    sections: tuple[Section, ...]
    metrics: dict[str, Metric]  # by id, in file order
    surveys: dict[str, Survey]
    footnotes: dict[str, str]
    schema_version: int = 2
    bundled: bool = False  # the copy shipped inside dgcli, read because no file was named or found
    tree: object = None  # the file's parsed tree (load.Node), kept only for diff (keep_tree=True)

    @property
    def source(self) -> Source:
        return self.sources[0]

    def source_by_id(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)

    def group(self, group_id: str) -> Group:
        return next(g for g in self.groups if g.id == group_id)

    def claims(self) -> list[Claim]:
        """Every encoded claim in file order: each section's headline claims, then its metrics'."""
        found: list[Claim] = []
        for section in self.sections:
            found.extend(section.claims)
            for metric_id in section.metrics:
                found.extend(self.metrics[metric_id].claims)
        return found


def source_order(claim: Claim, dataset: Dataset) -> list[str]:
    """Where a claim's figures are looked for: its own source, then the main one, then the rest."""
    order = [claim.source] if claim.source else []
    return order + [s.id for s in dataset.sources if s.id not in order]


def rounding_rule(
    own: Rounding | None, metric: Rounding | None, survey: Rounding | None, source: Source | None, main: str
) -> Rounding:
    """How a figure was rounded: the one precedence chain for observations and claims' stated figures.

    The most specific declaration wins: the figure's own (an observation's or a claim's rounding:),
    its metric's, another publication's own (a dashboard truncating a survey's figures), the
    survey's (as its main publication prints it), the main source's; else ``nearest``."""
    source_rule = source.rounding if source is not None else None
    other = source_rule if source is not None and source.id != main else None
    return own or metric or other or survey or source_rule or Rounding.NEAREST


def metric_notes(dataset: Dataset, metric: Metric) -> list[str]:
    """What is printed beside a metric, in words: its notes, its footnotes, and the survey behind it."""
    notes = [*metric.notes, *(f"{mark}: {dataset.footnotes.get(mark, '')}" for mark in metric.footnotes)]
    survey = dataset.surveys.get(metric.survey)
    if survey is not None:
        counts = "・".join(f"{period.text} n={count:,}" for period, count in survey.respondents)
        described = ", ".join(part for part in (survey.population, survey.method, counts) if part)
        notes.append(
            f"survey: {survey.title}"
            + (f" ({described})" if described else "")
            + (f"; {survey.rounding_note}" if survey.rounding_note else "")
        )
    return notes
