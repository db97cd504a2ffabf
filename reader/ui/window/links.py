"""Opening a web link from a document: only after the reader says yes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget


def confirm_and_open(parent: QWidget, url: QUrl) -> bool:
    """Ask whether to open ``url`` in the web browser; open it if so. True when opened."""
    shown = url.toDisplayString()
    if len(shown) > 200:
        shown = shown[:200] + "…"
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("Links", "Open link"),
        QCoreApplication.translate("Links", "Open this link in your web browser?\n\n{url}").format(
            url=shown
        ),
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    if answer != QMessageBox.StandardButton.Open:
        return False
    return QDesktopServices.openUrl(url)
