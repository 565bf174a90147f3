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

from dgcli.page.reader import HEADING, Numbered, Page, as_period, read_page, split_lines

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
    return list(enumerate(split_lines(text), 1))


# ── the agency's .txt: one line per slide ─────────────────────────────────────────────────────

_SLIDE_BREAK = re.compile(r"\u3000+|\t+| {2,}|(?<=[。])\s*|\s+(?=[-・]\s)")


def slide_lines(text: str) -> Numbered:
    """Slides between ``---`` lines. A slide written on one line is cut where its parts meet: wide
    spaces, tabs, after 。 and before a list marker; its first part is the slide's title."""
    lines: Numbered = []
    first = True  # the first line of a slide is its title
    for number, line in enumerate(split_lines(text), 1):
        if _SEPARATOR.fullmatch(line):
            first = True
            continue
        pieces = [piece.strip() for piece in _SLIDE_BREAK.split(line) if piece and piece.strip()]
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
_SKIPPED = frozenset({"script", "style", "noscript", "template", "nav", "svg"})  # <head>'s <title> is read


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: Numbered = []
        self.text: list[str] = []
        self.line = 1
        self.skipping: list[str] = []
        self.bullet = False
        self.title: list[str] = []
        self.in_title = False
        self.table: list[tuple[int, list[tuple[str, bool]]]] | None = None  # rows: (line, cells)
        self.cell: list[str] | None = None
        self.header_cell = False

    def flush(self) -> None:
        words = " ".join("".join(self.text).split())
        if words:
            self.lines.append((self.line, f"- {words}" if self.bullet else words))
        self.text, self.bullet = [], False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping.append(tag)
        if self.skipping:
            return
        if tag == "title":
            self.in_title = True
        elif tag == "table":
            self.flush()
            self.table = []
        elif tag == "tr" and self.table is not None:
            self.table.append((self.getpos()[0], []))
        elif tag in ("td", "th") and self.table is not None:
            self.cell, self.header_cell = [], tag == "th"
        elif tag in _BLOCKS:
            self.flush()
            self.line = self.getpos()[0]
            self.bullet = tag == "li"

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if tag == "title":
            self.in_title = False
        elif tag in ("td", "th") and self.table is not None and self.cell is not None:
            if self.table:
                self.table[-1][1].append((" ".join("".join(self.cell).split()), self.header_cell))
            self.cell = None
        elif tag == "table" and self.table is not None:
            self.lines += _table_lines(self.table)
            self.table = None
        elif tag in _BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.in_title:
            self.title.append(data)
        elif self.cell is not None:
            self.cell.append(data)
        elif self.table is None:
            if not self.text:
                self.line = self.getpos()[0]
            self.text.append(data)


def _table_lines(table: list[tuple[int, list[tuple[str, bool]]]]) -> Numbered:
    """A table as the page reader's lists, each line numbered where its row starts. Rows of periods
    (時点 | 交付枚数 | 交付率): one list per column, ``- 交付枚数`` then ``- 2024年9月末:9,318万枚``; rows of
    names (項目 | 2023年 | 2024年): one list per row; two columns: ``- name:value`` lines."""
    rows = [(line, cells) for line, cells in table if cells]
    if not rows:
        return []
    head_line, first = rows[0]
    header = [text for text, _ in first] if all(is_th for _, is_th in first) else []
    body = [(line, [text for text, _ in cells]) for line, cells in (rows[1:] if header else rows)]
    out: Numbered = []
    width = max(len(cells) for _, cells in body) if body else 0
    if width == 2 or not header:
        return [(line, f"- {row[0]}:{row[1]}" if len(row) > 1 else f"- {row[0]}") for line, row in body]
    if all(as_period(row[0]) is not None for _, row in body):
        for column in range(1, len(header)):
            out.append((head_line, f"- {header[column]}"))
            out += [(line, f"- {row[0]}:{row[column]}") for line, row in body if len(row) > column and row[column]]
        return out
    for line, row in body:
        out.append((line, f"- {row[0]}"))
        out += [(line, f"- {header[c]}:{row[c]}") for c in range(1, min(len(row), len(header))) if row[c]]
    return out


def html_lines(text: str) -> Numbered:
    reader = _Reader()
    reader.feed(text)
    reader.close()
    reader.flush()
    title = " ".join("".join(reader.title).split())
    lines = reader.lines
    if title and (not lines or lines[0][1] != title):
        lines = [(1, title), *lines]
    return lines
