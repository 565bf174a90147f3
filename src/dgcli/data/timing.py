"""Which figures of one metric denote the same time, so that two sources printing them must agree.

A metric's periods are read as a *stock* (a level at a moment: 保有数 for 2023年7月, 2023年7月末 and
2023年7月31日 is one figure, as of the last day) or a *flow* (a total over a span: only identical
spans are one figure), as SDMX and OECD.Stat mark their measures. The metric's ``time:`` decides,
else its sources' (when both declare the same), else ``auto``: identical spans are compared, and
a span beside another that ends the same day (2023年7月 and 2023年7月末, 2024年3月 and 2023年度) is
named ``not compared`` with the reason, since it is one figure only if the metric is a stock.

An undated figure stands for its source's ``as_of:`` (an as-of date, a survey wave), else the day
its source was ``published:``; with neither it is set beside each other source's newest figure as
``not compared``.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

from dgcli.data.model import Dataset, Metric, Observation, Time
from dgcli.text.intervals import stands_for
from dgcli.text.periods import Period

SAME, MAYBE, APART = "same", "maybe", "apart"


class Pairing(NamedTuple):
    """Two figures of one metric from different sources that are (or may be) of one time."""

    first: Observation
    second: Observation
    uncompared: str = ""  # why they cannot be compared; "" when they are


def when(dataset: Dataset, observation: Observation) -> Period | None:
    """The time a figure stands for: its period, else its source's as_of, else the day it was
    published (which dates a source's undated figures), else None."""
    if observation.period is not None:
        return observation.period
    source = next((s for s in dataset.sources if s.id == observation.source), None)
    if source is None:
        return None
    return source.as_of or source.published


def reading(dataset: Dataset, metric: Metric, *observations: Observation) -> Time:
    """The metric's time:, else what every source of these figures declares alike, else auto."""
    if metric.time is not None:
        return metric.time
    declared = {s.time for s in dataset.sources if s.id in {o.source for o in observations}}
    if len(declared) == 1:
        (only,) = declared
        if only is not None:
            return only
    return Time.AUTO


def relation(a: Period, b: Period, time: Time) -> str:
    """SAME: one time under this reading; MAYBE: one time only if the metric is a stock (auto); APART."""
    if a.start == b.start and a.end == b.end:
        return SAME
    if a.end == b.end and time is not Time.FLOW:
        return SAME if time is Time.STOCK else MAYBE
    return APART


def _text(observation: Observation, period: Period | None) -> str:
    at = period.text if period is not None else "(undated)"
    return f"{observation.source}'s {at} {observation.figure.text}"


def pairings(dataset: Dataset, metric: Metric) -> list[Pairing]:
    """Every two figures of different sources that denote (or may denote) the same time, in file order."""
    observations = metric.observations
    if len({o.source for o in observations}) < 2:
        return []
    found: list[Pairing] = []
    for index, first in enumerate(observations):
        first_time = when(dataset, first)
        for second in observations[index + 1 :]:
            second_time = when(dataset, second)
            if second.source == first.source:
                continue
            if first_time is None or second_time is None:
                if _undated_partner(dataset, metric, first, second):
                    found.append(Pairing(first, second, _undated_reason(dataset, first, second)))
                continue
            time = reading(dataset, metric, first, second)
            related = relation(first_time, second_time, time)
            if related == SAME:
                found.append(Pairing(first, second))
            elif related == MAYBE:
                reason = (
                    f"{_text(first, first_time)} and {_text(second, second_time)} are one figure if "
                    f"{metric.id} is a stock (a level at a moment), two spans if it is a flow: "
                    "declare the metric's time: stock or time: flow"
                )
                found.append(Pairing(first, second, reason))
    return found


def _undated_partner(dataset: Dataset, metric: Metric, first: Observation, second: Observation) -> bool:
    """An undated, undeclared figure is set beside the other source's undated figure, else its newest."""
    for undated, other in ((first, second), (second, first)):
        if when(dataset, undated) is not None:
            continue
        theirs = [o for o in metric.observations if o.source == other.source]
        if when(dataset, other) is None:
            return True
        if any(when(dataset, o) is None for o in theirs):
            continue  # the other source's own undated figure is the partner
        newest = max(theirs, key=lambda o: _sort_key(dataset, o))
        if newest is other:
            return True
    return False


def _sort_key(dataset: Dataset, observation: Observation) -> tuple[int, int]:
    period = when(dataset, observation)
    return period.sort_key if period is not None else (0, 0)


def _undated_reason(dataset: Dataset, first: Observation, second: Observation) -> str:
    undated = first if when(dataset, first) is None else second
    other = second if undated is first else first
    return (
        f"{undated.source} prints {undated.figure.text} with no date and declares none (as_of:, published:), "
        "so it cannot be set "
        f"beside {_text(other, when(dataset, other))}: declare what {undated.source}'s undated figures stand for "
        "(as_of: an as-of date or a survey wave), or give the figure its period"
    )


def revision_covers(dataset: Dataset, metric: Metric, pairing: Pairing) -> str:
    """The revised: note that acknowledges this pair: either figure's own, else one for the same time."""
    if pairing.first.revised or pairing.second.revised:
        return pairing.second.revised or pairing.first.revised
    time = when(dataset, pairing.first)
    if time is None:
        return ""
    for observation in metric.observations:
        other = when(dataset, observation)
        time_of_pair = reading(dataset, metric, pairing.first, observation)
        if observation.revised and other is not None and relation(time, other, time_of_pair) == SAME:
            return observation.revised
    return ""


def problems(dataset: Dataset, metric: Metric) -> list[tuple[Observation, str, str]]:
    """Located data errors: (observation, message, the key to point at)."""
    found: list[tuple[Observation, str, str]] = []
    paired = {id(o) for p in pairings(dataset, metric) for o in (p.first, p.second)}
    for observation in metric.observations:
        if observation.revised and id(observation) not in paired:
            at = when(dataset, observation)
            found.append(
                (
                    observation,
                    f"revised: says {observation.figure.text} differs from another source's figure, but no other "
                    f"source prints {metric.id} for {at.text if at else 'an undated figure'}: it revises nothing "
                    "(add the other source's figure, or declare time: stock if theirs is of the same moment)",
                    "revised",
                )
            )
    observations = metric.observations
    times = [when(dataset, o) for o in observations]
    # Two times are one only if they end the same day: figures are compared within (source, end, key)
    # groups, so a metric of 20,000 figures (a drafted table) loads in linear time, not pairwise.
    groups: dict[tuple[str, int], dict[str, tuple[list[int], list[int]]]] = {}  # key: (every, undated)
    for index, (observation, at) in enumerate(zip(observations, times, strict=True)):
        if at is not None:
            every, undated = groups.setdefault((observation.source, at.end), {}).setdefault(at.key, ([], []))
            every.append(index)
            if observation.period is None:
                undated.append(index)
    for index, first in enumerate(observations):
        first_time = times[index]
        if first_time is None:
            continue
        later: list[int] = []
        for key, (every, undated) in groups[(first.source, first_time.end)].items():
            # the same period twice is reported where periods are checked
            members = undated if key == first_time.key and first.period is not None else every
            later += members[bisect_right(members, index) :]
        for j in sorted(later):
            second, second_time = observations[j], times[j]
            if second_time is None:
                continue
            time = reading(dataset, metric, first)
            if relation(first_time, second_time, time) == SAME and not _alike(first, second):
                found.append(
                    (
                        second,
                        f"{second.source} prints {metric.id} twice for one moment ({time} reading): "
                        f"{first_time.text} {first.figure.text} (line {first.line}) and "
                        f"{second_time.text} {second.figure.text}",
                        "value",
                    )
                )
    return found


def _alike(a: Observation, b: Observation) -> bool:
    """Whether two figures may be the same value (each read under its own rule)."""
    x, y = stands_for(a.figure, a.rounding), stands_for(b.figure, b.rounding)
    return x.overlaps(y)
