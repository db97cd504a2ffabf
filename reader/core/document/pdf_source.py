"""PDF text layers to plain text, read with pypdf (BSD): one paragraph per blank-line block.

Lines come from pypdf's text extraction, page by page. Running headers and footers (the
same first or last line on many pages, page numbers aside) and bare page numbers are
dropped; the remaining lines go through the plain-text paragraph rules (``unwrap``), which
rejoin wrapped lines and words hyphenated at a line end. A PDF with no text at all (a scan)
or one that needs a password is refused with its own error.

Headings come from type size: the size most of the text is set in is the body size; a short
line set clearly larger (``_HEADING_RATIO``) that does not end like a sentence is a heading,
kept as its own paragraph, level 1 for the largest such size, 2 and 3 for the next.
"""

from __future__ import annotations

import io
import logging
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from reader.core import errors
from reader.core.cancel import CancelToken, is_cancelled
from reader.core.document.pdf_columns import (
    PlacedLine,
    apart_on_baseline,
    estimated_width,
    reading_order,
)

# 1,000 pages is a long book; a PDF longer than that is refused, not loaded in part.
MAX_PAGES = 1_000
# The same cap as text files: what the reading view and translation can take.
MAX_TEXT_CHARS = 4 * 1024 * 1024
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:seite\s+|page\s+)?\d{1,4}(?:\s*(?:/|von|of)\s*\d{1,4})?(?:\s*[-–—])?$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
# A line that opens or closes this share of pages (at least 3) is a running header/footer.
_RUNNING_SHARE = 0.5
# A gap this many times the usual line spacing separates paragraphs.
_PARAGRAPH_GAP = 1.4
# A line at least this much larger than the body text may be a heading...
_HEADING_RATIO = 1.15
# ...if it is short and does not end like a sentence or a clause.
_MAX_HEADING_WORDS = 15
_NOT_HEADING_ENDINGS = (".", ",", ";", ":", "-", "‐")
_HEADING_LEVELS = 3


@dataclass(frozen=True)
class PdfText:
    """The PDF's text (paragraphs separated by blank lines) and its heading lines' levels."""

    text: str
    headings: dict[str, int] = field(default_factory=dict)


def pdf_to_text(path: Path, data: bytes, cancel: CancelToken | None = None) -> str:
    """The PDF's text, paragraphs separated by blank lines. Raises ``LoadError`` subclasses."""
    return read_pdf(path, data, cancel).text


def read_pdf(path: Path, data: bytes, cancel: CancelToken | None = None) -> PdfText:
    """The PDF's text and headings. Raises ``LoadError`` subclasses."""
    pages, sizes = _page_lines(path, data, cancel)
    running = _running_lines(pages)
    kept: list[tuple[str, float]] = []
    for page, page_sizes in zip(pages, sizes, strict=True):
        text_lines = [i for i, line in enumerate(page) if line]
        edges = set(text_lines[:2] + text_lines[-2:])
        for position, line in enumerate(page):
            if not (position in edges and _is_furniture(line, running)):
                kept.append((line, page_sizes[position]))
    headings = _heading_levels(kept)
    lines: list[str] = []
    for line, _size in kept:
        if line in headings:  # a paragraph of its own: never joined to the text around it
            lines.extend(("", line, ""))
        else:
            lines.append(line)
    text = "\n".join(lines)
    if not text.strip():
        raise errors.NoTextLayer(path)
    return PdfText(text, headings)


def _heading_levels(lines: list[tuple[str, float]]) -> dict[str, int]:
    """Heading lines and their levels, decided from the whole file's type sizes."""
    weights: Counter[float] = Counter()
    for line, size in lines:
        if line and size > 0:
            weights[size] += len(line)
    if not weights:
        return {}
    body = weights.most_common(1)[0][0]
    candidates = {
        line: size
        for line, size in lines
        if line
        and size >= body * _HEADING_RATIO
        and len(line.split()) <= _MAX_HEADING_WORDS
        and not line.endswith(_NOT_HEADING_ENDINGS)
        and any(ch.isalpha() for ch in line)
    }
    ranked = sorted(set(candidates.values()), reverse=True)
    return {line: min(ranked.index(size) + 1, _HEADING_LEVELS) for line, size in candidates.items()}


def _page_lines(
    path: Path, data: bytes, cancel: CancelToken | None
) -> tuple[list[list[str]], list[list[float]]]:
    from pypdf import PasswordType, PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # damaged files log by the hundred
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")  # many PDFs are "encrypted" with no password
            except Exception:
                opened = PasswordType.NOT_DECRYPTED  # e.g. AES without a crypto library
            if opened == PasswordType.NOT_DECRYPTED:
                raise errors.DocumentEncrypted(path)
        count = len(reader.pages)
    except errors.LoadError:
        raise
    except Exception as error:  # pypdf raises many types for damaged files
        raise errors.DocumentDamaged(path, reason=str(error) or type(error).__name__) from None
    if count > MAX_PAGES:
        raise errors.TooManyPages(path, pages=count, limit=MAX_PAGES)
    pages: list[list[str]] = []
    sizes: list[list[float]] = []
    total = 0
    for number in range(count):
        if is_cancelled(cancel):
            raise errors.LoadCancelled(path)
        collector = _LineCollector()
        try:
            reader.pages[number].extract_text(visitor_text=collector.visit)
        except Exception as error:
            reason = f"page {number + 1}: {error or type(error).__name__}"
            raise errors.DocumentDamaged(path, reason=reason) from None
        lines = collector.finish()
        total += sum(len(line) for line, _size in lines)
        if total > MAX_TEXT_CHARS:
            raise errors.FileTooLarge(path, size=total, limit=MAX_TEXT_CHARS)
        pages.append([line for line, _size in lines])
        sizes.append([size for _line, size in lines])
    return pages, sizes


class _LineCollector:
    """Gathers pypdf's text pieces into lines; a blank line ("") where the vertical gap
    before a line is clearly larger than the page's usual line spacing (a new paragraph).
    Each line keeps the type size most of its characters are set in (in page units)."""

    def __init__(self) -> None:
        self._lines: list[PlacedLine] = []
        self._pieces: list[str] = []
        self._sizes: Counter[float] = Counter()
        self._y: float | None = None
        self._x = 0.0
        self._piece_x = 0.0  # where the line's last piece starts, and its estimated end
        self._piece_end = 0.0

    def visit(
        self, text: str, cm: list[float], tm: list[float], _font: object, size: float
    ) -> None:
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
        shown = round(size * scale, 1)
        if self._pieces and self._y is not None:
            moved_down = abs(y - self._y) > max(size, 1.0) / 2
            # Columns stored row by row share baselines: a jump along one is a new line.
            if moved_down or apart_on_baseline(x, self._piece_x, self._piece_end, shown):
                self._end_line()
        if text.strip() and not self._pieces:
            self._y, self._x = y, x
        parts = text.split("\n")
        for i, part in enumerate(parts):
            if i:
                self._end_line()
            if part:
                if not self._pieces:
                    self._y, self._x = y, x
                self._pieces.append(part)
                self._sizes[shown] += len(part.strip())
        if text.strip():
            self._piece_x, self._piece_end = x, x + estimated_width(text, shown)

    def _end_line(self) -> None:
        line = " ".join("".join(self._pieces).split())
        if line and self._y is not None:
            size = self._sizes.most_common(1)[0][0] if self._sizes else 0.0
            self._lines.append(PlacedLine(self._y, self._x, line, size))
        self._pieces = []
        self._sizes = Counter()
        self._y = None

    def finish(self) -> list[tuple[str, float]]:
        """The page's lines in reading order (column by column on a page set in columns)
        with their type sizes; ("", 0.0) between paragraphs."""
        self._end_line()
        placed = reading_order(self._lines)
        gaps = [a.y - b.y for a, b in pairwise(placed)]
        positive = sorted(gap for gap in gaps if gap > 0)
        usual = positive[len(positive) // 2] if positive else 0.0
        out: list[tuple[str, float]] = []
        for i, line in enumerate(placed):
            if i and usual and gaps[i - 1] > usual * _PARAGRAPH_GAP:
                out.append(("", 0.0))
            out.append((line.text, line.size))
        return out


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Page-number-free shapes of lines that open or close many pages."""
    if len(pages) < 3:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        text = [line for line in page if line]
        edges = {_shape(line) for line in text[:2] + text[-2:]}
        counts.update(edges)
    needed = max(3, int(len(pages) * _RUNNING_SHARE))
    return {shape for shape, count in counts.items() if count >= needed}


def _shape(line: str) -> str:
    return _DIGITS.sub("#", line.lower())


def _is_furniture(line: str, running: set[str]) -> bool:
    return _PAGE_NUMBER.match(line) is not None or _shape(line) in running
