"""Named-entity recognition off the GUI thread: one long-lived thread owns the pipeline.

Loading the spaCy pipeline costs seconds, so it happens once, on the first job; by default
the pipeline lives in a child process (``entity_process``) and this thread only waits for
its answers, so spaCy never holds the window's GIL. The service owns that child and lends
it to the translation check (``child``). Jobs carry ids and the window ignores answers
about documents it left.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QObject, Signal, Slot

from reader.core.document.model import Document, Entity, Sentence
from reader.workers.child_process import ChildProcess, ChildStopped
from reader.workers.service import BACKGROUND_NICENESS, ThreadService, ThreadWorker

log = logging.getLogger(__name__)


class Recognizer(Protocol):
    def recognize(
        self, document: Document, sentences: Sequence[Sentence]
    ) -> tuple[Entity, ...]: ...


@runtime_checkable
class _PipelineChoice(Protocol):
    """A recognizer that can use an installed spaCy pipeline ("" for the reader's own)."""

    pipeline: str


@runtime_checkable
class _Closable(Protocol):
    """A recognizer that holds a resource (the child process) to release."""

    def close(self) -> None: ...


RecognizerFactory = Callable[[], Recognizer]


def process_recognizer(child: ChildProcess) -> RecognizerFactory:
    """Recognizers answered by ``child`` (the window's default)."""

    def make() -> Recognizer:
        from reader.workers.entity_process import ProcessRecognizer

        return ProcessRecognizer(child=child)

    return make


@dataclass(frozen=True)
class RecognitionRequest:
    """Recognize ``sentences``; ``first`` (a few of them, where the reader is) before."""

    job_id: int
    document: Document
    sentences: tuple[Sentence, ...]
    first: tuple[Sentence, ...] = ()


class _Worker(ThreadWorker):
    entities_previewed = Signal(int, object)
    entities_recognized = Signal(int, object)
    recognition_failed = Signal(int, object)

    def __init__(self, factory: RecognizerFactory, child: ChildProcess | None) -> None:
        super().__init__(niceness=BACKGROUND_NICENESS)  # the translation goes first
        self._factory = factory
        self._child = child
        self._recognizer: Recognizer | None = None
        self._pipeline = ""

    @Slot(object)
    def _on_service_recognition_requested(self, request: RecognitionRequest) -> None:
        if self.is_stale(request.job_id):
            return  # the window moved on to another document
        try:
            if self._recognizer is None:
                self._recognizer = self._factory()
                if isinstance(self._recognizer, _PipelineChoice):
                    self._recognizer.pipeline = self._pipeline
            if request.first and len(request.first) < len(request.sentences):
                # Names where the reader is, at once: the whole document's take seconds
                # while the translation has the cores (its mentions vote on each label,
                # so those of the first few sentences may still change).
                first = self._recognizer.recognize(request.document, request.first)
                self.entities_previewed.emit(request.job_id, tuple(first))
                if self.is_stale(request.job_id):
                    return
            entities = self._recognizer.recognize(request.document, request.sentences)
        except ChildStopped:
            return  # the window is closing
        except Exception as error:  # no names is better than no window
            log.warning("entity recognition failed: %s", error)
            self.recognition_failed.emit(request.job_id, error)
        else:
            self.entities_recognized.emit(request.job_id, tuple(entities))

    def interrupt(self) -> None:
        # A job waiting on the child process ends when the child is stopped; the window is
        # closing, so no job may start it again (shut down first: the job then ends quietly).
        if self._child is not None:
            self._child.shutdown()
        self.close_recognizer()

    def close_recognizer(self) -> None:
        """Stop the recognizer's child process (safe from any thread)."""
        recognizer = self._recognizer
        if isinstance(recognizer, _Closable):
            recognizer.close()

    @Slot(str)
    def _on_service_pipeline_changed(self, pipeline: str) -> None:
        # Between jobs (queued like them): the next job makes a recognizer for the new one.
        if pipeline == self._pipeline:
            return
        self._pipeline = pipeline
        self.close_recognizer()
        self._recognizer = None

    def close(self) -> None:
        self.close_recognizer()
        self._recognizer = None


class EntityService(ThreadService):
    """The GUI side of the entity thread.

    Signals:
        entities_previewed(int, tuple[Entity, ...]): job id and the names of the sentences
            asked for first (before the whole document's).
        entities_recognized(int, tuple[Entity, ...]): job id and the German entities.
        recognition_failed(int, Exception): job id and why (e.g. no pipeline installed).
    """

    entities_previewed = Signal(int, object)
    entities_recognized = Signal(int, object)
    recognition_failed = Signal(int, object)
    _recognition_requested = Signal(object)
    _pipeline_changed = Signal(str)

    def __init__(
        self, parent: QObject | None = None, *, factory: RecognizerFactory | None = None
    ) -> None:
        # The child process the names (by default) and the translation check run in; None
        # when a test supplies its own recognizer (the check then runs in this process).
        child: ChildProcess | None = None
        if factory is None:
            child = ChildProcess(BACKGROUND_NICENESS)
            factory = process_recognizer(child)
        worker = _Worker(factory, child)
        super().__init__(worker, "entities", parent)
        self._worker: _Worker = worker
        self.child = child
        self._recognition_requested.connect(worker._on_service_recognition_requested)
        self._pipeline_changed.connect(worker._on_service_pipeline_changed)
        worker.entities_previewed.connect(self.entities_previewed)
        worker.entities_recognized.connect(self.entities_recognized)
        worker.recognition_failed.connect(self.recognition_failed)
        self.start_thread()

    def recognize(
        self,
        document: Document,
        sentences: Sequence[Sentence],
        first: Sequence[Sentence] = (),
    ) -> int:
        """Queue recognition of a document (``first``: a few of its sentences to answer
        for before the rest, with ``entities_previewed``); returns the job id. Older queued
        jobs are dropped: only the newest document's names are wanted."""
        job_id = self.next_job_id()
        self._worker.drop_up_to(job_id - 1)
        request = RecognitionRequest(job_id, document, tuple(sentences), tuple(first))
        self._recognition_requested.emit(request)
        return job_id

    def set_pipeline(self, pipeline: str) -> None:
        """Recognize later documents with an installed spaCy pipeline ("" for ours)."""
        self._pipeline_changed.emit(pipeline)
