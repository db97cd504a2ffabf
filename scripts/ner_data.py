"""Readers for the German NER corpora in ``../shared/data/ner`` and span-level scoring.

Every reader returns sentences as ``(words, tags)`` with BIO tags over the four labels the
reader ships: PER, LOC, ORG, MISC. Used by ``scripts/train_ner.py`` and
``benchmarks/ner_eval.py``; nothing here is imported by the application.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

Sentence = tuple[list[str], list[str]]

LABELS = ("PER", "LOC", "ORG", "MISC")

# GermEval: OTH is "other" (works, events, products...) -> MISC. The deriv/part variants
# ("deutsche", "EU-weit") are not names themselves: O, as in the usual outer-level scoring.
GERMEVAL_MAP = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "MISC"}
# GermEval's names inside a longer word ("US-Präsident", "Nvidia-Chips" tag the whole token
# LOCpart/ORGpart): the reader marks only the name part, so these are scored apart.
GERMEVAL_PART_MAP = {"PERpart": "PER", "LOCpart": "LOC", "ORGpart": "ORG", "OTHpart": "MISC"}

# LER (court decisions) -> coarse labels. Judges and lawyers are people; countries, cities,
# streets and landscapes are places; companies, institutions, courts and brands are
# organisations. Laws, regulations, contracts, decisions and literature references are long
# citation spans ("§ 3 Abs. 1 GG") that look nothing like names in news text: O.
LER_MAP = {
    "PER": "PER",
    "RR": "PER",
    "AN": "PER",
    "LD": "LOC",
    "ST": "LOC",
    "STR": "LOC",
    "LDS": "LOC",
    "ORG": "ORG",
    "UN": "ORG",
    "INN": "ORG",
    "GRT": "ORG",
    "MRK": "ORG",
}


def _map_tag(tag: str, mapping: dict[str, str]) -> str:
    if tag in ("O", "") or "-" not in tag:
        return "O"
    prefix, label = tag.split("-", 1)
    mapped = mapping.get(label)
    return f"{prefix}-{mapped}" if mapped else "O"


def repair_bio(tags: Sequence[str]) -> list[str]:
    """Turn IOB1-style or broken sequences into clean BIO (an I- that starts a span -> B-)."""
    fixed: list[str] = []
    previous = "O"
    for tag in tags:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        fixed.append(tag)
        previous = tag
    return fixed


def read_germeval(
    path: Path, *, column: int = 2, mapping: dict[str, str] = GERMEVAL_MAP
) -> list[Sentence]:
    """GermEval 2014 TSV, outer column by default, mapped to PER/LOC/ORG/MISC."""
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#\t"):
            continue
        if not line.strip():
            if words:
                sentences.append((words, repair_bio(tags)))
            words, tags = [], []
            continue
        parts = line.split("\t")
        words.append(parts[1])
        tags.append(_map_tag(parts[column], mapping))
    if words:
        sentences.append((words, repair_bio(tags)))
    return sentences


def read_conll(path: Path, mapping: dict[str, str], *, prefix: str = "") -> list[Sentence]:
    """Two-column ``token tag`` files with blank lines between sentences (WikiANN, LER)."""
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2:
            if words:
                sentences.append((words, repair_bio(tags)))
            words, tags = [], []
            continue
        word = parts[0]
        if prefix and word.startswith(prefix):
            word = word[len(prefix) :]
        words.append(word)
        tags.append(_map_tag(parts[-1], mapping))
    if words:
        sentences.append((words, repair_bio(tags)))
    return sentences


def read_wikiann(path: Path) -> list[Sentence]:
    """WikiANN German: tokens carry a ``de:`` prefix; labels PER/LOC/ORG."""
    return read_conll(path, {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}, prefix="de:")


def read_ler(path: Path, *, keep_empty: float = 0.0, seed: int = 0) -> list[Sentence]:
    """LER mapped coarsely; sentences without any mapped entity are mostly dropped."""
    rng = random.Random(seed)
    out = []
    for words, tags in read_conll(path, LER_MAP):
        if any(t != "O" for t in tags) or rng.random() < keep_empty:
            out.append((words, tags))
    return out


def read_europeana(path: Path, *, max_len: int = 40) -> list[Sentence]:
    """Europeana newspapers (OCR, no sentence breaks): chunk at sentence-final punctuation
    followed by a capitalised word, or every ``max_len`` tokens outside an entity."""
    tokens: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# ") or not line.strip():
            continue
        parts = line.split()
        if len(parts) != 2:
            continue  # OCR debris such as "Die Böhminger O" or bare words
        word, tag = parts
        if tag not in ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"):
            continue
        tokens.append((word, tag))
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for i, (word, tag) in enumerate(tokens):
        words.append(word)
        tags.append(tag)
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        end = nxt is None
        if nxt is not None and not nxt[1].startswith("I-"):
            sentence_end = word in (".", "!", "?") and nxt[0][:1].isupper()
            end = sentence_end or (len(words) >= max_len and nxt[1] == "O")
        if end:
            sentences.append((words, repair_bio(tags)))
            words, tags = [], []
    return sentences


def training_corpora(
    data: Path,
) -> tuple[list[Sentence], list[Sentence], list[Sentence], list[Sentence]]:
    """The training text under ``data``: GermEval 2014 test-part1, WikiANN train, Europeana
    (every file, chunked) and LER (dev and test, mostly the sentences with a name)."""
    germeval = read_germeval(data / "germeval2014" / "NER-de-test-part1.tsv")
    wikiann = read_wikiann(data / "wikiann-de" / "train")
    europeana: list[Sentence] = []
    for path in sorted((data / "europeana").glob("*.bio")):
        europeana.extend(read_europeana(path))
    ler: list[Sentence] = []
    for name in ("ler_dev.conll", "ler_test.conll"):
        ler.extend(read_ler(data / "ler" / name, keep_empty=0.02))
    return germeval, wikiann, europeana, ler


@dataclass(frozen=True)
class Span:
    """A labelled character span in a text."""

    start: int
    end: int
    label: str


def to_text(words: Sequence[str], tags: Sequence[str]) -> tuple[str, list[Span]]:
    """Join words with single spaces; return the text and its gold character spans."""
    spans: list[Span] = []
    pieces: list[str] = []
    offset = 0
    open_start = -1
    open_label = ""
    open_end = 0
    for word, tag in zip(words, tags, strict=True):
        if pieces:
            offset += 1
        start, end = offset, offset + len(word)
        pieces.append(word)
        offset = end
        if tag.startswith("I-") and open_start >= 0 and tag[2:] == open_label:
            open_end = end
            continue
        if open_start >= 0:
            spans.append(Span(open_start, open_end, open_label))
            open_start = -1
        if tag != "O":
            open_start, open_end, open_label = start, end, tag[2:]
    if open_start >= 0:
        spans.append(Span(open_start, open_end, open_label))
    return " ".join(pieces), spans


@dataclass
class Counts:
    """True positives, false positives and false negatives for one label."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def scores(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "support": self.tp + self.fn}


@dataclass
class Scorer:
    """Exact-match span scoring per label; 'overall' is micro-averaged over PER/LOC/ORG."""

    counts: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in LABELS})

    def add(self, gold: Iterable[Span], predicted: Iterable[Span]) -> None:
        gold_set = set(gold)
        pred_set = set(predicted)
        for span in pred_set:
            if span.label not in self.counts:
                continue
            if span in gold_set:
                self.counts[span.label].tp += 1
            else:
                self.counts[span.label].fp += 1
        for span in gold_set - pred_set:
            if span.label in self.counts:
                self.counts[span.label].fn += 1

    def report(self) -> dict[str, dict[str, float]]:
        out = {label: c.scores() for label, c in self.counts.items()}
        total = Counts()
        for label in ("PER", "LOC", "ORG"):
            c = self.counts[label]
            total.tp += c.tp
            total.fp += c.fp
            total.fn += c.fn
        out["overall"] = total.scores()
        return out


def batched(items: Sequence[Sentence], size: int) -> Iterator[Sequence[Sentence]]:
    """Consecutive slices of ``items`` of at most ``size``."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _read_list(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def build_gazetteer(
    gazetteers: Path,
    sentences: Sequence[Sentence],
    *,
    surnames: bool = True,
    companies: bool = False,
) -> dict[str, str]:
    """Single-word names from the lists -> class codes ("P", "T", "C"), filtered.

    A listed word is dropped when the training text uses it more often as an ordinary
    capitalised word (tagged O, not sentence-initial) than as a name: "Koch", "Berg" and
    "Wald" are surnames or towns too, but in news they are mostly nouns.
    """
    as_name: dict[str, int] = {}
    as_word: dict[str, int] = {}
    lowercase: set[str] = set()
    for words, tags in sentences:
        for i, (word, tag) in enumerate(zip(words, tags, strict=True)):
            if tag != "O":
                as_name[word] = as_name.get(word, 0) + 1
            elif i > 0 and word[:1].isupper():
                as_word[word] = as_word.get(word, 0) + 1
            elif word.islower():
                lowercase.add(word)

    def keep(word: str) -> bool:
        if len(word) < 3 or " " in word or not word[:1].isupper() or not word.isalpha():
            return False
        if word.lower() in lowercase and not as_name.get(word):
            return False
        return as_word.get(word, 0) <= as_name.get(word, 0)

    classes: dict[str, set[str]] = {}
    sources = [("T", "stadtnamen.list"), ("C", "laendernamen.list")]
    if surnames:
        sources.insert(0, ("P", "personennamen.list"))
    if companies:  # shop and company names from OpenStreetMap: single words only ("F")
        sources.append(("F", "firmennamen.list"))
    for code, name in sources:
        for word in _read_list(gazetteers / name):
            if keep(word):
                classes.setdefault(word, set()).add(code)
    return {word: "".join(sorted(codes)) for word, codes in classes.items()}


def silver_lists(
    sentences: Iterable[Sentence], *, min_count: int = 2, min_share: float = 0.5
) -> dict[str, str]:
    """Words mostly seen inside PER/LOC/ORG spans of other corpora -> "p", "l" or "o".

    Silver corpora (WikiANN, LER, Europeana) hurt as CRF training text (their labelling
    differs from GermEval's) but still say which words tend to be names of what kind.
    """
    seen: dict[str, dict[str, int]] = {}
    for words, tags in sentences:
        for word, tag in zip(words, tags, strict=True):
            if not word[:1].isupper():
                continue
            label = tag[2:] if tag != "O" else "O"
            counts = seen.setdefault(word, {})
            counts[label] = counts.get(label, 0) + 1
    codes = {"PER": "p", "LOC": "l", "ORG": "o"}
    out: dict[str, str] = {}
    for word, counts in seen.items():
        total = sum(counts.values())
        for label, code in codes.items():
            n = counts.get(label, 0)
            if n >= min_count and n >= min_share * total:
                out[word] = out.get(word, "") + code
    return out


def wiktionary_nouns() -> dict[str, str]:
    """Capitalised noun forms from German Wiktionary (the ``german-nouns`` package) -> codes.

    "N" a common noun form (all cases and numbers: "Wald", "Waldes", "Wälder"), "W" a place,
    "V" a first name, "S" a surname, "E" another proper noun. Common nouns are what a German
    name tagger confuses most with names, because they are capitalised too. CC BY-SA 4.0.
    """
    import csv
    from importlib.resources import files

    table = files("german_nouns").joinpath("nouns.csv")
    kinds: dict[str, set[str]] = {}
    with table.open(encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        fields = [f for f in reader.fieldnames or () if f not in ("lemma", "pos")]
        forms_fields = [f for f in fields if not f.startswith("genus")]
        for row in reader:
            pos = set(row["pos"].split(","))
            if "Wortverbindung" in pos:
                continue  # multi-word entries
            if "Toponym" in pos:
                code = "W"
            elif "Vorname" in pos:
                code = "V"
            elif "Nachname" in pos:
                code = "S"
            elif "Eigenname" in pos:
                code = "E"
            elif pos <= {"Substantiv", "adjektivische Deklination"}:
                code = "N"
            else:
                continue
            for form in {row["lemma"], *(row[f] for f in forms_fields)}:
                if form[:1].isupper() and " " not in form:
                    kinds.setdefault(form, set()).add(code)
    return {form: "".join(sorted(codes)) for form, codes in kinds.items()}
