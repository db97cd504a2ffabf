"""A priority lane for a word card's glosses while a document is being translated.

The translation thread decodes the document in large batches (up to ~2,000 tokens, several
seconds each on two cores) and cannot be interrupted inside one, so a card's few words
queued behind it waited for the running batch: up to 12.7 s measured. The lane translates
them at once, beside the document, with a second engine of the same package on one thread
(CTranslate2 releases the GIL; the model is loaded on the lane's first use and kept until
``release``). Its session has its own connection to the translation cache, so the glosses
are stored there as the translation thread would store them. The work runs on the job
pool (``reader.workers.jobs``); one gloss request at a time uses the engine.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from reader.core.cancel import CancelToken
from reader.core.document.model import Translation
from reader.core.packages.store import InstalledPackage
from reader.workers.jobs import JobRunner, ProgressFn

if TYPE_CHECKING:
    from reader.core.translation.session import EngineFactory, TranslationSession

log = logging.getLogger(__name__)

LANE_THREADS = 1  # the document keeps the other cores; a card's words are a tiny batch


class GlossLane(QObject):
    """Translates a few texts now, beside the translation thread.

    Signals:
        glosses_translated(int, list[Translation]): the answer to the request with this id.
        glosses_failed(int, object): the request with this id failed (its exception).
    """

    glosses_translated = Signal(int, object)
    glosses_failed = Signal(int, object)

    def __init__(
        self,
        cache_path: Path | None,
        engine_factory: EngineFactory | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._cache_path = cache_path
        self._factory = engine_factory
        self._lock = threading.Lock()  # one request at a time uses the session
        self._session: TranslationSession | None = None
        self._jobs = JobRunner(self, latest_only=True)
        self._releases = JobRunner(self)

    def translate(
        self, package: InstalledPackage, sentences: Sequence[tuple[int, str]], beam_size: int
    ) -> int:
        """Translate ``(id, German)`` pairs on the job pool; returns the request's id (an
        older request still waiting is dropped)."""
        pairs = list(sentences)

        def work(_progress: ProgressFn, cancel: CancelToken) -> list[Translation]:
            with self._lock:
                session = self._session_for(package)
                return session.translate(pairs, beam_size=beam_size, cancel=cancel)

        job = self._jobs.start(
            work,
            success=lambda batch: self.glosses_translated.emit(job.id, batch),
            failure=lambda error: self.glosses_failed.emit(job.id, error),
            name="glosses",
        )
        return job.id

    def release(self) -> None:
        """Free the lane's engine and cache connection (off the GUI thread, after the
        request that may be using them)."""
        if self._session is None and not self._jobs.active():
            return

        def work(_progress: ProgressFn, _cancel: CancelToken) -> None:
            with self._lock:
                self._close_session()

        self._releases.start(work, success=lambda _none: None, name="gloss lane release")

    def close_now(self) -> None:
        """Free everything now (waits for a running request); for shutdown."""
        self._jobs.cancel_all()
        with self._lock:
            self._close_session()

    def _session_for(self, package: InstalledPackage) -> TranslationSession:
        from reader.core.translation.session import TranslationSession

        session = self._session
        if session is not None and session.package.path == package.path:
            return session
        self._close_session()
        cache = None
        if self._cache_path is not None:
            from reader.core.translation.cache import TranslationCache

            try:
                cache = TranslationCache(self._cache_path)
            except Exception:  # the cache is disposable; gloss without it
                log.warning("translation cache unavailable to the gloss lane", exc_info=True)
        self._session = TranslationSession(
            package,
            cache=cache,
            owns_cache=True,
            engine_factory=self._factory,
            threads=LANE_THREADS,
        )
        return self._session

    def _close_session(self) -> None:
        if self._session is not None:
            self._session.close()
        self._session = None
