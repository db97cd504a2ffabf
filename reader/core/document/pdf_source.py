"""PDF text layers to plain text, read with pypdf (BSD): one paragraph per blank-line block.

Lines come from pypdf's text extraction, page by page. Running headers and footers (the
same first or last line on many pages, page numbers aside) and bare page numbers are
dropped; the remaining lines go through the plain-text paragraph rules (``unwrap``), which
rejoin wrapped lines and words hyphenated at a line end. A PDF with no text at all (a scan)
or one that needs a password is refused with its own error.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from pathlib import Path

from reader.core import errors
from reader.core.cancel import CancelToken, is_cancelled

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


def pdf_to_text(path: Path, data: bytes, cancel: CancelToken | None = None) -> str:
    """The PDF's text, paragraphs separated by blank lines. Raises ``LoadError`` subclasses."""
    pages = _page_lines(path, data, cancel)
    running = _running_lines(pages)
    lines: list[str] = []
    for page in pages:
        text_lines = [i for i, line in enumerate(page) if line]
        edges = set(text_lines[:2] + text_lines[-2:])
        for position, line in enumerate(page):
            if not (position in edges and _is_furniture(line, running)):
                lines.append(line)
    text = "\n".join(lines)
    if not text.strip():
        raise errors.NoTextLayer(path)
    return text


def _page_lines(path: Path, data: bytes, cancel: CancelToken | None) -> list[list[str]]:
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
        total += sum(len(line) for line in lines)
        if total > MAX_TEXT_CHARS:
            raise errors.FileTooLarge(path, size=total, limit=MAX_TEXT_CHARS)
        pages.append(lines)
    return pages


class _LineCollector:
    """Gathers pypdf's text pieces into lines; a blank line ("") where the vertical gap
    before a line is clearly larger than the page's usual line spacing (a new paragraph)."""

    def __init__(self) -> None:
        self._lines: list[tuple[float, str]] = []
        self._pieces: list[str] = []
        self._y: float | None = None

    def visit(
        self, text: str, cm: list[float], tm: list[float], _font: object, size: float
    ) -> None:
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if self._pieces and self._y is not None and abs(y - self._y) > max(size, 1.0) / 2:
            self._end_line()
        if text.strip() and not self._pieces:
            self._y = y
        parts = text.split("\n")
        for i, part in enumerate(parts):
            if i:
                self._end_line()
            if part:
                if not self._pieces:
                    self._y = y
                self._pieces.append(part)

    def _end_line(self) -> None:
        line = " ".join("".join(self._pieces).split())
        if line and self._y is not None:
            self._lines.append((self._y, line))
        self._pieces = []
        self._y = None

    def finish(self) -> list[str]:
        self._end_line()
        gaps = [a[0] - b[0] for a, b in zip(self._lines, self._lines[1:], strict=False)]
        positive = sorted(gap for gap in gaps if gap > 0)
        usual = positive[len(positive) // 2] if positive else 0.0
        out: list[str] = []
        for i, (_y, line) in enumerate(self._lines):
            if i and usual and gaps[i - 1] > usual * _PARAGRAPH_GAP:
                out.append("")
            out.append(line)
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
