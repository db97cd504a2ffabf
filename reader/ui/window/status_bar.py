"""The window's status bar: sentence position, names legend, format, progress, Cancel."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from reader.core.document.model import Document, EntityLabel
from reader.ui.entities.legend import EntityLegend
from reader.ui.theme import ReaderColors
from reader.ui.window.time_left import TimeLeft

PROGRESS_MAX_WIDTH = 360  # room for "12,345 / 35,933 · about 1 h 12 min left"


class StatusBar(QStatusBar):
    """Owns its widgets; the window tells it what to show and hears Cancel.

    Signals:
        cancel_requested(): the reader pressed Cancel beside the progress bar.
        rest_requested(): the reader pressed "Translate the Rest" after a cancelled run.
    """

    cancel_requested = Signal()
    rest_requested = Signal()

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
        self.progress.setMaximumWidth(PROGRESS_MAX_WIDTH)
        self.progress.hide()
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.setAccessibleName(self.tr("Cancel translation"))
        self.cancel.setToolTip(self.tr("Stop translating (what is done stays)"))
        self.cancel.hide()
        self.cancel.clicked.connect(self.cancel_requested)
        self.rest = QPushButton(self.tr("Translate the Rest"), self)
        self.rest.setToolTip(self.tr("Translate the sentences that have no English yet"))
        self.rest.hide()
        self.rest.clicked.connect(self.rest_requested)
        for widget in (self.legend, self.source, self.progress, self.cancel, self.rest):
            self.addPermanentWidget(widget)
        self.time_left = TimeLeft()
        self._first_done = -1  # sentences done when the current run first reported
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
        if shown:
            self.rest.hide()

    def begin_progress(self) -> None:
        """A translation starts: "Loading the model…" until its first sentences arrive."""
        progress = self.progress
        progress.setRange(0, 1)
        progress.setValue(0)  # a reset bar (value −1) would show no text at all
        progress.setFormat(self.tr("Loading the model…"))
        progress.setMinimumWidth(0)
        self._fit_progress_text()
        self._first_done = -1
        self.time_left.restart()

    def set_progress(self, done: int, total: int, work: tuple[int, int] | None = None) -> None:
        """``done`` of ``total`` sentences have English; with a time-left estimate soon, paced
        by ``work`` (characters done and in all) when given."""
        progress = self.progress
        if self._first_done < 0:
            self._first_done = done
        if progress.maximum() != max(1, total):
            progress.setRange(0, max(1, total))
        # setValue repaints at once; whole percents are all a reader can see anyway.
        if done == total or abs(done - progress.value()) * 100 >= max(1, total):
            progress.setValue(done)
        if done == self._first_done:  # nothing new since the start: the model still loads
            progress.setFormat(self.tr("Loading the model…"))
            left = None
        else:
            seconds = self.time_left.update(done, total, work)
            left = None if seconds is None else self._describe_time_left(seconds)
            counts = self.tr("{done} / {total}").format(
                done=QLocale().toString(done), total=QLocale().toString(total)
            )
            # A literal % would read as a placeholder of QProgressBar's format.
            progress.setFormat(
                (counts if left is None else f"{counts} · {left}").replace("%", "%%")
            )
        self._fit_progress_text()
        description = self.tr("{done} of {total} sentences translated").format(
            done=done, total=total
        )
        progress.setAccessibleDescription(description if left is None else f"{description}, {left}")

    def _fit_progress_text(self) -> None:
        """Widen the bar to its text: squeezed by the legend, it wrapped "… left" in two.
        It only grows during a run, so the widgets beside it do not jump at every update."""
        progress = self.progress
        needed = progress.fontMetrics().horizontalAdvance(progress.text()) + 4 * 8
        if needed > progress.minimumWidth():
            progress.setMinimumWidth(min(needed, PROGRESS_MAX_WIDTH))

    def _describe_time_left(self, seconds: float) -> str:
        if seconds < 60:
            return self.tr("under a minute left")
        minutes = math.ceil(seconds / 60)
        if minutes < 60:
            return self.tr("about {minutes} min left").format(minutes=minutes)
        return self.tr("about {hours} h {minutes} min left").format(
            hours=minutes // 60, minutes=minutes % 60
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
            "epub": self.tr("EPUB book"),
            "docx": self.tr("Word document"),
            "pdf": self.tr("PDF"),
        }
        name = formats.get(document.format, document.format)
        if not document.encoding:  # a container format: its encoding is not the user's concern
            self.source.setText(name)
            return
        # The encoding matters when it was guessed (cp1252): say which one was used.
        encoding = document.encoding.upper().replace("CP1252", "Windows-1252")
        text = f"{name} · {encoding}"
        if document.replaced_bytes:
            # A stray byte in UTF-8 text is shown as U+FFFD; say how many, not nothing.
            text += " · " + self.tr("%n invalid byte(s) shown as �", "", document.replaced_bytes)
        self.source.setText(text)
