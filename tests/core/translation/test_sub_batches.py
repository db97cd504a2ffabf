"""Sub-batch sizes as CTranslate2 counts them (padded): one call becomes as many sub-batches
as there are parallel decoders while it fits the memory budget, never one more."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.packages.store import InstalledPackage
from reader.core.translation.batching import (
    even_sub_batch_tokens,
    padded_sub_batches,
    plan_sorted_pass,
)
from reader.core.translation.cache import TranslationCache
from reader.core.translation.chunks import MAX_SOURCE_PIECES
from reader.core.translation.engine import TranslationEngine
from reader.core.translation.threads import (
    SENTENCES_IN_FLIGHT,
    TOKENS_IN_FLIGHT,
    SubBatchBudget,
    sub_batch_budget,
)


def test_sub_batches_count_padding_not_the_sum() -> None:
    # Sorted longest first: [30, 10] is 2 x 30 = 60 padded tokens, not 40.
    assert padded_sub_batches([10, 30], 40) == 2
    assert padded_sub_batches([10, 30], 60) == 1
    assert padded_sub_batches([30, 20, 10, 5], 60) == 2  # [30, 20] and [10, 5]
    assert padded_sub_batches([], 60) == 0
    assert padded_sub_batches([500], 60) == 1  # an overlong sentence alone


def test_exact_sum_would_cut_a_call_in_two_the_even_size_does_not() -> None:
    lengths = [39, 30, 25, 22, 20, 18, 15, 12, 10, 8]
    assert padded_sub_batches(lengths, sum(lengths)) == 2  # what giving the sum does
    one = even_sub_batch_tokens(lengths, 1, 4096)
    assert padded_sub_batches(lengths, one) == 1
    assert one == 39 * len(lengths)
    two = even_sub_batch_tokens(lengths, 2, 4096)
    assert padded_sub_batches(lengths, two) == 2
    assert padded_sub_batches(lengths, two - 1) == 3


def test_the_cap_wins_when_a_call_is_larger_than_the_budget() -> None:
    lengths = [30] * 100
    assert even_sub_batch_tokens(lengths, 2, 512) == 512
    assert even_sub_batch_tokens([900, 10], 1, 512) == 512
    assert even_sub_batch_tokens([], 2, 512) == 512


@given(
    st.lists(st.integers(min_value=1, max_value=120), min_size=1, max_size=60),
    st.integers(min_value=1, max_value=4),
    st.integers(min_value=64, max_value=2048),
)
def test_even_size_is_the_smallest_that_fits(lengths: list[int], parts: int, cap: int) -> None:
    size = even_sub_batch_tokens(lengths, parts, cap)
    assert size <= cap
    if padded_sub_batches(lengths, cap) <= parts and max(lengths) < cap:
        assert padded_sub_batches(lengths, size) <= parts
        assert size == max(lengths) or padded_sub_batches(lengths, size - 1) > parts


class RecordingTranslator:
    """Passes every call on to the real translator and keeps how it was sent."""

    def __init__(self, translator: Any) -> None:
        self.translator = translator
        self.calls: list[tuple[int, str, bool]] = []

    def translate_batch(self, source: list[list[str]], **options: Any) -> Any:
        shape = (options["max_batch_size"], options["batch_type"], options["asynchronous"])
        self.calls.append(shape)
        return self.translator.translate_batch(source, **options)


def sorted_pass(
    package: InstalledPackage, threads: int, sentences: list[str]
) -> tuple[TranslationEngine, list[list[int]]]:
    """Translate ``sentences`` in one sorted pass; the source lengths of every call, after
    checking that CTranslate2 decodes each call as one sub-batch, queued."""
    engine = TranslationEngine(package, threads=threads)
    engine.load()
    recorder = RecordingTranslator(engine._translator)
    engine._translator = recorder  # type: ignore[assignment]
    tokenizer = engine._tokenizer
    assert tokenizer is not None
    calls: list[list[int]] = []
    results = engine.translate(
        list(enumerate(sentences)),
        align=False,
        by_length=True,
        on_batch=lambda batch: calls.append([len(tokenizer.encode(t.source)) for t in batch]),
    )
    assert [r.text for r in results] == [
        t.text for t in TranslationEngine(package, threads=1).translate(list(enumerate(sentences)))
    ]
    assert len(calls) == len(recorder.calls) == engine.model_calls
    for lengths, (size, kind, queued) in zip(calls, recorder.calls, strict=True):
        assert kind == "tokens" and queued
        assert padded_sub_batches(lengths, size) == 1
    return engine, calls


def within_budget(engine: TranslationEngine, calls: list[list[int]]) -> bool:
    budget = engine.budget
    return all(
        len(call) <= budget.sentences and len(call) * max(call) <= budget.tokens for call in calls
    )


@pytest.mark.parametrize("threads", [1, 2])
def test_a_short_document_is_one_call_per_decoder(
    tiny_package: InstalledPackage, threads: int
) -> None:
    german = [f"Die Stadt plant {i} neue Brücken über den Rhein." for i in range(12)]
    engine, calls = sorted_pass(tiny_package, threads, german)
    assert len(calls) == threads
    assert within_budget(engine, calls)


def test_many_short_sentences_are_cut_by_count(tiny_package: InstalledPackage) -> None:
    german = [f"Köln {i}." for i in range(100)]
    engine, calls = sorted_pass(tiny_package, 1, german)
    assert max(len(call) for call in calls) == engine.budget.sentences
    assert len(calls) == -(-100 // engine.budget.sentences)
    assert within_budget(engine, calls)


def test_long_sentences_are_cut_by_tokens(tiny_package: InstalledPackage) -> None:
    words = "Die Stadt Köln plant eine neue Brücke über den Rhein und"
    german = [f"{words} {' '.join([words] * (i % 3 + 1))} Nummer {i}." for i in range(60)]
    engine, calls = sorted_pass(tiny_package, 1, german)
    assert max(length for call in calls for length in call) <= MAX_SOURCE_PIECES  # whole
    assert max(len(call) for call in calls) < engine.budget.sentences  # tokens bound first
    assert within_budget(engine, calls)


def test_sorted_pass_plan_keeps_every_sub_batch_within_the_budget() -> None:
    budget = SubBatchBudget(tokens=1024, sentences=32)
    lengths = sorted([3, 5, 8, 12, 20, 31, 32, 33, 40, 80, 120] * 20)
    batches = plan_sorted_pass(lengths, 1, budget)
    assert [i for batch in batches for i in batch] == list(range(len(lengths)))
    for batch in batches:
        assert len(batch) <= 32 and len(batch) * max(lengths[i] for i in batch) <= 1024
    # A short document: an even share for each of two decoders.
    assert [len(b) for b in plan_sorted_pass([5] * 10, 2, budget)] == [5, 5]
    assert plan_sorted_pass([], 2, budget) == []


def test_budget_is_shared_between_parallel_decoders() -> None:
    one, two = sub_batch_budget(1, 2048), sub_batch_budget(2, 2048)
    assert (one.tokens, one.sentences) == (TOKENS_IN_FLIGHT, SENTENCES_IN_FLIGHT)
    assert (two.tokens, two.sentences) == (TOKENS_IN_FLIGHT // 2, SENTENCES_IN_FLIGHT // 2)
    assert sub_batch_budget(1, 256).tokens == 256
    assert sub_batch_budget(2, 2048, 16).sentences == 8  # the window's share, at 16 in flight


class AttentionRecorder(RecordingTranslator):
    def translate_batch(self, source: list[list[str]], **options: Any) -> Any:
        self.calls.append((len(source), str(options["return_attention"]), False))
        return self.translator.translate_batch(source, **options)


def attention_asked(engine: TranslationEngine, align: bool) -> set[str]:
    engine.load()
    recorder = AttentionRecorder(engine._translator)
    engine._translator = recorder  # type: ignore[assignment]
    german = [(i, f"Die Stadt plant {i} neue Brücken.") for i in range(5)]
    engine.translate(german, align=align, by_length=True)
    return {asked for _count, asked, _queued in recorder.calls}


def test_attention_is_computed_only_when_alignments_are_kept(
    tiny_package: InstalledPackage, tmp_path: Path
) -> None:
    # reader translate prints no alignment and, without the cache, asks for none.
    assert attention_asked(TranslationEngine(tiny_package, threads=1), False) == {"False"}
    assert attention_asked(TranslationEngine(tiny_package, threads=1), True) == {"True"}
    # With the cache it does: the window reads the same entries and needs them.
    cache = TranslationCache(tmp_path / "cache.sqlite3")
    try:
        engine = TranslationEngine(tiny_package, threads=1, cache=cache)
        assert attention_asked(engine, False) == {"True"}
    finally:
        cache.close()
