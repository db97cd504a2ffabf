"""Everything the lookup card says about one German word that needs no model.

The lemma comes from simplemma (MIT); gender and plural from the shipped Wiktionary noun
table; compound parts from the splitter over that table; entries from an installed Ding
dictionary when there is one. The model's translations of the lemma and the parts are asked
for separately (``WordInfo.glossable``), in the translation thread.
"""

from __future__ import annotations

import threading
from collections.abc import Container
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reader.core.bundled import resource_path
from reader.core.words.compounds import split_compound
from reader.core.words.dictionary import DING_PATH, Dictionary, DictionaryEntry
from reader.core.words.nouns import Noun, NounTable, shipped_nouns

# Capitalised only because they begin a sentence: "Die" is the article, not the noun (dice).
FUNCTION_WORDS = frozenset(
    """der die das den dem des ein eine einer eines einem einen kein keine
    ich du er sie es wir ihr man sich mich dich uns euch mir dir ihm ihn ihnen
    mein dein sein unser euer dies diese dieser dieses jene jener welche welcher
    und oder aber denn doch sondern wenn weil dass ob als wie wo was wer
    in im an am auf aus bei mit nach von vom zu zum zur für über unter vor hinter neben
    zwischen durch gegen ohne um bis seit während wegen trotz
    nicht auch noch schon nur so da dann hier dort heute jetzt nun""".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class WordInfo:
    """What is known about a word as found in a sentence."""

    word: str
    lemma: str
    noun: Noun | None
    parts: tuple[str, ...]
    entries: tuple[DictionaryEntry, ...]

    @property
    def glossable(self) -> tuple[str, ...]:
        """The texts the model should translate: the lemma, then each compound part."""
        return tuple(dict.fromkeys((self.lemma, *self.parts)))


def common_words(path: Path | None = None) -> frozenset[str]:
    """The vocabulary of the name tagger's word clusters: words common in German news
    (read once per process)."""
    return _common_words(path or resource_path("ner", "de_reader_crf", "clusters.tsv"))


@cache
def _common_words(path: Path) -> frozenset[str]:
    try:
        with path.open(encoding="utf-8") as handle:
            return frozenset(line.split("\t", 1)[0] for line in handle)
    except OSError:
        return frozenset()


class WordLookup:
    """Looks words up; the tables load on first use (call ``warm`` off the GUI thread)."""

    def __init__(
        self,
        nouns: NounTable | None = None,
        common: Container[str] | None = None,
        dictionary_path: Path | None = DING_PATH,
    ) -> None:
        self._nouns = nouns
        self._common = common
        self._dictionary_path = dictionary_path
        self._dictionary: Dictionary | None = None
        self._dictionary_read = dictionary_path is None
        self._lock = threading.Lock()
        self._warm_done = False

    @property
    def warm_done(self) -> bool:
        """True once ``warm`` has read everything (tables and lemmatizer data)."""
        return self._warm_done

    def warm(self) -> None:
        """Read the tables and the lemmatizer's data now (1–2 s, once per process)."""
        with self._lock:
            if self._nouns is None:
                self._nouns = shipped_nouns()
            if self._common is None:
                self._common = common_words()
            if not self._dictionary_read and self._dictionary_path is not None:
                self._dictionary = Dictionary.installed(self._dictionary_path)
                self._dictionary_read = True
        lemmatize("Häuser")
        self._warm_done = True

    @property
    def has_dictionary(self) -> bool:
        self.warm()
        return self._dictionary is not None

    def dictionary_entries(self, word: str) -> tuple[DictionaryEntry, ...]:
        """The installed dictionary's entries for ``word`` as written (none before ``warm``)."""
        return self._dictionary.look_up(word) if self._dictionary else ()

    def look_up(self, word: str) -> WordInfo:
        """The lemma, noun facts, compound parts and dictionary entries of ``word``."""
        self.warm()
        assert self._nouns is not None and self._common is not None
        found = word
        if "-" in word.strip("-"):
            return self._look_up_hyphenated(word)
        if word.lower() in FUNCTION_WORDS:
            word = word.lower()
        lemma = lemmatize(word)
        noun = self._nouns.get(lemma) if word[:1].isupper() else None
        if noun is None and word[:1].isupper():
            noun = self._nouns.by_plural(word) or self._nouns.get(word)
        if noun is not None:
            lemma = noun.lemma
        parts = split_compound(lemma, self._nouns, self._common) if word[:1].isupper() else ()
        entries = self._dictionary.look_up(lemma, word) if self._dictionary else ()
        return WordInfo(found, lemma, noun, parts, entries)

    def _look_up_hyphenated(self, word: str) -> WordInfo:
        """Standard-Tintenstrahldruckern: the last segment is the head and carries gender,
        plural and case; the segments before it are parts as written."""
        *front, last = word.strip("-").split("-")
        head = self.look_up(last)
        lemma = "-".join([*front, head.lemma])
        noun = None
        if head.noun is not None:
            plural = "-".join([*front, head.noun.plural]) if head.noun.plural else ""
            noun = Noun(lemma, head.noun.genders, plural)
        parts = (*front, *(head.parts or (head.lemma,)))
        entries = self._dictionary.look_up(lemma, word, head.lemma) if self._dictionary else ()
        return WordInfo(word, lemma, noun, parts, entries)


def lemmatize(word: str) -> str:
    """simplemma's German lemma of ``word`` (the word itself when it knows none)."""
    import simplemma  # 0.1 s to import, its German data ~1 s on the first call

    lemma = simplemma.lemmatize(word, lang="de")
    return lemma if isinstance(lemma, str) and lemma else word
