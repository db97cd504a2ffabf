"""On narrow windows the names panel sits below the text, so both columns keep their width."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from reader.ui.view.document_renderer import Side
from reader.ui.window.dock_placement import NARROW_WINDOW_PX, SIDE_WIDTH_PX
from tests.ui.window_helpers import german_text

Area = Qt.DockWidgetArea


def german_column_width(view) -> int:  # type: ignore[no-untyped-def]
    """How wide the German text runs: from its leftmost to its rightmost character."""
    cursor = QTextCursor(view.document())
    xs = []
    for sentence_id in view.sentence_ids()[1:]:
        start, end = view.renderer.span(sentence_id, Side.GERMAN)
        for position in range(start, end + 1):
            cursor.setPosition(position)
            xs.append(view.cursorRect(cursor).x())
    return max(xs) - min(xs)


def open_wide_paragraphs(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "absatz.txt"
    path.write_text(german_text(paragraphs=4, sentences=5), encoding="utf-8")
    with qtbot.waitSignal(window.documents.document_loaded, timeout=5000):
        window.open_file(path)
    window.view.finish_rendering()


def test_at_700_px_the_names_panel_goes_below_and_the_columns_keep_their_width(
    qtbot, make_window, tmp_path
) -> None:
    window = make_window()
    window.resize(700, 700)
    open_wide_paragraphs(qtbot, window, tmp_path)
    view, panel, placement = window.view, window.entity_display.panel, window.dock_placement
    without_panel = view.viewport().width()
    column = german_column_width(view)

    window.entity_display.panel_action.trigger()
    qtbot.waitUntil(panel.isVisible, timeout=2000)
    assert placement.below and window.dockWidgetArea(panel) == Area.BottomDockWidgetArea
    assert panel.geometry().top() >= view.geometry().bottom()  # below, not over the text
    qtbot.waitUntil(lambda: panel.height() >= 150, timeout=2000)  # room for a few names
    qtbot.waitUntil(lambda: view.viewport().width() >= without_panel - 2, timeout=2000)
    # Beside the text the panel left each column about half of this.
    qtbot.waitUntil(lambda: german_column_width(view) >= column * 0.95, timeout=2000)
    assert german_column_width(view) >= column * 0.95


def test_widening_puts_the_panel_back_beside_the_text_and_narrowing_below_again(
    qtbot, make_window, tmp_path
) -> None:
    window = make_window()
    window.resize(1200, 700)
    open_wide_paragraphs(qtbot, window, tmp_path)
    panel, placement = window.entity_display.panel, window.dock_placement
    window.entity_display.panel_action.trigger()
    qtbot.waitUntil(panel.isVisible, timeout=2000)
    assert window.dockWidgetArea(panel) == Area.RightDockWidgetArea
    assert abs(panel.width() - SIDE_WIDTH_PX) <= 10

    window.resize(NARROW_WINDOW_PX, 700)
    qtbot.waitUntil(lambda: placement.below, timeout=2000)
    assert panel.isVisible()
    qtbot.waitUntil(lambda: window.view.viewport().width() > NARROW_WINDOW_PX - 60, timeout=2000)

    window.resize(1400, 700)
    qtbot.waitUntil(lambda: not placement.below, timeout=2000)
    assert window.dockWidgetArea(panel) == Area.RightDockWidgetArea
    qtbot.waitUntil(lambda: abs(panel.width() - SIDE_WIDTH_PX) <= 10, timeout=2000)
    assert panel.geometry().left() >= window.view.geometry().right()


def test_a_hidden_panel_moves_too_and_opens_in_its_place(qtbot, make_window, tmp_path) -> None:
    window = make_window()
    window.resize(1200, 700)
    panel, placement = window.entity_display.panel, window.dock_placement
    window.resize(760, 700)
    qtbot.waitUntil(lambda: placement.below, timeout=2000)
    assert not panel.isVisible()  # moving it did not open it
    window.entity_display.panel_action.trigger()
    qtbot.waitUntil(panel.isVisible, timeout=2000)
    assert placement.below
    qtbot.waitUntil(lambda: panel.height() >= 150, timeout=2000)
