"""German word lists the name check leans on, and the names the recognizer missed.

The shipped tagger's lists (``resources/ner/de_reader_crf/names.tsv``) tell common nouns
("Bild", "Antike") from names; a capitalised word no list knows and that is no German
compound is likely a name too ("Noosa").
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping, Sequence
from functools import cache, lru_cache

from reader.core.bundled import resource_path
from reader.core.entities.crf import shared_table
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
def _lexicon() -> Mapping[str, str]:
    """The shipped tagger's word lists, word -> list codes: the very table the tagger holds
    (one copy in memory, no sets built from it)."""
    try:
        return shared_table(resource_path("ner", "de_reader_crf", "names.tsv"))
    except OSError:
        return {}


# What a word's list codes make it (220 distinct codes, each classified once)
_OTHER, _NOUN, _NAME, _SURNAME = 0, 1, 2, 3


@cache
def _kind(codes: str) -> int:
    """N: a common noun form; C, T, W: a country, town or place; l, o: mostly a place or an
    organisation in tagged text. Surnames and first names are often nouns too ("Koch",
    "Brand"), so they do not outweigh N. The surname list P also holds nouns Wiktionary
    lacks ("Köstlichkeiten"): those with a German ending are not names."""
    place_or_org = any(code in codes for code in "CTWlo")
    if "N" in codes and not place_or_org:
        return _NOUN
    if "N" not in codes and any(code in codes for code in "CTWEFlopSV"):
        return _NAME
    return _SURNAME if codes == "P" else _OTHER


def common_noun(word: str) -> bool:
    """Whether the lists know ``word`` only as a common noun.

    The tagger sometimes takes a common noun ("Bild", "Antike") for a name; a sentence is not
    flagged for those.
    """
    codes = _lexicon().get(word)
    return codes is not None and _kind(codes) == _NOUN


def listed_name(word: str) -> bool:
    """Whether the lists know ``word`` as a name that is never a common noun. The tagger
    misses some listed names ("Palermo"), which are checked too."""
    codes = _lexicon().get(word)
    if codes is None:
        return False
    kind = _kind(codes)
    return kind == _NAME or (kind == _SURNAME and not word.lower().endswith(_GERMAN_ENDINGS))


@lru_cache(maxsize=65536)
def english_named_thing(word: str) -> bool:
    """A noun the tagger's lists saw mostly as an organisation or a place ("Expo",
    "Emirates", "Highway") that English writes the same: English keeps it as a name. German
    nouns among them ("Marine", "Burg", "Strand") are not: those with a German plural."""
    codes = _lexicon().get(word)
    if codes is None or "N" not in codes or not any(code in codes for code in "lo"):
        return False
    if len(word) < 4 or word.lower().endswith(_GERMAN_ENDINGS):
        return False
    import simplemma

    if not simplemma.is_known(word.lower(), lang="en"):
        return False
    from reader.core.words.nouns import shipped_nouns

    nouns = shipped_nouns()
    noun = nouns.get(word)
    if noun is None:  # not a German noun, nor the genitive of one ("Films")
        return not (word.endswith("s") and nouns.get(word[:-1]) is not None)
    return noun.plural.endswith("s")


_CITATION = re.compile(
    r"\(([A-ZÄÖÜ][^\W\d_]+)(?: (?:et al\.|und [A-ZÄÖÜ][^\W\d_]+))?,? (?:1[5-9]|20)\d\d[a-z]?\)"
)
_TOKEN = re.compile(r"[^\W_][\w]*")
_ACRONYM = re.compile(r"[A-ZÄÖÜ][A-ZÄÖÜ0-9]+")
# A capital inside a word: "eBay", "MetroPlus", "McMurdo", "YouTube"
_INNER_CAPITAL = re.compile(r"\w*[a-zäöüß][A-ZÄÖÜ]\w*")


# Endings of German words that are not names: nouns of abstraction, verbs and adjectives
# used as nouns, inflected plurals ("Gleichaltrigen", "Wisenschaftler", "Versicherers").
_GERMAN_ENDINGS = (
    "ung", "ungen", "keit", "heit", "schaft", "ion", "ionen", "tät", "ismus", "ieren", "lich",
    "isch", "chen", "lein", "en", "ern", "ler", "ers",
)  # fmt: skip
_PRONOUNS = wordset("ihr ihre ihren ihrer ihres ihrem ihnen sie dein deine deinen euer eure")


def german_compound(word: str) -> bool:
    """Whether ``word`` ends in another listed word of four letters or more after a head of
    three or more ("Heimatstation", "Judoverbandes"): a German compound, which English
    usually translates rather than keeps."""
    words = _lexicon()
    return any(word[i:].capitalize() in words for i in range(3, len(word) - 3))


# Letters German writes only in loanwords: c outside ch and ck, y, q without u
_FOREIGN_SPELLING = re.compile(r"[cC](?![hk])|[yY]|[qQ](?!u)")


def _unknown_word(word: str) -> bool:
    """A capitalised word that no list knows and that is no compound of known words.

    German compounds ("Feuerwehrwagen") are in no list either, so a word with German
    endings, umlauts, or a known word at its end does not count.
    """
    words = _lexicon()
    if len(word) < 4 or not word.isalpha() or word in words or fold(word) in _PRONOUNS:
        return False
    if any(ch in word for ch in "äöüßÄÖÜ") or word.lower().endswith(_GERMAN_ENDINGS):
        return False
    # a foreign spelling in front of a short word is no German compound ("Craigslist")
    shortest = 5 if _FOREIGN_SPELLING.search(word) else 4
    if any(word[i:].capitalize() in words for i in range(1, len(word) + 1 - shortest)):
        return False
    # a known noun in front: "Ozeanliner", "Reiseort"
    return not any(word[:i] in words and not listed_name(word[:i]) for i in range(5, len(word) - 2))


# Abbreviations whose full stop ends no sentence: "Dr. Damadian", "St. Louis".
_OPENING = "„“\"»«‚‘'([–"
_TITLES = frozenset({"Dr", "Prof", "St", "Hl", "Nr", "Mr", "Mrs", "Ms", "Gen", "Sen", "Gov"})


def _starts_sentence(german: str, start: int) -> bool:
    """Whether the word at ``start`` is capitalised for its place, not for what it is."""
    before = german[:start].rstrip().rstrip(_OPENING).rstrip()
    if not before or before[-1] in "!?:":
        return True
    if before[-1] != ".":
        return False
    last = before[:-1].rsplit(None, 1)[-1] if before[:-1].strip() else ""
    # "am 3. Oktober", "Dr. Damadian": a full stop after a number or a title ends nothing
    return not (last.isdigit() or last in _TITLES)


# German endings, and English ones of common words rather than names ("Training", "Personal")
_NOT_LOAN_ENDINGS = (*_GERMAN_ENDINGS, "er", "e", "ie", "el", "ing", "al")


@cache
def _english_words() -> Container[str]:
    """simplemma's English word list, which keeps the case of names ("Islam", not "islam"):
    the copy its own look-ups load (``is_known``), not a second one."""
    from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY

    words: Container[str] = DEFAULT_DICTIONARY_FACTORY.get_dictionary("en")
    return words


@lru_cache(maxsize=65536)
def english_name(word: str, only: bool = True) -> bool:
    """Whether English writes ``word`` only with its capital: simplemma's English list holds
    it capitalised and not in lower case ("Islam", "Inuit", "Sanskrit"), as it does names;
    with ``only`` false, also in lower case ("Hindi", "Renaissance"). German words are among
    its names too ("Mann", "Essen"): not those with a German ending or an umlaut plural."""
    table = _english_words()
    if len(word) < 4 or not word[1:].islower() or word not in table:
        return False
    if only and word.lower() in table:
        return False
    if word.lower().endswith(_GERMAN_ENDINGS):
        return False
    from reader.core.words.nouns import shipped_nouns

    noun = shipped_nouns().get(word)
    return noun is None or not any(ch in noun.plural for ch in "äöü")


@lru_cache(maxsize=65536)
def loanword(word: str) -> bool:
    """A German noun that English writes the same, and capitalised: "Islam", "Inuit"
    (English's own list says so), "Sanskrit", "Triceratops", "Eskimo" (told by their shape:
    six letters or more, no German ending, no compound, a lemma whose plural (if any) takes
    an -s or no ending, and a word English knows, simplemma's English word list)."""
    if english_name(word):
        return True
    if len(word) < 6 or not common_noun(word) or word.lower().endswith(_NOT_LOAN_ENDINGS):
        return False
    words = _lexicon()
    if any(  # two listed words: "Hinter|land", not "Tricera|tops"
        word[:i] in words and word[i:].capitalize() in words for i in range(3, len(word) - 3)
    ):
        return False
    from reader.core.words.nouns import shipped_nouns

    noun = shipped_nouns().get(word)
    if noun is None or noun.lemma != word:
        return False
    if noun.plural and noun.plural != word and not noun.plural.endswith("s"):
        return False
    import simplemma

    return bool(simplemma.is_known(word.lower(), lang="en"))


def _in_entity(start: int, end: int, entities: Sequence[tuple[int, int, str]]) -> bool:
    """Whether ``start:end`` overlaps a name the recognizer found."""
    return any(start < b and end > a for a, b, _label in entities)


def unrecognized_names(
    german: str, entities: Sequence[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Names the recognizer missed, not sentence-initial: acronyms ("HIV", also in front of
    a compound: "DVD-Format"), listed names, and words no list knows ("Noosa")."""
    found = []
    # the author of a citation, wherever it stands: "(Bremer, 1998)", "(Hall et al. 2004)"
    authors = {
        m.start(1)
        for m in _CITATION.finditer(german)
        if not _in_entity(m.start(1), m.end(1), entities)
    }
    for match in _TOKEN.finditer(german):
        start, end = match.span()
        word = match.group()
        inner_capital = _INNER_CAPITAL.fullmatch(word) is not None
        if start in authors:
            found.append((start, end, "PER"))
            continue
        if not (word[0].isupper() or inner_capital) or _starts_sentence(german, start):
            continue
        if _in_entity(start, end, entities):
            continue
        if fold(word) in NOT_NAMES:
            continue
        tail = re.match(r"-([^\W\d_]+)", german[end:])
        if tail is not None and fold(tail.group(1)) in NOT_NAMES:
            continue  # "US-Dollar": the currency check has it
        # after a hyphen, an unknown word is the tail of a compound ("Artus-Rittertum"),
        # before a hyphen and a space the head of one ("Wohn- oder Reiseort")
        in_compound = german[start - 1 : start] == "-" or german[end : end + 2] == "- "
        unknown = not in_compound and (_unknown_word(word) or loanword(word))
        unknown = unknown or (not in_compound and english_named_thing(word))
        if _ACRONYM.fullmatch(word) or inner_capital or listed_name(word) or unknown:
            found.append((start, end, "MISC"))
    return found
