"""Overlong "sentences" go to the model in chunks, and their English is joined again."""

from __future__ import annotations

from reader.core.document.model import AlignedSpan
from reader.core.translation.cache import CachedTranslation
from reader.core.translation.tokenizers import Span

MAX_SOURCE_PIECES = 200  # longer "sentences" are translated in chunks (see split_long)


def split_long(
    pieces: list[str], spans: list[Span], limit: int = MAX_SOURCE_PIECES
) -> list[tuple[list[str], list[Span]]]:
    """Cut an overlong piece sequence into chunks of at most ``limit``, at word starts.

    Real sentences stay whole; this guards against "sentences" of hundreds of words (tables,
    lists without punctuation) that would decode slowly and badly. ``spans`` may be empty
    (no alignment wanted) or parallel to ``pieces``.
    """
    if len(pieces) <= limit:
        return [(pieces, spans)]
    sentencepiece = any(piece.startswith("▁") for piece in pieces)

    def starts_word(i: int) -> bool:
        if sentencepiece:
            return pieces[i].startswith("▁")
        return not pieces[i - 1].endswith("@@")  # BPE marks continued words instead

    chunks = []
    start = 0
    while start < len(pieces):
        end = min(len(pieces), start + limit)
        if end < len(pieces):
            word_starts = [i for i in range(start + limit // 2, end + 1) if starts_word(i)]
            if word_starts:
                end = word_starts[-1]
        chunks.append((pieces[start:end], spans[start:end] if spans else []))
        start = end
    return chunks


def join_chunks(chunks: list[CachedTranslation]) -> CachedTranslation:
    """One sentence's translation from its chunks' (usually just one)."""
    if len(chunks) == 1:
        return chunks[0]
    texts: list[str] = []
    alignment: list[AlignedSpan] = []
    offset = 0
    for chunk in chunks:
        if not chunk.text:
            continue
        if texts:
            offset += 1  # the joining space
        alignment.extend(
            AlignedSpan(
                a.source_start, a.source_end, a.target_start + offset, a.target_end + offset
            )
            for a in chunk.alignment
        )
        texts.append(chunk.text)
        offset += len(chunk.text)
    return CachedTranslation(" ".join(texts), sum(c.score for c in chunks), tuple(alignment))
