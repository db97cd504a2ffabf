"""Name recognition in a child process, so spaCy never holds the window's GIL.

Loading the pipeline holds Python's global lock for up to ~160 ms at a time (measured
here), which froze the window when it ran in a thread. A single spawned child (not forked:
the parent has Qt and CTranslate2 threads) loads it once and answers one document at a
time. Qt-free: the child imports only the core.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING

from reader.core.document.model import Document, Entity, Sentence

if TYPE_CHECKING:  # spaCy is imported only in the child, when a job arrives
    from reader.core.entities.recognizer import EntityRecognizer

log = logging.getLogger(__name__)

_child_recognizer: EntityRecognizer | None = None  # one per child process
_child_pipeline = ""  # what it was made for


def _recognize_in_child(
    document: Document, sentences: Sequence[Sentence], pipeline: str = ""
) -> tuple[Entity, ...]:
    """Runs in the child: ``pipeline`` names an installed spaCy pipeline, "" for ours."""
    global _child_recognizer, _child_pipeline
    if _child_recognizer is None or pipeline != _child_pipeline:
        from reader.core.entities.recognizer import EntityRecognizer

        _child_recognizer = EntityRecognizer(prefer_installed=pipeline or None)
        _child_pipeline = pipeline
    return tuple(_child_recognizer.recognize(document, sentences))


# The tagger's matrices are small: BLAS threads would only spin against the translation's
# threads on a shared CPU (one thread measured 16x faster than the default under load).
_ONE_THREAD = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def _exit_with_parent(parent_pid: int) -> None:
    """Runs first in the child: end it when the reader is gone, however the reader ended
    (killed, crashed), so no orphan keeps spaCy's memory or the terminal's pipes. Also
    keeps NumPy's BLAS to one thread (set before the tagger imports NumPy)."""
    for name in _ONE_THREAD:
        os.environ.setdefault(name, "1")

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


class ProcessRecognizer:
    """``recognize`` like ``EntityRecognizer``, answered by a child process."""

    def __init__(
        self,
        function: Callable[[Document, Sequence[Sentence]], tuple[Entity, ...]] | None = None,
        *,
        pipeline: str = "",
    ) -> None:
        # ``function`` runs in the child: a module-level function it can import (tests).
        self._function = function
        self.pipeline = pipeline  # an installed spaCy pipeline's name, or "" for ours
        self._executor: ProcessPoolExecutor | None = None

    def recognize(self, document: Document, sentences: Sequence[Sentence]) -> tuple[Entity, ...]:
        """Blocks the calling (worker) thread until the child answers."""
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_exit_with_parent,
                initargs=(os.getpid(),),
            )
        if self._function is not None:
            future = self._executor.submit(self._function, document, tuple(sentences))
        else:
            future = self._executor.submit(
                _recognize_in_child, document, tuple(sentences), self.pipeline
            )
        return future.result()

    def close(self) -> None:
        """Stop the child now, even in the middle of loading or recognizing."""
        executor, self._executor = self._executor, None
        if executor is None:
            return
        # The pool has no public "terminate": a child busy loading would delay exit by
        # seconds, so end it directly.
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
                log.debug("could not stop the entity process", exc_info=True)
