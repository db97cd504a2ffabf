"""Functions the entity child process runs in tests (importable by a spawned child)."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence

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
