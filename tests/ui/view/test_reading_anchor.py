"""The reading position is an anchor: the top sentence survives every relayout."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from reader.core.document.model import Block, BlockKind, Document, Sentence
from reader.ui.theme import colors_for
from reader.ui.view.bilingual_view import BilingualView
from reader.ui.view.reading_position import ReadingAnchor, _start_and_height, capture_anchor
from tests.ui.window_helpers import english_of, simple_segmenter

TEXT = (
    "Die Stadt hat im vergangenen Jahr mehr Geld für Schulen und Straßen ausgegeben als "
    "geplant wobei der Rat die Kosten für den Neubau der Brücke über den Fluss noch nicht "
    "abschließend bewertet hat und viele Bürger fragen sich warum"
)
WORDS = tuple(TEXT.split(" "))


def long_document(sentences: int = 2000, seed: int = 18) -> Document:
    """Articles of headings and paragraphs, sentences of 8 to 45 words (~2,000 sentences)."""
    rng = random.Random(seed)
    blocks: list[Block] = []
    count = 0
    while count < sentences:
        if rng.random() < 0.1:
            title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 6))).capitalize()
            blocks.append(Block(len(blocks), BlockKind.HEADING, title, level=2))
            count += 1
            continue
        parts = []
        for _ in range(rng.randint(1, 6)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(8, 45))]
            parts.append(" ".join(words).capitalize() + ".")
        blocks.append(Block(len(blocks), BlockKind.PARAGRAPH, " ".join(parts)))
        count += len(parts)
    return Document("Sammlung", tuple(blocks))


def top_is(view: BilingualView, sentence_id: int) -> bool:
    """The top sentence is ``sentence_id`` — or it shares its first line with the next one,
    which the rule then counts as the top (both start on the top line)."""
    now = capture_anchor(view)
    assert now is not None
    if now.sentence_id == sentence_id:
        return True
    mine, theirs = _start_and_height(view, sentence_id), _start_and_height(view, now.sentence_id)
    return mine is not None and theirs is not None and mine[0] == theirs[0] <= 0


@pytest.fixture(params=["whole", "windowed"])
def long_view(qtbot, request) -> tuple[BilingualView, tuple[Sentence, ...]]:
    """The long document with every row built, and (as a big document would be) with a
    window of 200 rows that moves as the view scrolls."""
    view = BilingualView(colors_for(QApplication.palette(), dark=False))
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    if request.param == "windowed":
        view.renderer.window_rows = 200
    else:
        view.renderer.windowed_above = 10**9
    document = long_document()
    sentences = simple_segmenter(document)
    view.set_document(document, sentences)
    view.finish_rendering()
    return view, sentences


def settle(qtbot, view: BilingualView) -> None:
    """Wait for the one layout that follows a resize (the old one stays while it is due)."""
    qtbot.waitUntil(lambda: not view.width_settle.pending)


def random_places(view: BilingualView, count: int, seed: int) -> list[int]:
    """Scroll values anywhere but the last quarter: a wider window makes the document
    shorter, and near its end the view cannot scroll down to the old top sentence."""
    rng = random.Random(seed)
    bar = view.verticalScrollBar()
    return [rng.randint(bar.maximum() // 50, bar.maximum() * 3 // 4) for _ in range(count)]


def test_the_document_is_long_enough(long_view) -> None:
    _view, sentences = long_view
    assert 2000 <= len(sentences) < 2100


@pytest.mark.parametrize(
    ("before", "after"),
    [(1200, 1600), (1600, 1920), (1920, 900), (900, 1200), (1200, 900), (1600, 1200)],
)
def test_width_changes_keep_the_top_sentence(qtbot, long_view, before, after) -> None:
    view, _sentences = long_view
    view.resize(before, 800)
    settle(qtbot, view)
    for value in random_places(view, 10, seed=before * after):
        view.verticalScrollBar().setValue(value)
        anchor = capture_anchor(view)
        assert anchor is not None
        view.resize(after, 800)
        settle(qtbot, view)
        assert top_is(view, anchor.sentence_id), value
        view.resize(before, 800)
        settle(qtbot, view)
        assert top_is(view, anchor.sentence_id), value


def test_a_series_of_resizes_does_not_creep(qtbot, long_view) -> None:
    view, _sentences = long_view
    for value in random_places(view, 3, seed=7):
        view.verticalScrollBar().setValue(value)
        anchor = capture_anchor(view)
        for width in (900, 1000, 1100, 1300, 1500, 1700, 1920, 1400, 950, 1200) * 2:
            view.resize(width, 700)
            settle(qtbot, view)
            assert top_is(view, anchor.sentence_id), (value, width)


def test_zoom_fonts_theme_and_streaming_english_keep_the_top_sentence(qtbot, long_view) -> None:
    view, sentences = long_view
    english_done = 0
    for step, value in enumerate(random_places(view, 10, seed=3)):
        view.verticalScrollBar().setValue(value)
        anchor = capture_anchor(view)
        assert anchor is not None
        view.set_reading_font("", 11 + step % 4 * 2)
        assert top_is(view, anchor.sentence_id)
        view.set_colors(colors_for(QApplication.palette(), dark=step % 2 == 0))
        assert top_is(view, anchor.sentence_id)
        view.set_german_percent(40 + step * 2)
        assert top_is(view, anchor.sentence_id)
        batch = sentences[english_done : english_done + 200]
        view.set_translations({s.id: english_of(s.text) * 2 for s in batch})
        english_done += 200
        assert top_is(view, anchor.sentence_id)


def test_an_anchor_brings_back_the_same_place_at_another_width(qtbot, long_view) -> None:
    view, sentences = long_view
    target = sentences[1234].id
    view.scroll_to_anchor(ReadingAnchor(target, 0.5))
    assert top_is(view, target)
    view.resize(1600, 800)
    settle(qtbot, view)
    view.scroll_to_anchor(ReadingAnchor(target, 0.0))
    assert top_is(view, target)


def test_ctrl_end_and_ctrl_home_reach_both_ends_before_every_row_is_built(qtbot) -> None:
    from PySide6.QtCore import Qt

    view = BilingualView(colors_for(QApplication.palette(), dark=False))
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    document = long_document()
    sentences = simple_segmenter(document)
    view.set_document(document, sentences)
    assert not view.renderer.complete  # the rest would follow from a timer
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert sentences[-1].id in view.visible_sentence_ids()
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert view.verticalScrollBar().value() == 0
    assert sentences[0].id in view.visible_sentence_ids()


class ResizeCounter(QObject):
    """Counts the view's resize events (a scroll bar coming and going resizes it)."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.count += 1
            if self.count > 200:
                raise AssertionError("the view keeps resizing itself")
        return False


def test_a_text_that_almost_fits_does_not_make_the_view_resize_back_and_forth(qtbot) -> None:
    view = BilingualView(colors_for(QApplication.palette(), dark=False))
    qtbot.addWidget(view)
    view.resize(1300, 400)
    view.show()
    paragraph = "Ein Satz, der in einer Zeile steht, solange das Fenster breit genug ist. " * 3
    document = Document("Kurz", tuple(Block(i, BlockKind.PARAGRAPH, paragraph) for i in range(4)))
    view.set_document(document, simple_segmenter(document))
    view.finish_rendering()
    counter = ResizeCounter()
    view.viewport().installEventFilter(counter)
    for height in range(200, 600, 9):  # somewhere the text just fits with or without a bar
        bar = view.verticalScrollBar()
        bar.setValue(bar.maximum())
        counter.count = 0
        view.resize(1300 + height % 17, height)
        for _ in range(5):
            QApplication.processEvents()
        assert counter.count < 20, height
