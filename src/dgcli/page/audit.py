"""Audit a page against an indicators file: every figure printed, placed where the file holds it.

A figure in a list (``- 2024年7月:9,308万枚`` under ``- マイナンバーカード``) is matched by
(metric, period, answer or part): the heading names the metric (by its name or an alias), the
label or the tab above names the period or the answer. A figure in a sentence is matched to the
claim whose text the sentence carries and whose stated figure it is, or else to the figure it
restates. Figures in a 出典 line are matched to the survey's facts. Whatever is left is reported:
figures the file lacks, holds differently, or holds under another metric or period; and, for the
chosen source, figures the file holds that the page does not print.
"""

import re
from typing import Any, Literal, NamedTuple, get_args

from dgcli.check.claims import observation_at
from dgcli.data.kinds import ClaimKind
from dgcli.data.model import Claim, Dataset, Metric, Observation
from dgcli.errors import DataError, Problem
from dgcli.page.inputs import read_any
from dgcli.page.reader import Mention, Page, as_period, mentions, split_figure_line, strip_marks
from dgcli.text.normalize import fold, normalize
from dgcli.text.numbers import Figure
from dgcli.text.periods import Period
from dgcli.text.scan import figures_in, set_aside

# misplaced: the page's figure sits in the file under another metric or period (a swap);
# mistyped: the right place holds another figure; direction: the page's words say the opposite
FindingKind = Literal["mistyped", "misplaced", "missing", "unplaced", "direction", "not-on-page"]
KINDS: tuple[FindingKind, ...] = get_args(FindingKind)
CHOSEN_BY = ("option", "url", "title", "default")  # how the page's source was told (JSON source_chosen_by)
JSON_VERSION = 3  # 3: "differs" split into "mistyped" and "misplaced"; sentence, column, set_aside added


class Finding:
    """One figure not accounted for, located on the page (and in the file, where it has a place there)."""

    __slots__ = ("column", "file_line", "kind", "message", "page_line", "printed", "sentence", "where")

    def __init__(
        self,
        kind: FindingKind,
        page_line: int,
        printed: str,
        where: str,
        message: str,
        file_line: int = 0,
        sentence: str = "",
        column: int = 0,
    ) -> None:
        self.kind, self.page_line, self.printed, self.where, self.message = kind, page_line, printed, where, message
        self.file_line, self.sentence, self.column = file_line, sentence, column


class SetAside(NamedTuple):
    """Something on the page that looks like a number and is no figure (a section number, a date, a URL)."""

    line: int
    text: str
    reason: str


class AuditReport:
    __slots__ = (
        "chosen_by",
        "dataset",
        "findings",
        "held",
        "matched",
        "page_file",
        "printed",
        "set_aside",
        "source",
        "verbose",
    )

    def __init__(
        self, page_file: str, dataset: Dataset, source: str, printed: int, matched: int, findings: list[Finding]
    ) -> None:
        self.page_file, self.dataset, self.source = page_file, dataset, source
        self.printed, self.matched, self.findings = printed, matched, findings
        self.set_aside: list[SetAside] = []
        self.verbose = False  # the text view lists what was set aside
        self.chosen_by = "option"  # how the source was told: option, url, title, or default
        self.held = True  # whether the file's figures were held to the page (not-on-page checked)

    @property
    def clean(self) -> bool:
        return not self.findings

    def counts(self) -> dict[str, int]:
        return {kind: sum(f.kind == kind for f in self.findings) for kind in KINDS}


def _same(a: str, b: str) -> bool:
    """Two printed figures are the same print: NFKC, without spaces and a leading 年間."""
    return _plain(a) == _plain(b)


def _brief(text: str, limit: int = 100) -> str:
    """A heading or label as a finding names it: cut at ``limit`` characters, so a page line of
    thousands of characters heading a thousand figures is not printed a thousand times whole."""
    return text if len(text) <= limit else text[:limit] + "…"


def _plain(text: str) -> str:
    return "".join(normalize(text).split()).removeprefix("年間")


class _Index:
    """The file as the page is matched against it: metrics by every name, figures by key."""

    def __init__(self, dataset: Dataset, source: str) -> None:
        self.dataset, self.source = dataset, source
        self.by_name: dict[str, list[str]] = {}
        for metric in dataset.metrics.values():
            for name in (metric.id, metric.name, metric.name_en, *metric.aliases, metric.description):
                key = fold(strip_marks(name)) if name else ""
                if key and metric.id not in self.by_name.get(key, []):
                    self.by_name.setdefault(key, []).append(metric.id)
        self.names = [
            fold(text)
            for metric in dataset.metrics.values()
            for text in (metric.name, *metric.aliases, metric.category)
            if text
        ] + [fold(text) for text in dataset.footnotes.values()]
        self.claims = [c for c in dataset.claims() if c.source == source]
        self.matched: set[tuple[str, str | None, str]] = set()  # (metric, period key, answer or part)
        self._printed: dict[str, list[str]] | None = None
        self._sections: dict[str, set[str]] | None = None
        self._grams: dict[str, set[int]] | None = None
        self._plain_claims: list[str] = []
        self._short: set[int] = set()
        self._near: dict[str, list[Claim]] = {}
        self._held: dict[str, list[tuple[Metric, Observation, str]]] | None = None
        self._names_of: dict[str, tuple[list[str], set[str]]] = {}
        self._names_text: str | None = None
        self._plain_context: dict[str, str] = {}  # a sentence's figures share its plain text ...
        self._named_in: dict[tuple[str, str], bool] = {}  # ... and which metrics it names: linear in the page

    def plain_context(self, context: str) -> str:
        found = self._plain_context.get(context)
        if found is None:
            found = self._plain_context[context] = _plain(context)
        return found

    def names_metric(self, sentence: str, metric: Metric) -> bool:
        """Whether a (plain) sentence prints one of the metric's names; once per sentence and metric."""
        key = (sentence, metric.id)
        found = self._named_in.get(key)
        if found is None:
            found = self._named_in[key] = any(n in sentence for n in self.names_of(metric)[0])
        return found

    def metric(self, heading: str, section: str = "") -> Metric | None:
        """The metric a heading names; of several named alike, the one in the page's section."""
        found = self.by_name.get(fold(strip_marks(heading)), [])
        if len(found) > 1 and section:
            if self._sections is None:
                self._sections = {}
                for s in self.dataset.sections:
                    self._sections.setdefault(fold(s.title), set()).update(s.metrics)
            mine = self._sections.get(fold(section), set())
            found = [m for m in found if m in mine]
        return self.dataset.metrics[found[0]] if len(found) == 1 else None

    def observation(self, metric: Metric, period: Period | None) -> Observation | None:
        mine = [o for o in metric.observations if o.source == self.source]
        if period is None:
            undated = [o for o in mine if o.period is None]
            return undated[0] if undated else None
        exact = [o for o in mine if o.period is not None and o.period.key == period.key]
        near = [o for o in mine if o.period is not None and (o.period.contains(period) or period.contains(o.period))]
        found = exact or near
        return found[0] if len(found) == 1 else None

    # Lookups built once, so an audit stays linear in the page even when the file grows with it
    # (a draft audited against its own page).
    _GRAM = 6

    def claims_near(self, sentence: str) -> list[Claim]:
        """The chosen source's claims whose text is in the sentence or holds it, in file order."""
        if self._grams is None:
            self._plain_claims = [_plain(c.text) for c in self.claims]
            self._grams = {}
            for i, text in enumerate(self._plain_claims):
                for start in range(max(len(text) - self._GRAM + 1, 1)):
                    self._grams.setdefault(text[start : start + self._GRAM], set()).add(i)
            self._short = {i for i, t in enumerate(self._plain_claims) if len(t) < self._GRAM}
        cached = self._near.get(sentence)  # a sentence's figures share its claims
        if cached is not None:
            return cached
        if len(sentence) < self._GRAM:
            candidates: set[int] = set(range(len(self.claims)))
        else:
            candidates = set(self._short)
            for start in range(len(sentence) - self._GRAM + 1):
                candidates |= self._grams.get(sentence[start : start + self._GRAM], set())
        found = self._near[sentence] = [
            self.claims[i]
            for i in sorted(candidates)
            if self._plain_claims[i] in sentence or sentence in self._plain_claims[i]
        ]
        return found

    def holding(self, printed: str) -> list[tuple[Metric, Observation, str]]:
        """Where the chosen source's observations print this figure: (metric, observation, answer or part)."""
        if self._held is None:
            self._held = {}
            for metric in self.dataset.metrics.values():
                for observation in metric.observations:
                    if observation.source == self.source:
                        for name, figure in observation.figures():
                            self._held.setdefault(_plain(figure.text), []).append((metric, observation, name))
        return self._held.get(_plain(printed), [])

    def names_of(self, metric: Metric) -> tuple[list[str], set[str]]:
        found = self._names_of.get(metric.id)
        if found is None:
            names = [n for n in (metric.name, *metric.aliases) if n]
            found = self._names_of[metric.id] = ([_plain(strip_marks(n)) for n in names], {fold(n) for n in names})
        return found

    def names_text(self) -> str:
        if self._names_text is None:
            self._names_text = "\x00".join(_plain(name) for name in self.names)
        return self._names_text

    _PLACES = 5  # places named in a message: a figure held in thousands of places is no quadratic report

    def elsewhere(self, printed: str) -> str:
        """Where else the file holds a figure printed like this one: "mynacard 2023-07", at most
        ``_PLACES`` of them and how many more ("" when nowhere)."""
        if self._printed is None:  # built once: a lookup per figure keeps the audit linear in the page
            self._printed = {}
            for metric in self.dataset.metrics.values():
                for observation in metric.observations:
                    for name, figure in observation.figures():
                        place = f"{metric.id} {observation.period_key or '(undated)'}" + (f" {name}" if name else "")
                        self._printed.setdefault(_plain(figure.text), []).append(place)
        places = self._printed.get(_plain(printed), [])
        more = len(places) - self._PLACES
        return ", ".join(places[: self._PLACES]) + (f" and {more} more" if more > 0 else "")


def choose_source(page_text: str, dataset: Dataset) -> str:
    """The source a page is: the one whose URL the page prints, or whose title is the page's first
    line (or printed in it); else the file's main source."""
    return which_source(page_text, dataset)[0]


def which_source(page_text: str, dataset: Dataset) -> tuple[str, str]:
    """The source a page is and how it was told: "url", "title", or "default" (the page names none)."""
    plain = _plain(page_text[:100_000])
    first = _plain(page_text.lstrip().split("\n", 1)[0]) if page_text.strip() else ""
    by_url = [s.id for s in dataset.sources if s.url and s.url.rstrip("/") in page_text]
    by_title = [s.id for s in dataset.sources if s.title and _plain(s.title) == first]
    in_text = [s.id for s in dataset.sources if s.title and _plain(s.title) in plain]
    for how, found in (("url", by_url), ("title", by_title), ("title", in_text)):
        if len(found) == 1:
            return found[0], how
    return dataset.source.id, "default"


def audit(page_text: str, dataset: Dataset, *, page_file: str = "page", source: str | None = None) -> AuditReport:
    chosen, how = (source, "option") if source else which_source(page_text, dataset)
    page = read_any(page_text, page_file)  # text, the agency's .txt slides, or HTML
    index = _Index(dataset, chosen)
    findings: list[Finding] = []
    printed = mentions(page) + heading_mentions(page)
    printed += stray_mentions(page, printed)
    if not printed:
        reason = "the page prints no figures; is this the text of a published page?"
        raise DataError(page_file, [Problem(0, 0, "", reason)])
    matched = 0
    for mention in printed:
        finding = _place(index, page, mention)
        if finding is None:
            matched += 1
        else:
            finding.sentence, finding.column = finding.sentence or mention.context, mention.column
            findings.append(finding)
    # The file's figures are held to the page only when the page is known to be their source: a page
    # that names none of the file's sources is not blamed for all the main source's figures.
    held = how != "default" or (len(dataset.sources) == 1 and not (dataset.source.url or dataset.source.title))
    findings += [f for f in _directions(index, page) if held or f.kind != "not-on-page"]
    findings += _not_on_page(index) if held else []
    report = AuditReport(page_file, dataset, chosen, len(printed), matched, findings)
    report.chosen_by, report.held = how, held
    report.set_aside = [
        SetAside(line.number, text, reason)
        for line in page.lines
        for _, text, reason in set_aside(line.text)
        if reason != "a period"
    ]
    return report


def stray_mentions(page: Page, found: list[Mention]) -> list[Mention]:
    """Figures on lines the page's structure did not take in (a line between a heading and its list,
    a history on a line of its own read as a heading): audited all the same, never skipped."""
    covered = {m.line for m in found}
    stray: list[Mention] = []
    for line in page.lines:
        if line.number in covered:
            continue
        label, shown = split_figure_line(line.body) if line.bullet else ("", "")
        period = as_period(label) if shown else None
        for position, printed, figure in figures_in(line.body):
            kind = "repeat" if period is not None else "heading"  # a list line the layout prints again
            stray.append(Mention(line.number, printed, figure, label, period, "", "", line.body, kind, position + 1))
    return stray


def heading_mentions(page: Page) -> list[Mention]:
    """Figures in the title, the lead, group and section headings, block headings and footnotes:
    audited like body text (a heading's 約7割 changed to 約9割 is a finding)."""
    found: list[Mention] = []
    first = page.lines[0].number if page.lines else 0
    second = page.lines[1].number if len(page.lines) > 1 else 0
    heads: list[tuple[int, str, str]] = [(first, page.title, "")]
    if page.intro:
        heads.append((second, page.intro, ""))
    groups: set[str] = set()
    for section in page.sections:
        if section.group and section.group not in groups:
            groups.add(section.group)
            line = next((x.number for x in page.lines if x.text == section.group), 0)
            heads.append((line, section.group, section.title))
        heads.append((section.line, section.title, section.title))
        heads += [(block.line, block.heading, section.title) for block in section.blocks if block.heading]
    for mark, note in page.footnotes.items():  # notes are audited like body text
        line = next((x.number for x in page.lines if x.text.startswith(mark) and note in x.text), 0)
        heads.append((line, note, f"footnote {mark}"))
    for line, text, section_title in heads:
        for position, printed, figure in figures_in(text):
            found.append(Mention(line, printed, figure, "", None, "", section_title, text, "heading", position + 1))
    return found


def _place(index: _Index, page: Page, mention: Mention) -> Finding | None:
    if mention.kind == "repeat" and mention.period is not None:
        key = mention.period.key  # 「2024年8月時点の調査結果:5サービス」 again after its list: held at that period?
        if any(observation.period_key == key for _, observation, _ in index.holding(mention.text)):
            return None
    if mention.kind in ("heading", "repeat"):
        return _place_stated(index, mention)
    if mention.kind in ("list", "share", "part", "inline"):
        return _place_listed(index, mention)
    if mention.kind == "citation":
        return _place_citation(index, mention)
    return _place_stated(index, mention)


def _where(metric: Metric, period: Period | None, name: str) -> str:
    return f"{metric.id} {period.key if period else '(undated)'}" + (f" {_brief(name)}" if name else "")


def _place_listed(index: _Index, mention: Mention) -> Finding | None:
    """A list figure: its heading (or its label) names the metric; its label or tab, the period or answer."""
    metric = index.metric(mention.heading, mention.section)
    period, name = mention.period, ""
    if mention.kind == "share":
        name = mention.label
    if metric is None or (mention.kind in ("list", "inline") and as_period(mention.label) is None):
        named = index.metric(
            mention.label, mention.section
        )  # "- 校内での資料共有のデジタル化率※5:33%": the label is the metric
        if named is not None:
            metric = named
        elif metric is not None and mention.kind == "list":
            name = mention.label  # "- 署名用電子証明書有効性確認数:0.5億回": a part of the heading's metric
    if metric is None:
        places = index.elsewhere(mention.text)
        where = f"under {_brief(mention.heading) or '(no heading)'}: {_brief(mention.label)}"
        return Finding(
            "unplaced" if not places else "misplaced",
            mention.line,
            mention.text,
            where,
            f"no metric in the file is named {_brief(strip_marks(mention.heading))!r}"
            + (f"; the file holds {mention.text} as {places}" if places else ""),
        )
    observation = index.observation(metric, period)
    if observation is None:
        places = index.elsewhere(mention.text)
        return Finding(
            "misplaced" if places else "missing",
            mention.line,
            mention.text,
            _where(metric, period, name),
            f"the file has no {period.text if period else 'undated'} figure of {metric.id}"
            + (f"; it holds {mention.text} as {places}" if places else ""),
            metric.line,
        )
    figure, key_name = _figure_of(observation, mention, name)
    key = (metric.id, observation.period_key, key_name)
    if figure is not None and _same(figure.text, mention.text):
        index.matched.add(key)
        return None
    if figure is None:
        return Finding(
            "missing",
            mention.line,
            mention.text,
            _where(metric, period, name),
            f"{metric.id} {observation.period_key or '(undated)'} has no {name or 'figure'} {mention.text} in the file",
            observation.line,
        )
    index.matched.add(key)
    places = index.elsewhere(mention.text)
    also = f"; the file holds {mention.text} as {places}" if places else ""
    return Finding(
        "misplaced" if places else "mistyped",
        mention.line,
        mention.text,
        _where(metric, period, key_name),
        f"the page prints {mention.text}, the file has {figure.text}{also}",
        observation.line,
    )


def _figure_of(observation: Observation, mention: Mention, name: str) -> tuple[Figure | None, str]:
    """The file's figure for this mention: the value, an answer's share, or a part (by name or by figure)."""
    figures = observation.figures()
    if mention.kind == "part":
        for part in observation.parts:
            if _same(part.figure.text, mention.text) or fold(part.name) in fold(mention.label):
                return part.figure, part.name
        return None, mention.label
    wanted = fold(strip_marks(name))
    for label, figure in figures:
        if fold(label) == wanted:
            return figure, label
    if name:
        return None, name
    return observation.figure, ""


def _place_stated(index: _Index, mention: Mention) -> Finding | None:
    """A figure in a sentence: a claim's stated figure, or a figure the file holds that it restates."""
    sentence = index.plain_context(mention.context)
    for claim in index.claims_near(sentence):
        own = _claimed_observation(index.dataset, claim)
        if own is not None and _same(own.figure.text, mention.text):
            index.matched.add((claim.metric, own.period_key, ""))  # the page prints the figure it claims
        if claim.stated is not None and _same(claim.stated.text, mention.text):
            return None
        if claim.stated is None and own is not None and _same(own.figure.text, mention.text):
            return None
    heading = fold(strip_marks(mention.heading))
    for metric, observation, name in index.holding(mention.text):
        if heading in index.names_of(metric)[1] or index.names_metric(sentence, metric):
            index.matched.add((metric.id, observation.period_key, name))
            return None
    if re.search(rf"(?<![0-9.,]){re.escape(_plain(mention.text))}(?![0-9.,])", index.names_text()):
        return None  # part of a name ("子育て・介護26手続"), not a statistic; never a fragment (2 of 2024)
    return Finding(
        "missing",
        mention.line,
        mention.text,
        f"in {_brief(mention.heading or mention.section) or 'the lead'}",
        f"the page states {mention.text} here; no claim or figure in the file holds it",
    )


def _claimed_observation(dataset: Dataset, claim: Claim) -> Observation | None:
    """The observation a claim is about (a claim with no stated figure checks its figure: a sum, a count)."""
    metric = dataset.metrics.get(claim.metric)
    return None if metric is None else observation_at(claim, dataset, metric, claim.target)


def _place_citation(index: _Index, mention: Mention) -> Finding | None:
    """A 出典 line's figures: a survey's respondents and ages, or the 出典 text the file copies."""
    value = int(mention.figure.value) if mention.figure.value == int(mention.figure.value) else None
    for survey in index.dataset.surveys.values():
        facts = {survey.age_min, survey.age_max, *(count for _, count in survey.respondents)}
        if value is not None and value in facts:
            return None
    for section in index.dataset.sections:
        if section.citation and _plain(mention.context) == _plain(section.citation):
            return None
    return Finding(
        "missing",
        mention.line,
        mention.text,
        f"出典 of {_brief(mention.section)}",
        f"the 出典 line states {mention.text}; neither a survey nor a section's source: holds it",
    )


# Words that state a direction, each with its opposite: a page that says 低下 where the file's claim
# says 上昇 contradicts it, though no figure changed.
OPPOSITES = (("上昇", "低下"), ("増加", "減少"), ("上回", "下回"), ("拡大", "縮小"), ("増え", "減っ"))
_DIRECTION_WORD = re.compile("|".join(word for pair in OPPOSITES for word in pair))


def _flipped(text: str) -> str:
    swap = {a: b for pair in OPPOSITES for a, b in (pair, pair[::-1])}
    return _DIRECTION_WORD.sub(lambda m: swap[m[0]], text)


def _directions(index: _Index, page: Page) -> list[Finding]:
    """Words without figures: the file's direction claims must be on the page as printed, and a page
    sentence that states a direction with no figure must be one of the file's claims."""
    found: list[Finding] = []
    lines = [(line.number, line.text, _plain(line.text)) for line in page.lines if not line.bullet]
    claims = [c for c in index.claims if c.kind in (ClaimKind.DIRECTION, ClaimKind.ORDERING)]
    contradicted: list[str] = []
    for claim in claims:
        text = _plain(claim.text)
        if any(text in plain for _, _, plain in lines):
            continue
        flipped = _flipped(text)
        where = next(((n, t) for n, t, plain in lines if flipped != text and flipped in plain), None)
        if where is not None:
            contradicted.append(flipped)
            found.append(
                Finding(
                    "direction",
                    where[0],
                    _DIRECTION_WORD.findall(flipped)[0],
                    f"claim {claim.id}",
                    f"the page says 「{claim_words(where[1], flipped)}」; the file's claim {claim.id} says "
                    f"「{claim.text}」",
                    claim.line,
                    where[1],
                )
            )
        else:
            found.append(
                Finding(
                    "not-on-page",
                    0,
                    claim.text,
                    f"claim {claim.id}",
                    f"the file's claim {claim.id} 「{claim.text}」 is not on the page",
                    claim.line,
                )
            )
    held = [_plain(c.text) for c in index.claims]
    for number, text, _ in lines:
        for clause in re.split("[、。]", text):
            word = _DIRECTION_WORD.search(clause)
            if word is None or figures_in(clause) or not clause.strip():
                continue
            plain = _plain(clause)
            if any(plain in claim or claim in plain for claim in [*held, *contradicted]):
                continue  # a claim of the file, or one reported above as contradicted
            found.append(
                Finding(
                    "missing",
                    number,
                    word[0],
                    f"in {_section_of(page, number)}",
                    f"the page states a direction ({word[0]}) with no figure here; no claim in the file holds it",
                    0,
                    text,
                    text.find(clause) + word.start() + 1,
                )
            )
    return found


def claim_words(sentence: str, plain_words: str) -> str:
    return plain_words if plain_words in sentence else sentence


def _section_of(page: Page, line: int) -> str:
    title = page.title
    for section in page.sections:
        if section.line <= line:
            title = section.title
    return title


def _not_on_page(index: _Index) -> list[Finding]:
    """Figures the file holds for the chosen source that the page does not print."""
    found: list[Finding] = []
    for metric in index.dataset.metrics.values():
        for observation in metric.observations:
            if observation.source != index.source:
                continue
            for name, figure in observation.figures():
                if (metric.id, observation.period_key, name) in index.matched:
                    continue
                where = f"{metric.id} {observation.period_key or '(undated)'}" + (f" {name}" if name else "")
                found.append(
                    Finding(
                        "not-on-page",
                        0,
                        figure.text,
                        where,
                        f"the file holds {figure.text} for {where}; the page does not print it",
                        observation.line,
                    )
                )
    return found


def to_json(report: AuditReport) -> dict[str, Any]:
    return {
        "schema_version": JSON_VERSION,
        "file": report.dataset.file,
        "page": report.page_file,
        "source": report.source,
        "source_chosen_by": report.chosen_by,
        "not_on_page_checked": report.held,
        "clean": report.clean,
        "summary": {"printed": report.printed, "matched": report.matched, **report.counts()},
        "findings": [
            {
                "kind": f.kind,
                "figure": f.printed,
                "where": f.where,
                "message": f.message,
                "page_line": f.page_line or None,
                "page_column": f.column or None,
                "sentence": f.sentence or None,
                "file_line": f.file_line or None,
            }
            for f in report.findings
        ],
        "set_aside": [{"page_line": a.line, "text": a.text, "reason": a.reason} for a in report.set_aside],
    }
