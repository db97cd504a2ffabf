"""The column headers above the German and English text."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget


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

    def set_side_margin(self, margin: int) -> None:
        """The text sits ``margin`` px in from each side: the headers follow it."""
        self._layout.setContentsMargins(26 + margin, 6, 26 + margin, 0)

    def set_german_percent(self, percent: int) -> None:
        self._layout.setStretch(0, percent)
        self._layout.setStretch(1, 100 - percent)

    def set_model_installed(self, installed: bool) -> None:
        self.english.setText(
            self.tr("English — translation")
            if installed
            else self.tr("English — no translation model installed")
        )
