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
    """Nouns by lemma (exact and case-folded) and by plural form.

    Kept as plain ``str -> str`` maps (lemma -> ``genders<TAB>plural``, folded lemma and
    plural -> lemma) and a ``Noun`` is made on each answer: strings are not tracked by
    Python's garbage collector, whereas ~100,000 ``Noun`` objects made its full collections
    (which hold the GIL) long enough to stall the window while the table loaded.
    """

    def __init__(self, nouns: list[Noun]) -> None:
        self._facts: dict[str, str] = {}
        self._by_folded: dict[str, str] = {}
        self._by_plural: dict[str, str] = {}
        for noun in nouns:
            self._add(noun.lemma, ",".join(noun.genders), noun.plural)

    def _add(self, lemma: str, genders: str, plural: str) -> None:
        self._facts.setdefault(lemma, f"{genders}\t{plural}")
        self._by_folded.setdefault(lemma.casefold(), lemma)
        if plural:
            self._by_plural.setdefault(plural, lemma)

    @classmethod
    def load(cls, path: Path) -> NounTable:
        table = cls([])
        # One read, then only strings: nothing here for the garbage collector to walk.
        for line in path.read_text(encoding="utf-8").split("\n"):
            fields = line.split("\t")
            if len(fields) != 3 or not fields[0]:
                continue
            table._add(fields[0], fields[1], fields[2])
        return table

    def __len__(self) -> int:
        return len(self._facts)

    def _noun(self, lemma: str | None) -> Noun | None:
        facts = self._facts.get(lemma) if lemma is not None else None
        if lemma is None or facts is None:
            return None
        genders, plural = facts.split("\t")
        return Noun(lemma, tuple(g for g in genders.split(",") if g in ("m", "f", "n")), plural)

    def get(self, lemma: str) -> Noun | None:
        """The noun with this lemma (exact spelling first, then any case)."""
        if lemma in self._facts:
            return self._noun(lemma)
        return self._noun(self._by_folded.get(lemma.casefold()))

    def by_plural(self, form: str) -> Noun | None:
        """The noun whose nominative plural is ``form`` (Häuser → Haus)."""
        return self._noun(self._by_plural.get(form))

    def has_folded(self, folded: str) -> Noun | None:
        """The noun whose case-folded lemma is ``folded`` (the compound splitter's question)."""
        return self._noun(self._by_folded.get(folded))


_lock = threading.Lock()


@cache
def _shipped(path: Path) -> NounTable:
    return NounTable.load(path)


def shipped_nouns(path: Path | None = None) -> NounTable:
    """The shipped table, read once per process (about 0.3 s; callers warm it off the GUI)."""
    with _lock:
        return _shipped(path or resource_path("words", "nouns.tsv"))
