"""Plain text to paragraphs and list items, deciding from the whole file how lines are meant.

Two kinds of plain text reach the reader. Hard-wrapped text (e-mails, Project Gutenberg,
PDF text) breaks lines at a width, mostly in mid-sentence; its paragraphs are rejoined by
``unwrap``'s rules. Text with one paragraph per line (news dumps, text pasted from a web
page) breaks lines only where a paragraph ends, so nearly every line ends a sentence; there
every line stays a paragraph. Which one a file is, is decided once from all its line breaks
(the share that follow a sentence end), not line by line.

Numbered ("1." "2)") and bulleted ("-" "*" "•") lines become list items when at least two
follow each other (numbers counting up), so "3. Oktober" alone at a line start stays text.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from reader.core.document.unwrap import (
    FINAL_PUNCTUATION,
    normalize_inline,
    normalize_newlines,
    wrapped_runs,
)

_BLANK_LINE = re.compile(r"\n[ \t\x0b\x0c]*\n")
_ITEM = re.compile(r"^[ \t]*(?:(?P<number>\d{1,3})[.)]|(?P<bullet>[-*•–]))[ \t]+(?=\S)")
# At least this share of line breaks inside paragraphs follow a sentence end: one per line.
_LINE_PER_PARAGRAPH_SHARE = 0.5
_MIN_BREAKS = 2


@dataclass(frozen=True)
class TextBlock:
    """A paragraph or list item of plain text (``number`` 0 for bullets and paragraphs)."""

    text: str
    is_item: bool = False
    ordered: bool = False
    number: int = 0


def text_blocks(text: str) -> list[TextBlock]:
    """Paragraphs and list items of plain ``text``, in order."""
    chunks = _BLANK_LINE.split(normalize_newlines(text))
    one_per_line = _one_paragraph_per_line(chunks)
    blocks: list[TextBlock] = []
    for chunk in chunks:
        for lines, item in _segments(chunk.split("\n")):
            if item is not None:
                body, _ = normalize_inline("\n".join(lines)[item.end() :])
                if body:
                    number = int(item.group("number") or 0)
                    blocks.append(TextBlock(body, True, item.group("number") is not None, number))
                continue
            runs = lines if one_per_line else wrapped_runs("\n".join(lines))
            for run in runs:
                paragraph, _ = normalize_inline(run)
                if paragraph:
                    blocks.append(TextBlock(paragraph))
    return blocks


def _one_paragraph_per_line(chunks: list[str]) -> bool:
    """Most line breaks inside blank-line-free chunks come after a sentence end."""
    breaks = ends = 0
    for chunk in chunks:
        lines = [line.strip() for line in chunk.split("\n")]
        for before, after in itertools.pairwise(lines):
            if not before or not after or _ITEM.match(after):
                continue
            breaks += 1
            if before.endswith(FINAL_PUNCTUATION) and not after[:1].islower():
                ends += 1
    return breaks >= _MIN_BREAKS and ends >= _LINE_PER_PARAGRAPH_SHARE * breaks


def _segments(lines: list[str]) -> list[tuple[list[str], re.Match[str] | None]]:
    """Runs of ordinary lines (match None) and list items (their lines and marker match)."""
    items = _list_items(lines)
    segments: list[tuple[list[str], re.Match[str] | None]] = []
    plain: list[str] = []
    index = 0
    while index < len(lines):
        if index in items:
            if plain:
                segments.append((plain, None))
                plain = []
            end, marker = items[index]
            segments.append((lines[index:end], marker))
            index = end
        else:
            plain.append(lines[index])
            index += 1
    if plain:
        segments.append((plain, None))
    return segments


def _list_items(lines: list[str]) -> dict[int, tuple[int, re.Match[str]]]:
    """First line index -> (end index, marker) for lines that form lists of 2+ items."""
    found: dict[int, tuple[int, re.Match[str]]] = {}
    run: list[tuple[int, int, re.Match[str]]] = []  # (start, end, marker)

    def close() -> None:
        if len(run) >= 2:
            for start, end, marker in run:
                found[start] = (end, marker)
        run.clear()

    index = 0
    while index < len(lines):
        marker = _ITEM.match(lines[index])
        if marker is None or not _continues(run, marker):
            close()
            if marker is None:
                index += 1
                continue
        end = index + 1
        # An item's wrapped lines are indented under it.
        while end < len(lines) and lines[end][:1] in (" ", "\t") and lines[end].strip():
            if _ITEM.match(lines[end]):
                break
            end += 1
        run.append((index, end, marker))
        index = end
    close()
    return found


def _continues(run: list[tuple[int, int, re.Match[str]]], marker: re.Match[str]) -> bool:
    """The marker fits the list so far: same kind, numbers counting up by one."""
    if not run:
        return True
    previous = run[-1][2]
    if (previous.group("number") is None) != (marker.group("number") is None):
        return False
    if marker.group("number") is None:
        return True
    return int(marker.group("number")) == int(previous.group("number")) + 1
