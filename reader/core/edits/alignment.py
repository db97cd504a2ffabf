"""The word alignment of the reader's own English, carried over from the model's.

An edit usually changes a few words of the model's English ("Formula One" for "Formula 1",
a glossary term); the words it leaves as they were keep their links to the German, so
hovering them still shows where they came from. Links of changed or moved-away words are
dropped. No model is asked: the two texts are compared (``difflib``) and each link whose
English lies inside a stretch both texts share, and is still a whole word there, moves
with that stretch.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

from reader.core.document.model import AlignedSpan


def _whole_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())


def carry_alignment(
    old_text: str, alignment: Sequence[AlignedSpan], new_text: str
) -> tuple[AlignedSpan, ...]:
    """The links of ``alignment`` (on ``old_text``) whose English words ``new_text`` kept,
    moved to where they are in ``new_text``."""
    if not alignment or not new_text:
        return ()
    if old_text == new_text:
        return tuple(alignment)
    blocks = [
        block
        for block in SequenceMatcher(None, old_text, new_text, autojunk=False).get_matching_blocks()
        if block.size
    ]
    carried = []
    for link in alignment:
        for old_start, new_start, size in blocks:
            if old_start <= link.target_start and link.target_end <= old_start + size:
                start = link.target_start - old_start + new_start
                end = link.target_end - old_start + new_start
                # a word that was whole must still be one ("cat" is not the "a" of "a dog")
                was_word = _whole_word(old_text, link.target_start, link.target_end)
                if start < end and (_whole_word(new_text, start, end) or not was_word):
                    carried.append(AlignedSpan(link.source_start, link.source_end, start, end))
                break
    return tuple(carried)
