"""The lookup card's place: beside its word, never over it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize

from reader.ui.words.placement import card_position

BOUNDS = QRect(0, 0, 800, 600)
CARD = QSize(300, 150)


@pytest.mark.parametrize(
    ("word", "where"),
    [
        (QRect(100, 100, 60, 20), "below"),
        (QRect(100, 520, 60, 20), "above"),
        (QRect(700, 520, 60, 20), "above"),  # pushed left to stay inside
        (QRect(100, 10, 60, 500), "right"),  # a tall word (a wrapped one): beside it
        (QRect(600, 10, 60, 500), "left"),
    ],
)
def test_the_card_never_covers_its_word(word: QRect, where: str) -> None:
    corner = card_position(word, CARD, BOUNDS)
    card = QRect(corner, CARD)
    assert not card.intersects(word)
    assert BOUNDS.contains(card)
    assert {
        "below": card.top() > word.bottom(),
        "above": card.bottom() < word.top(),
        "right": card.left() > word.right(),
        "left": card.right() < word.left(),
    }[where]
