"""Which figures of one metric denote the same time, so that two sources printing them must agree.

A metric's periods are read as a *stock* (a level at a moment: 保有数 for 2023年7月, 2023年7月末 and
2023年7月31日 is one figure, as of the last day) or a *flow* (a total over a span: only identical
spans are one figure), as SDMX and OECD.Stat mark their measures. The metric's ``time:`` decides,
else its sources' (when both declare the same), else ``auto``: identical spans are compared, and
a span beside another that ends the same day (2023年7月 and 2023年7月末, 2024年3月 and 2023年度) is
named ``not compared`` with the reason, since it is one figure only if the metric is a stock.

An undated figure stands for its source's ``as_of:`` (an as-of date, a survey wave); one dated only
by the day its source was ``published:`` is compared where that day is its time, and otherwise set
beside each other source's newest figure up to that day as ``not compared`` (a dashboard published
10月1日 may show the 9月末 count); with neither it is set beside each other source's newest figure as
``not compared``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
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
    times = [when(dataset, o) for o in observations]
    # Only figures that end the same day can be one time; undated ones and ones dated by a publication
    # day are set beside others by their own rules. So each figure meets those, not every other one: a
    # metric of 20,000 figures (a drafted table) pairs in linear time.
    by_end: dict[int, list[int]] = {}
    loose: list[int] = []  # undated, or dated only by the day their source was published
    for index, (observation, at) in enumerate(zip(observations, times, strict=True)):
        if at is None or _dated_by_publication(dataset, observation):
            loose.append(index)
        else:
            by_end.setdefault(at.end, []).append(index)
    loose_set = set(loose)
    found: list[Pairing] = []
    for index, first in enumerate(observations):
        first_time = times[index]
        later: Iterable[int]
        if first_time is None or index in loose_set:
            later = range(index + 1, len(observations))
        else:
            later = sorted(j for j in (*by_end[first_time.end], *loose) if j > index)
        for j in later:
            second, second_time = observations[j], times[j]
            if second.source == first.source:
                found.extend(_own_pair(dataset, metric, first, second))
                continue
            if first_time is None or second_time is None:
                if _undated_partner(dataset, metric, first, second):
                    found.append(Pairing(first, second, _undated_reason(dataset, first, second)))
                continue
            time = reading(dataset, metric, first, second)
            related = relation(first_time, second_time, time)
            if related == APART and (reason := _publication_reason(dataset, metric, first, second)):
                found.append(Pairing(first, second, reason))
            elif related == SAME:
                found.append(Pairing(first, second))
            elif related == MAYBE:
                reason = (
                    f"{_text(first, first_time)} and {_text(second, second_time)} are one figure if "
                    f"{metric.id} is a stock (a level at a moment), two spans if it is a flow: "
                    "declare the metric's time: stock or time: flow"
                )
                found.append(Pairing(first, second, reason))
    return found


def _own_pair(dataset: Dataset, metric: Metric, first: Observation, second: Observation) -> list[Pairing]:
    """One source's two different figures that are of one moment if the metric is a stock (then a data
    error, see problems) and of two spans if it is a flow: named, since nobody said which."""
    first_time, second_time = when(dataset, first), when(dataset, second)
    if first_time is None or second_time is None or _alike(first, second):
        return []
    if relation(first_time, second_time, reading(dataset, metric, first)) != MAYBE:
        return []
    reason = (
        f"{first.source} prints {metric.id} for {first_time.text} ({first.figure.text}) and for "
        f"{second_time.text} ({second.figure.text}): one moment with two figures if {metric.id} is a stock "
        "(a level at a moment), two spans if it is a flow: declare the metric's time: stock or time: flow"
    )
    return [Pairing(first, second, reason)]


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


def _dated_by_publication(dataset: Dataset, observation: Observation) -> bool:
    """An undated figure whose only date is its source's publication day (no as_of:)."""
    source = next((s for s in dataset.sources if s.id == observation.source), None)
    return observation.period is None and source is not None and source.as_of is None and source.published is not None


def _publication_reason(dataset: Dataset, metric: Metric, first: Observation, second: Observation) -> str:
    """A figure dated only by the day it was published may be of any earlier moment (a dashboard
    published 10月1日 shows the 9月末 count): beside the other source's newest figure up to that day,
    it is named, never taken as apart."""
    if _dated_by_publication(dataset, first) and _dated_by_publication(dataset, second):
        return (  # two publication days: either may show the other's figure, as of a time neither says
            f"{first.source} and {second.source} print {first.figure.text} and {second.figure.text} with no date but "
            "the days they were published, which need not be the time their figures stand for: declare what each "
            "source's undated figures stand for (as_of: an as-of date or a survey wave)"
        )
    for undated, other in ((first, second), (second, first)):
        if not _dated_by_publication(dataset, undated):
            continue
        published = when(dataset, undated)
        assert published is not None
        theirs = [
            o
            for o in metric.observations
            if o.source == other.source and (t := when(dataset, o)) is not None and t.end <= published.end
        ]
        if theirs and max(theirs, key=lambda o: _sort_key(dataset, o)) is other:
            return (
                f"{undated.source} prints {undated.figure.text} with no date but the day it was published "
                f"({published.text}), which need not be the time its figures stand for, so it cannot be set "
                f"beside {_text(other, when(dataset, other))}: declare what {undated.source}'s undated figures "
                "stand for (as_of: an as-of date or a survey wave), or give the figure its period"
            )
    return ""


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
        # Another source's note explains its own figure: it covers this pair only when one of the two
        # prints that figure; a third figure unlike both is a difference nobody explained.
        if (
            observation.revised
            and other is not None
            and relation(time, other, time_of_pair) == SAME
            and (_alike(observation, pairing.first) or _alike(observation, pairing.second))
        ):
            return observation.revised
    return ""


def problems(dataset: Dataset, metric: Metric) -> list[tuple[Observation, str, str]]:
    """Located data errors: (observation, message, the key to point at)."""
    found: list[tuple[Observation, str, str]] = []
    across = [p for p in pairings(dataset, metric) if p.first.source != p.second.source]  # a note names another source
    paired = {id(o) for p in across for o in (p.first, p.second)}
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
