"""Bold, italic and links carried from a German sentence to its English, by word alignment.

The tag projection Firefox's translations do for HTML, on our plain data: each inline mark
of the German covers some source words; the English words aligned to them get the same
mark (widened to whole words, surrounding spaces and punctuation left out). A mark whose
words have no alignment link is not carried: better plain English than a wrong emphasis.
"""

from __future__ import annotations

from reader.core.document.model import Block, Mark, Sentence, Translation

_EDGE_PUNCTUATION = " \t.,;:!?\"'“”„«»()"


def project_marks(block: Block, sentence: Sentence, translation: Translation) -> tuple[Mark, ...]:
    """The block's marks inside ``sentence``, placed on ``translation.text``."""
    english = translation.text
    placed: list[Mark] = []
    for mark in block.marks:
        start = max(mark.start, sentence.start) - sentence.start
        end = min(mark.end, sentence.end) - sentence.start
        if start >= end:
            continue
        links = [
            a
            for a in translation.alignment
            if a.source_start < end and a.source_end > start and a.target_end > a.target_start
        ]
        if not links:
            continue
        target = _whole_words(
            english,
            max(0, min(a.target_start for a in links)),
            min(len(english), max(a.target_end for a in links)),
        )
        if target is not None:
            placed.append(Mark(mark.kind, target[0], target[1], mark.href))
    return tuple(placed)


def _whole_words(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    while start < end and text[start] in _EDGE_PUNCTUATION:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCTUATION:
        end -= 1
    return (start, end) if start < end else None
