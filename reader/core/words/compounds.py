"""Split a German compound noun into its parts: Tintenstrahldrucker → Tinte · Strahl · Drucker.

A greedy head-first split over the noun table: the longest tail that is a noun becomes the
head, the rest must itself be a noun or a compound, possibly with a linking element
(Verkehr·s·unfall, Tinte·n·strahl) or a dropped final -e (Schul·buch). Parts are at least
three letters, and a part of three or four letters must be a common word (``common``: the
vocabulary of the shipped name tagger's news text), so rare short nouns (Mini, Ster, Bun)
do not cut real words apart. A few nouns that are also word-forming suffixes (Schaft in
Gesellschaft) never count as a part. Nothing is split when no such reading exists.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field

from reader.core.words.nouns import Noun, NounTable

MIN_PART = 3
MIN_WORD = 6
SHORT_PART = 4
# Linking elements (Fugenelemente), longest first so "ens" is tried before "en" and "n".
LINKS = ("ens", "es", "en", "er", "s", "n", "e")
# Nouns that are also suffixes: Gesell·schaft, Land·schaft are not compounds of Schaft.
BOUND = frozenset({"schaft", "heit", "keit", "tum", "nis", "ling", "chen", "lein", "tät"})


def split_compound(word: str, nouns: NounTable, common: Container[str]) -> tuple[str, ...]:
    """The lemmas of the parts of ``word`` (a noun lemma), or () when it is no compound."""
    if len(word) < MIN_WORD:
        return ()
    parts = _Splitter(nouns, common).parts(word.casefold())
    if parts is None or len(parts) < 2:
        return ()
    return tuple(noun.lemma for noun in parts)


@dataclass
class _Splitter:
    nouns: NounTable
    common: Container[str]
    memo: dict[str, tuple[Noun, ...] | None] = field(default_factory=dict)

    def noun(self, folded: str) -> Noun | None:
        """The noun spelled ``folded`` if it may be a part."""
        if folded in BOUND:
            return None
        noun = self.nouns.has_folded(folded)
        if noun is None or (len(folded) <= SHORT_PART and noun.lemma not in self.common):
            return None
        return noun

    def parts(self, folded: str) -> tuple[Noun, ...] | None:
        """``folded`` as a sequence of nouns (one noun counts), or None."""
        if folded in self.memo:
            return self.memo[folded]
        self.memo[folded] = None  # no cycles while this one is worked on
        result: tuple[Noun, ...] | None = None
        for cut in range(MIN_PART, len(folded) - MIN_PART + 1):
            tail = folded[cut:]
            if self.noun(tail) is None:
                continue
            head = self.modifier(folded[:cut])
            if head is not None:
                tail_parts = self.parts(tail)
                if tail_parts is not None:
                    result = head + tail_parts
                    break
        if result is None:
            noun = self.noun(folded)
            result = (noun,) if noun is not None else None
        self.memo[folded] = result
        return result

    def modifier(self, folded: str) -> tuple[Noun, ...] | None:
        """The front part of a compound: a noun or compound, with or without its link;
        a variant that is one noun wins over one that must be split (Bund·es, not Bun·des)."""
        variants = [folded]
        variants += [folded[: -len(link)] for link in LINKS if folded.endswith(link)]
        if len(folded) > MIN_PART:
            variants.append(folded + "e")
        variants = [variant for variant in variants if len(variant) >= MIN_PART]
        for variant in variants:
            noun = self.noun(variant)
            if noun is not None:
                return self.parts(variant) or (noun,)
        for variant in variants:
            parts = self.parts(variant)
            # A front part that is no noun itself must split into long parts: Tinte·n·strahl
            # yes, Kran·ken·haus no.
            if parts is not None and all(len(noun.lemma) > SHORT_PART for noun in parts):
                return parts
        return None
