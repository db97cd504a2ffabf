"""Word alignment from CTranslate2 cross-attention.

For every target piece we take the source piece it attends to most, then lift both sides
from pieces to words: a target word is linked to the source word most of its pieces point
at. Spans are character offsets (code points) into the source sentence and into the
detokenized English, exactly as shown to the user.
"""

from __future__ import annotations

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
    source_words = word_spans(source_text)
    target_words = word_spans(target_text)
    source_word_of = [_word_index(source_words, span) for span in source_spans]
    usable = [i for i, word in enumerate(source_word_of) if word is not None]
    if not usable or not target_words:
        return ()
    votes: dict[int, Counter[int]] = {}
    for row, span in zip(attention, target_spans, strict=False):
        target_word = _word_index(target_words, span)
        if target_word is None:
            continue
        best = max(usable, key=lambda column: row[column] if column < len(row) else -1.0)
        source_word = source_word_of[best]
        assert source_word is not None
        votes.setdefault(target_word, Counter())[source_word] += 1
    links = []
    for target_word, counter in sorted(votes.items()):
        # most_common keeps first-seen order among ties: the earliest piece wins a tie.
        source_word = counter.most_common(1)[0][0]
        source_start, source_end = source_words[source_word]
        target_start, target_end = target_words[target_word]
        links.append(AlignedSpan(source_start, source_end, target_start, target_end))
    return tuple(links)


def _word_index(words: Sequence[tuple[int, int]], span: Span) -> int | None:
    """The word that holds the first character of ``span`` (or the first it overlaps)."""
    if span is None:
        return None
    start, end = span
    for index, (word_start, word_end) in enumerate(words):
        if word_start <= start < word_end:
            return index
        if word_start >= end:
            break
        if word_start < end and start < word_end:
            return index
    return None
