"""Read a published page's text: its headings, lists and sentences, and every figure it prints.

The page is text as a user copies it from the web page or the agency's .txt version: headings on
lines of their own, lists as ``- label:figure`` lines (sometimes glued to the sentence before them,
``…しました。- 2024年7月:9,308万枚``), a tab's label repeated after its list, 出典 lines, 関連情報 links
and footnotes. ``read_page`` turns it into sections of blocks (a heading and what follows it);
``figures_in`` finds the figures of a sentence with the same grammar ``numbers.parse_figure`` reads,
so what audit and draft extract is what verify checks (statcheck's lesson).

Nothing here knows the indicators file: ``audit`` matches a page against one, ``draft`` writes one.
"""

import re
from decimal import Decimal
from itertools import islice
from typing import NamedTuple

from dgcli.errors import ValueFormatError
from dgcli.text.normalize import normalize
from dgcli.text.numbers import PERCENT, Figure, Hedge, parse_figure
from dgcli.text.periods import Period, parse_period
from dgcli.text.scan import PERIOD_TEXT, figures_in

MARKERS_LIST = ("進捗は以下のとおりです", "進捗は以下の通りです", "主な取組は以下のとおりです", "以下のとおりです")
MARKER_RELATED = ("関連情報", "関連リンク")
MARKER_FOOTNOTES = ("脚注", "注記", "注釈")
CITATION = ("出典", "資料", "注:", "(注)", "注)")  # (注) 集計対象は1,741団体: a note on the figures, naming none
MAX_ITEMS = 50  # names listed one per line under a count (5サービス): more would be no list but a table


class Line(NamedTuple):
    number: int  # 1-based, in the page as given
    text: str  # normalized (NFKC and CJK radicals)
    bullet: bool  # a "- " list line
    raw: str  # as printed
    heading: bool = False  # a heading by the input's own structure (a slide's title), not by guess

    @property
    def body(self) -> str:
        return self.text[2:].strip() if self.bullet else self.text


class Mention(NamedTuple):
    """One figure printed on the page, where it stands and what it is a figure of."""

    line: int
    text: str  # the figure as printed ("9,308万枚")
    figure: Figure
    label: str  # what the list line names ("2024年7月", "良いと思う", "iOS"), or "" in a sentence
    period: Period | None  # the label's period, or the list's period heading
    heading: str  # the block heading above it ("マイナンバーカード")
    section: str  # the section title
    context: str  # the whole line or sentence
    kind: str  # "list", "share", "part", "sentence", "inline", "citation", "heading"
    column: int = 0  # 1-based, in the sentence or line it stands in (0 when unknown)


class Entry(NamedTuple):
    """A list line inside a block: ``- label:figure`` (figure may be ""), under a period heading."""

    line: int
    label: str
    figure: str
    period: str  # the period heading it sits under, as printed ("" when none)


class Block(NamedTuple):
    heading: str
    line: int
    category: str  # the heading above it that has no figures of its own ("データ連携")
    sentences: list[tuple[int, str]]
    entries: list[Entry]
    items: list[tuple[int, str]]  # listed names under a count ("マイナポータル(2017年11月から)")


class PageSection(NamedTuple):
    group: str
    title: str
    line: int
    headline: list[tuple[int, str]]
    citation: list[tuple[int, str]]
    related: list[str]
    blocks: list[Block]


class Page(NamedTuple):
    title: str
    intro: str
    sections: list[PageSection]
    footnotes: dict[str, str]
    lines: list[Line]


def split_lines(text: str) -> list[str]:
    """Lines as an editor numbers them: only \\n, \\r\\n and \\r end a line (str.splitlines also
    breaks at a form feed, U+2028 and others, and would shift every line cited after them)."""
    lines = re.split(r"\r\n|\r|\n", text)
    return lines[:-1] if lines and lines[-1] == "" else lines


Numbered = list[tuple[int, str]]  # lines as an input reader gives them: (line in the file, text)
HEADING = "\x1e"  # an input reader starts a line it knows to be a heading with this (never printable)


def page_lines(text: str | Numbered) -> list[Line]:
    """The page's lines, normalized; a list line glued to the sentence before it is split off.
    Text is split into lines here; an input reader (HTML, slides) gives numbered lines of its own."""
    lines: list[Line] = []
    numbered = enumerate(split_lines(text), 1) if isinstance(text, str) else text
    for number, raw in numbered:
        known = raw.startswith(HEADING)
        raw = raw.removeprefix(HEADING)
        # no control character or line break inside a line (U+2028, NEL): they could end a YAML comment
        normalized = normalize(raw)
        if not normalized.isprintable():
            normalized = "".join(c if c.isprintable() else " " for c in normalized)
        normalized = normalized.strip()
        if not normalized:
            continue
        pieces = re.split(r"(?<=[。．.」)])\s*(?=- )", normalized)  # "…しました。- 2024年7月"
        for piece in pieces:
            piece = piece.strip()
            bullet = piece.startswith(("- ", "・", "● ", "○ ")) or piece == "-"
            if piece.startswith(("・", "● ", "○ ")):
                piece = "- " + piece[1:].strip()
            lines.append(Line(number, piece, bullet, raw, known and not bullet))
    return lines


def split_figure_line(body: str) -> tuple[str, str]:
    """``label:figure`` → (label, figure); a line with no figure after a colon is all label."""
    label, colon, figure = body.rpartition(":")
    if not colon:
        return body, ""
    figure = figure.strip()
    for prefix in ("年間", "累計", "計", "合計"):
        if figure.startswith(prefix) and len(figure) > len(prefix):
            figure = figure[len(prefix) :].strip()
    if figure and _is_figure(figure.split("(")[0].strip()):
        return label.strip(), figure
    return body, ""


def _is_figure(text: str) -> bool:
    try:
        parse_figure(text)
    except ValueFormatError:
        return False
    return True


def as_period(text: str) -> Period | None:
    try:
        return parse_period(text)
    except ValueFormatError:
        return None


def _sentence(text: str) -> bool:
    return "。" in text or text.endswith(("です", "ました", "ます"))


_ORGANISATION = re.compile(r".{1,20}(?:省|庁|局|課|部|室|センター|委員会)(?:\s.{1,20}(?:課|室|係))?")


def _heading(line: Line) -> bool:
    """A heading: a short line of its own, not a sentence, not a marker, not a date or a byline."""
    text = line.text
    return (
        not line.bullet
        and not _sentence(text)
        and not text.startswith(CITATION)
        and text not in MARKER_RELATED
        and text not in MARKER_FOOTNOTES
        and len(text) <= 60
        and as_period(text) is None  # 令和6年10月1日: when it was published
        and _ORGANISATION.fullmatch(text) is None  # 厚生労働省職業安定局: who published it
        and len(figures_in(text)) < 2  # 2021年8月末申請件数5,113万件、交付数4,757万件: a history, no heading
    )


def read_page(text: str | Numbered) -> Page:
    """The page's structure: sections with their headline, blocks (heading, sentences, list), citation."""
    lines = page_lines(text)
    title = lines[0].text if lines else ""
    intro = lines[1].text if len(lines) > 1 and not _heading(lines[1]) and not lines[1].bullet else ""
    sections: list[PageSection] = []
    footnotes: dict[str, str] = {}
    group = ""
    index = 1 + (1 if intro else 0)
    state = "start"
    current: PageSection | None = None
    items_left = 0  # names listed under a count (5サービス), still to come
    reading = _Reading()
    while index < len(lines):
        line = lines[index]
        text = line.text
        if current is None and state == "start" and (line.bullet or (not _heading(line) and figures_in(text))):
            current = PageSection("", title, lines[0].number, [], [], [], [])  # figures under the title: its section
            sections.append(current)
        if text in MARKER_FOOTNOTES:
            state = "footnotes"
        elif state == "footnotes" and (match := re.match(r"(※[0-9]+)\s*:?\s*(.+)", text)):
            footnotes[match[1]] = match[2]
        elif text in MARKER_RELATED:
            state = "related"
        elif state == "related" and line.bullet and current is not None:
            current.related.append(line.body)
        elif text.startswith(CITATION) and current is not None:
            current.citation.append((line.number, text))
        elif text.startswith(MARKERS_LIST) and current is not None:
            state = "list"
            if current.blocks:
                current.blocks.append(Block("", line.number, "", [], [], []))  # a new list: no category carries over
        elif items_left and current is not None and current.blocks:
            current.blocks[-1].items.append((line.number, line.body))
            items_left -= 1
        elif (line.heading and not _sentence(text)) or (
            _heading(line)
            and (
                state in ("start", "related", "footnotes")
                or current is None
                or _next_is_heading(lines, index)
                or (state == "headline" and bool(current.headline) and _next_is_prose(lines, index))
                or _NUMBERED_HEADING.match(text) is not None  # 2.2 オンライン申請の満足度
                or (state == "list" and _next_is_figure_list(lines, index))  # a second list after a list
            )
        ):
            following = lines[index + 1] if index + 1 < len(lines) else None
            if (
                following is not None
                and not following.bullet
                and (following.heading if line.heading else _heading(following))
            ):
                group = text  # a group heading: a section heading follows at once
            else:
                current = PageSection(group, text, line.number, [], [], [], [])
                sections.append(current)
                state = "headline"
        elif current is not None and state in ("headline", "start") and not line.bullet:
            current.headline.append((line.number, text))
        elif current is not None:
            state = "list"
            _read_list_line(current, line, reading)
            items_left = _listed_items(lines, index, current.blocks[-1]) if current.blocks else 0
        index += 1
    if not sections and intro and figures_in(intro):  # a title and a sentence: the title heads the sentence
        sections.append(PageSection("", title, lines[0].number, [(lines[1].number, intro)], [], [], []))
        intro = ""
    elif sections and sections[0].title == title and sections[0].line == lines[0].number and intro:
        sections[0].headline.insert(0, (lines[1].number, intro))  # the lead opens the title's own section
        intro = ""
    for section in sections:
        section.blocks[:] = [_settled(block) for block in section.blocks if block.heading or block.entries]
        for i, block in enumerate(section.blocks):
            if _named_after_first(block):  # a list of named figures right after prose: not named after its first
                heading = section.title if answers(block.entries) else ""  # the question's answers, or metrics
                block = section.blocks[i] = block._replace(heading=heading)
            if not block.heading and block.entries:  # named by the sentence before it, or the section
                named = re.sub(r"^[0-9.]+ ?", "", section.title) or section.title  # 2.2 満足度 → 満足度
                section.blocks[i] = block._replace(heading=_topic(section, block) or named)
    return Page(title, intro, sections, footnotes, lines)


def _named_after_first(block: Block) -> bool:
    """A list of two or more named figures with no heading, which the reader named after its first line
    (「- マイナポータル:48.2%」 is no heading of 「- e-Tax:35.6%」)."""
    entries = block.entries
    return (
        len(entries) >= 2
        and block.heading == entries[0].label
        and all(e.figure and not e.period and as_period(e.label) is None for e in entries)
    )


def answers(entries: list[Entry]) -> bool:
    """Shares with no period that add up to 100% within the rounding of each (ある:58.3%, ない:39.1%,
    無回答:2.6%): the answers of one question, one metric, not a metric per answer. Independent rates
    rarely add up to 100 exactly."""
    if len(entries) < 2 or any(entry.period or as_period(entry.label) is not None for entry in entries):
        return False
    values = []
    for entry in entries:
        found = figures_in(entry.figure)  # 58.3%(前回55.1%): the share, then the last survey's
        if not found or found[0][0] != 0:
            return False
        figure = found[0][2]
        if figure.unit != PERCENT or figure.hedge is not Hedge.NONE:
            return False
        values.append(figure.value)
    slack = sum((Decimal(5).scaleb(min(0, int(v.as_tuple().exponent)) - 1) for v in values), Decimal(0))  # ±0.05
    return abs(sum(values, Decimal(0)) - 100) <= slack


def _listed_items(lines: list[Line], index: int, block: Block) -> int:
    """After ``…:5サービス`` come the five services' names, one per line: how many lines to take as items."""
    last = block.entries[-1] if block.entries else None
    if last is None or not last.figure or last.line != lines[index].number or block.items:
        return 0  # items list what the current (first) figure counts
    if any(entry.figure for entry in islice(reversed(block.entries), 1, None)):  # stops at the figure before:
        return 0  # linear over the whole list
    try:
        figure = parse_figure(block.entries[-1].figure)
    except ValueFormatError:
        return 0
    wanted = int(figure.value) if figure.exact and figure.value == int(figure.value) else 0
    if not 0 < wanted <= MAX_ITEMS:
        return 0  # 9,308万 is no count of list lines: bound the guess before reading ahead
    following = lines[index + 1 : index + 1 + wanted]
    plain = [
        line
        for line in following
        if line.bullet
        and not split_figure_line(line.body)[1]
        and as_period(line.body) is None
        and not _sentence(line.body)
    ]
    after = lines[index + 1 + wanted] if index + 1 + wanted < len(lines) else None
    repeated = after is not None and after.text == lines[index].text  # the tab repeats after its list
    dated = after is not None and after.bullet and as_period(split_figure_line(after.body)[0]) is not None
    dated = dated and not repeated
    return wanted if len(plain) == wanted and not dated else 0


_TOPIC_LOOKBACK = 8  # sentences a list's topic is looked for in: a bound, so naming lists stays linear in the page


def _topic(section: PageSection, block: Block) -> str:
    """What the list after the section's sentences is about: the subject of the sentence that prints one of
    its figures (「移行済団体数は…約1,200団体となり」 over - 令和6年3月末:約1,200団体), else of the last sentence
    (「保有率は2023年8月末に71.4%となり…」 → 保有率) unless that one's figures are of another unit than the
    list's (「運用経費は前年度比▲3.2%」 names no list of 団体)."""
    listed = {entry.figure for entry in block.entries if entry.figure}
    units = {_unit_of(text) for text in listed}
    for index in range(len(section.headline) - 1, max(-1, len(section.headline) - 1 - _TOPIC_LOOKBACK), -1):
        sentence = section.headline[index][1]
        printed = {text for _, text, _ in figures_in(sentence)}
        last = index == len(section.headline) - 1
        if printed & listed or (last and (not printed or {_unit_of(text) for text in printed} & units)):
            subject = sentence.split("は")[0] if "は" in sentence else ""
            fits = 0 < len(subject) <= 30 and not figures_in(subject) and as_period(subject) is None
            return subject if fits else ""
    return ""


def _unit_of(text: str) -> str:
    try:
        return parse_figure(text).unit
    except ValueFormatError:
        return ""


def _settled(block: Block) -> Block:
    """A block whose lines each name a metric (校務DX: 校内での資料共有のデジタル化率:33%) is itself a heading
    of metrics, not a metric under the category above it."""
    if block.entries and all(as_period(entry.label) is None and not entry.period for entry in block.entries):
        return block._replace(category="")
    return block


_NUMBERED_HEADING = re.compile(r"(?:[0-9]+\.)+[0-9]* ?[^\s0-9.%,]|[0-9]+\.[0-9]+ ")


def _next_is_prose(lines: list[Line], index: int) -> bool:
    """A heading in prose: a short line with no figure, then a sentence (保有率の推移 / 保有率は…)."""
    line = lines[index]
    following = lines[index + 1] if index + 1 < len(lines) else None
    return (
        following is not None
        and not following.bullet
        and _sentence(following.text)
        and not following.text.startswith(MARKERS_LIST)
        and not figures_in(line.text)
    )


def _next_is_figure_list(lines: list[Line], index: int) -> bool:
    """A line of its own with no figure, then a list of figures (運用経費の前年比 / - 2024年度:▲3.2%, or
    問2 … / - 持っている:74.5%): the heading of a new list, not a sentence under the list before it."""
    following = lines[index + 1] if index + 1 < len(lines) else None
    if following is None or not following.bullet or figures_in(lines[index].text):
        return False
    return bool(split_figure_line(following.body)[1])


def _next_is_heading(lines: list[Line], index: int) -> bool:
    return index + 1 < len(lines) and _heading(lines[index + 1])


class _Reading:
    """What reading a section's lines has seen so far, kept as sets and counters so that a list of
    100,000 lines is read in linear time (a scan of the block per line was quadratic)."""

    def __init__(self) -> None:
        self.section: PageSection | None = None
        self.sentences: set[str] = set()  # every block sentence of the section
        self.block: Block | None = None
        self.entries: set[tuple[str, str]] = set()  # (label, figure) of the block's entries
        self.tab = ""  # the block's last period tab

    def of(self, section: PageSection, block: Block | None) -> "_Reading":
        if section is not self.section:
            self.section, self.sentences = section, {text for b in section.blocks for _, text in b.sentences}
        if block is not self.block:
            self.block = block
            entries = block.entries if block is not None else []
            self.entries = {(e.label, e.figure) for e in entries if e.figure}
            self.tab = _period_heading(block) if block is not None else ""
        return self


def _read_list_line(section: PageSection, line: Line, reading: _Reading | None = None) -> None:
    """One line of a section's body: a heading, a period tab, a label:figure line, an item, a sentence."""
    blocks = section.blocks
    body = line.body
    seen = (reading or _Reading()).of(section, blocks[-1] if blocks else None)
    if not line.bullet:
        if blocks:
            blocks[-1].sentences.append((line.number, body))
            seen.sentences.add(body)
        else:
            section.headline.append((line.number, body))
        return
    label, figure = split_figure_line(body)
    block = blocks[-1] if blocks else None
    if figure:
        if block is not None and (label, figure) in seen.entries:
            return  # the list repeated after a tab (the page's layout)
        if block is None:  # a list right after the prose: no heading names it (a period is no name)
            block = Block(label if as_period(label) is None else "", line.number, "", [], [], [])
            blocks.append(block)
            seen.of(section, block)
        block.entries.append(Entry(line.number, label, figure, seen.tab))
        seen.entries.add((label, figure))
        return
    if as_period(body) is not None:
        if block is None:  # a period tab first: the list has no heading of its own (named later)
            block = Block("", line.number, "", [], [], [])
            blocks.append(block)
            seen.of(section, block)
        block.entries.append(Entry(line.number, body, "", body))  # a period tab: its list follows
        seen.tab = body
        return
    if _sentence(body) and block is None:  # ○ 導入企業の割合は49.9%となり…: a bulleted sentence heads no list
        section.headline.append((line.number, body))
        return
    if _sentence(body) and block is not None:
        if body not in seen.sentences:  # not a repeat of the layout
            block.sentences.append((line.number, body))
            seen.sentences.add(body)
        return
    if block is not None and _repeats(blocks, body):
        return  # a tab or heading repeated after its content (the page's layout, not new content)
    category = ""
    if block is not None and not block.entries and not block.sentences and not block.items and block.heading:
        blocks.pop()  # a heading with nothing under it heads the ones that follow
        category = block.heading
    elif block is not None:
        category = block.category
    blocks.append(Block(body, line.number, category, [], [], []))


def _period_heading(block: Block) -> str:
    for entry in reversed(block.entries):
        if not entry.figure:
            return entry.period
    return ""


def _repeats(blocks: list[Block], body: str) -> bool:
    if any(body == block.heading or body == block.category for block in blocks[-3:]):
        return True
    return any(body == entry.label and not entry.figure for block in blocks[-1:] for entry in block.entries)


def mentions(page: Page) -> list[Mention]:
    """Every figure the page prints, in page order, with the label, period and heading around it."""
    found: list[Mention] = []
    for section in page.sections:
        for number, sentence in section.headline:
            found += _sentence_mentions(number, sentence, "", section.title, "sentence")
        for block in section.blocks:
            for number, sentence in block.sentences:
                found += _sentence_mentions(number, sentence, block.heading, section.title, "sentence")
            for entry in block.entries:
                if not entry.figure:
                    continue
                found += _entry_mentions(entry, block, section.title)
        for number, citation in section.citation:
            found += _sentence_mentions(number, citation, "", section.title, "citation")
    return found


def _sentence_mentions(number: int, sentence: str, heading: str, section: str, kind: str) -> list[Mention]:
    """A sentence's figures: those of a history it prints (each at its period, under its label), then
    the rest, each with the period it stands under in the sentence (the last one printed before it)."""
    history = history_in(sentence) if kind == "sentence" else []
    taken = {point.position for point in history}
    found = [
        Mention(number, p.text, p.figure, p.label, p.period, heading, section, sentence, "inline", p.position + 1)
        for p in history
    ]
    periods = periods_in(sentence)
    for position, text, figure in figures_in(sentence):
        if position in taken:
            continue
        context = next((period for at, period, _ in reversed(periods) if at < position), None)
        found.append(Mention(number, text, figure, "", context, heading, section, sentence, kind, position + 1))
    return sorted(found, key=lambda m: m.column)


class HistoryPoint(NamedTuple):
    """One figure of a history printed in a sentence: where it starts, its period, its label."""

    position: int
    period: Period
    label: str
    text: str
    figure: Figure


_BASELINE_AFTER = ("から", "比", "と比", "に比", "より", "以降", "の調査から")


def periods_in(sentence: str) -> list[tuple[int, Period, bool]]:
    """Every period printed in a sentence: (position, Period, whether it is a baseline such as
    「2023年7月から」 rather than the period of what follows it)."""
    found = []
    for match in PERIOD_TEXT.finditer(sentence):
        text = match[0]
        period = as_period(text) or as_period(re.sub("(から|まで)$", "", text))
        if period is None:
            continue
        after = sentence[match.end() : match.end() + 6]
        baseline = "から" in text or after.startswith(_BASELINE_AFTER)
        found.append((match.start(), period, baseline))
    return found


_FROM = re.compile(r"(?:時点)?[)）]?(?:の[^、。]*?)?から")  # 前回調査(2023年)から: the period in brackets


def baseline_in(text: str) -> str:
    """The last period a text counts a change from, as printed: 「2023年7月の意識調査から、…2.9PT増」 →
    2023年7月; 「2023年度から3,353件増えて」 → 2023年度. "" when there is none."""
    found = ""
    for match in PERIOD_TEXT.finditer(text):
        printed = match[0]
        rest = text[match.end() :]
        if printed.endswith("から"):
            printed, rest = printed.removesuffix("から"), "から" + rest
        elif any(word in printed for word in ("から", "〜", "~")):
            continue  # a span (2023年8月から2024年7月), not a baseline
        printed = re.sub("(?:時点|現在)$", "", printed)
        if _FROM.match(rest) and as_period(printed) is not None:
            found = printed
    return found


def history_in(sentence: str) -> list[HistoryPoint]:
    """A history printed in one sentence, each period carrying over to the figures after it until the
    next: 「…の普及状況2021年8月末累計申請件数5,113万件、総交付数4,757万件、2022年8月末累計申請件数6,406万件…」
    → (2021年8月末, 累計申請件数, 5,113万件), (2021年8月末, 総交付数, 4,757万件), (2022年8月末, …).
    Empty when the sentence is no history (fewer than two labelled levels, or a change from a baseline)."""
    every = periods_in(sentence)
    if not every or any(baseline for _, _, baseline in every):
        return []
    points: list[HistoryPoint] = []
    bounds = [at for at, _, _ in every] + [len(sentence)]
    # 「受付件数は、令和4年度は1,250万件、令和5年度は1,480万件…」: the subject names the figures that have no label
    subject = re.fullmatch(r"(.+?)(?:は|では)[、,]?", sentence[: every[0][0]])
    named = subject[1] if subject is not None else ""
    for (at, period, _), stop in zip(every, bounds[1:], strict=True):
        match = PERIOD_TEXT.match(sentence, at)
        offset = match.end() if match else at
        for piece in re.split("([、，。])", sentence[offset:stop]):
            points += _history_pair(piece, offset, period, named)
            offset += len(piece)
    for point in points:
        if point.figure.unit == "PT" or sentence[point.position + len(point.text) :].startswith(("増", "減")):
            return []  # a change, not a level
    return points if len(points) >= 2 else []


def _history_pair(piece: str, offset: int, period: Period, subject: str = "") -> list[HistoryPoint]:
    stripped = piece.lstrip("でのは、,: ")
    offset += len(piece) - len(stripped)
    found = figures_in(stripped)
    if len(found) != 1:
        return []
    start, text, figure = found[0]
    label = stripped[:start].strip() or subject  # 令和5年度は1,480万件: the sentence's subject's figure
    if label.endswith("の"):
        return []  # "人口の約7割": a share of something, not a figure in a series
    label = label.rstrip("はが:")
    ends_in_particle = bool(label) and "\u3041" <= label[-1] <= "\u309f"  # 前年同月比で: not a name
    if not label or ends_in_particle or any(c.isdigit() for c in label) or len(label) > 30:
        return []
    return [HistoryPoint(offset + start, period, label, text, figure)]


def inline_history(sentence: str) -> tuple[Period, list[tuple[str, str, Figure]]] | None:
    """The first period of a sentence's history and its (label, figure as printed, Figure) pairs."""
    points = history_in(sentence)
    if not points:
        return None
    first = points[0].period
    return first, [(p.label, p.text, p.figure) for p in points if p.period == first]


def _entry_mentions(entry: Entry, block: Block, section: str) -> list[Mention]:
    """A list line's figure, and the parts in parentheses after it: 177自治体(20都府県 157市町村), or a
    comparison there (612戸(前年同月比▲8.1%)), read as a sentence is."""
    head, _, inside = strip_marks(entry.figure).partition("(")
    found: list[Mention] = []
    label_period = as_period(entry.label)
    period = label_period or (as_period(entry.period) if entry.period else None)
    kind = "list" if label_period is not None or not entry.period else "share"
    try:
        figure = parse_figure(head.strip())
    except ValueFormatError:
        return found
    context = f"{entry.label}:{entry.figure}"
    found.append(Mention(entry.line, head.strip(), figure, entry.label, period, block.heading, section, context, kind))
    inside = inside.rstrip(")")
    parts = inside.split()
    if parts and all(_is_figure(part) for part in parts):
        for part in parts:
            found.append(
                Mention(entry.line, part, parse_figure(part), part, period, block.heading, section, context, "part")
            )
    elif inside:
        found += [
            m._replace(period=period, label=entry.label)
            for m in _sentence_mentions(entry.line, inside, block.heading, section, "sentence")
        ]
    return found


def strip_marks(text: str) -> str:
    """A heading or name without footnote marks: "情報連携数※2" → "情報連携数"."""
    return re.sub(r"※[0-9]+", "", text).strip()
