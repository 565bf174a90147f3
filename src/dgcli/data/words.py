"""The published words against their transcription: a claim's ``text:`` is what was published,
``stated:`` and ``direction:`` are what the file says it means. They must agree, or the check
would verify a figure nobody printed.

- The stated figure must be one of the figures the text prints, as the page reader finds them
  (scan.figures_in: the grammar numbers.parse_figure reads): the same magnitude, precision, unit
  and hedge. A text that prints no figure at all states it in words (倍増, 半減, 大幅に増加) and is
  left alone; 二桁 (and, for a threshold, 10%以上) in the text is 10% as a bare threshold's floor.
- The direction words of the text (増・伸び・上昇・上回る… against 減・低下・下落・下回る・▲…) must agree
  with the claim's direction (direction:, else the stated figure's sign, else up), for the kinds
  that take one. A text with words of both directions, or none, is left alone.
- Items counted by count_of_items are distinct, and none started after the figure's date.
"""

from __future__ import annotations

from dgcli.data.kinds import KINDS, ClaimKind
from dgcli.data.model import Claim, Direction, Observation
from dgcli.text.normalize import fold
from dgcli.text.numbers import Figure, Hedge

_UP_WORDS = ("増", "伸び", "伸ば", "上昇", "上回", "拡大", "成長", "向上")
_DOWN_WORDS = ("減", "低下", "下落", "下降", "下回", "縮小", "▲", "△", "マイナス")


def claim_problems(claim: Claim) -> list[tuple[str, str]]:
    """(key to point at, message) for each disagreement between a claim's text and its transcription."""
    found: list[tuple[str, str]] = []
    if claim.stated is not None and claim.text:
        printed = _printed_figures(claim.text)
        if printed and not any(_same(figure, claim.stated, claim.kind) for figure in printed):
            shown = ", ".join(figure.text for figure in printed)
            found.append(
                (
                    "stated",
                    f"stated: {claim.stated.text} is not a figure the text prints ({shown} in 「{claim.text}」): "
                    "transcribe the figure as published",
                )
            )
    if KINDS[claim.kind].worded_direction:
        words = text_direction(claim.text)
        meant = claim_direction(claim)
        if words is not None and words is not meant:
            said = "a fall" if words is Direction.DOWN else "a rise"
            found.append(
                (
                    "direction" if claim.direction is not None else "text",
                    f"the text 「{claim.text}」 says {said}, but the claim means {_meaning(claim, meant)}: "
                    f"{'write direction: down' if words is Direction.DOWN else 'drop direction: down'} "
                    "or correct the transcription",
                )
            )
    return found


def _meaning(claim: Claim, meant: Direction) -> str:
    why = (
        f"direction: {claim.direction}"
        if claim.direction is not None
        else (f"the sign of {claim.stated.text}" if claim.stated and claim.stated.negative else "a rise by default")
    )
    return f"{'a fall' if meant is Direction.DOWN else 'a rise'} ({why})"


def claim_direction(claim: Claim) -> Direction:
    """What the claim means: its direction:, else a negative stated figure's fall, else a rise."""
    if claim.direction is not None:
        return claim.direction
    if claim.stated is not None and claim.stated.negative:
        return Direction.DOWN
    return Direction.UP


def text_direction(text: str) -> Direction | None:
    """The direction the words say: up, down, or None when they say neither or both."""
    folded = fold(text)
    up = any(word in folded for word in _UP_WORDS)
    down = any(word in folded for word in _DOWN_WORDS)
    if up == down:
        return None
    return Direction.UP if up else Direction.DOWN


def _printed_figures(text: str) -> list[Figure]:
    from dgcli.text.scan import figures_in  # imported on first use: a file whose claims print no text pays nothing

    return [figure for _, _, figure in figures_in(text)]


def _same(printed: Figure, stated: Figure, kind: ClaimKind) -> bool:
    if printed.hedge is Hedge.DIGITS and stated.hedge is Hedge.NONE:  # 二桁成長 read as at least 10%
        return printed.value == stated.value
    if kind is ClaimKind.THRESHOLD and printed.hedge is Hedge.AT_LEAST and stated.hedge is Hedge.NONE:
        return printed.value == stated.value and printed.unit == stated.unit  # 10%以上: a bare floor
    units = printed.unit == stated.unit or "" in (printed.unit, stated.unit)
    return (
        abs(printed.value) == abs(stated.value)
        and printed.step == stated.step
        and printed.hedge is stated.hedge
        and units
    )


def item_problems(observation: Observation) -> list[str]:
    """Listed items must be distinct and must have started by the figure's date."""
    found: list[str] = []
    seen: set[str] = set()
    for item in observation.items:
        key = fold(item.name)
        if key in seen:
            found.append(f"item {item.name!r} is listed twice: a count of items counts each once")
        seen.add(key)
        period = observation.period
        if item.since is not None and period is not None and item.since.start > period.end:
            found.append(
                f"item {item.name!r} started {item.since.text}, after the figure's {period.text}: "
                "it cannot be counted in it"
            )
    return found
