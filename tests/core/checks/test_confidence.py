"""Confidence from model scores: per token, as a probability; the least sure get the cue."""

from __future__ import annotations

import math

import pytest

from reader.core.checks.confidence import (
    CUE_BELOW,
    confidence,
    estimated_tokens,
    least_confident,
)
from reader.core.translation.decoding import LENGTH_PENALTY


def test_tokens_are_words_punctuation_and_the_end() -> None:
    assert estimated_tokens("He came, then left.") == 7


def test_confidence_undoes_the_length_penalty_and_averages_per_token() -> None:
    english = "He came, then left."  # 7 tokens
    mean_log_probability = -0.5
    score = mean_log_probability * 7 / 7**LENGTH_PENALTY  # what CTranslate2 reports
    assert confidence(score, english) == pytest.approx(math.exp(-0.5))
    assert confidence(0.0, english) == 1.0


def test_the_same_score_means_less_on_a_shorter_sentence() -> None:
    assert confidence(-2.0, "Yes.") < confidence(-2.0, "He came home late on Monday evening.")


def test_least_confident_are_the_lowest_tenth_under_the_bar() -> None:
    confidences = {sid: 0.9 for sid in range(30)}
    confidences.update({4: 0.2, 9: 0.3, 17: 0.5, 21: 0.55})
    assert least_confident(confidences) == [4, 9, 17]  # a tenth of 30, least sure first
    assert least_confident({1: CUE_BELOW + 0.1, 2: 0.95}) == []  # sure enough: no cue
    assert least_confident({}) == []
