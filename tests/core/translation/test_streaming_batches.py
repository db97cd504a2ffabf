"""The window's streaming plan: the first screen in order, then sorted windows of calls."""

from __future__ import annotations

import random

from reader.core.translation.batching import plan_streaming


def test_first_screen_in_order_then_windows_sorted_by_length() -> None:
    lengths = [30, 10, 50, 20, 40, 25, 5, 45, 35, 15]
    plan = plan_streaming(
        lengths, call_tokens=60, first_tokens=30, screen_tokens=40, sort_tokens=100
    )
    # The screen's 40 tokens in the given order (30, then 60 more as the ramp allows).
    assert plan[:2] == [[0], [1, 2]]
    # Then windows of at least 100 tokens, then 200, in order ([3..7] = 135, [8, 9] = 50), each
    # sorted
    # by length and cut into calls of at most 60 tokens as CTranslate2 counts them, padded
    # (sentences times the longest): 5 + 20 as 2 x 20; 5 + 20 + 25 would be 3 x 25 = 75.
    assert plan[2:] == [[6, 3], [5], [4], [7], [9], [8]]


def test_every_sentence_once_and_calls_within_the_cap() -> None:
    rng = random.Random(7)
    lengths = [rng.randint(1, 90) for _ in range(500)]
    plan = plan_streaming(lengths, call_tokens=256)
    assert sorted(i for call in plan for i in call) == list(range(500))
    assert all(sum(lengths[i] for i in call) <= 256 or len(call) == 1 for call in plan)
    assert plan[0] == [0]  # the first visible sentence comes back first


def test_sorted_calls_fit_the_cap_as_ctranslate2_counts_them_padded() -> None:
    rng = random.Random(11)
    lengths = [rng.randint(1, 300) for _ in range(400)]
    plan = plan_streaming(lengths, call_tokens=256, screen_tokens=0)  # every call sorted
    assert sorted(i for call in plan for i in call) == list(range(400))
    assert all(len(call) * max(lengths[i] for i in call) <= 256 or len(call) == 1 for call in plan)
    assert any(len(call) == 1 and lengths[call[0]] > 256 for call in plan)  # too long: alone


def test_a_short_document_stays_in_order() -> None:
    assert plan_streaming([30, 30, 30], call_tokens=512) == [[0], [1, 2]]
    assert plan_streaming([], call_tokens=512) == []


def test_calls_of_short_sentences_are_cut_by_count_too() -> None:
    # Each sentence keeps beam x vocabulary buffers however short: 200 sentences of 3 tokens
    # fit 384 tokens in one call, but that call's memory grows with the 200.
    plan = plan_streaming([3] * 200, call_tokens=384, call_sentences=16, screen_tokens=0)
    assert sorted(i for call in plan for i in call) == list(range(200))
    assert max(len(call) for call in plan) == 16
    assert len(plan_streaming([3] * 200, call_tokens=384, screen_tokens=0)) < len(plan)


def test_after_the_first_screen_little_padding_as_in_one_sorted_pass() -> None:
    from reader.core.translation.batching import WINDOW_BATCH_TOKENS, WINDOW_SENTENCES_IN_FLIGHT

    rng = random.Random(3)  # news-like: mostly 15-45 pieces, some very short or long
    lengths = [max(3, int(rng.gauss(32, 14))) for _ in range(2000)]
    plan = plan_streaming(
        lengths,
        call_tokens=WINDOW_BATCH_TOKENS,
        call_sentences=WINDOW_SENTENCES_IN_FLIGHT // 2,  # one of two decoders' share
    )
    padded = sum(len(call) * max(lengths[i] for i in call) for call in plan)
    # Sorted windows of a few screens, growing, pad little more than one sorted pass (2,048-
    # token windows padded ~10 % here, 8,192-token windows throughout ~4 %).
    assert padded <= 1.03 * sum(lengths)


def test_windows_grow_so_the_far_text_is_sorted_as_one_pass() -> None:
    from reader.core.translation.batching import SORT_WINDOW_GROWTH

    rng = random.Random(5)
    lengths = [rng.randint(5, 60) for _ in range(600)]
    plan = plan_streaming(lengths, call_tokens=200, screen_tokens=0, sort_tokens=500)
    # Where each window ends: 500 tokens, then SORT_WINDOW_GROWTH times more each time.
    window_of: list[int] = []
    total, limit, window = 0, 500, 0
    for length in lengths:
        window_of.append(window)
        total += length
        if total >= limit:
            total, limit, window = 0, limit * SORT_WINDOW_GROWTH, window + 1
    assert SORT_WINDOW_GROWTH > 1 and window_of[-1] >= 3
    assert all(len({window_of[i] for i in call}) == 1 for call in plan)  # no call straddles
    # Within a window, calls go shortest first.
    for window in range(window_of[-1] + 1):
        calls = [call for call in plan if window_of[call[0]] == window]
        longest = [max(lengths[i] for i in call) for call in calls]
        assert longest == sorted(longest)
