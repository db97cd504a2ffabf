"""Keep what the reader looks at in place while the layout under it changes.

The place is an anchor, not a pixel offset: the sentence at the top of the view and how far
into it (a fraction of its height) the top edge cuts. Widths, fonts, zoom, themes, panels
and English streaming in all change pixels; the anchor survives them all.

The top sentence is the last German sentence that starts at or above the top edge; before
the first sentence it is the first sentence, with a negative fraction for the space above
it. (A sentence so short that the next one starts on its line at the new width cannot stay
first: the next one takes its place.)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint

from reader.ui.view.block_formats import Side
from reader.ui.view.geometry import span_rect

if TYPE_CHECKING:
    from reader.ui.view.bilingual_view import BilingualView


@dataclass(frozen=True)
class ReadingAnchor:
    """A place in a document: a sentence and how far into it the top of the view is."""

    sentence_id: int
    fraction: float = 0.0  # of the sentence's German height; <0 above it, >1 past its end


def _start_and_height(view: BilingualView, sentence_id: int) -> tuple[int, int] | None:
    """Viewport y of a sentence's first German line and its height down to its last line."""
    rect = span_rect(view, sentence_id, Side.GERMAN)
    if rect is None:
        return None
    return rect.top(), max(1, rect.bottom() - rect.top())


def capture_anchor(view: BilingualView) -> ReadingAnchor | None:
    """Where the view is now (None: nothing shown)."""
    renderer = view.renderer
    if not renderer.rows:
        return None
    x = view.viewport().width() // 4
    row = renderer.row_at(view.cursorForPosition(QPoint(x, 0)).position()) or 0
    # Sentence starts grow down the document: walk back from just below the top edge to the
    # last sentence that starts at or above it.
    first: tuple[int, int, int] | None = None  # sentence id, start y, height
    for index in range(min(row + 1, len(renderer.rows) - 1), -1, -1):
        ids = renderer.rows[index].sentence_ids
        for position in range(len(ids) - 1, -1, -1):
            place = _start_and_height(view, ids[position])
            if place is None:
                continue
            if place[0] > 0:
                first = (ids[position], *place)
                continue
            return ReadingAnchor(ids[position], -place[0] / place[1])
    if first is None:
        return None
    sentence_id, top, height = first
    return ReadingAnchor(sentence_id, -top / height)


def restore_anchor(view: BilingualView, anchor: ReadingAnchor) -> None:
    """Scroll so that ``anchor`` is at the top of the view again."""
    renderer = view.renderer
    if not renderer.ensure_sentence(anchor.sentence_id):
        return
    place = _start_and_height(view, anchor.sentence_id)
    if place is None:
        return
    top, height = place
    offset = math.floor(anchor.fraction * height)
    following = _next_start(view, anchor.sentence_id)
    if offset >= 0 and following is not None and following > top:
        offset = min(offset, following - top - 1)  # the next sentence must stay below the edge
    bar = view.verticalScrollBar()
    target = max(0, bar.value() + top + offset)
    # After a rebuild Qt reports the new document height a turn later; widen the range now
    # so the value is not clamped (Qt sets the exact range itself). Not when everything
    # fits: a scroll bar forced in would narrow the text, which then fits again, and so on.
    if target > bar.maximum() > 0:
        bar.setMaximum(target)
    bar.setValue(target)


def _next_start(view: BilingualView, sentence_id: int) -> int | None:
    """Viewport y where the German sentence after ``sentence_id`` starts (None: none)."""
    renderer = view.renderer
    index = renderer.row_of_sentence.get(sentence_id)
    while index is not None and index < len(renderer.rows):
        ids = renderer.rows[index].sentence_ids
        after = ids[ids.index(sentence_id) + 1 :] if sentence_id in ids else ids
        for candidate in after:
            place = _start_and_height(view, candidate)
            if place is not None:
                return place[0]
        index += 1
        if index >= len(renderer.rows):
            renderer.ensure_rows(index + 1)
    return None


class AnchorMemory:
    """The view's anchor, remembered across layout changes the reader did not make.

    Capturing again after every relayout would let rounding creep (each pixel lost at one
    width turns into a different sentence a few resizes later); while the scroll value is
    still the one the last restore set, the remembered anchor is still the reader's place.
    """

    def __init__(self, view: BilingualView) -> None:
        self.view = view
        self._anchor: ReadingAnchor | None = None
        self._value = -1
        self.holding = 0  # > 0 inside ``KeepReadingPosition``: it puts the place back itself

    def forget(self) -> None:
        self._anchor = None
        self._value = -1

    def capture(self) -> ReadingAnchor | None:
        if not self.view.renderer.rows:
            return None  # between documents, or in the middle of a rebuild
        if self._anchor is not None and self.view.verticalScrollBar().value() == self._value:
            return self._anchor
        self._anchor = capture_anchor(self.view)
        self._value = self.view.verticalScrollBar().value()
        return self._anchor

    def restore(self, anchor: ReadingAnchor) -> None:
        restore_anchor(self.view, anchor)
        self._anchor = anchor
        self._value = self.view.verticalScrollBar().value()


class KeepReadingPosition:
    """Keeps the top sentence (and the offset into it) in place while the layout changes."""

    def __init__(self, view: BilingualView) -> None:
        self.view = view
        self.anchor: ReadingAnchor | None = None

    def __enter__(self) -> KeepReadingPosition:
        self.anchor = self.view.anchors.capture()
        self.view.anchors.holding += 1
        return self

    def __exit__(self, *exc: object) -> None:
        self.view.anchors.holding -= 1
        if self.anchor is not None:
            self.view.anchors.restore(self.anchor)
