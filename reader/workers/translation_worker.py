"""One long-lived thread that owns the translation engine and runs jobs one at a time.

CTranslate2 is not fork-safe and loading a model costs seconds, so the engine is created
once, in this thread, and kept while the package and beam size stay the same. The GUI talks
to it through ``TranslationService``: requests go in as queued signals, results come back
as signals carrying the job id, and cancelling sets the job's CancelToken directly (the
engine polls it between batches while this thread is busy).
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, QThread, Signal, Slot

from reader.core.document.model import Translation
from reader.core.packages.store import InstalledPackage
from reader.core.paths import sqlite_file_bytes

log = logging.getLogger(__name__)


class Engine(Protocol):
    def translate(
        self,
        sentences: Sequence[tuple[int, str]],
        *,
        on_batch: Callable[[list[Translation]], None] | None = None,
        cancel: Any = None,
        align: bool = True,
    ) -> list[Translation]: ...


EngineFactory = Callable[[InstalledPackage, int], Engine]


@dataclass(frozen=True)
class TranslationRequest:
    """Translate these ``(sentence id, German)`` pairs, in this order, with this package."""

    job_id: int
    package: InstalledPackage
    sentences: tuple[tuple[int, str], ...]
    beam_size: int


WORKER_NICENESS = int(os.environ.get("READER_WORKER_NICENESS", "10"))


def lower_thread_priority(niceness: int = WORKER_NICENESS) -> None:
    """Make the calling thread (and the threads it starts, e.g. CTranslate2's) yield the
    CPU to the GUI thread: on Linux niceness is per thread and inherited by new threads."""
    if niceness <= 0 or not hasattr(os, "setpriority"):
        return
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), niceness)
    except OSError:
        log.debug("could not lower the translation thread's priority", exc_info=True)


class _Worker(QObject):
    """Lives in the translation thread."""

    batch_translated = Signal(int, object)
    translation_finished = Signal(int, bool)
    translation_failed = Signal(int, object)
    cache_counted = Signal(int, int)
    cache_cleared = Signal()

    def __init__(self, factory: EngineFactory | None, cache_path: Path | None) -> None:
        super().__init__()
        self._factory = factory
        self._cache_path = cache_path
        self._cache: Any = None
        self._engine: Any = None
        self._engine_key: tuple[Path, int] | None = None
        self._lock = threading.Lock()
        self._tokens: dict[int, Any] = {}
        self._cancelled: set[int] = set()
        self._cancel_up_to = 0

    # Called from the GUI thread.
    def request_cancel(self, job_id: int) -> None:
        with self._lock:
            token = self._tokens.get(job_id)
            if token is not None:
                token.cancel()
            self._cancelled.add(job_id)

    def request_cancel_up_to(self, last_job_id: int) -> None:
        """Cancel the running job and every queued job with an id up to ``last_job_id``."""
        with self._lock:
            self._cancel_up_to = max(self._cancel_up_to, last_job_id)
            for token in self._tokens.values():
                token.cancel()

    def _is_cancelled(self, job_id: int) -> bool:
        return job_id in self._cancelled or job_id <= self._cancel_up_to

    @Slot()
    def _on_thread_started(self) -> None:
        lower_thread_priority()

    @Slot(object)
    def _on_service_translation_requested(self, request: TranslationRequest) -> None:
        with self._lock:
            if self._is_cancelled(request.job_id):
                self._cancelled.discard(request.job_id)
                self.translation_finished.emit(request.job_id, True)
                return
        try:
            from reader.core.translation.engine import CancelToken, TranslationCancelled

            engine = self._engine_for(request.package, request.beam_size)
            token = CancelToken()
            with self._lock:
                self._tokens[request.job_id] = token
                if self._is_cancelled(request.job_id):
                    token.cancel()
            job_id = request.job_id
            engine.translate(
                list(request.sentences),
                on_batch=lambda batch: self.batch_translated.emit(job_id, list(batch)),
                cancel=token,
            )
        except TranslationCancelled:
            self.translation_finished.emit(request.job_id, True)
        except Exception as error:  # a failing model must not take the window down
            log.warning("translation job %s failed: %s", request.job_id, error)
            self.translation_failed.emit(request.job_id, error)
        else:
            self.translation_finished.emit(request.job_id, False)
            self._prune_cache()
        finally:
            with self._lock:
                self._tokens.pop(request.job_id, None)
                self._cancelled.discard(request.job_id)

    def _prune_cache(self) -> None:
        """Keep the cache under its cap, here after a document, never on the GUI thread;
        a no-op under the cap, and pruning a cache is never worth failing a job for."""
        if self._cache is None:
            return
        try:
            self._cache.prune()
        except Exception:
            log.warning("pruning the translation cache failed", exc_info=True)

    @Slot()
    def _on_service_cache_count_requested(self) -> None:
        count = 0
        cache = self._open_cache(create=False)
        if cache is not None:
            try:
                count = cache.count()
            except Exception:  # showing a count is never worth a crash
                log.warning("counting the translation cache failed", exc_info=True)
        self.cache_counted.emit(count, sqlite_file_bytes(self._cache_path))

    @Slot()
    def _on_service_cache_clear_requested(self) -> None:
        cache = self._open_cache(create=False)
        if cache is not None:
            try:
                cache.clear()
            except Exception:
                log.warning("clearing the translation cache failed", exc_info=True)
        if self._cache_path is not None:
            # A damaged cache was moved aside with its translations in it: those go too.
            for copy in self._cache_path.parent.glob(f"{self._cache_path.name}*.corrupt-*"):
                with contextlib.suppress(OSError):
                    copy.unlink()
        self.cache_cleared.emit()

    def _open_cache(self, *, create: bool = True) -> Any:
        """The cache this thread owns, opened on first use; None without a path, when it
        cannot be opened, or (``create=False``) when there is no file to open yet."""
        if self._cache is None and self._cache_path is not None:
            if not create and not self._cache_path.exists():
                return None
            from reader.core.translation.cache import TranslationCache

            try:
                self._cache = TranslationCache(self._cache_path)
            except Exception:  # the cache is disposable; translate without it
                log.warning("translation cache unavailable", exc_info=True)
        return self._cache

    @Slot()
    def _on_service_close_requested(self) -> None:
        self._drop_engine()
        if self._cache is not None:
            try:
                self._cache.close()
            except Exception:  # closing a broken cache is not worth a crash on exit
                log.debug("closing the translation cache failed", exc_info=True)
            self._cache = None
        thread = QThread.currentThread()
        if thread is not None:
            thread.quit()

    def _engine_for(self, package: InstalledPackage, beam_size: int) -> Engine:
        key = (package.path, beam_size)
        if self._engine is None or self._engine_key != key:
            self._drop_engine()
            if self._factory is not None:
                self._engine = self._factory(package, beam_size)
            else:
                self._engine = self._default_engine(package, beam_size)
            self._engine_key = key
        return self._engine

    def _default_engine(self, package: InstalledPackage, beam_size: int) -> Engine:
        from reader.core.translation.engine import TranslationEngine

        engine = TranslationEngine(package, beam_size=beam_size, cache=self._open_cache())
        engine.load()
        return engine

    def _drop_engine(self) -> None:
        if self._engine is not None and hasattr(self._engine, "close"):
            self._engine.close()
        self._engine = None
        self._engine_key = None


class TranslationService(QObject):
    """The GUI side of the translation thread.

    Signals:
        batch_translated(int, list[Translation]): a batch of one job is done.
        translation_finished(int, bool): a job ended; True when it was cancelled.
        translation_failed(int, Exception): a job failed (model could not load, …).
        cache_counted(int, int): the stored translations: sentences and bytes on disk.
        cache_cleared(): the stored translations are erased.
    """

    batch_translated = Signal(int, object)
    translation_finished = Signal(int, bool)
    translation_failed = Signal(int, object)
    cache_counted = Signal(int, int)
    cache_cleared = Signal()
    _translation_requested = Signal(object)
    _cache_count_requested = Signal()
    _cache_clear_requested = Signal()
    _close_requested = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        cache_path: Path | None = None,
        engine_factory: EngineFactory | None = None,
    ) -> None:
        super().__init__(parent)
        self.cache_path = cache_path
        self._last_id = 0
        self._thread = QThread()
        self._thread.setObjectName("translation")
        self._worker = _Worker(engine_factory, cache_path)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker._on_thread_started)
        self._translation_requested.connect(self._worker._on_service_translation_requested)
        self._cache_count_requested.connect(self._worker._on_service_cache_count_requested)
        self._cache_clear_requested.connect(self._worker._on_service_cache_clear_requested)
        self._close_requested.connect(self._worker._on_service_close_requested)
        self._worker.cache_counted.connect(self.cache_counted)
        self._worker.cache_cleared.connect(self.cache_cleared)
        self._worker.batch_translated.connect(self.batch_translated)
        self._worker.translation_finished.connect(self.translation_finished)
        self._worker.translation_failed.connect(self.translation_failed)
        self._thread.start()
        self._closed = False

    def translate(
        self,
        package: InstalledPackage,
        sentences: Sequence[tuple[int, str]],
        beam_size: int,
    ) -> int:
        """Queue a job; returns its id (carried by every signal about it)."""
        self._last_id += 1
        job_id = self._last_id
        request = TranslationRequest(job_id, package, tuple(sentences), beam_size)
        self._translation_requested.emit(request)
        return job_id

    def cancel(self, job_id: int | None = None) -> None:
        """Stop a job (every job so far when None) at the next batch boundary."""
        if job_id is None:
            self._worker.request_cancel_up_to(self._last_id)
        else:
            self._worker.request_cancel(job_id)

    def count_cache(self) -> None:
        """Count the stored translations in the translation thread (after a running job);
        the answer comes as ``cache_counted``."""
        if not self._closed:
            self._cache_count_requested.emit()

    def clear_cache(self) -> None:
        """Erase the stored translations in the translation thread, which owns the open
        database (after a running job, so its results go too); then ``cache_cleared``."""
        if not self._closed:
            self._cache_clear_requested.emit()

    def shutdown(self, timeout_ms: int = 30_000) -> None:
        """Cancel everything, free the engine in its thread, and wait for the thread."""
        if self._closed:
            return
        self._closed = True
        self._worker.request_cancel_up_to(self._last_id)
        self._close_requested.emit()
        if not self._thread.wait(timeout_ms):
            log.warning("translation thread did not stop in time")
