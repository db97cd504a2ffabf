"""Starting, cancelling and reporting the translation of the open document."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction

from reader.core.packages.store import InstalledPackage
from reader.core.paths import DataPaths
from reader.ui.entities.highlights import EntityController
from reader.ui.settings import Settings
from reader.ui.view.translation_controller import TranslationController
from reader.ui.window.messages import describe_translation_error
from reader.ui.window.status_bar import StatusBar

# The bar is redrawn at once on every change of its text, and English arrives a few rows
# per event-loop turn: at most this often is enough to read (profiled on 1,919 sentences:
# the bar's updates and paints took ~10 % of the GUI thread's time while translating; at
# 10 a second still ~5 %: Fusion draws the bar line by line).
PROGRESS_INTERVAL_MS = 250


class TranslationRunner(QObject):
    """Finds the installed model, runs the translation controller, shows its progress.

    Signals:
        model_found(bool): whether a German→English model is installed (after each look).
        failed(str): the translation stopped with an error; the words say which.
    """

    model_found = Signal(bool)
    failed = Signal(str)

    def __init__(
        self,
        paths: DataPaths,
        settings: Settings,
        controller: TranslationController,
        entities: EntityController,
        status_bar: StatusBar,
        cancel_action: QAction,
        rest_action: QAction,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._paths = paths
        self._settings = settings
        self._controller = controller
        self._entities = entities
        self._status_bar = status_bar
        self._cancel_action = cancel_action
        self._rest_action = rest_action
        rest_action.triggered.connect(self.translate_rest)
        status_bar.rest_requested.connect(self.translate_rest)
        self.package: InstalledPackage | None = None
        # Sentences done and in all, characters done and in all; None: shown already.
        self._progress: tuple[int, int, tuple[int, int]] | None = None
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(PROGRESS_INTERVAL_MS)
        self._progress_timer.timeout.connect(self._on_progress_timer_timeout)
        controller.progress_changed.connect(self._on_controller_progress_changed)
        controller.translation_finished.connect(self._on_controller_translation_finished)
        controller.translation_failed.connect(self._on_controller_translation_failed)

    def find_package(self) -> InstalledPackage | None:
        """Look for the installed de→en package (None: the banner offers to get one)."""
        from reader.core.packages.store import installed_translation_package

        self.package = installed_translation_package(self._paths)
        self.model_found.emit(self.package is not None)
        return self.package

    def preload(self) -> None:
        """A document is being opened: load the model meanwhile, when there is one."""
        from reader.core.packages.store import installed_translation_package

        package = installed_translation_package(self._paths)
        if package is not None:
            self._controller.service.preload(package)

    def start(self) -> None:
        """Translate the document the controller was reset to (when there is a model)."""
        self._offer_rest(False)
        if self.package is None:
            self._show_progress(False)
            return
        self._status_bar.begin_progress()
        self._controller.start(self.package, self._settings.beam_size)
        self._show_progress(self._controller.running)

    def cancel(self) -> None:
        self._controller.cancel()

    def translate_rest(self) -> None:
        """After a cancel (or an error): translate only what has no English yet."""
        if self.package is not None and not self._controller.running:
            self.start()

    def _offer_rest(self, shown: bool) -> None:
        self._status_bar.rest.setVisible(shown)
        self._rest_action.setEnabled(shown)

    def _offer_rest_if_unfinished(self) -> None:
        done, total = self._controller.done_count()
        self._offer_rest(self.package is not None and done < total)

    def retranslate(self, beam_size: int) -> None:
        """Translate everything again with another beam size (the old English goes)."""
        if self.package is not None:
            self._entities.forget_english()
            self._status_bar.begin_progress()
            self._controller.retranslate(beam_size)
            self._show_progress(self._controller.running)

    def models_changed(self) -> bool:
        """A model was installed or removed; True if the open document should start now."""
        had_package = self.package is not None
        self.find_package()
        return self.package is not None and (not had_package or not self._controller.running)

    def _show_progress(self, shown: bool) -> None:
        self._progress = None  # a count still waiting belongs to the run that ended
        self._progress_timer.stop()
        self._status_bar.show_progress(shown)
        self._cancel_action.setEnabled(shown)
        if shown:
            self._offer_rest(False)

    def _on_controller_progress_changed(self, done: int, total: int) -> None:
        """Show the count now, then at most every PROGRESS_INTERVAL_MS (the last one
        always; the end at once)."""
        self._progress = (done, total, self._controller.work())
        if done >= total or not self._progress_timer.isActive():
            self._on_progress_timer_timeout()

    def _on_progress_timer_timeout(self) -> None:
        if self._progress is None:
            return
        done, total, work = self._progress
        self._progress = None
        self._status_bar.set_progress(done, total, work)
        self._progress_timer.start()

    def _on_controller_translation_finished(self, cancelled: bool) -> None:
        self._show_progress(False)
        self._offer_rest_if_unfinished()
        if cancelled:
            done, total = self._controller.done_count()
            self._status_bar.showMessage(
                self.tr("Translation cancelled: {done} of {total} sentences done.").format(
                    done=done, total=total
                ),
                8000,
            )

    def _on_controller_translation_failed(self, error: BaseException) -> None:
        self._show_progress(False)
        self._offer_rest_if_unfinished()
        self.failed.emit(describe_translation_error(error))
