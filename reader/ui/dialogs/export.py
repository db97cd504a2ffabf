"""File › Export as…: ask where, then write through ``export_actions``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from reader.core.cancel import CancelToken
from reader.ui.dialogs import export_actions
from reader.workers.jobs import JobRunner, ProgressFn

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow

translate = QCoreApplication.translate


def bilingual_document(window: MainWindow):  # type: ignore[no-untyped-def]
    """What is on screen, as the exporters take it (None while nothing is open)."""
    from reader.core.export.model import BilingualDocument

    if window.loaded is None:
        return None
    package = window.package
    projected = {
        (e.block, e.start, e.end): e for group in window.entities.projected.values() for e in group
    }
    entities = tuple(projected.get((e.block, e.start, e.end), e) for e in window.entities.entities)
    return BilingualDocument(
        document=window.loaded.document,
        sentences=window.loaded.sentences,
        translations=dict(window.translation.translations),
        entities=entities,
        model_name=getattr(package, "code", "") if package else "",
        model_version=getattr(package, "package_version", "") if package else "",
        check_notes=window.checks.notes(),
    )


def export_with_dialog(window: MainWindow) -> Path | None:
    """Ask for a file name and format, then write the export in the background."""
    bilingual = bilingual_document(window)
    if bilingual is None:
        window.statusBar().showMessage(translate("Export", "Open a document first."), 4000)
        return None
    folder = window.path.parent if window.path else Path.home()
    first = export_actions.EXPORT_CHOICES[0]
    name, chosen_filter = QFileDialog.getSaveFileName(
        window,
        translate("Export", "Export as"),
        str(export_actions.suggested_path(bilingual, first, folder)),
        ";;".join(export_actions.export_filters()),
    )
    if not name:
        return None
    return start_export(window, Path(name), chosen_filter)


def start_export(window: MainWindow, path: Path, chosen_filter: str = "") -> Path | None:
    """Write what is on screen to ``path`` (format from its suffix or the filter)."""
    bilingual = bilingual_document(window)
    if bilingual is None:
        return None
    choice = export_actions.choice_for(path, chosen_filter)
    if not path.suffix:
        path = path.with_suffix(choice.suffix)
    window.statusBar().showMessage(
        translate("Export", "Exporting to {name}…").format(name=path.name)
    )
    fmt = choice.fmt

    def work(_progress: ProgressFn, _cancel: CancelToken) -> None:
        export_actions.export_to_path(bilingual, path, fmt)

    # Writing (a long PDF takes seconds) happens off the GUI thread.
    _export_jobs(window).start(
        work,
        success=lambda _none: _on_export_finished(window, path),
        failure=lambda error: _on_export_failed(window, path, error),
        name=f"export {path.name}",
    )
    return path


def _export_jobs(window: MainWindow) -> JobRunner:
    """The window's runner for exports, made on the first one."""
    runner = window.findChild(JobRunner, "exportJobs")
    if runner is None:
        runner = JobRunner(window)
        runner.setObjectName("exportJobs")
    return runner


def _on_export_finished(window: MainWindow, path: Path) -> None:
    window.statusBar().showMessage(
        translate("Export", "Exported to {path}").format(path=path), 6000
    )
    window.export_finished.emit(str(path))


def _on_export_failed(window: MainWindow, path: Path, error: BaseException) -> None:
    reason = getattr(error, "strerror", None) or str(error)
    window.statusBar().clearMessage()
    window.error_bar.show_message(
        translate("Export", "Could not write “{name}”: {reason}").format(
            name=path.name, reason=reason
        ),
        error=True,
    )
