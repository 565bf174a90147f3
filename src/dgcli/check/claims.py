"""Check every published claim against the published figures, with exact interval arithmetic.

Each printed figure stands for the interval its rounding rule (or hedge word) allows; the claim's
arithmetic is done on those intervals (intervals.py), and the result is compared with the interval
the stated figure stands for:

- ``consistent``: the figures as printed give the stated figure;
- ``within_rounding``: they don't, but values inside their intervals do;
- ``inconsistent``: no admissible values do; ``gross`` when the conclusion also changes (direction,
  a threshold, a unit multiplier, a ratio quoted as a change);
- ``unverifiable``: an operand is not published, or is only a bound that cannot decide;
- ``revised``: two sources print a figure differently and the file acknowledges it.

All figures of one source are read under one rounding rule; an undeclared rule (``nearest``) is
read once with ties rounded up and once with ties rounded down, never mixing the two, and the
better verdict stands (scrutiny/roundwork's ``up_or_down``). This is statcheck's approach —
extract, recompute, and separate an error from a decision error — applied to indicators.
"""

from collections.abc import Callable, Iterable
from enum import StrEnum
from fractions import Fraction
from itertools import pairwise, product
from typing import NamedTuple

from dgcli.data.implied import all_claims, implied_claims
from dgcli.data.kinds import KINDS, ClaimKind
from dgcli.data.model import (
    FAILING,
    SEVERITY,
    At,
    Claim,
    Dataset,
    Direction,
    Metric,
    Observation,
    Verdict,
    find_observations,
    rounding_rule,
    source_order,
)
from dgcli.data.words import text_direction
from dgcli.text.display import Terms
from dgcli.text.intervals import (
    HUNDRED,
    TIE_READINGS,
    Interval,
    clamp,
    divide,
    figure_interval,
    intersection,
    negate,
    percent_change,
    scale,
    share,
    shift,
    subtract,
    total,
)
from dgcli.text.normalize import fold
from dgcli.text.numbers import PERCENT, POINTS, Figure, Hedge, Rounding

# Powers of ten that mark a slipped unit: 10, 100 (a ratio as a percent), 1,000, 万, 億.
_MULTIPLIER_SLIPS = (1, 2, 3, 4, 8)
_CEILINGS = (Hedge.AT_MOST, Hedge.BELOW)  # 以下, 未満: a stated change's bound on one side only
MAX_TIE_SOURCES = 6  # sources read both ways at once; beyond this only ties-up is read for the rest


class Result(NamedTuple):
    claim: Claim
    verdict: Verdict
    reason: str
    computed: Interval | None = None
    stated: Figure | None = None  # the figure compared against (a sum's total, a count, …)
    target: Interval | None = None  # what the stated figure stands for, as compared
    rounding: str = ""  # the rounding rule the verdict was reached under


def stated_rule(claim: Claim, dataset: Dataset) -> Rounding:
    """How a claim's stated figure was rounded (model.rounding_rule: the claim's own rule first)."""
    metric = dataset.metrics.get(claim.metrics[0])
    survey = dataset.surveys.get(metric.survey) if metric is not None and metric.survey else None
    source = next((s for s in dataset.sources if s.id == claim.source), dataset.source)
    return rounding_rule(
        claim.rounding,  # 千人未満切り捨て for the counts, but 増減率は四捨五入
        metric.rounding if metric is not None else None,
        survey.rounding if survey is not None else None,
        source,
        dataset.source.id,
    )


class Rules:
    """One reading of the rounding rules: a concrete tie direction for every ``nearest`` source.

    It records which sources a check consulted, so ``check`` knows which readings to try.
    """

    def __init__(self, dataset: Dataset, ties: dict[str, Rounding] | None = None) -> None:
        self.dataset = dataset
        self.ties = ties or {}
        self.asked: list[str] = []

    def concrete(self, rule: Rounding, source: str) -> Rounding:
        if rule is not Rounding.NEAREST:
            return rule
        if source not in self.asked:
            self.asked.append(source)
        return self.ties.get(source, Rounding.HALF_UP)

    def observed(self, observation: Observation, figure: Figure) -> Interval:
        """A measured figure: counts are never negative, shares never above 100%."""
        interval = figure_interval(figure, self.concrete(observation.rounding, observation.source))
        if not observation.bounded and figure is observation.figure:  # 前年同月比 ▲4.1%, 達成率 112.3%
            return interval
        return clamp(interval, Fraction(0), HUNDRED if figure.unit == PERCENT else None)

    def stated(self, claim: Claim, figure: Figure, direction: Direction | None = None) -> Interval:
        interval = figure_interval(figure, self.concrete(stated_rule(claim, self.dataset), claim.source))
        if KINDS[claim.kind].signed and figure.hedge in _CEILINGS and not figure.negative and _says_which_way(claim):
            # "5%以下の増加" is a rise of at most 5%, not any change below 5%: a fall is no such rise. A bare
            # 「前年同月比5%以下」 says no direction: any change up to 5%, a fall included.
            interval = intersection(interval, Interval(Fraction(0), None, low_open=True))
        # "5%減少" is written 5% with direction: down; "▲5%" carries its own sign.
        return negate(interval) if direction is Direction.DOWN and not figure.negative else interval


def _says_which_way(claim: Claim) -> bool:
    """Whether a claim names its direction: ``direction:``, or words of a rise or a fall in its text."""
    return claim.direction is not None or text_direction(claim.text) is not None


Checker = Callable[[Claim, Dataset, Rules], Result]


def observation_at(claim: Claim, dataset: Dataset, metric: Metric, at: At) -> Observation | None:
    found = find_observations(metric, at, source_order(claim, dataset))
    return found[0] if found else None


class _Missing(Exception):
    """An operand the claim names has no figure: the claim is unverifiable (the loader made sure it says why)."""


def _at(claim: Claim, dataset: Dataset, metric_id: str, at: At | None) -> Observation:
    observation = None if at is None else observation_at(claim, dataset, dataset.metrics[metric_id], at)
    if observation is None:
        raise _Missing
    return observation


# ── verdicts ──────────────────────────────────────────────────────────────────────────────────


def judge(computed: Interval, target: Interval, *, bound_operand: bool = False) -> Verdict:
    """Compare what the figures give with what the stated figure stands for."""
    if computed.point is not None and target.contains(computed.point):
        return Verdict.CONSISTENT
    if computed.within(target):
        return Verdict.CONSISTENT  # every admissible value gives it
    if computed.overlaps(target):
        return Verdict.UNVERIFIABLE if bound_operand else Verdict.WITHIN_ROUNDING
    return Verdict.INCONSISTENT


def _gross(
    kind: ClaimKind, computed: Interval, target: Interval, stated: str, gives: str, *, slips: bool = True
) -> str | None:
    """Why an inconsistent figure also changes the conclusion, if it does. ``slips``: also look for a
    ratio quoted as a change and a multiplier slip (only for a plain, non-zero stated figure: 約100%
    or 0% is no slip of anything)."""
    # Signs are told apart however far the figures reach (≥ 1,000 is a rise, and so is "100件以上増加"); an
    # end at zero counts only open.
    if KINDS[kind].signed and (
        (_above_zero(target) and _below_zero(computed)) or (_below_zero(target) and _above_zero(computed))
    ):
        return f"wrong direction: {stated} stated, the figures give {gives}"
    if not slips or not target.bounded or computed.low is None or computed.high is None:
        return None
    if kind is ClaimKind.PERCENT_CHANGE and shift(computed, HUNDRED).overlaps(target):
        return f"{stated} is the ratio new ÷ old, not the change: the figures give {gives}"
    if kind is ClaimKind.RATIO and shift(computed, Fraction(-1)).overlaps(target):
        return f"{stated} is the increase new ÷ old − 1, not the ratio: the figures give {gives}"
    # A slip is judged at the stated figure's precision, whatever the digits below it: 9億7,810万 and
    # 9億7,811万 for 97,810,748 are both ×10 slips (978,107,480 truncates to one, rounds to the other).
    loose = _any_rounding(target)
    if computed.low <= 0 <= computed.high or loose.contains(Fraction(0)):
        # scaling an interval that reaches zero keeps it there, and every factor shrinks a figure into a
        # printed 0 (0.0% against 4.0%): no factor is told apart
        return None
    for power in _MULTIPLIER_SLIPS:
        for factor in (Fraction(10**power), Fraction(1, 10**power)):
            if scale(computed, factor).overlaps(loose):
                return f"off by a factor of 10^{power}: {stated} stated, the figures give {gives}"
    return None


def _above_zero(interval: Interval) -> bool:
    return interval.low is not None and (interval.low > 0 or (interval.low == 0 and interval.low_open))


def _below_zero(interval: Interval) -> bool:
    return interval.high is not None and (interval.high < 0 or (interval.high == 0 and interval.high_open))


def _any_rounding(target: Interval) -> Interval:
    """What a printed figure may stand for under any rounding rule: (value − step, value + step).

    ``target`` is the figure's interval under one rule, one step wide; the printed value ± a step is the
    union of truncating, raising and rounding to nearest (under 切り捨て the value is the interval's low
    end, not its middle). A point stays a point."""
    assert target.low is not None and target.high is not None
    width = target.high - target.low
    if not width:
        return target
    value = target.point if target.point is not None else (target.low + target.high) / 2
    return Interval(value - width, value + width, True, True)


def verdict_for(
    claim: Claim, computed: Interval, target: Interval, stated: Figure, *, bound_operand: bool = False
) -> Result:
    """The verdict on a numeric claim, with a reason in the stated figure's own terms ("4.54% [4.53% – 4.55%]")."""
    terms = Terms(stated)
    verdict = judge(computed, target, bound_operand=bound_operand)

    def meaning() -> str:
        return "" if target.low == target.high else f" {terms.interval(target)}"

    if verdict is Verdict.CONSISTENT:
        if computed.point is None:
            reason = f"every value the figures allow, {terms.interval(computed)}, is within {stated.text}{meaning()}"
        elif stated.hedge is Hedge.NONE and stated.step:
            reason = f"the printed figures give {terms.value(computed.point)}, which rounds to {stated.text}"
        elif stated.exact:
            reason = f"the printed figures give {terms.value(computed.point)}, as stated"
        else:
            reason = f"the printed figures give {terms.value(computed.point)}, within {stated.text}{meaning()}"
    elif verdict is Verdict.WITHIN_ROUNDING:
        printed = "no finite value" if computed.point is None else terms.value(computed.point)
        reason = (
            f"the printed figures give {printed}, not {stated.text}{meaning()}; "
            f"values within their rounding do: {terms.interval(computed)}"
        )
    elif verdict is Verdict.UNVERIFIABLE:
        allowed = terms.interval(computed)
        reason = f"a figure is only a bound: the figures allow {allowed}, which may or may not give {stated.text}"
    else:
        gives = terms.computed(computed)
        slips = stated.hedge is Hedge.NONE and stated.value != 0
        gross = _gross(claim.kind, computed, target, stated.text, gives, slips=slips)
        if gross is not None:
            verdict, reason = Verdict.GROSS, gross
        else:
            reason = f"no values within the figures' rounding give {stated.text}{meaning()}: they give {gives}"
    return Result(claim, verdict, reason, computed, stated, target)


def conclusion_for(claim: Claim, computed: Interval, target: Interval, *, says: str, gives: str) -> Result:
    """The verdict on a claim whose figure is a conclusion (a threshold, a direction, an order):
    failing it changes the conclusion, so inconsistent is gross."""
    verdict = judge(computed, target, bound_operand=computed.point is None)
    if verdict is Verdict.CONSISTENT:
        reason = f"{gives}: {says}"
    elif verdict is Verdict.WITHIN_ROUNDING:
        reason = f"{gives}: not {says} as printed, but values within their rounding are"
    elif verdict is Verdict.UNVERIFIABLE:
        reason = f"{gives}: a figure is only a bound, which may or may not be {says}"
    else:
        verdict, reason = Verdict.GROSS, f"{gives}: not {says}"
    return Result(claim, verdict, reason, computed, claim.stated, target)


# ── one checker per kind ─────────────────────────────────────────────────────────────────────


def check_change(claim: Claim, dataset: Dataset, rules: Rules) -> Result:
    """percent_change, point_change, absolute_change: latest against the stated baseline."""
    assert claim.stated is not None
    new = _at(claim, dataset, claim.metric, claim.target)
    old = _at(claim, dataset, claim.metric, claim.baseline)
    n, o = rules.observed(new, new.figure), rules.observed(old, old.figure)
    bound = n.point is None or o.point is None
    target = rules.stated(claim, claim.stated, claim.direction)
    if claim.kind is ClaimKind.PERCENT_CHANGE:
        computed = percent_change(n, o)
        if computed is None:
            return Result(
                claim,
                Verdict.INCONSISTENT,
                f"the baseline {old.figure.text} is exactly zero: no percent change exists, "
                f"so {claim.stated.text} cannot be right",
                stated=claim.stated,
                target=target,
            )
    else:
        computed = subtract(n, o)
    return verdict_for(claim, computed, target, claim.stated, bound_operand=bound)


def check_ratio(claim: Claim, dataset: Dataset, rules: Rules) -> Result:
    """ratio: latest ÷ baseline (from:), or this metric ÷ another (of:), stated in 倍."""
    assert claim.stated is not None
    numerator = _at(claim, dataset, claim.metric, claim.target)
    if claim.of is not None:
        denominator = _at(claim, dataset, claim.of.metric, claim.of.at)
    else:
        denominator = _at(claim, dataset, claim.metric, claim.baseline)
    n, d = rules.observed(numerator, numerator.figure), rules.observed(denominator, denominator.figure)
    target = rules.stated(claim, claim.stated)
    computed = divide(n, d)
    if computed is None:
        return Result(
            claim,
            Verdict.INCONSISTENT,
            f"the divisor {denominator.figure.text} is exactly zero: no ratio exists",
            stated=claim.stated,
            target=target,
        )
    return verdict_for(claim, computed, target, claim.stated, bound_operand=n.point is None or d.point is None)


def check_share(claim: Claim, dataset: Dataset, rules: Rules) -> Result:
    """share_of: part ÷ whole × 100. An outside whole (国民) is cross-checked in ``verify``."""
    assert claim.stated is not None
    part = _at(claim, dataset, claim.metric, claim.target)
    target = rules.stated(claim, claim.stated)
    if claim.of is None:
        return Result(
            claim,
            Verdict.UNVERIFIABLE,
            f"the publication gives no figure for {claim.outside}",  # the loader makes sure it names one
            stated=claim.stated,
            target=target,
        )
    whole = _at(claim, dataset, claim.of.metric, claim.of.at)
    p, w = rules.observed(part, part.figure), rules.observed(whole, whole.figure)
    computed = share(p, w)
    if computed is None:
        return Result(
            claim,
            Verdict.INCONSISTENT,
            f"the whole {whole.figure.text} is exactly zero",
            stated=claim.stated,
            target=target,
        )
    return verdict_for(claim, computed, target, claim.stated, bound_operand=p.point is None or w.point is None)


def _own_figure(claim: Claim, rules: Rules, observation: Observation) -> tuple[Figure, Interval]:
    """The figure a sum or count is compared with: the claim's stated figure, else the metric's own."""
    if claim.stated is not None:
        return claim.stated, rules.stated(claim, claim.stated)
    figure = observation.figure
    return figure, figure_interval(figure, rules.concrete(observation.rounding, observation.source))


def check_sum(claim: Claim, dataset: Dataset, rules: Rules) -> Result:
    observation = _at(claim, dataset, claim.metric, claim.target)
    stated, target = _own_figure(claim, rules, observation)
    parts = [rules.observed(observation, p.figure) for p in observation.parts]
    return verdict_for(claim, total(parts), target, stated, bound_operand=any(p.point is None for p in parts))


def check_count(claim: Claim, dataset: Dataset, rules: Rules) -> Result:
    observation = _at(claim, dataset, claim.metric, claim.target)
    stated, target = _own_figure(claim, rules, observation)
    return verdict_for(claim, Interval.exact(Fraction(len(observation.items))), target, stated)


def check_items_added(claim: Claim, dataset: Dataset, rules: Rules) -> Result:
    new = _at(claim, dataset, claim.metric, claim.target)
    old = _at(claim, dataset, claim.metric, claim.baseline)
    stated, target = _own_figure(claim, rules, new)
    before = rules.observed(old, old.figure)
    computed = shift(before, Fraction(len(new.added)))
    return verdict_for(claim, computed, target, stated, bound_operand=before.point is None)


def check_restatement(claim: Claim, dataset: Dataset, rules: Rules) -> Result:
    assert claim.stated is not None
    observation = _at(claim, dataset, claim.metric, claim.target)
    computed = rules.observed(observation, observation.figure)
    target = rules.stated(claim, claim.stated)
    return verdict_for(claim, computed, target, claim.stated, bound_operand=computed.point is None)


def _threshold_target(claim: Claim, rules: Rules) -> Interval:
    """A bare figure is a floor ("10%": at least 10%); a hedged one keeps its range (二桁: 10–100%)."""
    assert claim.stated is not None
    stated = claim.stated
    if stated.hedge is Hedge.NONE:
        target = Interval(Fraction(stated.value), None)
    elif stated.hedge is Hedge.OVER:  # 10%超の伸び: more than 10%, however much more
        target = Interval(Fraction(stated.value), None, low_open=True)
    else:
        # A hedge fixes its own range, whatever the rule: no tie direction to read (concrete() would ask for one).
        target = figure_interval(stated, stated_rule(claim, rules.dataset))
        if stated.hedge in _CEILINGS:  # 5%以下の成長: a rise, of at most 5% (a threshold is never negative)
            target = intersection(target, Interval(Fraction(0), None, low_open=True))
    return negate(target) if claim.direction is Direction.DOWN and not stated.negative else target


def check_trend(claim: Claim, dataset: Dataset, rules: Rules) -> Result:
    """threshold ("二桁成長": each percent change in range) and direction ("上昇"): the worst metric wins."""
    worst: Result | None = None
    for metric_id in claim.metrics:
        try:
            new = _at(claim, dataset, metric_id, claim.target)
            old = _at(claim, dataset, metric_id, claim.baseline)
        except _Missing:
            reason = claim.unverifiable or f"{metric_id}: a figure is not published"
            result = Result(claim, Verdict.UNVERIFIABLE, reason, stated=_as_growth(claim.stated))
            if claim.kind is ClaimKind.THRESHOLD:  # what the stated figure was read as, though nothing meets it
                result = result._replace(target=_threshold_target(claim, rules))
        else:
            result = _trend(claim, dataset.metrics[metric_id], rules, new, old)
        if worst is None or SEVERITY.index(result.verdict) > SEVERITY.index(worst.verdict):
            worst = result
    assert worst is not None
    if claim.kind is ClaimKind.DIRECTION and len(claim.metrics) > 1:
        return worst._replace(computed=None)  # one metric's change would stand for all: the reason names it
    return worst


def _trend(claim: Claim, metric: Metric, rules: Rules, new: Observation, old: Observation) -> Result:
    n, o = rules.observed(new, new.figure), rules.observed(old, old.figure)
    label = f"{metric.id}: " if len(claim.metrics) > 1 else ""
    moved = f"{label}{old.figure.text} → {new.figure.text}"
    down = claim.direction is Direction.DOWN
    if claim.kind is ClaimKind.THRESHOLD:
        assert claim.stated is not None
        computed = percent_change(n, o)
        if computed is None:
            reason = f"{moved}: the baseline is exactly zero, so no growth rate exists"
            target = _threshold_target(claim, rules)
            return Result(claim, Verdict.GROSS, reason, stated=_as_growth(claim.stated), target=target)
        target = _threshold_target(claim, rules)
        terms = Terms(claim.stated._replace(unit=PERCENT))  # a percent: 2 places
        bare = claim.stated.hedge is Hedge.NONE
        says = f"a {'fall' if down else 'rise'} of {claim.stated.text}" + (
            " or more" if bare else f" {terms.interval(target)}"
        )
        result = conclusion_for(claim, computed, target, says=says, gives=f"{moved} is {terms.computed(computed)}")
        return result._replace(stated=_as_growth(claim.stated))
    computed = subtract(n, o)
    target = Interval(None, Fraction(0), high_open=True) if down else Interval(Fraction(0), None, low_open=True)
    terms = Terms(new.figure._replace(unit=POINTS) if new.figure.unit == PERCENT else new.figure)
    change = terms.computed(computed)  # a signed value, or only a range ("≥ 0") when a figure is a bound
    gives = f"{moved}, {'+' + change if change[:1].isdigit() else change}"
    return conclusion_for(claim, computed, target, says="a fall" if down else "a rise", gives=gives)


def _as_growth(stated: Figure | None) -> Figure | None:
    """A threshold's stated figure is a percent change, whatever it prints (二桁, 10%超)."""
    return None if stated is None else stated._replace(unit=PERCENT)


def check_ordering(claim: Claim, dataset: Dataset, rules: Rules) -> Result:
    """ordering: the metrics, as listed, never increase (申請 ≥ 交付 ≥ 保有) at one period; up: never decrease."""
    pairs = [(metric_id, _at(claim, dataset, metric_id, claim.target)) for metric_id in claim.metrics]
    up = claim.direction is Direction.UP
    relation = "≤" if up else "≥"
    target = Interval(None, Fraction(0)) if up else Interval(Fraction(0), None)
    worst: Result | None = None
    for (left_id, left), (right_id, right) in pairwise(pairs):
        difference = subtract(rules.observed(left, left.figure), rules.observed(right, right.figure))
        gives = f"{left_id} {left.figure.text}, {right_id} {right.figure.text}"
        result = conclusion_for(claim, difference, target, says=f"{left_id} {relation} {right_id}", gives=gives)
        if worst is None or SEVERITY.index(result.verdict) > SEVERITY.index(worst.verdict):
            worst = result
    assert worst is not None
    return worst


def check_distribution(claim: Claim, dataset: Dataset, rules: Rules) -> Result:
    """Implied: a distribution's shares sum to 100% (at most 100% when printed in part)."""
    assert claim.stated is not None
    observation = _at(claim, dataset, claim.metric, claim.target)
    shares = [rules.observed(observation, s.figure) for s in observation.shares]
    return verdict_for(claim, total(shares), figure_interval(claim.stated, Rounding.HALF_UP), claim.stated)


def check_agreement(claim: Claim, dataset: Dataset, rules: Rules) -> Result:
    """Implied: two sources print one metric, period and answer alike, each under its own rounding."""
    if claim.uncompared:
        return Result(claim, Verdict.NOT_COMPARED, claim.uncompared)
    metric = dataset.metrics[claim.metric]
    first = _printed(metric, claim.target.period, claim.target.source, claim.answer)
    second_at = claim.baseline or claim.target
    second = _printed(metric, second_at.period, claim.versus, claim.answer)
    a = rules.observed(first[0], first[1])
    b = rules.observed(second[0], second[1])
    if (a.point is not None and b.contains(a.point)) or (b.point is not None and a.contains(b.point)):
        verdict, why = Verdict.CONSISTENT, "one prints as the other"
    elif a.point is None and b.point is None and (a.within(b) or b.within(a)):
        # Two bounds (9,000万以上, 8,000万以上): every value the one admits the other admits too.
        verdict, why = Verdict.CONSISTENT, "one bound implies the other"
    elif a.overlaps(b):
        verdict, why = Verdict.WITHIN_ROUNDING, "they differ, but their rounding intervals overlap"
    else:
        verdict, why = Verdict.INCONSISTENT, "their rounding intervals do not overlap: a revision"
    terms = Terms(first[1])
    reason = (
        f"{claim.target.source} prints {first[1].text} {terms.interval(a)} ({first[0].rounding}), "
        f"{claim.versus} prints {second[1].text} {terms.interval(b)} ({second[0].rounding}): {why}"
    )
    if verdict is Verdict.INCONSISTENT:
        # Either may be the slip: each is judged at the other's precision, so the order of the sources never matters.
        gross = _gross(claim.kind, a, b, first[1].text, second[1].text) or _gross(
            claim.kind, b, a, second[1].text, first[1].text
        )
        if gross is not None:
            verdict, reason = Verdict.GROSS, f"{reason}; {gross}"
    if verdict in FAILING and claim.revised:
        verdict, reason = Verdict.REVISED, f"{reason}; acknowledged: {claim.revised}"
    return Result(claim, verdict, reason, a, second[1], b)


def _printed(metric: Metric, period: object, source: str, answer: str) -> tuple[Observation, Figure]:
    for observation in metric.observations:
        if observation.source == source and observation.period_key == getattr(period, "key", None):
            for name, figure in observation.figures():
                if name == answer:
                    return observation, figure
    raise _Missing


# ── one checker per kind (the kinds themselves: kinds.KINDS) ─────────────────────────────────

CHECKERS: dict[ClaimKind, Checker] = {
    ClaimKind.PERCENT_CHANGE: check_change,
    ClaimKind.POINT_CHANGE: check_change,
    ClaimKind.ABSOLUTE_CHANGE: check_change,
    ClaimKind.RATIO: check_ratio,
    ClaimKind.SHARE_OF: check_share,
    ClaimKind.SUM_OF_PARTS: check_sum,
    ClaimKind.COUNT_OF_ITEMS: check_count,
    ClaimKind.ITEMS_ADDED: check_items_added,
    ClaimKind.THRESHOLD: check_trend,
    ClaimKind.DIRECTION: check_trend,
    ClaimKind.ORDERING: check_ordering,
    ClaimKind.RESTATEMENT: check_restatement,
    ClaimKind.DISTRIBUTION_SUM: check_distribution,
    ClaimKind.AGREEMENT: check_agreement,
}


# ── verify ───────────────────────────────────────────────────────────────────────────────────


def check(claim: Claim, dataset: Dataset) -> Result:
    """The best verdict over the readings of the rounding rules (each ``nearest`` source both ways)."""
    checker = CHECKERS[claim.kind]
    rules = Rules(dataset)
    try:
        result = checker(claim, dataset, rules)
    except _Missing:
        reason = claim.unverifiable or "a figure the claim names is not published"
        target = None  # what the stated figure was read as, kept though nothing can be compared with it
        if claim.stated is not None:  # (a threshold never gets here: check_trend catches its own _Missing)
            target = Rules(dataset).stated(claim, claim.stated, claim.direction)
        return Result(
            claim,
            Verdict.UNVERIFIABLE,
            reason,
            stated=claim.stated,
            target=target,
            rounding=_rounding_label(claim, dataset),
        )
    asked = rules.asked[:MAX_TIE_SOURCES]
    if result.verdict is not Verdict.CONSISTENT and asked:
        for ties in product(TIE_READINGS, repeat=len(asked)):
            if all(tie is Rounding.HALF_UP for tie in ties):
                continue  # the first reading
            other = checker(claim, dataset, Rules(dataset, dict(zip(asked, ties, strict=True))))
            if SEVERITY.index(other.verdict) < SEVERITY.index(result.verdict):
                result = other
            if result.verdict is Verdict.CONSISTENT:
                break
    if result.verdict in FAILING:
        result = result._replace(reason=result.reason + _compared_with(claim, dataset))
    return result._replace(rounding=_rounding_label(claim, dataset))


def _compared_with(claim: Claim, dataset: Dataset) -> str:
    """For a failing claim that took the latest figure by default: which one, and how to name another.

    A new edition's figure added on top of a history otherwise breaks old claims silently."""
    if not KINDS[claim.kind].latest_by_default or claim.target.period is not None:
        return ""
    observation = observation_at(claim, dataset, dataset.metrics[claim.metric], claim.target)
    if observation is None or observation.period is None or len(dataset.metrics[claim.metric].dated()) < 2:
        return ""
    return (
        f" (compared with the latest figure, {observation.period.text} {observation.figure.text}; "
        "if the claim is about an earlier one, name it with to:)"
    )


def _rounding_label(claim: Claim, dataset: Dataset) -> str:
    """The rule the claim's figures are read under (the stated figure's; agreement: each source's)."""
    if claim.kind is ClaimKind.AGREEMENT:  # the first figure's own rule (a figure may declare its own)
        period = getattr(claim.target.period, "key", None)
        observations = dataset.metrics[claim.metric].observations
        first = next(o for o in observations if o.source == claim.target.source and o.period_key == period)
        return first.rounding.value
    if claim.stated is None and claim.kind is not ClaimKind.DIRECTION and claim.metrics[0] in dataset.metrics:
        observations = dataset.metrics[claim.metric].observations
        if observations:
            return observations[0].rounding.value
    return stated_rule(claim, dataset).value


def verify(dataset: Dataset, metric_id: str | None = None) -> list[Result]:
    """Check every claim (or those about one metric), in file order."""
    if metric_id is None:
        claims = all_claims(dataset)
    else:
        claims = [c for c in dataset.claims() if _about(c, metric_id) or c.outside]
        claims += implied_claims(dataset, dataset.metrics[metric_id])
        mine = [c for c in claims if _about(c, metric_id)]
        wholes = {fold(c.outside) for c in mine if c.outside}
        # Claims naming the same outside whole are checked too: each cross-checks the others.
        claims = [c for c in claims if _about(c, metric_id) or (c.outside and fold(c.outside) in wholes)]
    results = _cross_check_outside_wholes(dataset, [check(claim, dataset) for claim in claims])
    results = _cross_check_same_quantity(dataset, results)
    return results if metric_id is None else [r for r in results if _about(r.claim, metric_id)]


def _quantity(claim: Claim, dataset: Dataset) -> tuple[object, ...] | None:
    """What a claim's stated figure is a figure of: kind, figures named (resolved where published), direction.

    The kinds that compare one latest figure (``latest_by_default``) state one quantity of the figures
    they name: two claims naming the same figures state the same number, so their stated figures
    must meet (even when neither is verifiable)."""
    if not KINDS[claim.kind].latest_by_default or claim.stated is None or claim.metric not in dataset.metrics:
        return None
    if claim.baseline is None and "from" in KINDS[claim.kind].needs:
        return None  # a change from a baseline the file does not name: two such need not share it

    def named(metric_id: str, at: At | None) -> object:
        if at is None:
            return None
        found = observation_at(claim, dataset, dataset.metrics[metric_id], at)
        if found is not None:
            return (metric_id, found.period_key, found.source)
        return (metric_id, at.period.key if at.period else None, at.source or claim.source)

    whole: object = fold(claim.outside) if claim.outside else None
    if claim.of is not None:
        whole = named(claim.of.metric, claim.of.at)
    return (claim.kind, named(claim.metric, claim.target), named(claim.metric, claim.baseline), whole, claim.direction)


def _cross_check_same_quantity(dataset: Dataset, results: list[Result]) -> list[Result]:
    """Two claims stating one quantity (the same change, share or ratio of the same figures) that only
    the unrounded values could make true must agree: under one reading of the rounding rules their
    stated figures' intervals must meet (国民の75% and 国民の74% of the same 9,308万 cannot both hold)."""
    groups: dict[tuple[object, ...], list[int]] = {}
    for index, result in enumerate(results):
        key = _quantity(result.claim, dataset)
        if key is not None:
            groups.setdefault(key, []).append(index)
    updated = list(results)
    for group in groups.values():
        # Only claims that the unrounded values alone could make true: a consistent one is explained by
        # the printed figures (58% from 753万 ÷ 478万 − 1 = 57.53%, however the report's 57.4% was
        # computed), and a failing one explains itself.
        members = [i for i in group if results[i].verdict in (Verdict.WITHIN_ROUNDING, Verdict.UNVERIFIABLE)]
        claims = [results[i].claim for i in members]
        if len(claims) < 2 or len({c.stated.text for c in claims if c.stated}) < 2:
            continue
        sources = sorted({c.source for c in claims})[:MAX_TIE_SOURCES]
        readings = [dict(zip(sources, ties, strict=True)) for ties in product(TIE_READINGS, repeat=len(sources))]
        if any(_stated_figures_meet(dataset, claims, ties) for ties in readings):
            continue
        for index in members:
            result, others = results[index], [c for c in claims if c is not results[index].claim]
            named = ", ".join(f"{c.id} states {c.stated.text if c.stated else '—'}" for c in others)
            reason = f"{named} for the same figures: under no reading of their rounding can both be right"
            updated[index] = result._replace(verdict=Verdict.INCONSISTENT, reason=reason)
    return updated


def _stated_figures_meet(dataset: Dataset, claims: list[Claim], ties: dict[str, Rounding]) -> bool:
    rules = Rules(dataset, ties)
    meeting: Interval | None = None
    for claim in claims:
        assert claim.stated is not None
        stated = rules.stated(claim, claim.stated, claim.direction)
        meeting = stated if meeting is None else intersection(meeting, stated)
    return meeting is not None and not meeting.empty


def _about(claim: Claim, metric_id: str) -> bool:
    return metric_id in claim.metrics or (claim.of is not None and claim.of.metric == metric_id)


def _implied_whole(dataset: Dataset, claim: Claim, rules: Rules) -> Interval | None:
    """What a share_of an outside whole implies the whole is: the part ÷ the stated share."""
    assert claim.stated is not None
    part = observation_at(claim, dataset, dataset.metrics[claim.metric], claim.target)
    stated = rules.stated(claim, claim.stated)
    if part is None or stated.low is None or stated.low < 0:
        return None
    return divide(rules.observed(part, part.figure), scale(stated, Fraction(1, 100)))


def _wholes_meet(dataset: Dataset, first: Claim, second: Claim) -> bool:
    """Whether, under some one reading of the rounding rules, two claims' implied wholes meet."""
    sources = sorted({first.source, second.source, *(s.id for s in dataset.sources)})[:MAX_TIE_SOURCES]
    for ties in product(TIE_READINGS, repeat=len(sources)):
        rules = Rules(dataset, dict(zip(sources, ties, strict=True)))
        a, b = _implied_whole(dataset, first, rules), _implied_whole(dataset, second, rules)
        if a is None or b is None or not intersection(a, b).empty:
            return True
    return False


def _cross_check_outside_wholes(dataset: Dataset, results: list[Result]) -> list[Result]:
    """Claims that name one outside whole (国民) at one period each imply an interval for it: they must meet."""
    groups: dict[tuple[str, str | None], list[tuple[int, Interval]]] = {}
    for index, result in enumerate(results):
        claim = result.claim
        if claim.kind is not ClaimKind.SHARE_OF or not claim.outside or claim.stated is None:
            continue
        part = observation_at(claim, dataset, dataset.metrics[claim.metric], claim.target)
        implied = _implied_whole(dataset, claim, Rules(dataset))
        if part is not None and implied is not None:
            groups.setdefault((fold(claim.outside), part.period_key), []).append((index, implied))
    updated = list(results)
    for (_, period_key), members in groups.items():
        for index, implied in members:
            result = results[index]
            conflicts = [
                results[i].claim.id
                for i, _ in members
                if i != index and not _wholes_meet(dataset, result.claim, results[i].claim)
            ]
            terms = Terms(dataset.metrics[result.claim.metric].observations[0].figure)
            whole = f"{result.claim.outside} ≈ {terms.computed(implied)}"
            at = f" at {period_key}" if period_key else ""
            if conflicts:
                reason = f"this claim implies {whole}{at}, which {', '.join(conflicts)} rule(s) out"
                updated[index] = result._replace(verdict=Verdict.INCONSISTENT, reason=reason, computed=None)
            else:
                others = len(members) - 1
                agree = f"; {others} other claim(s) naming it agree" if others else ""
                reason = (
                    f"the publication gives no figure for {result.claim.outside}; this claim implies {whole}{at}{agree}"
                )
                updated[index] = result._replace(reason=reason)
    return updated


# ── summaries: computed once, here, for every renderer ──────────────────────────────────────


def summarize(results: Iterable[Result]) -> dict[str, int]:
    counts = {"total": 0} | {verdict.value: 0 for verdict in Verdict}
    for result in results:
        counts["total"] += 1
        counts[result.verdict.value] += 1
    return counts


class Severity(StrEnum):
    """What a verdict means for the reader, decided here once for every format."""

    ERROR = "error"  # verify fails
    WARNING = "warning"  # doubtful: fails only under --strict
    NOTE = "note"  # said, never failing by itself (skipped in JUnit)
    NONE = "none"  # consistent: nothing to report


_SEVERITY = {
    Verdict.GROSS: Severity.ERROR,
    Verdict.INCONSISTENT: Severity.ERROR,
    Verdict.WITHIN_ROUNDING: Severity.WARNING,
    Verdict.REVISED: Severity.NOTE,
    Verdict.NOT_COMPARED: Severity.NOTE,  # SARIF note, JUnit skipped; --strict fails on it
    Verdict.UNVERIFIABLE: Severity.NOTE,
    Verdict.CONSISTENT: Severity.NONE,
}


def severity(verdict: Verdict, *, strict: bool = False) -> Severity:
    return Severity.ERROR if verdict in failing(strict) else _SEVERITY[verdict]


def stated_and_recomputed(result: Result) -> tuple[str, str]:
    """The stated figure as published and what the figures give, in its own terms (every format's words)."""
    return (result.stated.text if result.stated else "—"), Terms(result.stated).computed(result.computed)


def failing(strict: bool) -> frozenset[Verdict]:
    """inconsistent and gross fail; with --strict, within_rounding and not_compared too."""
    return FAILING | {Verdict.WITHIN_ROUNDING, Verdict.NOT_COMPARED} if strict else FAILING


def failed(results: Iterable[Result], *, strict: bool = False) -> bool:
    bad = failing(strict)
    return any(result.verdict in bad for result in results)


def summary_line(results: list[Result], *, strict: bool = False) -> str:
    """ "OK: 72 claims: 65 consistent, …": the same words in every format."""
    counts = summarize(results)
    parts = ", ".join(f"{counts[v.value]} {v.value}" for v in Verdict if v is not Verdict.NOT_COMPARED)
    if counts[Verdict.NOT_COMPARED.value]:  # named only when there are some: the line keeps its old words
        parts += f"; {counts[Verdict.NOT_COMPARED.value]} not compared"
    status = ("FAIL" if failed(results, strict=strict) else "OK") + (" (strict)" if strict else "")
    noun = "claim" if counts["total"] == 1 else "claims"
    return f"{status}: {counts['total']} {noun}: {parts}"


# ── changes ──────────────────────────────────────────────────────────────────────────────────


class Change(NamedTuple):
    """One metric's change against a stated baseline, beside the claim that states it."""

    metric: Metric
    baseline: Observation | None
    latest: Observation
    absolute: Interval | None  # in base units; for a percentage, the point change
    percent: Interval | None  # None for percentages (their change is in points)
    result: Result


def changes(dataset: Dataset, metric_id: str | None = None) -> list[Change]:
    """Every metric with a stated baseline: one row per (metric, baseline, end) a change claim names."""
    rows: list[Change] = []
    seen: set[tuple[str, str | None, str | None, str]] = set()
    results = {r.claim.id: r for r in verify(dataset)}
    claims = [
        c for c in all_claims(dataset) if KINDS[c.kind].change_row and (metric_id is None or c.metric == metric_id)
    ]
    claims.sort(key=lambda c: bool(c.section))  # a metric's own claim first; a headline repeating it second
    for claim in claims:
        metric = dataset.metrics[claim.metric]
        latest = observation_at(claim, dataset, metric, claim.target)
        baseline = observation_at(claim, dataset, metric, claim.baseline) if claim.baseline else None
        if latest is None or (claim.baseline is None and not claim.unverifiable):
            continue  # a ratio to another metric (of:), not a change against a baseline
        key = (metric.id, baseline.period_key if baseline else None, latest.period_key, latest.source)
        if key in seen:
            continue
        seen.add(key)
        absolute = percent = None
        if baseline is not None:
            rules = Rules(dataset)
            new, old = rules.observed(latest, latest.figure), rules.observed(baseline, baseline.figure)
            absolute = subtract(new, old)
            percent = None if metric.is_percentage else percent_change(new, old)
        rows.append(Change(metric, baseline, latest, absolute, percent, results[claim.id]))
    order = {metric_id: index for index, metric_id in enumerate(dataset.metrics)}
    rows.sort(key=lambda row: order[row.metric.id])
    return rows
