"""Functions the entity child process runs in tests (importable by a spawned child)."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from reader.core.document.model import Document, Entity, EntityLabel, Sentence


def names_and_pid(document: Document, sentences: Sequence[Sentence]) -> tuple[Entity, ...]:
    """One entity per sentence over its first word; the text carries the child's pid."""
    found = []
    for sentence in sentences:
        word = sentence.text.split()[0]
        found.append(
            Entity(
                sentence.block,
                sentence.start,
                sentence.start + len(word),
                EntityLabel.LOC,
                f"{word}@{os.getpid()}",
                sentence_id=sentence.id,
            )
        )
    return tuple(found)


def sleeps(document: Document, sentences: Sequence[Sentence]) -> tuple[Entity, ...]:
    time.sleep(60)
    return ()


def marks_then_waits(document: Document, sentences: Sequence[Sentence]) -> tuple[Entity, ...]:
    """Writes ``document.source`` (the parent waits for that file), then stays busy."""
    assert document.source is not None
    document.source.write_text(str(os.getpid()), encoding="utf-8")
    threading.Event().wait(60)
    return ()


def blas_threads(document: Document, sentences: Sequence[Sentence]) -> tuple[Entity, ...]:
    """One entity whose text is the child's OPENBLAS_NUM_THREADS setting."""
    sentence = sentences[0]
    setting = os.environ.get("OPENBLAS_NUM_THREADS", "unset")
    return (
        Entity(
            sentence.block,
            sentence.start,
            sentence.start + 1,
            EntityLabel.LOC,
            setting,
            sentence_id=sentence.id,
        ),
    )


def own_pid() -> int:
    return os.getpid()


def own_niceness() -> int:
    return os.nice(0)


def dies() -> int:
    os._exit(3)


def waits_the_first_time(marker: Path) -> int:
    """The first call writes its pid to ``marker`` and stays busy; later calls answer."""
    if not marker.exists():
        marker.write_text(str(os.getpid()), encoding="utf-8")
        threading.Event().wait(60)
    return os.getpid()
