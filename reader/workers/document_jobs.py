"""Loading and segmenting documents off the GUI thread, as jobs of ``reader.workers.jobs``.

Each request gets a job id; only the answer to the latest request arrives, so a slow load
finishing after a newer one is dropped. The core functions are imported in the pool
thread, so the GUI never pays for them before its first paint.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reader.core.cancel import CancelToken
from reader.core.document.model import Document, Sentence
from reader.workers.jobs import JobRunner, ProgressFn, Work


@dataclass(frozen=True)
class LoadedDocument:
    """A document and its sentences, ready to show."""

    document: Document
    sentences: tuple[Sentence, ...]


Loader = Callable[[Path], Document]
Segmenter = Callable[[Document], tuple[Sentence, ...]]


def default_loader(path: Path, cancel: CancelToken | None = None) -> Document:
    from reader.core.document.loading import load_document

    return load_document(path, cancel=cancel)


def whole_page_loader(path: Path, cancel: CancelToken | None = None) -> Document:
    """Like ``default_loader``, but a web page is shown whole, not as its article."""
    from reader.core.document.loading import load_document

    return load_document(path, cancel=cancel, whole_page=True)


def default_segmenter(document: Document) -> tuple[Sentence, ...]:
    from reader.core.document.segmentation import segment_document

    return segment_document(document)


class DocumentJobs(QObject):
    """Loads files (or text) and segments them as background jobs (``reader.workers.jobs``).

    Only the newest request is answered: starting one drops the answer of any older one.

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
        self._runner = JobRunner(self, latest_only=True)

    def load(self, path: Path) -> int:
        """Start loading ``path``; returns the job id its answer will carry."""
        loader, segmenter = self.loader, self.segmenter

        def work(_progress: ProgressFn, cancel: CancelToken) -> LoadedDocument:
            # The real loaders stop a long PDF when a newer load or closing cancels this one.
            if loader is default_loader or loader is whole_page_loader:
                document = loader(path, cancel)
            else:
                document = loader(path)
            return LoadedDocument(document, tuple(segmenter(document)))

        return self._start(work, f"load {path.name}")

    def show(self, document: Document) -> int:
        """Segment an already built Document (tests, screenshots, pasted text)."""
        segmenter = self.segmenter

        def work(_progress: ProgressFn, _cancel: CancelToken) -> LoadedDocument:
            return LoadedDocument(document, tuple(segmenter(document)))

        return self._start(work, "segment")

    def _start(self, work: Work[LoadedDocument], name: str) -> int:
        job_id = 0

        def loaded(result: LoadedDocument) -> None:
            self.document_loaded.emit(job_id, result)

        def failed(error: BaseException) -> None:
            self.load_failed.emit(job_id, error)

        job = self._runner.start(work, success=loaded, failure=failed, name=name)
        job_id = job.id
        return job_id

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Cancel a running load (a long PDF stops between pages) and wait for it to end."""
        self._runner.cancel_all()
        self._runner.wait(timeout_ms)
