"""Preferences › Leave one core free: off by default, stored, and given to the translation
thread (at once and at the next start)."""

from __future__ import annotations

import dataclasses

from reader.core.translation.threads import available_cores
from reader.ui.dialogs.preferences import Preferences, PreferencesDialog
from reader.ui.settings import Settings


def test_the_box_starts_off_and_reads_back(qtbot) -> None:
    dialog = PreferencesDialog(Preferences("DejaVu Sans", 13, "dark", 4, False, 55))
    qtbot.addWidget(dialog)
    assert not dialog.spare_core.isChecked()
    assert not dialog.preferences().leave_core_free
    dialog.spare_core.setChecked(True)
    assert dialog.preferences().leave_core_free
    again = PreferencesDialog(dataclasses.replace(dialog.preferences()))
    qtbot.addWidget(again)
    assert again.spare_core.isChecked()


def test_the_window_stores_it_and_tells_the_translation_thread(
    qtbot, make_window, reader_paths
) -> None:
    window = make_window()
    worker = window.translation.service._worker
    assert not window.settings.leave_core_free
    assert worker._threads is None  # every core
    chosen = dataclasses.replace(window.view_preferences.current(), leave_core_free=True)
    window.view_preferences.apply(chosen)
    qtbot.waitUntil(lambda: worker._threads == max(1, available_cores() - 1), timeout=5000)
    assert Settings.for_paths(reader_paths).leave_core_free
    window.close()
    reopened = make_window()
    again = reopened.translation.service._worker
    qtbot.waitUntil(lambda: again._threads == max(1, available_cores() - 1), timeout=5000)
    assert reopened.view_preferences.current().leave_core_free
    back = dataclasses.replace(reopened.view_preferences.current(), leave_core_free=False)
    reopened.view_preferences.apply(back)
    qtbot.waitUntil(lambda: again._threads is None, timeout=5000)
