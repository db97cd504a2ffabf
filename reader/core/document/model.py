"""Plain data that flows through the pipeline: documents, sentences, translations, entities.

Everything here is frozen and Qt-free. Offsets are Python string indices (code points) into
the text they belong to; converting to Qt's UTF-16 positions happens in one place in the UI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    CODE = "code"
    TABLE_ROW = "table_row"
    IMAGE = "image"


class MarkKind(StrEnum):
    BOLD = "bold"
    ITALIC = "italic"
    LINK = "link"
    CODE = "code"  # inline code, a command or a file name: set in a fixed-width font


@dataclass(frozen=True)
class Mark:
    """An inline mark over ``text[start:end]`` of its block; links carry their target."""

    kind: MarkKind
    start: int
    end: int
    href: str | None = None


@dataclass(frozen=True)
class Block:
    """One block of a document.

    ``level`` is the heading level (1–6) for headings and the nesting depth (1 = top level)
    for list items and quotes; for table rows 1 marks a header row; 0 otherwise. ``ordered``
    marks items of numbered lists, and ``number`` is the item's number in an ordered list.
    A table row's ``cells`` are the offsets in ``text`` where each cell starts (the first
    is 0); ``cell_spans`` gives each cell's text without its separating space. An image's
    ``text`` is its alt text and ``image`` the address the document gave (never read here).
    """

    index: int
    kind: BlockKind
    text: str
    level: int = 0
    marks: tuple[Mark, ...] = ()
    ordered: bool = False
    number: int = 0
    cells: tuple[int, ...] = ()
    image: str = ""

    def cell_spans(self) -> list[tuple[int, int]]:
        """``(start, end)`` of each table cell's text, spaces at its edges left out."""
        ends = (*self.cells[1:], len(self.text))
        spans = []
        for start, end in zip(self.cells, ends, strict=True):
            while start < end and self.text[start].isspace():
                start += 1
            while end > start and self.text[end - 1].isspace():
                end -= 1
            spans.append((start, end))
        return spans

    @property
    def translatable(self) -> bool:
        """Code blocks are shown as they are and never translated."""
        return self.kind is not BlockKind.CODE and bool(self.text.strip())


@dataclass(frozen=True)
class Chapter:
    """A chapter of a book (EPUB): its title and the index of its first block."""

    title: str
    block: int


@dataclass(frozen=True)
class Document:
    """A loaded document: its blocks in reading order and where it came from."""

    title: str
    blocks: tuple[Block, ...]
    source: Path | None = None
    encoding: str = "utf-8"
    format: str = "text"  # "markdown", "text", "html", "epub", "docx" or "pdf"
    chapters: tuple[Chapter, ...] = ()
    # A web page shown as its article only (boilerplate left out; the whole page differs).
    article_only: bool = False
    # Pictures carried inside the file (EPUB): address as in Block.image -> bytes.
    pictures: tuple[tuple[str, bytes], ...] = ()
    # Invalid byte sequences in the file shown as U+FFFD (a stray byte in UTF-8 text).
    replaced_bytes: int = 0


@dataclass(frozen=True)
class Sentence:
    """A sentence is ``block.text[start:end]``; ``id`` is its position in document order."""

    id: int
    block: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class AlignedSpan:
    """A source character span linked to a target character span (one alignment link)."""

    source_start: int
    source_end: int
    target_start: int
    target_end: int


@dataclass(frozen=True)
class Translation:
    """The English for one sentence, with its model score and word alignment."""

    sentence_id: int
    source: str
    text: str
    score: float = 0.0
    alignment: tuple[AlignedSpan, ...] = field(default=())


class EntityLabel(StrEnum):
    PER = "PER"
    ORG = "ORG"
    LOC = "LOC"
    MISC = "MISC"


@dataclass(frozen=True)
class Entity:
    """A named entity in a block: ``block.text[start:end]``.

    ``sentence_id`` names the sentence it lies in; ``target_start``/``target_end`` are its
    span in that sentence's English when it was projected, else ``None``.
    """

    block: int
    start: int
    end: int
    label: EntityLabel
    text: str
    sentence_id: int = -1
    target_start: int | None = None
    target_end: int | None = None
    # normalized name for grouping mentions ("Merkels" -> "Merkel"); "" when not computed
    key: str = ""
