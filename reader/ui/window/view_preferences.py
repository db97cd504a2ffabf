"""How the text is shown: reading font, zoom, colour theme, names on/off, and Preferences."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from reader.ui import theme
from reader.ui.dialogs.preferences import Preferences, PreferencesDialog
from reader.ui.entities.highlights import EntityController
from reader.ui.settings import ZOOM_STEPS, Settings
from reader.ui.theme import ReaderColors
from reader.ui.view.bilingual_view import BilingualView
from reader.ui.window.column_headers import ColumnHeaders
from reader.workers.translation_worker import TranslationService


def application() -> QApplication:
    """The running QApplication (the window cannot exist without one)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


class ViewPreferences(QObject):
    """Applies and remembers the reader's choices of how the text looks.

    Signals:
        zoom_changed(int): the zoom is now this percentage.
        theme_changed(str): the colour theme is now "system", "light" or "dark".
        highlighting_changed(bool): names highlighting was switched on or off.
        beam_size_changed(int): Preferences chose another translation quality (beam size).
    """

    zoom_changed = Signal(int)
    theme_changed = Signal(str)
    highlighting_changed = Signal(bool)
    beam_size_changed = Signal(int)

    def __init__(
        self,
        settings: Settings,
        view: BilingualView,
        entities: EntityController,
        headers: ColumnHeaders,
        translations: TranslationService,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._view = view
        self._entities = entities
        self._headers = headers
        self._translations = translations
        self._parent = parent  # the Preferences dialog is window-modal over it
        self.colors: ReaderColors = view.colors
        view.line_length.margin_changed.connect(headers.set_side_margin)
        view.line_length.set_max_chars(settings.max_line_chars)
        if settings.leave_core_free:
            translations.leave_core_free(True)

    def apply_font(self) -> None:
        """Give the reading view the chosen font, its size multiplied by the zoom."""
        settings = self._settings
        family = settings.font_family or QApplication.font().family()
        self._view.set_reading_font(family, settings.font_size * settings.zoom / 100)

    def zoom_by(self, steps: int) -> None:
        """Move ``steps`` zoom steps in (+) or out (-), stopping at the smallest and largest."""
        current = ZOOM_STEPS.index(self._settings.zoom)
        self.set_zoom(ZOOM_STEPS[max(0, min(len(ZOOM_STEPS) - 1, current + steps))])

    def reset_zoom(self) -> None:
        self.set_zoom(100)

    def set_zoom(self, percent: int) -> None:
        """Remember and apply a zoom level."""
        self._settings.zoom = percent
        self.apply_font()
        self.zoom_changed.emit(percent)

    def set_theme(self, key: str) -> None:
        """Remember and apply a colour theme ("system", "light" or "dark") everywhere."""
        self._settings.theme = key
        self.colors = theme.apply_theme(application(), key)
        self._view.colors = self.colors  # the entity formats take their colours from here
        self._entities.prepare_recolor()
        self._view.set_colors(self.colors)
        self.theme_changed.emit(key)

    def follow_system_scheme(self) -> None:
        """The system switched light/dark: follow it if the theme is "system"."""
        # Only "follow the system" follows; an explicit choice stays. Our own
        # setColorScheme call also lands here, and then nothing changes.
        if self._settings.theme == "system" and theme.is_dark("system") != self.colors.dark:
            self.set_theme("system")

    def set_highlighting(self, enabled: bool) -> None:
        """View › Highlight Names: people, organisations, places in both columns."""
        self._settings.highlight_entities = enabled
        self._entities.set_enabled(enabled)
        self.highlighting_changed.emit(enabled)

    def current(self) -> Preferences:
        """What the Preferences dialog starts from."""
        settings = self._settings
        return Preferences(
            settings.font_family or QApplication.font().family(),
            settings.font_size,
            settings.theme,
            settings.beam_size,
            settings.reopen_last,
            settings.german_column_percent,
            settings.language,
            settings.name_pipeline,
            settings.max_line_chars,
            settings.leave_core_free,
        )

    def edit(self) -> None:
        """Open Preferences with the current settings and apply what the user accepts."""
        dialog = PreferencesDialog(self.current(), self._parent, translations=self._translations)
        if dialog.exec():
            self.apply(dialog.preferences())
        dialog.deleteLater()  # parented to the window: without this it lingers, still connected

    def apply(self, chosen: Preferences) -> None:
        """Store and show the chosen preferences (a new beam size is signalled)."""
        settings = self._settings
        beam_changed = chosen.beam_size != settings.beam_size
        settings.font_family = chosen.font_family
        settings.font_size = chosen.font_size
        settings.reopen_last = chosen.reopen_last
        settings.beam_size = chosen.beam_size
        settings.language = chosen.language  # read at the next start
        if chosen.leave_core_free != settings.leave_core_free:
            settings.leave_core_free = chosen.leave_core_free
            self._translations.leave_core_free(chosen.leave_core_free)
        if chosen.name_pipeline != settings.name_pipeline:
            settings.name_pipeline = chosen.name_pipeline
            self._entities.service.set_pipeline(chosen.name_pipeline)
            self._entities.recognize_again()
        if chosen.german_column_percent != settings.german_column_percent:
            settings.german_column_percent = chosen.german_column_percent
            self._headers.set_german_percent(chosen.german_column_percent)
            self._view.set_german_percent(chosen.german_column_percent)
        if chosen.max_line_chars != settings.max_line_chars:
            settings.max_line_chars = chosen.max_line_chars
            self._view.line_length.set_max_chars(chosen.max_line_chars)
        if chosen.theme != settings.theme:
            self.set_theme(chosen.theme)
        self.apply_font()
        if beam_changed:
            self.beam_size_changed.emit(chosen.beam_size)
