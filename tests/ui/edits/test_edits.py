"""The reader's own English: F2 / double-click editor, marker, checks, export, reopen, restore."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from reader.core.edits.store import EditStore, document_key
from reader.ui.dialogs.export import on_screen
from reader.ui.view.block_formats import Side
from reader.ui.view.geometry import span_rect
from tests.ui.checks.test_checks_display import ENGLISH, TEXT
from tests.ui.edits.test_alternatives import OTHERS, NBestEngine
from tests.ui.window_helpers import install_fake_package

GUESTS = "Es kamen 30 Gäste."


def _open(qtbot, make_window, path: Path):  # type: ignore[no-untyped-def]
    window = make_window(engine=NBestEngine())
    window.open_file(path)
    qtbot.waitUntil(lambda: len(window.translation.translations) == 4, timeout=10_000)
    return window


def _sentence(window, german: str) -> int:  # type: ignore[no-untyped-def]
    view = window.view
    return next(sid for sid in view.sentence_ids() if view.german_for(sid) == german)


def _italic(window, sid: int) -> bool:  # type: ignore[no-untyped-def]
    start, end = window.view.renderer.span(sid, Side.ENGLISH)
    cursor = QTextCursor(window.view.document())
    cursor.setPosition((start + end) // 2)
    return bool(cursor.charFormat().fontItalic())


def _document(tmp_path: Path) -> Path:
    path = tmp_path / "bericht.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_f2_edits_the_english_which_is_marked_checked_exported_and_kept(
    qtbot, make_window, reader_paths, tmp_path: Path
) -> None:
    install_fake_package(reader_paths.packages)
    path = _document(tmp_path)
    window = _open(qtbot, make_window, path)
    qtbot.waitUntil(lambda: window.checks.controller.count == 2, timeout=10_000)
    edits = window.checks.edits
    sid = _sentence(window, GUESTS)
    window.view.set_current(sid)
    assert edits.edit_action.shortcut().toString() == "F2"
    edits.edit_action.trigger()
    editor = edits.editor
    assert editor is not None and editor.isVisible()
    assert editor.english.toPlainText() == ENGLISH[GUESTS]
    editor.english.setPlainText("  Thirty guests\ncame.  ")
    editor.accept()
    assert window.view.english_for(sid) == "Thirty guests came."
    assert edits.edited == {sid}
    assert _italic(window, sid) and not _italic(window, _sentence(window, "Das Wetter war gut."))
    assert "Your own English" in (window.checks.tooltip_at(sid) or "")
    # The checks run on the reader's English: "Thirty" is the 30.
    qtbot.waitUntil(lambda: window.checks.controller.count == 1, timeout=10_000)
    exported = on_screen(window.loaded, window.translation, window.entities, window.package)
    assert exported is not None
    assert "Thirty guests came." in [t.text for t in exported.translations.values()]
    key = document_key(path)
    assert EditStore(reader_paths.edits).load(key) == {GUESTS: "Thirty guests came."}
    window.close()

    again = _open(qtbot, make_window, path)
    qtbot.waitUntil(lambda: again.view.english_for(sid) == "Thirty guests came.", timeout=10_000)
    assert again.checks.edits.edited == {sid}
    qtbot.waitUntil(lambda: _italic(again, sid), timeout=5000)
    again.view.set_current(sid)
    again.checks.edits.restore_action.trigger()
    assert again.view.english_for(sid) == ENGLISH[GUESTS]
    assert again.checks.edits.edited == set()
    assert not _italic(again, sid)
    assert EditStore(reader_paths.edits).load(key) == {}
    qtbot.waitUntil(lambda: again.checks.controller.count == 2, timeout=10_000)


def test_a_chosen_alternative_is_kept_and_the_model_text_restores(
    qtbot, make_window, reader_paths, tmp_path: Path
) -> None:
    install_fake_package(reader_paths.packages)
    path = _document(tmp_path)
    window = _open(qtbot, make_window, path)
    chooser = window.checks.alternatives
    sid = _sentence(window, GUESTS)
    window.view.set_current(sid)
    with qtbot.waitSignal(chooser.alternatives_shown, timeout=10_000):
        chooser.action.trigger()
    chooser.menu.actions()[1].trigger()
    chooser.menu.hide()
    assert window.view.english_for(sid) == OTHERS[GUESTS][1]
    assert window.checks.edits.edited == {sid}
    assert EditStore(reader_paths.edits).load(document_key(path)) == {GUESTS: OTHERS[GUESTS][1]}
    # Picking the model's own English again is the same as restoring it.
    with qtbot.waitSignal(chooser.alternatives_shown, timeout=10_000):
        chooser.action.trigger()
    entries = chooser.menu.actions()
    assert [e.isChecked() for e in entries] == [False, True, False]
    entries[0].trigger()
    chooser.menu.hide()
    assert window.view.english_for(sid) == ENGLISH[GUESTS]
    assert window.checks.edits.edited == set()
    assert EditStore(reader_paths.edits).load(document_key(path)) == {}


def test_double_click_on_the_english_opens_the_editor(
    qtbot, make_window, reader_paths, tmp_path: Path
) -> None:
    install_fake_package(reader_paths.packages)
    window = _open(qtbot, make_window, _document(tmp_path))
    window.show()
    qtbot.waitExposed(window)
    sid = _sentence(window, "Das Wetter war gut.")
    rect = span_rect(window.view, sid, Side.ENGLISH)
    assert rect is not None
    point = QPointF(rect.center())
    event = QMouseEvent(
        QMouseEvent.Type.MouseButtonDblClick,
        point,
        window.view.viewport().mapToGlobal(point),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window.view.viewport(), event)
    editor = window.checks.edits.editor
    assert editor is not None and editor.sentence_id == sid
    assert editor.english.toPlainText() == "The weather was good."
    editor.english.setPlainText("   ")
    assert not editor.buttons.button(editor.buttons.StandardButton.Ok).isEnabled()
    editor.reject()
    assert window.view.english_for(sid) == "The weather was good."
    assert window.checks.edits.edited == set()


def test_another_document_starts_without_the_last_ones_edits(
    qtbot, make_window, reader_paths, tmp_path: Path
) -> None:
    install_fake_package(reader_paths.packages)
    window = _open(qtbot, make_window, _document(tmp_path))
    sid = _sentence(window, GUESTS)
    window.checks.edits.set_english(sid, "Thirty guests came.")
    assert window.checks.edits.edited == {sid}
    other = tmp_path / "anderer.txt"
    other.write_text("Das Wetter war gut. Es kamen 20 Leute nach Köln.\n", encoding="utf-8")
    window.open_file(other)
    qtbot.waitUntil(lambda: len(window.translation.translations) == 2, timeout=10_000)
    assert window.checks.edits.edited == set()
    assert window.checks.edits.user == {}
    # The edit belongs to the first document only, and is still kept for it.
    assert EditStore(reader_paths.edits).load(document_key(other)) == {}
    assert EditStore(reader_paths.edits).load(document_key(tmp_path / "bericht.txt")) == {
        GUESTS: "Thirty guests came."
    }


def test_the_context_menu_edits_and_restores(
    qtbot, make_window, reader_paths, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QMenu

    install_fake_package(reader_paths.packages)
    window = _open(qtbot, make_window, _document(tmp_path))
    edits = window.checks.edits
    sid = _sentence(window, GUESTS)
    menu = QMenu()
    edits.add_menu_entries(menu, sid)
    assert [a.text() for a in menu.actions()] == ["&Edit Translation…"]
    menu.actions()[0].trigger()
    assert edits.editor is not None and edits.editor.sentence_id == sid
    edits.editor.reject()
    edits.set_english(sid, "Thirty guests came.")
    menu = QMenu()
    edits.add_menu_entries(menu, sid)
    restore = menu.actions()[1]
    assert restore.text() == "&Restore Machine Translation"
    restore.trigger()
    assert window.view.english_for(sid) == ENGLISH[GUESTS]
