"""The small editor of one sentence's English: the German above, the English to change."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class SentenceEditor(QDialog):
    """Edit the English of one sentence; OK hands the new text over (blank is refused).

    Signals:
        english_edited(int, str): the sentence id and its new English.
    """

    english_edited = Signal(int, str)

    def __init__(self, sentence_id: int, german: str, english: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.sentence_id = sentence_id
        self.setWindowTitle(self.tr("Edit Translation"))
        self.german = QLabel(german)
        self.german.setWordWrap(True)
        self.german.setAccessibleName(self.tr("German sentence"))
        self.english = QPlainTextEdit(english)
        self.english.setAccessibleName(self.tr("Your English"))
        self.english.setTabChangesFocus(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.english.textChanged.connect(self._on_english_text_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.german)
        layout.addWidget(self.english)
        layout.addWidget(self.buttons)
        self.resize(560, 220)
        self.english.setFocus()
        self.english.selectAll()

    def text(self) -> str:
        """The English as typed, line breaks and surrounding spaces folded away."""
        return " ".join(self.english.toPlainText().split())

    def accept(self) -> None:
        if self.text():
            self.english_edited.emit(self.sentence_id, self.text())
            super().accept()

    def _on_english_text_changed(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(bool(self.text()))
