"""Sanitized HTML to blocks: headings, paragraphs, list items, quotes, code and table rows,
with plain text and inline marks (bold, italic, links) as character spans.

A table becomes one ``TABLE_ROW`` block per row, its cells' start offsets in ``cells``;
inside a cell every other block element only separates words, and a table nested in a cell
is read as text of that cell.

Runs ``html.parser`` over nh3's output only: that is well-formed and has no comments, so the
parser stays linear. Nothing here recurses, so nesting depth never raises RecursionError;
recorded list and quote levels are capped at ``MAX_LEVEL``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from reader.core.document.model import Block, BlockKind, Mark, MarkKind
from reader.core.document.sanitize import safe_href
from reader.core.document.unwrap import normalize_inline

MAX_LEVEL = 8

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_LISTS = frozenset({"ul", "ol", "menu"})
# Start and end of these end the running block (inside a list item or heading they only
# separate words: a loose list item's paragraphs stay one item).
_PARAGRAPH_LIKE = frozenset(
    {
        "p", "div", "section", "article", "header", "footer", "main", "aside", "nav",
        "figure", "figcaption", "address", "details", "summary", "dl", "dt", "dd", "center",
        "form", "fieldset", "legend", "caption", "table", "thead", "tbody", "tfoot", "tr",
        "td", "th", "hgroup", "body", "html",
    }
)  # fmt: skip
_TABLE_PARTS = frozenset({"table", "tr", "td", "th"})
_STRUCTURAL = frozenset({"pre", "li", "blockquote", *_HEADINGS, *_LISTS})
_VOID = frozenset({"br", "hr", "img", "wbr", "input", "meta", "link", "area", "col", "source"})
# Never article text, even if they slipped through sanitizing.
_SKIPPED = frozenset(
    {
        "script", "style", "template", "noscript", "title", "head", "textarea", "select",
        "option", "svg", "math", "iframe", "object", "embed", "button", "canvas",
    }
)  # fmt: skip
_MARKS = {
    "b": MarkKind.BOLD,
    "strong": MarkKind.BOLD,
    "i": MarkKind.ITALIC,
    "em": MarkKind.ITALIC,
    "cite": MarkKind.ITALIC,
    "a": MarkKind.LINK,
    "code": MarkKind.CODE,
    "kbd": MarkKind.CODE,
    "samp": MarkKind.CODE,
    "tt": MarkKind.CODE,
}
_MAX_NUMBER = 10**9


def html_to_blocks(html: str) -> list[Block]:
    """Blocks of sanitized HTML in reading order, indexed from 0."""
    builder = _BlockBuilder()
    builder.feed(html)
    builder.close()
    return builder.finish()


@dataclass
class _Context:
    """An open structural element: what kind of block text inside it becomes."""

    tag: str
    kind: BlockKind
    level: int = 0
    ordered: bool = False
    number: int = 0


@dataclass
class _ListState:
    ordered: bool
    next_number: int = 1


@dataclass
class _OpenMark:
    tag: str
    kind: MarkKind
    start: int
    href: str | None = None


@dataclass
class _Buffer:
    pieces: list[str] = field(default_factory=list)
    length: int = 0
    marks: list[tuple[MarkKind, int, int, str | None]] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.pieces.append(text)
        self.length += len(text)


class _BlockBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._blocks: list[Block] = []
        self._elements: list[str] = []  # every open non-void element, for end-tag matching
        self._contexts: list[_Context] = []
        self._lists: list[_ListState] = []
        self._quotes = 0
        self._skip = 0
        self._buffer = _Buffer()
        self._open_marks: list[_OpenMark] = []
        self._tables = 0  # open <table> elements
        self._row: list[int] | None = None  # cell start offsets of the open table row
        self._header_row = False
        self._images: list[tuple[str, str]] = []  # (src, alt) shown after the running block

    # --- parser callbacks -----------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self._void(tag, dict(attrs))
            return
        self._elements.append(tag)
        if self._skip or tag in _SKIPPED:
            self._skip += 1
            return
        if tag in _MARKS:
            href = safe_href(dict(attrs).get("href")) if tag == "a" else None
            if tag != "a" or href:
                self._open_marks.append(_OpenMark(tag, _MARKS[tag], self._buffer.length, href))
        elif tag in _TABLE_PARTS:
            self._open_table_part(tag)
        elif self._row is not None:
            self._buffer.add(" ")  # a paragraph or list inside a cell: words stay apart
        elif tag in _STRUCTURAL:
            self._flush()
            self._open_structural(tag, dict(attrs))
        elif tag in _PARAGRAPH_LIKE:
            self._soft_or_flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self._elements:
            return  # stray end tag
        while self._elements:
            open_tag = self._elements.pop()
            self._close(open_tag)
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._buffer.add(data)

    # --- structure ----------------------------------------------------------------------

    def _void(self, tag: str, attrs: dict[str, str | None] | None = None) -> None:
        if self._skip:
            return
        if tag == "img" and attrs is not None:
            # Shown after the block it stands in, so the text around it stays one block.
            self._images.append((safe_href(attrs.get("src")) or "", attrs.get("alt") or ""))
        elif tag == "br":
            self._buffer.add("\n")
        elif tag == "hr":
            self._flush()

    def _close(self, tag: str) -> None:
        if self._skip:
            self._skip -= 1
            return
        if tag in _MARKS:
            self._close_mark(tag)
        elif tag in _TABLE_PARTS:
            self._close_table_part(tag)
        elif self._row is not None:
            self._buffer.add(" ")
        elif tag in _STRUCTURAL:
            self._flush()
            self._close_structural(tag)
        elif tag in _PARAGRAPH_LIKE:
            self._soft_or_flush()

    def _open_table_part(self, tag: str) -> None:
        if tag == "table":
            self._tables += 1
        if self._tables > 1:
            self._buffer.add(" ")  # a table in a cell is text of that cell
        elif tag == "table":
            self._flush()
        elif tag == "tr":
            self._flush()
            self._row = []
            self._header_row = False
        elif self._row is not None:  # td, th
            if self._row:
                self._buffer.add(" ")
            self._row.append(self._buffer.length)
            self._header_row = self._header_row or tag == "th"
        else:
            self._buffer.add(" ")  # a cell outside a row (only in unsanitized input)

    def _close_table_part(self, tag: str) -> None:
        if self._tables > 1 or tag in ("td", "th"):
            self._buffer.add(" ")
        elif tag == "tr" or (tag == "table" and self._row is not None):
            self._flush()
            self._row = None
        if tag == "table":
            self._tables = max(0, self._tables - 1)

    def _soft_or_flush(self) -> None:
        innermost = self._contexts[-1].kind if self._contexts else None
        if innermost in (BlockKind.LIST_ITEM, BlockKind.HEADING):
            self._buffer.add(" ")
        else:
            self._flush()

    def _open_structural(self, tag: str, attrs: dict[str, str | None]) -> None:
        if tag in _HEADINGS:
            self._contexts.append(_Context(tag, BlockKind.HEADING, _HEADINGS[tag]))
        elif tag == "pre":
            self._contexts.append(_Context(tag, BlockKind.CODE))
        elif tag == "blockquote":
            self._quotes += 1
            self._contexts.append(_Context(tag, BlockKind.QUOTE, min(self._quotes, MAX_LEVEL)))
        elif tag in _LISTS:
            start = _parse_number(attrs.get("start"), 1) if tag == "ol" else 1
            self._lists.append(_ListState(ordered=tag == "ol", next_number=start))
        else:  # li
            state = self._lists[-1] if self._lists else _ListState(ordered=False)
            number = 0
            if state.ordered:
                number = _parse_number(attrs.get("value"), state.next_number)
                state.next_number = number + 1
            level = min(max(len(self._lists), 1), MAX_LEVEL)
            self._contexts.append(_Context(tag, BlockKind.LIST_ITEM, level, state.ordered, number))

    def _close_structural(self, tag: str) -> None:
        if tag in _LISTS:
            if self._lists:
                self._lists.pop()
            return
        if tag == "blockquote":
            self._quotes -= 1
        for depth in range(len(self._contexts) - 1, -1, -1):
            if self._contexts[depth].tag == tag:
                del self._contexts[depth:]
                return

    def _close_mark(self, tag: str) -> None:
        for depth in range(len(self._open_marks) - 1, -1, -1):
            mark = self._open_marks[depth]
            if mark.tag == tag:
                del self._open_marks[depth]
                if self._buffer.length > mark.start:
                    self._buffer.marks.append(
                        (mark.kind, mark.start, self._buffer.length, mark.href)
                    )
                return

    # --- blocks -------------------------------------------------------------------------

    def _flush(self) -> None:
        self._flush_text()
        if self._row is not None:
            return  # an image in a table cell follows the row
        for src, alt in self._images:
            text, _ = normalize_inline(alt)
            if src or text:
                self._blocks.append(Block(len(self._blocks), BlockKind.IMAGE, text, image=src))
        self._images = []

    def _flush_text(self) -> None:
        buffer = self._buffer
        self._buffer = _Buffer()
        # Marks still open continue into the next block.
        for open_mark in self._open_marks:
            if buffer.length > open_mark.start:
                buffer.marks.append(
                    (open_mark.kind, open_mark.start, buffer.length, open_mark.href)
                )
            open_mark.start = 0
        raw = "".join(buffer.pieces)
        if not raw.strip():
            return
        if self._row is not None:
            self._append_row(raw, buffer)
            return
        context = self._contexts[-1] if self._contexts else None
        if context is not None and context.kind is BlockKind.CODE:
            text = _code_text(raw)
            if text:
                self._append(BlockKind.CODE, text, 0, ())
            return
        text, offsets = normalize_inline(raw)
        if not text:
            return
        marks: list[Mark] = []
        for kind, start, end, href in buffer.marks:
            trimmed = _trimmed(text, kind, offsets.map(start), offsets.map(end), href)
            if trimmed is not None:
                marks.append(trimmed)
        if context is None:
            self._append(BlockKind.PARAGRAPH, text, 0, tuple(marks))
        else:
            self._append(
                context.kind, text, context.level, tuple(marks), context.ordered, context.number
            )

    def _append_row(self, raw: str, buffer: _Buffer) -> None:
        text, offsets = normalize_inline(raw)
        if not text:
            return
        cells = [min(offsets.map(start), len(text)) for start in self._row or [0]]
        cells[0] = 0
        marks: list[Mark] = []
        for kind, start, end, href in buffer.marks:
            mark = _trimmed(text, kind, offsets.map(start), offsets.map(end), href)
            if mark is not None:
                marks.append(mark)
        self._blocks.append(
            Block(
                len(self._blocks),
                BlockKind.TABLE_ROW,
                text,
                1 if self._header_row else 0,
                tuple(marks),
                cells=tuple(cells),
            )
        )

    def _append(
        self,
        kind: BlockKind,
        text: str,
        level: int,
        marks: tuple[Mark, ...],
        ordered: bool = False,
        number: int = 0,
    ) -> None:
        self._blocks.append(Block(len(self._blocks), kind, text, level, marks, ordered, number))

    def finish(self) -> list[Block]:
        # Unclosed elements at the end (only in unsanitized input) still give their text.
        while self._elements:
            self._close(self._elements.pop())
        self._flush()
        return self._blocks


def _code_text(raw: str) -> str:
    # Keep code exactly, minus the newline after <pre> and trailing blank lines.
    text = raw[1:] if raw.startswith("\n") else raw
    return text.rstrip()


def _trimmed(text: str, kind: MarkKind, start: int, end: int, href: str | None) -> Mark | None:
    start = max(0, start)
    end = min(len(text), end)
    while start < end and text[start] == " ":
        start += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    if start >= end:
        return None
    return Mark(kind, start, end, href)


def _parse_number(value: str | None, default: int) -> int:
    try:
        number = int((value or "").strip())
    except ValueError:
        return default
    return max(-_MAX_NUMBER, min(number, _MAX_NUMBER))
