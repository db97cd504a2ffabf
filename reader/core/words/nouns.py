"""Gender and plural of German common nouns, from ``resources/words/nouns.tsv``.

The table is built from German Wiktionary by ``scripts/build_noun_table.py`` (CC BY-SA 4.0,
see ``resources/words/DATA_CARD.md``): one line per lemma, ``lemma<TAB>genders<TAB>plural``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reader.core.bundled import resource_path


@dataclass(frozen=True)
class Noun:
    """A noun lemma with its genders (``m``, ``f``, ``n``; some have two) and plural."""

    lemma: str
    genders: tuple[str, ...]
    plural: str

    @property
    def articles(self) -> tuple[str, ...]:
        """The definite articles of the genders: der, die, das."""
        return tuple({"m": "der", "f": "die", "n": "das"}[gender] for gender in self.genders)


class NounTable:
    """Nouns by lemma (exact and case-folded) and by plural form."""

    def __init__(self, nouns: list[Noun]) -> None:
        self._by_lemma = {noun.lemma: noun for noun in nouns}
        self._by_folded: dict[str, Noun] = {}
        self._by_plural: dict[str, Noun] = {}
        for noun in nouns:
            self._by_folded.setdefault(noun.lemma.casefold(), noun)
            if noun.plural:
                self._by_plural.setdefault(noun.plural, noun)

    @classmethod
    def load(cls, path: Path) -> NounTable:
        nouns = []
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                fields = line.rstrip("\n").split("\t")
                if len(fields) != 3 or not fields[0]:
                    continue
                genders = tuple(g for g in fields[1].split(",") if g in ("m", "f", "n"))
                nouns.append(Noun(fields[0], genders, fields[2]))
        return cls(nouns)

    def __len__(self) -> int:
        return len(self._by_lemma)

    def get(self, lemma: str) -> Noun | None:
        """The noun with this lemma (exact spelling first, then any case)."""
        return self._by_lemma.get(lemma) or self._by_folded.get(lemma.casefold())

    def by_plural(self, form: str) -> Noun | None:
        """The noun whose nominative plural is ``form`` (Häuser → Haus)."""
        return self._by_plural.get(form)

    def has_folded(self, folded: str) -> Noun | None:
        """The noun whose case-folded lemma is ``folded`` (the compound splitter's question)."""
        return self._by_folded.get(folded)


_lock = threading.Lock()


@cache
def _shipped(path: Path) -> NounTable:
    return NounTable.load(path)


def shipped_nouns(path: Path | None = None) -> NounTable:
    """The shipped table, read once per process (about 0.3 s; callers warm it off the GUI)."""
    with _lock:
        return _shipped(path or resource_path("words", "nouns.tsv"))
