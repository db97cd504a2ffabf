"""A small neural name tagger in NumPy: char CNN + word features + BiLSTM, softmax per token.

Trained with PyTorch outside the app (``scripts/train_ner_neural.py``) and exported to one
``.npz`` (weights and vocabularies, no pickles), so the reader never imports torch. The token
features reuse the CRF's lists and clusters (``names.tsv``, ``clusters.tsv``); the net's tag
probabilities are averaged with the CRF's marginals and decoded with BIO constraints
(``ensemble_tags``). Everything is vectorised over a batch of sentences.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import TypeAlias

import numpy as np
import numpy.typing as npt
from threadpoolctl import threadpool_limits

from reader.core.entities.crf import WORD_CACHE, shape

TAGS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
# List codes of names.tsv (see resources/ner/MODEL_CARD.md): one flag each, for the word
# itself and for the listed tail of a compound.
CODES = "PTCploNWVSE"
CORPORA = ("news", "wiki", "ocr", "law")
MAX_CHARS = 20
# Dense flags per token: codes, genitive, tail codes, then the ones in _flags().
N_DENSE = 2 * len(CODES) + 1 + 9

Floats: TypeAlias = npt.NDArray[np.float32]
Ints: TypeAlias = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Vocab:
    """String -> index tables of the net (index 0 is padding, 1 unknown)."""

    words: dict[str, int]
    chars: dict[str, int]
    shapes: dict[str, int]

    @staticmethod
    def from_lists(words: Sequence[str], chars: Sequence[str], shapes: Sequence[str]) -> Vocab:
        def table(items: Sequence[str]) -> dict[str, int]:
            return {item: i + 2 for i, item in enumerate(items)}

        return Vocab(table(words), table(chars), table(shapes))


@dataclass(frozen=True)
class Batch:
    """Padded index arrays for a batch of sentences (B sentences, T tokens at most)."""

    lengths: Ints  # (B,)
    words: Ints  # (B, T)
    chars: Ints  # (B, T, MAX_CHARS)
    shapes: Ints  # (B, T)
    coarse: Ints  # (B, T) coarse cluster + 1, 0 none
    fine: Ints  # (B, T)
    dense: Floats  # (B, T, N_DENSE)


def _code_flags(code: str) -> list[float]:
    return [1.0 if c in code else 0.0 for c in CODES]


def _flags(word: str, position: int, cluster: str) -> list[float]:
    fields = cluster.split(",") if cluster else []
    freq = int(fields[2]) / 20.0 if len(fields) >= 4 else 0.0
    lowseen = 1.0 if len(fields) >= 4 and fields[3] == "1" else 0.0
    cap = word[:1].isupper()
    return [
        1.0 if cap else 0.0,
        1.0 if cap and word.isupper() and len(word) > 1 else 0.0,
        1.0 if position == 0 else 0.0,
        1.0 if "-" in word else 0.0,
        1.0 if any(ch.isdigit() for ch in word) else 0.0,
        1.0 if not word[:1].isalnum() else 0.0,
        1.0 if not cluster else 0.0,
        freq,
        lowseen,
    ]


def token_dense(word: str, position: int, names: Mapping[str, str], cluster: str) -> list[float]:
    """The hand-made features of one token: list codes (own, genitive, compound tail), flags."""
    code = names.get(word)
    genitive = 0.0
    if code is None and len(word) > 3 and word.endswith("s"):
        code = names.get(word[:-1])
        genitive = 1.0 if code else 0.0
    tail = ""
    if not code and len(word) >= 8 and word[:1].isupper():
        for i in range(3, len(word) - 4):
            found = names.get(word[i].upper() + word[i + 1 :])
            if found:
                tail = found
                break
    return [
        *_code_flags(code or ""),
        genitive,
        *_code_flags(tail),
        *_flags(word, position, cluster),
    ]


# One token's inputs: word index, character indexes, shape, coarse and fine cluster + 1,
# and the hand-made features.
Row: TypeAlias = tuple[int, list[int], int, int, int, list[float]]


def token_row(
    word: str, first: bool, vocab: Vocab, names: Mapping[str, str], clusters: Mapping[str, str]
) -> Row:
    """The net's inputs for one token (``first``: it starts its sentence)."""
    index = vocab.words.get(word) or vocab.words.get(word.lower(), 1)
    long_word = len(word) > MAX_CHARS  # its head and tail
    word_chars = word[: MAX_CHARS // 2] + word[-MAX_CHARS // 2 :] if long_word else word
    coarse = fine = 0
    cluster = clusters.get(word) or clusters.get(word.lower()) or ""
    if cluster:
        fields = cluster.split(",")
        coarse, fine = int(fields[0]) + 1, int(fields[1]) + 1
    return (
        index,
        [vocab.chars.get(c, 1) for c in word_chars],
        vocab.shapes.get(shape(word), 1),
        coarse,
        fine,
        token_dense(word, 0 if first else 1, names, cluster),
    )


def encode(
    sentences: Sequence[Sequence[str]],
    vocab: Vocab,
    names: Mapping[str, str],
    clusters: Mapping[str, str],
    row: Callable[[str, bool], Row] | None = None,
) -> Batch:
    """Index arrays for tokenized sentences, padded to the longest; ``row`` gives a token's
    inputs (a tagger's cached ones), by default ``token_row``."""
    if row is None:
        row = partial(token_row, vocab=vocab, names=names, clusters=clusters)
    count = len(sentences)
    longest = max((len(s) for s in sentences), default=0)
    words = np.zeros((count, longest), dtype=np.int64)
    chars = np.zeros((count, longest, MAX_CHARS), dtype=np.int64)
    shapes = np.zeros((count, longest), dtype=np.int64)
    coarse = np.zeros((count, longest), dtype=np.int64)
    fine = np.zeros((count, longest), dtype=np.int64)
    dense = np.zeros((count, longest, N_DENSE), dtype=np.float32)
    for b, sentence in enumerate(sentences):
        for t, word in enumerate(sentence):
            index, word_chars, shape_index, coarse_index, fine_index, features = row(word, t == 0)
            words[b, t] = index
            chars[b, t, : len(word_chars)] = word_chars
            shapes[b, t] = shape_index
            coarse[b, t] = coarse_index
            fine[b, t] = fine_index
            dense[b, t] = features
    lengths = np.array([len(s) for s in sentences], dtype=np.int64)
    return Batch(lengths, words, chars, shapes, coarse, fine, dense)


def _sigmoid(x: Floats) -> Floats:
    return np.asarray(0.5 * (1.0 + np.tanh(0.5 * x)), dtype=np.float32)


def _lstm(x: Floats, w_ih: Floats, w_hh: Floats, bias: Floats) -> Floats:
    """One LSTM direction over (B, T, In), PyTorch gate order i, f, g, o."""
    count, steps, _ = x.shape
    hidden = w_hh.shape[1]
    projected = x @ w_ih.T + bias  # (B, T, 4H), all steps at once
    h = np.zeros((count, hidden), dtype=np.float32)
    c = np.zeros((count, hidden), dtype=np.float32)
    out = np.zeros((count, steps, hidden), dtype=np.float32)
    w_hh_t = np.ascontiguousarray(w_hh.T)
    for t in range(steps):
        gates = projected[:, t] + h @ w_hh_t
        i = _sigmoid(gates[:, :hidden])
        f = _sigmoid(gates[:, hidden : 2 * hidden])
        g = np.tanh(gates[:, 2 * hidden : 3 * hidden])
        o = _sigmoid(gates[:, 3 * hidden :])
        c = f * c + i * g
        h = o * np.tanh(c)
        out[:, t] = h
    return out


def _reverse(x: Floats, lengths: Ints) -> Floats:
    """Each sequence reversed within its own length (padding stays at the end)."""
    steps = x.shape[1]
    index = np.arange(steps)[None, :]
    source = np.where(index < lengths[:, None], lengths[:, None] - 1 - index, index)
    return np.take_along_axis(x, source[:, :, None], axis=1)


def one_blas_thread() -> None:
    """Run NumPy's matrix products on one thread in this process.

    The net multiplies small matrices (a batch of 64-wide LSTM states) once per token, and
    OpenBLAS's worker threads spin between those products: on a two-core machine shared with
    the translation, its default of one thread per core cost 2-7x the CPU time and 1.7-4x
    the wall time of a single thread for the same names. CTranslate2 has its own thread pool
    (OpenMP), which this does not touch.
    """
    threadpool_limits(limits=1, user_api="blas")


class NeuralTagger:
    """The exported net: tag probabilities for tokenized sentences."""

    def __init__(self, path: Path, names: Mapping[str, str], clusters: Mapping[str, str]):
        one_blas_thread()
        with np.load(path, allow_pickle=False) as data:
            self.params: dict[str, Floats] = {
                k: data[k].astype(np.float32) for k in data.files if not k.startswith("vocab_")
            }
            self.vocab = Vocab.from_lists(
                [str(w) for w in data["vocab_words"]],
                [str(c) for c in data["vocab_chars"]],
                [str(s) for s in data["vocab_shapes"]],
            )
        self.names = names
        self.clusters = clusters
        self.weight = float(self.params.pop("ensemble_weight", np.float32(0.5)))
        # A token's inputs depend on the word and whether it starts the sentence: frequent
        # words are worked out once; bounded for memory.
        self._row = lru_cache(maxsize=WORD_CACHE)(
            partial(token_row, vocab=self.vocab, names=names, clusters=clusters)
        )

    def _char_features(self, chars: Ints) -> Floats:
        p = self.params
        emb = p["char_emb"][chars]  # (B, T, C, E)
        kernel = p["char_conv_w"]  # (F, E, K), PyTorch Conv1d layout
        width = kernel.shape[2]
        pad = width // 2
        emb = np.pad(emb, ((0, 0), (0, 0), (pad, pad), (0, 0)))
        # One matrix product per kernel position, summed: no (.., width) copy of the input.
        conv = sum(
            (emb[:, :, k : k + MAX_CHARS] @ kernel[:, :, k].T for k in range(width)),
            start=p["char_conv_b"],
        )
        return np.asarray(np.tanh(conv).max(axis=2), dtype=np.float32)

    def probabilities(self, sentences: Sequence[Sequence[str]]) -> list[Floats]:
        """Per sentence a (tokens, len(TAGS)) array of tag probabilities."""
        if not sentences:
            return []
        batch = encode(sentences, self.vocab, self.names, self.clusters, self._row)
        p = self.params
        parts = [
            p["word_emb"][batch.words],
            self._char_features(batch.chars),
            p["shape_emb"][batch.shapes],
            p["coarse_emb"][batch.coarse],
            p["fine_emb"][batch.fine],
            batch.dense,
            np.broadcast_to(p["corpus_emb"][0], (*batch.words.shape, p["corpus_emb"].shape[1])),
        ]
        x = np.concatenate(parts, axis=-1).astype(np.float32)
        forward = _lstm(x, p["lstm_w_ih"], p["lstm_w_hh"], p["lstm_b"])
        backward = _reverse(
            _lstm(_reverse(x, batch.lengths), p["lstm_w_ih_r"], p["lstm_w_hh_r"], p["lstm_b_r"]),
            batch.lengths,
        )
        hidden = np.concatenate([forward, backward], axis=-1)
        logits = hidden @ p["out_w"].T + p["out_b"]
        logits -= logits.max(axis=-1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=-1, keepdims=True)
        return [probs[b, : batch.lengths[b]] for b in range(len(sentences))]


def _allowed() -> Floats:
    """Transition mask (from, to): an I-X only after B-X or I-X."""
    allowed = np.ones((len(TAGS), len(TAGS)), dtype=np.float32)
    for j, tag in enumerate(TAGS):
        if tag.startswith("I-"):
            for i, previous in enumerate(TAGS):
                allowed[i, j] = 1.0 if previous[2:] == tag[2:] else 0.0
    return allowed


_ALLOWED = _allowed()
_START = np.array([0.0 if t.startswith("I-") else 1.0 for t in TAGS], dtype=np.float32)


def viterbi(probs: Floats) -> list[str]:
    """The most probable BIO-valid tag sequence under per-token probabilities."""
    if len(probs) == 0:
        return []
    with np.errstate(divide="ignore"):
        scores = np.log(np.maximum(probs, 1e-12))
        transition = np.log(_ALLOWED)
        start = np.log(_START)
    best = scores[0] + start
    back = np.zeros(probs.shape, dtype=np.int64)
    for t in range(1, len(probs)):
        candidates = best[:, None] + transition
        back[t] = candidates.argmax(axis=0)
        best = candidates.max(axis=0) + scores[t]
    path = [int(best.argmax())]
    for t in range(len(probs) - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return [TAGS[i] for i in reversed(path)]


def ensemble_tags(net: Floats, crf: Floats, weight: float) -> tuple[list[str], Floats]:
    """Tags and their probabilities from ``weight`` * net + (1 - weight) * CRF marginals."""
    mixed = np.asarray(weight * net + (1.0 - weight) * crf, dtype=np.float32)
    tags = viterbi(mixed)
    chosen = mixed[np.arange(len(tags)), [TAGS.index(t) for t in tags]]
    return tags, np.asarray(chosen, dtype=np.float32)
