"""Notice when the open file changes or disappears on disk."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

RECHECK_MS = 200


class DocumentWatcher(QObject):
    """Watches one file.

    Editors often save by writing a new file and renaming it over the old one; the watcher
    then loses the path. So after any change we wait a moment, look again, and watch the
    new file under the same name.

    Signals:
        file_changed(Path): the file has new contents.
        file_deleted(Path): the file is gone (deleted or moved away).
    """

    file_changed = Signal(Path)
    file_deleted = Signal(Path)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_watcher_file_changed)
        self._recheck = QTimer(self)
        self._recheck.setSingleShot(True)
        self._recheck.setInterval(RECHECK_MS)
        self._recheck.timeout.connect(self._on_recheck_timeout)

    def watch(self, path: Path | None) -> None:
        """Watch ``path`` (None: nothing) instead of whatever was watched."""
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
        self.path = path
        if path is not None and path.exists():
            self._watcher.addPath(str(path))

    def _on_watcher_file_changed(self, name: str) -> None:
        if self.path is not None and Path(name) == self.path:
            self._recheck.start()

    def _on_recheck_timeout(self) -> None:
        path = self.path
        if path is None:
            return
        if path.exists():
            self.watch(path)
            self.file_changed.emit(path)
        else:
            self.file_deleted.emit(path)
