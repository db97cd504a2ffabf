"""The bar that says the open file changed or vanished on disk, and offers to reload it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reader.ui.window.file_watch import DocumentWatcher
from reader.ui.window.message_bar import MessageBar


class FileChangeNotice(QObject):
    """Watches the open file and tells the reader in ``bar`` when it changes on disk.

    Signals:
        reload_requested(): the reader pressed Reload.
    """

    reload_requested = Signal()

    def __init__(self, bar: MessageBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bar = bar
        self.watcher = DocumentWatcher(self)
        self.watcher.file_changed.connect(self.show_changed)
        self.watcher.file_deleted.connect(self.show_deleted)

    def watch(self, path: Path | None) -> None:
        """Watch ``path`` (None: nothing) and take down an old notice."""
        self.bar.dismiss()
        self.watcher.watch(path)

    def show_changed(self, path: Path) -> None:
        self.bar.show_message(
            self.tr("“{name}” changed on disk. Reload it?").format(name=path.name),
            [(self.tr("Reload"), self.reload_requested.emit)],
        )

    def show_deleted(self, path: Path) -> None:
        self.bar.show_message(
            self.tr("“{name}” was deleted or moved. The text stays open here.").format(
                name=path.name
            )
        )
