"""How sure the model was of a sentence: its score per token, as a probability.

CTranslate2 scores a hypothesis with the sum of its tokens' log-probabilities divided by
``length ** length_penalty``; the reader decodes with ``LENGTH_PENALTY``. Undoing that and
dividing by the length gives the mean log-probability per token, and its exponential the
geometric mean of the token probabilities: 1.0 sure of every token, 0.5 on average even
odds. The token count is estimated from the English (words and punctuation, plus the end of
sentence): the reader keeps the text, not the model's tokens.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from reader.core.translation.decoding import LENGTH_PENALTY

_TOKENS = re.compile(r"\w+|[^\w\s]")
# The least confident share of a document gets the cue, and never a sentence above this.
LEAST_CONFIDENT_SHARE = 0.1
CUE_BELOW = 0.6


def estimated_tokens(english: str) -> int:
    """About how many tokens the model wrote for ``english`` (end of sentence included)."""
    return len(_TOKENS.findall(english)) + 1


def confidence(score: float, english: str) -> float:
    """The geometric mean token probability of a translation, from its model score."""
    length = estimated_tokens(english)
    mean_log_probability = score * length**LENGTH_PENALTY / length
    return math.exp(min(0.0, mean_log_probability))


def least_confident(confidences: Mapping[int, float]) -> list[int]:
    """Sentence ids worth a cue, least confident first: the lowest share, all under the bar."""
    ranked = sorted(confidences, key=lambda sid: (confidences[sid], sid))
    count = max(1, round(len(ranked) * LEAST_CONFIDENT_SHARE)) if ranked else 0
    return [sid for sid in ranked[:count] if confidences[sid] < CUE_BELOW]
