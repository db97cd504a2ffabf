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


def test_the_panel_shows_the_words_context() -> None:
    from reader.ui.words.vocabulary_panel import context_snippet

    sentence = (
        "Der JAS 39C Gripen stürzte gegen 9:30 Uhr Ortszeit auf eine Startbahn und "
        "explodierte, sodass der Flughafen für kommerzielle Flüge geschlossen werden musste."
    )
    snippet = context_snippet(sentence, "Flughafen")
    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert "Flughafen" in snippet and len(snippet) < 90
    assert context_snippet("Ein Baum.", "Baum") == "Ein Baum."
