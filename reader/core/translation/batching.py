"""Grouping sentences into decoding batches.

Batches take consecutive sentences in the caller's order (the caller puts what is on screen
first), so results stream back in that order; a batch is one ``translate_batch`` call and
one ``on_batch`` delivery. Its size is counted in source tokens. The first batch holds about
one sentence so the first visible sentence appears quickly; the next ones grow from there to
large batches, because CTranslate2 decodes a big batch much faster per sentence than many
small ones. Inside a call, CTranslate2 sorts the sentences by length and decodes them in
sub-batches of at most ``DEFAULT_BATCH_TOKENS`` padded tokens, which bounds memory.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypedDict

from reader.core.translation.chunks import MAX_SOURCE_PIECES
from reader.core.translation.threads import SubBatchBudget, thread_layout

# Measured with benchmarks/translation_bench.py on the real-shape test model: CPU time per
# token keeps falling up to a whole ~1,500-token article in one call; peak memory with
# 2,048-token sub-batches stayed near 230 MB.
DEFAULT_BATCH_TOKENS = 2048
FIRST_BATCH_TOKENS = 48  # about one sentence: the first visible sentence comes back fast
RAMP = 8  # each early batch may be this many times larger than the one before
# The window's cap: CTranslate2 cannot stop a call midway, so a jump waits for the batch
# running at that moment. Measured on the real-shape model, 2 cores shared with other work
# (benchmarks/first_screen_bench.py, window_batch_bench.py): with 2,048-token batches a jump
# to 60 % of a 10,000-word document waited 7.4 s for the visible English (longest call
# ~1.9 s); with 512 tokens 1.1 s (longest call ~0.6 s), and a whole document took 1.13x the
# 2,048-token time (256 tokens: jump 1.4 s, whole document 1.5x). The command line keeps
# DEFAULT_BATCH_TOKENS (no jumps there; bigger batches are faster).
# Since then the window keeps calls queued, each whole on one of the
# parallel decoders, so no decoder idles while this thread finishes the English of the last
# call or while the other decoder ends its share. After the first screen (SCREEN_TOKENS in the
# given order) it takes the next SORT_WINDOW_TOKENS in order, sorts them by length and cuts
# them into its calls: the sentences of a call end together (little padding, no beam waiting
# for one long sentence), as in the command line's sorted pass. CPU seconds for 400 WMT14
# sentences in one process, 2 threads, two rounds (CPU time, as the machine was shared): the
# command line's sorted pass 14.6 / 13.7; in document order one 512-token call at a time
# 16.8 / 16.6; two 512-token calls queued, sorted windows 16.1 / 14.6; two 256-token calls
# 19.2 / 19.0 (small sub-batches decode slowly). A cancel waits for the queued calls, each
# a 512-token batch on one thread (the single 512-token call was two 256-token halves).
# benchmarks/window_vs_cli_bench.py (1,919 sentences, real-shape model, 2 threads, shared
# machine): window/CLI 1.27x and 1.53x with these calls, 1.61x and 1.87x with two 256-token
# calls in document order; the window's peak RSS 554-556 MiB against 413-414 MiB (the
# 512-token sub-batches cost memory as the command line's do: 448-483 MiB there).
# Each call is now cut by its padded size (``plan_sorted_pass``) and sent as one sub-batch as
# CTranslate2 counts it: cut by the plain sum, CTranslate2 split most calls in two and decoded
# the small rest alone. With that, 1,919 WMT14 sentences, real-shape model, 2 threads, one
# process (no window), shared machine: 512-token calls 73.5 s CPU, peak 388 MiB (main before:
# 84.2 s, 376 MiB); 384-token calls 76.3 s, 331 MiB: two 384-token calls in flight keep the
# window's peak below main's and a jump waits for shorter calls.
WINDOW_BATCH_TOKENS = 384
# Calls waiting in the model beyond one per decoder. With one call a decoder (two in flight
# on two cores) a decoder that finished waited for this thread to collect the older call:
# the window's calls alone (1,919 WMT14 sentences, real-shape model, 2 threads, 16 sentences
# in flight) took 40.5 s (76.8 s CPU) against 37.7 s (73.9) with one call waiting, and 37.8 s
# (74.9) with two. A jump waits for the calls in flight, so no more than one.
WINDOW_CALLS_WAITING = 1
# The window holds Qt and the document beside the model (~75 MiB more than the command
# line), so it decodes fewer sentences at once: 1,919 WMT14 sentences, real-shape model, 2
# threads, peak RSS 364 MiB with 16 in flight against 396-416 with the command line's 32.
# This is the window's price in speed: a decoder's sub-batch of 8 sentences fills its matrix
# products less than the command line's 16. benchmarks/window_calls_bench.py --in-flight
# 16,24,32 (the calls alone, one process, two rounds, CPU s): 16 in flight 75.5 / 73.9, 24
# 73.0 / 68.2, the command line 73.5 / 68.7; peaks 286-294, 310-312 and 349-364 MiB. Each
# sentence decoded at once keeps its beam's attention caches (~0.2 MB a source token) and
# vocabulary-sized buffers, and the window's process already peaks at 364-410 MiB with 16
# (window_vs_cli_bench.py): 24 would cross the 400 MB goal.
WINDOW_SENTENCES_IN_FLIGHT = 16
SCREEN_TOKENS = 512
# After the first screen the window sorts the next SORT_WINDOW_TOKENS (~5 screens of news
# text; a ~1,000-word article's whole rest) by length, close to the command line's one sorted
# pass: on 1,919 WMT14 sentences (50,336 source tokens, real-shape model's pieces, 8
# sentences and 384 tokens a call) the calls' padded tokens were 55,404 with 2,048-token
# windows, 52,361 with 8,192 and 50,763 in the command line's pass; 257, 249 and 136 calls.
# Sentences the reader scrolls to before their turn are queued first again (a reorder).
SORT_WINDOW_TOKENS = 8192
# Each next window is this many times larger: the text near the first screen comes in
# reading order, the text far from it nearly in the command line's one sorted pass (a reader
# who jumps there has it reordered anyway, and one who reads on gets there long after it is
# done: ~6 s for 8,192 tokens on 2 cores). benchmarks/window_calls_bench.py --ref (8,192
# tokens a window throughout), 1,919 WMT14 sentences, real-shape model, 2 threads, 16
# sentences in flight, two rounds: 71.8 / 74.5 s CPU -> 70.8 / 70.9 s, the command line's
# pass 69.6 / 69.2 s; peak 281-282 -> 277-289 MiB.
SORT_WINDOW_GROWTH = 2


class WindowEngineOptions(TypedDict):
    """A session's or an engine's keyword arguments for the window's calls."""

    batch_tokens: int
    calls_in_flight: int
    sentences_in_flight: int


def window_engine_options(threads: int) -> WindowEngineOptions:
    """The window's engine settings on ``threads`` threads: small calls, one queued per
    decoder and ``WINDOW_CALLS_WAITING`` more, at most ``WINDOW_SENTENCES_IN_FLIGHT``
    sentences decoded at once."""
    decoders, _threads_each = thread_layout(threads)
    return WindowEngineOptions(
        batch_tokens=WINDOW_BATCH_TOKENS,
        calls_in_flight=decoders + WINDOW_CALLS_WAITING,
        sentences_in_flight=WINDOW_SENTENCES_IN_FLIGHT,
    )


def plan_batches(
    lengths: Sequence[int],
    *,
    max_tokens: int = DEFAULT_BATCH_TOKENS,
    first_tokens: int | None = FIRST_BATCH_TOKENS,
) -> list[list[int]]:
    """Split indices ``0..len(lengths)-1`` into consecutive batches by token count.

    The first batch is capped at ``first_tokens`` and each next one at ``RAMP`` times the
    previous cap, up to ``max_tokens`` (``first_tokens=None``: every batch ``max_tokens``).
    A sentence longer than its batch's cap gets a batch of its own.
    """
    batches: list[list[int]] = []
    current: list[int] = []
    total = 0
    limit = min(first_tokens, max_tokens) if first_tokens else max_tokens
    for index, length in enumerate(lengths):
        size = max(1, length)
        if current and total + size > limit:
            batches.append(current)
            current, total = [], 0
            limit = min(max_tokens, limit * RAMP)
        current.append(index)
        total += size
    if current:
        batches.append(current)
    return batches


def plan_streaming(
    lengths: Sequence[int],
    *,
    call_tokens: int,
    call_sentences: int = 1 << 30,
    first_tokens: int | None = FIRST_BATCH_TOKENS,
    screen_tokens: int = SCREEN_TOKENS,
    sort_tokens: int = SORT_WINDOW_TOKENS,
) -> list[list[int]]:
    """Batches for streaming a document in reading order with small calls.

    The first ``screen_tokens`` go as ``plan_batches`` plans them (in the given order,
    starting small); the rest in consecutive windows, the first of about ``sort_tokens``
    and each next one ``SORT_WINDOW_GROWTH`` times larger, each sorted by length and cut
    into calls of at most ``call_tokens`` as CTranslate2 counts them (padded) and
    ``call_sentences`` (short sentences cost memory by their number).
    """
    batches: list[list[int]] = []
    covered = 0
    rest = len(lengths)
    for batch in plan_batches(lengths, max_tokens=call_tokens, first_tokens=first_tokens):
        if covered >= screen_tokens:
            rest = batch[0]
            break
        batches.append(batch)
        covered += sum(max(1, lengths[i]) for i in batch)
    window: list[int] = []
    total = 0
    limit = sort_tokens
    for index in range(rest, len(lengths) + 1):
        if index < len(lengths):
            window.append(index)
            total += max(1, lengths[index])
        if window and (total >= limit or index == len(lengths)):
            order = sorted(window, key=lambda i: lengths[i])
            sizes = [lengths[i] for i in order]
            budget = SubBatchBudget(call_tokens, call_sentences)
            for cut in plan_sorted_pass(sizes, 1, budget):
                batches.append([order[j] for j in cut])
            window, total = [], 0
            limit *= SORT_WINDOW_GROWTH
    return batches


def padded_sub_batches(lengths: Sequence[int], max_tokens: int) -> int:
    """How many sub-batches CTranslate2 cuts one call into at ``max_tokens`` (``batch_type=
    "tokens"``): it sorts the sentences longest first and counts a sub-batch as its number
    of sentences times the longest one's tokens (the padded size), not as their sum."""
    count = size = longest = 0
    for length in sorted(lengths, reverse=True):
        length = max(1, length)
        if size and (size + 1) * max(longest, length) > max_tokens:
            count, size, longest = count + 1, 0, 0
        size, longest = size + 1, max(longest, length)
    return count + (1 if size else 0)


def even_sub_batch_tokens(lengths: Sequence[int], parts: int, cap: int) -> int:
    """The smallest sub-batch size, at most ``cap``, that cuts a call into at most ``parts``
    sub-batches (one per parallel decoder); ``cap`` when even that gives more.

    Giving CTranslate2 the exact sum of a call's tokens (or of its share per decoder) cuts it
    into one sub-batch more than meant, because sub-batches count padding: a small extra
    sub-batch that runs on its own (one thread: 150 words took 10 % longer than in one).
    """
    if not lengths:
        return cap
    low = max(max(lengths), 1)
    if low >= cap or padded_sub_batches(lengths, cap) > parts:
        return cap
    high = cap
    while low < high:  # fewer sub-batches as the size grows: find the first that fits
        middle = (low + high) // 2
        if padded_sub_batches(lengths, middle) <= parts:
            high = middle
        else:
            low = middle + 1
    return low


def plan_sorted_pass(
    lengths: Sequence[int], parallel: int, budget: SubBatchBudget
) -> list[list[int]]:
    """Sub-batches for one pass over sentences sorted by length (shortest first), each for
    one of ``parallel`` decoders: consecutive, at most ``budget.sentences`` sentences and
    ``budget.tokens`` padded tokens (count times the longest, as CTranslate2 counts them),
    and no more sentences than an even share, so that every decoder gets work in a short
    document."""
    most = max(1, min(budget.sentences, -(-len(lengths) // max(1, parallel))))
    batches: list[list[int]] = []
    current: list[int] = []
    longest = 0
    for index, length in enumerate(lengths):
        size = min(max(1, length), MAX_SOURCE_PIECES)  # longer ones go in chunks this long
        grown = (len(current) + 1) * max(longest, size)
        if current and (len(current) == most or grown > budget.tokens):
            batches.append(current)
            current, longest = [], 0
        current.append(index)
        longest = max(longest, size)
    if current:
        batches.append(current)
    return batches
