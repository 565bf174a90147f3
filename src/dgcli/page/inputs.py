"""The inputs people have, each read into the numbered lines the page reader takes.

One reader per input kind, one page model after it (``page.read_page``):

- text copied from a browser: the page's lines as they are;
- the agency's ``.txt`` rendering: one line per slide, slides between ``---`` lines; a slide's line
  is cut into its title and its sentences and list items, each keeping the slide's line number;
- the page saved as HTML: read with the standard library's HTML parser (never regexes over markup);
  headings, paragraphs and list items become lines, a table becomes lists (``- 見出し`` then
  ``- 期間:値``), each line numbered where its element starts in the file.
"""

import re
from html.parser import HTMLParser

from dgcli.page.reader import HEADING, Numbered, Page, read_page, split_lines
from dgcli.page.tables import RawCell, table_lines
from dgcli.text.scan import figures_in

KINDS = ("text", "slides", "html")
_SEPARATOR = re.compile(r"\s*(?:-{3,}|={3,}|ー{3,})\s*")


def kind_of(text: str, name: str = "") -> str:
    """Which reader a page needs: by the file's name, else by what its text starts with."""
    lowered = name.lower()
    start = text.lstrip()[:512].lower()
    if lowered.endswith((".html", ".htm", ".xhtml")) or start.startswith(("<!doctype html", "<html", "<?xml")):
        return "html"
    if any(_SEPARATOR.fullmatch(line) for line in split_lines(text)):
        return "slides"
    return "text"


def read_any(text: str, name: str = "") -> Page:
    """The page model of a page, whatever its input kind."""
    return read_page(numbered_lines(text, name))


def numbered_lines(text: str, name: str = "") -> Numbered:
    kind = kind_of(text, name)
    if kind == "html":
        return html_lines(text)
    if kind == "slides":
        return slide_lines(text)
    return text_lines(text)


# ── text copied from a browser, or a plain-text table ─────────────────────────────────────────

_CELL_BREAK = re.compile(r"\u3000+|\t+")  # 年度　受付件数　オンライン率: columns set apart by wide spaces or tabs


def _cells(line: str) -> list[str]:
    return [cell for cell in (c.strip() for c in _CELL_BREAK.split(line.strip())) if cell]


def text_lines(text: str) -> Numbered:
    """The page's lines as they are, but for a table laid out in plain text: a line of two or more
    column names (no figure) set apart by wide spaces or tabs, then rows of as many cells with figures,
    is read as a table (``page/tables.py``), so each cell keeps its row and column."""
    lines = list(enumerate(split_lines(text), 1))
    out: Numbered = []
    index = 0
    while index < len(lines):
        number, line = lines[index]
        head = _cells(line)
        end = index + 1
        if len(head) >= 2 and not any(figures_in(cell) for cell in head):
            while end < len(lines):
                row = _cells(lines[end][1])
                if len(row) != len(head) or not any(figures_in(cell) for cell in row[1:]):
                    break
                end += 1
        if end > index + 1:
            table: list[tuple[int, list[RawCell]]] = [(number, [(cell, True, None, None) for cell in head])]
            table += [(n, [(cell, False, None, None) for cell in _cells(row)]) for n, row in lines[index + 1 : end]]
            out += table_lines(table)
        else:
            out.append((number, line))
        index = end
    return out


# ── the agency's .txt: one line per slide ─────────────────────────────────────────────────────

_NUMBERED = r"[0-9]{1,2}[.．](?![0-9])|[(（][0-9]{1,2}[)）]|[\u2460-\u2473]"  # 1. (1) ①, never 2.5倍
_SLIDE_BREAK = re.compile(
    r"\u3000+|\t+| {2,}|(?<=[。])\s*"  # wide spaces, tabs, after 。
    rf"|\s+(?=-\s|・|※(?![0-9])|{_NUMBERED})"  # after a space: a list item (- or ・), a ※ note (※1 is a
    # footnote mark: it stays with its label), a numbered item
    r"|\s*(?=[■□◆◇●▶])"  # a mark that opens a part, wherever it stands
)
_HEAD_MARK = re.compile(r"[■□]\s*")  # ■ 利用状況: a heading's mark, left out
_ITEM_MARK = re.compile(rf"(?:[◆◇●▶]|{_NUMBERED})\s*")  # ● 利用者数:50万人, 1. …: a list item


def _slide_part(piece: str, first: bool) -> str:
    """A part of a slide as the page reader takes it: a heading's mark left out, an item's mark
    (●, ◆, 1., (1), ①) made the list marker ``- `` (a slide's title keeps its number: 1.利用状況)."""
    piece = _HEAD_MARK.sub("", piece, count=1) if _HEAD_MARK.match(piece) else piece
    mark = _ITEM_MARK.match(piece)
    if mark is not None and piece[mark.end() :] and not (first and mark[0][0] not in "◆◇●▶"):
        return "- " + piece[mark.end() :]
    return piece


def slide_lines(text: str) -> Numbered:
    """Slides between ``---`` lines. A slide written on one line is cut where its parts meet: wide
    spaces, tabs, after 。, before a list item (``- ``, ・, ●, ◆, ▶, 1., (1), ①), a ※ note or a ■
    heading; its first part is the slide's title."""
    lines: Numbered = []
    first = True  # the first line of a slide is its title
    for number, line in enumerate(split_lines(text), 1):
        if _SEPARATOR.fullmatch(line):
            first = True
            continue
        pieces = [piece.strip() for piece in _SLIDE_BREAK.split(line) if piece and piece.strip()]
        pieces = [_slide_part(piece, first and i == 0) for i, piece in enumerate(pieces)]
        if pieces and first and lines:  # the page's own title (the first line) is no slide
            pieces[0] = HEADING + pieces[0]
        lines += [(number, piece) for piece in pieces]
        first = first and not pieces
    return lines


# ── a page saved as HTML ───────────────────────────────────────────────────────────────────────

_BLOCKS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "aside",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "dt",
        "dd",
        "caption",
        "figcaption",
        "blockquote",
        "pre",
        "title",
        "br",
        "hr",
    ]
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SKIPPED = frozenset({"script", "style", "noscript", "template", "nav", "svg"})  # <head>'s <title> is read


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: Numbered = []
        self.text: list[str] = []
        self.line = 1
        self.skipping: list[str] = []
        self.bullet = False
        self.heading = False
        self.title: list[str] = []
        self.in_title = False
        self.table: list[tuple[int, list[RawCell]]] | None = None  # rows: (line, cells)
        self.cell: list[str] | None = None
        self.header_cell = False
        self.spans: tuple[str | None, str | None] = (None, None)  # the cell's rowspan and colspan as printed
        self.outer: list[
            tuple[list[tuple[int, list[RawCell]]], list[str] | None, bool, tuple[str | None, str | None]]
        ] = []

    def flush(self) -> None:
        words = " ".join("".join(self.text).split())
        if words:
            prefix = "- " if self.bullet else HEADING if self.heading else ""  # h1-h6: headings by structure
            self.lines.append((self.line, prefix + words))
        self.text, self.bullet, self.heading = [], False, False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping.append(tag)
        if self.skipping:
            return
        if tag == "title":
            self.in_title = True
        elif tag == "table":
            self.flush()
            if self.table is not None:  # a table in a cell: read as its own, the outer one kept whole
                self.outer.append((self.table, self.cell, self.header_cell, self.spans))
            self.table, self.cell = [], None
        elif tag == "tr" and self.table is not None:
            self.end_cell()  # a cell left unclosed (<td>a<tr>) ends where the next row starts
            self.table.append((self.getpos()[0], []))
        elif tag in ("td", "th") and self.table is not None:
            self.end_cell()
            self.cell, self.header_cell = [], tag == "th"
            found = dict(attrs)
            self.spans = (found.get("rowspan"), found.get("colspan"))
        elif tag in _BLOCKS:
            self.flush()
            self.line = self.getpos()[0]
            self.bullet = tag == "li"
            self.heading = tag in _HEADINGS

    def end_cell(self) -> None:
        if self.table is not None and self.cell is not None:
            if self.table:
                text = " ".join("".join(self.cell).split())
                self.table[-1][1].append((text, self.header_cell, *self.spans))
            self.cell = None

    def end_table(self) -> None:
        """The innermost table ends: its lines are read; the table around it, if any, goes on."""
        self.end_cell()
        if self.table is not None:
            self.lines += table_lines(self.table)
        self.table = None
        if self.outer:
            self.table, self.cell, self.header_cell, self.spans = self.outer.pop()

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if tag == "title":
            self.in_title = False
        elif tag in ("td", "th") and self.table is not None:
            self.end_cell()
        elif tag == "table" and self.table is not None:
            self.end_table()
        elif tag in _BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.in_title:
            self.title.append(data)
        elif self.cell is not None:
            self.cell.append(data)
        elif self.table is None or data.strip():  # words in a table outside its cells: a browser shows them
            if not self.text:
                self.line = self.getpos()[0]
            self.text.append(data)


def html_lines(text: str) -> Numbered:
    reader = _Reader()
    reader.feed(text)
    reader.close()
    while reader.table is not None:  # a table never closed: read all the same, never dropped
        reader.end_table()
    reader.flush()
    title = " ".join("".join(reader.title).split())
    lines = reader.lines
    if lines:  # the page's own title is no section heading
        lines[0] = (lines[0][0], lines[0][1].removeprefix(HEADING))
    if title and (not lines or lines[0][1] != title):
        lines = [(1, title), *lines]
    return lines
