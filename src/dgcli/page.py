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
from typing import NamedTuple

from dgcli.errors import ValueFormatError
from dgcli.normalize import normalize
from dgcli.numbers import Figure, parse_figure
from dgcli.periods import Period, parse_period

MARKERS_LIST = ("進捗は以下のとおりです", "進捗は以下の通りです", "主な取組は以下のとおりです", "以下のとおりです")
MARKER_RELATED = ("関連情報", "関連リンク")
MARKER_FOOTNOTES = ("脚注", "注記", "注釈")
CITATION = ("出典", "資料", "注:")
_HEDGES = "以上|以下|未満|超え|超|強|弱|近く|に近い|近い|余り|程度|前後|足らず"
# Figures in running text. Candidates are generous; each is confirmed by parse_figure, trimming a
# counter word that ran into the verb after it ("3,353件増えて" → 3,353件).
_NUMBER = r"[0-9][0-9,]*(?:\.[0-9]+)?(?:千?[万億兆](?:[0-9][0-9,]*(?:\.[0-9]+)?千?万?)?)?"
_CANDIDATE = re.compile(
    r"(?:約|およそ|おおよそ|概ね|おおむね|ほぼ)?[▲△+]?"
    rf"(?:{_NUMBER}|[一二三四五六七八九十](?=割|桁|倍)|過半数|半数)"
    r"(?:割(?:[0-9一二三四五六七八九]分(?:[0-9一二三四五六七八九]厘)?)?|%ポイント|ポイント|%|PT|pt|倍|桁)?"
    rf"(?:(?!{_HEDGES})[ァ-ヶーA-Za-z一-龥々]){{0,6}}"
    rf"(?:(?:{_HEDGES})[ァ-ヶーA-Za-z一-龥々]{{0,6}})?"  # "8割近く", "4,000以上システム"
)
# Periods in running text, masked before figures are looked for ("2023年7月から5%増加": 5% only).
_PERIOD_TEXT = re.compile(
    r"(?:(?:令和|平成|昭和)(?:元|[0-9]{1,2})|[0-9]{4})年(?:度)?(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?(?:末)?(?:時点|現在)?"
    r"(?:(?:から|〜|~|-)(?:(?:令和|平成)?[0-9]{1,4}年(?:度)?)?(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?(?:末)?)?"
    r"|[0-9]{1,2}月(?:[0-9]{1,2}日)?(?:から|まで|末)?"
    r"|※[0-9]+|第[0-9]+|[表図][0-9]+"
)
_STOP = set("増減加少達突上昇下降伸推拡進低縮")  # verbs that follow a figure's counter word (低下, 縮小)


class Line(NamedTuple):
    number: int  # 1-based, in the page as given
    text: str  # normalized (NFKC and CJK radicals)
    bullet: bool  # a "- " list line
    raw: str  # as printed

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
    kind: str  # "list", "share", "part", "sentence", "citation"


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


class Section(NamedTuple):
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
    sections: list[Section]
    footnotes: dict[str, str]
    lines: list[Line]


_LINE_END = re.compile(r"\r\n|\r|\n")
_INNER_BREAK = re.compile("[\v\f\x1c-\x1e\x85\u2028\u2029]")


def page_lines(text: str) -> list[Line]:
    """The page's lines, normalized; a list line glued to the sentence before it is split off."""
    lines: list[Line] = []
    # Numbered as editors number them: only \n, \r\n and \r end a line. str.splitlines() also
    # breaks at a form feed (pdftotext's page break), U+2028 and others, and would cite later lines wrong;
    # those are blanks inside a line here.
    for number, raw in enumerate(_LINE_END.split(text), 1):
        normalized = normalize(_INNER_BREAK.sub(" ", raw)).strip()
        if not normalized:
            continue
        pieces = re.split(r"(?<=[。．.」)])\s*(?=- )", normalized)  # "…しました。- 2024年7月"
        for piece in pieces:
            piece = piece.strip()
            bullet = piece.startswith(("- ", "・", "● ", "○ ")) or piece == "-"
            if piece.startswith(("・", "● ", "○ ")):
                piece = "- " + piece[1:].strip()
            lines.append(Line(number, piece, bullet, raw))
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
    )


def read_page(text: str) -> Page:
    """The page's structure: sections with their headline, blocks (heading, sentences, list), citation."""
    lines = page_lines(text)
    title = lines[0].text if lines else ""
    intro = lines[1].text if len(lines) > 1 and not _heading(lines[1]) else ""
    sections: list[Section] = []
    footnotes: dict[str, str] = {}
    group = ""
    index = 1 + (1 if intro else 0)
    state = "start"
    current: Section | None = None
    items_left = 0  # names listed under a count (5サービス), still to come
    while index < len(lines):
        line = lines[index]
        text = line.text
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
        elif _heading(line) and (
            state in ("start", "related", "footnotes") or current is None or _next_is_heading(lines, index)
        ):
            if index + 1 < len(lines) and _heading(lines[index + 1]) and not lines[index + 1].bullet:
                group = text  # a group heading: a section heading follows at once
            else:
                current = Section(group, text, line.number, [], [], [], [])
                sections.append(current)
                state = "headline"
        elif current is not None and state in ("headline", "start") and not line.bullet:
            current.headline.append((line.number, text))
        elif current is not None:
            state = "list"
            _read_list_line(current, line)
            items_left = _listed_items(lines, index, current.blocks[-1]) if current.blocks else 0
        index += 1
    for section in sections:
        section.blocks[:] = [_settled(block) for block in section.blocks if block.heading or block.entries]
    return Page(title, intro, sections, footnotes, lines)


def _listed_items(lines: list[Line], index: int, block: Block) -> int:
    """After ``…:5サービス`` come the five services' names, one per line: how many lines to take as items."""
    figures = [entry for entry in block.entries if entry.figure]
    if len(figures) != 1 or figures[0].line != lines[index].number or block.items:
        return 0  # items list what the current (first) figure counts
    try:
        figure = parse_figure(block.entries[-1].figure)
    except ValueFormatError:
        return 0
    wanted = int(figure.value) if figure.exact and figure.value == int(figure.value) else 0
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
    return wanted if 0 < wanted <= 50 and len(plain) == wanted and not dated else 0


def _settled(block: Block) -> Block:
    """A block whose lines each name a metric (校務DX: 校内での資料共有のデジタル化率:33%) is itself a heading
    of metrics, not a metric under the category above it."""
    if block.entries and all(as_period(entry.label) is None and not entry.period for entry in block.entries):
        return block._replace(category="")
    return block


def _next_is_heading(lines: list[Line], index: int) -> bool:
    return index + 1 < len(lines) and _heading(lines[index + 1])


def _read_list_line(section: Section, line: Line) -> None:
    """One line of a section's body: a heading, a period tab, a label:figure line, an item, a sentence."""
    blocks = section.blocks
    body = line.body
    if not line.bullet:
        if blocks:
            blocks[-1].sentences.append((line.number, body))
        else:
            section.headline.append((line.number, body))
        return
    label, figure = split_figure_line(body)
    block = blocks[-1] if blocks else None
    if figure:
        if block is not None and any(e.label == label and e.figure == figure for e in block.entries):
            return  # the list repeated after a tab (the page's layout)
        if block is None:
            block = Block(label, line.number, "", [], [], [])
            blocks.append(block)
        period = _period_heading(block)
        block.entries.append(Entry(line.number, label, figure, period))
        return
    if as_period(body) is not None and block is not None:
        block.entries.append(Entry(line.number, body, "", body))  # a period tab: its list follows
        return
    if _sentence(body) and block is not None:
        if not any(body == text for b in blocks for _, text in b.sentences):  # not a repeat of the layout
            block.sentences.append((line.number, body))
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


def figures_in(text: str) -> list[tuple[int, str, Figure]]:
    """Every figure in a sentence, with where it starts: (position, text as printed, Figure).

    Periods, footnote marks and ordinals are masked first; a candidate's counter word is trimmed
    back until the grammar reads it ("3,353件増えて" → "3,353件", "9,308万枚です" → "9,308万枚").
    """
    masked = _PERIOD_TEXT.sub(lambda m: " " * len(m[0]), text)
    found: list[tuple[int, str, Figure]] = []
    for match in _CANDIDATE.finditer(masked):
        candidate = match[0]
        if not any(c.isdigit() for c in candidate) and not re.search(
            "[一二三四五六七八九十](?:割|桁|倍)|半数", candidate
        ):
            continue
        for end in range(len(candidate), 0, -1):
            piece = candidate[:end]
            hedged = re.search(f"(?:{_HEDGES})$", piece) is not None  # 以上 ends in 上 but is no verb
            if not hedged and (piece[-1] in _STOP or piece[-1] in "のはがをにでとへもや"):
                continue
            try:
                figure = parse_figure(piece)
            except ValueFormatError:
                continue
            found.append((match.start(), piece, figure))
            break
    return found


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
    inline = inline_history(sentence) if kind == "sentence" else None
    if inline:
        period, pairs = inline
        return [
            Mention(number, text, figure, label, period, heading, section, sentence, "inline")
            for label, text, figure in pairs
        ]
    return [
        Mention(number, text, figure, "", None, heading, section, sentence, kind)
        for _, text, figure in figures_in(sentence)
    ]


def inline_history(sentence: str) -> tuple[Period, list[tuple[str, str, Figure]]] | None:
    """A history printed in one sentence: "2022年3月末累計登録数3,210万件、総交付数2,980万件" →
    the period, then (label, figure as printed, Figure) for each pair. None when it is not one."""
    match = _PERIOD_TEXT.match(sentence)
    period = as_period(match[0]) if match else None
    if match is None or period is None or match[0].endswith("から"):
        return None
    rest = sentence[match.end() :].lstrip("でのは、,: ")
    first = figures_in(rest)
    if not first or "から" in rest[: first[0][0]]:
        return None  # "2023年7月の調査から、…2.9PT増": a baseline, not the period of a history
    pairs: list[tuple[str, str, Figure]] = []
    for piece in re.split("[、，。]", rest):
        found = figures_in(piece)
        if len(found) != 1:
            continue
        start, text, figure = found[0]
        if piece[start + len(text) : start + len(text) + 1] in ("増", "減") or figure.unit == "PT":
            return None  # a change, not a level
        label = piece[:start].strip()
        if label.endswith("の"):
            continue  # "人口の約7割": a share of something, not a figure in a series
        label = label.rstrip("はが:")
        ends_in_particle = bool(label) and "\u3041" <= label[-1] <= "\u309f"  # 前年同月比で: not a name
        if label and not ends_in_particle and not any(c.isdigit() for c in label) and len(label) <= 30:
            pairs.append((label, text, figure))
    return (period, pairs) if len(pairs) >= 2 else None


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
