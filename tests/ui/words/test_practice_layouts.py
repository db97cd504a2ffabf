"""Practice layouts: Hide English covers each sentence's English until revealed; Interleaved
puts the English under the German in one column; the reading place is kept."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from reader.ui.view.block_formats import Side
from tests.ui.window_helpers import german_text, install_fake_package


def open_translated(qtbot, window, tmp_path: Path, paragraphs: int = 3) -> None:
    path = tmp_path / "bericht.txt"
    path.write_text(german_text(paragraphs=paragraphs), encoding="utf-8")
    with qtbot.waitSignal(window.translation.translation_finished, timeout=60_000):
        window.open_file(path)
    window.view.finish_rendering()


def covered_spans(window) -> set[tuple[int, int]]:
    """English spans drawn with text colour = background colour (a cover bar)."""
    found = set()
    for selection in window.view.extraSelections():
        fmt = selection.format
        if fmt.foreground().color() == fmt.background().color() and fmt.background().style():
            found.add((selection.cursor.selectionStart(), selection.cursor.selectionEnd()))
    return found


def english_point(window, sentence_id: int) -> QPoint:
    span = window.view.renderer.span(sentence_id, Side.ENGLISH)
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(span[0] + 1)
    return window.view.cursorRect(cursor).center()


def test_hide_english_covers_until_revealed(qtbot, make_window, reader_paths, tmp_path) -> None:
    install_fake_package(reader_paths.packages)
    window = make_window()
    open_translated(qtbot, window, tmp_path)
    view, practice = window.view, window.practice
    ids = view.sentence_ids()
    english = {sid: view.renderer.span(sid, Side.ENGLISH) for sid in ids}
    assert covered_spans(window) == set()
    practice.hide_action.trigger()
    assert covered_spans(window) == set(english.values())  # every sentence, German untouched
    # A click on a covered sentence keeps it shown; a second click covers it again.
    target = ids[2]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=english_point(window, target))
    assert english[target] not in covered_spans(window)
    assert english[ids[3]] in covered_spans(window)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=english_point(window, target))
    assert english[target] in covered_spans(window)
    # Hovering shows it while the pointer stays.
    qtbot.mouseMove(view.viewport(), english_point(window, ids[4]))
    qtbot.waitUntil(lambda: english[ids[4]] not in covered_spans(window), timeout=2000)
    qtbot.mouseMove(view.viewport(), QPoint(3, view.viewport().height() - 3))
    qtbot.waitUntil(lambda: english[ids[4]] in covered_spans(window), timeout=2000)
    # E shows the current sentence's English.
    view.set_current(ids[1])
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_E)
    assert english[ids[1]] not in covered_spans(window)
    practice.hide_action.trigger()
    assert covered_spans(window) == set()


def test_interleaved_puts_english_under_german_and_keeps_the_place(
    qtbot, make_window, reader_paths, tmp_path
) -> None:
    install_fake_package(reader_paths.packages)
    window = make_window()
    open_translated(qtbot, window, tmp_path, paragraphs=30)
    view = window.view
    ids = view.sentence_ids()
    view.scroll_to_sentence(ids[40])
    top = window.practice.first_sentence_in_view()
    assert top > 0
    window.practice.interleave_action.trigger()
    assert not window.headers.isVisible()
    sid = ids[41]
    german = view.cursorRect(_at(view, view.renderer.span(sid, Side.GERMAN)[0]))
    english = view.cursorRect(_at(view, view.renderer.span(sid, Side.ENGLISH)[0]))
    assert english.top() > german.bottom()  # under it, not beside it
    assert abs(english.left() - german.left()) < view.viewport().width() // 4
    assert window.practice.first_sentence_in_view() == top  # the place survived the switch
    found = view.sentence_at(english.center() + QPoint(2, 0))
    assert found == (sid, Side.ENGLISH)
    window.practice.interleave_action.trigger()
    assert window.headers.isVisible()
    english = view.cursorRect(_at(view, view.renderer.span(sid, Side.ENGLISH)[0]))
    german = view.cursorRect(_at(view, view.renderer.span(sid, Side.GERMAN)[0]))
    assert english.left() > view.viewport().width() // 3  # beside it again
    assert window.practice.first_sentence_in_view() == top


def _at(view, position: int) -> QTextCursor:
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    return cursor


def test_the_layouts_are_remembered(qtbot, make_window) -> None:
    first = make_window()
    first.practice.hide_action.trigger()
    first.practice.interleave_action.trigger()
    first.close()
    second = make_window()
    assert second.practice.hiding
    assert second.practice.interleave_action.isChecked()
    assert second.view.renderer.interleaved
    assert not second.headers.isVisible()
    second.practice.interleave_action.trigger()
    second.close()
    third = make_window()
    assert not third.view.renderer.interleaved and third.practice.hiding
