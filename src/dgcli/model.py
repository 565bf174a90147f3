"""The indicators page as data: immutable records and enums, no I/O.

The records are ``typing.NamedTuple`` rather than frozen dataclasses: the same immutability,
equality, hashing and typing, but a class costs ~0.15 ms to create instead of ~0.8 ms, and dgcli
defines about twenty of them on every start (benchmarks/README.md has the measurements).
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from dgcli.numbers import Quantity
from dgcli.periods import Period


class ClaimKind(StrEnum):
    PERCENT_CHANGE = "percent_change"  # "2023年7月から5%増加"
    POINT_CHANGE = "point_change"  # "2.9PT増"
    ABSOLUTE_CHANGE = "absolute_change"  # "3,353件増加"
    SHARE_OF = "share_of"  # "マイナンバーカード保有の79%", "国民の75%"
    SUM_OF_PARTS = "sum_of_parts"  # 0.5億 + 5.1億 = 5.6億
    COUNT_OF_ITEMS = "count_of_items"  # "5サービス" with 5 listed
    ITEMS_ADDED = "items_added"  # "5機関から…が加わり、10機関"
    THRESHOLD = "threshold"  # "二桁成長": a percent change of at least 10%
    DIRECTION = "direction"  # "いずれの指標も上昇"
    RESTATEMENT = "restatement"  # "52%の利用者が満足" restates 52.2%
    DISTRIBUTION_SUM = "distribution_sum"  # implied: every survey distribution sums to 100%


class Verdict(StrEnum):
    CONSISTENT = "consistent"
    WITHIN_ROUNDING = "within_rounding"
    INCONSISTENT = "inconsistent"
    GROSS = "gross"
    UNVERIFIABLE = "unverifiable"


class Direction(StrEnum):
    UP = "up"
    DOWN = "down"


CHANGE_KINDS = frozenset({ClaimKind.PERCENT_CHANGE, ClaimKind.POINT_CHANGE, ClaimKind.ABSOLUTE_CHANGE})


class Share(NamedTuple):
    """One answer of a distribution and its share, "良いと思う: 50.9%"."""

    answer: str
    quantity: Quantity


class Part(NamedTuple):
    """A named component of a figure, "署名用電子証明書有効性確認数: 0.5億回"."""

    name: str
    quantity: Quantity


class Item(NamedTuple):
    """A listed member, "マイナポータル (2017年11月から)"."""

    name: str
    since: Period | None = None


class Observation(NamedTuple):
    period: Period | None  # None when the page prints no period ("年間10万回")
    quantity: Quantity  # for a distribution: the headline answer's share
    line: int
    shares: tuple[Share, ...] = ()
    parts: tuple[Part, ...] = ()
    items: tuple[Item, ...] = ()  # what the figure counts, as listed
    added: tuple[Item, ...] = ()  # what joined since the previous observation, as listed
    note: str = ""

    @property
    def period_key(self) -> str | None:
        return self.period.key if self.period else None


class Ref(NamedTuple):
    """A claim operand: a metric at a period (None: its latest observation)."""

    metric: str
    period: Period | None = None


class Claim(NamedTuple):
    id: str
    kind: ClaimKind
    text: str  # exactly as published
    metrics: tuple[str, ...]  # one, or several for direction / threshold
    line: int
    stated: Quantity | None = None  # None: the figure is the metric's own value (sums, counts)
    from_period: Period | None = None
    to_period: Period | None = None  # None: the latest observation
    of: Ref | None = None  # share_of: the whole the share is of
    outside: str = ""  # share_of: a total the page does not give ("国民")
    direction: Direction = Direction.UP
    unverifiable: str = ""  # why an operand the claim names is not on the page
    section: str = ""  # the section whose headline makes the claim, if any
    note: str = ""

    @property
    def metric(self) -> str:
        return self.metrics[0]


class Metric(NamedTuple):
    id: str
    name: str  # Japanese, as published
    name_en: str
    section: str
    unit: str
    observations: tuple[Observation, ...]  # newest first, as on the page
    line: int
    aliases: tuple[str, ...] = ()
    description: str = ""  # the page's sentence about the metric
    category: str = ""  # the page's sub-heading ("データ連携", "自治体関連手続")
    headline_answer: str = ""  # distributions: the answer whose share is the metric's value
    survey: str = ""
    footnotes: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    claims: tuple[Claim, ...] = ()

    @property
    def latest(self) -> Observation:
        return self.observations[0]

    @property
    def is_distribution(self) -> bool:
        return bool(self.headline_answer)

    def at(self, period: Period | None) -> Observation | None:
        """The observation for a period (None: the latest)."""
        if period is None:
            return self.latest
        for observation in self.observations:
            if observation.period_key == period.key:
                return observation
        return None


class Section(NamedTuple):
    id: str
    title: str
    group: str
    line: int
    headline: str = ""
    source: str = ""
    related: tuple[str, ...] = ()
    metrics: tuple[str, ...] = ()
    claims: tuple[Claim, ...] = ()


class Group(NamedTuple):
    id: str
    title: str


class Survey(NamedTuple):
    id: str
    title: str
    method: str
    population: str
    age_min: int
    age_max: int
    respondents: tuple[tuple[Period, int], ...]
    rounding: str


class Source(NamedTuple):
    title: str
    publisher: str
    url: str


class Dataset(NamedTuple):
    file: str
    source: Source
    groups: tuple[Group, ...]
    sections: tuple[Section, ...]
    metrics: dict[str, Metric]  # by id, in page order
    surveys: dict[str, Survey]
    footnotes: dict[str, str]

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)

    def group(self, group_id: str) -> Group:
        return next(g for g in self.groups if g.id == group_id)

    def claims(self) -> list[Claim]:
        """Every encoded claim, page order: each section's headline claims, then its metrics'."""
        found: list[Claim] = []
        for section in self.sections:
            found.extend(section.claims)
            for metric_id in section.metrics:
                found.extend(self.metrics[metric_id].claims)
        return found
