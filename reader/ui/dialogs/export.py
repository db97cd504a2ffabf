"""File › Export as…: ask where, then write what is on screen through ``export_actions``."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QStatusBar, QWidget

from reader.core.cancel import CancelToken
from reader.ui.dialogs import export_actions
from reader.workers.jobs import JobRunner, ProgressFn

if TYPE_CHECKING:
    from reader.core.export.model import BilingualDocument
    from reader.core.packages.store import InstalledPackage
    from reader.ui.entities.highlights import EntityController
    from reader.ui.view.translation_controller import TranslationController
    from reader.ui.window.message_bar import MessageBar
    from reader.workers.document_jobs import LoadedDocument

translate = QCoreApplication.translate


def on_screen(
    loaded: LoadedDocument | None,
    translation: TranslationController,
    entities: EntityController,
    package: InstalledPackage | None,
    check_notes: Mapping[int, tuple[str, ...]] | None = None,
) -> BilingualDocument | None:
    """What is on screen, as the exporters take it (None while nothing is open)."""
    from reader.core.export.model import BilingualDocument

    if loaded is None:
        return None
    projected = {
        (e.block, e.start, e.end): e for group in entities.projected.values() for e in group
    }
    return BilingualDocument(
        document=loaded.document,
        sentences=loaded.sentences,
        translations=dict(translation.translations),
        entities=tuple(projected.get((e.block, e.start, e.end), e) for e in entities.entities),
        model_name=package.code if package else "",
        model_version=package.package_version if package else "",
        check_notes=check_notes,
    )


class ExportController(QObject):
    """Asks for a file name and format, then writes the export off the GUI thread.

    Its collaborators come in explicitly: what is on screen (``document``), the open file
    (``source``, for the folder to start in), the job runner that writes, the status bar for
    progress words and the error bar for failures; ``parent`` owns the file dialog.

    Signals:
        export_finished(str): this file was written.
    """

    export_finished = Signal(str)

    def __init__(
        self,
        document: Callable[[], BilingualDocument | None],
        source: Callable[[], Path | None],
        runner: JobRunner,
        status_bar: QStatusBar,
        error_bar: MessageBar,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._source = source
        self._runner = runner
        self._status_bar = status_bar
        self._error_bar = error_bar
        self._parent = parent

    def on_screen(self) -> BilingualDocument | None:
        """What an export writes now (None while nothing is open)."""
        return self._document()

    def export_with_dialog(self) -> Path | None:
        """Ask for a file name and format, then write the export in the background."""
        bilingual = self._document()
        if bilingual is None:
            self._status_bar.showMessage(translate("Export", "Open a document first."), 4000)
            return None
        source = self._source()
        folder = source.parent if source else Path.home()
        first = export_actions.EXPORT_CHOICES[0]
        name, chosen_filter = QFileDialog.getSaveFileName(
            self._parent,
            translate("Export", "Export as"),
            str(export_actions.suggested_path(bilingual, first, folder)),
            ";;".join(export_actions.export_filters()),
        )
        if not name:
            return None
        return self.start_export(Path(name), chosen_filter)

    def start_export(self, path: Path, chosen_filter: str = "") -> Path | None:
        """Write what is on screen to ``path`` (format from its suffix or the filter)."""
        bilingual = self._document()
        if bilingual is None:
            return None
        choice = export_actions.choice_for(path, chosen_filter)
        if not path.suffix:
            path = path.with_suffix(choice.suffix)
        self._status_bar.showMessage(
            translate("Export", "Exporting to {name}…").format(name=path.name)
        )
        fmt = choice.fmt

        def work(_progress: ProgressFn, _cancel: CancelToken) -> None:
            export_actions.export_to_path(bilingual, path, fmt)

        # Writing (a long PDF takes seconds) happens off the GUI thread.
        self._runner.start(
            work,
            success=lambda _none: self._on_export_finished(path),
            failure=lambda error: self._on_export_failed(path, error),
            name=f"export {path.name}",
        )
        return path

    def _on_export_finished(self, path: Path) -> None:
        self._status_bar.showMessage(
            translate("Export", "Exported to {path}").format(path=path), 6000
        )
        self.export_finished.emit(str(path))

    def _on_export_failed(self, path: Path, error: BaseException) -> None:
        reason = getattr(error, "strerror", None) or str(error)
        self._status_bar.clearMessage()
        self._error_bar.show_message(
            translate("Export", "Could not write “{name}”: {reason}").format(
                name=path.name, reason=reason
            ),
            error=True,
        )
