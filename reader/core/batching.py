"""Grouping sentences into decoding batches.

Batches take consecutive sentences in the caller's order (the caller puts what is on screen
first), so results stream back in that order. A batch's cost is its padded size: number of
sentences times the longest one, in tokens. The first batch is kept small so the first
sentences appear quickly; later ones are large because CTranslate2 decodes a big batch much
faster per sentence than many small ones (DESIGN.md: 3–4× over Argos's per-paragraph calls).
"""

from __future__ import annotations

from collections.abc import Sequence

# Measured with benchmarks/translation_bench.py on the real-shape test model.
DEFAULT_BATCH_TOKENS = 1536
FIRST_BATCH_TOKENS = 128


def plan_batches(
    lengths: Sequence[int],
    *,
    max_tokens: int = DEFAULT_BATCH_TOKENS,
    first_tokens: int | None = FIRST_BATCH_TOKENS,
) -> list[list[int]]:
    """Split indices ``0..len(lengths)-1`` into consecutive batches by padded token count.

    A sentence longer than the limit gets a batch of its own. ``first_tokens`` (if given)
    caps the first batch instead of ``max_tokens``.
    """
    batches: list[list[int]] = []
    current: list[int] = []
    longest = 0
    for index, length in enumerate(lengths):
        limit = first_tokens if first_tokens is not None and not batches else max_tokens
        size = max(1, length)
        if current and (len(current) + 1) * max(longest, size) > limit:
            batches.append(current)
            current, longest = [], 0
        current.append(index)
        longest = max(longest, size)
    if current:
        batches.append(current)
    return batches
