"""Shared by the word-level window tests: a short article, opening it translated, finding a
word on screen."""

from __future__ import annotations

from pathlib import Path

from reader.ui.words.locate import WordSpot, sentence_words

TEXT = "# Drucker\n\nDer Tintenstrahldrucker steht im Büro. Er druckt schnell.\n"


def open_translated(qtbot, window, path: Path) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.translation.translation_finished, timeout=60_000):
        window.open_file(path)
    window.view.finish_rendering()


def spot_of(window, word: str) -> WordSpot:  # type: ignore[no-untyped-def]
    for sentence_id in window.view.sentence_ids():
        for spot in sentence_words(window.view, sentence_id):
            if spot.text == word:
                return spot
    raise AssertionError(word)
