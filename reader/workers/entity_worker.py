"""Named-entity recognition off the GUI thread: one long-lived thread owns the pipeline.

Loading the spaCy pipeline costs seconds, so it happens once, on the first job; by default
the pipeline lives in a child process (``entity_process``) and this thread only waits for
its answers, so spaCy never holds the window's GIL. Jobs carry ids and the window ignores
answers about documents it left.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QObject, QThread, Signal, Slot

from reader.core.document.model import Document, Entity, Sentence
from reader.workers.translation_worker import lower_thread_priority

log = logging.getLogger(__name__)


class Recognizer(Protocol):
    def recognize(
        self, document: Document, sentences: Sequence[Sentence]
    ) -> tuple[Entity, ...]: ...


RecognizerFactory = Callable[[], Recognizer]


def default_recognizer() -> Recognizer:
    from reader.workers.entity_process import ProcessRecognizer

    return ProcessRecognizer()


@dataclass(frozen=True)
class RecognitionRequest:
    job_id: int
    document: Document
    sentences: tuple[Sentence, ...]


class _Worker(QObject):
    entities_recognized = Signal(int, object)
    recognition_failed = Signal(int, object)

    def __init__(self, factory: RecognizerFactory) -> None:
        super().__init__()
        self._factory = factory
        self._recognizer: Any = None
        self._pipeline = ""
        self.latest = 0  # written by the GUI thread: older queued jobs are skipped

    @Slot()
    def _on_thread_started(self) -> None:
        lower_thread_priority()

    @Slot(object)
    def _on_service_recognition_requested(self, request: RecognitionRequest) -> None:
        if request.job_id < self.latest:
            return  # the window moved on to another document
        try:
            if self._recognizer is None:
                self._recognizer = self._factory()
                if hasattr(self._recognizer, "pipeline"):
                    self._recognizer.pipeline = self._pipeline
            entities = self._recognizer.recognize(request.document, request.sentences)
        except Exception as error:  # no names is better than no window
            log.warning("entity recognition failed: %s", error)
            self.recognition_failed.emit(request.job_id, error)
        else:
            self.entities_recognized.emit(request.job_id, tuple(entities))

    def close_recognizer(self) -> None:
        """Stop the recognizer's child process (safe from any thread)."""
        recognizer = self._recognizer
        if recognizer is not None and hasattr(recognizer, "close"):
            recognizer.close()

    @Slot(str)
    def _on_service_pipeline_changed(self, pipeline: str) -> None:
        # Between jobs (queued like them): the next job makes a recognizer for the new one.
        if pipeline == self._pipeline:
            return
        self._pipeline = pipeline
        self.close_recognizer()
        self._recognizer = None

    @Slot()
    def _on_service_close_requested(self) -> None:
        self.close_recognizer()
        self._recognizer = None
        thread = QThread.currentThread()
        if thread is not None:
            thread.quit()


class EntityService(QObject):
    """The GUI side of the entity thread.

    Signals:
        entities_recognized(int, tuple[Entity, ...]): job id and the German entities.
        recognition_failed(int, Exception): job id and why (e.g. no pipeline installed).
    """

    entities_recognized = Signal(int, object)
    recognition_failed = Signal(int, object)
    _recognition_requested = Signal(object)
    _pipeline_changed = Signal(str)
    _close_requested = Signal()

    def __init__(
        self, parent: QObject | None = None, *, factory: RecognizerFactory = default_recognizer
    ) -> None:
        super().__init__(parent)
        self._last_id = 0
        self._closed = False
        self._thread = QThread()
        self._thread.setObjectName("entities")
        self._worker = _Worker(factory)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker._on_thread_started)
        self._recognition_requested.connect(self._worker._on_service_recognition_requested)
        self._pipeline_changed.connect(self._worker._on_service_pipeline_changed)
        self._close_requested.connect(self._worker._on_service_close_requested)
        self._worker.entities_recognized.connect(self.entities_recognized)
        self._worker.recognition_failed.connect(self.recognition_failed)
        self._thread.start()

    def recognize(self, document: Document, sentences: Sequence[Sentence]) -> int:
        """Queue recognition of a document; returns the job id."""
        self._last_id += 1
        self._worker.latest = self._last_id
        self._recognition_requested.emit(
            RecognitionRequest(self._last_id, document, tuple(sentences))
        )
        return self._last_id

    def set_pipeline(self, pipeline: str) -> None:
        """Recognize later documents with an installed spaCy pipeline ("" for ours)."""
        self._pipeline_changed.emit(pipeline)

    def shutdown(self, timeout_ms: int = 30_000) -> None:
        """Stop the thread (after the job it is running, if any)."""
        if self._closed:
            return
        self._closed = True
        self._worker.latest = self._last_id + 1  # skip whatever is still queued
        # A job waiting on the child process ends when the child is stopped.
        self._worker.close_recognizer()
        self._close_requested.emit()
        if not self._thread.wait(timeout_ms):
            log.warning("entity thread did not stop in time")
