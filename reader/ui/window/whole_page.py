"""View › Whole Page: a saved web page shown whole instead of as its article."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from reader.workers.document_jobs import (
    DocumentJobs,
    LoadedDocument,
    default_loader,
    whole_page_loader,
)


class WholePageToggle(QObject):
    """Owns the checkable action; switches the loader and asks for the file to be reloaded.

    The action is enabled while the open document is a web page whose boilerplate was left
    out (or while the whole page is shown, to switch back).

    Signals:
        reload_requested(): load the open file again with the new choice.
    """

    reload_requested = Signal()

    def __init__(self, documents: DocumentJobs, window: QWidget) -> None:
        super().__init__(window)
        self._documents = documents
        self.action = QAction(self.tr("Whole &Page"), window)
        self.action.setCheckable(True)
        self.action.setEnabled(False)
        self.action.setToolTip(
            self.tr(
                "Show the saved web page whole: navigation, footer and all, not only its article"
            )
        )
        self.action.toggled.connect(self._on_action_toggled)
        documents.document_loaded.connect(self._on_documents_document_loaded)

    def _on_documents_document_loaded(self, _job_id: int, loaded: LoadedDocument) -> None:
        document = loaded.document
        whole = self.action.isChecked() and document.format == "html"
        self.action.setEnabled(document.article_only or whole)

    def _on_action_toggled(self, checked: bool) -> None:
        # Only the real loaders are swapped; a test's own loader stays in place.
        if self._documents.loader in (default_loader, whole_page_loader):
            self._documents.loader = whole_page_loader if checked else default_loader
        self.reload_requested.emit()
