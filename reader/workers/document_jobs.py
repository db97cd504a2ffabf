"""Loading and segmenting documents off the GUI thread (a light QThreadPool job runner).

Each request gets a job id; the window keeps only the answer to its latest request, so a
slow load finishing after a newer one is dropped there. The core functions are imported
in the pool thread, so the GUI never pays for them before its first paint.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reader.core.document.model import Document, Sentence

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LoadedDocument:
    """A document and its sentences, ready to show."""

    document: Document
    sentences: tuple[Sentence, ...]


Loader = Callable[[Path], Document]
Segmenter = Callable[[Document], tuple[Sentence, ...]]


def default_loader(path: Path) -> Document:
    from reader.core.document.loading import load_document

    return load_document(path)


def default_segmenter(document: Document) -> tuple[Sentence, ...]:
    from reader.core.document.segmentation import segment_document

    return segment_document(document)


class _Relay(QObject):
    """Lives in the GUI thread; signals emitted from pool threads arrive queued."""

    finished = Signal(int, object)
    failed = Signal(int, object)


class _LoadTask(QRunnable):
    def __init__(self, job_id: int, work: Callable[[], LoadedDocument], relay: _Relay) -> None:
        super().__init__()
        self.job_id = job_id
        self.work = work
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as error:  # every failure becomes a message, never a crash
            if not _is_reader_error(error):
                log.exception("loading failed unexpectedly")
            self.relay.failed.emit(self.job_id, error)
        else:
            self.relay.finished.emit(self.job_id, result)


def _is_reader_error(error: Exception) -> bool:
    from reader.core.errors import ReaderError

    return isinstance(error, ReaderError)


class DocumentJobs(QObject):
    """Loads files (or text) and segments them in a thread pool.

    Signals:
        document_loaded(int, LoadedDocument): job id and the result.
        load_failed(int, Exception): job id and the error (typed core errors where known).
    """

    document_loaded = Signal(int, object)
    load_failed = Signal(int, object)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        loader: Loader = default_loader,
        segmenter: Segmenter = default_segmenter,
    ) -> None:
        super().__init__(parent)
        self.loader = loader
        self.segmenter = segmenter
        self._ids = itertools.count(1)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one load at a time; the newest wins anyway
        self._relay = _Relay(self)
        self._relay.finished.connect(self.document_loaded)
        self._relay.failed.connect(self.load_failed)

    def load(self, path: Path) -> int:
        """Start loading ``path``; returns the job id its answer will carry."""
        loader, segmenter = self.loader, self.segmenter

        def work() -> LoadedDocument:
            document = loader(path)
            return LoadedDocument(document, tuple(segmenter(document)))

        return self._start(work)

    def show(self, document: Document) -> int:
        """Segment an already built Document (tests, screenshots, pasted text)."""
        segmenter = self.segmenter
        return self._start(lambda: LoadedDocument(document, tuple(segmenter(document))))

    def _start(self, work: Callable[[], LoadedDocument]) -> int:
        job_id = next(self._ids)
        self._pool.start(_LoadTask(job_id, work, self._relay))
        return job_id

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Wait for a running load to end (loads are short and cannot be interrupted)."""
        self._pool.clear()
        self._pool.waitForDone(timeout_ms)
