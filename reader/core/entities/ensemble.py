"""The shipped tagger: the CRF's marginals averaged with the small neural net's probabilities.

When the model folder holds ``neural.npz`` (``reader/core/entities/neural.py``), every token
gets ``w * net + (1 - w) * CRF marginal`` for each BIO tag (``w`` is stored with the net) and
the sentence is decoded with BIO constraints; without it the CRF tags alone, so the CRF stays
the fallback. Sentences are run through the net in batches of similar length.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from reader.core.entities import crf as ner_crf
from reader.core.entities import neural

BATCH = 64
# Padded tokens per batch at most: one very long "sentence" (a table, a list without
# stops) is run on its own, not padded out with 63 others.
TOKEN_BUDGET = 4096

Span = tuple[int, int, str]
ScoredSpan = tuple[int, int, str, float]


class EnsembleTagger:
    """A CRF model folder with ``neural.npz`` beside it: tags sentences with both."""

    def __init__(self, folder: Path) -> None:
        self.crf = ner_crf.CrfTagger(folder)
        self.net = neural.NeuralTagger(folder / ner_crf.NET_FILE, self.crf.names, self.crf.clusters)

    @property
    def names(self) -> Mapping[str, str]:
        """The CRF's name lists (word -> list codes), which the net reads too."""
        return self.crf.names

    def genitive_base(self, word: str) -> str:
        """The listed name whose genitive ``word`` is ("Merkels" -> "Merkel"), else ""."""
        return self.crf.genitive_base(word)

    def scored_spans_many(self, texts: Sequence[str]) -> list[list[ScoredSpan]]:
        """Labelled character spans with confidences (the mixed probability of the span's
        tags, averaged) for each sentence of raw text."""
        tokens = [ner_crf.tokenize(text) for text in texts]
        words = [[text[s:e] for s, e in spans] for text, spans in zip(texts, tokens, strict=True)]
        probs: list[neural.Floats | None] = [None] * len(texts)
        for chunk in batches([len(w) for w in words]):
            for i, p in zip(chunk, self.net.probabilities([words[i] for i in chunk]), strict=True):
                probs[i] = p
        out: list[list[ScoredSpan]] = []
        for sentence_tokens, sentence_words, net_probs in zip(tokens, words, probs, strict=True):
            if net_probs is None:
                out.append([])
                continue
            crf_probs = np.array(self.crf.marginals(sentence_words, neural.TAGS), dtype=np.float32)
            tags, confidence = neural.ensemble_tags(net_probs, crf_probs, self.net.weight)
            spans: list[ScoredSpan] = []
            for start, end, label in ner_crf.spans_from_tags(sentence_tokens, tags):
                inside = [
                    float(p)
                    for (a, b), p in zip(sentence_tokens, confidence, strict=True)
                    if a >= start and b <= end
                ]
                spans.append((start, end, label, sum(inside) / len(inside)))
            out.append(spans)
        return out

    def spans_many(self, texts: Sequence[str]) -> list[list[Span]]:
        """Labelled character spans for each sentence of raw text."""
        return [
            [(s, e, label) for s, e, label, _ in spans] for spans in self.scored_spans_many(texts)
        ]


def batches(lengths: Sequence[int]) -> list[list[int]]:
    """Indexes of the non-empty sentences in batches of similar length: at most ``BATCH``
    sentences and ``TOKEN_BUDGET`` padded tokens each (a longer sentence alone)."""
    order = sorted((i for i, n in enumerate(lengths) if n), key=lambda i: lengths[i])
    out: list[list[int]] = []
    chunk: list[int] = []
    for i in order:  # ascending: the newest sentence is the longest of its batch
        if chunk and (len(chunk) == BATCH or (len(chunk) + 1) * lengths[i] > TOKEN_BUDGET):
            out.append(chunk)
            chunk = []
        chunk.append(i)
    if chunk:
        out.append(chunk)
    return out
