"""File › New from Clipboard: the clipboard's HTML or text opened as a document."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QObject, Signal
from PySide6.QtGui import QAction, QClipboard, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QWidget

from reader.core.document.loading import MAX_FILE_BYTES, load_text
from reader.core.document.model import Document
from reader.core.errors import EmptyDocument


class ClipboardDocument(QObject):
    """Builds a Document from the clipboard (HTML when it has some, else plain text).

    Signals:
        document_built(Document): the clipboard's document, to be shown.
        failed(str): words for why nothing could be opened.
    """

    document_built = Signal(object)
    failed = Signal(str)

    def __init__(self, window: QWidget, clipboard: QClipboard | None = None) -> None:
        super().__init__(window)
        self._clipboard = clipboard
        self.action = QAction(self.tr("New from &Clipboard"), window)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+V"))
        self.action.triggered.connect(lambda _checked=False: self.open_clipboard())

    def open_clipboard(self) -> Document | None:
        """Build the document and emit it (or a reason); returns it for tests."""
        clipboard = self._clipboard or QGuiApplication.clipboard()
        data = clipboard.mimeData()
        document = self.build(data) if data is not None else None
        if document is not None:
            self.document_built.emit(document)
        return document

    def build(self, data: QMimeData) -> Document | None:
        title = self.tr("Clipboard")
        html = data.html() if data.hasHtml() else ""
        text = data.text() if data.hasText() else ""
        chosen, format = (html, "html") if html.strip() else (text, "text")
        if len(chosen) > MAX_FILE_BYTES:
            self.failed.emit(
                self.tr("The clipboard holds too much text to show ({count} characters).").format(
                    count=len(chosen)
                )
            )
            return None
        try:
            return load_text(chosen, format=format, title=title)
        except EmptyDocument:
            self.failed.emit(self.tr("The clipboard holds no text to show."))
            return None
