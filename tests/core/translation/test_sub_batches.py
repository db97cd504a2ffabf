"""Sub-batch sizes as CTranslate2 counts them (padded): one call becomes as many sub-batches
as there are parallel decoders while it fits the memory budget, never one more."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from reader.core.packages.store import InstalledPackage
from reader.core.translation.batching import even_sub_batch_tokens, padded_sub_batches
from reader.core.translation.engine import TranslationEngine
from reader.core.translation.threads import TOKENS_IN_FLIGHT


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
    """Passes every call on to the real translator and keeps its sub-batch size."""

    def __init__(self, translator: Any) -> None:
        self.translator = translator
        self.sizes: list[int] = []

    def translate_batch(self, source: list[list[str]], **options: Any) -> Any:
        self.sizes.append(options["max_batch_size"])
        return self.translator.translate_batch(source, **options)


def sorted_pass_sizes(package: InstalledPackage, threads: int, count: int) -> list[int]:
    engine = TranslationEngine(package, threads=threads)
    engine.load()
    recorder = RecordingTranslator(engine._translator)
    engine._translator = recorder  # type: ignore[assignment]
    sentences = [(i, f"Die Stadt plant {i} neue Brücken über den Rhein.") for i in range(count)]
    results = engine.translate(sentences, align=False, by_length=True)
    assert len(results) == count and all(r.text for r in results)
    tokenizer = engine._tokenizer
    assert tokenizer is not None
    lengths = [len(tokenizer.encode(text)) for _i, text in sentences]
    assert len(recorder.sizes) == 1  # one call for a short document
    assert padded_sub_batches(lengths, recorder.sizes[0]) == engine.parallel_batches
    return recorder.sizes


def test_one_thread_decodes_a_short_document_in_one_sub_batch(
    tiny_package: InstalledPackage,
) -> None:
    assert sorted_pass_sizes(tiny_package, 1, 12)[0] <= TOKENS_IN_FLIGHT


def test_two_threads_get_one_sub_batch_each(tiny_package: InstalledPackage) -> None:
    assert sorted_pass_sizes(tiny_package, 2, 12)[0] <= TOKENS_IN_FLIGHT // 2
