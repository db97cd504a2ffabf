"""Text with bold, italic and links inserted into the reading view, on either side.

The German carries its block's marks; the English carries the marks projected onto it
through the model's word alignment (``project_marks``, the same projection the HTML and
Markdown exports use), so both columns show the emphasis where the words are. English
without alignment (a cached or hand-set translation) stays plain.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

from PySide6.QtGui import QTextCharFormat, QTextCursor

from reader.core.document.model import Document, Mark, Sentence, Translation
from reader.core.translation.mark_projection import project_marks
from reader.ui.theme import ReaderColors
from reader.ui.view.block_formats import apply_mark


def insert_marked(
    cursor: QTextCursor,
    text: str,
    marks: Sequence[Mark],
    base: QTextCharFormat,
    colors: ReaderColors,
) -> None:
    """Insert ``text`` at ``cursor``, cut where ``marks`` (offsets into it) begin and end."""
    cuts = {0, len(text)}
    for mark in marks:
        cuts.update((max(0, min(len(text), mark.start)), max(0, min(len(text), mark.end))))
    for start, end in itertools.pairwise(sorted(cuts)):
        char_format = QTextCharFormat(base)
        for mark in marks:
            if mark.start <= start and end <= mark.end:
                apply_mark(char_format, mark.kind, mark.href, colors)
        cursor.insertText(text[start:end], char_format)


def english_marks(
    source: Document | None,
    sentences: Mapping[int, Sentence],
    aligned: Mapping[int, Translation],
) -> dict[int, tuple[Mark, ...]]:
    """Each aligned sentence's German marks placed on its English (offsets into it)."""
    if source is None:
        return {}
    result: dict[int, tuple[Mark, ...]] = {}
    for sentence_id, translation in aligned.items():
        sentence = sentences.get(sentence_id)
        if sentence is None or not 0 <= sentence.block < len(source.blocks):
            continue
        block = source.blocks[sentence.block]
        if block.marks:
            result[sentence_id] = project_marks(block, sentence, translation)
    return result
