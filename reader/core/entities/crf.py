"""A linear-chain CRF name tagger for German: tokenizer, features and the tagger itself.

Classic GermEval-style features (word, affixes, shape, capitalisation and position, the
neighbouring words, list membership and unsupervised word clusters) scored by a CRFsuite
model. The model folder holds ``model.crfsuite``, ``names.tsv`` (word -> list codes),
``clusters.tsv`` (word -> cluster ids at two granularities, frequency, lowercase use) and
``meta.json``. ``pycrfsuite`` is imported only when a model is loaded; the feature code here
is also what ``scripts/train_ner_crf.py`` trains with, so training and tagging cannot drift
apart.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

MODEL_FILE = "model.crfsuite"
NAMES_FILE = "names.tsv"
CLUSTERS_FILE = "clusters.tsv"
# The small neural net averaged with the CRF when present (``neural.py``, ``ensemble.py``).
NET_FILE = "neural.npz"
WORD_CACHE = 4096  # words whose inputs each tagger keeps: ~1.6 KB a word, ~6 MiB full

# Punctuation peeled off word edges; hyphens, apostrophes and dots inside a word stay.
_LEADING = "\"'„“”‚‘’«»‹›([{¿¡*"
_TRAILING = "\"'„“”‚‘’«»‹›)]},;:!?*…"
_SHAPE_MAP = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜabcdefghijklmnopqrstuvwxyzäöüß0123456789",
    "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxdddddddddd",
)
_ABBREVIATIONS = frozenset(
    [
        "Dr",
        "Prof",
        "St",
        "Nr",
        "Hr",
        "Fr",
        "Jh",
        "Abs",
        "Art",
        "bzw",
        "ca",
        "usw",
        "vgl",
        "etc",
        "Bd",
        "Co",
        "Inc",
        "Ltd",
        "Jr",
        "Sr",
        "Mio",
        "Mrd",
        "Str",
        "geb",
        "gest",
        "Mr",
        "Mrs",
        "Ms",
        "Hl",
        "Gen",
        "Bf",
        "Kap",
        "Tel",
        "Dipl",
        "Ing",
    ]
)
_REPEATS = re.compile(r"(.)\1+")


def tokenize(text: str) -> list[tuple[int, int]]:
    """Character spans of tokens: whitespace words with edge punctuation split off.

    A final "." is its own token unless the word looks like an abbreviation ("Dr.", "U.S.",
    "3."), which is how GermEval tokenizes.
    """
    spans: list[tuple[int, int]] = []
    for match in re.finditer(r"\S+", text):
        start, end = match.span()
        head: list[tuple[int, int]] = []
        tail: list[tuple[int, int]] = []
        while start < end and text[start] in _LEADING:
            head.append((start, start + 1))
            start += 1
        while end > start and text[end - 1] in _TRAILING:
            tail.append((end - 1, end))
            end -= 1
        if end - start > 1 and text[end - 1] == ".":
            core = text[start : end - 1]
            if not (len(core) == 1 or "." in core or core.isdigit() or core in _ABBREVIATIONS):
                tail.append((end - 1, end))
                end -= 1
        spans.extend(head)
        if end > start:
            spans.append((start, end))
        spans.extend(reversed(tail))
    return spans


def shape(word: str) -> str:
    """Letter classes with runs collapsed: "Merkel" -> "Xx", "G7-Staaten" -> "Xd-Xx"."""
    return _REPEATS.sub(r"\1", word.translate(_SHAPE_MAP))[:8]


def _word_features(word: str, names: Mapping[str, str], clusters: Mapping[str, str]) -> list[str]:
    lower = word.lower()
    feats = [f"w={word}", f"l={lower}", f"sh={shape(word)}"]
    for n in (1, 2, 3, 4):
        if len(lower) > n:
            feats.append(f"p{n}={lower[:n]}")
            feats.append(f"s{n}={lower[-n:]}")
    if word[:1].isupper():
        feats.append("cap")
        if word.isupper() and len(word) > 1:
            feats.append("allcap")
    if "-" in word:
        first, _, last = word.partition("-")
        feats.append(f"h0={first.lower()}")
        feats.append(f"h1={last.rpartition('-')[2].lower()}")
    code = names.get(word)
    if code is None and len(word) > 3 and word.endswith("s"):
        code = names.get(word[:-1])
        if code:
            feats.append("gen")
    if code:
        feats.extend(f"g={c}" for c in code)
    elif len(word) >= 8 and word[:1].isupper():
        # An unlisted compound: the longest listed noun it ends with ("Weltmeisterschaft"
        # -> "Meisterschaft") says what kind of word it is.
        for i in range(3, len(word) - 4):
            tail = names.get(word[i].upper() + word[i + 1 :])
            if tail:
                feats.extend(f"gt={c}" for c in tail)
                break
    cluster = clusters.get(word) or clusters.get(lower)
    if cluster:
        fields = cluster.split(",")
        feats.append(f"c={fields[0]}")
        if len(fields) >= 4:
            feats.append(f"cf={fields[1]}")
            feats.append(f"fq={fields[2]}")
            if fields[3] == "1":
                feats.append("lowseen")
        elif len(fields) == 2:
            feats.append(f"cf={fields[1]}")
    else:
        feats.append("rare")
    return feats


# Features of the neighbours copied onto a token.
_NEAR = ("sh=", "s3=", "g=", "c=", "cap", "cf=")


def sentence_features(
    words: Sequence[str],
    names: Mapping[str, str],
    clusters: Mapping[str, str],
    domain: str = "",
    word_features: Callable[[str], list[str]] | None = None,
) -> list[list[str]]:
    """One feature list per token: its own features plus a window of two on each side.

    With ``domain`` every feature also appears in a copy marked with it ("feature
    augmentation"): trained on several corpora, the model learns what they share and what
    is particular to each; tagging uses the copy of the corpus closest to the app's text.
    ``word_features`` gives a word's own features (a tagger's cached ones); by default they
    are worked out from ``names`` and ``clusters``.
    """
    if word_features is None:
        own = [_word_features(w, names, clusters) for w in words]
    else:
        own = [word_features(w) for w in words]
    n = len(words)
    out: list[list[str]] = []
    for i, word in enumerate(words):
        feats = ["bias", *own[i]]
        if i == 0:
            feats.append("first")
            if word[:1].isupper():
                feats.append("firstcap")
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < n:
                feats.append(f"{offset}l={words[j].lower()}")
                if offset in (-1, 1):
                    feats.extend(f"{offset}{f}" for f in own[j][2:] if f.startswith(_NEAR))
            else:
                feats.append(f"{offset}edge")
        if i > 0:
            feats.append(f"bi={words[i - 1].lower()}|{word.lower()}")
        if domain:
            feats += [f"{domain}|{f}" for f in feats]
        out.append(feats)
    return out


def read_table(path: Path) -> dict[str, str]:
    """A two-column TSV file as a dict (blank or malformed lines skipped).

    Equal values are one string object: ``names.tsv`` has 377,717 words but 220 distinct
    list codes, so this saves ~15 MB of duplicate strings.
    """
    table: dict[str, str] = {}
    values: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition("\t")
        if key and value:
            table[key] = values.setdefault(value, value)
    return table


def shared_table(path: Path) -> Mapping[str, str]:
    """:func:`read_table` read once per process: the tagger and the name check
    (``reader.core.checks.lexicon``) share the one copy of the shipped word lists."""
    return _read_once(path.resolve())


_read_once = lru_cache(maxsize=4)(read_table)


def spans_from_tags(
    tokens: Sequence[tuple[int, int]], tags: Sequence[str]
) -> Iterator[tuple[int, int, str]]:
    """Character spans ``(start, end, label)`` from BIO tags (a stray I- starts a span)."""
    start = end = -1
    label = ""
    for (tok_start, tok_end), tag in zip(tokens, tags, strict=True):
        if tag.startswith("I-") and start >= 0 and tag[2:] == label:
            end = tok_end
            continue
        if start >= 0:
            yield start, end, label
            start = -1
        if tag != "O":
            start, end, label = tok_start, tok_end, tag[2:]
    if start >= 0:
        yield start, end, label


class CrfTagger:
    """Loads a CRF model folder and tags raw sentences with character-offset spans."""

    def __init__(self, folder: Path) -> None:
        import pycrfsuite  # imported here: only needed once a model is used

        self.names = shared_table(folder / NAMES_FILE)
        clusters_path = folder / CLUSTERS_FILE
        self.clusters = read_table(clusters_path) if clusters_path.is_file() else {}
        meta_path = folder / "meta.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
        self.domain = str(meta.get("domain", ""))
        self._tagger: Any = pycrfsuite.Tagger()
        self._tagger.open(str(folder / MODEL_FILE))
        self._labels = frozenset(self._tagger.labels())
        # A word's own features depend on the word alone (the lists are fixed): frequent
        # words ("der", "und", a name said again) are worked out once; bounded for memory.
        self._word_features = lru_cache(maxsize=WORD_CACHE)(
            partial(_word_features, names=self.names, clusters=self.clusters)
        )

    def features(self, words: Sequence[str]) -> list[list[str]]:
        """The CRF's feature lists for tokenized words."""
        return sentence_features(words, self.names, self.clusters, self.domain, self._word_features)

    def genitive_base(self, word: str) -> str:
        """The listed name whose genitive ``word`` is ("Merkels" -> "Merkel"), else ""."""
        listed = len(word) > 3 and word.endswith("s") and word not in self.names
        return word[:-1] if listed and word[:-1] in self.names else ""

    def tag_words(self, words: Sequence[str]) -> list[str]:
        """BIO tags for already tokenized words."""
        if not words:
            return []
        return list(self._tagger.tag(self.features(words)))

    def marginals(self, words: Sequence[str], labels: Sequence[str]) -> list[list[float]]:
        """Per token the marginal probability of each of ``labels`` (0 for unknown ones)."""
        if not words:
            return []
        self._tagger.set(self.features(words))
        marginal, known = self._tagger.marginal, self._labels
        return [
            [float(marginal(label, i)) if label in known else 0.0 for label in labels]
            for i in range(len(words))
        ]

    def scored_spans_many(self, texts: Sequence[str]) -> list[list[tuple[int, int, str, float]]]:
        """``scored_spans`` for each text."""
        return [self.scored_spans(text) for text in texts]

    def spans_many(self, texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
        """``spans`` for each text."""
        return [self.spans(text) for text in texts]

    def scored_spans(self, text: str) -> list[tuple[int, int, str, float]]:
        """Labelled character spans with the model's confidence: the mean marginal
        probability of the span's tags."""
        tokens = tokenize(text)
        if not tokens:
            return []
        words = [text[s:e] for s, e in tokens]
        tags = list(self._tagger.tag(self.features(words)))
        marginals = [float(self._tagger.marginal(tag, i)) for i, tag in enumerate(tags)]
        out: list[tuple[int, int, str, float]] = []
        for start, end, label in spans_from_tags(tokens, tags):
            inside = [
                p for (a, b), p in zip(tokens, marginals, strict=True) if a >= start and b <= end
            ]
            out.append((start, end, label, sum(inside) / len(inside)))
        return out

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """Labelled character spans in one sentence of raw text."""
        tokens = tokenize(text)
        tags = self.tag_words([text[s:e] for s, e in tokens])
        return list(spans_from_tags(tokens, tags))
