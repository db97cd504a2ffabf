"""One spawned child process that does the window's text work away from its memory and GIL.

Name recognition and the translation check run here, one call at a time. Loading the name
pipeline holds Python's global lock for up to ~160 ms at a time (measured here), which froze
the window when it ran in a thread; and the word tables both need (the tagger's lists, the
noun table, simplemma's dictionaries) are ~110 MiB the window process would otherwise keep
beside the translation model. The child is spawned, not forked (the parent has Qt and
CTranslate2 threads), made on first use, and Qt-free: it imports only the core.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

# The tagger's matrices are small: BLAS threads would only spin against the translation's
# threads on a shared CPU (one thread measured 16x faster than the default under load).
_ONE_THREAD = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def _child_started(parent_pid: int, niceness: int) -> None:
    """Runs first in the child: end it when the reader is gone, however the reader ended
    (killed, crashed), so no orphan keeps its memory or the terminal's pipes. Keeps NumPy's
    BLAS to one thread (set before anything imports NumPy) and the child below the
    translation in priority, whichever thread happened to start it."""
    for name in _ONE_THREAD:
        os.environ.setdefault(name, "1")
    if niceness > 0 and hasattr(os, "nice"):
        try:
            os.nice(max(0, niceness - os.nice(0)))
        except OSError:
            log.debug("could not lower the child's priority", exc_info=True)

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


class ChildStopped(RuntimeError):
    """The child process was shut down for good (the window is closing)."""


class ChildProcess:
    """A single child process answering calls of module-level functions, one at a time.

    Thread-safe: the entity thread and the check jobs share one child. ``close`` stops it
    (a later call starts a new one); ``shutdown`` stops it for good.
    """

    def __init__(self, niceness: int = 0) -> None:
        self._niceness = niceness
        self._lock = threading.Lock()
        self._executor: ProcessPoolExecutor | None = None
        self._shut_down = False

    @property
    def running(self) -> bool:
        """A child has been started and not stopped since."""
        executor = self._executor
        return bool(executor is not None and getattr(executor, "_processes", None))

    def run(self, function: Callable[..., T], *args: Any, retry: bool = False) -> T:
        """``function(*args)`` in the child; blocks the calling (worker) thread until it
        answers. A child that was stopped or died meanwhile raises ``BrokenProcessPool``,
        or (``retry``) is started again once for this call; ``ChildStopped`` once the window
        is closing."""
        try:
            return self._run_once(function, args)
        except BrokenProcessPool:
            if not retry:
                raise
            log.info("the child process stopped; running %s again", function.__name__)
            return self._run_once(function, args)

    def _run_once(self, function: Callable[..., T], args: tuple[Any, ...]) -> T:
        executor = self._current_executor()
        try:
            return executor.submit(function, *args).result()
        except BrokenProcessPool as error:
            self._forget(executor)  # the next call starts a fresh child
            if self._shut_down:
                raise ChildStopped("the child process was shut down") from error
            raise

    def close(self) -> None:
        """Stop the child now, even in the middle of a call (safe from any thread)."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            _stop(executor)

    def shutdown(self) -> None:
        """Stop the child and refuse later calls: the window is closing."""
        self._shut_down = True
        self.close()

    def _current_executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._shut_down:
                raise ChildStopped("the child process was shut down")
            if self._executor is None:
                self._executor = ProcessPoolExecutor(
                    max_workers=1,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_child_started,
                    initargs=(os.getpid(), self._niceness),
                )
            return self._executor

    def _forget(self, executor: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._executor is executor:
                self._executor = None
        _stop(executor)


def _stop(executor: ProcessPoolExecutor) -> None:
    """End the pool's process directly: the pool has no public "terminate", and a child busy
    loading would delay the window's exit by seconds."""
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    processes += [
        p for p in (getattr(executor, "_processes", None) or {}).values() if p not in processes
    ]
    for process in processes:
        try:
            process.terminate()
            process.join(timeout=5)
        except (OSError, ValueError, AttributeError):
            log.debug("could not stop the child process", exc_info=True)
