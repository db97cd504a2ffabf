"""The one way to run one-shot work off the GUI thread: load a document, install, download
or remove a model, fetch the index, export.

The shape is Anki's ``QueryOp``: the work is a plain function ``work(progress, cancel)``
that runs on a shared thread pool, reports progress through ``progress(done, total)`` and
polls ``cancel`` (a ``reader.core.cancel.CancelToken``) between steps. Its result or error
is delivered to typed callbacks on the GUI thread by the ``JobRunner`` that started it:

    runner = JobRunner(self)
    job = runner.start(work, success=self.show_listing, failure=self.show_error)
    job.cancel()  # the work sees cancel.cancelled; failure receives JobCancelled

Every job, one-shot or long-lived (translation, entities), takes its id from
``new_job_id``: one increasing sequence, so "newer" always means a larger id. A runner made
with ``latest_only=True`` cancels older jobs when it starts one and drops their results, so
a slow answer never overwrites a newer one.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QDeadlineTimer, QObject, QRunnable, QThreadPool, Signal, Slot

from reader.core.cancel import CancelToken

log = logging.getLogger(__name__)

T = TypeVar("T")
ProgressFn = Callable[[int, int], None]
Work = Callable[[ProgressFn, CancelToken], T]
Success = Callable[[T], None]
Failure = Callable[[BaseException], None]

# Progress callbacks can fire per 64 KiB chunk; the GUI needs a few updates a second at most.
_PROGRESS_INTERVAL_S = 0.1
# Enough that a long download (and a scan beside it) never keeps a document load or an
# export waiting; the heavy work (translation, names) runs on its own threads.
POOL_THREADS = 4

_ids = itertools.count(1)
_ids_lock = threading.Lock()


def new_job_id() -> int:
    """The next id of the one sequence every background job is numbered from."""
    with _ids_lock:
        return next(_ids)


class JobCancelled(Exception):
    """Delivered to ``failure`` when a job stopped because it was cancelled."""


@dataclass(frozen=True, eq=False)
class Job:
    """The handle of one started job."""

    id: int
    name: str
    token: CancelToken = field(default_factory=CancelToken)
    # Set as the task's last step: the work function has returned or raised.
    returned: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        self.token.cancel()

    @property
    def cancelled(self) -> bool:
        return self.token.cancelled


class _Signals(QObject):
    """One job's reports; made on the GUI thread, emitted from the pool thread."""

    progressed = Signal(int, object, object)
    succeeded = Signal(int, object)
    failed = Signal(int, object)


class _Task(QRunnable):
    def __init__(self, job: Job, work: Work[Any], signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(False)  # kept in ``_tasks`` until its run() has returned
        self.job = job
        self.signals = signals
        self._work = work
        self._last_progress = 0.0
        self._last_permille = -1

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
        self.signals.progressed.emit(self.job.id, int(done), int(total))

    def run(self) -> None:
        try:
            self._run()
        finally:
            self.job.returned.set()

    def _run(self) -> None:
        job = self.job
        if job.cancelled:  # cancelled while it waited in the pool's queue
            self.signals.failed.emit(job.id, JobCancelled())
            return
        try:
            result = self._work(self._progress, job.token)
        except BaseException as error:  # every failure must reach the GUI, never the pool
            if job.cancelled and not isinstance(error, JobCancelled):
                error = JobCancelled()
            elif not isinstance(error, JobCancelled) and not _is_reader_error(error):
                log.warning("background job %r failed unexpectedly", job.name, exc_info=error)
            self.signals.failed.emit(job.id, error)
            return
        self.signals.succeeded.emit(job.id, result)


def _is_reader_error(error: BaseException) -> bool:
    from reader.core.errors import ReaderError

    return isinstance(error, ReaderError)


_pool: QThreadPool | None = None
# Every started task until its run() returned, whoever started it: a runner (and its
# dialog) may be deleted while a cancelled download still unwinds, and the pool must not be
# left holding a runnable whose Python object is gone.
_tasks: list[_Task] = []
_tasks_lock = threading.Lock()


def job_pool() -> QThreadPool:
    """The one pool for one-shot work. Owned by no window or dialog, so closing one never
    blocks on its jobs."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setObjectName("jobs")
        _pool.setMaxThreadCount(POOL_THREADS)
    return _pool


def _submit(task: _Task) -> None:
    with _tasks_lock:
        _tasks[:] = [old for old in _tasks if not old.job.returned.is_set()]
        _tasks.append(task)
    job_pool().start(task)


def cancel_all_jobs(wait_msecs: int = 0) -> bool:
    """Cancel every running job (application exit); optionally wait for them to return."""
    with _tasks_lock:
        running = [task.job for task in _tasks]
    for job in running:
        job.cancel()
    return job_pool().waitForDone(wait_msecs) if wait_msecs > 0 else True


@dataclass(frozen=True)
class _Callbacks(Generic[T]):
    job: Job
    success: Success[T]
    failure: Failure | None
    progress: ProgressFn | None


class JobRunner(QObject):
    """Starts jobs for its owner and calls the owner back on the GUI thread.

    Make it on the GUI thread. Callbacks run there, in the order the jobs report. Deleting
    the runner (with its owner) cancels nothing by itself: call ``cancel_all`` first; the
    callbacks of a deleted runner are never called.
    """

    def __init__(self, parent: QObject | None = None, *, latest_only: bool = False) -> None:
        super().__init__(parent)
        self.latest_only = latest_only
        self._pending: dict[int, _Callbacks[Any]] = {}
        self._latest = 0

    def start(
        self,
        work: Work[T],
        *,
        success: Success[T],
        failure: Failure | None = None,
        progress: ProgressFn | None = None,
        name: str = "",
    ) -> Job:
        """Run ``work`` off the GUI thread; ``success(result)`` or ``failure(error)`` follows.

        Without ``failure``, errors are logged. With ``latest_only``, older jobs of this
        runner are cancelled and their answers dropped.
        """
        job = Job(new_job_id(), name)
        if self.latest_only:
            for older in self._pending.values():
                older.job.cancel()
            self._latest = job.id
        self._pending[job.id] = _Callbacks(job, success, failure, progress)
        signals = _Signals()
        signals.progressed.connect(self._on_job_progressed)
        signals.succeeded.connect(self._on_job_succeeded)
        signals.failed.connect(self._on_job_failed)
        _submit(_Task(job, work, signals))
        return job

    def active(self) -> list[Job]:
        """The jobs started here whose answer has not been delivered yet."""
        return [callbacks.job for callbacks in self._pending.values()]

    def cancel_all(self) -> None:
        for callbacks in self._pending.values():
            callbacks.job.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until this runner's jobs have returned (application exit and tests)."""
        deadline = QDeadlineTimer(msecs)  # a negative msecs never expires
        for job in self.active():
            remaining = deadline.remainingTime()
            if not job.returned.wait(None if remaining < 0 else remaining / 1000):
                return False
        return True

    def _is_stale(self, job_id: int) -> bool:
        return self.latest_only and job_id != self._latest

    @Slot(int, object, object)
    def _on_job_progressed(self, job_id: int, done: int, total: int) -> None:
        callbacks = self._pending.get(job_id)
        if callbacks is not None and callbacks.progress is not None and not self._is_stale(job_id):
            callbacks.progress(done, total)

    @Slot(int, object)
    def _on_job_succeeded(self, job_id: int, result: object) -> None:
        callbacks = self._pending.pop(job_id, None)
        if callbacks is not None and not self._is_stale(job_id):
            callbacks.success(result)

    @Slot(int, object)
    def _on_job_failed(self, job_id: int, error: BaseException) -> None:
        callbacks = self._pending.pop(job_id, None)
        if callbacks is None or self._is_stale(job_id):
            return
        if callbacks.failure is not None:
            callbacks.failure(error)
        elif not isinstance(error, JobCancelled):
            log.warning("background job %r failed: %s", callbacks.job.name, error)
