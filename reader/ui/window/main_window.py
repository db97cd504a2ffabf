"""The application window: reading view, banners, find bar, status bar, menus.

Behaviour lives in small helpers (renderer, view, translation controller, find bar, file
watcher); the window wires them and turns events into words.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMainWindow

from reader.core.document.model import Document
from reader.core.paths import DataPaths
from reader.ui import theme
from reader.ui.dialogs import help as help_dialogs
from reader.ui.dialogs.preferences import Preferences
from reader.ui.entities.display import EntityDisplay
from reader.ui.entities.highlights import EntityController
from reader.ui.models.support import make_model_banner, open_model_manager
from reader.ui.settings import Settings
from reader.ui.view.bilingual_view import BilingualView
from reader.ui.view.find_bar import FindBar
from reader.ui.view.translation_controller import TranslationController
from reader.ui.window import file_menu, recent_files, view_settings
from reader.ui.window.actions import build_menus
from reader.ui.window.file_watch import DocumentWatcher
from reader.ui.window.layout import build_layout, build_status_bar
from reader.ui.window.message_bar import MessageBar
from reader.ui.window.messages import describe_load_error, describe_translation_error
from reader.workers.document_jobs import DocumentJobs, LoadedDocument
from reader.workers.entity_worker import EntityService
from reader.workers.translation_worker import TranslationService

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """German left, English right; one document at a time.

    Signals:
        export_finished(str): File › Export as… wrote this file.
    """

    export_finished = Signal(str)

    def __init__(
        self,
        paths: DataPaths,
        settings: Settings,
        *,
        documents: DocumentJobs | None = None,
        translations: TranslationService | None = None,
        entities: EntityService | None = None,
    ) -> None:
        super().__init__()
        self.paths = paths
        self.settings = settings
        self.loaded: LoadedDocument | None = None
        self.path: Path | None = None
        self.package = None
        self._load_job = 0
        self._reload_anchor = -1
        self.model_dialog = None
        self.setWindowTitle(self.tr("Bilingual Reader"))
        self.setAcceptDrops(True)

        self.colors = theme.apply_theme(QApplication.instance(), settings.theme)  # type: ignore[arg-type]
        self.view = BilingualView(self.colors, self)
        self.view.renderer.german_percent = settings.german_column_percent
        self.documents = documents or DocumentJobs(self)
        self.documents.document_loaded.connect(self._on_documents_document_loaded)
        self.documents.load_failed.connect(self._on_documents_load_failed)
        self.translation = TranslationController(
            self.view,
            translations or TranslationService(self, cache_path=paths.translation_cache),
        )
        self.translation.progress_changed.connect(self._on_translation_progress_changed)
        self.translation.translation_finished.connect(self._on_translation_translation_finished)
        self.translation.translation_failed.connect(self._on_translation_translation_failed)
        self.entities = EntityController(
            self.view,
            entities or EntityService(self),
            enabled=settings.highlight_entities,
        )
        self.translation.translations_applied.connect(self.entities.on_translations)
        if settings.name_pipeline:
            self.entities.service.set_pipeline(settings.name_pipeline)

        self.find_bar = FindBar(self.view, self)
        self.find_bar.closed.connect(self.view.setFocus)
        self.model_banner = make_model_banner(self)
        self.model_banner.hide()
        self.model_banner.install_requested.connect(lambda: self.manage_models("install"))
        self.model_banner.download_requested.connect(lambda: self.manage_models("download"))
        self.error_bar = MessageBar("errorBar", self)
        self.file_bar = MessageBar("fileBar", self)
        self.watcher = DocumentWatcher(self)
        self.watcher.file_changed.connect(self._on_watcher_file_changed)
        self.watcher.file_deleted.connect(self._on_watcher_file_deleted)
        build_layout(self)
        build_status_bar(self)
        self.entity_display = EntityDisplay(self)  # legend, names panel, tooltips
        self.actions = build_menus(self)
        self.entity_display.add_to_menu(self.actions.highlight_entities)
        self.view.current_sentence_changed.connect(self._on_view_current_sentence_changed)
        self.view.pair_copied.connect(self._on_view_pair_copied)
        self.view.link_activated.connect(self._on_view_link_activated)
        self.view.zoom_requested.connect(self.zoom_by)
        QApplication.styleHints().colorSchemeChanged.connect(self._on_style_hints_scheme_changed)
        self.apply_font()
        if settings.geometry is not None:
            self.restoreGeometry(settings.geometry)
        else:
            self.resize(1200, 800)
        self.entity_display.restore_state()

    # --- opening -----------------------------------------------------------------------

    def open_file(self, path: str | Path) -> int:
        """Start loading ``path``; the result arrives in ``_on_documents_document_loaded``."""
        path = Path(path).expanduser()
        self._load_job = self.documents.load(path)
        self._loading_path = path
        self.statusBar().showMessage(self.tr("Opening {name}…").format(name=path.name))
        return self._load_job

    def show_document(self, document: Document) -> int:
        """Show a Document built elsewhere (segmented in the background like a file)."""
        self._load_job = self.documents.show(document)
        self._loading_path = document.source
        return self._load_job

    def open_from_other_launch(self, files: list[str]) -> None:
        """Another ``reader FILE`` handed its file over: open it and come to the front."""
        if files:
            self.open_file(files[0])
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.raise_()
        self.activateWindow()

    def choose_file(self) -> None:
        file_menu.choose_file(self)

    def fill_recent_menu(self) -> None:
        file_menu.fill_recent_menu(self)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.open_file(files[0])

    def _on_documents_document_loaded(self, job_id: int, loaded: LoadedDocument) -> None:
        if job_id != self._load_job:
            return  # an older request finished after a newer one
        self.show_loaded(loaded)

    def show_loaded(self, loaded: LoadedDocument) -> None:
        """Show a loaded and segmented document and start translating it."""
        self.remember_position()
        source = loaded.document.source
        if source == self.path:
            reload_anchor = self._reload_anchor
        else:  # another document: back where the reader left it last time
            reload_anchor = self.settings.reading_position(str(source)) if source else -1
        self._reload_anchor = -1
        self.loaded = loaded
        self.error_bar.dismiss()
        self.file_bar.dismiss()
        self.statusBar().clearMessage()
        self.watcher.watch(loaded.document.source)
        self.path = loaded.document.source
        title = loaded.document.title or (self.path.name if self.path else "")
        self.setWindowTitle(self.tr("{title} — Bilingual Reader").format(title=title))
        if self.path is not None:
            recent_files.remember(self.settings, self.path)
        self.source_label.setText(self._describe_source(loaded.document))
        self.package = self.find_package()
        self.view.set_document(
            loaded.document, loaded.sentences, placeholders=self.package is not None
        )
        self.translation.reset()
        self.entities.reset(loaded.document, loaded.sentences)
        self.find_bar.refresh()
        if reload_anchor >= 0:
            self.view.scroll_to_sentence(reload_anchor)
        self._update_position_label()
        self._start_translation()

    def _describe_source(self, document: Document) -> str:
        formats = {
            "markdown": self.tr("Markdown"),
            "html": self.tr("HTML"),
            "text": self.tr("Plain text"),
        }
        # The encoding matters when it was guessed (cp1252): say which one was used.
        encoding = document.encoding.upper().replace("CP1252", "Windows-1252")
        return f"{formats.get(document.format, document.format)} · {encoding}"

    def _on_documents_load_failed(self, job_id: int, error: Exception) -> None:
        if job_id != self._load_job:
            return
        self.error_bar.show_message(describe_load_error(error), error=True)
        self.statusBar().clearMessage()

    # --- translation -------------------------------------------------------------------

    def find_package(self):  # type: ignore[no-untyped-def]
        """The installed de→en package, or None (then the banner offers to get one)."""
        from reader.core.packages.store import installed_translation_package

        package = installed_translation_package(self.paths)
        self.model_banner.setVisible(package is None)
        self.headers.set_model_installed(package is not None)
        return package

    def _start_translation(self) -> None:
        if self.package is None or self.loaded is None:
            self._show_progress(False)
            return
        self.translation.start(self.package, self.settings.beam_size)
        self._show_progress(self.translation.running)

    def cancel_translation(self) -> None:
        self.translation.cancel()

    def _show_progress(self, shown: bool) -> None:
        self.status.show_progress(shown)
        self.actions.cancel_translation.setEnabled(shown)

    def _on_translation_progress_changed(self, done: int, total: int) -> None:
        self.status.set_progress(done, total)

    def _on_translation_translation_finished(self, cancelled: bool) -> None:
        self._show_progress(False)
        if cancelled:
            done, total = self.translation.done_count()
            self.statusBar().showMessage(
                self.tr("Translation cancelled: {done} of {total} sentences done.").format(
                    done=done, total=total
                ),
                8000,
            )
        self.find_bar.refresh()

    def _on_translation_translation_failed(self, error: object) -> None:
        self._show_progress(False)
        self.error_bar.show_message(describe_translation_error(error), error=True)  # type: ignore[arg-type]

    def manage_models(self, intent: str = "") -> None:
        """Tools › Translation models; afterwards, translate if a model appeared."""
        self.model_dialog = open_model_manager(self, self.paths, intent, self._on_models_changed)

    def _on_models_changed(self) -> None:
        had_package = self.package is not None
        self.package = self.find_package()
        if self.package is not None and self.loaded is not None:
            self.view.set_placeholders(True)
            if not had_package or not self.translation.running:
                self._start_translation()

    # --- sentences ---------------------------------------------------------------------

    def copy_pair(self) -> None:
        self.view.copy_current_pair()

    def _on_view_current_sentence_changed(self, _sentence_id: int) -> None:
        self._update_position_label()

    def _on_view_pair_copied(self, _sentence_id: int) -> None:
        self.statusBar().showMessage(self.tr("Copied the sentence pair."), 3000)

    def _on_view_link_activated(self, url: QUrl) -> None:
        # Only web links leave the application, and only when clicked.
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        else:
            self.statusBar().showMessage(
                self.tr("Links of this kind are not opened: {url}").format(url=url.toString()),
                5000,
            )

    def _update_position_label(self) -> None:
        ids = self.view.sentence_ids()
        current = self.view.current
        self.status.set_position(ids.index(current) + 1 if current >= 0 and ids else 0, len(ids))

    # --- file on disk ------------------------------------------------------------------

    def _on_watcher_file_changed(self, path: Path) -> None:
        self.file_bar.show_message(
            self.tr("“{name}” changed on disk. Reload it?").format(name=path.name),
            [(self.tr("Reload"), self.reload)],
        )

    def _on_watcher_file_deleted(self, path: Path) -> None:
        self.file_bar.show_message(
            self.tr("“{name}” was deleted or moved. The text stays open here.").format(
                name=path.name
            )
        )

    def reload(self) -> None:
        """Load the current file again, keeping the reading position by sentence."""
        if self.path is None:
            return
        self._reload_anchor = (
            self.view.current if self.view.current >= 0 else (self.view.top_sentence_id())
        )
        self.open_file(self.path)

    # --- view settings -----------------------------------------------------------------

    def apply_font(self) -> None:
        view_settings.apply_font(self)

    def zoom_by(self, steps: int) -> None:
        view_settings.zoom_by(self, steps)

    def reset_zoom(self) -> None:
        self.set_zoom(100)

    def set_zoom(self, percent: int) -> None:
        view_settings.set_zoom(self, percent)

    def set_theme(self, key: str) -> None:
        view_settings.set_theme(self, key)

    def _on_style_hints_scheme_changed(self, _scheme: object) -> None:
        view_settings.follow_system_scheme(self)

    def set_entity_highlighting(self, enabled: bool) -> None:
        """View › Highlight Names: people, organisations, places in both columns."""
        self.settings.highlight_entities = enabled
        self.entities.set_enabled(enabled)
        self.actions.highlight_entities.setChecked(enabled)

    def toggle_full_screen(self) -> None:
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)
        self.actions.full_screen.setChecked(self.isFullScreen())

    def edit_preferences(self) -> None:
        view_settings.edit_preferences(self)

    def apply_preferences(self, chosen: Preferences) -> None:
        beam_changed = view_settings.apply_preferences(self, chosen)
        if beam_changed and self.package is not None and self.loaded is not None:
            self.entities.forget_english()
            self.translation.retranslate(chosen.beam_size)
            self._show_progress(self.translation.running)

    # --- help and export ---------------------------------------------------------------

    def export_document(self) -> None:
        from reader.ui.dialogs.export import export_with_dialog

        export_with_dialog(self)

    def show_shortcuts(self) -> None:
        help_dialogs.show_shortcuts(self)

    def show_about(self) -> None:
        help_dialogs.show_about(self)

    def remember_position(self) -> None:
        """Store which sentence the reader is at in the open file, for next time."""
        if self.path is not None and self.loaded is not None:
            current = self.view.current if self.view.current >= 0 else self.view.top_sentence_id()
            if current >= 0:
                self.settings.set_reading_position(str(self.path), current)

    def shutdown(self) -> None:
        """Save the window's settings and stop every worker thread (idempotent)."""
        self.remember_position()
        self.settings.geometry = self.saveGeometry()
        self.entity_display.save_state()
        self.settings.sync()
        self.translation.service.shutdown()
        self.entities.service.shutdown()
        self.documents.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
