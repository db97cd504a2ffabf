"""One long-lived thread that owns the translation engine and runs jobs one at a time.

CTranslate2 is not fork-safe and loading a model costs seconds, so the engine is created
once, in this thread, by a ``TranslationSession`` kept while the package stays the same (the
beam size comes with each job). The GUI talks to it through ``TranslationService`` (a
``reader.workers.service`` thread): requests go in as queued signals, results come back as
signals carrying the job id, and cancelling sets the job's CancelToken directly (the engine
polls it between batches while this thread is busy).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from reader.core.cancel import CancelToken
from reader.core.document.model import Translation
from reader.core.packages.store import InstalledPackage
from reader.core.paths import sqlite_file_bytes
from reader.workers.service import ThreadService, ThreadWorker

if TYPE_CHECKING:
    from reader.core.translation.cache import TranslationCache
    from reader.core.translation.session import EngineFactory, TranslationSession

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TranslationRequest:
    """Translate these ``(sentence id, German)`` pairs, in this order, with this package."""

    job_id: int
    package: InstalledPackage
    sentences: tuple[tuple[int, str], ...]
    beam_size: int


@dataclass(frozen=True)
class AlternativesRequest:
    """Up to ``count`` n-best translations of one sentence with this package."""

    job_id: int
    package: InstalledPackage
    sentence_id: int
    source: str
    count: int


class _Worker(ThreadWorker):
    """Lives in the translation thread."""

    batch_translated = Signal(int, object)
    translation_finished = Signal(int, bool)
    translation_failed = Signal(int, object)
    cache_counted = Signal(int, int)
    cache_cleared = Signal()
    alternatives_found = Signal(int, object)

    def __init__(self, factory: EngineFactory | None, cache_path: Path | None) -> None:
        super().__init__()
        self._factory = factory
        self._cache_path = cache_path
        self._cache: TranslationCache | None = None
        self._session: TranslationSession | None = None
        self._threads: int | None = None  # None: every core
        self._lock = threading.Lock()
        self._tokens: dict[int, CancelToken] = {}
        self._cancelled: set[int] = set()
        # Alternatives asked for before, by package folder, sentence and count.
        self._alternatives: dict[tuple[Path, str, int], tuple[Translation, ...]] = {}

    # Called from the GUI thread.
    def request_cancel(self, job_id: int) -> None:
        with self._lock:
            token = self._tokens.get(job_id)
            if token is not None:
                token.cancel()
            self._cancelled.add(job_id)

    def request_cancel_up_to(self, last_job_id: int) -> None:
        """Cancel the running job and every queued job with an id up to ``last_job_id``."""
        self.drop_up_to(last_job_id)
        self.interrupt()

    def interrupt(self) -> None:
        with self._lock:
            for token in self._tokens.values():
                token.cancel()

    def _is_cancelled(self, job_id: int) -> bool:
        return job_id in self._cancelled or self.is_stale(job_id)

    @Slot(object)
    def _on_service_translation_requested(self, request: TranslationRequest) -> None:
        with self._lock:
            if self._is_cancelled(request.job_id):
                self._cancelled.discard(request.job_id)
                self.translation_finished.emit(request.job_id, True)
                return
        try:
            from reader.core.translation.engine import TranslationCancelled

            session = self._session_for(request.package)
            token = CancelToken()
            with self._lock:
                self._tokens[request.job_id] = token
                if self._is_cancelled(request.job_id):
                    token.cancel()
            job_id = request.job_id
            session.translate(
                list(request.sentences),
                beam_size=request.beam_size,
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
            # Keep the cache under its cap here, after a document, never on the GUI thread.
            session.prune()
        finally:
            with self._lock:
                self._tokens.pop(request.job_id, None)
                self._cancelled.discard(request.job_id)

    @Slot(object)
    def _on_service_preload_requested(self, package: InstalledPackage) -> None:
        """Load the model now, while the document itself loads (a failure shows when the
        document is translated)."""
        try:
            load = getattr(self._session_for(package).engine, "load", None)
            if callable(load):
                load()
        except Exception:
            log.debug("loading the model ahead of the document failed", exc_info=True)

    @Slot(object)
    def _on_service_alternatives_requested(self, request: AlternativesRequest) -> None:
        key = (request.package.path, request.source, request.count)
        found = self._alternatives.get(key)
        if found is None:
            try:
                session = self._session_for(request.package)
                results = session.alternatives(request.source, request.count)
            except Exception as error:  # a failing model must not take the window down
                log.warning("alternatives job %s failed: %s", request.job_id, error)
                results = []
            found = tuple(
                Translation(request.sentence_id, request.source, r.text, r.score, r.alignment)
                for r in results
            )
            if found:
                self._alternatives[key] = found
        sid = request.sentence_id
        self.alternatives_found.emit(
            request.job_id, tuple(replace(t, sentence_id=sid) for t in found)
        )

    @Slot(object)
    def _on_service_threads_requested(self, threads: int | None) -> None:
        """Between jobs: the next job's engine uses this many threads (the model reloads)."""
        if threads != self._threads:
            self._threads = threads
            self._drop_session()

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
        self._alternatives.clear()
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

    def _open_cache(self, *, create: bool = True) -> TranslationCache | None:
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

    def close(self) -> None:
        self._drop_session()
        if self._cache is not None:
            try:
                self._cache.close()
            except Exception:  # closing a broken cache is not worth a crash on exit
                log.debug("closing the translation cache failed", exc_info=True)
            self._cache = None

    def _session_for(self, package: InstalledPackage) -> TranslationSession:
        """The session for ``package``, kept while the package stays the same: the beam
        comes with each job, so switching Accurate/Fast does not reload the model."""
        session = self._session
        if session is None or session.package.path != package.path:
            from reader.core.translation.batching import window_engine_options
            from reader.core.translation.session import TranslationSession
            from reader.core.translation.threads import default_threads

            self._drop_session()
            session = TranslationSession(
                package,
                cache=self._open_cache(),
                engine_factory=self._factory,
                threads=self._threads,
                # Small batches, a few queued: a jump waits only for those (batching.py).
                **window_engine_options(self._threads or default_threads()),
            )
            self._session = session
        return session

    def _drop_session(self) -> None:
        if self._session is not None:
            self._session.close()  # frees the engine; the cache is this worker's
        self._session = None


class TranslationService(ThreadService):
    """The GUI side of the translation thread.

    Signals:
        batch_translated(int, list[Translation]): a batch of one job is done.
        translation_finished(int, bool): a job ended; True when it was cancelled.
        translation_failed(int, Exception): a job failed (model could not load, …).
        cache_counted(int, int): the stored translations: sentences and bytes on disk.
        cache_cleared(): the stored translations are erased.
        alternatives_found(int, tuple[Translation, ...]): the n-best translations of one
            sentence for an ``alternatives`` job, best first (empty when there are none).
    """

    batch_translated = Signal(int, object)
    translation_finished = Signal(int, bool)
    translation_failed = Signal(int, object)
    cache_counted = Signal(int, int)
    cache_cleared = Signal()
    alternatives_found = Signal(int, object)
    _translation_requested = Signal(object)
    _alternatives_requested = Signal(object)
    _preload_requested = Signal(object)
    _threads_requested = Signal(object)
    _cache_count_requested = Signal()
    _cache_clear_requested = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        cache_path: Path | None = None,
        engine_factory: EngineFactory | None = None,
    ) -> None:
        worker = _Worker(engine_factory, cache_path)
        super().__init__(worker, "translation", parent)
        self.cache_path = cache_path
        self.engine_factory = engine_factory  # a gloss lane builds its engine the same way
        self._worker: _Worker = worker
        self._translation_requested.connect(worker._on_service_translation_requested)
        self._threads_requested.connect(worker._on_service_threads_requested)
        self._cache_count_requested.connect(worker._on_service_cache_count_requested)
        self._cache_clear_requested.connect(worker._on_service_cache_clear_requested)
        self._alternatives_requested.connect(worker._on_service_alternatives_requested)
        self._preload_requested.connect(worker._on_service_preload_requested)
        worker.alternatives_found.connect(self.alternatives_found)
        worker.cache_counted.connect(self.cache_counted)
        worker.cache_cleared.connect(self.cache_cleared)
        worker.batch_translated.connect(self.batch_translated)
        worker.translation_finished.connect(self.translation_finished)
        worker.translation_failed.connect(self.translation_failed)
        self.start_thread()

    def translate(
        self,
        package: InstalledPackage,
        sentences: Sequence[tuple[int, str]],
        beam_size: int,
    ) -> int:
        """Queue a job; returns its id (carried by every signal about it)."""
        job_id = self.next_job_id()
        request = TranslationRequest(job_id, package, tuple(sentences), beam_size)
        self._translation_requested.emit(request)
        return job_id

    def preload(self, package: InstalledPackage) -> None:
        """Load ``package``'s model in the translation thread now, so a document being
        opened finds it ready (the first screen comes ~0.3 s sooner with a real model)."""
        self._preload_requested.emit(package)

    def alternatives(
        self, package: InstalledPackage, sentence_id: int, source: str, count: int
    ) -> int:
        """Ask for a sentence's n-best translations (after a running job; remembered for
        the next ask); the answer comes as ``alternatives_found`` with the returned id."""
        job_id = self.next_job_id()
        request = AlternativesRequest(job_id, package, sentence_id, source, count)
        self._alternatives_requested.emit(request)
        return job_id

    def cancel(self, job_id: int | None = None) -> None:
        """Stop a job (every job so far when None) at the next batch boundary."""
        if job_id is None:
            self._worker.request_cancel_up_to(self._last_id)
        else:
            self._worker.request_cancel(job_id)

    def set_threads(self, threads: int | None) -> None:
        """Translate with this many threads (None: every core) from the next job on; a
        change reloads the model then, never in the middle of a job."""
        if not self.closed:
            self._threads_requested.emit(threads)

    def leave_core_free(self, leave: bool) -> None:
        """Preferences' "leave one core free": every core but one, or every core."""
        from reader.core.translation.threads import default_threads

        self.set_threads(default_threads(leave_one_free=True) if leave else None)

    def count_cache(self) -> None:
        """Count the stored translations in the translation thread (after a running job);
        the answer comes as ``cache_counted``."""
        if not self.closed:
            self._cache_count_requested.emit()

    def clear_cache(self) -> None:
        """Erase the stored translations in the translation thread, which owns the open
        database (after a running job, so its results go too); then ``cache_cleared``."""
        if not self.closed:
            self._cache_clear_requested.emit()
