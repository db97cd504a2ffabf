"""How the main window shows the text: reading font, zoom, colour theme, and Preferences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from reader.ui import theme
from reader.ui.dialogs.preferences import Preferences, PreferencesDialog
from reader.ui.settings import ZOOM_STEPS

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow

# Called by this name so that lupdate sees the context and text of every message.
translate = QCoreApplication.translate


def apply_font(window: MainWindow) -> None:
    """Give the reading view the chosen font, its size multiplied by the zoom."""
    family = window.settings.font_family or QApplication.font().family()
    window.view.set_reading_font(family, window.settings.font_size * window.settings.zoom / 100)


def zoom_by(window: MainWindow, steps: int) -> None:
    """Move ``steps`` zoom steps in (+) or out (-), stopping at the smallest and largest."""
    current = ZOOM_STEPS.index(window.settings.zoom)
    window.set_zoom(ZOOM_STEPS[max(0, min(len(ZOOM_STEPS) - 1, current + steps))])


def set_zoom(window: MainWindow, percent: int) -> None:
    """Remember and apply a zoom level, and say it in the status bar."""
    window.settings.zoom = percent
    window.apply_font()
    window.statusBar().showMessage(
        translate("MainWindow", "Zoom {percent} %").format(percent=percent), 2000
    )


def set_theme(window: MainWindow, key: str) -> None:
    """Remember and apply a colour theme ("system", "light" or "dark") everywhere."""
    window.settings.theme = key
    window.colors = theme.apply_theme(QApplication.instance(), key)  # type: ignore[arg-type]
    for item in window.actions.theme_group.actions():
        item.setChecked(item.data() == key)
    window.view.colors = window.colors  # the entity formats take their colours from here
    window.entities.prepare_recolor()
    window.view.set_colors(window.colors)


def follow_system_scheme(window: MainWindow) -> None:
    """The system switched light/dark: follow it if the theme is "system"."""
    # Only "follow the system" follows; an explicit choice stays. Our own
    # setColorScheme call also lands here, and then nothing changes.
    if window.settings.theme == "system" and theme.is_dark("system") != window.colors.dark:
        window.set_theme("system")


def edit_preferences(window: MainWindow) -> None:
    """Open Preferences with the current settings and apply what the user accepts."""
    settings = window.settings
    current = Preferences(
        settings.font_family or QApplication.font().family(),
        settings.font_size,
        settings.theme,
        settings.beam_size,
        settings.reopen_last,
        settings.german_column_percent,
        settings.language,
        settings.name_pipeline,
    )
    dialog = PreferencesDialog(current, window, translations=window.translation.service)
    if dialog.exec():
        window.apply_preferences(dialog.preferences())
    dialog.deleteLater()  # parented to the window: without this it lingers, still connected


def apply_preferences(window: MainWindow, chosen: Preferences) -> bool:
    """Store and show the chosen preferences; True if the beam size changed."""
    settings = window.settings
    beam_changed = chosen.beam_size != settings.beam_size
    settings.font_family = chosen.font_family
    settings.font_size = chosen.font_size
    settings.reopen_last = chosen.reopen_last
    settings.beam_size = chosen.beam_size
    settings.language = chosen.language  # read at the next start
    if chosen.name_pipeline != settings.name_pipeline:
        settings.name_pipeline = chosen.name_pipeline
        window.entities.service.set_pipeline(chosen.name_pipeline)
        window.entities.recognize_again()
    if chosen.german_column_percent != settings.german_column_percent:
        settings.german_column_percent = chosen.german_column_percent
        window.headers.set_german_percent(chosen.german_column_percent)
        window.view.set_german_percent(chosen.german_column_percent)
    if chosen.theme != settings.theme:
        window.set_theme(chosen.theme)
    window.apply_font()
    return beam_changed
