"""Edit › Preferences: reading font, theme, translation speed vs accuracy, reopen last, language,
and the stored translations (shown, and erased on request)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reader.core.paths import sqlite_file_bytes
from reader.core.translation.decoding import DEFAULT_BEAM_SIZE, FAST_BEAM_SIZE
from reader.ui.i18n import language_names
from reader.ui.settings import (
    DEFAULT_MAX_LINE_CHARS,
    LANGUAGES,
    MAX_LINE_CHARS,
    MIN_LINE_CHARS,
    THEMES,
)

if TYPE_CHECKING:
    from reader.workers.translation_worker import TranslationService


@dataclass(frozen=True)
class Preferences:
    """What the dialog edits; the window applies and stores it."""

    font_family: str
    font_size: int
    theme: str
    beam_size: int
    reopen_last: bool
    german_column_percent: int
    language: str = "system"
    name_pipeline: str = ""  # an installed spaCy pipeline, "" for the reader's own tagger
    max_line_chars: int = DEFAULT_MAX_LINE_CHARS
    leave_core_free: bool = False  # translate on every core but one


class PreferencesDialog(QDialog):
    """A small form; ``preferences()`` reads the chosen values after ``exec``.

    With ``translations`` (the window's translation service) a row shows the stored
    translations and erases them on request, at once, whether the dialog is then accepted
    or not.
    """

    def __init__(
        self,
        current: Preferences,
        parent: QWidget | None = None,
        *,
        translations: TranslationService | None = None,
    ) -> None:
        super().__init__(parent)
        self._translations = translations
        self.setWindowTitle(self.tr("Preferences"))
        self.setAccessibleName(self.tr("Preferences"))

        self.font_box = QFontComboBox(self)
        self.font_box.setAccessibleName(self.tr("Reading font"))
        if current.font_family:
            self.font_box.setCurrentFont(QFont(current.font_family))
        self.size_box = QSpinBox(self)
        self.size_box.setRange(6, 48)
        self.size_box.setSuffix(self.tr(" pt"))
        self.size_box.setValue(current.font_size)
        self.size_box.setAccessibleName(self.tr("Font size"))

        self.theme_box = QComboBox(self)
        self.theme_box.setAccessibleName(self.tr("Theme"))
        names = {
            "system": self.tr("Follow the system"),
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
        }
        for theme in THEMES:
            self.theme_box.addItem(names[theme], theme)
        self.theme_box.setCurrentIndex(THEMES.index(current.theme))

        self.column_box = QSpinBox(self)
        self.column_box.setRange(25, 75)
        self.column_box.setSuffix(" %")
        self.column_box.setValue(current.german_column_percent)
        self.column_box.setAccessibleName(self.tr("Width of the German column"))
        self.line_box = QSpinBox(self)
        self.line_box.setRange(MIN_LINE_CHARS, MAX_LINE_CHARS)
        self.line_box.setSingleStep(5)
        self.line_box.setSuffix(self.tr(" characters"))
        self.line_box.setValue(current.max_line_chars)
        self.line_box.setAccessibleName(self.tr("Longest line"))
        self.line_box.setToolTip(self.tr("On wider windows the two columns stay centred"))

        self.fast = QRadioButton(self.tr("&Fast"), self)
        self.accurate = QRadioButton(self.tr("&Accurate (recommended)"), self)
        group = QButtonGroup(self)
        group.addButton(self.fast)
        group.addButton(self.accurate)
        (self.fast if current.beam_size == FAST_BEAM_SIZE else self.accurate).setChecked(True)
        tradeoff = QLabel(
            self.tr(
                "Accurate weighs four candidate translations of every sentence and matches "
                "Argos Translate exactly; it takes roughly two to three times as long. Fast "
                "keeps only the likeliest word at each step: quicker, occasionally clumsier. "
                "Changing this translates the open document again."
            ),
            self,
        )
        tradeoff.setWordWrap(True)

        self.language_box = QComboBox(self)
        self.language_box.setAccessibleName(self.tr("Language"))
        names = language_names()
        for language in LANGUAGES:
            self.language_box.addItem(names[language], language)
        self.language_box.setCurrentIndex(
            LANGUAGES.index(current.language) if current.language in LANGUAGES else 0
        )
        self.language_note = QLabel(self.tr("A new language applies when the reader restarts."))
        self.language_note.setWordWrap(True)
        self.language_note.setEnabled(False)  # greyed: a hint, not a setting

        self.names_box = QComboBox(self)
        self.names_box.setAccessibleName(self.tr("Name recognition"))
        self.names_box.addItem(self.tr("Built in (the reader's own)"), "")
        from reader.core.entities.recognizer import (
            installed_pipelines,  # not needed before Preferences
        )

        choices = installed_pipelines()
        if current.name_pipeline and current.name_pipeline not in choices:
            choices = (*choices, current.name_pipeline)  # chosen once, since uninstalled
        for name in choices:
            self.names_box.addItem(name, name)
        self.names_box.setCurrentIndex(max(0, self.names_box.findData(current.name_pipeline)))
        self.names_box.setEnabled(self.names_box.count() > 1)
        self.names_box.setToolTip(
            self.tr(
                "Installed German spaCy pipelines (de_core_news_lg, _md, _sm) are offered "
                "here. A pipeline that is no longer installed falls back to the built-in one."
            )
        )

        self.spare_core = QCheckBox(self.tr("Leave one core free for other &programs"), self)
        self.spare_core.setChecked(current.leave_core_free)
        self.spare_core.setToolTip(
            self.tr(
                "Off: translation uses every core of this computer and finishes soonest. "
                "On: one core stays free for other programs; translating takes longer."
            )
        )

        self.reopen = QCheckBox(self.tr("&Reopen the last document on start"), self)
        self.reopen.setChecked(current.reopen_last)

        form = QFormLayout()
        form.addRow(self.tr("Reading &font:"), self.font_box)
        form.addRow(self.tr("Font &size:"), self.size_box)
        form.addRow(self.tr("&Theme:"), self.theme_box)
        form.addRow(self.tr("&German column:"), self.column_box)
        form.addRow(self.tr("L&ongest line:"), self.line_box)
        form.addRow(self.tr("Translation:"), self.accurate)
        form.addRow("", self.fast)
        form.addRow("", tradeoff)
        form.addRow("", self.spare_core)
        form.addRow("", self.reopen)
        form.addRow(self.tr("&Names found by:"), self.names_box)
        form.addRow(self.tr("&Language:"), self.language_box)
        form.addRow("", self.language_note)
        if translations is not None and translations.cache_path is not None:
            form.addRow(self.tr("Stored translations:"), self._cache_row(translations))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _cache_row(self, translations: TranslationService) -> QWidget:
        """The size at once (a stat), the sentence count when the translation thread has
        counted (a query, so after a running job)."""
        self.cache_label = QLabel(self)
        self.cache_label.setAccessibleName(self.tr("Stored translations"))
        self.clear_cache_button = QPushButton(self.tr("&Clear"), self)
        self.clear_cache_button.setAccessibleName(self.tr("Clear stored translations"))
        self.clear_cache_button.clicked.connect(self._on_clear_cache_button_clicked)
        translations.cache_counted.connect(self._on_translations_cache_counted)
        translations.cache_cleared.connect(self._on_translations_cache_cleared)
        size = sqlite_file_bytes(translations.cache_path)
        if size:
            self.cache_label.setText(self._size_text(size))
            translations.count_cache()
        else:
            self._show_cache(0, 0)
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.cache_label, 1)
        layout.addWidget(self.clear_cache_button)
        return row

    def _size_text(self, size: int) -> str:
        return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)

    def _show_cache(self, count: int, size: int) -> None:
        if count:
            text = self.tr("%Ln sentence(s), %1", "", count).replace("%1", self._size_text(size))
        else:
            text = self.tr("none")
        self.cache_label.setText(text)
        self.clear_cache_button.setEnabled(count > 0)

    @Slot(int, int)
    def _on_translations_cache_counted(self, count: int, size: int) -> None:
        self._show_cache(count, size)

    @Slot()
    def _on_translations_cache_cleared(self) -> None:
        if self._translations is not None:
            self._translations.count_cache()

    @Slot()
    def _on_clear_cache_button_clicked(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Clear Stored Translations"),
            self.tr(
                "Erase every translation the reader has stored? Documents you open again "
                "will be translated anew.\n\nThis happens at once, whether you then press "
                "OK or Cancel."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes or self._translations is None:
            return
        self.clear_cache_button.setEnabled(False)
        self.cache_label.setText(self.tr("Clearing…"))
        self._translations.clear_cache()

    def preferences(self) -> Preferences:
        return Preferences(
            font_family=self.font_box.currentFont().family(),
            font_size=self.size_box.value(),
            theme=str(self.theme_box.currentData()),
            beam_size=FAST_BEAM_SIZE if self.fast.isChecked() else DEFAULT_BEAM_SIZE,
            reopen_last=self.reopen.isChecked(),
            german_column_percent=self.column_box.value(),
            max_line_chars=self.line_box.value(),
            language=str(self.language_box.currentData()),
            name_pipeline=str(self.names_box.currentData() or ""),
            leave_core_free=self.spare_core.isChecked(),
        )
