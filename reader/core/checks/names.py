"""Names: each German entity has an English counterpart, or the pair is flagged.

A counterpart is the name itself, case and diacritics folded, without a German genitive
("Merkels" → Merkel), an exonym (Köln → Cologne; the project's table and CLDR's, see
``resources/``), or a transliteration variant (Selenskyj ↔ Zelensky) by a normalized
similarity (rapidfuzz). A name of several words is kept when one of its distinctive words is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache

from rapidfuzz import fuzz

from reader.core.bundled import resource_path
from reader.core.checks.model import CheckKind, Finding
from reader.core.entities.projection import exonyms
from reader.core.entities.rules import fold

# Transliteration variants of one name look alike after this ("selenskyj" ~ "zelensky").
_SPELLING = (
    ("tsch", "ch"), ("sch", "sh"), ("ck", "k"), ("ph", "f"), ("th", "t"), ("c", "k"),
    ("j", "y"), ("w", "v"), ("z", "s"), ("ou", "u"), ("ie", "i"), ("ei", "ai"), ("ij", "i"),
)  # fmt: skip
_SIMILAR = 85.0
_SHORTEST_FUZZY = 5


# Words inside names that say nothing about which name it is.
def _wordset(words: str) -> frozenset[str]:
    return frozenset(fold(word) for word in words.split())


_FILLERS = _wordset(
    "der die das des dem den und von vom zu zum zur für im am in an bei auf aus mit of the "
    "and for de la le van von da del di du st sankt new neue neuen neuer neues"
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
    brücke medizin medicine"""
)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_ENGLISH_FUNCTION = _wordset("the a an i in on at of and but it this that he she")


@cache
def _cldr_exonyms() -> Mapping[str, str]:
    table: dict[str, str] = {}
    try:
        lines = resource_path("exonyms_cldr.tsv").read_text(encoding="utf-8").splitlines()
    except OSError:
        return table
    for line in lines:
        if line.startswith("#") or "\t" not in line:
            continue
        german, english = line.split("\t", 1)
        table.setdefault(fold(german), english.strip())
    return table


@cache
def folded_exonyms() -> Mapping[str, str]:
    """Folded German name -> English name, the project's table first, then CLDR's."""
    table = dict(_cldr_exonyms())
    table.update({fold(german): english for german, english in exonyms().items()})
    return table


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


class EnglishSide:
    """One English sentence, folded and split once for all the names of its pair."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = f" {' '.join(fold(w) for w in _WORD.findall(text))} "
        self.words = [m for m in _WORD.finditer(text)]
        self.keys = {spelling_key(m.group()) for m in self.words if len(m.group()) >= 3}

    def has_phrase(self, phrase: str) -> bool:
        words = [fold(w) for w in _WORD.findall(phrase)]
        return bool(words) and f" {' '.join(words)} " in self.folded

    def has_similar(self, word: str) -> bool:
        key = spelling_key(word)
        if key in self.keys:
            return True
        if len(key) < _SHORTEST_FUZZY:
            return False
        return any(fuzz.ratio(key, other) >= _SIMILAR for other in self.keys)

    def names(self) -> list[str]:
        """Capitalised words, the sentence's first word last."""
        found = [
            (i == 0, m.group())
            for i, m in enumerate(self.words)
            if m.group()[0].isupper() and m.group().lower() not in _ENGLISH_FUNCTION
        ]
        # The first word is capitalised anyway: a name only when nothing else is.
        return [word for _first, word in sorted(found, key=lambda item: item[0])]


def english_form(name: str) -> str:
    """The English a German name should appear as: its exonym, else itself."""
    table = folded_exonyms()
    for form in _genitive_free(name):
        if fold(form) in table:
            return table[fold(form)]
    words = name.split()
    return " ".join(table.get(fold(_genitive_free(w)[-1]), w) for w in words)


def name_kept(name: str, english: EnglishSide) -> bool:
    """Whether ``english`` has a counterpart of the German ``name``."""
    table = folded_exonyms()
    for form in _genitive_free(name):
        if english.has_phrase(form) or english.has_phrase(table.get(fold(form), "\0")):
            return True
    words = [
        w
        for w in re.split(r"[\s\-–/]+", name)
        if len(w) >= 2 and w[0].isupper() and fold(w) not in _FILLERS
    ]
    distinctive = [w for w in words if fold(_genitive_free(w)[-1]) not in _GENERIC]
    for word in distinctive or words:
        for form in _genitive_free(word):
            exonym = table.get(fold(form))
            if exonym is not None and english.has_phrase(exonym):
                return True
            if english.has_phrase(form) or english.has_similar(form):
                return True
    return False


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


def check_names(
    german: str, english: str, entities: Sequence[tuple[int, int, str]]
) -> list[Finding]:
    """German entities (``(start, end, label)`` in ``german``) with no English counterpart."""
    side = EnglishSide(english)
    findings = []
    changed: list[str] | None = None
    for start, end, _label in entities:
        name = german[start:end]
        if not name or not name[0].isupper() or name_kept(name, side):
            continue
        if changed is None:
            known = _mentioned_in(german)
            changed = [w for w in side.names() if spelling_key(w) not in known]
        findings.append(
            Finding(
                CheckKind.NAME,
                start,
                end,
                name,
                english_form(name),
                changed[0] if changed else None,
            )
        )
    return findings
