"""Markdown to (unsanitized) HTML with python-markdown, bounded in time and recursion.

python-markdown is fine for articles but was measured here to be superlinear on hostile or
odd input: 2,000 unmatched ``[`` took 1.8 s and 4,000 took 7.8 s; a 1 MB paragraph with links
25 s; 50,000 short paragraphs in one call 11.6 s; a list nested 500 levels deep raised
RecursionError (2,000 levels: 240 s, then RecursionError). So the source is prepared first:

- List children are re-indented line by line (outside fenced code) from CommonMark's rule
  (a child starts at its parent item's content column: 2 spaces after ``-``, 3 after ``1.``)
  to python-markdown's 4-space steps, so lists written for GitHub nest (``_ListIndenter``).
- Nesting is clamped line by line (outside fenced code): leading indentation to
  ``MAX_INDENT`` columns, container markers (``>``, ``-``, ``1.``) to ``MAX_MARKERS``.
- The text is cut into chunks at blank lines that start a new top-level block, and each chunk
  is converted on its own (link reference definitions are shared between chunks).
- A unit (the text between such blank lines) that is too big, or has many unmatched
  brackets, is shown as plain paragraphs instead of being parsed as Markdown.

The output still has to go through ``sanitize.sanitize_html``.
"""

from __future__ import annotations

import html
import re
import time
from dataclasses import dataclass

import markdown

from reader.core.document.unwrap import split_paragraphs

MAX_INDENT = 40  # columns: ten list levels once children are re-indented to 4-space steps
MAX_MARKERS = 8
CHUNK_CHARS = 16_000
MAX_UNIT_CHARS = 64_000
# Unmatched brackets x unit length: python-markdown rescans the rest of the unit for each
# unmatched "[", "(" or "<". 1,000 "[" in 1,000 characters took 0.4 s here. The total budget
# stops many small bad units from adding up.
MAX_BRACKET_COST = 1_000_000
TOTAL_BRACKET_COST = 5_000_000
# Balanced but deeply nested brackets pass the count above and still cost python-markdown
# more than quadratic time: 6,000 nested "[![" … "](a)]" (48 KB) took 44-53 s here, 1,000
# took 1 s. No real text nests links or brackets this deep; such a unit is shown as text.
MAX_BRACKET_DEPTH = 64
# Safety valve for input no rule above foresaw: once conversion has taken this long, the rest
# of the document is shown as plain paragraphs. Real articles take well under a second.
TIME_BUDGET_SECONDS = 20.0

_EXTENSIONS = ["fenced_code", "tables", "sane_lists"]
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_INDENT = re.compile(r"[ \t]+")
_MARKER = re.compile(r"[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?")
_REFERENCE = re.compile(
    r"^ {0,3}\[([^\]\n]{1,999})\]:[ \t]*<?([^\s>]+)>?(?:[ \t]+[\"'(]([^\n]*)[\"')])?[ \t]*$",
    re.MULTILINE,
)
# List markers python-markdown knows (``1)`` is not one), a space must follow; and quote
# prefixes as its blockquote processor strips them, one ``[ ]{0,3}>[ ]?`` per level.
_LIST_MARKER = re.compile(r"(?:[*+-]|\d+\.)( +)")
_QUOTE_PREFIX = re.compile(r"(?: {0,3}> ?)+")
_NOT_BRACKET = re.compile(r"[^\[\]()<>]+")
_PAIRS = {"]": "[", ")": "(", ">": "<"}


def markdown_to_html(text: str) -> str:
    """Convert Markdown (with ``\\n`` line ends) to HTML; never recurses deeply or stalls."""
    converter = markdown.Markdown(extensions=_EXTENSIONS)
    references = _references(text)
    parts = []
    deadline = time.monotonic() + TIME_BUDGET_SECONDS
    for chunk, plain in _chunks(_units(text)):
        if plain or time.monotonic() > deadline:
            parts.append(_plain_html(chunk))
            continue
        converter.reset()
        converter.references.update(references)
        try:
            parts.append(converter.convert(chunk))
        except RecursionError:
            # Clamping should make this impossible; a chunk that still recurses too deeply
            # is shown as text rather than failing the whole document.
            parts.append(_plain_html(chunk))
    return "\n".join(parts)


def _units(text: str) -> list[str]:
    """Split at blank lines followed by an unindented line, outside fenced code; clamp."""
    units: list[str] = []
    current: list[str] = []
    fence = ""
    blank_before = False
    lists = _ListIndenter()
    for line in text.split("\n"):
        fence_match = _FENCE.match(line)
        if fence:
            current.append(line)
            if fence_match and _closes(fence, fence_match.group(1), line[fence_match.end() :]):
                fence = ""
            continue
        if not line.strip():
            current.append("")
            blank_before = True
            lists.blank()
            continue
        if blank_before and line[:1] not in (" ", "\t") and any(s.strip() for s in current):
            units.append("\n".join(current))
            current = []
        blank_before = False
        if fence_match:
            fence = fence_match.group(1)
            current.append(line)
            lists.interrupt()
            continue
        line = lists.line(line)
        if lists.separator is not None:
            current.append(_clamp(lists.separator))
        current.append(_clamp(line))
    if any(s.strip() for s in current):
        units.append("\n".join(current))
    return units


def _closes(fence: str, candidate: str, rest: str) -> bool:
    """A fence closes with the same character, at least as long, and nothing after it."""
    return candidate[0] == fence[0] and len(candidate) >= len(fence) and not rest.strip()


@dataclass
class _OpenItem:
    """A list item whose following lines may be its children."""

    source: int  # the item's content column in the source (CommonMark: where children start)
    target: int  # where python-markdown wants its children: the marker's new column plus 4


class _ListIndenter:
    """Re-indent list children from their parent item's content column to 4-space steps.

    Fed every line outside fenced code, in order. A line is changed only when it belongs to
    an open list item: its leading whitespace becomes the item's target column plus whatever
    it was indented beyond the item's content column (so code inside an item stays code).
    Lines python-markdown would not read as list lines (a marker inside a paragraph, lazy
    continuations, anything after a fence) are returned unchanged. Each line pushes at most
    one item, so the whole pass is linear.

    After each line, ``separator`` is a blank line (quoted as deep as the line) to put before
    it, or None. python-markdown hands a block that starts indented (an item's later
    paragraph, say) to the item as a whole, so an item line further down must start a new
    block, or it would end up inside that paragraph.
    """

    def __init__(self) -> None:
        self._items: list[_OpenItem] = []
        self._quotes = 0  # the blockquote depth the open items live in
        self._fresh = True  # at the start or after a blank line: a new block begins here
        self._block_column = 0  # the re-indented column the current block began at, or 0
        self._after_text = False  # the previous line of the block was paragraph text
        self.separator: str | None = None

    def blank(self) -> None:
        """A blank line: a list may start next; open items continue if indented enough."""
        self._fresh = True
        self._block_column = 0
        self._after_text = False

    def interrupt(self) -> None:
        """A fence opens: open lists end, and no list starts directly after it."""
        self._items.clear()
        self.blank()
        self._fresh = False

    def line(self, line: str) -> str:
        """The line, its list child indentation moved to python-markdown's convention."""
        items = self._items
        self.separator = None
        start = quotes = 0
        # Inside an unquoted list, a ">" indented to the item's content is a quote in the item.
        if not (items and not self._quotes and _indent(line, 0) >= items[0].source):
            prefix = _QUOTE_PREFIX.match(line)
            if prefix is not None:
                start, quotes = prefix.end(), prefix.group().count(">")
        if quotes != self._quotes:
            # A new quote level begins its own lists; leaving one is a lazy quote line.
            items.clear()
            entered = quotes > self._quotes
            self.blank()
            self._fresh = entered
            self._quotes = quotes
        body = line[start:].lstrip(" \t")
        if not body:  # a lone ">" separates blocks like a blank line
            self.blank()
            return line
        indent = _indent(line, start)
        fresh, self._fresh = self._fresh, False
        marker = _LIST_MARKER.match(body)
        if marker is not None and not _is_break(body):
            if not fresh and not items and self._after_text and _interrupts_paragraph(body):
                # CommonMark (GitHub) lets a list interrupt a paragraph: "Punkte:\n- a".
                # python-markdown needs a blank line there, so give it one.
                self.separator = line[:start].rstrip()
                fresh = True
                self._block_column = 0
            column = self._item(indent, body, marker, fresh)
            if (
                column is not None
                and self._block_column
                and (column < self._block_column or self._after_text)
            ):
                self.separator = line[:start].rstrip()
                fresh = True
            self._after_text = False
        else:
            column = self._text(indent, body, fresh)
            self._after_text = True
        if fresh:
            self._block_column = column or 0
        if not column:
            return line  # not a list line, or a top-level item, which keeps its 0-3 spaces
        return line[:start] + " " * min(column, MAX_INDENT) + body

    def _item(self, indent: int, body: str, marker: re.Match[str], fresh: bool) -> int | None:
        """The item line's new column, or None if it is not a list item to python-markdown."""
        items = self._items
        if not items and not fresh:
            return None  # python-markdown starts no list inside a paragraph
        while items and indent < items[-1].source:
            items.pop()
        if not items and indent > 3:
            return None  # indented code, or a lazy line: not a list item
        spaces = len(marker.group(1))
        # More than four spaces after the marker start indented code inside the item.
        offset = marker.end() if spaces <= 4 and marker.end() < len(body) else marker.start(1) + 1
        column = items[-1].target if items else 0
        items.append(_OpenItem(indent + offset, column + 4))
        return column

    def _text(self, indent: int, body: str, fresh: bool) -> int | None:
        """The text line's new column, or None to leave it as it is."""
        items = self._items
        if _interrupts(indent, body):
            # Headings and rules end a list in python-markdown, and a list may follow them.
            items.clear()
            self.blank()
            return None
        if fresh:
            while items and indent < items[-1].source:
                items.pop()
        elif items and indent < items[-1].source:
            return None  # a lazy continuation of the item's paragraph
        if not items:
            return None
        return items[-1].target + indent - items[-1].source


def _indent(line: str, start: int) -> int:
    """Columns of whitespace after ``line[:start]``, tabs at python-markdown's 4-column stops."""
    end = len(line) - len(line[start:].lstrip(" \t"))
    return len(line[:end].expandtabs(4)) - start


def _interrupts_paragraph(body: str) -> bool:
    """A bullet, or an ordered item numbered 1: the list starts CommonMark lets cut a paragraph."""
    return body[0] in "*+-" or body.startswith("1.")


def _is_break(body: str) -> bool:
    """A thematic break (``***``, ``- - -``): python-markdown's rule, not a list item."""
    if body[0] not in "-*_":
        return False
    compact = body.replace(" ", "").rstrip()
    return len(compact) >= 3 and compact.count(compact[0]) == len(compact)


def _interrupts(indent: int, body: str) -> bool:
    """A heading, rule or setext underline, which python-markdown splits a block at."""
    if body[0] == "#":
        return indent == 0
    setext = body[0] == "=" and not body.rstrip().strip("=")
    return indent <= 3 and (setext or _is_break(body))


def _clamp(line: str) -> str:
    """Bound a line's nesting: indentation to MAX_INDENT, container markers to MAX_MARKERS."""
    indent = _INDENT.match(line)
    if indent is not None:
        width = len(indent.group().expandtabs(4))
        if width > MAX_INDENT:
            line = " " * MAX_INDENT + line[indent.end() :]
    pos = 0
    count = 0
    while True:
        marker = _MARKER.match(line, pos)
        if marker is None or marker.end() == pos:
            break
        count += 1
        if count > MAX_MARKERS:
            # Drop this and every further marker, keep the rest of the line.
            rest = pos
            while (marker := _MARKER.match(line, rest)) is not None and marker.end() > rest:
                rest = marker.end()
            return line[:pos] + line[rest:]
        pos = marker.end()
    return line


def _chunks(units: list[str]) -> list[tuple[str, bool]]:
    """Group units into chunks of about CHUNK_CHARS; heavy units become plain-text chunks."""
    chunks: list[tuple[str, bool]] = []
    current: list[str] = []
    size = 0
    spent = 0
    for unit in units:
        cost = _bracket_cost(unit)
        heavy = cost > MAX_BRACKET_COST or spent + cost > TOTAL_BRACKET_COST
        if not heavy:
            spent += cost
        if heavy or len(unit) > MAX_UNIT_CHARS:
            if current:
                chunks.append(("\n".join(current), False))
                current, size = [], 0
            chunks.append((unit, True))
            continue
        current.append(unit)
        size += len(unit)
        if size >= CHUNK_CHARS:
            chunks.append(("\n".join(current), False))
            current, size = [], 0
    if current:
        chunks.append(("\n".join(current), False))
    return chunks


def _bracket_cost(unit: str) -> int:
    """Unmatched ``[ ( <`` times the unit's length: what python-markdown's rescans cost."""
    brackets = _NOT_BRACKET.sub("", unit)
    if len(brackets) * len(unit) <= MAX_BRACKET_COST // 10:
        return 0  # too few brackets to matter
    open_counts = {"[": 0, "(": 0, "<": 0}
    for char in brackets:
        if char in open_counts:
            open_counts[char] += 1
            if open_counts[char] > MAX_BRACKET_DEPTH:
                return MAX_BRACKET_COST + 1  # too deep to parse: shown as plain text
        elif open_counts[_PAIRS[char]]:
            open_counts[_PAIRS[char]] -= 1
    return sum(open_counts.values()) * len(unit)


def _references(text: str) -> dict[str, tuple[str, str]]:
    """Link reference definitions of the whole text, as python-markdown stores them."""
    found: dict[str, tuple[str, str]] = {}
    for match in _REFERENCE.finditer(text):
        key = match.group(1).strip().lower()
        # No title is "" (python-markdown sets a title attribute only when it is non-empty).
        found.setdefault(key, (match.group(2), match.group(3) or ""))
    return found


def _plain_html(text: str) -> str:
    """Text shown as plain paragraphs, every character escaped."""
    return "".join(f"<p>{html.escape(p)}</p>\n" for p in split_paragraphs(text))
