"""Audit a page against an indicators file: every figure printed, placed where the file holds it.

A figure in a list (``- 2024年7月:9,308万枚`` under ``- マイナンバーカード``) is matched by
(metric, period, answer or part): the heading names the metric (by its name or an alias), the
label or the tab above names the period or the answer. A figure in a sentence is matched to the
claim whose text the sentence carries and whose stated figure it is, or else to the figure it
restates. Figures in a 出典 line are matched to the survey's facts. Whatever is left is reported:
figures the file lacks, holds differently, or holds under another metric or period; and, for the
chosen source, figures the file holds that the page does not print.
"""

from typing import Any

from dgcli.claims import observation_at
from dgcli.errors import DataError, Problem
from dgcli.model import Claim, Dataset, Metric, Observation
from dgcli.normalize import fold, normalize
from dgcli.numbers import Figure
from dgcli.page import Mention, Page, as_period, mentions, read_page, strip_marks
from dgcli.periods import Period

KINDS = ("differs", "misplaced", "missing", "unplaced", "not-on-page")


class Finding:
    """One figure not accounted for, located on the page (and in the file, where it has a place there)."""

    __slots__ = ("file_line", "kind", "message", "page_line", "printed", "where")

    def __init__(self, kind: str, page_line: int, printed: str, where: str, message: str, file_line: int = 0) -> None:
        self.kind, self.page_line, self.printed, self.where, self.message = kind, page_line, printed, where, message
        self.file_line = file_line


class AuditReport:
    __slots__ = ("dataset", "findings", "matched", "page_file", "printed", "source")

    def __init__(
        self, page_file: str, dataset: Dataset, source: str, printed: int, matched: int, findings: list[Finding]
    ) -> None:
        self.page_file, self.dataset, self.source = page_file, dataset, source
        self.printed, self.matched, self.findings = printed, matched, findings

    @property
    def clean(self) -> bool:
        return not self.findings

    def counts(self) -> dict[str, int]:
        return {kind: sum(f.kind == kind for f in self.findings) for kind in KINDS}


def _same(a: str, b: str) -> bool:
    """Two printed figures are the same print: NFKC, without spaces and a leading 年間."""
    return _plain(a) == _plain(b)


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

    def metric(self, heading: str) -> Metric | None:
        found = self.by_name.get(fold(strip_marks(heading)), [])
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

    def elsewhere(self, printed: str) -> list[str]:
        """Where else the file holds a figure printed like this one: "mynacard 2023-07"."""
        places = []
        for metric in self.dataset.metrics.values():
            for observation in metric.observations:
                for name, figure in observation.figures():
                    if _same(figure.text, printed):
                        places.append(
                            f"{metric.id} {observation.period_key or '(undated)'}" + (f" {name}" if name else "")
                        )
        return places


def audit(page_text: str, dataset: Dataset, *, page_file: str = "page", source: str | None = None) -> AuditReport:
    chosen = source or dataset.source.id
    page = read_page(page_text)
    index = _Index(dataset, chosen)
    findings: list[Finding] = []
    printed = mentions(page)
    if not printed:
        reason = "the page prints no figures; is this the text of a published page?"
        raise DataError(page_file, [Problem(0, 0, "", reason)])
    matched = 0
    for mention in printed:
        finding = _place(index, page, mention)
        if finding is None:
            matched += 1
        else:
            findings.append(finding)
    findings += _not_on_page(index)
    return AuditReport(page_file, dataset, chosen, len(printed), matched, findings)


def _place(index: _Index, page: Page, mention: Mention) -> Finding | None:
    if mention.kind in ("list", "share", "part", "inline"):
        return _place_listed(index, mention)
    if mention.kind == "citation":
        return _place_citation(index, mention)
    return _place_stated(index, mention)


def _where(metric: Metric, period: Period | None, name: str) -> str:
    return f"{metric.id} {period.key if period else '(undated)'}" + (f" {name}" if name else "")


def _place_listed(index: _Index, mention: Mention) -> Finding | None:
    """A list figure: its heading (or its label) names the metric; its label or tab, the period or answer."""
    metric = index.metric(mention.heading)
    period, name = mention.period, ""
    if mention.kind == "share":
        name = mention.label
    if metric is None or (mention.kind in ("list", "inline") and as_period(mention.label) is None):
        named = index.metric(mention.label)  # "- 校内での資料共有のデジタル化率※5:33%": the label is the metric
        if named is not None:
            metric = named
        elif metric is not None and mention.kind == "list":
            name = mention.label  # "- 署名用電子証明書有効性確認数:0.5億回": a part of the heading's metric
    if metric is None:
        places = index.elsewhere(mention.text)
        where = f"under {mention.heading or '(no heading)'}: {mention.label}"
        return Finding(
            "unplaced" if not places else "misplaced",
            mention.line,
            mention.text,
            where,
            f"no metric in the file is named {strip_marks(mention.heading)!r}"
            + (f"; the file holds {mention.text} as {', '.join(places)}" if places else ""),
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
            + (f"; it holds {mention.text} as {', '.join(places)}" if places else ""),
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
    also = f"; the file holds {mention.text} as {', '.join(places)}" if places else ""
    return Finding(
        "differs",
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
    sentence = _plain(mention.context)
    for claim in index.claims:
        text = _plain(claim.text)
        if not (text in sentence or sentence in text):
            continue
        own = _claimed_observation(index.dataset, claim)
        if own is not None and _same(own.figure.text, mention.text):
            index.matched.add((claim.metric, own.period_key, ""))  # the page prints the figure it claims
        if claim.stated is not None and _same(claim.stated.text, mention.text):
            return None
        if claim.stated is None and own is not None and _same(own.figure.text, mention.text):
            return None
    for metric in index.dataset.metrics.values():
        names = [metric.name, *metric.aliases]
        if not any(name and _plain(strip_marks(name)) in sentence for name in names) and fold(
            strip_marks(mention.heading)
        ) not in {fold(n) for n in names}:
            continue
        for observation in metric.observations:
            if observation.source != index.source:
                continue
            for name, figure in observation.figures():
                if _same(figure.text, mention.text):
                    index.matched.add((metric.id, observation.period_key, name))
                    return None
    if any(_plain(mention.text) in _plain(name) for name in index.names):
        return None  # part of a name ("子育て・介護26手続"), not a statistic the page reports
    return Finding(
        "missing",
        mention.line,
        mention.text,
        f"in {mention.heading or mention.section}",
        f"the sentence 「{mention.context}」 states {mention.text}; no claim or figure in the file holds it",
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
        f"出典 of {mention.section}",
        f"the 出典 line states {mention.text}; neither a survey nor a section's source: holds it",
    )


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


def to_json(report: AuditReport, schema_version: int) -> dict[str, Any]:
    return {
        "schema_version": schema_version,
        "file": report.dataset.file,
        "page": report.page_file,
        "source": report.source,
        "clean": report.clean,
        "summary": {"printed": report.printed, "matched": report.matched, **report.counts()},
        "findings": [
            {
                "kind": f.kind,
                "figure": f.printed,
                "where": f.where,
                "message": f.message,
                "page_line": f.page_line or None,
                "file_line": f.file_line or None,
            }
            for f in report.findings
        ],
    }
