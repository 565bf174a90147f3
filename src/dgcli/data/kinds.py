"""The claim kinds, declared once: what each asserts, the keys and units it takes, how the loader
validates it and which reports it appears in.

This table is data only. The loader (schema.py), the JSON Schema and the docs (fileformat.py), the
words check (words.py), the draft (draft.py) and the checks read it; the checkers themselves are
registered beside it in ``claims.CHECKERS`` (one per kind, a test keeps the two in step), so reading
a file never imports the checking engine. A new kind is a member of ``ClaimKind`` and a row here, and a
checker there: two files.
"""

from collections.abc import Mapping
from enum import StrEnum
from typing import NamedTuple

from dgcli.text.numbers import PERCENT, POINTS, TIMES


class ClaimKind(StrEnum):
    PERCENT_CHANGE = "percent_change"  # "2023年7月から5%増加"
    POINT_CHANGE = "point_change"  # "2.9PT増"
    ABSOLUTE_CHANGE = "absolute_change"  # "3,353件増加"
    RATIO = "ratio"  # "3.6倍に"
    SHARE_OF = "share_of"  # "マイナンバーカード保有の79%", "国民の75%"
    SUM_OF_PARTS = "sum_of_parts"  # 0.5億 + 5.1億 = 5.6億
    COUNT_OF_ITEMS = "count_of_items"  # "5サービス" with 5 listed
    ITEMS_ADDED = "items_added"  # "5機関から…が加わり、10機関"
    THRESHOLD = "threshold"  # "二桁成長"
    DIRECTION = "direction"  # "いずれの指標も上昇"
    ORDERING = "ordering"  # 申請 ≥ 交付 ≥ 保有 at one period
    RESTATEMENT = "restatement"  # "52%の利用者が満足" restates 52.2%
    DISTRIBUTION_SUM = "distribution_sum"  # implied: a survey distribution sums to 100%
    AGREEMENT = "agreement"  # implied: two sources print the same figure alike


COMMON_KEYS = frozenset({"id", "kind", "text", "note", "source", "unverifiable", "rounding"})
# The keys a kind may take besides COMMON_KEYS (the JSON Schema forbids the rest per kind).
OPERAND_KEYS = frozenset({"metric", "metrics", "stated", "from", "to", "of", "direction"})


class Stated(StrEnum):
    REQUIRED = "required"
    OPTIONAL = "optional"  # sum_of_parts, count_of_items, items_added: the figure itself, or stated:
    NONE = "none"  # direction, ordering: no figure at all


class Percentages(StrEnum):
    """What a kind says of a metric that is a percentage."""

    ANY = "any"
    REQUIRED = "required"  # a change in points: only of a percentage (or of a ratio in 倍)
    REFUSED = "refused"  # a share of a percentage, a change of one in its own unit


class KindSpec(NamedTuple):
    summary: str  # what it checks, for the docs, the JSON Schema and SARIF rules
    example: str  # as a publication prints it
    stated: Stated
    units: frozenset[str] | None  # the units the stated figure may be in (None: the metric's own)
    keys: frozenset[str]  # what it accepts besides COMMON_KEYS
    needs: frozenset[str] = frozenset()  # what it cannot do without (from: may be waived by unverifiable:)
    implied: bool = False  # checked for every figure it applies to, never written in a file
    # A change from a baseline: its stated figure may carry a sign (▲5%), the direction of its words
    # must agree with it, and a change of the wrong direction is gross.
    signed: bool = False
    worded_direction: bool = False  # its text's 増/減, 上昇/低下 must agree with its direction
    latest_by_default: bool = False  # compares the latest figure unless to: names another; one quantity
    change_row: bool = False  # a row of `dgcli changes`
    states_a_share: bool = False  # may state 過半数, 半数
    whole_is_a_count: bool = False  # of: names a whole that is a count, never a percentage
    min_metrics: int = 1  # with metrics: [...]
    one_period: bool = False  # its metrics are compared at one period (to:, or a latest they share)
    divisor: tuple[str, ...] = ()  # exactly one of these keys names what it divides by
    operand_list: tuple[str, str] | None = None  # the observation's list it reads, and how to ask for it
    percentages: Percentages = Percentages.ANY
    percentage_message: str = ""  # why, when a percentage metric breaks ``percentages``
    unit_hints: Mapping[str, str] = {}  # why a stated figure in this unit belongs to another kind

    @property
    def accepted(self) -> frozenset[str]:
        """Every key a claim of this kind may have."""
        return COMMON_KEYS | self.keys | (frozenset({"stated"}) if self.stated is not Stated.NONE else frozenset())

    def forbidden_keys(self) -> list[str]:
        """Claim keys this kind refuses (for the JSON Schema)."""
        return sorted(OPERAND_KEYS - self.accepted)


_ONE = frozenset({"metric", "to"})
_FROM = frozenset({"from"})
_A_MULTIPLE = " (a multiple is a ratio claim)"
KINDS: dict[ClaimKind, KindSpec] = {
    ClaimKind.PERCENT_CHANGE: KindSpec(
        "latest against the baseline, in percent",
        "2023年7月から5%増加",
        Stated.REQUIRED,
        frozenset({PERCENT}),
        _ONE | {"from", "direction"},
        _FROM,
        signed=True,
        worded_direction=True,
        latest_by_default=True,
        change_row=True,
        unit_hints={POINTS: " (a change in points is a point_change)", TIMES: _A_MULTIPLE},
    ),
    ClaimKind.POINT_CHANGE: KindSpec(
        "a percentage's change against the baseline, in points",
        "2.9PT増",
        Stated.REQUIRED,
        frozenset({POINTS}),
        _ONE | {"from", "direction"},
        _FROM,
        signed=True,
        worded_direction=True,
        latest_by_default=True,
        change_row=True,
        percentages=Percentages.REQUIRED,
        percentage_message="points are a change of a percentage or a ratio (倍); {metric!r} counts in {unit!r}",
        unit_hints={PERCENT: " (a change in percent is a percent_change; a change of a percentage is in PT)"},
    ),
    ClaimKind.ABSOLUTE_CHANGE: KindSpec(
        "latest minus the baseline, in the metric's unit",
        "3,353件増加",
        Stated.REQUIRED,
        None,
        _ONE | {"from", "direction"},
        _FROM,
        signed=True,
        worded_direction=True,
        latest_by_default=True,
        change_row=True,
        percentages=Percentages.REFUSED,
        percentage_message="a percentage changes in points: use kind: point_change with stated: …PT",
    ),
    ClaimKind.RATIO: KindSpec(
        "latest ÷ baseline (from:), or this metric ÷ another (of:), in 倍",
        "3.6倍に増加",
        Stated.REQUIRED,
        frozenset({TIMES}),
        _ONE | {"from", "of"},
        latest_by_default=True,
        change_row=True,
        divisor=("from", "of"),
    ),
    ClaimKind.SHARE_OF: KindSpec(
        "this metric as a share of a whole (of: a metric, or an outside total)",
        "マイナンバーカード保有の79%",
        Stated.REQUIRED,
        frozenset({PERCENT}),
        _ONE | {"of"},
        frozenset({"of"}),
        latest_by_default=True,
        states_a_share=True,
        whole_is_a_count=True,
        percentages=Percentages.REFUSED,
        percentage_message="{metric!r} is already a percentage: a share_of claim takes a count",
        unit_hints={TIMES: _A_MULTIPLE},
    ),
    ClaimKind.SUM_OF_PARTS: KindSpec(
        "the parts add up to the figure (or to stated:)",
        "署名用0.5億+利用者証明用5.1億=5.6億",
        Stated.OPTIONAL,
        None,
        _ONE,
        operand_list=("parts", "parts: to sum"),
    ),
    ClaimKind.COUNT_OF_ITEMS: KindSpec(
        "the listed items number the figure (or stated:)",
        "5サービス",
        Stated.OPTIONAL,
        None,
        _ONE,
        operand_list=("items", "items: to count"),
    ),
    ClaimKind.ITEMS_ADDED: KindSpec(
        "the baseline plus the added items is the figure (or stated:)",
        "5機関から…が加わり10機関",
        Stated.OPTIONAL,
        None,
        _ONE | {"from"},
        _FROM,
        operand_list=("added", "an added: list"),
    ),
    ClaimKind.THRESHOLD: KindSpec(
        "each metric's percent change reaches stated: (10% = at least 10%; 二桁 = 10% to under 100%)",
        "二桁成長",
        Stated.REQUIRED,
        frozenset({PERCENT, ""}),
        _ONE | {"metrics", "from", "direction"},
        _FROM,
        worded_direction=True,
    ),
    ClaimKind.DIRECTION: KindSpec(
        "each metric rose (or fell, direction: down) since the baseline",
        "いずれの指標も上昇",
        Stated.NONE,
        None,
        _ONE | {"metrics", "from", "direction"},
        _FROM,
        worded_direction=True,
    ),
    ClaimKind.ORDERING: KindSpec(
        "the metrics, as listed, never increase at one period (direction: up — never decrease)",
        "申請数 ≥ 交付数 ≥ 保有数",
        Stated.NONE,
        None,
        frozenset({"metrics", "to", "direction"}),
        frozenset({"metrics"}),
        min_metrics=2,
        one_period=True,
    ),
    ClaimKind.RESTATEMENT: KindSpec(
        "stated: repeats a figure, perhaps rounded or hedged",
        "52%の利用者が満足 (52.2%)",
        Stated.REQUIRED,
        None,
        _ONE,
        latest_by_default=True,
        states_a_share=True,
    ),
    ClaimKind.DISTRIBUTION_SUM: KindSpec(
        "implied: a distribution's shares sum to 100% (at most 100% when partial: true)",
        "50.9%+38.0%+11.1%",
        Stated.REQUIRED,
        frozenset({PERCENT}),
        _ONE,
        implied=True,
    ),
    ClaimKind.AGREEMENT: KindSpec(
        "implied: two sources print the same metric, period and answer alike",
        "8,904万枚 / 8,904万件",
        Stated.NONE,
        None,
        _ONE,
        implied=True,
    ),
}
WRITTEN = tuple(kind for kind, spec in KINDS.items() if not spec.implied)  # the kinds a file may hold
