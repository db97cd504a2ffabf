"""Name recognition in the child process (``child_process``), so spaCy never holds the
window's GIL: the child loads the pipeline once and answers one document at a time."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from reader.core.document.model import Document, Entity, Sentence
from reader.workers.child_process import ChildProcess

if TYPE_CHECKING:  # spaCy is imported only in the child, when a job arrives
    from reader.core.entities.recognizer import EntityRecognizer

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


class ProcessRecognizer:
    """``recognize`` like ``EntityRecognizer``, answered by a child process (its own, or
    one shared with the translation check)."""

    def __init__(
        self,
        function: Callable[[Document, Sequence[Sentence]], tuple[Entity, ...]] | None = None,
        *,
        pipeline: str = "",
        child: ChildProcess | None = None,
    ) -> None:
        # ``function`` runs in the child: a module-level function it can import (tests).
        self._function = function
        self.pipeline = pipeline  # an installed spaCy pipeline's name, or "" for ours
        self.child = child or ChildProcess()

    def recognize(self, document: Document, sentences: Sequence[Sentence]) -> tuple[Entity, ...]:
        """Blocks the calling (worker) thread until the child answers."""
        if self._function is not None:
            return self.child.run(self._function, document, tuple(sentences))
        return self.child.run(_recognize_in_child, document, tuple(sentences), self.pipeline)

    def close(self) -> None:
        """Stop the child now, even in the middle of loading or recognizing."""
        self.child.close()
