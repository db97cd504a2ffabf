"""The window: opening, error messages, no-model banner, translation, recent, zoom, reload."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from reader.core import errors
from reader.ui.settings import Settings
from reader.ui.view.document_renderer import Side
from reader.ui.view.reading_position import ReadingAnchor, capture_anchor
from tests.ui.window_helpers import FakeEngine, english_of, german_text, install_fake_package


def open_and_wait(qtbot, window, path: Path) -> None:
    with qtbot.waitSignal(window.documents.document_loaded, timeout=5000):
        window.open_file(path)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "bericht.txt"
    path.write_text(german_text(), encoding="utf-8")
    return path


def test_without_a_model_the_german_shows_with_the_banner(qtbot, make_window, article) -> None:
    window = make_window()
    open_and_wait(qtbot, window, article)
    assert window.model_banner.isVisible()
    assert "Haus Nummer 0-0" in window.view.toPlainText()
    first = window.view.sentence_ids()[0]
    start, end = window.view.renderer.span(first, Side.ENGLISH)
    assert start == end  # no "…" promises while nothing can translate
    assert not window.status_bar.progress.isVisible()
    assert "bericht" in window.windowTitle()


ERRORS = [
    (errors.FileMissing, {}, "could not be found"),
    (errors.NotAFile, {}, "not a regular file"),
    (errors.NoPermission, {}, "permission"),
    (errors.UnsupportedFormat, {"suffix": ".pdf"}, ".pdf"),
    (errors.FileTooLarge, {"size": 300_000_000, "limit": 20_000_000}, "too large"),
    (errors.BinaryFile, {}, "binary"),
    (errors.EmptyDocument, {}, "no text"),
    (errors.ReadFailed, {"reason": "I/O error"}, "I/O error"),
    (errors.ArchiveUnsafe, {"reason": "ratio", "name": "a.xml", "limit": 200}, "zip bomb"),
    (errors.ArchiveUnsafe, {"reason": "symlink", "name": "OEBPS/x"}, "OEBPS/x"),
    (errors.DocumentDamaged, {"reason": "not a zip archive"}, "not a zip archive"),
    (errors.DocumentEncrypted, {}, "password"),
    (errors.NoTextLayer, {}, "OCR"),
    (errors.TooManyPages, {"pages": 2000, "limit": 1000}, "2000 pages"),
]


@pytest.mark.parametrize(("error_type", "fields", "words"), ERRORS)
def test_each_load_error_becomes_a_message_and_the_window_stays_usable(
    qtbot, make_window, article, tmp_path, error_type, fields, words
) -> None:
    window = make_window()
    real_loader = window.documents.loader

    def failing(path: Path):
        raise error_type(path, **fields)

    window.documents.loader = failing
    with qtbot.waitSignal(window.documents.load_failed, timeout=5000):
        window.open_file(tmp_path / "kaputt.md")
    assert window.error_bar.isVisible()
    assert words in window.error_bar.text()
    assert "kaputt.md" in window.error_bar.text()
    window.documents.loader = real_loader
    open_and_wait(qtbot, window, article)
    assert not window.error_bar.isVisible()
    assert window.view.sentence_ids()


def test_translation_fills_in_progressively_then_finishes(
    qtbot, make_window, article, reader_paths, gate
) -> None:
    install_fake_package(reader_paths.packages)
    window = make_window(engine=FakeEngine(batch=2, gate=gate))
    open_and_wait(qtbot, window, article)
    assert not window.model_banner.isVisible()
    assert window.status_bar.progress.isVisible() and window.status_bar.cancel.isVisible()
    ids = window.view.sentence_ids()
    assert all(window.view.english_for(i) is None for i in ids)
    gate.release()
    qtbot.waitUntil(lambda: len(window.translation.translations) == 2, timeout=5000)
    assert window.status_bar.progress.value() == 2
    assert "…" in window.view.toPlainText()  # the rest still waits
    for _ in ids:
        gate.release()
    with qtbot.waitSignal(window.translation.translation_finished, timeout=5000):
        pass
    assert not window.status_bar.progress.isVisible()
    german = window.view.german_for(ids[-1])
    assert window.view.english_for(ids[-1]) == english_of(german)
    assert "…" not in window.view.toPlainText()


def test_progress_says_the_model_is_loading_then_counts_sentences(
    qtbot, make_window, tmp_path, reader_paths, tiny_package_dir
) -> None:
    import shutil

    shutil.copytree(tiny_package_dir, reader_paths.packages / tiny_package_dir.name)
    window = make_window(real_engine=True)  # the copy model, loaded by CTranslate2
    progress = window.status_bar.progress
    seen: list[tuple[str, int]] = []
    window.translation.progress_changed.connect(
        lambda _done, _total: seen.append((progress.text(), progress.value()))
    )
    path = tmp_path / "lang.txt"
    path.write_text(german_text(paragraphs=40, sentences=4), encoding="utf-8")
    with qtbot.waitSignal(window.translation.translation_finished, timeout=60_000):
        window.open_file(path)
    total = len(window.translation.translations)
    assert total == 161  # the heading and 160: one sentence is less than a percent
    assert seen[0] == ("Loading the model…", 0)  # shown, and not a blank bar at −1
    counts = [text for text, _value in seen[1:]]
    assert counts and all(re.match(r"\d+ / 161\b", text) for text in counts)
    assert counts[-1].startswith("161 / 161")
    assert not progress.isVisible()


def test_progress_estimates_the_time_left_once_a_few_sentences_are_done(
    qtbot, make_window, article, reader_paths, gate
) -> None:
    install_fake_package(reader_paths.packages)
    window = make_window(engine=FakeEngine(batch=2, gate=gate))
    clock = [1000.0]
    window.status_bar.time_left.clock = lambda: clock[0]
    open_and_wait(qtbot, window, article)
    progress = window.status_bar.progress
    total = window.translation.done_count()[1]
    assert progress.text() == "Loading the model…"
    clock[0] += 20  # the model loads
    gate.release()
    qtbot.waitUntil(lambda: len(window.translation.translations) == 2, timeout=5000)
    assert progress.text() == f"2 / {total}"  # the pace is not known yet
    for done in (4, 6, 8):
        clock[0] += 2  # one batch of two sentences every two seconds
        gate.release()
        qtbot.waitUntil(lambda d=done: len(window.translation.translations) == d, timeout=5000)
    # 6 sentences in 6 s since the first batch, 2 left at that pace.
    assert total == 10  # the heading and nine
    # The bar shows the count at most every PROGRESS_INTERVAL_MS: the last one soon after.
    qtbot.waitUntil(lambda: progress.text() == "8 / 10 · under a minute left", timeout=2000)
    assert "under a minute left" in progress.accessibleDescription()


def test_the_time_left_goes_by_the_german_characters_translated(
    qtbot, make_window, article, reader_paths, gate
) -> None:
    install_fake_package(reader_paths.packages)
    window = make_window(engine=FakeEngine(batch=2, gate=gate))
    open_and_wait(qtbot, window, article)
    controller = window.translation
    sentences = controller.view.renderer.sentences
    wanted = controller._to_translate
    assert controller.work() == (0, sum(len(sentences[sid].text) for sid in wanted))
    for done in (2, 4):
        gate.release()
        qtbot.waitUntil(lambda d=done: len(controller.translations) == d, timeout=5000)
        qtbot.waitUntil(lambda: not controller._incoming, timeout=5000)
        translated = sum(len(sentences[sid].text) for sid in controller.translations)
        assert controller.work()[0] == translated > 0


def test_cancel_keeps_what_is_done(qtbot, make_window, article, reader_paths, gate) -> None:
    install_fake_package(reader_paths.packages)
    window = make_window(engine=FakeEngine(batch=2, gate=gate))
    open_and_wait(qtbot, window, article)
    gate.release()
    qtbot.waitUntil(lambda: len(window.translation.translations) == 2, timeout=5000)
    with qtbot.waitSignal(window.translation.translation_finished, timeout=5000) as ended:
        qtbot.mouseClick(window.status_bar.cancel, Qt.MouseButton.LeftButton)
    assert ended.args == [True]
    assert not window.status_bar.cancel.isVisible()
    assert len(window.translation.translations) == 2
    assert "cancelled" in window.statusBar().currentMessage()


def test_translate_the_rest_finishes_only_what_is_missing(
    qtbot, make_window, article, reader_paths, gate
) -> None:
    install_fake_package(reader_paths.packages)
    engine = FakeEngine(batch=2, gate=gate)
    window = make_window(engine=engine)
    open_and_wait(qtbot, window, article)
    assert not window.status_bar.rest.isVisible()
    assert not window.main_menu.translate_rest.isEnabled()
    gate.release()
    qtbot.waitUntil(lambda: len(window.translation.translations) == 2, timeout=5000)
    with qtbot.waitSignal(window.translation.translation_finished, timeout=5000):
        window.main_menu.cancel_translation.trigger()
    done = set(window.translation.translations)
    assert window.status_bar.rest.isVisible()
    assert window.main_menu.translate_rest.isEnabled()
    for _ in range(100):
        gate.release()
    with qtbot.waitSignal(window.translation.translation_finished, timeout=5000) as ended:
        qtbot.mouseClick(window.status_bar.rest, Qt.MouseButton.LeftButton)
    assert ended.args == [False]
    ids = set(window.view.sentence_ids())
    assert set(window.translation.translations) == ids
    assert set(engine.calls[-1]) == ids - done  # only the untranslated sentences
    assert not window.status_bar.rest.isVisible()
    assert not window.main_menu.translate_rest.isEnabled()
    assert window.view.english_for(max(ids)) == english_of(window.view.german_for(max(ids)))


def test_a_model_installed_later_starts_translation(
    qtbot, make_window, article, reader_paths
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, article)
    assert window.model_banner.isVisible()
    install_fake_package(reader_paths.packages)
    with qtbot.waitSignal(window.translation.translation_finished, timeout=5000):
        window._on_models_changed()  # what closing Tools › Models does
    assert not window.model_banner.isVisible()
    assert all(window.view.english_for(i) for i in window.view.sentence_ids())


def test_tools_models_opens_the_model_manager(qtbot, make_window) -> None:
    window = make_window()
    window.main_menu.models.trigger()
    dialog = window.model_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.reject()


def test_recent_files_menu_lists_opened_files(qtbot, make_window, tmp_path) -> None:
    window = make_window()
    paths = []
    for name in ("eins.txt", "zwei.txt"):
        path = tmp_path / name
        path.write_text("Ein Satz.")
        open_and_wait(qtbot, window, path)
        paths.append(path)
    window.main_menu.recent_menu.fill()
    labels = [a.text() for a in window.main_menu.recent_menu.actions()]
    assert labels == ["&1 zwei.txt", "&2 eins.txt"]
    paths[1].unlink()
    window.main_menu.recent_menu.fill()
    assert [a.text() for a in window.main_menu.recent_menu.actions()] == ["&1 eins.txt"]


def test_zoom_changes_both_columns_and_is_remembered(qtbot, make_window, article, reader_paths):
    window = make_window()
    open_and_wait(qtbot, window, article)
    size = window.view.document().defaultFont().pointSizeF()
    assert window.main_menu.zoom_in.shortcut().toString() == "Ctrl++"
    window.main_menu.zoom_in.trigger()
    window.main_menu.zoom_in.trigger()
    assert window.view.document().defaultFont().pointSizeF() > size
    assert Settings.for_paths(reader_paths).zoom == 125
    window.main_menu.zoom_reset.trigger()
    assert Settings.for_paths(reader_paths).zoom == 100
    window.main_menu.zoom_out.trigger()
    assert Settings.for_paths(reader_paths).zoom == 90


def test_find_jumps_to_sentences_in_either_language(
    qtbot, make_window, article, reader_paths
) -> None:
    install_fake_package(reader_paths.packages)
    window = make_window()
    with qtbot.waitSignal(window.translation.translation_finished, timeout=5000):
        window.open_file(article)
    window.main_menu.find.trigger()
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.field, "nummer 1-2")
    target = window.view.current
    assert window.view.german_for(target).count("Nummer 1-2") == 1
    assert window.find_bar.status.text() == "1 of 2"  # German and its English copy
    window.main_menu.find_next.trigger()
    assert window.view.current == target
    assert window.view._match[0] >= window.view.renderer.span(target, Side.ENGLISH)[0]
    window.main_menu.find_previous.trigger()
    assert window.find_bar.status.text() == "1 of 2"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()


def marked_texts(window) -> list[str]:
    return [
        selection.cursor.selectedText()
        for selection in window.view.extraSelections()
        if selection.cursor.hasSelection()
    ]


def test_find_marks_every_match_in_both_columns_with_a_count(
    qtbot, make_window, article, reader_paths
) -> None:
    install_fake_package(reader_paths.packages)
    window = make_window()
    with qtbot.waitSignal(window.translation.translation_finished, timeout=5000):
        window.open_file(article)
    window.main_menu.find.trigger()
    qtbot.keyClicks(window.find_bar.field, "rand der")
    matches = window.find_bar.matches
    assert len(matches) == 18  # 9 German sentences and their 9 English copies
    assert {match.side for match in matches} == set(Side)
    assert window.find_bar.status.text() == "1 of 18"
    assert [text.lower() for text in marked_texts(window)].count("rand der") == 18
    window.main_menu.find_next.trigger()
    assert window.find_bar.status.text() == "2 of 18"
    assert [text.lower() for text in marked_texts(window)].count("rand der") == 18
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert "Rand der" not in marked_texts(window)  # closing the bar takes the marks away


def test_escape_clears_the_current_sentence(qtbot, make_window, article) -> None:
    window = make_window()
    open_and_wait(qtbot, window, article)
    window.view.set_current(window.view.sentence_ids()[2])
    window.view.setFocus()
    with qtbot.waitSignal(window.view.current_sentence_changed, timeout=1000) as changed:
        qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert changed.args == [-1]
    assert window.view.current == -1
    assert window.status_bar.position.text() == "10 sentences"


def test_file_change_offers_reload_and_keeps_the_position(qtbot, make_window, article) -> None:
    window = make_window()
    open_and_wait(qtbot, window, article)
    ids = window.view.sentence_ids()
    window.view.set_current(ids[4])
    article.write_text(german_text().replace("Bericht", "Nachtrag"), encoding="utf-8")
    qtbot.waitUntil(lambda: window.file_bar.isVisible(), timeout=5000)
    assert "changed on disk" in window.file_bar.text()
    with qtbot.waitSignal(window.documents.document_loaded, timeout=5000):
        qtbot.mouseClick(window.file_bar.buttons[0], Qt.MouseButton.LeftButton)
    assert "Nachtrag" in window.view.toPlainText()
    assert window.view.top_sentence_id() <= ids[4] <= window.view.visible_sentence_ids()[-1]


def test_deleted_file_is_reported_and_the_text_stays(qtbot, make_window, article) -> None:
    window = make_window()
    open_and_wait(qtbot, window, article)
    article.unlink()
    qtbot.waitUntil(lambda: window.file_bar.isVisible(), timeout=5000)
    assert "deleted" in window.file_bar.text()
    assert "Haus Nummer 0-0" in window.view.toPlainText()


def test_dropping_a_file_opens_it(qtbot, make_window, article) -> None:
    window = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(article))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.documents.document_loaded, timeout=5000):
        window.dropEvent(event)
    assert window.path == article


def test_dark_theme_is_applied_and_remembered(qtbot, make_window, article, reader_paths):
    window = make_window()
    open_and_wait(qtbot, window, article)
    dark = next(a for a in window.main_menu.theme_group.actions() if a.data() == "dark")
    dark.trigger()
    assert window.view_preferences.colors.dark
    qtbot.waitUntil(lambda: window.palette().window().color().lightness() < 100, timeout=2000)
    assert Settings.for_paths(reader_paths).theme == "dark"
    window.view_preferences.set_theme("light")
    assert not window.view_preferences.colors.dark


def test_status_bar_counts_sentences(qtbot, make_window, article) -> None:
    window = make_window()
    open_and_wait(qtbot, window, article)
    ids = window.view.sentence_ids()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    assert window.status_bar.position.text() == f"Sentence 2 of {len(ids)}"


def test_accessible_names(qtbot, make_window) -> None:
    window = make_window()
    assert window.view.accessibleName() == "German original and English translation"
    assert "left column is the German" in window.view.accessibleDescription()
    assert window.status_bar.progress.accessibleName()
    assert window.status_bar.cancel.accessibleName()
    assert window.find_bar.field.accessibleName()


def test_window_geometry_is_remembered(qtbot, make_window) -> None:
    first = make_window()
    first.resize(700, 500)
    first.close()
    second = make_window()
    assert (second.width(), second.height()) == (700, 500)


def test_full_screen_toggles(qtbot, make_window) -> None:
    window = make_window()
    window.main_menu.full_screen.trigger()
    assert window.isFullScreen() and window.main_menu.full_screen.isChecked()
    window.main_menu.full_screen.trigger()
    assert not window.isFullScreen()


def test_a_file_replaced_by_rename_is_still_watched(qtbot, make_window, article) -> None:
    window = make_window()
    open_and_wait(qtbot, window, article)
    fresh = article.with_suffix(".tmp")
    fresh.write_text(german_text().replace("Bericht", "Neufassung"), encoding="utf-8")
    os.replace(fresh, article)  # how many editors save
    qtbot.waitUntil(lambda: window.file_bar.isVisible(), timeout=5000)
    assert "changed on disk" in window.file_bar.text()
    window.file_bar.dismiss()
    article.write_text(german_text().replace("Bericht", "Dritte"), encoding="utf-8")
    qtbot.waitUntil(lambda: window.file_bar.isVisible(), timeout=5000)  # watched again


@pytest.mark.parametrize("suffix", [".html", ".tsv", ".pdf"])
def test_export_writes_in_the_background(
    qtbot, make_window, article, reader_paths, tmp_path, suffix
) -> None:
    install_fake_package(reader_paths.packages)
    window = make_window()
    with qtbot.waitSignal(window.translation.translation_finished, timeout=5000):
        window.open_file(article)
    target = tmp_path / f"export{suffix}"
    with qtbot.waitSignal(window.exports.export_finished, timeout=30_000) as done:
        window.exports.start_export(target)
    assert done.args == [str(target)]
    assert target.stat().st_size > 100
    if suffix == ".tsv":
        first = window.view.sentence_ids()[1]
        assert english_of(window.view.german_for(first)) in target.read_text(encoding="utf-8")


def test_export_failure_is_a_message(qtbot, make_window, article, tmp_path) -> None:
    window = make_window()
    open_and_wait(qtbot, window, article)
    window.exports.start_export(tmp_path / "fehlt" / "export.html")
    qtbot.waitUntil(lambda: window.error_bar.isVisible(), timeout=10_000)
    assert "Could not write" in window.error_bar.text()


def test_ctrl_wheel_zooms_through_the_setting(qtbot, make_window, article, reader_paths):
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QWheelEvent

    window = make_window()
    open_and_wait(qtbot, window, article)
    event = QWheelEvent(
        QPointF(50, 50),
        QPointF(50, 50),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    window.view.wheelEvent(event)
    assert Settings.for_paths(reader_paths).zoom == 110


def test_reopening_a_file_returns_to_where_the_reader_was(
    qtbot, make_window, tmp_path, reader_paths
) -> None:
    long_text = tmp_path / "lang.txt"
    long_text.write_text(german_text(paragraphs=60), encoding="utf-8")
    other = tmp_path / "kurz.txt"
    other.write_text("Ein Satz.", encoding="utf-8")
    window = make_window()
    open_and_wait(qtbot, window, long_text)
    target = window.view.sentence_ids()[120]
    window.view.scroll_to_anchor(ReadingAnchor(target, 0.5))
    open_and_wait(qtbot, window, other)  # leaving it remembers the place
    sentence, fraction = Settings.for_paths(reader_paths).reading_position(str(long_text))
    assert sentence == target and 0.3 < fraction < 0.7
    open_and_wait(qtbot, window, long_text)
    anchor = capture_anchor(window.view)
    assert anchor is not None
    assert anchor.sentence_id == target and abs(anchor.fraction - fraction) < 0.1


def test_opening_the_names_panel_keeps_the_top_sentence(qtbot, make_window, tmp_path) -> None:
    long_text = tmp_path / "lang.txt"
    long_text.write_text(german_text(paragraphs=80), encoding="utf-8")
    window = make_window()
    window.resize(1200, 800)
    open_and_wait(qtbot, window, long_text)
    window.view.finish_rendering()
    target = window.view.sentence_ids()[150]
    window.view.scroll_to_anchor(ReadingAnchor(target, 0.3))
    width = window.view.width()
    window.entity_display.panel_action.trigger()
    qtbot.waitUntil(lambda: window.view.width() != width)
    QApplication.processEvents()
    assert capture_anchor(window.view).sentence_id == target


def test_only_web_links_leave_the_application(qtbot, make_window, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from reader.ui.window import links

    opened: list[str] = []
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.Cancel]
    monkeypatch.setattr(
        links.QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True
    )
    monkeypatch.setattr(
        links.QMessageBox, "question", lambda _p, _t, text, *_a: asked.append(text) or answer[0]
    )
    window = make_window()
    window._on_view_link_activated(QUrl("file:///etc/passwd"))
    window._on_view_link_activated(QUrl("javascript:alert(1)"))
    assert opened == [] and asked == []
    assert "not opened" in window.statusBar().currentMessage()
    window._on_view_link_activated(QUrl("https://www.bahn.de"))
    assert opened == [] and "https://www.bahn.de" in asked[0]  # asked, and the reader said no
    answer[0] = QMessageBox.StandardButton.Open
    window._on_view_link_activated(QUrl("https://www.bahn.de"))
    assert opened == ["https://www.bahn.de"]


class _LoadRecorder(FakeEngine):
    """Records when the model is loaded, and when asked to translate."""

    def __init__(self) -> None:
        super().__init__()
        self.events: list[str] = []

    def load(self) -> None:
        self.events.append("load")

    def translate(self, sentences, **options):  # type: ignore[no-untyped-def]
        self.events.append("translate")
        return super().translate(sentences, **options)


def test_the_model_loads_while_the_file_is_being_opened(
    qtbot, make_window, article, reader_paths
) -> None:
    install_fake_package(reader_paths.packages)
    engine = _LoadRecorder()
    window = make_window(engine=engine)
    with qtbot.waitSignal(window.translation.translation_finished, timeout=10_000):
        window.open_file(article)
    assert engine.events[:2] == ["load", "translate"]


def test_no_model_is_loaded_ahead_when_none_is_installed(qtbot, make_window, article) -> None:
    engine = _LoadRecorder()
    window = make_window(engine=engine)
    open_and_wait(qtbot, window, article)
    qtbot.wait(100)
    assert engine.events == []
    assert window.model_banner.isVisible()
