"""Markdown to (unsanitized) HTML with python-markdown, bounded in time and recursion.

python-markdown is fine for articles but was measured here to be superlinear on hostile or
odd input: 2,000 unmatched ``[`` took 1.8 s and 4,000 took 7.8 s; a 1 MB paragraph with links
25 s; 50,000 short paragraphs in one call 11.6 s; a list nested 500 levels deep raised
RecursionError (2,000 levels: 240 s, then RecursionError). So the source is prepared first:

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

import markdown

from reader.core.unwrap import split_paragraphs

MAX_INDENT = 40  # columns: ten levels of 4-space lists, twenty of 2-space lists
MAX_MARKERS = 8
CHUNK_CHARS = 16_000
MAX_UNIT_CHARS = 64_000
# Unmatched brackets x unit length: python-markdown rescans the rest of the unit for each
# unmatched "[", "(" or "<". 1,000 "[" in 1,000 characters took 0.4 s here. The total budget
# stops many small bad units from adding up.
MAX_BRACKET_COST = 1_000_000
TOTAL_BRACKET_COST = 5_000_000
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
_NOT_BRACKET = re.compile(r"[^\[\]()<>]+")
_PAIRS = {"]": "[", ")": "(", ">": "<"}


def markdown_to_html(text: str) -> str:
    """Convert Markdown (with ``\\n`` line ends) to HTML; never recurses deeply or stalls."""
    converter = markdown.Markdown(extensions=_EXTENSIONS, lazy_ol=False)
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
            continue
        if blank_before and line[:1] not in (" ", "\t") and any(s.strip() for s in current):
            units.append("\n".join(current))
            current = []
        blank_before = False
        if fence_match:
            fence = fence_match.group(1)
            current.append(line)
            continue
        current.append(_clamp(line))
    if any(s.strip() for s in current):
        units.append("\n".join(current))
    return units


def _closes(fence: str, candidate: str, rest: str) -> bool:
    """A fence closes with the same character, at least as long, and nothing after it."""
    return candidate[0] == fence[0] and len(candidate) >= len(fence) and not rest.strip()


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
        elif open_counts[_PAIRS[char]]:
            open_counts[_PAIRS[char]] -= 1
    return sum(open_counts.values()) * len(unit)


def _references(text: str) -> dict[str, tuple[str, str | None]]:
    """Link reference definitions of the whole text, as python-markdown stores them."""
    found: dict[str, tuple[str, str | None]] = {}
    for match in _REFERENCE.finditer(text):
        key = match.group(1).strip().lower()
        found.setdefault(key, (match.group(2), match.group(3)))
    return found


def _plain_html(text: str) -> str:
    """Text shown as plain paragraphs, every character escaped."""
    return "".join(f"<p>{html.escape(p)}</p>\n" for p in split_paragraphs(text))
