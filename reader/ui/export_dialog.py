"""File › Export as…: ask where, then write through ``export_actions``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from reader.ui import export_actions

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def bilingual_document(window: MainWindow):  # type: ignore[no-untyped-def]
    """What is on screen, as the exporters take it (None while nothing is open)."""
    from reader.core.export import BilingualDocument

    if window.loaded is None:
        return None
    package = window.package
    return BilingualDocument(
        document=window.loaded.document,
        sentences=window.loaded.sentences,
        translations=dict(window.translation.translations),
        model_name=getattr(package, "code", "") if package else "",
        model_version=getattr(package, "package_version", "") if package else "",
    )


def export_with_dialog(window: MainWindow) -> Path | None:
    """Ask for a file name and format, write the export, report in the status bar."""
    bilingual = bilingual_document(window)
    if bilingual is None:
        window.statusBar().showMessage(window.tr("Open a document first."), 4000)
        return None
    folder = window.path.parent if window.path else Path.home()
    first = export_actions.EXPORT_CHOICES[0]
    name, chosen_filter = QFileDialog.getSaveFileName(
        window,
        window.tr("Export as"),
        str(export_actions.suggested_path(bilingual, first, folder)),
        ";;".join(export_actions.export_filters()),
    )
    if not name:
        return None
    path = Path(name)
    choice = export_actions.choice_for(path, chosen_filter)
    if not path.suffix:
        path = path.with_suffix(choice.suffix)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        export_actions.export_to_path(bilingual, path, choice.fmt)
    except OSError as error:
        window.error_bar.show_message(
            window.tr("Could not write “{name}”: {reason}").format(
                name=path.name, reason=error.strerror or str(error)
            ),
            error=True,
        )
        return None
    finally:
        QApplication.restoreOverrideCursor()
    window.statusBar().showMessage(window.tr("Exported to {path}").format(path=path), 6000)
    return path
