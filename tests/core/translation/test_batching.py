"""Batch planning: consecutive, capped by token count, small first batch, ramping up."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.core.translation.batching import RAMP, plan_batches


def tokens(batch: list[int], lengths: list[int]) -> int:
    return sum(max(1, lengths[i]) for i in batch)


def test_first_batch_is_small_and_later_ones_grow() -> None:
    lengths = [20] * 600
    batches = plan_batches(lengths, max_tokens=4000, first_tokens=40)
    sizes = [len(b) for b in batches]
    assert sizes[:3] == [2, 2 * RAMP, 2 * RAMP * RAMP]
    assert max(sizes) == 4000 // 20


def test_overlong_sentence_gets_its_own_batch() -> None:
    assert plan_batches([5, 500, 5], max_tokens=100, first_tokens=None) == [[0], [1], [2]]


def test_batches_are_filled_up_to_the_cap() -> None:
    assert plan_batches([10, 10, 60, 50, 10], max_tokens=100, first_tokens=None) == [
        [0, 1, 2],
        [3, 4],
    ]


def test_empty() -> None:
    assert plan_batches([], max_tokens=100) == []


@given(
    st.lists(st.integers(min_value=0, max_value=300), max_size=200),
    st.integers(min_value=1, max_value=2000),
    st.one_of(st.none(), st.integers(min_value=1, max_value=500)),
)
def test_batches_cover_everything_in_order_within_caps(
    lengths: list[int], max_tokens: int, first_tokens: int | None
) -> None:
    batches = plan_batches(lengths, max_tokens=max_tokens, first_tokens=first_tokens)
    assert [i for batch in batches for i in batch] == list(range(len(lengths)))
    limit = min(first_tokens, max_tokens) if first_tokens else max_tokens
    for batch in batches:
        assert batch
        assert len(batch) == 1 or tokens(batch, lengths) <= limit
        limit = min(max_tokens, limit * RAMP)
