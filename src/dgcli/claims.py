"""Check every published claim against the published figures, with exact interval arithmetic.

Each printed figure stands for the interval its digits allow (``9,308万`` is 9,307.5万–9,308.5万).
A claim is ``consistent`` when the figures as printed give the stated figure, ``within_rounding``
when only some values inside the rounding intervals do, ``inconsistent`` when none do, and ``gross``
when none do *and* the conclusion changes (direction, threshold, a unit multiplier, a ratio quoted
as a change). This is the approach of statcheck and the GRIM family, applied to indicators.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from dgcli.model import CHANGE_KINDS, Claim, ClaimKind, Dataset, Direction, Metric, Observation, Verdict
from dgcli.numbers import Quantity, scale_of

HUNDRED = Fraction(100)
# Verdicts from best to worst; a claim about several metrics takes its worst.
SEVERITY = (
    Verdict.CONSISTENT,
    Verdict.WITHIN_ROUNDING,
    Verdict.UNVERIFIABLE,
    Verdict.INCONSISTENT,
    Verdict.GROSS,
)
FAILING = frozenset({Verdict.INCONSISTENT, Verdict.GROSS})
# Powers of ten that mark a slipped unit: 10, 100 (a ratio as a percent), 万, 億.
_MULTIPLIER_SLIPS = (1, 2, 3, 4, 8)


class Interval(NamedTuple):
    """A computed figure: the value from the printed inputs and the bounds their rounding allows."""

    point: Fraction
    low: Fraction
    high: Fraction

    def shifted(self, offset: Fraction) -> Interval:
        return Interval(self.point + offset, self.low + offset, self.high + offset)

    def scaled(self, factor: Fraction) -> Interval:
        bounds = sorted((self.low * factor, self.high * factor))
        return Interval(self.point * factor, bounds[0], bounds[1])

    def overlaps(self, low: Fraction, high: Fraction) -> bool:
        return self.low <= high and low <= self.high


class Result(NamedTuple):
    claim: Claim
    verdict: Verdict
    reason: str
    computed: Interval | None = None
    stated: Quantity | None = None  # the figure compared against (a sum's total, a count, …)


def interval(quantity: Quantity) -> Interval:
    return Interval(Fraction(quantity.value), Fraction(quantity.low), Fraction(quantity.high))


def percent_change(new: Interval, old: Interval) -> Interval | None:
    """(new / old - 1) × 100 over the intervals; None when the baseline may be zero or negative."""
    if old.low <= 0 or new.low < 0:
        return None
    return Interval(
        (new.point / old.point - 1) * HUNDRED,
        (new.low / old.high - 1) * HUNDRED,
        (new.high / old.low - 1) * HUNDRED,
    )


def difference(new: Interval, old: Interval) -> Interval:
    return Interval(new.point - old.point, new.low - old.high, new.high - old.low)


def share(part: Interval, whole: Interval) -> Interval | None:
    """part / whole × 100; None when the whole may be zero or negative."""
    if whole.low <= 0 or part.low < 0:
        return None
    return Interval(
        part.point / whole.point * HUNDRED, part.low / whole.high * HUNDRED, part.high / whole.low * HUNDRED
    )


def total(parts: Iterable[Interval]) -> Interval:
    items = list(parts)
    return Interval(
        sum((p.point for p in items), Fraction(0)),
        sum((p.low for p in items), Fraction(0)),
        sum((p.high for p in items), Fraction(0)),
    )


def round_half_up(value: Fraction) -> int:
    """The nearest integer, halves away from zero (四捨五入), in integer arithmetic."""
    numerator, denominator = value.numerator, value.denominator
    magnitude = (2 * abs(numerator) + denominator) // (2 * denominator)
    return magnitude if numerator >= 0 else -magnitude


def round_to(value: Fraction, step: Fraction) -> Fraction:
    """Round half away from zero to a multiple of ``step``."""
    if step == 0:
        return value
    return round_half_up(value / step) * step


def judge(computed: Interval, stated: Quantity, *, signed: bool = False, change: bool = False) -> tuple[Verdict, str]:
    """Compare a computed interval with a stated figure and say why (the numbers are in ``computed``)."""
    target = Fraction(stated.value)
    half = Fraction(stated.half_width)
    point = format_fraction(computed.point)
    rounded = round_to(computed.point, 2 * half)
    if rounded == target:
        how = "as stated" if half == 0 else f"which rounds to {stated.text}"
        return Verdict.CONSISTENT, f"the printed figures give {point}, {how}"
    low, high = target - half, target + half
    if computed.overlaps(low, high):
        if half:
            multiplier, symbol = scale_of(stated)
            gives = f"{point}, which rounds to {format_fraction(rounded / multiplier)}{symbol}{stated.unit}"
        else:
            gives = f"{point}, not {stated.text}"
        return Verdict.WITHIN_ROUNDING, (
            f"the printed figures give {gives}; values within their rounding also give {stated.text}"
        )
    if signed and ((target > 0 and computed.high < 0) or (target < 0 and computed.low > 0)):
        return Verdict.GROSS, f"wrong direction: {stated.text} stated, the figures give {point}"
    if change and computed.shifted(HUNDRED).overlaps(low, high):
        return Verdict.GROSS, f"{stated.text} is the ratio new/old, not the change ({point})"
    for power in _MULTIPLIER_SLIPS:
        for factor in (Fraction(10**power), Fraction(1, 10**power)):
            if computed.scaled(factor).overlaps(low, high):
                return Verdict.GROSS, f"off by a factor of 10^{power}: {stated.text} stated, the figures give {point}"
    return Verdict.INCONSISTENT, f"no values within the figures' rounding give {stated.text} (they give {point})"


def format_computed(result: Result) -> str:
    """A computed figure in the stated figure's own terms: "4.54% [4.53 – 4.55]", "9,308万 [9,307.5万 – …]"."""
    computed = result.computed
    if computed is None:
        return "—"
    scale = scale_of(result.stated) if result.stated else (1, "")
    unit = result.stated.unit if result.stated and result.stated.unit in ("%", "PT") else ""
    places = 2 if scale[1] or unit else 4

    def shown(value: Fraction) -> str:
        return format_scaled(value, scale, places) + unit

    if computed.low == computed.high:
        return shown(computed.point)
    return f"{shown(computed.point)} [{shown(computed.low)} – {shown(computed.high)}]"


def format_scaled(value: Fraction, scale: tuple[int, str], places: int = 1) -> str:
    """A value in the multiplier the page printed it with: 4,040,000 in 万 is "404万"."""
    multiplier, symbol = scale
    return f"{format_fraction(value / multiplier, places)}{symbol}"


def format_fraction(value: Fraction, places: int = 4, *, grouping: bool = True) -> str:
    """A readable decimal for a computed value: at most ``places`` decimals, no trailing zeros."""
    scaled = round_half_up(value * 10**places)
    whole, fraction = divmod(abs(scaled), 10**places)
    text = f"{'-' if scaled < 0 else ''}{whole:,}" if grouping else f"{'-' if scaled < 0 else ''}{whole}"
    digits = f"{fraction:0{places}d}".rstrip("0") if places else ""
    return f"{text}.{digits}" if digits else text


def _signed(quantity: Quantity, direction: Direction) -> Quantity:
    """A change stated as a decrease ("5%減少") is compared as -5%."""
    if direction is Direction.UP:
        return quantity
    return Quantity(quantity.text, -quantity.value, quantity.half_width, quantity.unit, quantity.approximate)


def _operands(claim: Claim, metric: Metric) -> tuple[Observation, Observation] | Result:
    new = metric.at(claim.to_period)
    old = metric.at(claim.from_period) if claim.from_period else None
    if new is None or old is None:
        reason = claim.unverifiable or "a period the claim names has no figure on the page"
        return Result(claim, Verdict.UNVERIFIABLE, reason, stated=claim.stated)
    return new, old


def _observation(claim: Claim, dataset: Dataset) -> Observation | Result:
    observation = dataset.metrics[claim.metric].at(claim.to_period)
    if observation is None:
        reason = claim.unverifiable or "the period the claim names has no figure on the page"
        return Result(claim, Verdict.UNVERIFIABLE, reason, stated=claim.stated)
    return observation


def check_change(claim: Claim, dataset: Dataset) -> Result:
    metric = dataset.metrics[claim.metric]
    operands = _operands(claim, metric)
    if isinstance(operands, Result):
        return operands
    new, old = interval(operands[0].quantity), interval(operands[1].quantity)
    computed = percent_change(new, old) if claim.kind is ClaimKind.PERCENT_CHANGE else difference(new, old)
    if computed is None:
        return Result(claim, Verdict.UNVERIFIABLE, "the baseline may be zero: no percent change exists")
    assert claim.stated is not None
    stated = _signed(claim.stated, claim.direction)
    verdict, reason = judge(computed, stated, signed=True, change=claim.kind is ClaimKind.PERCENT_CHANGE)
    return Result(claim, verdict, reason, computed, stated)


def check_share(claim: Claim, dataset: Dataset) -> Result:
    assert claim.stated is not None
    if claim.of is None:
        whole = claim.outside or "the whole"
        return Result(claim, Verdict.UNVERIFIABLE, f"the page gives no figure for {whole}", stated=claim.stated)
    part = dataset.metrics[claim.metric].at(claim.to_period)
    whole_observation = dataset.metrics[claim.of.metric].at(claim.of.period)
    if part is None or whole_observation is None:
        return Result(claim, Verdict.UNVERIFIABLE, claim.unverifiable or "an operand has no figure on the page")
    computed = share(interval(part.quantity), interval(whole_observation.quantity))
    if computed is None:
        return Result(claim, Verdict.UNVERIFIABLE, "the whole may be zero: no share exists")
    return Result(claim, *judge(computed, claim.stated), computed, claim.stated)


def check_sum(claim: Claim, dataset: Dataset) -> Result:
    observation = _observation(claim, dataset)
    if isinstance(observation, Result):
        return observation
    stated = claim.stated or observation.quantity
    computed = total(interval(p.quantity) for p in observation.parts)
    return Result(claim, *judge(computed, stated), computed, stated)


def check_count(claim: Claim, dataset: Dataset) -> Result:
    observation = _observation(claim, dataset)
    if isinstance(observation, Result):
        return observation
    stated = claim.stated or observation.quantity
    count = Fraction(len(observation.items))
    return Result(claim, *judge(Interval(count, count, count), stated), Interval(count, count, count), stated)


def check_items_added(claim: Claim, dataset: Dataset) -> Result:
    metric = dataset.metrics[claim.metric]
    operands = _operands(claim, metric)
    if isinstance(operands, Result):
        return operands
    new, old = operands
    stated = claim.stated or new.quantity
    computed = interval(old.quantity).shifted(Fraction(len(new.added)))
    return Result(claim, *judge(computed, stated), computed, stated)


def check_restatement(claim: Claim, dataset: Dataset) -> Result:
    observation = _observation(claim, dataset)
    if isinstance(observation, Result):
        return observation
    assert claim.stated is not None  # the schema requires it for this kind
    computed = interval(observation.quantity)
    return Result(claim, *judge(computed, claim.stated), computed, claim.stated)


def check_trend(claim: Claim, dataset: Dataset) -> Result:
    """Threshold ("二桁成長": every percent change ≥ stated) and direction ("上昇"): worst metric wins."""
    worst: Result | None = None
    for metric_id in claim.metrics:
        metric = dataset.metrics[metric_id]
        operands = _operands(claim, metric)
        if isinstance(operands, Result):
            result = operands
        else:
            new, old = interval(operands[0].quantity), interval(operands[1].quantity)
            result = _trend_result(claim, metric_id, new, old)
        if worst is None or SEVERITY.index(result.verdict) > SEVERITY.index(worst.verdict):
            worst = result
    assert worst is not None
    return worst


def _trend_result(claim: Claim, metric_id: str, new: Interval, old: Interval) -> Result:
    if claim.kind is ClaimKind.THRESHOLD:
        assert claim.stated is not None
        computed = percent_change(new, old)
        if computed is None:
            return Result(claim, Verdict.UNVERIFIABLE, f"{metric_id}: the baseline may be zero")
        bound, what = Fraction(claim.stated.value), f"at least {claim.stated.text}"
        shown = f"{metric_id} {format_fraction(computed.point)}%"
    else:
        computed = difference(new, old)
        bound, what = Fraction(0), "a rise" if claim.direction is Direction.UP else "a fall"
        shown = f"{metric_id} changed by {format_fraction(computed.point)}"
    sign = 1 if claim.direction is Direction.UP or claim.kind is ClaimKind.THRESHOLD else -1
    point, best = sign * computed.point, max(sign * computed.low, sign * computed.high)
    admissible = f"(admissible {format_fraction(computed.low)} to {format_fraction(computed.high)})"
    meets = point >= bound if claim.kind is ClaimKind.THRESHOLD else point > bound
    if meets:
        return Result(claim, Verdict.CONSISTENT, f"{shown} {admissible}: {what}", computed, claim.stated)
    reaches = best >= bound if claim.kind is ClaimKind.THRESHOLD else best > bound
    if reaches:
        return Result(
            claim,
            Verdict.WITHIN_ROUNDING,
            f"{shown}, not {what}, but inputs within rounding allow it {admissible}",
            computed,
            claim.stated,
        )
    return Result(claim, Verdict.GROSS, f"{shown} {admissible}: not {what}", computed, claim.stated)


def check_distribution(claim: Claim, dataset: Dataset) -> Result:
    observation = _observation(claim, dataset)
    if isinstance(observation, Result):
        return observation
    assert claim.stated is not None  # the schema requires it for this kind
    computed = total(interval(s.quantity) for s in observation.shares)
    return Result(claim, *judge(computed, claim.stated), computed, claim.stated)


Checker = Callable[[Claim, Dataset], Result]
CHECKERS: dict[ClaimKind, Checker] = {
    ClaimKind.PERCENT_CHANGE: check_change,
    ClaimKind.POINT_CHANGE: check_change,
    ClaimKind.ABSOLUTE_CHANGE: check_change,
    ClaimKind.SHARE_OF: check_share,
    ClaimKind.SUM_OF_PARTS: check_sum,
    ClaimKind.COUNT_OF_ITEMS: check_count,
    ClaimKind.ITEMS_ADDED: check_items_added,
    ClaimKind.THRESHOLD: check_trend,
    ClaimKind.DIRECTION: check_trend,
    ClaimKind.RESTATEMENT: check_restatement,
    ClaimKind.DISTRIBUTION_SUM: check_distribution,
}

_ONE_HUNDRED_PERCENT = Quantity("100%", Decimal(100), Decimal(0), "%")


def implied_claims(metric: Metric) -> list[Claim]:
    """Checks the page implies without stating them: each distribution sums to 100%."""
    if not metric.is_distribution:
        return []
    return [
        Claim(
            id=f"{metric.id}-{observation.period_key or 'latest'}-sums-to-100",
            kind=ClaimKind.DISTRIBUTION_SUM,
            text=" + ".join(f"{s.answer} {s.quantity.text}" for s in observation.shares) + " = 100%",
            metrics=(metric.id,),
            line=observation.line,
            stated=_ONE_HUNDRED_PERCENT,
            to_period=observation.period,
        )
        for observation in metric.observations
    ]


def all_claims(dataset: Dataset) -> list[Claim]:
    """Encoded claims in page order, each metric's implied checks after its own claims."""
    found: list[Claim] = []
    for section in dataset.sections:
        found.extend(section.claims)
        for metric_id in section.metrics:
            metric = dataset.metrics[metric_id]
            found.extend(metric.claims)
            found.extend(implied_claims(metric))
    return found


def check(claim: Claim, dataset: Dataset) -> Result:
    return CHECKERS[claim.kind](claim, dataset)


def verify(dataset: Dataset, metric_id: str | None = None) -> list[Result]:
    """Check every claim (or those about one metric), in page order."""
    return [
        check(claim, dataset)
        for claim in all_claims(dataset)
        if metric_id is None or metric_id in claim.metrics or (claim.of is not None and claim.of.metric == metric_id)
    ]


def summarize(results: Iterable[Result]) -> dict[str, int]:
    counts = {"total": 0} | {verdict.value: 0 for verdict in Verdict}
    for result in results:
        counts["total"] += 1
        counts[result.verdict.value] += 1
    return counts


def exit_code(results: Iterable[Result], *, strict: bool = False) -> int:
    """0 when nothing fails; 1 when a claim is inconsistent or gross (or within_rounding, if strict)."""
    failing = FAILING | {Verdict.WITHIN_ROUNDING} if strict else FAILING
    return 1 if any(result.verdict in failing for result in results) else 0


class Change(NamedTuple):
    """One metric's change against a stated baseline, beside the claim that states it."""

    metric: Metric
    baseline: Observation | None
    latest: Observation
    absolute: Interval | None  # in base units; for a % metric, the point change
    percent: Interval | None  # None for % metrics (their change is in points)
    result: Result


def changes(dataset: Dataset, metric_id: str | None = None) -> list[Change]:
    """Every metric with a stated baseline: one row per (metric, baseline, end) a change claim names."""
    rows: list[Change] = []
    seen: set[tuple[str, str | None, str | None]] = set()
    claims = [c for c in all_claims(dataset) if c.kind in CHANGE_KINDS]
    # A metric's own claim is the one to show; a section headline repeating it comes second.
    claims.sort(key=lambda c: bool(c.section))
    for claim in claims:
        if metric_id is not None and claim.metric != metric_id:
            continue
        metric = dataset.metrics[claim.metric]
        key = (
            metric.id,
            claim.from_period.key if claim.from_period else None,
            claim.to_period.key if claim.to_period else None,
        )
        if key in seen:
            continue
        seen.add(key)
        baseline = metric.at(claim.from_period) if claim.from_period else None
        latest = metric.at(claim.to_period) or metric.latest
        absolute = percent = None
        if baseline is not None:
            new, old = interval(latest.quantity), interval(baseline.quantity)
            absolute = difference(new, old)
            percent = None if metric.unit == "%" else percent_change(new, old)
        rows.append(Change(metric, baseline, latest, absolute, percent, check(claim, dataset)))
    order = {metric_id: index for index, metric_id in enumerate(dataset.metrics)}
    rows.sort(key=lambda row: order[row.metric.id])
    return rows
