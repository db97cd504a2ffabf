"""Where the lookup card goes: beside its word, never over it, inside the view."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize

GAP = 6


def card_position(word: QRect, card: QSize, bounds: QRect) -> QPoint:
    """The card's top-left corner: below the word, else above it, else beside it.

    The card is kept inside ``bounds`` where it fits and never overlaps ``word``.
    """
    left = max(bounds.left(), min(word.left(), bounds.right() - card.width() + 1))
    below = word.bottom() + 1 + GAP
    if below + card.height() - 1 <= bounds.bottom():
        return QPoint(left, below)
    above = word.top() - GAP - card.height()
    if above >= bounds.top():
        return QPoint(left, above)
    top = max(bounds.top(), min(word.top(), bounds.bottom() - card.height() + 1))
    right_side = word.right() + 1 + GAP
    if right_side + card.width() - 1 <= bounds.right():
        return QPoint(right_side, top)
    left_side = word.left() - GAP - card.width()
    if left_side >= bounds.left():
        return QPoint(left_side, top)
    # No room anywhere: below the word, even if the card runs past the view's edge.
    return QPoint(left, below)
