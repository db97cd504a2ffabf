"""Where German words sit in the reading view: the word under a point, its rectangle."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QTextCursor

from reader.core.translation.alignment import word_spans
from reader.ui.view.block_formats import Side
from reader.ui.view.text_positions import from_utf16, to_utf16

if TYPE_CHECKING:
    from reader.ui.view.bilingual_view import BilingualView


@dataclass(frozen=True)
class WordSpot:
    """A word of a German sentence: code-point offsets into the sentence and its text."""

    sentence_id: int
    start: int
    end: int
    text: str


def sentence_words(view: BilingualView, sentence_id: int) -> list[WordSpot]:
    """The words of a German sentence that have letters (no numbers, no punctuation)."""
    text = view.german_for(sentence_id)
    if not text:
        return []
    return [
        WordSpot(sentence_id, start, end, text[start:end])
        for start, end in word_spans(text)
        if any(ch.isalpha() for ch in text[start:end])
    ]


def word_at(view: BilingualView, point: QPoint) -> WordSpot | None:
    """The German word under a viewport point (None: English, space, punctuation, margin)."""
    position = view.cursorForPosition(point).position()
    found = view.renderer.sentence_at(position)
    if found is None or found[1] is not Side.GERMAN:
        return None
    sentence_id = found[0]
    span = view.renderer.span(sentence_id, Side.GERMAN)
    text = view.german_for(sentence_id)
    if span is None or not text:
        return None
    offset = from_utf16(text, position - span[0])
    for spot in sentence_words(view, sentence_id):
        if spot.start <= offset < spot.end:
            # cursorForPosition rounds to the nearest gap: make sure the point is on the word.
            rect = word_rect(view, spot)
            return (
                spot if rect is not None and rect.adjusted(-2, -2, 2, 2).contains(point) else None
            )
    return None


def word_rect(view: BilingualView, spot: WordSpot) -> QRect | None:
    """The word's rectangle in viewport coordinates (its first line if it wraps)."""
    span = view.renderer.span(spot.sentence_id, Side.GERMAN)
    text = view.german_for(spot.sentence_id)
    if span is None or text is None:
        return None
    cursor = QTextCursor(view.document())
    cursor.setPosition(span[0] + to_utf16(text, spot.start))
    start = view.cursorRect(cursor)
    cursor.setPosition(span[0] + to_utf16(text, spot.end))
    end = view.cursorRect(cursor)
    if end.top() != start.top() or end.left() < start.left():
        return start.united(end)
    return QRect(start.left(), start.top(), max(1, end.left() - start.left()), start.height())
