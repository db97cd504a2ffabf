"""The document menu items that are not the file's own: View › Chapters, View › Whole Page
and File › New from Clipboard, put into the window's menus and wired to its callbacks."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from reader.core.document.model import Document
from reader.ui.view.bilingual_view import BilingualView
from reader.ui.window.chapters_menu import ChaptersMenu
from reader.ui.window.clipboard_document import ClipboardDocument
from reader.ui.window.menu_bar import MainMenu
from reader.ui.window.whole_page import WholePageToggle
from reader.workers.document_jobs import DocumentJobs


class DocumentMenus(QObject):
    """Owns the parts; ``reload`` loads the open file again, ``show`` shows a built
    Document, ``report`` shows an error message."""

    def __init__(
        self,
        menu: MainMenu,
        view: BilingualView,
        documents: DocumentJobs,
        window: QWidget,
        *,
        reload: Callable[[], None],
        show: Callable[[Document], object],
        report: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self.chapters = ChaptersMenu(self.tr("&Chapters"), view, window)
        self.whole_page = WholePageToggle(documents, window)
        self.clipboard = ClipboardDocument(window)
        menu.insert_after(menu.full_screen, self.chapters.menuAction())
        menu.insert_after(menu.full_screen, self.whole_page.action)
        menu.insert_after(menu.open, self.clipboard.action)
        self.whole_page.reload_requested.connect(reload)
        self.clipboard.document_built.connect(show)
        self.clipboard.failed.connect(report)
