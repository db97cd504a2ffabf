"""The application window: reading view, banners, find bar, status bar, menus.

The window composes parts that own their widgets (menu, status bar, view preferences, names
display, reading view, translation controller, find bar, file watcher), wires their signals
and turns events into words.
"""

from __future__ import annotations

from dataclasses import astuple
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow

from reader.core.document.model import Document, EntityLabel
from reader.core.packages.store import InstalledPackage
from reader.core.paths import DataPaths
from reader.ui import theme
from reader.ui.checks.display import ChecksDisplay
from reader.ui.dialogs import help as help_dialogs
from reader.ui.dialogs.export import ExportController, on_screen
from reader.ui.entities.display import EntityDisplay
from reader.ui.entities.highlights import EntityController
from reader.ui.models.support import make_model_banner, open_model_manager
from reader.ui.settings import Settings
from reader.ui.view.bilingual_view import BilingualView
from reader.ui.view.find_bar import FindBar
from reader.ui.view.reading_position import ReadingAnchor
from reader.ui.view.translation_controller import TranslationController
from reader.ui.window import recent_files
from reader.ui.window.column_headers import ColumnHeaders
from reader.ui.window.dock_placement import DockPlacement
from reader.ui.window.document_menus import DocumentMenus
from reader.ui.window.file_menu import OPEN_FILTER
from reader.ui.window.file_notice import FileChangeNotice
from reader.ui.window.layout import central_widget
from reader.ui.window.links import confirm_and_open
from reader.ui.window.menu_bar import MainMenu
from reader.ui.window.message_bar import MessageBar
from reader.ui.window.messages import describe_load_error
from reader.ui.window.status_bar import StatusBar
from reader.ui.window.translation_runner import TranslationRunner
from reader.ui.window.view_preferences import ViewPreferences
from reader.ui.words.tools import add_word_tools
from reader.workers.document_jobs import DocumentJobs, LoadedDocument
from reader.workers.entity_worker import EntityService
from reader.workers.jobs import JobRunner
from reader.workers.translation_worker import TranslationService

if TYPE_CHECKING:
    from reader.ui.models.manager import ModelManagerDialog


class MainWindow(QMainWindow):
    """German left, English right; one document at a time."""

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
        self._load_job = 0
        self._reload_anchor = ReadingAnchor(-1)
        self.model_dialog: ModelManagerDialog | None = None
        self.setWindowTitle(self.tr("Bilingual Reader"))
        self.setAcceptDrops(True)

        colors = theme.apply_theme(QApplication.instance(), settings.theme)  # type: ignore[arg-type]
        self.view = BilingualView(colors, self)
        self.view.renderer.german_percent = settings.german_column_percent
        self.documents = documents or DocumentJobs(self)
        self.translation = TranslationController(
            self.view,
            translations or TranslationService(self, cache_path=paths.translation_cache),
        )
        self.entities = EntityController(
            self.view,
            entities or EntityService(self),
            enabled=settings.highlight_entities,
        )
        if settings.name_pipeline:
            self.entities.service.set_pipeline(settings.name_pipeline)

        self.find_bar = FindBar(self.view, self)
        self.model_banner = make_model_banner(self)
        self.model_banner.hide()
        self.error_bar = MessageBar("errorBar", self)
        self.file_bar = MessageBar("fileBar", self)
        self.headers = ColumnHeaders(settings.german_column_percent, self)
        self.file_notice = FileChangeNotice(self.file_bar, self)
        self.setCentralWidget(
            central_widget(
                self,
                (self.model_banner, self.error_bar, self.file_bar, self.headers),
                self.view,
                self.find_bar,
            )
        )
        hidden = [EntityLabel(value) for value in settings.hidden_entity_labels]
        self.status_bar = StatusBar(lambda: self.view.colors, hidden, self)
        self.setStatusBar(self.status_bar)
        self.entity_display = EntityDisplay(
            self.view, self.entities, settings, self.status_bar.legend, self
        )
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.entity_display.panel)
        self.dock_placement = DockPlacement(self, self.entity_display.panel)
        self.view_preferences = ViewPreferences(
            settings, self.view, self.entities, self.headers, self.translation.service, self
        )
        self.main_menu = MainMenu(self.menuBar(), settings, self)
        self.translation_runner = TranslationRunner(
            paths,
            settings,
            self.translation,
            self.entities,
            self.status_bar,
            self.main_menu.cancel_translation,
            self.main_menu.translate_rest,
            self,
        )
        self.exports = ExportController(
            lambda: on_screen(
                self.loaded, self.translation, self.entities, self.package, self.checks.notes()
            ),
            lambda: self.path,
            JobRunner(self),
            self.status_bar,
            self.error_bar,
            self,
        )
        self.main_menu.insert_after(
            self.main_menu.highlight_entities, self.entity_display.panel_action
        )
        parts = (self.view, self.translation, self.entities, settings, self.status_bar)
        self.checks = ChecksDisplay(*parts, self.main_menu, paths, self)
        self.document_menus = DocumentMenus(
            self.main_menu, self.view, self.documents, self, reload=self.reload,
            show=self.show_document, report=lambda m: self.error_bar.show_message(m, error=True),
        )  # fmt: skip
        self.words, self.vocabulary, self.practice = add_word_tools(
            self, self.main_menu, (self.view, self.translation, self.entities, self.headers,
            settings), paths.data, lambda: self.path, self.open_file,
            self.documents.document_loaded, self.entity_display.panel_action)  # fmt: skip
        self._connect_parts()
        self.view_preferences.apply_font()
        if settings.geometry is not None:
            self.restoreGeometry(settings.geometry)
        else:
            self.resize(1200, 800)
        self.dock_placement.restore(settings.window_state)  # after the window's geometry

    def _connect_parts(self) -> None:
        """Each part's signals to the part (or the window slot) that acts on them."""
        self.documents.document_loaded.connect(self._on_documents_document_loaded)
        self.documents.load_failed.connect(self._on_documents_load_failed)
        self.translation.translations_applied.connect(self.entities.on_translations)
        self.translation.translation_finished.connect(lambda _c: self.find_bar.refresh())
        runner = self.translation_runner
        runner.model_found.connect(self._on_translation_runner_model_found)
        runner.failed.connect(self._on_translation_runner_failed)
        self.find_bar.closed.connect(self.view.setFocus)
        self.model_banner.install_requested.connect(lambda: self.manage_models("install"))
        self.model_banner.download_requested.connect(lambda: self.manage_models("download"))
        self.file_notice.reload_requested.connect(self.reload)
        self.status_bar.cancel_requested.connect(runner.cancel)
        self.entity_display.mention_shown.connect(self._on_entity_display_mention_shown)
        self.entity_display.mention_cleared.connect(self._on_entity_display_mention_cleared)
        preferences = self.view_preferences
        preferences.zoom_changed.connect(self._on_view_preferences_zoom_changed)
        preferences.theme_changed.connect(self.main_menu.show_theme)
        preferences.highlighting_changed.connect(self.main_menu.highlight_entities.setChecked)
        preferences.highlighting_changed.connect(self.entity_display.set_highlighting)
        preferences.beam_size_changed.connect(self._on_view_preferences_beam_size_changed)
        self.view.current_sentence_changed.connect(self._on_view_current_sentence_changed)
        self.view.pair_copied.connect(self._on_view_pair_copied)
        self.view.link_activated.connect(self._on_view_link_activated)
        self.view.zoom_requested.connect(preferences.zoom_by)
        QApplication.styleHints().colorSchemeChanged.connect(self._on_style_hints_scheme_changed)
        self._connect_menu()

    def _connect_menu(self) -> None:
        menu, view, find_bar = self.main_menu, self.view, self.find_bar
        preferences = self.view_preferences
        for action, slot in (
            (menu.open, self.choose_file),
            (menu.export, self.exports.export_with_dialog),
            (menu.quit, self.close),
            (menu.copy_pair, view.copy_current_pair),
            (menu.find, find_bar.open_bar),
            (menu.find_next, find_bar.find_next),
            (menu.find_previous, find_bar.find_previous),
            (menu.preferences, preferences.edit),
            (menu.next_sentence, lambda: view.move_current(1)),
            (menu.previous_sentence, lambda: view.move_current(-1)),
            (menu.zoom_in, lambda: preferences.zoom_by(1)),
            (menu.zoom_out, lambda: preferences.zoom_by(-1)),
            (menu.zoom_reset, preferences.reset_zoom),
            (menu.full_screen, self.toggle_full_screen),
            (menu.models, self.manage_models),
            (menu.cancel_translation, self.translation_runner.cancel),
            (menu.shortcuts, lambda: help_dialogs.show_shortcuts(self, menu.shortcut_entries())),
            (menu.log_folder, lambda: help_dialogs.open_log_folder(self.paths.logs)),
            (menu.about, lambda: help_dialogs.show_about(self)),
        ):
            action.triggered.connect(lambda _checked=False, run=slot: run())
        menu.recent_menu.file_chosen.connect(self.open_file)
        menu.theme_chosen.connect(preferences.set_theme)
        menu.highlight_entities.toggled.connect(preferences.set_highlighting)

    # --- opening -----------------------------------------------------------------------

    def open_file(self, path: str | Path) -> int:
        """Start loading ``path``; the result arrives in ``_on_documents_document_loaded``."""
        path = Path(path).expanduser()
        self._load_job = self.documents.load(path)
        self.translation_runner.preload()  # the model loads while the file does
        self.statusBar().showMessage(self.tr("Opening {name}…").format(name=path.name))
        return self._load_job

    def show_document(self, document: Document) -> int:
        """Show a Document built elsewhere (segmented in the background like a file)."""
        self._load_job = self.documents.show(document)
        return self._load_job

    def open_from_other_launch(self, files: list[str]) -> None:
        """Another ``reader FILE`` handed its file over: open it and come to the front."""
        if files:
            self.open_file(files[0])
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.raise_()
        self.activateWindow()

    def choose_file(self) -> None:
        """Ask for a document (starting beside the open one) and open it."""
        folder = str(self.path.parent) if self.path else str(Path.home())
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Open document"), folder, self.tr(OPEN_FILTER)
        )
        if name:
            self.open_file(name)

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
            reload_anchor = ReadingAnchor(*self.settings.reading_position(str(source or "")))
        self._reload_anchor = ReadingAnchor(-1)
        self.loaded = loaded
        self.error_bar.dismiss()
        self.statusBar().clearMessage()
        self.file_notice.watch(loaded.document.source)
        self.path = loaded.document.source
        title = loaded.document.title or (self.path.name if self.path else "")
        self.setWindowTitle(self.tr("{title} — Bilingual Reader").format(title=title))
        if self.path is not None:
            recent_files.remember(self.settings, self.path)
        self.status_bar.set_source(loaded.document)
        package = self.translation_runner.find_package()
        self.view.set_document(loaded.document, loaded.sentences, placeholders=package is not None)
        self.translation.reset()
        self.find_bar.refresh()
        if reload_anchor.sentence_id >= 0:
            self.view.scroll_to_anchor(reload_anchor)
        self.entities.reset(loaded.document, loaded.sentences)  # where the reader is: first
        self._update_position_label()
        self.translation_runner.start()

    def _on_documents_load_failed(self, job_id: int, error: Exception) -> None:
        if job_id != self._load_job:
            return
        self.error_bar.show_message(describe_load_error(error), error=True)
        self.statusBar().clearMessage()

    # --- translation -------------------------------------------------------------------

    @property
    def package(self) -> InstalledPackage | None:
        """The installed de→en package the document is translated with (None: no model)."""
        return self.translation_runner.package

    def _on_translation_runner_model_found(self, found: bool) -> None:
        self.model_banner.setVisible(not found)
        self.headers.set_model_installed(found)

    def _on_translation_runner_failed(self, text: str) -> None:
        self.error_bar.show_message(text, error=True)

    def manage_models(self, intent: str = "") -> None:
        """Tools › Translation models; afterwards, translate if a model appeared."""
        self.model_dialog = open_model_manager(self, self.paths, intent, self._on_models_changed)

    def _on_models_changed(self) -> None:
        if self.translation_runner.models_changed() and self.loaded is not None:
            self.view.set_placeholders(True)
            self.translation_runner.start()

    def _on_view_preferences_beam_size_changed(self, beam_size: int) -> None:
        if self.loaded is not None:
            self.translation_runner.retranslate(beam_size)

    # --- sentences ---------------------------------------------------------------------

    def _on_view_current_sentence_changed(self, _sentence_id: int) -> None:
        self._update_position_label()

    def _on_view_pair_copied(self, _sentence_id: int) -> None:
        self.statusBar().showMessage(self.tr("Copied the sentence pair."), 3000)

    def _on_view_link_activated(self, url: QUrl) -> None:
        # Only web links leave the application, and only when clicked.
        if url.scheme() in ("http", "https", "mailto"):
            confirm_and_open(self, url)  # asks first: a link in a document is not a click away
        else:
            self.statusBar().showMessage(
                self.tr("Links of this kind are not opened: {url}").format(url=url.toString()),
                5000,
            )

    def _update_position_label(self) -> None:
        ids = self.view.sentence_ids()
        current = self.view.current
        self.status_bar.set_position(
            ids.index(current) + 1 if current >= 0 and ids else 0, len(ids)
        )

    def reload(self) -> None:
        """Load the current file again, keeping the reading position by sentence."""
        if self.path is None:
            return
        self._reload_anchor = self.view.reading_anchor() or ReadingAnchor(-1)
        self.open_file(self.path)

    def _on_view_preferences_zoom_changed(self, percent: int) -> None:
        self.statusBar().showMessage(self.tr("Zoom {percent} %").format(percent=percent), 2000)

    def _on_style_hints_scheme_changed(self, _scheme: object) -> None:
        self.view_preferences.follow_system_scheme()

    def _on_entity_display_mention_shown(self, text: str) -> None:
        self.status_bar.show_message_from(self.entity_display, text, 6000)

    def _on_entity_display_mention_cleared(self) -> None:
        self.status_bar.clear_messages_from(self.entity_display)

    def toggle_full_screen(self) -> None:
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)
        self.main_menu.full_screen.setChecked(self.isFullScreen())

    def remember_position(self) -> None:
        """Store which sentence the reader is at in the open file, for next time."""
        anchor = self.view.reading_anchor() if self.loaded is not None else None
        if self.path is not None and anchor is not None:
            self.settings.set_reading_position(str(self.path), *astuple(anchor))

    def shutdown(self) -> None:
        """Save the window's settings and stop every worker thread (idempotent)."""
        self.remember_position()
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.sync()
        self.translation.service.shutdown()
        self.entities.service.shutdown()
        self.documents.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
