"""One ``translate_batch`` call in two halves: submit it, then collect its English.

Split so that a caller can keep calls in flight: CTranslate2 decodes the next call (queued
with ``asynchronous=True``) while this thread detokenizes, aligns and stores the previous
one, and no parallel decoder waits for the slowest one of a call before the next call starts.
Settings and detokenization are Argos's (see ``engine.py``); overlong sentences go in as
several chunks whose English is joined with spaces.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.core.cancel import CancelToken, is_cancelled
from reader.core.errors import ModelLoadFailed
from reader.core.packages.store import InstalledPackage
from reader.core.translation.alignment import align_words
from reader.core.translation.batching import even_sub_batch_tokens
from reader.core.translation.cache import CachedTranslation
from reader.core.translation.chunks import join_chunks, split_long
from reader.core.translation.decoding import LENGTH_PENALTY
from reader.core.translation.threads import MIN_SUB_BATCH_TOKENS, SubBatchBudget
from reader.core.translation.tokenizers import Span, Tokenizer

if TYPE_CHECKING:
    from ctranslate2 import AsyncTranslationResult, TranslationResult, Translator

MIN_DECODING_LENGTH = 256  # CTranslate2's default, which Argos uses
MAX_DECODING_LENGTH = 1024


@dataclass(frozen=True)
class Pending:
    """A source sentence the model still has to translate (once, however often it occurs)."""

    source: str
    pieces: list[str]
    spans: list[Span]


@dataclass(frozen=True)
class ModelCall:
    """A submitted call: its sentences, the chunks sent for them, and the model's answers
    (futures when submitted ``asynchronous``)."""

    items: list[Pending]
    units: list[tuple[int, list[Span]]]  # (index into items, the chunk's spans)
    results: Sequence[TranslationResult | AsyncTranslationResult]
    align: bool
    asynchronous: bool

    @staticmethod
    def sub_batch(items: Sequence[Pending], parts: int, cap: int) -> int:
        """The sub-batch size that cuts a call of ``items`` into ``parts`` sub-batches as
        CTranslate2 counts them (padded: ``padded_tokens``), each at most ``cap`` tokens (a
        longer sentence goes alone), at least ``MIN_SUB_BATCH_TOKENS``."""
        return max(MIN_SUB_BATCH_TOKENS, min(cap, padded_tokens(items, parts)))


def call_tokens(items: Sequence[Pending]) -> int:
    """Source tokens of a call (what its sub-batch size is measured against)."""
    return sum(len(item.pieces) for item in items)


def chunk_lengths(items: Sequence[Pending]) -> list[int]:
    """The length of every chunk ``submit`` sends for ``items`` (what CTranslate2 pads)."""
    return [len(pieces) for item in items for pieces, _spans in split_long(item.pieces, [])]


def padded_tokens(items: Sequence[Pending], parts: int = 1) -> int:
    """The sub-batch size that cuts a call into ``parts`` sub-batches as CTranslate2 counts
    them (``batch_type="tokens"``: the chunks ``submit`` sends, longest first, each sub-batch
    its number of chunks times its longest): a share of the chunks times the longest one.
    Given the plain sum of its tokens, CTranslate2 cut a call into one sub-batch more than
    meant, and the small rest decoded on its own (slower per sentence)."""
    lengths = chunk_lengths(items)
    return -(-len(lengths) // max(1, parts)) * max(lengths, default=0)


def batches_until(
    pending: list[Pending], batches: list[list[int]], cancel: CancelToken | None
) -> Iterator[list[Pending]]:
    """The batches' sentences, one batch at a time, until cancelled."""
    for batch in batches:
        if is_cancelled(cancel):
            return
        yield [pending[i] for i in batch]


def sub_batch_shape(
    items: Sequence[Pending], parts: int, budget: SubBatchBudget
) -> tuple[int, str]:
    """``(max_batch_size, batch_type)`` for one call of ``items``: at most ``parts``
    sub-batches (one per parallel decoder) while the call fits, each within ``budget``:
    padded tokens as CTranslate2 counts them (chunks as ``submit`` sends them), and
    sentences. A call of sentences all shorter than ``budget.tokens // budget.sentences`` is
    cut by count (such a sub-batch stays under the tokens); any other by tokens (a sub-batch
    of them then holds at most ``budget.sentences``)."""
    lengths = chunk_lengths(items)
    if lengths and max(lengths) < budget.tokens // budget.sentences:
        return min(budget.sentences, -(-len(lengths) // parts)), "examples"
    return even_sub_batch_tokens(lengths, parts, budget.tokens), "tokens"


def queued_calls(
    translator: Translator,
    tokenizer: Tokenizer,
    package: InstalledPackage,
    batches: Iterable[list[Pending]],
    *,
    beam: int,
    align: bool,
    budget: SubBatchBudget,
    in_flight: int,
    cancel: CancelToken | None,
) -> Iterator[tuple[list[Pending], list[CachedTranslation]]]:
    """Each of ``batches`` as a call of its own (one sub-batch), up to ``in_flight`` queued in
    the model at once; their English in the given order. A parallel decoder takes the next
    sub-batch as soon as it is done with its own: none waits for another's, nor for this
    thread's detokenizing; a cancel waits only for the calls already queued."""
    queued: deque[ModelCall] = deque()
    upcoming = iter(batches)
    while True:
        while len(queued) < in_flight and not is_cancelled(cancel):
            items = next(upcoming, None)
            if items is None:
                break
            queued.append(
                submit(
                    translator,
                    package,
                    items,
                    beam=beam,
                    align=align,
                    max_batch_tokens=budget.tokens,
                    asynchronous=True,
                )
            )
        if not queued:
            return
        call = queued.popleft()
        yield call.items, collect(call, tokenizer, package)


def submit_shaped(
    translator: Translator,
    package: InstalledPackage,
    items: list[Pending],
    *,
    beam: int,
    align: bool,
    parts: int,
    budget: SubBatchBudget,
) -> ModelCall:
    """Run one call for ``parts`` parallel decoders, in sub-batches ``sub_batch_shape``
    chooses."""
    size, kind = sub_batch_shape(items, parts, budget)
    return submit(
        translator, package, items, beam=beam, align=align, max_batch_tokens=size, batch_type=kind
    )


def submit(
    translator: Translator,
    package: InstalledPackage,
    items: list[Pending],
    *,
    beam: int,
    align: bool,
    max_batch_tokens: int,
    asynchronous: bool = False,
    batch_type: str = "tokens",
) -> ModelCall:
    """Start (``asynchronous``) or run one ``translate_batch`` call for ``items``, cut into
    sub-batches of ``max_batch_tokens`` (sentences when ``batch_type="examples"``)."""
    prefix = package.target_prefix
    chunks = [
        (index, chunk)
        for index, item in enumerate(items)
        for chunk in split_long(item.pieces, item.spans)
    ]
    longest = max(len(pieces) for _index, (pieces, _spans) in chunks)
    try:
        results = translator.translate_batch(
            [pieces for _index, (pieces, _spans) in chunks],
            target_prefix=[[prefix]] * len(chunks) if prefix else None,
            beam_size=beam,
            num_hypotheses=1,
            length_penalty=LENGTH_PENALTY,
            replace_unknowns=True,
            return_scores=True,
            return_attention=align,
            max_decoding_length=min(MAX_DECODING_LENGTH, max(MIN_DECODING_LENGTH, 2 * longest)),
            # CTranslate2 sorts by length and decodes in sub-batches of this many (padded)
            # tokens: less padding, bounded memory; with parallel batches the sub-batches
            # go to the parallel decoders at once.
            max_batch_size=max_batch_tokens,
            batch_type=batch_type,
            asynchronous=asynchronous,
        )
    except (RuntimeError, ValueError) as error:  # a model damaged in a way loading missed
        raise ModelLoadFailed(package.path, str(error)) from error
    units = [(index, spans) for index, (_pieces, spans) in chunks]
    return ModelCall(items, units, results, align, asynchronous)


def collect(
    call: ModelCall, tokenizer: Tokenizer, package: InstalledPackage
) -> list[CachedTranslation]:
    """Wait for ``call`` if it is still running; its English, one per item, in order."""
    parts: list[list[CachedTranslation]] = [[] for _item in call.items]
    for (index, spans), answer in zip(call.units, call.results, strict=True):
        try:
            result = answer.result() if call.asynchronous else answer
        except (RuntimeError, ValueError) as error:
            raise ModelLoadFailed(package.path, str(error)) from error
        source = call.items[index].source
        parts[index].append(finish(source, spans, result, tokenizer, package, call.align))
    return [join_chunks(chunks) for chunks in parts]


def finish(
    source: str,
    spans: list[Span],
    result: TranslationResult,
    tokenizer: Tokenizer,
    package: InstalledPackage,
    align: bool,
) -> CachedTranslation:
    """Detokenize one CTranslate2 result and align it."""
    prefix = package.target_prefix
    pieces = list(result.hypotheses[0])
    attention = list(result.attention[0]) if align and result.attention else []
    if prefix and pieces[:1] == [prefix]:
        pieces, attention = pieces[1:], attention[1:]
    text, target_spans = tokenizer.decode_with_spans(pieces)
    alignment = align_words(source, spans, text, target_spans, attention) if align else ()
    scores = result.scores
    return CachedTranslation(text, float(scores[0]) if scores else 0.0, alignment)
