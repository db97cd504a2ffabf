"""German word lists the name check leans on, and the names the recognizer missed.

The shipped tagger's lists (``resources/ner/de_reader_crf/names.tsv``) tell common nouns
("Bild", "Antike") from names; a capitalised word no list knows and that is no German
compound is likely a name too ("Noosa").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

from reader.core.bundled import resource_path
from reader.core.entities.rules import fold as fold_name

# Names and words repeat from sentence to sentence: fold each once.
fold = lru_cache(maxsize=65536)(fold_name)


def wordset(words: str) -> frozenset[str]:
    """Folded words of a space-separated list."""
    return frozenset(fold(word) for word in words.split())


# Checked elsewhere (currencies, dates) or not names: "v. Chr."
NOT_NAMES = wordset(
    "euro dollar franken pfund yen yuan rubel chr mio mrd tsd nr montag dienstag mittwoch "
    "donnerstag freitag samstag sonntag januar februar märz april mai juni juli august september "
    "oktober november dezember dutzend"
)


@cache
def _lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The shipped tagger's word lists: common nouns, names that are never common nouns, all.

    The tagger sometimes takes a common noun ("Bild", "Antike") for a name; a sentence is not
    flagged for those. And it misses some listed names ("Palermo"), which are checked too.
    """
    path = resource_path("ner", "de_reader_crf", "names.tsv")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset(), frozenset(), frozenset()
    nouns, names, words = set(), set(), set()
    for word, _, codes in (line.partition("\t") for line in lines):
        words.add(word)
        # N: a common noun form; C, T, W: a country, town or place; l, o: mostly a place or
        # an organisation in tagged text. Surnames and first names are often nouns too
        # ("Koch", "Brand"), so they do not outweigh N.
        place_or_org = any(code in codes for code in "CTWlo")
        if "N" in codes and not place_or_org:
            nouns.add(word)
        elif "N" not in codes and any(code in codes for code in "CTWEFlop"):
            names.add(word)
    return frozenset(nouns), frozenset(names), frozenset(words)


def common_nouns() -> frozenset[str]:
    """Words the lists know only as common nouns."""
    return _lexicon()[0]


_TOKEN = re.compile(r"[^\W_][\w]*")
_ACRONYM = re.compile(r"[A-ZÄÖÜ][A-ZÄÖÜ0-9]+")


# Endings of German words that are not names: nouns of abstraction, verbs and adjectives
# used as nouns, inflected plurals ("Gleichaltrigen", "Wisenschaftler", "Versicherers").
_GERMAN_ENDINGS = (
    "ung", "ungen", "keit", "heit", "schaft", "ion", "ionen", "tät", "ismus", "ieren", "lich",
    "isch", "chen", "lein", "en", "ern", "ler", "ers",
)  # fmt: skip
_PRONOUNS = wordset("ihr ihre ihren ihrer ihres ihrem ihnen sie dein deine deinen euer eure")


def _unknown_word(word: str) -> bool:
    """A capitalised word that no list knows and that is no compound of known words.

    German compounds ("Feuerwehrwagen") are in no list either, so a word with German
    endings, umlauts, or a known word at its end does not count.
    """
    words = _lexicon()[2]
    if len(word) < 4 or not word.isalpha() or word in words or fold(word) in _PRONOUNS:
        return False
    if any(ch in word for ch in "äöüßÄÖÜ") or word.lower().endswith(_GERMAN_ENDINGS):
        return False
    return not any(word[i:].capitalize() in words for i in range(1, len(word) - 3))


def unrecognized_names(
    german: str, entities: Sequence[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Names the recognizer missed: acronyms ("HIV") and listed names, not sentence-initial."""
    listed = _lexicon()[1]
    found = []
    for match in _TOKEN.finditer(german):
        start, end = match.span()
        word = match.group()
        before = german[:start].rstrip()
        if not before or before[-1] in '.!?:;„“"»«(–-' or not word[0].isupper():
            continue
        if any(start < b and end > a for a, b, _label in entities):
            continue
        compound = german[end : end + 1] == "-" and german[end + 1 : end + 2].isalpha()
        if fold(word) in NOT_NAMES or compound:  # "US-Dollar", not "COVID-19"
            continue
        if _ACRONYM.fullmatch(word) or word in listed or _unknown_word(word):
            found.append((start, end, "MISC"))
    return found
