"""Test doubles for the window: a tiny loader and segmenter, fake engines, a fake package.

The real loader and engine are exercised by the end-to-end tests; these keep most UI tests
fast and independent of the core's pace.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from reader.core.document.model import Block, BlockKind, Document, Sentence, Translation
from reader.core.packages.store import InstalledPackage, read_package


def simple_loader(path: Path) -> Document:
    """Blank-line paragraphs; ``# `` lines are headings. Raises OSError like a real read."""
    text = Path(path).read_text(encoding="utf-8")
    blocks = []
    for chunk in (c.strip() for c in text.split("\n\n")):
        if not chunk:
            continue
        if chunk.startswith("# "):
            blocks.append(Block(len(blocks), BlockKind.HEADING, chunk[2:], level=1))
        else:
            blocks.append(Block(len(blocks), BlockKind.PARAGRAPH, " ".join(chunk.split())))
    return Document(Path(path).stem, tuple(blocks), source=Path(path), format="text")


def simple_segmenter(document: Document) -> tuple[Sentence, ...]:
    """Sentences end at . ! ? followed by a space or the end."""
    sentences: list[Sentence] = []
    for block in document.blocks:
        if block.kind is BlockKind.CODE:
            continue
        for match in re.finditer(r"\S.*?(?:[.!?](?=\s|$)|$)", block.text):
            sentences.append(
                Sentence(len(sentences), block.index, match.start(), match.end(), match.group())
            )
    return tuple(sentences)


def english_of(german: str) -> str:
    return f"EN[{german}]"


class FakeEngine:
    """Translates to ``EN[…]`` in batches of ``batch`` sentences.

    With ``gate`` set, each batch waits for a ``gate.release()`` from the test, so tests can
    look at the window between batches.
    """

    def __init__(self, batch: int = 2, gate: threading.Semaphore | None = None) -> None:
        self.batch = batch
        self.gate = gate
        self.calls: list[list[int]] = []
        self.beams: list[int | None] = []  # the beam size of each call
        self.closed = False

    def close(self) -> None:
        self.closed = True

    def gate_for(self, sentences: Sequence[tuple[int, str]]) -> threading.Semaphore | None:
        """The gate this call's batches wait for (tests override it per kind of call)."""
        return self.gate

    def translation_for(self, sentence_id: int, text: str) -> Translation:
        """One sentence's English (tests with a table of their own override this)."""
        return Translation(sentence_id, text, english_of(text))

    def translate(
        self,
        sentences: Sequence[tuple[int, str]],
        *,
        on_batch: Callable[[list[Translation]], None] | None = None,
        cancel: object = None,
        align: bool = True,
        beam_size: int | None = None,
    ) -> list[Translation]:
        from reader.core.translation.engine import TranslationCancelled

        self.calls.append([sid for sid, _text in sentences])
        self.beams.append(beam_size)
        done: list[Translation] = []
        gate = self.gate_for(sentences)  # read once: another thread may call at the same time
        for first in range(0, len(sentences), self.batch):
            if gate is not None:
                while not gate.acquire(timeout=0.05):
                    if cancel is not None and cancel.cancelled:  # type: ignore[attr-defined]
                        raise TranslationCancelled(done)
            if cancel is not None and cancel.cancelled:  # type: ignore[attr-defined]
                raise TranslationCancelled(done)
            batch = [
                self.translation_for(sid, text)
                for sid, text in sentences[first : first + self.batch]
            ]
            done += batch
            if on_batch is not None:
                on_batch(batch)
        return done


def install_fake_package(packages_dir: Path) -> InstalledPackage:
    """A package folder that discovery accepts (never loaded: tests use FakeEngine)."""
    folder = packages_dir / "translate-de_en-fake"
    (folder / "model").mkdir(parents=True, exist_ok=True)
    (folder / "model" / "model.bin").write_bytes(b"fake")
    (folder / "sentencepiece.model").write_bytes(b"fake")
    (folder / "metadata.json").write_text(
        json.dumps(
            {"package_version": "1.0", "from_code": "de", "to_code": "en", "type": "translate"}
        ),
        encoding="utf-8",
    )
    return read_package(folder)


def german_text(paragraphs: int = 3, sentences: int = 3) -> str:
    """A small German document written for the tests."""
    words = ["Haus", "Garten", "Fluss", "Bahnhof", "Markt", "Wald", "Hafen", "Turm"]
    out = ["# Ein kurzer Bericht"]
    for p in range(paragraphs):
        out.append(
            " ".join(
                f"Der {words[(p + s) % len(words)]} Nummer {p}-{s} liegt am Rand der Stadt."
                for s in range(sentences)
            )
        )
    return "\n\n".join(out) + "\n"


NAMES = {"Köln": "LOC", "Berlin": "LOC", "Müller": "PER", "Siemens": "ORG", "Rhein": "LOC"}


class FakeRecognizer:
    """Finds a few known names, like the real recognizer would, without spaCy."""

    def __init__(self) -> None:
        self.calls = 0

    def recognize(self, document: Document, sentences: Sequence[Sentence]):  # type: ignore[no-untyped-def]
        from reader.core.document.model import Entity, EntityLabel

        self.calls += 1
        found = []
        for sentence in sentences:
            for name, label in NAMES.items():
                for match in re.finditer(rf"\b{name}\b", sentence.text):
                    start = sentence.start + match.start()
                    found.append(
                        Entity(
                            sentence.block,
                            start,
                            start + len(name),
                            EntityLabel(label),
                            name,
                            sentence_id=sentence.id,
                        )
                    )
        return tuple(found)
