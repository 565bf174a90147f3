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
    if claim.stated is not None and claim.text and not printed_as_written(claim.text, claim.stated.text):
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


# Where a figure written exactly as stated: is read by the scanner as that figure and no other: after
# punctuation, a particle or a verb it trims (増, 減, 上昇…); never after a digit, a sign, a hedge or a
# period's kanji. Kept narrow: outside it the scanner decides (tests/test_words_fast.py holds the two
# to one answer).
_PUNCTUATION = frozenset("、。)）」』】 \u3000")
_VERBS = frozenset("増減加少達突上昇下降伸推拡進低縮全")
# verbs, hedge words, and the words of a period (7月 is a month, not seven of something)
_NOT_IN_A_UNIT = _VERBS | frozenset("以未満超強弱台程度前後余近足年月日")
_OPENING = frozenset("、。(（「『【 \u3000")
_HEDGE_ENDINGS = ("らず", "近く", "近い", "ほど", "超え", "余り")  # hedges that end in a particle's letters
_PREFIXES = ("おおよそ", "およそ", "おおむね", "概ね", "ほぼ", "約")
_TOTALS = ("合計", "計", "総数")  # 「合計が100%にならない」 is a note on rounding, no figure


def printed_as_written(text: str, stated: str) -> bool:
    """Whether ``text`` prints ``stated`` as written, where the figure scanner reads exactly that figure.

    A cheap answer that spares loading the scanner for the common case (it costs a millisecond or two
    of every run that reads claims); False only means "ask the scanner"."""
    if not _plain_stated(stated):
        return False
    start = text.find(stated)
    while start >= 0:
        before, after = text[:start], text[start + len(stated) :]
        # A figure that starts with a letter (半数, 二桁) could be the end of a longer one (過半数).
        joined = (bool(before) and before[-1] in "第表図過") or (
            not stated[:1].isdigit() and bool(before) and before[-1].isalpha() and not _hiragana(before[-1])
        )
        clean_before = not joined and _clean_before(before)
        clean_after = _clean_after(after, stated)
        if clean_before and clean_after and (before or stated.strip("0123456789,.") != ""):
            return True
        start = text.find(stated, start + 1)
    return False


def _plain_stated(stated: str) -> bool:
    """A figure written plainly: an optional 約, digits (with 万/億/兆/千), then a unit or counter word
    with no verb, hedge, particle or punctuation in it — or 二桁. Anything else goes to the scanner."""
    if stated == "二桁":
        return True
    body = stated.removeprefix("約")
    number = 0
    while number < len(body) and (body[number] in "0123456789,." or (number and body[number] in "万億兆千")):
        number += 1
    if not number or not body[0].isdigit():
        return False
    unit = body[number:]
    if unit == "%":
        return True
    return all(c.isalpha() and not _hiragana(c) and c not in _NOT_IN_A_UNIT and not c.isdigit() for c in unit)


def _clean_before(before: str) -> bool:
    """What precedes cannot join the figure: nothing, punctuation or a particle, perhaps then words
    (現在5サービス) — but no prefix hedge (約, ほぼ), no figure whose counter word or hedge the words
    could be (1ポイント二桁, 8割近く二桁), no 合計が (a note on rounding)."""
    if before.endswith(_PREFIXES) or before.rstrip("はがも").endswith(_TOTALS):
        return False
    start = len(before)
    while start and before[start - 1].isalpha() and not _hiragana(before[start - 1]):
        start -= 1  # words between it and what came before
    if not start:
        return True
    ahead = before[start - 1]
    if _hiragana(ahead):
        return not before[:start].endswith(_HEDGE_ENDINGS)
    return ahead in _OPENING


def _hiragana(character: str) -> bool:
    return "\u3041" <= character <= "\u309f"


def _clean_after(after: str, stated: str) -> bool:
    """What follows cannot join the figure: nothing, punctuation, a particle (not に近い, ほど), or
    only verbs the scanner trims (増加, 減少, 上昇…) before a particle or punctuation."""
    if not after or after[0] in _PUNCTUATION:
        return True
    run = 0  # the letters after it that the scanner would take as a counter word
    while run < len(after) and after[run].isalpha() and not _hiragana(after[run]):
        run += 1
    rest = after[run:]
    if rest and not (rest[0] in _PUNCTUATION or _hiragana(rest[0])):
        return False  # a digit, a symbol or a unit sign follows
    if rest.startswith(("に近", "ほど")):  # hedges: 8割に近い, 3万人ほど
        return False
    if run == 0:
        return True
    letters = after[:run]
    return all(c in _VERBS for c in letters) or (stated.endswith("桁") and letters == "成長")  # 二桁成長


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
