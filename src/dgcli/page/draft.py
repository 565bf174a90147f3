"""Draft an indicators file from a published page: a start for transcription, never the last word.

Groups and sections come from the headings, metrics from the lists (a history, a survey's
distribution, a total with its parts, one metric per named line, or a sentence "XはN件"),
observations with periods and figures exactly as printed, the 出典 line, and claims from the
sentences the grammar recognises ("…から5%増加", "2.9PT増", "…の79%", "3,353件増加", "二桁成長",
"N倍", hedged figures), each with its verbatim text. Ids and English names it cannot know are
``todo-…`` placeholders that validate; what it cannot place is kept as a comment with its page line.
The draft loads (``dgcli list --file draft.yaml``); verify and audit it before relying on it.
"""

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any, Literal, NamedTuple

from dgcli.data.kinds import KINDS, ClaimKind
from dgcli.data.loader import load_dataset
from dgcli.data.model import Claim, Dataset, Metric, find_observations
from dgcli.errors import DataError, Problem
from dgcli.page.inputs import read_any
from dgcli.page.reader import (
    Block,
    Entry,
    Page,
    PageSection,
    answers,
    as_period,
    baseline_in,
    history_in,
    periods_in,
    strip_marks,
)
from dgcli.text.normalize import fold
from dgcli.text.numbers import PERCENT, POINTS, TIMES, Figure, Hedge
from dgcli.text.scan import figures_in

# The words that put a figure against an earlier one, and how far back (days between period ends).
_RELATIVE = (
    ("前年(同月|同期|度|同日)?(末)?(比|に比べ|と比べ|と比較|から|を)", 334, 396),
    ("前月(末)?(比|に比べ|と比べ|と比較|から|を)", 28, 31),
    ("前(四半)?期(比|に比べ|と比べ|と比較|から|を)", 89, 92),
)
# a list line that is a change of the lines beside it, not a figure of its own: 前年同月比:+28.0%, 増減率:▲3.5%
_CHANGE_LABEL = re.compile(r"(?:対)?前(?:年|年度|月|期|年同月|年同期|回)(?:比|差)|増減(?:率|数)?|伸び率")
_RISE = ("増", "の増", "上昇", "上回", "拡大", "伸び")
_FALL = ("減", "の減", "低下", "下回", "縮小")
_OUTSIDE = ("国民", "人口", "全国民", "全人口", "全世帯", "世帯")


class _Observation(NamedTuple):
    period: str  # as printed; "" when none
    value: str  # "" for a distribution
    line: int
    shares: list[tuple[str, str]]
    parts: list[tuple[str, str]]
    items: list[tuple[str, str]]  # (name, since as printed)


class _NotPlaced(NamedTuple):
    """A figure (or a sentence) of the page the draft does not hold, and why: listed atop the draft."""

    line: int
    figure: str
    context: str
    reason: str

    def comment(self) -> str:
        if not self.figure:  # no figure left out: a note on how the draft names something
            return _comment(f"note: {self.reason} (page line {self.line})")
        context = _around(self.context, self.figure)
        return _comment(f"not placed: {self.figure} in 「{context}」: {self.reason} (page line {self.line})")


class _Whole(NamedTuple):
    """What a share is of: a metric of the draft, or a whole the page does not give (国民)."""

    key: Literal["metric", "outside"]
    name: str


class _Claim(NamedTuple):
    kind: ClaimKind
    text: str
    stated: str  # "" when the kind takes the metric's own figure
    baseline: str  # from: as printed
    line: int
    metrics: list[str]  # ids; several for a threshold or direction across metrics
    of: _Whole | None = None
    direction: str = ""
    unverifiable: str = ""
    restated: bool = False  # a restatement: baseline holds the period of the figure it restates (to:)


class _Metric:
    __slots__ = (
        "aliases",
        "category",
        "claims",
        "description",
        "extra_units",
        "footnotes",
        "headline",
        "id",
        "line",
        "name",
        "observations",
        "sentence_made",
        "sentences",
        "unit",
    )

    def __init__(self, metric_id: str, name: str, line: int, category: str) -> None:
        self.id, self.name, self.line, self.category = metric_id, name, line, category
        self.aliases: list[str] = []
        self.description = ""
        self.footnotes: list[str] = []
        self.headline = ""  # distributions: the answer whose share is the value
        self.observations: list[_Observation] = []
        self.claims: list[_Claim] = []
        self.unit = ""
        self.extra_units: list[str] = []  # other counter words its claims print (753万件 for 753万連携)
        self.sentences: list[tuple[int, str]] = []  # sentences after its own that leave it unsaid (carried)
        self.sentence_made = False  # drafted from one sentence 「XはN件」, not from a list


class _Section:
    def __init__(self, section_id: str, source: PageSection, group_id: str) -> None:
        self.id, self.source, self.group_id = section_id, source, group_id
        self.metrics: list[_Metric] = []
        self.claims: list[_Claim] = []
        self.carried: list[tuple[int, str, _Metric]] = []  # its sentences about a metric another section lists


class _Drafter:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.count = {"metric": 0, "claim": 0}
        self.comments: list[_NotPlaced] = []
        self.groups: dict[str, str] = {}
        self.name = "page"
        self._by_name: dict[str, list[tuple[_Section, _Metric]]] | None = None
        self._first_named: dict[str, tuple[int, _Metric]] | None = None  # metrics by name, once built
        # headline sentences a metric was drafted from or carried to (their claims are its own); by line and
        # text, since a slide's sentences share its line
        self.described: set[tuple[int, str]] = set()
        self.topic: list[_Metric] = []  # the subject a headline's sentence named, for the next one
        self.last_topic: list[_Metric] = []
        self.sections: list[_Section] = []
        self.made_from: dict[str, _Metric] = {}  # sentences metrics were drafted from: a repeat is the same metric
        self.owners: list[tuple[str, Any, list[Any], _Metric | None] | None] = []  # per written line

    def next_id(self, what: str) -> str:
        self.count[what] += 1
        return f"todo-{what}-{self.count[what]}"

    def build(self) -> None:
        for index, section in enumerate(self.page.sections, 1):
            group = section.group or "(no group)"
            group_id = self.groups.setdefault(group, f"todo-group-{len(self.groups) + 1}")
            drafted = _Section(f"todo-section-{index}", section, group_id)
            self.sections.append(drafted)
            for block in section.blocks:
                drafted.metrics += self.metrics_of(block)
            drafted.metrics += self.inline_metrics(section, drafted)
        every = [m for s in self.sections for m in s.metrics]
        for drafted in self.sections:  # a slide of sentences only: 「…は85団体です。」 is a metric of its own,
            section = drafted.source  # unless its figure restates one another section lists
            if drafted.metrics or not section.headline:
                continue
            restating = {(n, t) for n, t in section.headline if self._restates_one(t, every)}
            block = Block(section.title, section.line, "", section.headline, [], [])
            drafted.metrics += self.sentence_metrics(block, skip=restating, headline=True)
            self.described |= {(n, t) for m in drafted.metrics for n, t in [(m.line, m.description), *m.sentences]}
        self.join_series()
        for drafted in self.sections:  # claims once every metric is known: a lead may name a later one
            section = drafted.source
            for metric in drafted.metrics:
                for number, sentence in self.sentences_of(section, metric):
                    metric.claims += self.claims_in(sentence, number, [metric], drafted)
                metric.claims += self.implied_by_lists(metric)
            for number, sentence, metric in drafted.carried:  # a sentence about a history another section lists
                drafted.claims += self.claims_in(sentence, number, [metric], drafted, headline=True)
            for number, sentence in section.headline:
                self.history_direction(sentence, number, drafted)
                if not history_in(sentence) and (number, sentence) not in self.described:
                    drafted.claims += self.claims_in(sentence, number, [], drafted, headline=True)
                    self.topic = self.last_topic  # the next sentence of the headline may leave it unsaid
            self.topic = []
        for drafted in self.sections:  # a heading's figure (オンライン利用率 約6割) is a claim like the headline's
            title = drafted.source
            if figures_in(title.title):
                drafted.claims += self.claims_in(title.title, title.line, [], drafted, headline=True)
        if self.page.intro and self.sections and len(self.page.lines) > 1:  # the lead under the title
            first, line = self.sections[0], self.page.lines[1].number
            first.claims += self.claims_in(self.page.intro, line, [], first, headline=True)
        metrics = {m.id: m for s in self.sections for m in s.metrics}
        for drafted in self.sections:
            for owner in [*drafted.metrics, None]:
                claims = owner.claims if owner is not None else drafted.claims
                claims[:] = [self.settle(claim, metrics) for claim in claims]

    # ── metrics ──────────────────────────────────────────────────────────────────────────────

    def inline_metrics(self, section: PageSection, drafted: _Section) -> list[_Metric]:
        """Histories printed in sentences, each period carrying over to the figures after it:
        "2021年8月末累計申請件数5,113万件、総交付数4,757万件、2022年8月末累計申請件数6,406万件、…"."""
        found: dict[str, _Metric] = {}
        sentences = [*section.headline, *(pair for block in section.blocks for pair in block.sentences)]
        for number, sentence in sentences:
            points = history_in(sentence)
            for point in points:
                label, text, period = point.label, point.text, point.period
                metric = found.get(label) or next((m for m in drafted.metrics if m.name == label), None)
                if metric is None:
                    at_period = {p.label for p in points if p.period == period}
                    metric = _same_series(list(found.values()), label, text, period, at_period)
                    if metric is not None:
                        metric.aliases.append(label)  # 交付 and 公布: two labels of one series
                        found[label] = metric
                if metric is None:
                    metric = found[label] = self.new_metric(label, number, "")
                printed = {(as_period(o.period) or period).key for o in metric.observations if o.period}
                if period.key in printed:
                    reason = f"{label} is printed twice for {period.text}; the draft keeps the first"
                    self.comments.append(_NotPlaced(number, text, sentence, reason))
                    continue
                metric.observations.append(_Observation(period.text, text, number, [], [], []))
                metric.unit = metric.unit or _unit(text)
        return list({id(m): m for m in found.values()}.values())  # a metric under two labels once

    def metrics_of(self, block: Block) -> list[_Metric]:
        entries = [e for e in block.entries if e.figure]
        named = [e for e in entries if as_period(e.label) is None]
        changes = [e for e in named if _CHANGE_LABEL.fullmatch(e.label)]
        if changes and len(changes) < len(entries):  # 利用者数 | 2024年3月末:320万人 | 前年同月比:+28.0%
            for entry in changes:  # a change of the block's figures, counted from a figure the page does not print
                why = f"a change ({entry.label}) of {block.heading}: the page prints no figure it is counted from"
                self.comments.append(_NotPlaced(entry.line, entry.figure, f"{entry.label}:{entry.figure}", why))
            block = block._replace(entries=[e for e in block.entries if e not in changes])
            entries = [e for e in entries if e not in changes]
            named = [e for e in named if e not in changes]
        if not entries:
            return self.sentence_metrics(block)
        if named and not any(e.period for e in named) and answers(named):  # ある:58.3% ない:39.1% 無回答:2.6%
            metric = self.new_metric(block.heading, block.line, block.category)
            self.describe(metric, block)
            shares = [e._replace(figure=figures_in(e.figure)[0][1]) for e in named]  # 58.3%, not (前回55.1%)
            self.add_observations(metric, block, "", shares)
            return [metric]
        if named and not any(e.period for e in named) and not self.total_in_sentences(block, named):
            metrics = [self.named_metric(block, entry) for entry in named]
            if block.items and len(metrics) == 1:  # "デジタル庁内でのAI利活用検討数:9件" and the nine cases
                first = metrics[0].observations[0]
                metrics[0].observations[0] = first._replace(items=[_item(name) for _, name in block.items])
            return metrics
        metric = self.new_metric(block.heading, block.line, block.category)
        self.describe(metric, block)
        tabs: dict[str, list[Entry]] = {}
        for entry in entries:
            tab = entry.period if entry.period and as_period(entry.label) is None else ""
            tabs.setdefault(tab or entry.label if as_period(entry.label) else tab, []).append(entry)
        for key, group in tabs.items():
            self.add_observations(metric, block, key, group)
        if block.items and metric.observations:
            first = metric.observations[0]
            metric.observations[0] = first._replace(items=[_item(name) for _, name in block.items])
        return [metric]

    def new_metric(self, name: str, line: int, category: str) -> _Metric:
        own = re.sub(r"(?<=.)の推移$", "", strip_marks(name))  # 登録数の推移 heads the history of 登録数
        metric = _Metric(self.next_id("metric"), own, line, category)
        metric.footnotes = re.findall(r"※[0-9]+", name)
        if metric.name != name.strip():
            metric.aliases.append(name.strip())
        return metric

    def describe(self, metric: _Metric, block: Block) -> None:
        if block.sentences:
            metric.description = block.sentences[0][1]
            subject = metric.description.split("は")[0] if "は" in metric.description else ""
            if subject and len(subject) <= 40 and subject != metric.name and not any(c.isdigit() for c in subject):
                metric.aliases.append(strip_marks(subject))

    def add_observations(self, metric: _Metric, block: Block, key: str, group: list[Entry]) -> None:
        dated = [e for e in group if as_period(e.label) is not None]
        for entry in dated:
            value, parts = _value_and_parts(entry.figure)
            metric.observations.append(_Observation(entry.label, value, entry.line, [], parts, []))
            metric.unit = metric.unit or _unit(value)
        rest = [e for e in group if as_period(e.label) is None]
        if not rest:
            return
        percentages = all(_unit(e.figure) == PERCENT for e in rest)
        if percentages:
            metric.headline = metric.headline or rest[0].label
            metric.unit = "%"
            shares = [(e.label, e.figure) for e in rest]
            metric.observations.append(_Observation(key, "", rest[0].line, shares, [], []))
            return
        total = self.total_in_sentences(block, rest)
        parts = [(strip_marks(e.label), e.figure) for e in rest]
        value = total or "TODO"
        metric.observations.append(_Observation(key, value, rest[0].line, [], parts, []))
        metric.unit = metric.unit or _unit(value)

    def total_in_sentences(self, block: Block, parts: list[Entry]) -> str:
        """The figure a block's sentence gives whose value the parts add up to (0.5億 + 5.1億 = 5.6億)."""
        values = [_figure(e.figure) for e in parts]
        if not values or any(v is None for v in values):
            return ""
        added = sum(v.value for v in values if v is not None)
        for _, sentence in block.sentences:
            for _, text, figure in figures_in(sentence):
                step = max((v.step for v in values if v is not None), default=0) * len(values)
                if abs(figure.value - added) <= step and figure.unit not in (PERCENT, POINTS):
                    return text
        return ""

    def named_metric(self, block: Block, entry: Entry) -> _Metric:
        metric = self.new_metric(entry.label, entry.line, block.heading)
        value, parts = _value_and_parts(entry.figure)
        period = entry.period if entry.period and as_period(entry.period) else ""
        metric.observations.append(_Observation(period, value, entry.line, [], parts, []))
        metric.unit = _unit(value)
        return metric

    def sentence_metrics(
        self, block: Block, skip: set[tuple[int, str]] | None = None, *, headline: bool = False
    ) -> list[_Metric]:
        """Sentences like "e-Gov申請数は2,863万件です。" under a heading with no list. A sentence with no
        subject of its own right after one that named a metric is about that metric (Japanese drops a
        subject it has just named: 「…は512システムとなりました。前年同期から203システム増加しました。」);
        its figures become that metric's claims. Sentences in ``skip`` are another metric's: no carry over them."""
        found: list[_Metric] = []
        previous: _Metric | None = None  # the metric the sentence before named, in this block
        for number, sentence in block.sentences:
            if skip and (number, sentence) in skip:
                previous = None
                continue
            if sentence in self.made_from:  # the page prints the sentence again (a summary above its section)
                previous = self.made_from[sentence]
                continue
            every = figures_in(sentence)
            if previous is not None and every and not _own_subject(sentence[: every[0][0]]):
                previous.sentences.append((number, sentence))
                continue
            previous = None
            subject, _, rest = sentence.partition("は")
            # 「2024年3月末時点で移行した自治体は85団体」: the period opens the subject, it does not name it
            figures = figures_in(rest)
            at = len(subject) + 1 + (figures[0][0] if figures else 0)
            dated = [(p, baseline) for position, p, baseline in periods_in(sentence) if position < at]
            period = dated[-1][0] if dated and not dated[-1][1] else None
            subject = re.sub(r"^.*(?:時点|現在|末)(?:で|の|に|、)?", "", subject) if period else subject
            if not rest or not figures or len(subject) > 40 or any(c.isdigit() for c in subject):
                if not headline:  # a headline's sentence is read for claims next, and listed there if need be
                    reason = "no metric read from the sentence (its subject names none)"
                    self.comments += [_NotPlaced(number, text, sentence, reason) for _, text, _ in every]
                continue
            metric = self.new_metric(subject, number, block.heading)
            metric.description = sentence
            value = figures[0][1]
            metric.observations.append(_Observation(period.text if period else "", value, number, [], [], []))
            metric.unit = _unit(value)
            metric.sentence_made = True
            self.made_from[sentence] = metric
            found.append(metric)
            previous = metric
        return found

    def join_series(self) -> None:
        """A metric drafted from one sentence that is one series with a history another section lists
        becomes that history's metric: its name an alias, its sentences claims about the history (so
        「前年同期から…増加」 finds the year before). See ``_one_series`` for the evidence required."""
        histories = [m for s in self.sections for m in s.metrics if not m.sentence_made and len(m.observations) > 1]
        by_figure: dict[tuple[str, str], list[_Metric]] = {}  # (period key, figure): built once, linear
        for history in histories:
            for key, value in _levels(history).items():
                by_figure.setdefault((key, value), []).append(history)
        if not by_figure:
            return
        for drafted in self.sections:
            for metric in [m for m in drafted.metrics if m.sentence_made]:
                levels = _levels(metric)
                candidates = {id(h): h for key in levels.items() for h in by_figure.get(key, [])}
                series = _one_series(metric, list(candidates.values()))
                if series is None:
                    continue
                drafted.metrics.remove(metric)
                series.aliases += [metric.name, *metric.aliases]
                series.footnotes += [mark for mark in metric.footnotes if mark not in series.footnotes]
                sentences = [(metric.line, metric.description), *metric.sentences]
                drafted.carried += [(number, sentence, series) for number, sentence in sentences]

    def _restates_one(self, sentence: str, metrics: list[_Metric]) -> bool:
        """Whether a sentence's first figure is one that exactly one listed metric prints."""
        found = figures_in(sentence)
        if not found:
            return False
        figure, subject = found[0][2], sentence.split("は")[0]
        fits = [m for m in metrics if len(m.observations) > 1 and self.restated(m, figure) is not None]
        return len(fits) == 1 and _related(subject, fits[0])  # named in much the same words, too

    def sentences_of(self, section: PageSection, metric: _Metric) -> list[tuple[int, str]]:
        for block in section.blocks:
            if strip_marks(block.heading) == metric.name or (block.entries and block.entries[0].line == metric.line):
                return block.sentences
        return [(metric.line, metric.description), *metric.sentences] if metric.description else metric.sentences

    # ── claims ───────────────────────────────────────────────────────────────────────────────

    def claims_in(
        self, sentence: str, line: int, metrics: list[_Metric], section: _Section, *, headline: bool = False
    ) -> list[_Claim]:
        found: list[_Claim] = []
        topic: list[_Metric] = list(self.topic)  # Japanese drops a subject it has just named: it carries on
        for clause in re.split("(?<=[。])", sentence):
            before_clause = len(found)
            for start, text, figure in figures_in(clause):
                # a metric the clause makes its topic wins over the block it sits in (有効求人数は…0.9%減),
                # but not one it merely names (…マイナンバーカード保有の79%: the whole, not the subject)
                topic_words = re.search(r"([^、。]+?)[はが][^、。]*$", clause[:start])
                topical = self.subjects(topic_words[1], section) if topic_words else []
                if topic_words and not topical and metrics and not _related(topic_words[1], metrics[0]):
                    # 有効求職者数は0.1%減 under 有効求人倍率: a quantity the page gives no figures of
                    reason = f"a figure of {topic_words[1]}, which the page lists no figures of"
                    self.comments.append(_NotPlaced(line, text, clause, reason))
                    continue
                named = topical or metrics or self.subjects(clause[:start], section)
                subjects = named
                own_topic = re.search(r"([^、。]+?)は[^、。]*$", clause[:start])  # "申請件数は…1億件": its own subject
                if not subjects:
                    # "52%の利用者が満足": the one metric of the section that prints it, else the topic carried on;
                    # a subject named in other words must share much of that metric's name (共通サービス, 参加会員)
                    candidates = section.metrics or [m for s in self.sections for m in s.metrics]
                    printing = [m for m in candidates if self.restated(m, figure) is not None]
                    if own_topic is not None:  # its own subject, found by the figure it prints: the next
                        printing = [m for m in printing if _related(own_topic[1], m)]  # sentence's, too
                        topic = printing if len(printing) == 1 else []
                    subjects = printing if len(printing) == 1 else topic
                topic = named[:1] or topic
                if not subjects:
                    self.comments.append(_NotPlaced(line, text, clause, "no metric named before it"))
                    continue
                claim = self.read_claim(clause, start, text, figure, line, subjects, section)
                if claim is not None:
                    found.append(claim)
            self.rises_in(clause, line, metrics, section, found, found[before_clause:])
            if every_one := re.search("いずれ.*(上昇|増加|低下|減少)", clause):
                rising = [m for m in section.metrics if any(c.kind is ClaimKind.POINT_CHANGE for c in m.claims)]
                baseline = _baseline(clause)
                if not (rising and baseline):  # 「…率と…件数は、いずれも上昇しました」: the metrics it names,
                    named = [m for m in section.metrics if m.name in sentence and len(m.observations) > 1]
                    before = {_newest_first(m.observations)[1].period for m in named}  # since their last figure
                    rising, baseline = (named, before.pop()) if named and len(before) == 1 else ([], "")
                down = every_one[1] in ("低下", "減少")
                if rising and baseline:
                    found.append(
                        _Claim(
                            ClaimKind.DIRECTION,
                            _clause(clause, clause.find("いずれ")),
                            "",
                            baseline,
                            line,
                            [m.id for m in rising],
                            direction="down" if down else "",
                        )
                    )
        self.last_topic = topic
        return found

    def history_direction(self, sentence: str, line: int, section: _Section) -> None:
        """「受付件数は、令和4年度は1,250万件、…1,720万件と増加しています」: a history of one series that
        says which way it went is a direction claim of that series (the latest against the one before)."""
        points = history_in(sentence)
        if not points or len({p.label for p in points}) != 1:
            return
        after = sentence[points[-1].position + len(points[-1].text) :]
        if re.match(r"(?:と|へと|まで)(?:大幅に|大きく)?(?:増加|上昇|減少|低下)", after) is None:
            return
        label = points[0].label
        metric = next((m for m in section.metrics if label in (m.name, *m.aliases)), None)
        if metric is not None:
            self.rises_in(sentence, line, [metric], section, metric.claims, [])

    def rises_in(
        self,
        clause: str,
        line: int,
        metrics: list[_Metric],
        section: _Section,
        found: list[_Claim],
        in_clause: list[_Claim],
    ) -> None:
        """「…に大幅増加」 with no change figure: the figure rose since the one before it."""
        match = re.search("(?:大幅に|大きく)?(増加|上昇|減少|低下)", clause)
        if match is None or "いずれ" in clause or any(KINDS[c.kind].signed for c in in_clause):
            return
        subjects = metrics or self.subjects(clause[: match.start()], section)
        if not subjects:  # 「テクノロジーマップへの収載件数も…増加」: the one metric named in much the same words
            topic = re.split("[はがも]", clause[: match.start()])[0]
            related = [m for m in section.metrics if _related(topic, m)]
            subjects = related if len(related) == 1 else []
        if not subjects or len(subjects[0].observations) < 2:
            return
        metric = subjects[0]
        previous = _newest_first(metric.observations)[1].period
        if not previous:
            return
        words = _clause(clause, match.start())
        down = match[1] in ("減少", "低下")
        found.append(
            _Claim(ClaimKind.DIRECTION, words, "", previous, line, [metric.id], direction="down" if down else "")
        )

    def subjects(self, before: str, section: _Section) -> list[_Metric]:
        """The metrics a headline clause names before its figure, nearest first (…賛同は2.9PT増、…適応は1.0PT増)."""
        for distance, clause in enumerate(reversed(re.split("[、。]", before))):  # the nearest clause naming one
            if distance and figures_in(clause):
                break  # an earlier clause with a figure of its own has its own subject
            named: list[tuple[int, int, _Metric]] = []
            for metric in section.metrics:
                own = {metric.name, re.sub(r"\(.*?\)", "", metric.name)}  # 満足度(利用者ベース)
                if metric.headline:  # 「ある」と回答した人は58.3%: a survey's answer, quoted, names its question
                    own.add(f"「{metric.headline}」")
                found = [(clause.rfind(name), name in own) for name in {*own, *metric.aliases} if name]
                position, by_name = max(found, default=(-1, False))
                if position >= 0:
                    named.append((position, by_name, metric))
            if named:  # the nearest first; at one place, a metric's own name before an alias a draft gave it
                return [metric for *_, metric in sorted(named, key=lambda item: (-item[0], -item[1]))]
        # a lead names a metric another section lists (「保有率は約7割」 above 保有率の推移): the one it names
        topic = re.split("[、。]", before)[-1]
        if self._by_name is None:  # built once: every substring of a short topic is looked up, not every metric
            self._by_name = {}
            for s in self.sections:
                for m in s.metrics:
                    if m.name:
                        self._by_name.setdefault(re.sub(r"\(.*?\)", "", m.name), []).append((s, m))
        words = {topic[i:j] for i in range(len(topic)) for j in range(i + 1, min(len(topic), i + 40) + 1)}
        others = [m for word in words for s, m in self._by_name.get(word, []) if s is not section]
        return list(dict.fromkeys(others)) if len(set(map(id, others))) == 1 else []

    def read_claim(
        self, clause: str, start: int, text: str, figure: Figure, line: int, subjects: list[_Metric], section: _Section
    ) -> _Claim | None:
        after = clause[start + len(text) : start + len(text) + 4]
        before = clause[:start]
        words = _clause(clause, start)
        ids = [m.id for m in subjects]
        baseline = _baseline(before + text + after) or self.relative_baseline(clause, subjects[0])
        down = after.startswith(_FALL) or figure.negative
        if figure.hedge is Hedge.DIGITS and baseline:
            in_order = [m.id for m in section.metrics if m in subjects]  # "マイナ保険証や公金口座の…二桁成長"
            return _Claim(ClaimKind.THRESHOLD, words, text, baseline, line, in_order, direction="down" if down else "")
        if figure.unit == POINTS and baseline:
            return _Claim(
                ClaimKind.POINT_CHANGE, words, text, baseline, line, ids[:1], direction="down" if down else ""
            )
        own_unit = figure.unit == subjects[0].unit and not after.startswith(_RISE + _FALL)
        if own_unit and figure.unit == TIMES and (period := self.restated(subjects[0], figure)) is not None:
            return _Claim(ClaimKind.RESTATEMENT, words, text, period, line, ids[:1], restated=True)  # 求人倍率は1.23倍
        if figure.unit == TIMES:
            return _Claim(ClaimKind.RATIO, words, text, baseline, line, ids[:1]) if baseline else None
        rising = after.startswith(_RISE + _FALL) or (figure.negative and figure.unit in (PERCENT, POINTS))
        if figure.unit == PERCENT and rising and baseline:
            return _Claim(
                ClaimKind.PERCENT_CHANGE, words, text, baseline, line, ids[:1], direction="down" if down else ""
            )
        if figure.unit not in (PERCENT, POINTS) and rising and baseline:
            return _Claim(
                ClaimKind.ABSOLUTE_CHANGE, words, text, baseline, line, ids[:1], direction="down" if down else ""
            )
        if figure.unit == PERCENT and rising:
            why = "the page names no baseline for this change"
            return _Claim(ClaimKind.PERCENT_CHANGE, words, text, "", line, ids[:1], unverifiable=why)
        if figure.unit == PERCENT and before.endswith("の") and subjects[0].unit != PERCENT:
            whole = re.split("[、。はがもや]", before[:-1])[-1]
            of = self.whole(whole, section)
            if of:
                return _Claim(ClaimKind.SHARE_OF, words, text, "", line, ids[:1], of=of)
        period = self.restated(subjects[0], figure)
        if period is not None:
            return _Claim(ClaimKind.RESTATEMENT, words, text, period, line, ids[:1], restated=True)
        relative = next((m for words, _, _ in _RELATIVE if (m := re.search(words, clause))), None)
        if rising and relative is not None:  # 前年同期から: no figure that long before the latest
            why = f"a change counted {relative[0]}: the page prints no figure of {subjects[0].name} for that period"
            self.comments.append(_NotPlaced(line, text, clause, why))
            return None
        self.comments.append(_NotPlaced(line, text, clause, "not read as a claim (no kind fits its words)"))
        return None

    def relative_baseline(self, clause: str, metric: _Metric) -> str:
        """前年同月比 / 前年に比べ (a year before the latest), 前月比 / 前月を (a month), 前期比 (a quarter):
        the figure the page prints that far before the latest, if it prints one."""
        span = next(((low, high) for words, low, high in _RELATIVE if re.search(words, clause)), None)
        if span is None:
            return ""
        shortest, longest = span
        ordered = [as_period(o.period) for o in _newest_first(metric.observations) if o.period]
        dated = [p for p in ordered if p is not None]
        for period in dated[1:]:
            if shortest <= dated[0].end - period.end <= longest:
                return period.text
        return ""

    def whole(self, name: str, section: _Section) -> _Whole | None:
        if name.endswith(_OUTSIDE) or name in _OUTSIDE:
            return _Whole("outside", next(o for o in _OUTSIDE if name.endswith(o)))
        for metric in section.metrics:
            if metric.name and name.startswith(metric.name):
                return _Whole("metric", metric.id)
        if self._first_named is None:  # built once: the prefixes of a name are looked up, not every metric
            self._first_named = {}
            for order, metric in enumerate(m for s in self.sections for m in s.metrics):
                if metric.name:
                    self._first_named.setdefault(metric.name, (order, metric))
        found = [self._first_named[name[:end]] for end in range(1, len(name) + 1) if name[:end] in self._first_named]
        if found:
            return _Whole("metric", min(found, key=lambda pair: pair[0])[1].id)
        return None

    def restated(self, metric: _Metric, figure: Figure) -> str | None:
        """The period of the metric's figure this one restates ("" for the latest), or None."""
        ordered = _newest_first(metric.observations)
        for observation in ordered:
            if observation.shares:
                printed = [share for answer, share in observation.shares if answer == metric.headline]
            else:
                printed = [observation.value]
            for text in printed:
                own = _figure(text)
                if own is None or (own.unit == PERCENT) != (figure.unit == PERCENT):
                    continue  # a count may be printed with another counter word (753万連携, 753万件)
                if own.value == figure.value or (figure.step and abs(own.value - figure.value) <= figure.step / 2):
                    return "" if observation is ordered[0] else observation.period
        return None

    def implied_by_lists(self, metric: _Metric) -> list[_Claim]:
        found = []
        for observation in metric.observations[:1]:
            if observation.parts and observation.value != "TODO":
                found.append(
                    _Claim(
                        ClaimKind.SUM_OF_PARTS,
                        f"{observation.value} = " + " + ".join(f"{n} {v}" for n, v in observation.parts),
                        "",
                        "",
                        observation.line,
                        [metric.id],
                    )
                )
            if observation.items:
                found.append(
                    _Claim(
                        ClaimKind.COUNT_OF_ITEMS,
                        f"{observation.value}: " + "、".join(n for n, _ in observation.items),
                        "",
                        "",
                        observation.line,
                        [metric.id],
                    )
                )
        return found

    def settle(self, claim: _Claim, metrics: dict[str, _Metric]) -> _Claim:
        """Fit a claim to its metrics: its counter word among their units, its baseline to a figure."""
        first = metrics[claim.metrics[0]]
        stated = _figure(claim.stated) if claim.stated else None
        if stated is not None and stated.unit and stated.unit not in ("%", "PT", "倍") and first.unit != "%":
            if not first.unit:
                first.unit = stated.unit
            elif stated.unit != first.unit and stated.unit not in first.aliases:
                first.extra_units.append(stated.unit)
        if not claim.baseline or claim.restated:
            return claim
        periods = [as_period(o.period) for o in first.observations if o.period]
        dated = sorted((p for p in periods if p is not None), key=lambda p: p.sort_key)
        wanted = as_period(claim.baseline)
        if wanted is None or len(dated) < 2:
            reason = f"the page prints no figure of {first.name} for {claim.baseline}"
            return claim._replace(unverifiable=reason)
        latest = dated[-1]
        exact = [p for p in dated if p.key == wanted.key]
        # "2023年度から": since the span began, i.e. the figure just before it (within a month)
        before = [p for p in dated if p.end < wanted.start <= p.end + 31 and p is not latest]
        inside = [p for p in dated if (wanted.contains(p) or p.contains(wanted)) and p is not latest]
        found = exact or before[-1:] or (inside if len(inside) == 1 else [])
        if not found:
            return claim._replace(unverifiable=f"the page prints no figure of {first.name} for {claim.baseline}")
        return claim._replace(baseline=found[0].text)

    # ── writing ──────────────────────────────────────────────────────────────────────────────

    def write(self, name: str) -> str:
        self.name = name
        self.count["claim"] = 0
        out = _Out()
        out.add(
            [
                _comment(f"A draft indicators file for 「{self.page.title}」, written by dgcli draft from {name}."),
                "# Check every todo- id, name_en and publisher, then every claim's kind and figures, "
                "before relying on it:",
                "# dgcli verify --file THIS && dgcli audit PAGE --file THIS",
                *self.not_placed(),
                'schema_version: "2"',
                "sources:",
                "  - id: todo-source",
                f"    title: {_scalar(self.page.title or 'TODO: the page title')}",
                "    publisher: TODO",
            ]
        )
        if self.page.footnotes:
            out.add(["footnotes:", *(f"  {mark}: {_scalar(text)}" for mark, text in self.page.footnotes.items())])
        out.add(["groups:"])
        for title, group_id in self.groups.items():
            out.add([f"  - id: {group_id}", f"    title: {_scalar(title)}"])
        out.add(["sections:"])
        for section in self.sections:
            self.write_section(section, out)
        self.owners = out.owners
        return "\n".join(out.lines) + "\n"

    def not_placed(self) -> list[str]:
        """The page's figures the draft does not hold, once each, in page order."""
        unique = list({(c.line, c.figure, c.context): c for c in reversed(self.comments)}.values())[::-1]
        unique.sort(key=lambda c: c.line)
        if not unique:
            return []
        placed = sum(1 for c in unique if c.figure)
        return [f"# {placed} not placed; the draft holds every other figure of the page:"] + [
            c.comment() for c in unique
        ]

    def settle_names(self) -> None:
        """Names and aliases that mean one metric each, and footnote marks the page explains: so the draft
        loads (two blocks may share a heading; a mark may point at a footnote the copy left out)."""
        owner: dict[str, str] = {}
        every = [m for s in self.sections for m in s.metrics]
        printed = Counter(fold(m.name) for m in every)
        for metric in every:  # a name printed twice stays the description of each, for audit
            if printed[fold(metric.name)] > 1:
                metric.description = metric.description or metric.name
        tried: dict[str, int] = {}  # per name, the last number given (no rescan: linear in the page)
        for metric in every:
            name, n = metric.name, tried.get(fold(metric.name), 1)
            while fold(name) in owner:
                n += 1
                name = f"{metric.name} ({n})"
            tried[fold(metric.name)] = n
            if name != metric.name:
                note = f"a second metric named {metric.name!r}: drafted as {name!r}"
                self.comments.append(_NotPlaced(metric.line, "", metric.name, note))
                metric.description = metric.description or metric.name  # the page's words, for audit
                metric.name = name
            owner[fold(name)] = metric.id
            aliases = [a for a in dict.fromkeys(metric.aliases) if fold(a) not in owner and fold(a) != fold(name)]
            metric.aliases = aliases
            owner.update({fold(alias): metric.id for alias in aliases})
            missing = [mark for mark in metric.footnotes if mark not in self.page.footnotes]
            for mark in missing:
                note = f"footnote mark {mark} of {metric.name}: the page has no footnote {mark}"
                self.comments.append(_NotPlaced(metric.line, mark, metric.name, note))
            metric.footnotes = [mark for mark in metric.footnotes if mark in self.page.footnotes]

    def write_section(self, section: _Section, out: "_Out") -> None:
        source = section.source
        lines = [f"  - id: {section.id}", f"    title: {_scalar(source.title)}", f"    group: {section.group_id}"]
        if source.headline:
            lines.append(f"    headline: {_scalar(''.join(text for _, text in source.headline))}")
        if source.citation:
            lines.append(f"    source: {_scalar(' '.join(text for _, text in source.citation))}")
        if source.related:
            lines.append("    related:")
            lines += [f"      - {_scalar(link)}" for link in source.related]
        out.add(lines)
        if section.claims:
            out.add(["    claims:"])
            for claim in section.claims:
                out.add(self.write_claim(claim, "      ", headline=True), ("claim", claim, section.claims, None))
        metrics = [m for m in section.metrics if m.observations]
        if not metrics and section.carried:
            out.add(["    metrics: []  # its figures are claims about metrics other sections list"])
            return
        if not metrics:
            out.add(["    metrics: []  # TODO: the draft found no figures in this section"])
            return
        out.add(["    metrics:"])
        for metric in metrics:
            self.write_metric(metric, out)

    def write_metric(self, metric: _Metric, out: "_Out") -> None:
        lines = [
            f"      - id: {metric.id}",
            f"        name: {_scalar(metric.name or 'TODO')}",
            f"        name_en: TODO {metric.id}",
        ]
        if metric.extra_units:
            units = [metric.unit or "TODO", *dict.fromkeys(metric.extra_units)]
            lines.append(f"        units: [{', '.join(_scalar(u, flow=True) for u in units)}]")
        else:
            lines.append(f"        unit: {_scalar(metric.unit or 'TODO')}")
        if metric.aliases:
            lines.append(
                f"        aliases: [{', '.join(_scalar(a, flow=True) for a in dict.fromkeys(metric.aliases))}]"
            )
        if metric.category:
            lines.append(f"        category: {_scalar(metric.category)}")
        if metric.description:
            lines.append(f"        description: {_scalar(metric.description)}")
        if metric.footnotes:
            lines.append(f"        footnotes: [{', '.join(metric.footnotes)}]")
        if metric.headline:
            lines.append(f"        headline_answer: {_scalar(metric.headline)}")
        if metric.unit == PERCENT and not metric.headline and _no_share(metric):
            lines.append("        share: false  # a rate, not a share of a whole: it may be below 0% or above 100%")
        lines.append("        observations:")
        out.add(lines)
        for observation in _newest_first(metric.observations):
            out.add(_write_observation(observation), ("observation", observation, metric.observations, metric))
        claims = [c for c in metric.claims if c.metrics[:1] == [metric.id]]
        if claims:
            out.add(["        claims:"])
            for claim in claims:
                out.add(self.write_claim(claim, "          "), ("claim", claim, metric.claims, metric))

    def repair(self, problems: list[Problem]) -> bool:
        """Leave out what the loader refuses (a claim of the wrong kind, a figure twice), noting why, or
        widen a metric's units; so the draft loads. True when something changed."""
        changed = False
        for problem in problems:
            owner = self.owners[problem.line - 1] if 0 < problem.line <= len(self.owners) else None
            if owner is None:
                continue
            what, record, container, metric = owner
            unit = _unit(record.value) if what == "observation" else ""
            if problem.code == "unit-not-declared" and unit and metric is not None:
                metric.extra_units.append(unit)
            elif record in container:
                container.remove(record)
                if isinstance(record, _Claim):
                    shown, context = record.stated or record.kind, record.text
                else:
                    shown, context = record.value or record.period, record.period
                reason = f"drafted as a {what}, the loader refused it: {problem.message}"
                self.comments.append(_NotPlaced(record.line, shown, context, reason))
            else:
                continue
            changed = True
        return changed

    def account(self, page_text: str, drafted: Dataset) -> bool:
        """Audit the draft against its own page: a figure drafted under a wrong metric or period is taken
        out (wrong is worse than not placed); every figure the draft does not hold is listed atop it.
        True when something was taken out (the draft must be written again)."""
        from dgcli.page.audit import audit  # the same reading of the page the user's audit makes

        report = audit(page_text, drafted, page_file=self.name, source="todo-source")
        changed = False
        listed = {(c.line, c.figure) for c in self.comments}
        for finding in report.findings:
            if finding.kind == "not-on-page":
                continue
            owner = self.owners[finding.file_line - 1] if 0 < finding.file_line <= len(self.owners) else None
            if finding.kind in ("mistyped", "misplaced") and owner is not None and owner[1] in owner[2]:
                owner[2].remove(owner[1])
                changed = True
                reason = f"drafted where the page does not put it, so left out: {finding.message}"
            elif (finding.page_line, finding.printed) in listed:
                continue
            else:
                reason = finding.message
            self.comments.append(_NotPlaced(finding.page_line, finding.printed, finding.sentence, reason))
            listed.add((finding.page_line, finding.printed))
        return changed

    def write_claim(self, claim: _Claim, indent: str, *, headline: bool = False) -> list[str]:
        lines = [
            f"{indent}- id: {self.next_id('claim')}",
            f"{indent}  kind: {claim.kind}",
            f"{indent}  text: {_scalar(claim.text)}",
        ]
        if headline or len(claim.metrics) > 1:
            if len(claim.metrics) > 1 or "metrics" in KINDS[claim.kind].keys:
                lines.append(f"{indent}  metrics: [{', '.join(claim.metrics)}]")
            else:
                lines.append(f"{indent}  metric: {claim.metrics[0]}")
        if claim.baseline and claim.restated:
            lines.append(f"{indent}  to: {_scalar(claim.baseline)}")
        elif claim.baseline:
            lines.append(f"{indent}  from: {_scalar(claim.baseline)}")
        if claim.unverifiable:
            lines.append(f"{indent}  unverifiable: {_scalar(claim.unverifiable)}")
        if claim.of is not None:
            lines.append(f"{indent}  of: {{{claim.of.key}: {claim.of.name}}}")
        if claim.stated:
            lines.append(f"{indent}  stated: {_scalar(claim.stated)}")
        if claim.direction:
            lines.append(f"{indent}  direction: {claim.direction}")
        lines.append(
            f"{indent}  note: {_scalar(f'drafted from page line {claim.line}; check the kind and the figures')}"
        )
        return lines


class _Out:
    """The draft's lines, each with what wrote it (a claim or an observation, its list, its metric)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.owners: list[tuple[str, Any, list[Any], _Metric | None] | None] = []

    def add(self, lines: list[str], owner: tuple[str, Any, list[Any], "_Metric | None"] | None = None) -> None:
        self.lines += lines
        self.owners += [owner] * len(lines)


def _no_share(metric: _Metric) -> bool:
    """A percentage metric that is a rate (前年同月比, 増減率, 達成率), by its name or its figures."""
    if re.search("比|増減率|伸び率|変化率|達成率|上昇率|下落率", metric.name):
        return True
    figures = [_figure(o.value) for o in metric.observations if o.value]
    return any(f is not None and (f.negative or f.value > 100) for f in figures)


def _item(text: str) -> tuple[str, str]:
    match = re.fullmatch(r"(.+?)\s*\((.+?)から\)", text)
    if match and as_period(match[2]) is not None:
        return match[1].strip(), match[2]
    return text, ""


def _value_and_parts(printed: str) -> tuple[str, list[tuple[str, str]]]:
    """177自治体(20都府県 157市町村) → the value and its parts, named by their counter words."""
    head, _, inside = strip_marks(printed).partition("(")  # 90.6%※1: the footnote mark is no part of it
    parts = []
    for piece in inside.rstrip(")").split():
        figure = _figure(piece)
        if figure is not None:
            parts.append((figure.unit or piece, piece))
    return head.strip(), parts


def _figure(text: str) -> Figure | None:
    found = figures_in(text)
    return found[0][2] if found and found[0][1] == text.strip() else None


def _unit(value: str) -> str:
    figure = _figure(value)
    return figure.unit if figure is not None and figure.unit else ""


def _baseline(text: str) -> str:
    return baseline_in(text)  # the page reader's one grammar of periods


def _clause(sentence: str, position: int) -> str:
    """The words around a figure: from the last 、 or 。 before it to the end of its clause."""
    start = max(sentence.rfind("、", 0, position), sentence.rfind("。", 0, position)) + 1
    if start > 0 and re.match(r"[0-9]{4}年", sentence[start:position]) is None and position - start < 4:
        start = max(sentence.rfind("、", 0, start - 1), 0) + (1 if sentence.rfind("、", 0, start - 1) >= 0 else 0)
    end_candidates = [i for i in (sentence.find("、", position), sentence.find("。", position)) if i >= 0]
    end = min(end_candidates) if end_candidates else len(sentence)
    return sentence[start : end + (1 if end < len(sentence) and sentence[end] == "。" else 0)].strip()


def _newest_first(observations: list[_Observation]) -> list[_Observation]:
    def key(observation: _Observation) -> tuple[int, int]:
        period = as_period(observation.period) if observation.period else None
        return period.sort_key if period else (10**9, 0)

    return sorted(observations, key=key, reverse=True)


def _write_observation(observation: _Observation) -> list[str]:
    lines = []
    first = "          - "
    rest = "            "
    if observation.period:
        lines.append(f"{first}period: {_scalar(observation.period)}")
        first = rest
    if observation.shares:
        lines.append(f"{first}shares:")
        lines += [f"{rest}  {_scalar(answer)}: {_scalar(share)}" for answer, share in observation.shares]
    else:
        lines.append(f"{first}value: {_scalar(observation.value)}")
    if observation.parts:
        lines.append(f"{rest}parts:")
        for name, value in observation.parts:
            lines += [f"{rest}  - name: {_scalar(name)}", f"{rest}    value: {_scalar(value)}"]
    if observation.items:
        lines.append(f"{rest}items:")
        for name, since in observation.items:
            if since:
                lines += [f"{rest}  - name: {_scalar(name)}", f"{rest}    since: {_scalar(since)}"]
            else:
                lines.append(f"{rest}  - {_scalar(name)}")
    return lines


def _same_series(metrics: list[_Metric], label: str, text: str, period: Any, at_period: set[str]) -> _Metric | None:
    """A history's metric that a new label names in other words (総交付実施済数, 総公布実施済数): the one,
    in the same unit and much the same words, that has no figure at this period and whose own label
    the period does not print (two labels printed at one period are two series)."""
    import difflib

    fits = [
        m
        for m in metrics
        if m.unit == _unit(text)
        and not ({m.name, *m.aliases} & at_period)
        and all(as_period(o.period) is None or as_period(o.period) != period for o in m.observations)
        and difflib.SequenceMatcher(None, m.name, label).ratio() >= 0.6
    ]
    return fits[0] if len(fits) == 1 else None


def _own_subject(before: str) -> bool:
    """Whether the words before a sentence's first figure name a subject of their own: a topic or
    subject particle (は, が, も), not counting 「…時点では」「…には」 or 最も."""
    return re.search("[はがも]", re.sub("[でに]は|最も|いずれも", "", before)) is not None


_GENERIC = ("推移", "状況", "実績", "件数", "数", "率", "割合", "累計", "合計", "総数")
_RUN = re.compile(r"[\u4e00-\u9fff\u3005]+|[\u30a0-\u30ff]+|[A-Za-z]+")  # a run of kanji, katakana or latin


def _levels(metric: _Metric) -> dict[str, str]:
    """A metric's figures by period key ("" when it prints none there): {"2024-03-31": "512システム"}."""
    found: dict[str, str] = {}
    for observation in metric.observations:
        period = as_period(observation.period) if observation.period else None
        if period is not None and observation.value and not observation.shares:
            found[period.key] = _plain(observation.value)
    return found


def _plain(printed: str) -> str:
    return "".join(fold(printed).split())


def _one_series(metric: _Metric, histories: list[_Metric]) -> _Metric | None:
    """The one history that a metric drafted from a sentence is a figure of, or None. Conservative (a
    figure under a wrong metric is worse than one listed as not placed); every condition must hold:
    the history prints at least two figures; both are in one unit; the sentence's figure is printed,
    as written, in the history at the same period; no period both print holds two different figures;
    the two names share a word (a run of two or more kanji, katakana or latin letters, other than the
    unit and words such as 推移, 状況, 数); and exactly one history fits."""
    own = _levels(metric)
    if not own or not metric.unit:
        return None
    fits = []
    for history in histories:
        theirs = _levels(history)
        shared = own.keys() & theirs.keys()
        if (
            history is not metric
            and len(history.observations) > 1
            and history.unit == metric.unit
            and shared
            and all(own[key] == theirs[key] for key in shared)
            and _share_a_word(metric, history)
        ):
            fits.append(history)
    return fits[0] if len(fits) == 1 else None


def _share_a_word(metric: _Metric, other: _Metric) -> bool:
    """Two characters in a row of one run, in both names (利用 in 利用システム数の推移 and ガバメントクラウドを
    利用するシステム), not counting the unit's or a generic word's (推移, 数): kanji compounds are not cut."""

    def pairs(m: _Metric) -> set[str]:
        runs = [run for name in (m.name, *m.aliases) for run in _RUN.findall(strip_marks(name))]
        found = {run[i : i + 2] for run in runs for i in range(len(run) - 1)}
        return {p for p in found if p not in m.unit and not any(p in word for word in _GENERIC)}

    return bool(pairs(metric) & pairs(other))


_AROUND = 60  # characters of a long sentence a comment shows either side of its figure


def _around(context: str, figure: str) -> str:
    """A sentence as a comment cites it: whole when short, else the words around the figure, so a
    sentence of a thousand figures is not written out a thousand times (a draft linear in its page)."""
    if len(context) <= 3 * _AROUND:
        return context
    at = max(context.find(figure), 0)
    start, end = max(at - _AROUND, 0), min(at + len(figure) + _AROUND, len(context))
    return ("…" if start else "") + context[start:end] + ("…" if end < len(context) else "")


def _comment(text: str) -> str:
    """One YAML comment line: nothing in it (a newline in a file name, U+2028) can end the comment."""
    return "# " + (text if text.isprintable() else "".join(c if c.isprintable() else "?" for c in text))


_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^#]*")


def _scalar(text: str, *, flow: bool = False) -> str:
    """A YAML scalar for text: plain where that is unambiguous, else double-quoted (JSON escapes are YAML's)."""
    if not text.isprintable():  # no control character or line break
        text = "".join(c if c.isprintable() else " " for c in text)
    plain = bool(_PLAIN.fullmatch(text)) and ": " not in text and not text.endswith(":") and text == text.strip()
    if flow and any(c in text for c in ",[]{}"):
        plain = False
    return text if plain else json.dumps(text, ensure_ascii=False)


def draft(page_text: str, name: str = "page") -> str:
    """A draft indicators file for a page; DataError when the text holds no section with a figure."""
    drafter = _Drafter(read_any(page_text, name))  # text, the agency's .txt slides, or HTML
    drafter.build()
    drafter.settle_names()
    if not any(metric.observations for section in drafter.sections for metric in section.metrics):
        reason = "found no heading followed by figures to draft from; is this the text of a published page?"
        raise DataError(name, [Problem(0, 0, "", reason)])
    for _ in range(10):  # every figure placed right or listed as not placed
        text, dataset = _loading(drafter, name)
        listed = len(drafter.comments)
        if not drafter.account(page_text, dataset):
            return text if len(drafter.comments) == listed else drafter.write(name)  # comments load alike
    return _loading(drafter, name)[0]


def _loading(drafter: "_Drafter", name: str) -> tuple[str, Dataset]:
    """The draft as text and as loaded: what the loader refuses is left out with the reason, so the
    draft loads; a draft that still does not load is never returned (DataError, exit 2)."""
    text = drafter.write(name)
    problems: list[Problem] = []
    for _ in range(10):
        try:
            return text, load_dataset(Path(name), file=name, text=text)
        except DataError as error:
            problems = error.problems
            if not drafter.repair(error.problems):
                break
            text = drafter.write(name)
    first = problems[0].format("the draft") if problems else "the draft"
    raise DataError(name, [Problem(0, 0, "", f"the draft of this page would not load ({first}); nothing written")])


class Reproduction(NamedTuple):
    """How much of a reference file a draft reproduces exactly."""

    figures: int  # the reference's figures the draft holds under the same metric, period and answer or part
    figures_total: int
    claims: int  # the reference's claims the draft makes alike: metric, kind, stated figure, baseline
    claims_total: int


def measure(drafted: Dataset, reference: Dataset) -> Reproduction:
    """Compare a draft with a hand-made file of the same page: figures and claims reproduced exactly.

    A draft metric stands for a reference metric when one of its names or aliases is one of the
    reference metric's (after NFKC, case folding and footnote marks).
    """
    names = {fold(strip_marks(n)): m.id for m in drafted.metrics.values() for n in (m.name, *m.aliases)}

    def counterpart(metric: Metric) -> Metric | None:
        for name in (metric.name, *metric.aliases, metric.description):
            found = names.get(fold(strip_marks(name))) if name else None
            if found is not None:
                return drafted.metrics[found]
        return None

    figures = figures_total = claims = claims_total = 0
    drafted_claims: dict[str, list[Claim]] = {}
    for claim in drafted.claims():
        drafted_claims.setdefault(claim.metric, []).append(claim)
    for metric in reference.metrics.values():
        other = counterpart(metric)
        printed = set()
        if other is not None:
            printed = {(o.period_key, fold(n), f.text) for o in other.observations for n, f in o.figures()}
        for observation in metric.observations:
            for name, figure in observation.figures():
                figures_total += 1
                figures += (observation.period_key, fold(name), figure.text) in printed
        for claim in metric.claims:
            claims_total += 1
            claims += other is not None and any(
                _alike(claim, c, reference, drafted) for c in drafted_claims.get(other.id, [])
            )
    for section in reference.sections:
        for claim in section.claims:
            claims_total += 1
            other = counterpart(reference.metrics[claim.metric])
            claims += other is not None and any(
                _alike(claim, c, reference, drafted) for c in drafted_claims.get(other.id, [])
            )
    return Reproduction(figures, figures_total, claims, claims_total)


def _alike(claim: Claim, other: Claim, reference: Dataset, drafted: Dataset) -> bool:
    if claim.kind is not other.kind:
        return False
    if (claim.stated.text if claim.stated else "") != (other.stated.text if other.stated else ""):
        return False
    return _baseline_key(claim, reference) == _baseline_key(other, drafted)


def _baseline_key(claim: Claim, dataset: Dataset) -> str | None:
    if claim.baseline is None or claim.baseline.period is None:
        return None
    found = find_observations(dataset.metrics[claim.metric], claim.baseline, [claim.source])
    return found[0].period_key if len(found) == 1 else claim.baseline.period.key


def _related(words: str, metric: _Metric) -> bool:
    """Whether a subject in other words shares a good part of a metric's name (5 characters, or half)."""
    import difflib

    for name in (metric.name, *metric.aliases, metric.category):
        if not name:
            continue
        match = difflib.SequenceMatcher(None, words, name).find_longest_match()
        if match.size >= 5 or match.size * 2 >= len(words) > 2:
            return True
    return False
