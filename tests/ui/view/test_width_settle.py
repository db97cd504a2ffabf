"""Resizing lays the text out once, after the width has settled, and keeps the place."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from reader.ui.theme import colors_for
from reader.ui.view.bilingual_view import BilingualView
from reader.ui.view.reading_position import capture_anchor
from tests.ui.view.test_reading_anchor import long_document, top_is
from tests.ui.window_helpers import simple_segmenter


def shown_view(qtbot) -> BilingualView:
    view = BilingualView(colors_for(QApplication.palette(), dark=False))
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    document = long_document(600)
    view.set_document(document, simple_segmenter(document))
    view.finish_rendering()
    return view


def test_a_burst_of_resizes_lays_the_text_out_exactly_once(qtbot) -> None:
    view = shown_view(qtbot)
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)
    anchor = capture_anchor(view)
    assert anchor is not None
    passes = view.width_settle.layout_passes
    wrapped = view.lineWrapColumnOrWidth()
    # However slow a step is on a busy machine, the settle wait must not run out mid-drag.
    view.width_settle.set_settle_ms(600_000)
    for width in range(1200, 1520, 16):  # a drag: 20 steps, each handled before the next
        view.resize(width, 800)
        QApplication.processEvents()
        assert view.lineWrapColumnOrWidth() == wrapped  # the old layout stays meanwhile
    assert view.width_settle.layout_passes == passes
    with qtbot.waitSignal(view.width_settle.layout_settled):
        view.width_settle.set_settle_ms(0)  # the drag is over: let the wait run out
    assert view.width_settle.layout_passes == passes + 1
    assert view.lineWrapColumnOrWidth() == view.viewport().width()
    assert top_is(view, anchor.sentence_id)


def test_a_new_setting_lays_out_at_once(qtbot) -> None:
    view = shown_view(qtbot)
    view.resize(1920, 800)
    view.width_settle.apply_now()
    margin = view.line_length.margin
    view.line_length.set_max_chars(110)
    assert view.line_length.margin < margin
    assert not view.width_settle.pending
