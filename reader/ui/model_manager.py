"""The model manager: installed Argos packages, install from file, download, remove.

Every slow step (scan with sizes, install, remove, index fetch, download) runs through
``reader.workers.model_jobs``; this dialog only shows state and turns typed errors into
words. The network is touched only when the user presses Download.

Wiring in the main window (one dialog per window, kept):

    dialog = ModelManagerDialog(paths, window)
    dialog.packages_changed.connect(window.rescan_models)
    banner.install_requested.connect(lambda: (dialog.show(), dialog.open_install_dialog()))
    banner.download_requested.connect(lambda: (dialog.show(), dialog.start_download()))
    # at exit: reader.workers.model_jobs.cancel_all_jobs(2000)

``index_url=None`` means ``$ARGOS_PACKAGE_INDEX`` or Argos's own index.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal, Slot
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core import errors
from reader.core.package_store import BrokenPackage, InstalledPackage
from reader.core.paths import DataPaths
from reader.workers import model_jobs
from reader.workers.model_jobs import JobCancelled, ModelJob, ModelJobRunner, PackageListing

ITEM_ROLE = Qt.ItemDataRole.UserRole
WANTED_PAIRS = (("de", "en"), ("en", "de"))


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    return QColor(
        round(a.red() * amount + b.red() * (1 - amount)),
        round(a.green() * amount + b.green() * (1 - amount)),
        round(a.blue() * amount + b.blue() * (1 - amount)),
    )


def _language_name(package: object, name_attribute: str, code_attribute: str) -> str:
    """The package's language name, or Qt's name for its code when it gives only a code."""
    name = str(getattr(package, name_attribute, "") or "")
    code = str(getattr(package, code_attribute, "") or "")
    if name and name != code:
        return name
    language = QLocale(code).language() if code else QLocale.Language.C
    if language in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        return code
    return QLocale.languageToString(language)


class ModelManagerDialog(QDialog):
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
        self.runner = ModelJobRunner(self)
        self.listing = PackageListing([], [])
        self.available: list[Any] = []
        self._operation: ModelJob | None = None
        self._after_operation: Callable[[object], None] | None = None
        self._scan: ModelJob | None = None
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
        heading = QLabel(self.tr("Installed models"), self)
        self.package_list = self._make_tree(
            [self.tr("Model"), self.tr("Version"), self.tr("Languages"), self.tr("Size")]
        )
        self.package_list.setAccessibleName(self.tr("Installed models"))
        heading.setBuddy(self.package_list)
        self.package_list.itemSelectionChanged.connect(self._on_package_list_selection)
        self.package_list.installEventFilter(self)  # Delete key removes

        self.readme_view = QPlainTextEdit(self)
        self.readme_view.setReadOnly(True)  # plain text: a package README is untrusted
        self.readme_view.setAccessibleName(self.tr("About the selected model"))
        self.readme_view.setPlaceholderText(self.tr("Select a model to read about it."))

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.package_list)
        splitter.addWidget(self.readme_view)
        splitter.setChildrenCollapsible(False)

        self.available_box = QGroupBox(self.tr("Available to download"), self)
        self.available_list = self._make_tree(
            [self.tr("Model"), self.tr("Version"), self.tr("Languages"), self.tr("Size")]
        )
        self.available_list.setAccessibleName(self.tr("Models available to download"))
        self.available_list.itemSelectionChanged.connect(self._update_buttons)
        self.available_list.itemActivated.connect(self.download_selected)
        self.download_selected_button = QPushButton(self.tr("Download and &install"), self)
        self.download_selected_button.clicked.connect(self.download_selected)
        box_layout = QVBoxLayout(self.available_box)
        box_layout.addWidget(self.available_list)
        box_layout.addWidget(self.download_selected_button, 0, Qt.AlignmentFlag.AlignRight)
        self.available_box.hide()

        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Status"))
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setAccessibleName(self.tr("Progress"))
        self.cancel_button = QPushButton(self.tr("&Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel the running task"))
        self.cancel_button.clicked.connect(self.cancel_operation)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_bar, 1)
        progress_row.addWidget(self.cancel_button)
        self.progress_bar.hide()
        self.cancel_button.hide()

        self.install_button = QPushButton(self.tr("Install from &file…"), self)
        self.install_button.clicked.connect(self.open_install_dialog)
        self.download_button = QPushButton(self.tr("&Download…"), self)
        self.download_button.clicked.connect(self.start_download)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.install_button, self.download_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        for button in (self.install_button, self.download_button, self.remove_button):
            button.setAutoDefault(False)
        self.close_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(splitter, 3)
        layout.addWidget(self.available_box, 2)
        layout.addWidget(self.status_label)
        layout.addLayout(progress_row)
        layout.addLayout(buttons)

    def _make_tree(self, headers: list[str]) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setHeaderLabels(headers)
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        tree.setAllColumnsShowFocus(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.header().setStretchLastSection(False)
        tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            tree.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return tree

    # --- public API ----------------------------------------------------------------

    def refresh(self) -> None:
        """Rescan the package folders (off the GUI thread) and refill the list."""
        if self._scan is not None:
            self._rescan_pending = True  # one scan at a time; repeat once it reports
            return
        self._scan = self.runner.submit(
            model_jobs.scan_work(self.paths),
            "scan",
            finished=self._on_scan_finished,
            failed=self._on_scan_failed,
        )

    def open_install_dialog(self) -> ModelJob | None:
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

    def install_from_path(self, path: Path) -> ModelJob | None:
        """Install the package file at ``path`` in the background; None while busy."""
        if self.is_busy():
            return None
        job = self._start_operation(
            model_jobs.install_work(Path(path), self.paths),
            self.tr("Installing {name}…").format(name=Path(path).name),
            after=self._on_install_finished,
        )
        return job

    def start_download(self) -> ModelJob | None:
        """Fetch the package index (only now, never on open) and list what can be had."""
        if self.is_busy():
            return None
        job = self._start_operation(
            model_jobs.index_work(self.index_url),
            self.tr("Fetching the list of available models…"),
            after=self._on_index_finished,
        )
        return job

    def download_selected(self) -> ModelJob | None:
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

    def remove_selected(self) -> ModelJob | None:
        """Ask, then delete the selected package (only ones in our own folder)."""
        package = self.selected_package()
        if not isinstance(package, InstalledPackage) or not package.writable or self.is_busy():
            return None
        answer = QMessageBox.question(
            self,
            self.tr("Remove model"),
            self.tr("Remove {name}? Its files are deleted from this computer.").format(
                name=self._package_title(package)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        job = self._start_operation(
            model_jobs.remove_work(package),
            self.tr("Removing {name}…").format(name=self._package_title(package)),
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
        work: model_jobs.Work,
        message: str,
        *,
        after: Callable[[object], None],
        cancellable: bool = True,
    ) -> ModelJob:
        self._after_operation = after
        self._after_transfer_message = ""
        self.progress_bar.setFormat("%p%")
        job = self.runner.submit(
            work,
            message,
            finished=self._on_operation_finished,
            failed=self._on_operation_failed,
            progressed=self._on_operation_progressed,
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
            name = self._package_title(package)
        else:
            name = self.tr("the model")
        self._show_status(self.tr("Installed {name}.").format(name=name))
        self.refresh()
        self.packages_changed.emit()

    @Slot(object)
    def _on_remove_finished(self, package: object) -> None:
        assert isinstance(package, InstalledPackage)
        self._show_status(self.tr("Removed {name}.").format(name=self._package_title(package)))
        self.refresh()
        self.packages_changed.emit()

    @Slot(object)
    def _on_index_finished(self, packages: object) -> None:
        wanted = [
            p
            for p in list(packages or [])  # type: ignore[call-overload]
            if (getattr(p, "from_code", ""), getattr(p, "to_code", "")) in WANTED_PAIRS
        ]
        self.available = wanted
        self.available_list.clear()
        for package in wanted:
            size = getattr(package, "size", 0) or 0
            item = QTreeWidgetItem(
                [
                    self._package_title(package),
                    self._available_version(package),
                    self._languages(package),
                    QLocale().formattedDataSize(size) if size else "",
                ]
            )
            item.setData(0, ITEM_ROLE, package)
            self.available_list.addTopLevelItem(item)
        self.available_box.show()
        if wanted:
            self.available_list.setCurrentItem(self.available_list.topLevelItem(0))
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
        selected = self.selected_package()
        selected_path = getattr(selected, "path", None)
        self.listing = listing
        self.package_list.clear()
        for package in listing.installed:
            size = listing.sizes.get(package.path)
            item = QTreeWidgetItem(
                [
                    self._package_title(package),
                    package.package_version,
                    self._languages(package),
                    "" if size is None else QLocale().formattedDataSize(size),
                ]
            )
            item.setData(0, ITEM_ROLE, package)
            tip = str(package.path)
            if not package.writable:
                tip += "\n" + self.tr("Shared folder: not removed by this application.")
            item.setToolTip(0, tip)
            self.package_list.addTopLevelItem(item)
        # Halfway between text and background: greyed in light and dark palettes alike.
        palette = self.package_list.palette()
        grey = _mix(
            palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base), 0.5
        )
        for broken in listing.broken:
            item = QTreeWidgetItem(
                [
                    self.tr("{folder} (not usable: {reason})").format(
                        folder=broken.path.name, reason=broken.reason
                    ),
                    "",
                    "",
                    "",
                ]
            )
            item.setData(0, ITEM_ROLE, broken)
            item.setToolTip(0, str(broken.path))
            for column in range(4):
                item.setForeground(column, grey)
            self.package_list.addTopLevelItem(item)
        for index in range(self.package_list.topLevelItemCount()):
            item = self.package_list.topLevelItem(index)
            if selected_path is not None and item.data(0, ITEM_ROLE).path == selected_path:
                self.package_list.setCurrentItem(item)
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
        self.status_label.setText(text)
        self.status_label.setProperty("kind", "error" if error else "info")
        palette = self.status_label.palette()
        color = self.palette().color(QPalette.ColorRole.WindowText)
        if error:
            # A red that keeps its contrast: dark on light windows, light on dark ones.
            dark_window = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
            color = QColor("#ff8a80") if dark_window else QColor("#b00020")
        palette.setColor(QPalette.ColorRole.WindowText, color)
        self.status_label.setPalette(palette)
        self.status_label.setAccessibleDescription(text)

    def _package_title(self, package: object) -> str:
        code = getattr(package, "code", "") or ""
        name = getattr(package, "name", "") or ""
        return name or code or self.tr("(unnamed model)")

    def _available_version(self, package: object) -> str:
        version = str(getattr(package, "package_version", ""))
        installed = any(
            p.code == getattr(package, "code", None) and p.package_version == version
            for p in self.listing.installed
        )
        return self.tr("{version} (installed)").format(version=version) if installed else version

    def _languages(self, package: object) -> str:
        source = _language_name(package, "from_name", "from_code")
        target = _language_name(package, "to_name", "to_code")
        return self.tr("{source} → {target}").format(source=source, target=target)

    def describe_error(self, error: object) -> str:
        """One clear sentence for each typed error the install, download or scan can raise."""
        size = QLocale().formattedDataSize
        match error:
            case errors.PackageUnreadable(path=path, reason=reason):
                return self.tr("Could not read {file}: {reason}").format(
                    file=path.name, reason=reason
                )
            case errors.PackageNotZip(path=path):
                return self.tr(
                    "{file} is not a model package: it is not a zip archive, or it is damaged."
                ).format(file=path.name)
            case errors.PackageUnsafePath(name=name):
                return self.tr(
                    "The package was refused: it contains an unsafe file name ({name})."
                ).format(name=name)
            case errors.PackageSymlink(name=name):
                return self.tr(
                    "The package was refused: it contains a symbolic link ({name})."
                ).format(name=name)
            case errors.PackageTooLarge(limit=limit, what="archive" | "download"):
                return self.tr("The package file is larger than the limit of {limit}.").format(
                    limit=size(limit)
                )
            case errors.PackageTooLarge(limit=limit):
                return self.tr(
                    "The package would unpack to more than {limit}; it was not installed."
                ).format(limit=size(limit))
            case errors.PackageTooManyEntries(limit=limit):
                return self.tr("The package holds more than {limit} files; it was refused.").format(
                    limit=limit
                )
            case errors.PackageLayout(reason=reason):
                return self.tr(
                    "The package is not laid out like an Argos model (one folder holding "
                    "everything): {reason}"
                ).format(reason=reason)
            case errors.PackageMetadataInvalid(reason=reason):
                return self.tr("The package's metadata.json is not valid: {reason}").format(
                    reason=reason
                )
            case errors.PackageWrongLanguages(from_code=src, to_code=dst):
                return self.tr(
                    "This package translates {source}→{target}, not German↔English."
                ).format(source=src, target=dst)
            case errors.PackageIncomplete(missing=missing):
                return self.tr("The package is incomplete; missing: {files}").format(
                    files=", ".join(missing)
                )
            case errors.PackageTruncated(name=name):
                return self.tr(
                    "The package is damaged ({name}); download or copy it again."
                ).format(name=name)
            case errors.PackageModelBroken(reason=reason):
                return self.tr("The package's model files cannot be loaded: {reason}").format(
                    reason=reason
                )
            case errors.PackageDirNotWritable(path=path):
                return self.tr(
                    "Cannot write to the model folder {folder}. Check its permissions and "
                    "free space."
                ).format(folder=str(path))
            case errors.PackageInstallCancelled() | JobCancelled():
                return self.tr("Cancelled. Nothing was installed.")
            case errors.DownloadCancelled():
                return self.tr("Download cancelled. Nothing was installed.")
            case errors.PackageAlreadyInstalled(code=code):
                return self.tr("{code} is already installed.").format(code=code)
            case errors.PackageNotOwned(path=path) | errors.PackageNotInstalled(wanted=path):
                return self.tr(
                    "{what} is not in this application's own model folder and was not removed."
                ).format(what=str(path))
            case errors.IndexUnreachable():
                return self.tr(
                    "Could not reach the model index. Check your internet connection and try "
                    "again, or install a model from a file."
                )
            case errors.IndexInvalid():
                return self.tr("The model index could not be understood. Try again later.")
            case errors.PackageNotAvailable(wanted=wanted):
                return self.tr("The index lists no model {wanted}.").format(wanted=wanted)
            case errors.DownloadFailed(reason=reason):
                return self.tr("The download failed: {reason}. Nothing was installed.").format(
                    reason=reason
                )
            case PermissionError() | OSError():
                return self.tr("The operation failed: {reason}").format(
                    reason=getattr(error, "strerror", None) or str(error)
                )
        return self.tr("Something went wrong ({kind}). Nothing was changed.").format(
            kind=type(error).__name__
        )
