"""Background jobs for the model manager: scan, install, remove, fetch the index, download.

Each job is a plain function ``work(progress, cancel) -> result`` run on a QThreadPool. Its
``signals`` object lives on the GUI thread, so slots connected to ``progressed``, ``finished``
and ``failed`` run there (queued). Cancelling sets a token that the core polls; a cancelled
job reports ``failed`` with ``JobCancelled`` so the UI has one path for every outcome.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDeadlineTimer, QObject, QRunnable, QThreadPool, Signal, Slot

from reader.core.cancel import CancelToken
from reader.core.packages.store import (
    BrokenPackage,
    InstalledPackage,
    package_dirs,
    remove_package,
    scan_packages,
)
from reader.core.paths import DataPaths

ProgressFn = Callable[[int, int], None]
Slot_ = Callable[[object], None]
Work = Callable[[ProgressFn, CancelToken], Any]

# Progress callbacks can fire per 64 KiB chunk; the GUI needs a few updates a second at most.
_PROGRESS_INTERVAL_S = 0.1


class JobCancelled(Exception):
    """Reported through ``failed`` when a job stopped because it was cancelled."""


@dataclass(frozen=True)
class PackageListing:
    """What the package folders hold, with each usable package's size on disk."""

    installed: list[InstalledPackage]
    broken: list[BrokenPackage]
    sizes: dict[Path, int] = field(default_factory=dict)


class JobSignals(QObject):
    """Signals of one job.

    Signals:
        progressed(done, total): bytes or steps done so far; total is 0 when unknown.
        finished(result): the work function's return value.
        failed(error): the exception it raised (``JobCancelled`` after a cancel).
    """

    progressed = Signal(object, object)
    finished = Signal(object)
    failed = Signal(object)


class ModelJob(QRunnable):
    """One unit of work on the pool, with its signals and cancel token."""

    def __init__(self, work: Work, name: str = "") -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner keeps the Python object until it reports
        self.name = name
        self.signals = JobSignals()
        self.token = CancelToken()
        self._work = work
        self._last_progress = 0.0
        self._last_permille = -1
        # Set as run()'s last Python step: only then may the runner drop this object, since
        # a queued ``finished`` can reach the GUI thread while run() is still unwinding.
        self.returned = threading.Event()

    def cancel(self) -> None:
        self.token.cancel()

    def _progress(self, done: int, total: int) -> None:
        # Report when done, after a pause, or after a visible step (1 %): a transfer that
        # stalls right after a skipped report must not sit at a stale number.
        now = time.monotonic()
        permille = done * 1000 // total if total > 0 else -1
        if (
            not 0 < total <= done
            and now - self._last_progress < _PROGRESS_INTERVAL_S
            and (permille < 0 or permille - self._last_permille < 10)
        ):
            return
        self._last_progress = now
        self._last_permille = permille
        self.signals.progressed.emit(int(done), int(total))

    def run(self) -> None:
        try:
            self._run()
        finally:
            self.returned.set()

    def _run(self) -> None:
        try:
            result = self._work(self._progress, self.token)
        except BaseException as error:  # every failure must reach the GUI, never the pool
            if self.token.cancelled and not isinstance(error, JobCancelled):
                self.signals.failed.emit(JobCancelled())
            else:
                self.signals.failed.emit(error)
            return
        self.signals.finished.emit(result)


_shared_pool: QThreadPool | None = None
# Every started job until its run() returned, whoever started it: a runner (and its dialog)
# may be deleted while a cancelled download still unwinds, and the pool must not be left
# holding a runnable whose Python object is gone.
_live_jobs: list[ModelJob] = []


def model_pool() -> QThreadPool:
    """The one pool for model work. Not owned by a dialog, so closing one never blocks."""
    global _shared_pool
    if _shared_pool is None:
        _shared_pool = QThreadPool()
        _shared_pool.setMaxThreadCount(2)  # a scan may run beside a download; 2 cores shared
    return _shared_pool


def cancel_all_jobs(wait_msecs: int = 0) -> bool:
    """Cancel every running model job (application exit); optionally wait for them."""
    for job in list(_live_jobs):
        job.cancel()
    return model_pool().waitForDone(wait_msecs) if wait_msecs > 0 else True


class ModelJobRunner(QObject):
    """Starts model jobs on the shared pool and tracks the ones its owner started."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: dict[JobSignals, ModelJob] = {}

    def submit(
        self,
        work: Work,
        name: str = "",
        *,
        finished: Slot_ | None = None,
        failed: Slot_ | None = None,
        progressed: Callable[[object, object], None] | None = None,
    ) -> ModelJob:
        """Start ``work`` off the GUI thread, with these slots already connected.

        Slots must be connected before the job starts: a fast job can finish before
        ``submit`` returns, and a signal emitted with no connection is lost. Pass bound
        methods of QObjects living on the GUI thread, so they run there.
        """
        _live_jobs[:] = [old for old in _live_jobs if not old.returned.is_set()]
        job = ModelJob(work, name)
        if progressed is not None:
            job.signals.progressed.connect(progressed)
        if finished is not None:
            job.signals.finished.connect(finished)
        if failed is not None:
            job.signals.failed.connect(failed)
        # Connected last, so the consumer's slots have run when the runner forgets the job.
        job.signals.finished.connect(self._on_job_done)
        job.signals.failed.connect(self._on_job_done)
        self._jobs[job.signals] = job
        _live_jobs.append(job)
        model_pool().start(job)
        return job

    def active_jobs(self) -> list[ModelJob]:
        return list(self._jobs.values())

    def cancel_all(self) -> None:
        for job in self._jobs.values():
            job.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until this runner's jobs have returned (application exit and tests)."""
        deadline = QDeadlineTimer(msecs) if msecs >= 0 else QDeadlineTimer.Forever
        for job in list(self._jobs.values()):
            remaining = deadline.remainingTime()
            if not job.returned.wait(None if remaining < 0 else remaining / 1000):
                return False
        return True

    @Slot(object)
    def _on_job_done(self, _result: object) -> None:
        # Runs on the GUI thread after the consumer's own slots (connected first).
        self._jobs.pop(self.sender(), None)  # type: ignore[call-overload]


# --- the work functions ------------------------------------------------------------


def scan_work(paths: DataPaths) -> Work:
    """List installed and broken packages and measure each one's size."""

    def work(progress: ProgressFn, cancel: CancelToken) -> PackageListing:
        installed, broken = scan_packages(package_dirs(paths))
        sizes: dict[Path, int] = {}
        for number, package in enumerate(installed, start=1):
            if cancel.cancelled:
                raise JobCancelled()
            sizes[package.path] = package.size_on_disk()
            progress(number, len(installed))
        return PackageListing(installed, broken, sizes)

    return work


def remove_work(package: InstalledPackage) -> Work:
    """Delete a package folder we own; returns the removed package."""

    def work(_progress: ProgressFn, _cancel: CancelToken) -> InstalledPackage:
        remove_package(package)
        return package

    return work


def install_work(archive: Path, paths: DataPaths) -> Work:
    """Validate and install one ``.argosmodel`` file into our package folder."""

    def work(progress: ProgressFn, cancel: CancelToken) -> InstalledPackage:
        from reader.core.packages.installer import install_package

        paths.packages.mkdir(parents=True, exist_ok=True)
        return install_package(archive, paths.packages, progress=progress, cancel=cancel)

    return work


def index_work(index_url: str | None) -> Work:
    """Fetch the Argos package index; returns its list of ``AvailablePackage``."""

    def work(_progress: ProgressFn, cancel: CancelToken) -> list[Any]:
        from reader.core.packages.index import fetch_index

        return fetch_index(index_url, cancel=cancel)

    return work


def download_work(available: Any, paths: DataPaths) -> Work:
    """Download one available package and install it through the validating installer."""

    def work(progress: ProgressFn, cancel: CancelToken) -> InstalledPackage:
        from reader.core.packages.index import download_and_install

        return download_and_install(available, paths.packages, progress=progress, cancel=cancel)

    return work
