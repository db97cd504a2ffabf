"""The base of the two long-lived owners: one thread that keeps something costly loaded.

The translation thread keeps the engine, the entity thread the recognizer. Both do the same
around their own work, and it lives here: a ``ThreadWorker`` moved into its own QThread at
its own priority, requests going in as queued signals, job ids from the one sequence of
``reader.workers.jobs``, stale jobs (every id up to a mark) dropped before they run, and a
``shutdown`` that closes the worker in its thread and joins the thread, so no QThread is
ever destroyed while running.
"""

from __future__ import annotations

import logging
import os
import threading

from PySide6.QtCore import QObject, QThread, Signal, Slot

from reader.workers.jobs import new_job_id

log = logging.getLogger(__name__)

# benchmarks/window_stall_bench.py, ~1,000 words, real-shape model, 2 cores, medians of two
# paired rounds. With two busy programs beside the reader, the document took 59.9 s at nice
# 10, 38.4 s at 5 and 20.2 s at 0; the longest event-loop stall was 805, 659 and 336 ms (the
# GUI thread itself competing with them), the 99th percentile gap 49, 79 and 102 ms. On an
# otherwise quiet machine: 5.4, 5.9 and 4.9 s, worst stalls 90, 125 and 174 ms.
# benchmarks/window_vs_cli_bench.py, 1,919 sentences on a machine shared with other work
# (load 9-11 on 2 cores): at nice 5 the window took 4.1x the time ``reader translate`` (nice
# 0) took for the same document and threads. A niceness above the other programs' starves
# the translation whenever they run, so the translation thread runs at the window's own
# priority (0); the GUI thread, asleep most of the time, is still scheduled first when it
# wakes. Work that is not the translation (names: the thread and its child process) runs
# below it, so it never slows the English down.
WORKER_NICENESS = int(os.environ.get("READER_WORKER_NICENESS", "0"))
BACKGROUND_NICENESS = max(WORKER_NICENESS, 10)


def lower_thread_priority(niceness: int = WORKER_NICENESS) -> None:
    """Make the calling thread (and the threads it starts, e.g. CTranslate2's) yield the
    CPU to the GUI thread: on Linux niceness is per thread and inherited by new threads."""
    if niceness <= 0 or not hasattr(os, "setpriority"):
        return
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), niceness)
    except OSError:
        log.debug("could not lower the worker thread's priority", exc_info=True)


class ThreadWorker(QObject):
    """Lives in its service's thread; subclasses add slots for their requests."""

    def __init__(self, niceness: int = WORKER_NICENESS) -> None:
        super().__init__()
        self._niceness = niceness
        self._stale_lock = threading.Lock()
        self._stale_up_to = 0

    def drop_up_to(self, job_id: int) -> None:
        """Jobs with an id up to ``job_id`` are stale: skipped if still queued (any thread)."""
        with self._stale_lock:
            self._stale_up_to = max(self._stale_up_to, job_id)

    def is_stale(self, job_id: int) -> bool:
        with self._stale_lock:
            return job_id <= self._stale_up_to

    def close(self) -> None:
        """Free what the worker holds; runs in the worker's thread before it stops."""

    def interrupt(self) -> None:
        """Stop a running job from another thread at shutdown (default: nothing)."""

    @Slot()
    def _on_thread_started(self) -> None:
        lower_thread_priority(self._niceness)

    @Slot()
    def _on_service_close_requested(self) -> None:
        self.close()
        thread = QThread.currentThread()
        if thread is not None:
            thread.quit()


class ThreadService(QObject):
    """The GUI side of a worker thread: starts it, numbers jobs, stops it (idempotent)."""

    _close_requested = Signal()

    def __init__(self, worker: ThreadWorker, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._last_id = 0
        self._closed = False
        self._thread = QThread()
        self._thread.setObjectName(name)
        worker.moveToThread(self._thread)
        self._thread.started.connect(worker._on_thread_started)
        self._close_requested.connect(worker._on_service_close_requested)

    def start_thread(self) -> None:
        """Start the thread; call once every request signal is connected."""
        self._thread.start()

    @property
    def closed(self) -> bool:
        return self._closed

    def next_job_id(self) -> int:
        self._last_id = new_job_id()
        return self._last_id

    def shutdown(self, timeout_ms: int = 30_000) -> None:
        """Drop every queued job, free the worker's resources in its thread, and wait."""
        if self._closed:
            return
        self._closed = True
        self._worker.drop_up_to(self._last_id)
        self._worker.interrupt()
        self._close_requested.emit()
        if not self._thread.wait(timeout_ms):
            log.warning("%s thread did not stop in time", self._thread.objectName())
