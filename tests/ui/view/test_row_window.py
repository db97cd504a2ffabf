"""Big documents: a window of rows, a document-wide scroll bar, both ends reached at once."""

from __future__ import annotations

import random

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QAbstractSlider, QApplication

from reader.core.document.model import Block, BlockKind, Document, Sentence
from reader.ui.theme import colors_for
from reader.ui.view.bilingual_view import BilingualView
from reader.ui.view.document_renderer import ExtraFormat, Side
from reader.ui.view.windowed_renderer import WINDOW_ROWS, WINDOWED_ABOVE
from tests.ui.window_helpers import simple_segmenter

BLOCK_COUNT = 3000


def big_document(count: int = BLOCK_COUNT) -> Document:
    blocks = []
    for i in range(count):
        if i % 40 == 0:
            blocks.append(Block(i, BlockKind.HEADING, f"Kapitel {i // 40 + 1}", level=2))
            continue
        text = f"Absatz {i} beginnt mit diesem Satz. " + "Dann folgt ein zweiter Satz. " * (i % 3)
        blocks.append(Block(i, BlockKind.PARAGRAPH, text + f"Absatz {i} endet hier."))
    return Document("Groß", tuple(blocks))


def big_view(qtbot, count: int = BLOCK_COUNT) -> tuple[BilingualView, tuple[Sentence, ...]]:
    view = BilingualView(colors_for(QApplication.palette(), dark=False))
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    document = big_document(count)
    sentences = simple_segmenter(document)
    view.set_document(document, sentences)
    return view, sentences


def top_block(view: BilingualView) -> int:
    anchor = view.reading_anchor()
    assert anchor is not None
    position = view.renderer.block_position(anchor.sentence_id)
    assert position is not None
    return position


def test_a_big_document_holds_only_a_window_of_rows(qtbot) -> None:
    view, sentences = big_view(qtbot)
    assert sum(len(s.text) for s in sentences) > WINDOWED_ABOVE
    assert view.row_window.active and view.row_window.bar.isVisible()
    assert not view.verticalScrollBar().isVisible()  # the document-wide bar replaces it
    assert view.row_window.bar.maximum() == BLOCK_COUNT - 1
    view.finish_rendering()
    assert len(view.renderer.rows) == WINDOW_ROWS
    assert len(view.sentence_ids()) == len(sentences)  # every sentence is still known


def test_a_small_document_builds_every_row_and_keeps_the_text_views_bar(qtbot) -> None:
    view, _sentences = big_view(qtbot, 300)
    view.finish_rendering()
    assert not view.row_window.active and not view.row_window.bar.isVisible()
    assert len(view.renderer.rows) == 300


def test_ctrl_end_and_ctrl_home_reach_both_ends_of_a_big_document_at_once(qtbot) -> None:
    view, sentences = big_view(qtbot)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    # No event-loop turn in between: the last sentence is on screen when the key returns.
    assert sentences[-1].id in view.visible_sentence_ids()
    assert len(view.renderer.rows) <= WINDOW_ROWS
    assert view.row_window.bar.value() == view.row_window.bar.maximum()
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert sentences[0].id in view.visible_sentence_ids()
    assert view.verticalScrollBar().value() == 0
    assert view.row_window.bar.value() == 0
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert sentences[-1].id in view.visible_sentence_ids()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert sentences[0].id in view.visible_sentence_ids()


def test_the_document_bar_puts_any_block_at_the_top(qtbot) -> None:
    view, _sentences = big_view(qtbot)
    rng = random.Random(18)
    for place in [rng.randrange(BLOCK_COUNT - 50) for _ in range(10)] + [1, 2500, 40]:
        view.row_window.bar.setValue(place)
        assert top_block(view) == place, place
        assert len(view.renderer.rows) <= WINDOW_ROWS
    view.row_window.bar.setValue(view.row_window.bar.maximum())
    assert view.sentence_ids()[-1] in view.visible_sentence_ids()


def test_scrolling_through_moves_the_window_and_keeps_the_place(qtbot) -> None:
    view, _sentences = big_view(qtbot)
    view.row_window.bar.setValue(1000)
    inner = view.verticalScrollBar()
    tops = [top_block(view)]
    while tops[-1] < 1000 + 2 * WINDOW_ROWS:
        inner.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)
        qtbot.waitUntil(lambda: not view.row_window._follow_timer.isActive())
        tops.append(top_block(view))
        assert tops[-1] > tops[-2]  # every page goes on down, a move included
        assert view.row_window.bar.value() == tops[-1]
    assert view.row_window.moves >= 2
    downs = view.row_window.moves
    while tops[-1] > 1000:
        inner.triggerAction(QAbstractSlider.SliderAction.SliderPageStepSub)
        qtbot.waitUntil(lambda: not view.row_window._follow_timer.isActive())
        tops.append(top_block(view))
        assert tops[-1] < tops[-2]
    assert view.row_window.moves > downs
    assert tops[-1] >= 998  # the page steps back up land where they started


def test_a_resize_in_a_moved_window_keeps_the_top_sentence(qtbot) -> None:
    view, _sentences = big_view(qtbot)
    for place, width in ((2222, 900), (700, 1920), (2900, 1200)):
        view.row_window.bar.setValue(place)
        anchor = view.reading_anchor()
        assert anchor is not None
        view.resize(width, 800)
        qtbot.waitUntil(lambda: not view.width_settle.pending)
        now = view.reading_anchor()
        assert now is not None and now.sentence_id == anchor.sentence_id


def test_current_sentence_find_marks_and_formats_work_in_a_far_window(qtbot) -> None:
    view, sentences = big_view(qtbot)
    far = sentences[-30]
    marked = QTextCharFormat()
    marked.setBackground(QColor("#ffdd00"))
    view.set_extra_formats([ExtraFormat(Side.GERMAN, far.block, far.start, far.start + 6, marked)])
    view.set_current(far.id)  # outside the first window: the window moves to it
    assert view.current == far.id and far.id in view.visible_sentence_ids()
    span = view.renderer.span(far.id, Side.GERMAN)
    assert span is not None
    cursor = QTextCursor(view.document())
    cursor.setPosition(span[0] + 1)
    assert cursor.charFormat().background().color() == QColor("#ffdd00")
    selected = [s for s in view.extraSelections() if s.cursor.selectionStart() == span[0]]
    assert selected  # the current pair's highlight sits on the moved rows
    view.highlight_match(sentences[5].id, Side.GERMAN, 0, 6)  # back to the first window
    assert sentences[5].id in view.visible_sentence_ids()
    match = view.renderer.span(sentences[5].id, Side.GERMAN)
    assert match is not None
    assert any(
        s.cursor.selectionStart() == match[0] and s.cursor.selectionEnd() == match[0] + 6
        for s in view.extraSelections()
    )


def test_the_wheel_and_the_keys_scroll_a_big_document_without_the_text_views_bar(qtbot) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    view, _sentences = big_view(qtbot)
    view.finish_rendering()
    inner = view.verticalScrollBar()
    point = QPointF(300, 300)
    wheel = QWheelEvent(
        point,
        QPointF(view.viewport().mapToGlobal(point.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), wheel)
    assert inner.value() > 0
    view.setFocus()
    before = inner.value()
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert inner.value() > before
    qtbot.waitUntil(lambda: view.row_window.bar.value() == top_block(view))
    assert top_block(view) > 0


def test_a_small_document_after_a_big_one_gets_the_text_views_bar_back(qtbot) -> None:
    view, _sentences = big_view(qtbot)
    assert view.row_window.bar.isVisible() and view.line_length.reserved > 0
    view.row_window.bar.setValue(2000)
    assert view.renderer.first_block > 0
    small = big_document(300)
    view.set_document(small, simple_segmenter(small))
    assert not view.row_window.bar.isVisible()
    assert view.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded
    assert view.line_length.reserved == 0
    view.finish_rendering()
    assert len(view.renderer.rows) == 300 and view.renderer.first_block == 0
