"""The window's status bar: sentence position, names legend, format, progress, Cancel."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from reader.core.document.model import Document, EntityLabel
from reader.ui.entities.legend import EntityLegend
from reader.ui.theme import ReaderColors


class StatusBar(QStatusBar):
    """Owns its widgets; the window tells it what to show and hears Cancel.

    Signals:
        cancel_requested(): the reader pressed Cancel beside the progress bar.
    """

    cancel_requested = Signal()

    def __init__(
        self,
        colors: Callable[[], ReaderColors],
        hidden_labels: Iterable[EntityLabel] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.position = QLabel(self)
        self.position.setAccessibleName(self.tr("Current sentence"))
        self.addWidget(self.position)
        # Permanent widgets: a status message must not hide them.
        self.legend = EntityLegend(colors, hidden_labels, self)
        self.source = QLabel(self)
        self.source.setAccessibleName(self.tr("Document format and encoding"))
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Translation progress"))
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.setAccessibleName(self.tr("Cancel translation"))
        self.cancel.setToolTip(self.tr("Stop translating (what is done stays)"))
        self.cancel.hide()
        self.cancel.clicked.connect(self.cancel_requested)
        for widget in (self.legend, self.source, self.progress, self.cancel):
            self.addPermanentWidget(widget)
        self._owner: QObject | None = None  # who showed the current message, if it says so
        self._owned_text = ""

    def show_message_from(self, owner: QObject, text: str, timeout_ms: int = 0) -> None:
        """Show ``text`` on behalf of ``owner``: ``clear_messages_from(owner)`` takes it away."""
        self.showMessage(text, timeout_ms)
        self._owner, self._owned_text = owner, text

    def clear_messages_from(self, owner: QObject) -> None:
        """Take ``owner``'s message away, if it is still the one shown (others stay)."""
        if self._owner is owner and self.currentMessage() == self._owned_text:
            self.clearMessage()
        if self._owner is owner:
            self._owner, self._owned_text = None, ""

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

    def set_source(self, document: Document) -> None:
        """Say the open document's format and encoding."""
        formats = {
            "markdown": self.tr("Markdown"),
            "html": self.tr("HTML"),
            "text": self.tr("Plain text"),
        }
        # The encoding matters when it was guessed (cp1252): say which one was used.
        encoding = document.encoding.upper().replace("CP1252", "Windows-1252")
        self.source.setText(f"{formats.get(document.format, document.format)} · {encoding}")
