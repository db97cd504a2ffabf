"""Names: each German entity has an English counterpart, or the pair is flagged.

A counterpart is the name itself, case and diacritics folded, without a German genitive
("Merkels" → Merkel), an exonym (Köln → Cologne; the project's table and CLDR's, see
``resources/``), or a transliteration variant (Selenskyj ↔ Zelensky) by a normalized
similarity (rapidfuzz). A name of several words is kept when one of its distinctive words is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache, cached_property, lru_cache

from rapidfuzz import fuzz

from reader.core.bundled import resource_pairs
from reader.core.checks.lexicon import (
    NOT_NAMES,
    common_noun,
    english_name,
    fold,
    german_compound,
    loanword,
    unrecognized_names,
)
from reader.core.checks.lexicon import wordset as _wordset
from reader.core.checks.model import CheckKind, Finding
from reader.core.checks.name_repeats import repeated_names
from reader.core.entities.projection import exonyms

# Transliteration variants of one name look alike after this ("selenskyj" ~ "zelensky").
_SPELLING = (
    ("tsch", "ch"), ("dsch", "j"), ("sch", "sh"), ("kh", "k"), ("ck", "k"), ("ph", "f"),
    ("th", "t"), ("c", "k"), ("j", "y"), ("w", "v"), ("z", "s"), ("ou", "u"), ("ie", "i"),
    ("ei", "ai"), ("ij", "i"),
)  # fmt: skip
_SIMILAR = 80.0
_SIMILAR_SHORT = 85.0
_LONG_NAME = 7
_SHORTEST_FUZZY = 5


# Words inside names that say nothing about which name it is.
_FILLERS = _wordset(
    "junior jr senior sr nr der die das des dem den und von vom zu zum zur für im am in an bei "
    "auf aus mit of the and for de la le van von da del di du st sankt new neue neuen neuer neues"
)
# Words that say what kind of thing a name is, not which one: "Dalhousie University" swapped
# for "Stanford University" keeps "University" and must still be flagged.
_GENERIC = _wordset(
    """universität university hochschule college school schule institut institute
    bank partei party stadt city fluss river see lake insel island berg mount mountain verein
    club klub gruppe group ministerium ministry rat council krankenhaus hospital klinik clinic
    flughafen airport kirche church straße street platz square republik republic königreich
    kingdom vereinigte united national international open cup pokal liga league preis prize
    award zeitung times news post company gesellschaft corporation inc ag gmbh ltd nord süd ost
    west north south east central zentral museum theater theatre park hotel station bahnhof
    airlines airways agentur agency union föderation federation verband association kommission
    commission senat senate parlament parliament gericht court regierung government staat state
    states provinz province region bezirk district county kreis grafschaft tal valley meer sea
    ozean ocean wald forest dom cathedral palast palace burg castle schloss tower turm bridge
    brücke medizin medicine spiele spielen games weltmeisterschaft meisterschaft championship
    marine navy armee army reich reichs empire krieg war"""
)
_WORD = re.compile(r"[^\W_]+")
# "U.S." is "US"
_DOTTED = re.compile(r"\b(?:[A-Z]\.){2,}")
# Compass points and the like in front of a German place: "Nordkalifornien" is "northern
# California", "Südosteuropas" "southeastern Europe".
_PLACE_PREFIXES = (
    "Nordost", "Nordwest", "Südost", "Südwest", "Nord", "Süd", "Ost", "West", "Zentral",
    "Mittel", "Ober", "Nieder", "Unter", "Inner", "Groß", "Alt", "Neu",
)  # fmt: skip
# "Rossmeer" is the "Ross Sea": the name in front of the kind of place.
_PLACE_SUFFIXES = (
    "halbinsel", "meer", "see", "inseln", "insel", "gebirge", "berg", "fluss", "straße",
    "platz", "kanal", "wüste", "tal",
)  # fmt: skip
# Capitalised adjectives are parts of names ("Vereinigten Staaten") that English says another
# way ("United States"); alone they are not checked.
_ADJECTIVE_ENDINGS = (
    "isch", "ische", "ischen", "ischer", "isches", "ischem", "liche", "lichen", "licher",
    "liches", "igte", "igten", "inte", "inten", "ene", "enen",
)  # fmt: skip
# Names with more than one usual English form, and proper nouns too common for the exonym
# tables; each German form -> its English forms.
_MORE_FORMS_RAW = {
    "usa": ("United States", "US", "America"),
    "us": ("United States", "US", "America", "American"),
    "vereinigte staaten": ("United States", "US", "America"),
    "eu": ("European Union", "EU", "Europe"),
    "uno": ("United Nations", "UN"),
    "un": ("United Nations", "UN"),
    "nato": ("NATO", "Nato"),
    "sonne": ("Sun",),
    "mond": ("Moon",),
    "erde": ("Earth",),
    "mars": ("Mars", "Martian"),
    "venus": ("Venus", "Venusian"),
    "jupiter": ("Jupiter", "Jovian"),
    "schwarze meer": ("Black Sea",),
    "schwarzes meer": ("Black Sea",),
    "mittelmeer": ("Mediterranean",),
    "ägäis": ("Aegean",),
    "nordsee": ("North Sea",),
    "ostsee": ("Baltic",),
    "nordpolarmeer": ("Arctic",),
    "atlantik": ("Atlantic",),
    "pazifik": ("Pacific",),
    "ersten weltkrieg": ("First World War", "World War I", "World War One"),
    "zweiten weltkrieg": ("Second World War", "World War II", "World War Two"),
    "erster weltkrieg": ("First World War", "World War I", "World War One"),
    "zweiter weltkrieg": ("Second World War", "World War II", "World War Two"),
}
_MORE_FORMS = {fold(german): english for german, english in _MORE_FORMS_RAW.items()}
_ACRONYM_LIKE = re.compile(r"[A-ZÄÖÜ]{2,5}")
# A German word and an English word sharing this many first letters (after spelling_key)
# are taken as one name in two languages ("Olympischen" / "Olympic", "Sesamstraße" /
# "Sesame"), when the German word is longer than that.
_SHARED_PREFIX = 5
_ENGLISH_FUNCTION = _wordset("the a an i in on at of and but it this that he she")


@cache
def _cldr_exonyms() -> Mapping[str, str]:
    table: dict[str, str] = {}
    for german, english in resource_pairs("exonyms_cldr.tsv"):
        table.setdefault(fold(german), english.strip())
    return table


@cache
def folded_exonyms() -> Mapping[str, str]:
    """Folded German name -> English name, the project's table first, then CLDR's."""
    table = dict(_cldr_exonyms())
    table.update({fold(german): english for german, english in exonyms().items()})
    return table


@lru_cache(maxsize=65536)
def spelling_key(word: str) -> str:
    """A folded word with transliteration differences evened out."""
    key = fold(word)
    for old, new in _SPELLING:
        key = key.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", key)


def _genitive_free(word: str) -> list[str]:
    forms = [word]
    if len(word) > 3 and word[-1] in "s'’" and word[-2] not in "sxzß":
        forms.append(word[:-1])
    if word.endswith(("s'", "s’")):
        forms.append(word[:-2])
    return forms


def _alike(key: str, other: str) -> bool:
    """Whether two spelling keys are one name spelt two ways: "drukyel" / "drukgyal",
        "maswe" / "maswa", but not "stark" / "stake" or "chile" / "while" (short words differ by one
    letter at most, not the first)."""
    similarity: float = fuzz.ratio(key, other)
    if min(len(key), len(other)) >= _LONG_NAME:
        return similarity >= _SIMILAR
    if (
        len(key) == len(other)
        and key[0] == other[0]
        and sum(a != b for a, b in zip(key, other, strict=True)) <= 1
    ):
        return True
    return similarity >= _SIMILAR_SHORT


class EnglishSide:
    """One English sentence, folded and split once for all the names of its pair."""

    def __init__(self, text: str, german: str = "") -> None:
        self.text = text
        self._german = german
        self._undotted = _DOTTED.sub(lambda m: m.group().replace(".", "") + " ", text)
        self.folded = f" {' '.join(fold(w) for w in _WORD.findall(self._undotted))} "
        self.words = list(_WORD.finditer(text))

    @cached_property
    def keys(self) -> set[str]:
        """Spelling keys of the words (only worked out when a name needs them)."""
        keys = {spelling_key(w) for w in _WORD.findall(self._undotted) if len(w) >= 3}
        # plurals: "euros", "Olympics"
        return keys | {key[:-1] for key in keys if key.endswith("s") and len(key) > 3}

    @cached_property
    def others(self) -> set[str]:
        """Keys a name may match spelt another way: not German words of the pair, which
        stand for those ("MetroPlus" is not "Metro" made longer)."""
        taken = {spelling_key(w) for w in _WORD.findall(self._german) if len(w) >= 3}
        return {key for key in self.keys if key not in taken and f"{key}s" not in taken}

    @cached_property
    def prefixes(self) -> set[str]:
        return {key[:_SHARED_PREFIX] for key in self.others if len(key) >= _SHARED_PREFIX}

    def has_phrase(self, phrase: str) -> bool:
        words = [fold(w) for w in _WORD.findall(phrase)]
        return bool(words) and f" {' '.join(words)} " in self.folded

    def has_similar(self, word: str) -> bool:
        if spelling_key(word) in self.keys:
            return True
        if _ACRONYM_LIKE.fullmatch(word):
            # German and English acronyms differ in a letter ("ADHS" / "ADHD", "IOK" / "IOC")
            return any(
                _ACRONYM_LIKE.fullmatch(w)
                and (word in w or w in word or (abs(len(w) - len(word)) <= 1 and w[0] == word[0]))
                for w in (m.group() for m in self.words)
            )
        key = spelling_key(word)
        if key in self.keys:
            return True
        if len(key) < _SHORTEST_FUZZY:
            return False
        # "Olympischen" / "Olympic"; but a name with a capital inside is written as it is
        # ("MetroPlus" is not "Metro")
        shared = len(key) > _SHARED_PREFIX and key[:_SHARED_PREFIX] in self.prefixes
        if shared and not any(ch.isupper() for ch in word[1:]):
            return True
        # a word made from the name: "Artus" / "Arthurian"
        stem = key[:-1]
        if any(other.startswith(stem) and len(other) > len(key) for other in self.others):
            return True
        return any(_alike(key, other) for other in self.others)

    def names(self) -> list[str]:
        """Capitalised words, the sentence's first word last."""
        found = [
            (i == 0, m.group())
            for i, m in enumerate(self.words)
            if m.group()[0].isupper() and m.group().lower() not in _ENGLISH_FUNCTION
        ]
        # The first word is capitalised anyway: a name only when nothing else is.
        return [word for _first, word in sorted(found, key=lambda item: item[0])]


def _generic(word: str) -> bool:
    """Whether a word of a name says what kind of thing it is ("Inseln", "University")."""
    folded = fold(_genitive_free(word)[-1])
    forms = [folded] + [
        folded[: -len(end)] for end in ("en", "es", "n", "s", "e") if folded.endswith(end)
    ]
    return any(form in _GENERIC for form in forms)


def english_form(name: str) -> str:
    """The English a German name should appear as: its exonym, else itself."""
    table = folded_exonyms()
    for form in _genitive_free(name):
        if fold(form) in table:
            return table[fold(form)]
    words = name.split()
    return " ".join(table.get(fold(_genitive_free(w)[-1]), w) for w in words)


def _word_kept(word: str, english: EnglishSide) -> bool:
    """Whether one word of a German name has a counterpart in ``english``."""
    table = folded_exonyms()
    forms = _genitive_free(word)
    for prefix in _PLACE_PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= 3 and rest[0].islower():
            forms += _genitive_free(rest.capitalize())
            break
    lower = word.lower()
    for suffix in _PLACE_SUFFIXES:
        if lower.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms.append(word[: -len(suffix)])
            break
    for form in forms:
        exonym = table.get(fold(form))
        if exonym is not None and (
            english.has_phrase(exonym) or english.has_similar(exonym.split()[-1])
        ):
            return True
        if any(english.has_phrase(other) for other in _MORE_FORMS.get(fold(form), ())):
            return True
        if english.has_phrase(form) or english.has_similar(form):
            return True
    return False


def name_kept(name: str, english: EnglishSide, label: str = "") -> bool:
    """Whether ``english`` has a counterpart of the German ``name``.

    A person is kept with the surname alone ("Angela Merkel" → "Merkel"); another name of
    several words needs half of its distinctive words (not kinds of things like "University",
    adjectives or common nouns).
    """
    table = folded_exonyms()
    for form in _genitive_free(name):
        if english.has_phrase(form) or english.has_phrase(table.get(fold(form), "\0")):
            return True
        if any(english.has_phrase(other) for other in _MORE_FORMS.get(fold(form), ())):
            return True
    words = [
        w
        for w in re.split(r"[\s\-–/]+", name)
        if len(w) >= 2 and w[0].isupper() and fold(w) not in _FILLERS
    ]
    distinctive = [w for w in words if not _generic(w)]
    distinctive = [
        w
        for w in distinctive
        if not w.lower().endswith(_ADJECTIVE_ENDINGS) and not common_noun(_genitive_free(w)[-1])
    ]
    if not distinctive:
        # Several words that each say only what kind of thing it is ("Königlichen Marine",
        # "Römischen Reichs") are a description English words its own way; one such word
        # alone ("Sanskrit") is checked.
        return len(words) > 1 or any(_word_kept(word, english) for word in words)
    if label == "PER":
        return _word_kept(distinctive[-1], english)
    # Every word that is nothing but a name must be kept ("Cirque du Soleil" is not "Cirque
    # du Berlin"); German compounds in a name are often translated ("Judoverbandes").
    core = [w for w in distinctive if not german_compound(w)]
    if core and not all(_word_kept(word, english) for word in core):
        return False
    kept = sum(_word_kept(word, english) for word in distinctive)
    return 2 * kept >= len(distinctive)


def _mentioned_in(german: str) -> set[str]:
    keys = set()
    table = folded_exonyms()
    for word in _WORD.findall(german):
        keys.add(spelling_key(word))
        for form in _genitive_free(word):
            keys.add(spelling_key(form))
            if fold(form) in table:
                keys.update(spelling_key(w) for w in table[fold(form)].split())
    return keys


def _checked(name: str, label: str) -> bool:
    """Whether a German entity is a name the English must keep."""
    if not name or not name[0].isupper() or any(ch in name for ch in ",;:()"):
        return False
    if " " not in name and fold(name) in NOT_NAMES:
        return False
    # A person the tagger found is a name even when it is a noun too ("Lee", "Brand").
    # ... and so is a noun English also writes as a name, when the tagger found it ("Hindi")
    if " " not in name and label != "PER" and common_noun(name) and not loanword(name):
        return english_name(name, only=False)
    if " " not in name and label != "PER" and name.lower().endswith(_ADJECTIVE_ENDINGS):
        return False
    return len(name.split()) <= 5


# Where the recognizer ran several names into one: "Stewart, Gordon", "Kenseth and Harvick",
# "Arts & Sciences".
_BETWEEN_NAMES = re.compile(r",\s+|\s+(?:und|oder|sowie|and|&)\s+")


def _parts(german: str, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """An entity split where it lists several names."""
    parts = []
    for gap in [*_BETWEEN_NAMES.finditer(german, start, end), None]:
        part_end = end if gap is None else gap.start()
        if part_end > start:
            parts.append((start, part_end, label))
        if gap is not None:
            start = gap.end()
    return parts


def check_names(
    german: str, english: str, entities: Sequence[tuple[int, int, str]]
) -> list[Finding]:
    """German entities (``(start, end, label)`` in ``german``) with no English counterpart."""
    side = EnglishSide(english, german)
    findings, kept = [], []
    changed: list[str] | None = None
    spans = [part for span in entities for part in _parts(german, *span)]
    for start, end, label in sorted([*spans, *unrecognized_names(german, entities)]):
        name = german[start:end]
        if not _checked(name, label):
            continue
        if name_kept(name, side, label):
            kept.append((start, end, name))
            continue
        if changed is None:
            known = _mentioned_in(german)
            changed = [w for w in side.names() if spelling_key(w) not in known]
        found = changed[0] if changed else None
        findings.append(Finding(CheckKind.NAME, start, end, name, english_form(name), found))
    return findings + repeated_names(side.folded, kept, folded_exonyms())
