"""How many threads translate, and how they are laid out: parallel batches first.

Kept apart from the engine so that the CLI, the settings and the window can ask about cores
without loading anything.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

# Decoding several batches at once (CTranslate2's ``inter_threads``, one thread each) beat
# one batch on all threads: on 2 cores a ~1,000-word article took 5.0-5.3 s against 5.7 s
# with ``intra_threads=2`` and 8.3-9.0 s with one thread, same output. More than four
# parallel batches only costs memory (each keeps its own working buffers).
MAX_PARALLEL_BATCHES = 4
MIN_SUB_BATCH_TOKENS = 64  # below this a split call gains nothing
# Source tokens being decoded at once, over all parallel batches. Memory grows with it (beam 4,
# 6 layers: ~0.2 MB a token for the attention caches): on the ~10,000-word document, the
# longest sentences peaked at 547 MiB with 2 x 1,024 tokens, 422 with 2 x 768 and 324 with
# 2 x 512, as fast; the goal is < 400 MB with the model loaded.
TOKENS_IN_FLIGHT = 1024
# Sentences being decoded at once, over all parallel batches, however short: each keeps
# beam x vocabulary-sized buffers (scores, log-probabilities, top-k: ~4.5 MB a sentence with
# beam 4 and 32k pieces), so a sub-batch of short sentences costs memory by its count, not
# its tokens. On the ~10,000-word document (1 thread, 1,024-token sub-batches) the peak came
# in the sorted pass's first call, 3-38-token sentences, at 417 MiB; 128 of its shortest in
# one call peaked at 383 MiB in sub-batches of 64, 225 of 32 and 169 of 16, as fast.
SENTENCES_IN_FLIGHT = 32
MIN_SUB_BATCH_SENTENCES = 8
# The length-sorted pass (batching.plan_sorted_pass) sends each sub-batch as a call of its
# own, two per decoder queued (model_calls.queued_calls): results, cache writes and
# cancelling come call by call, and no decoder waits for another one's sub-batch.


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def default_threads(*, leave_one_free: bool = False) -> int:
    """Every core, or all but one (at least one) when the user wants one left free."""
    cores = available_cores()
    return max(1, cores - 1) if leave_one_free else cores


def thread_layout(threads: int) -> tuple[int, int]:
    """``(inter_threads, intra_threads)`` for ``threads``: parallel batches of one thread
    each up to ``MAX_PARALLEL_BATCHES``, then more threads per batch."""
    threads = max(1, threads)
    parallel = min(threads, MAX_PARALLEL_BATCHES)
    return parallel, max(1, threads // parallel)


@dataclass(frozen=True)
class SubBatchBudget:
    """What one parallel decoder may take at once: padded source tokens and sentences."""

    tokens: int
    sentences: int


def sub_batch_budget(
    parallel_batches: int, batch_tokens: int, sentences_in_flight: int = SENTENCES_IN_FLIGHT
) -> SubBatchBudget:
    """One parallel decoder's share of the memory: tokens (at most ``batch_tokens``, at
    least ``MIN_SUB_BATCH_TOKENS``) and sentences (its share of ``sentences_in_flight``)."""
    parallel = max(1, parallel_batches)
    tokens = max(MIN_SUB_BATCH_TOKENS, min(batch_tokens, TOKENS_IN_FLIGHT // parallel))
    sentences = max(MIN_SUB_BATCH_SENTENCES, sentences_in_flight // parallel)
    return SubBatchBudget(tokens, sentences)
