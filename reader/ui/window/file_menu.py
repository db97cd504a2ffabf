"""File › Open Recent: the recent documents that still exist, numbered for the keyboard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QWidget

from reader.ui.settings import Settings
from reader.ui.window import recent_files

OPEN_FILTER = (
    "Documents (*.md *.markdown *.txt *.text *.html *.htm *.epub *.docx *.pdf);;All files (*)"
)


class RecentMenu(QMenu):
    """Fills itself from the settings each time it opens.

    Signals:
        file_chosen(Path): the reader picked one of the recent documents.
    """

    file_chosen = Signal(Path)

    def __init__(self, title: str, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._settings = settings
        self.aboutToShow.connect(self.fill)

    def fill(self) -> None:
        """List the recent documents that still exist (missing ones are dropped for good)."""
        self.clear()
        files = recent_files.existing(self._settings)
        for number, path in enumerate(files, 1):
            item = self.addAction(f"&{number % 10} {path.name}")
            item.setToolTip(str(path))
            item.triggered.connect(lambda _checked=False, p=path: self.file_chosen.emit(p))
        if not files:
            self.addAction(self.tr("No recent documents")).setEnabled(False)
