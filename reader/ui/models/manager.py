"""The model manager: installed Argos packages, install from file, download, remove.

Every slow step (scan with sizes, install, remove, index fetch, download) is a work function
of ``reader.workers.model_jobs`` run by ``reader.workers.jobs``; this dialog only shows state
and turns typed errors into words. The network is touched only when the user presses Download.

Wiring in the main window (one dialog per window, kept):

    dialog = ModelManagerDialog(paths, window)
    dialog.packages_changed.connect(window.rescan_models)
    banner.install_requested.connect(lambda: (dialog.show(), dialog.open_install_dialog()))
    banner.download_requested.connect(lambda: (dialog.show(), dialog.start_download()))
    # at exit: reader.workers.jobs.cancel_all_jobs(2000)

``index_url=None`` means ``$ARGOS_PACKAGE_INDEX`` or Argos's own index.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, QObject, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reader.core import errors
from reader.core.packages.index import AvailablePackage
from reader.core.packages.store import BrokenPackage, InstalledPackage
from reader.core.paths import DataPaths
from reader.ui.models import manager_text as model_manager_text
from reader.ui.models.manager_layout import ManagerLayout
from reader.ui.models.manager_text import package_title
from reader.ui.models.package_list import ITEM_ROLE, fill_available, fill_installed, wanted_packages
from reader.workers import model_jobs
from reader.workers.jobs import Job, JobCancelled, JobRunner, Work
from reader.workers.model_jobs import PackageListing


class ModelManagerDialog(ManagerLayout):
    """Lists installed translation models and installs, downloads or removes them.

    Signals:
        packages_changed: a package was installed or removed; rescan and translate.
        listing_changed: the installed list was refreshed (after every scan).
    """

    packages_changed = Signal()
    listing_changed = Signal()

    def __init__(
        self,
        paths: DataPaths,
        parent: QWidget | None = None,
        *,
        index_url: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.index_url = index_url
        self.runner = JobRunner(self)
        self.listing = PackageListing([], [])
        self.available: list[AvailablePackage] = []
        self._operation: Job | None = None
        self._after_operation: Callable[[object], None] | None = None
        self._scan: Job | None = None
        self._rescan_pending = False
        self._stale = False
        self._after_transfer_message = ""

        self.setWindowTitle(self.tr("Translation models"))
        self.setAccessibleName(self.tr("Translation models"))
        self.resize(760, 560)
        self._build()
        self._update_buttons()
        self.refresh()

    # --- layout --------------------------------------------------------------------

    def _build(self) -> None:
        self.build_widgets()
        self.package_list.itemSelectionChanged.connect(self._on_package_list_selection)
        self.package_list.installEventFilter(self)  # Delete key removes
        self.available_list.itemSelectionChanged.connect(self._update_buttons)
        self.available_list.itemActivated.connect(self.download_selected)
        self.download_selected_button.clicked.connect(self.download_selected)
        self.cancel_button.clicked.connect(self.cancel_operation)
        self.install_button.clicked.connect(self.open_install_dialog)
        self.download_button.clicked.connect(self.start_download)
        self.remove_button.clicked.connect(self.remove_selected)
        self.close_button.clicked.connect(self.reject)

    # --- public API ----------------------------------------------------------------

    def refresh(self) -> None:
        """Rescan the package folders (off the GUI thread) and refill the list."""
        if self._scan is not None:
            self._rescan_pending = True  # one scan at a time; repeat once it reports
            return
        self._scan = self.runner.start(
            model_jobs.scan_work(self.paths),
            success=self._on_scan_finished,
            failure=self._on_scan_failed,
            name="scan",
        )

    def open_install_dialog(self) -> Job | None:
        """Ask for a ``.argosmodel`` file and install it."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Install translation model"),
            str(Path.home()),
            self.tr("Argos Translate models (*.argosmodel);;All files (*)"),
        )
        if not path:
            return None
        return self.install_from_path(Path(path))

    def install_from_path(self, path: Path) -> Job | None:
        """Install the package file at ``path`` in the background; None while busy."""
        if self.is_busy():
            return None
        job = self._start_operation(
            model_jobs.install_work(Path(path), self.paths),
            self.tr("Installing {name}…").format(name=Path(path).name),
            after=self._on_install_finished,
        )
        return job

    def start_download(self) -> Job | None:
        """Fetch the package index (only now, never on open) and list what can be had."""
        if self.is_busy():
            return None
        job = self._start_operation(
            model_jobs.index_work(self.index_url),
            self.tr("Fetching the list of available models…"),
            after=self._on_index_finished,
        )
        return job

    def download_selected(self) -> Job | None:
        """Download and install the model selected in the available list."""
        item = self.available_list.currentItem()
        if item is None or self.is_busy():
            return None
        available = item.data(0, ITEM_ROLE)
        job = self._start_operation(
            model_jobs.download_work(available, self.paths),
            self.tr("Downloading {name}…").format(name=item.text(0)),
            after=self._on_install_finished,
        )
        self._after_transfer_message = self.tr("Checking and installing {name}…").format(
            name=item.text(0)
        )
        return job

    def remove_selected(self) -> Job | None:
        """Ask, then delete the selected package (only ones in our own folder)."""
        package = self.selected_package()
        if not isinstance(package, InstalledPackage) or not package.writable or self.is_busy():
            return None
        answer = QMessageBox.question(
            self,
            self.tr("Remove model"),
            self.tr("Remove {name}? Its files are deleted from this computer.").format(
                name=package_title(package)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        job = self._start_operation(
            model_jobs.remove_work(package),
            self.tr("Removing {name}…").format(name=package_title(package)),
            cancellable=False,
            after=self._on_remove_finished,
        )
        return job

    def cancel_operation(self) -> None:
        """Ask the running install, download or index fetch to stop."""
        if self._operation is not None:
            self._operation.cancel()
            self.cancel_button.setEnabled(False)
            self._show_status(self.tr("Cancelling…"))

    def is_busy(self) -> bool:
        return self._operation is not None

    def selected_package(self) -> InstalledPackage | BrokenPackage | None:
        item = self.package_list.currentItem()
        return None if item is None else item.data(0, ITEM_ROLE)

    def done(self, result: int) -> None:
        # Closing cancels background work without waiting for it: the core polls the token
        # between chunks and cleans up after itself, so nothing half-installed stays behind.
        self.runner.cancel_all()
        self._stale = True
        super().done(result)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.package_list
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Delete)
        ):
            self.remove_selected()
            return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        # A dialog kept and shown again rescans: packages may have changed meanwhile.
        if self._stale:
            self._stale = False
            self.refresh()
        super().showEvent(event)

    # --- running operations ----------------------------------------------------------

    def _start_operation(
        self,
        work: Work[object],
        message: str,
        *,
        after: Callable[[object], None],
        cancellable: bool = True,
    ) -> Job:
        self._after_operation = after
        self._after_transfer_message = ""
        self.progress_bar.setFormat("%p%")
        job = self.runner.start(
            work,
            success=self._on_operation_finished,
            failure=self._on_operation_failed,
            progress=self._on_operation_progressed,
            name=message,
        )
        self._operation = job
        self.progress_bar.setRange(0, 0)  # busy until the first progress report
        self.progress_bar.show()
        self.cancel_button.setVisible(cancellable)
        self.cancel_button.setEnabled(cancellable)
        self._show_status(message)
        self._update_buttons()
        return job

    def _end_operation(self) -> None:
        self._operation = None
        self._after_operation = None
        self.progress_bar.hide()
        self.cancel_button.hide()
        self._update_buttons()

    @Slot(object, object)
    def _on_operation_progressed(self, done: int, total: int) -> None:
        size = QLocale().formattedDataSize
        if total > 0:
            # QProgressBar holds ints; show permille so multi-GB totals do not overflow.
            self.progress_bar.setRange(0, 1000)
            self.progress_bar.setValue(min(1000, int(done * 1000 / total)))
            self.progress_bar.setFormat(
                self.tr("%p% ({done} of {total})").format(done=size(done), total=size(total))
            )
            if done >= total and self._after_transfer_message:
                # Downloaded; the installer's checks still take a moment.
                self._show_status(self._after_transfer_message)
                self._after_transfer_message = ""
        else:
            self.progress_bar.setRange(0, 0)

    @Slot(object)
    def _on_operation_finished(self, result: object) -> None:
        after = self._after_operation
        self._end_operation()
        if after is not None:
            after(result)

    @Slot(object)
    def _on_operation_failed(self, error: object) -> None:
        self._end_operation()
        cancelled = (JobCancelled, errors.PackageInstallCancelled, errors.DownloadCancelled)
        self._show_status(self.describe_error(error), error=not isinstance(error, cancelled))

    @Slot(object)
    def _on_install_finished(self, package: object) -> None:
        if isinstance(package, InstalledPackage):
            name = package_title(package)
        else:
            name = self.tr("the model")
        self._show_status(self.tr("Installed {name}.").format(name=name))
        self.refresh()
        self.packages_changed.emit()

    @Slot(object)
    def _on_remove_finished(self, package: object) -> None:
        assert isinstance(package, InstalledPackage)
        self._show_status(self.tr("Removed {name}.").format(name=package_title(package)))
        self.refresh()
        self.packages_changed.emit()

    @Slot(object)
    def _on_index_finished(self, packages: object) -> None:
        wanted = wanted_packages(packages)
        self.available = wanted
        fill_available(self.available_list, wanted, self.listing.installed)
        self.available_box.show()
        if wanted:
            first = self.available_list.topLevelItem(0)
            if first is not None:
                self.available_list.setCurrentItem(first)
            self.available_list.setFocus()
            self._show_status(
                self.tr(
                    "%n model(s) available. Choose one and press Download and install.",
                    "",
                    len(wanted),
                )
            )
        else:
            self._show_status(self.tr("The index lists no German–English models."), error=True)
        self._update_buttons()

    # --- the installed list ----------------------------------------------------------

    @Slot(object)
    def _on_scan_finished(self, listing: object) -> None:
        self._scan = None
        assert isinstance(listing, PackageListing)
        self._fill_package_list(listing)
        if self._rescan_pending:
            self._rescan_pending = False
            self.refresh()

    @Slot(object)
    def _on_scan_failed(self, error: object) -> None:
        self._scan = None
        if not isinstance(error, JobCancelled):
            self._show_status(self.describe_error(error), error=True)
        if self._rescan_pending:
            self._rescan_pending = False
            self.refresh()

    def _fill_package_list(self, listing: PackageListing) -> None:
        self.listing = listing
        fill_installed(self.package_list, listing)
        if not listing.installed and not listing.broken:
            self.readme_view.setPlaceholderText(
                self.tr(
                    "No translation model is installed yet. Install one from a file or "
                    "download one."
                )
            )
        self._on_package_list_selection()
        self.listing_changed.emit()

    @Slot()
    def _on_package_list_selection(self) -> None:
        package = self.selected_package()
        if isinstance(package, InstalledPackage):
            self.readme_view.setPlainText(package.readme())
        elif isinstance(package, BrokenPackage):
            self.readme_view.setPlainText(
                self.tr("This folder is not a usable model: {reason}\n\n{path}").format(
                    reason=package.reason, path=str(package.path)
                )
            )
        else:
            self.readme_view.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self.is_busy()
        package = self.selected_package()
        removable = isinstance(package, InstalledPackage) and package.writable
        self.install_button.setEnabled(not busy)
        self.download_button.setEnabled(not busy)
        self.remove_button.setEnabled(removable and not busy)
        self.remove_button.setToolTip(
            ""
            if removable or package is None
            else self.tr("Only models in this application's own folder can be removed.")
        )
        self.download_selected_button.setEnabled(
            not busy and self.available_list.currentItem() is not None
        )

    # --- words ---------------------------------------------------------------------

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self.show_status(text, error=error)

    def describe_error(self, error: object) -> str:
        """One clear sentence for each typed error the install, download or scan can raise."""
        return model_manager_text.describe_error(error)
