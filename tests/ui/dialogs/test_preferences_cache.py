"""Preferences shows the stored translations and erases them through the translation thread."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.core.document.model import AlignedSpan
from reader.core.paths import DataPaths
from reader.core.translation.cache import CachedTranslation, TranslationCache
from reader.ui import i18n
from reader.ui.dialogs.preferences import Preferences, PreferencesDialog

ROW = CachedTranslation("The city plans a bridge.", -0.5, (AlignedSpan(0, 3, 0, 3),))
CURRENT = Preferences("Sans", 12, "system", 4, False, 50)


def fill(paths: DataPaths, rows: int) -> None:
    cache = TranslationCache(paths.translation_cache)
    cache.put_many("model", "settings", [(f"Satz Nummer {i}.", ROW) for i in range(rows)])
    cache.close()


def open_dialog(qtbot, make_window: Callable[..., object]) -> PreferencesDialog:
    window = make_window()
    dialog = PreferencesDialog(CURRENT, window, translations=window.translation.service)  # type: ignore[attr-defined]
    qtbot.addWidget(dialog)
    return dialog


def answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(_parent, _title, text, _buttons, default):  # type: ignore[no-untyped-def]
        asked.append(text)
        assert default == QMessageBox.StandardButton.No
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_row_shows_the_stored_sentences_and_their_size(
    qtbot, make_window, reader_paths: DataPaths, tmp_path
) -> None:
    fill(reader_paths, 1234)
    previous = QLocale()
    english = i18n.locale_for("en")
    QLocale.setDefault(english)
    window = make_window()  # the application exists from here on
    installed = i18n.install_translators(QApplication.instance(), english, tmp_path)
    try:
        dialog = PreferencesDialog(CURRENT, window, translations=window.translation.service)
        qtbot.addWidget(dialog)
        size = english.formattedDataSize(
            reader_paths.translation_cache.stat().st_size,
            1,
            QLocale.DataSizeFormat.DataSizeSIFormat,
        )
        assert dialog.cache_label.text() == size  # at once, from a stat
        qtbot.waitUntil(lambda: "sentences" in dialog.cache_label.text(), timeout=10_000)
        text = dialog.cache_label.text()
        assert text.startswith("1,234 sentences, ")
        assert text.endswith(" kB")  # 1,234 short rows: a few hundred kB
        assert dialog.clear_cache_button.isEnabled()
    finally:
        for translator in installed:
            QApplication.instance().removeTranslator(translator)
        QLocale.setDefault(previous)


def test_row_says_none_without_a_cache_file(qtbot, make_window, reader_paths: DataPaths) -> None:
    dialog = open_dialog(qtbot, make_window)
    assert not reader_paths.translation_cache.exists()
    assert dialog.cache_label.text() == "none"
    assert not dialog.clear_cache_button.isEnabled()


def test_clear_answered_yes_erases_the_rows(
    qtbot, make_window, reader_paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(reader_paths, 12)
    dialog = open_dialog(qtbot, make_window)
    qtbot.waitUntil(dialog.clear_cache_button.isEnabled, timeout=10_000)
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog.clear_cache_button.click()
    qtbot.waitUntil(lambda: dialog.cache_label.text() == "none", timeout=10_000)
    assert asked and "OK or Cancel" in asked[0]
    assert TranslationCache(reader_paths.translation_cache).count() == 0
    assert not dialog.clear_cache_button.isEnabled()


def test_clear_answered_no_keeps_the_rows(
    qtbot, make_window, reader_paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(reader_paths, 12)
    dialog = open_dialog(qtbot, make_window)
    qtbot.waitUntil(lambda: "12" in dialog.cache_label.text(), timeout=10_000)
    shown = dialog.cache_label.text()
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    dialog.clear_cache_button.click()
    assert asked
    # A count round trip through the translation thread: a clear would have come first.
    service = dialog._translations
    assert service is not None
    with qtbot.waitSignal(service.cache_counted, timeout=10_000) as counted:
        service.count_cache()
    assert counted.args[0] == 12
    assert dialog.cache_label.text() == shown
    assert TranslationCache(reader_paths.translation_cache).count() == 12
