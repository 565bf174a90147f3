"""The checks a publication implies without stating them, built from the figures alone: every survey
distribution sums to 100% (at most 100% when partial), and two sources printing one figure of one
time agree (timing.py decides which figures are of one time).

Data only, no arithmetic: the loader keeps their ids unique (``implied_ids``) without importing the
checking engine, which checks them like any written claim.
"""

from decimal import Decimal

from dgcli.data.kinds import ClaimKind
from dgcli.data.model import At, Claim, Dataset, Metric, Observation
from dgcli.text.numbers import PERCENT, Figure, Hedge


def implied_claims(dataset: Dataset, metric: Metric | None = None) -> list[Claim]:
    """Checks a publication implies without stating them: distribution sums and cross-source agreement."""
    found: list[Claim] = []
    for each in dataset.metrics.values() if metric is None else [metric]:
        found.extend(_distribution_claims(dataset, each))
        found.extend(_agreement_claims(dataset, each))
    return found


def _slug(observation: Observation, main: str) -> str:
    period = observation.period_key or "undated"
    return period if observation.source == main else f"{period}-{observation.source}"


_HUNDRED_PERCENT = Figure("100%", Decimal(100), Decimal(0), PERCENT)
_AT_MOST_HUNDRED = Figure("100%以下", Decimal(100), Decimal(0), PERCENT, Hedge.AT_MOST)


def _distribution_id(metric: Metric, observation: Observation, main: str) -> str:
    return f"{metric.id}-{_slug(observation, main)}-{'at-most' if observation.partial else 'sums-to'}-100"


def _distribution_claims(dataset: Dataset, metric: Metric) -> list[Claim]:
    main = dataset.source.id
    return [
        Claim(
            id=_distribution_id(metric, o, main),
            kind=ClaimKind.DISTRIBUTION_SUM,
            text=" + ".join(f"{s.answer} {s.figure.text}" for s in o.shares) + (" ≤ 100%" if o.partial else " = 100%"),
            metrics=(metric.id,),
            line=o.line,
            source=o.source,
            stated=_AT_MOST_HUNDRED if o.partial else _HUNDRED_PERCENT,
            target=At(o.period, o.source),
        )
        for o in metric.observations
        if o.shares
    ]


class _Pair:
    """Two sources printing one (time, answer or part) of a metric: an agreement check.

    ``name`` is the answer or part ("" for the figure itself), ``position`` its place among the
    observation's figures (for a stable ASCII id).
    """

    __slots__ = ("first", "name", "position", "second", "uncompared")

    def __init__(self, name: str, position: int, first: Observation, second: Observation, uncompared: str) -> None:
        self.name, self.position, self.first, self.second = name, position, first, second
        self.uncompared = uncompared

    def id(self, metric: Metric) -> str:
        which = f"-{self.position}" if self.name else ""
        period = self.first.period_key or "undated"
        other = self.second.period_key or "undated"
        if other == period and not self.uncompared:  # the same period key: the id it always had
            return f"{metric.id}-{period}{which}-{self.first.source}-vs-{self.second.source}"
        tail = "-not-compared" if self.uncompared else ""
        return f"{metric.id}-{period}{which}-{self.first.source}-vs-{other}-{self.second.source}{tail}"


def _pairs(dataset: Dataset, metric: Metric) -> list[_Pair]:
    from dgcli.data.timing import pairings

    found: list[_Pair] = []
    for pairing in pairings(dataset, metric):
        first, second = pairing.first, pairing.second
        if pairing.uncompared:  # one entry for the pair, on the headline figure
            found.append(_Pair("", 0, first, second, pairing.uncompared))
            continue
        theirs = dict(second.figures())
        for position, (name, _) in enumerate(first.figures()):
            if name in theirs:
                found.append(_Pair(name, position, first, second, ""))
    return found


def _agreement_claims(dataset: Dataset, metric: Metric) -> list[Claim]:
    """One check per pair of sources that print the same (time, answer or part) of this metric."""
    from dgcli.data.timing import Pairing, revision_covers

    found: list[Claim] = []
    for pair in _pairs(dataset, metric):
        first, second, name = pair.first, pair.second, pair.name
        # A pair not compared is named on the headline figure, which a distribution prints only as an answer.
        figure_a = dict(first.figures()).get(name, first.figure)
        figure_b = dict(second.figures()).get(name, second.figure)
        at_a = first.period.text if first.period else "(undated)"
        at_b = second.period.text if second.period else "(undated)"
        when = at_a if first.period_key == second.period_key else f"{at_a} / {at_b}"
        found.append(
            Claim(
                id=pair.id(metric),
                kind=ClaimKind.AGREEMENT,
                text=f"{name + ' ' if name else ''}{when}: "
                f"{figure_a.text} ({first.source}) / {figure_b.text} ({second.source})",
                metrics=(metric.id,),
                line=second.line,
                source=second.source,
                target=At(first.period, first.source),
                baseline=At(second.period, second.source),
                answer=name,
                versus=second.source,
                # A revision acknowledged for this time covers every source that prints either figure.
                revised=revision_covers(dataset, metric, Pairing(first, second)),
                uncompared=pair.uncompared,
            )
        )
    return found


def implied_ids(dataset: Dataset) -> dict[str, ClaimKind]:
    """The ids of every implied check, without building the checks (the loader keeps them unique)."""
    main = dataset.source.id
    ids: dict[str, ClaimKind] = {}
    for metric in dataset.metrics.values():
        for observation in metric.observations:
            if observation.shares:
                ids[_distribution_id(metric, observation, main)] = ClaimKind.DISTRIBUTION_SUM
        for pair in _pairs(dataset, metric):
            ids[pair.id(metric)] = ClaimKind.AGREEMENT
    return ids


def all_claims(dataset: Dataset) -> list[Claim]:
    """Encoded claims in file order, each metric's implied checks after its own claims."""
    found: list[Claim] = []
    for section in dataset.sections:
        found.extend(section.claims)
        for metric_id in section.metrics:
            metric = dataset.metrics[metric_id]
            found.extend(metric.claims)
            found.extend(implied_claims(dataset, metric))
    return found
