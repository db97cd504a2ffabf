"""Small pieces of the main window: the column headers and the status-bar widgets."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QStatusBar, QWidget


class ColumnHeaders(QWidget):
    """ "German — original" and "English — …" above their columns, in the same proportion."""

    def __init__(self, german_percent: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(26, 6, 26, 0)
        self.german = QLabel(self.tr("German — original"), self)
        self.english = QLabel(self.tr("English — translation"), self)
        for label in (self.german, self.english):
            label.setObjectName("columnHeader")
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        # The English text starts half the column gap (plus the rule) right of the middle.
        self.english.setIndent(6)
        self._layout.addWidget(self.german)
        self._layout.addWidget(self.english)
        self.set_german_percent(german_percent)

    def set_german_percent(self, percent: int) -> None:
        self._layout.setStretch(0, percent)
        self._layout.setStretch(1, 100 - percent)

    def set_model_installed(self, installed: bool) -> None:
        self.english.setText(
            self.tr("English — translation")
            if installed
            else self.tr("English — no translation model installed")
        )


class StatusWidgets(QObject):
    """What the status bar shows: sentence position, format, translation progress, cancel."""

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)  # a QObject for tr(): its plurals reach lupdate
        self.position = QLabel(bar)
        self.position.setAccessibleName(self.tr("Current sentence"))
        bar.addWidget(self.position)
        self.source = QLabel(bar)
        self.source.setAccessibleName(self.tr("Document format and encoding"))
        self.progress = QProgressBar(bar)
        self.progress.setAccessibleName(self.tr("Translation progress"))
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.cancel = QPushButton(self.tr("Cancel"), bar)
        self.cancel.setAccessibleName(self.tr("Cancel translation"))
        self.cancel.setToolTip(self.tr("Stop translating (what is done stays)"))
        self.cancel.hide()
        bar.addPermanentWidget(self.source)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel)

    def show_progress(self, shown: bool) -> None:
        self.progress.setVisible(shown)
        self.cancel.setVisible(shown)

    def set_progress(self, done: int, total: int) -> None:
        progress = self.progress
        # Nothing done yet usually means the model is still loading (seconds, once).
        progress.setFormat(
            self.tr("Loading the model…") if done == 0 else self.tr("Translating… %p%")
        )
        if progress.maximum() != max(1, total):
            progress.setRange(0, max(1, total))
        # setValue repaints at once; whole percents are all a reader can see anyway.
        if done == total or abs(done - progress.value()) * 100 >= max(1, total):
            progress.setValue(done)
        progress.setAccessibleDescription(
            self.tr("{done} of {total} sentences translated").format(done=done, total=total)
        )

    def set_position(self, number: int, total: int) -> None:
        """``number`` is 1-based; 0 means no current sentence."""
        if number > 0:
            text = self.tr("Sentence {number} of {total}").format(number=number, total=total)
        else:
            text = self.tr("%n sentence(s)", "", total) if total else ""
        self.position.setText(text)
