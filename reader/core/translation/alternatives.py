"""The model's n-best translations of one sentence: the alternatives a reader may choose.

One ``translate_batch`` call with ``num_hypotheses`` and a beam at least that wide gives
the best few hypotheses of the same model with Argos's decoding settings; each is
detokenized and aligned like the engine's own output. Hypotheses that read the same after
detokenizing are given once, best first. A "sentence" so long that the engine translates it
in pieces (a table, a list without punctuation) gets none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.translation.alignment import align_words
from reader.core.translation.cache import CachedTranslation
from reader.core.translation.chunks import split_long
from reader.core.translation.decoding import LENGTH_PENALTY
from reader.core.translation.tokenizers import Tokenizer

if TYPE_CHECKING:
    from ctranslate2 import Translator

MAX_ALTERNATIVES = 4
_MIN_DECODING_LENGTH = 256
_MAX_DECODING_LENGTH = 1024


def n_best(
    translator: Translator,
    tokenizer: Tokenizer,
    target_prefix: str,
    source: str,
    count: int = MAX_ALTERNATIVES,
) -> list[CachedTranslation]:
    """Up to ``count`` distinct translations of ``source``, best first (empty for blank)."""
    count = max(1, count)
    pieces, spans = tokenizer.encode_with_spans(source)
    if not pieces or len(split_long(pieces, spans)) > 1:
        return []  # nothing to translate, or an overlong "sentence" the engine cuts up
    # A few more hypotheses than asked: some detokenize to the same text.
    hypotheses = count + 2
    result = translator.translate_batch(
        [pieces],
        target_prefix=[[target_prefix]] if target_prefix else None,
        beam_size=hypotheses,
        num_hypotheses=hypotheses,
        length_penalty=LENGTH_PENALTY,
        replace_unknowns=True,
        return_scores=True,
        return_attention=True,
        max_decoding_length=min(_MAX_DECODING_LENGTH, max(_MIN_DECODING_LENGTH, 2 * len(pieces))),
    )[0]
    found: list[CachedTranslation] = []
    seen: set[str] = set()
    for index, hypothesis in enumerate(result.hypotheses):
        tokens = list(hypothesis)
        attention = list(result.attention[index]) if result.attention else []
        if target_prefix and tokens[:1] == [target_prefix]:
            tokens, attention = tokens[1:], attention[1:]
        text, target_spans = tokenizer.decode_with_spans(tokens)
        if not text.strip() or text in seen:
            continue
        seen.add(text)
        alignment = align_words(source, spans, text, target_spans, attention)
        score = float(result.scores[index]) if result.scores else 0.0
        found.append(CachedTranslation(text, score, alignment))
        if len(found) == count:
            break
    return found
