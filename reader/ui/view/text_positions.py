"""Python code-point offsets ↔ Qt's UTF-16 positions: the one place that converts them.

Core offsets (``Mark``, ``Sentence``, ``Entity``) count code points; ``QTextCursor``
positions count UTF-16 code units, so every character outside the Basic Multilingual Plane
(emoji, some CJK, math letters) counts twice in Qt. Converting anywhere else is a bug.
"""

from __future__ import annotations


def utf16_length(text: str) -> int:
    """How many UTF-16 code units ``text`` takes in Qt."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le", "surrogatepass")) // 2


def to_utf16(text: str, offset: int) -> int:
    """The UTF-16 position of code-point ``offset`` in ``text`` (clamped to the text)."""
    offset = max(0, min(offset, len(text)))
    return utf16_length(text[:offset])


def from_utf16(text: str, position: int) -> int:
    """The code-point offset of UTF-16 ``position`` in ``text``.

    A position inside a surrogate pair maps to the character it splits.
    """
    if position <= 0:
        return 0
    units = 0
    for index, ch in enumerate(text):
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > position:
            return index
        if units == position:
            return index + 1
    return len(text)


class Utf16Map:
    """Converts many offsets of one text quickly (prefix table built once)."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Only text with characters beyond the BMP needs a table (one C-speed check).
        self._ascii = text.isascii() or len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(
            text
        )
        if not self._ascii:
            prefix = [0]
            total = 0
            for ch in text:
                total += 2 if ord(ch) > 0xFFFF else 1
                prefix.append(total)
            self._prefix = prefix

    def __call__(self, offset: int) -> int:
        offset = max(0, min(offset, len(self.text)))
        return offset if self._ascii else self._prefix[offset]

    @property
    def length(self) -> int:
        return self(len(self.text))
