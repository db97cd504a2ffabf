"""The File menu's ways to pick a document: the Open dialog and the recent documents."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from reader.ui.window import recent_files

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow

OPEN_FILTER = "Documents (*.md *.markdown *.txt *.text *.html *.htm);;All files (*)"

# Called by this name so that lupdate sees the context and text of every message.
translate = QCoreApplication.translate


def choose_file(window: MainWindow) -> None:
    """Ask for a document (starting beside the open one) and open it."""
    folder = str(window.path.parent) if window.path else str(Path.home())
    name, _filter = QFileDialog.getOpenFileName(
        window,
        translate("MainWindow", "Open document"),
        folder,
        translate("MainWindow", OPEN_FILTER),
    )
    if name:
        window.open_file(name)


def fill_recent_menu(window: MainWindow) -> None:
    """List the recent documents that still exist, numbered for the keyboard."""
    menu = window.actions.recent_menu
    menu.clear()
    files = recent_files.existing(window.settings)
    for number, path in enumerate(files, 1):
        item = menu.addAction(f"&{number % 10} {path.name}")
        item.setToolTip(str(path))
        item.triggered.connect(lambda _checked=False, p=path: window.open_file(p))
    if not files:
        menu.addAction(translate("MainWindow", "No recent documents")).setEnabled(False)
