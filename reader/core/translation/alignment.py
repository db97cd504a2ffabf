"""Word alignment from CTranslate2 cross-attention.

For every target piece we take the source piece it attends to most, then lift both sides
from pieces to words: a target word is linked to the source word most of its pieces point
at. Spans are character offsets (code points) into the source sentence and into the
detokenized English, exactly as shown to the user.

Linear in the sentence's length: an overlong sentence is translated in chunks, and each
chunk's alignment looks only at the source words its pieces cover, found by bisection
(scanning the whole sentence per piece made a 200,000-character paragraph take minutes).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence

from reader.core.document.model import AlignedSpan

Span = tuple[int, int] | None

# A word is a run of letters/digits (with inner hyphens or apostrophes), or one other
# non-space character: punctuation aligns on its own. Underscores belong to nothing (Argos
# turns them into spaces in the English).
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*|[^\w\s]")


def word_spans(text: str) -> list[tuple[int, int]]:
    """The words of ``text`` as (start, end) character spans, in order."""
    return [match.span() for match in WORD.finditer(text)]


def align_words(
    source_text: str,
    source_spans: Sequence[Span],
    target_text: str,
    target_spans: Sequence[Span],
    attention: Sequence[Sequence[float]],
) -> tuple[AlignedSpan, ...]:
    """Link each target word to one source word; ``attention[t][s]`` weighs piece t on s.

    ``source_spans``/``target_spans`` give each piece's span (None for pieces with no visible
    text); ``attention`` has a row per target piece and a column per source piece.
    """
    covered = [span for span in source_spans if span is not None]
    if not covered:
        return ()
    # Only the stretch of the source this chunk's pieces cover, widened to whole words.
    low = _word_start(source_text, min(start for start, _end in covered))
    high = _word_end(source_text, max(end for _start, end in covered))
    source_words = [m.span() for m in WORD.finditer(source_text, low, high)]
    target_words = word_spans(target_text)
    source_starts = [start for start, _end in source_words]
    target_starts = [start for start, _end in target_words]
    source_word_of = [_word_index(source_words, source_starts, span) for span in source_spans]
    usable = [i for i, word in enumerate(source_word_of) if word is not None]
    if not usable or not target_words:
        return ()
    width = max(map(len, attention), default=0)
    usable_set = set(usable)
    unusable = [column for column in range(width) if column not in usable_set]
    votes: dict[int, Counter[int]] = {}
    for row, span in zip(attention, target_spans, strict=False):
        target_word = _word_index(target_words, target_starts, span)
        if target_word is None:
            continue
        source_word = source_word_of[_most_attended(row, usable, unusable)]
        assert source_word is not None
        counter = votes.get(target_word)
        if counter is None:
            counter = votes[target_word] = Counter()
        counter[source_word] += 1
    links = []
    for target_word, counter in sorted(votes.items()):
        # max keeps the first of equals, and a Counter its first-seen order: the earliest
        # piece wins a tie (as most_common(1) does, at a heap's cost).
        source_word = max(counter, key=counter.__getitem__)
        source_start, source_end = source_words[source_word]
        target_start, target_end = target_words[target_word]
        links.append(AlignedSpan(source_start, source_end, target_start, target_end))
    return tuple(links)


def _most_attended(row: Sequence[float], usable: list[int], unusable: list[int]) -> int:
    """The usable column (``usable`` ascending, ``unusable`` the others) that ``row`` weighs
    most, the first of equals; ``usable[0]`` when the row has none of them. Weights are never
    negative (a softmax). Done with ``max`` and ``index`` over the row, not a key function
    per column: the tiny test model's 1,922 long outputs aligned in 0.62 s instead of 0.91."""
    masked = list(row)
    for column in unusable:
        if column < len(masked):
            masked[column] = -1.0
    top = max(masked, default=-1.0)
    return masked.index(top) if top >= 0.0 else usable[0]


def _word_index(words: Sequence[tuple[int, int]], starts: Sequence[int], span: Span) -> int | None:
    """The word that holds the first character of ``span`` (or the first it overlaps).

    ``starts`` are the words' start offsets (sorted, as words do not overlap).
    """
    if span is None:
        return None
    start, end = span
    index = max(0, bisect.bisect_right(starts, start) - 1)
    for candidate in (index, index + 1):
        if candidate >= len(words):
            break
        word_start, word_end = words[candidate]
        if word_start >= end:
            break
        if start < word_end:
            return candidate
    return None


def _word_start(text: str, position: int) -> int:
    """``position`` moved back to the start of the word it falls in."""
    while 0 < position < len(text) and _in_word(text[position - 1]) and _in_word(text[position]):
        position -= 1
    return position


def _word_end(text: str, position: int) -> int:
    """``position`` moved forward to the end of the word it falls in."""
    while 0 < position < len(text) and _in_word(text[position - 1]) and _in_word(text[position]):
        position += 1
    return position


def _in_word(char: str) -> bool:
    return char.isalnum() or char in "-'’"
