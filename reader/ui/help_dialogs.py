"""Help › Keyboard Shortcuts and Help › About."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("Help", text)


def shortcuts_text() -> str:
    return _tr(
        "J or Alt+Down: next sentence\nK or Alt+Up: previous sentence\n"
        "Enter: copy the German and English of the current sentence\n"
        "Ctrl+F: find; F3 / Shift+F3: next / previous match; Esc: close find\n"
        "Ctrl++ / Ctrl+- / Ctrl+0 (or Ctrl+wheel): zoom in / out / reset\n"
        "Ctrl+Shift+N: highlight names on or off\nF11: full screen\n"
        "Ctrl+O: open; Ctrl+E: export; Ctrl+Q: quit"
    )


def show_shortcuts(parent: QWidget) -> None:
    QMessageBox.information(parent, _tr("Keyboard shortcuts"), shortcuts_text())


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        _tr("About Bilingual Reader"),
        _tr(
            "Reads German articles beside an English translation made on this computer. "
            "Nothing you open leaves it."
        ),
    )
