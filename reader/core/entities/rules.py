"""German-specific clean-up of statistical NER output, and keys for grouping mentions.

The model gives spans over one sentence; these rules fix what German does to names:

- trailing punctuation and quotes the model swallowed are trimmed;
- hyphen compounds: in "Nvidia-Chips" or "US-Exportkontrollen" only the name part is the
  entity; a name that starts a compound is found when it is known (a compact hand-written
  list of abbreviations and frequent names, or a name the model found elsewhere in the
  document);
- all-caps abbreviations and frequent names from that list are added when the model missed
  them (WSJ, USA, EU);
- ``entity_key`` undoes genitive -s ("Merkels" -> "Merkel") and adjective declension in
  multi-word names ("Deutschen Bank" -> "Deutsche Bank") so mentions can be grouped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from reader.core.bundled import resource_pairs


@dataclass(frozen=True)
class RawSpan:
    """A labelled span ``text[start:end]`` inside one sentence."""

    start: int
    end: int
    label: str


_LABELS = ("PER", "LOC", "ORG", "MISC")
_EDGE_JUNK = "\"'„“”‚‘’«»‹›()[]{},;:!?*–—/"

# A word, possibly hyphenated; letters include umlauts and digits ("G7-Staaten").
_WORD = re.compile(r"[^\W_][\w.&'’]*(?:-[\w.&]+)*")
_COMPOUND = re.compile(r"^([^\W_][\w.&]*?)-(.+)$")


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Adjective stems and endings seen in multi-word names; their declined forms (-en/-em/-es)
# are brought back to the weak nominative (-e) that follows a definite article.
_ADJECTIVE_ENDINGS = ("isch", "lich", "ig", "al", "ell", "iv", "är", "bar", "sam", "haft", "ant")
_ADJECTIVE_STEMS = _wordset(
    """deutsch neu alt rot grün schwarz weiß blau gelb hoh groß klein nord süd ost west
    vereint vereinigt frei heilig ober nieder mittler erst zweit dritt letzt jung
    allgemein gemeinsam französisch britisch stark offen gut schön nah fern"""
)
# Plural heads take -en after the article ("die Vereinigten Staaten"): keep those forms.
_PLURAL_HEADS = _wordset(
    "Staaten Nationen Emirate Inseln Niederlande Alpen Grünen Linken Spiele Spielen"
)
_LEADING_WORDS = _wordset(
    "der die das des dem den ein eine einer eines einem einen im am vom zum zur beim in an von"
)
# Role nouns ("Kanzlerin", "Bahnchef", "Außenminister") that models like to tag as people.
_ROLE_ENDINGS = tuple(
    f"{stem}{suffix}"
    for stem in (
        "chef",
        "minister",
        "präsident",
        "kanzler",
        "sprecher",
        "vorsitzende",
        "direktor",
        "trainer",
        "leiter",
        "bürgermeister",
        "abgeordnete",
        "politiker",
        "experte",
    )
    for suffix in ("", "in", "s")
)
# More role nouns, only as the word before a name ("Sängerin Adele"): inside a span they
# start names too often ("Premier League", "Manager Magazin").
_MORE_ROLE_ENDINGS = tuple(
    f"{stem}{suffix}"
    for stem in (
        "sänger",
        "schauspieler",
        "regisseur",
        "autor",
        "spieler",
        "stürmer",
        "torwart",
        "kapitän",
        "senator",
        "gouverneur",
        "botschafter",
        "sekretär",
        "premier",
        "kandidat",
        "anwalt",
        "richter",
        "kommissar",
        "gründer",
        "manager",
        "analyst",
        "ökonom",
        "forscher",
        "professor",
        "moderator",
        "journalist",
        "geschäftsführer",
        "führer",  # Staffel-, Oppositions-, Zugführer
        "pilot",
        "kommandant",
        "kommandeur",
        "offizier",
        "oberst",
        "leutnant",
        "hauptmann",
        "sergeant",
    )
    for suffix in ("", "in", "s")
)
_ROLE_WORDS = _wordset("herr frau dr. prof. papst könig königin kaiser fürst graf")
# Names that end in -s in the nominative; never strip them.
_S_NAMES = _wordset(
    """Hans Jens Lars Niels Nils Mats Klaus Markus Marcus Julius Linus Magnus Thomas Andreas
    Jonas Lukas Matthias Tobias Elias Nikolas Niklas Boris Chris Doris Iris Agnes Johannes
    Carlos Marcos Jesus Paris Texas Wales Reims Cannes Calais Laos Honduras Barbados Bahamas
    Athens Kansas Arkansas Siemens Mercedes Mars Venus Las Vegas Los Angeles Aids Pegasus
    Olympus Ems Hades Rhodos Lesbos Kos Naxos Patmos Samos Delphos Memphis Tunis
    Moritz Franz Fritz Heinz Seitz Kunz Schulz Scholz Lutz Götz"""
)


@cache
def known_names() -> Mapping[str, str]:
    """Abbreviations and frequent names shipped in ``resources/ner/known_names.tsv``."""
    table: dict[str, str] = {}
    for name, label in resource_pairs("ner", "known_names.tsv"):
        if label.strip() in _LABELS:
            table[name.strip()] = label.strip()
    return table


def _trim(text: str, span: RawSpan) -> RawSpan | None:
    start, end = span.start, span.end
    while start < end and (text[start] in _EDGE_JUNK or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _EDGE_JUNK or text[end - 1].isspace()):
        end -= 1
    # A closing parenthesis belongs to the name when the name opened it: "Bündnis (BSW)".
    if end < span.end and text[end] == ")" and "(" in text[start:end]:
        end += 1
    # Articles and prepositions are not part of a name: "der Deutschen Bank" -> "Deutschen Bank".
    while True:
        first, space, rest = text[start:end].partition(" ")
        if not space or first not in _LEADING_WORDS or not rest[:1].isupper():
            break
        start += len(first) + 1
    # Titles and roles are not part of a person's name: "Bahnchefin Petra Hoffmann". A span
    # that starts with a role noun and goes on with one to three capitalised words is a
    # person whatever the model said ("Grünen-Politiker Hans-Christian Ströbele" tagged as a
    # place). Titles such as "Kaiser" are left out: "Kaiser Wilhelm Turm" is a place.
    label = span.label
    first, space, rest = text[start:end].partition(" ")
    names = rest.split()
    if (
        label != "PER"
        and first.lower().endswith(_ROLE_ENDINGS)
        and 1 <= len(names) <= 3
        and all(w[:1].isupper() for w in names)
    ):
        label = "PER"
    if label == "PER":
        while True:
            first, space, rest = text[start:end].partition(" ")
            if not _is_role(first):
                break
            if not space:
                return None
            start += len(first) + 1
    if end - start < 1 or not any(ch.isalnum() for ch in text[start:end]):
        return None
    return RawSpan(start, end, label)


def _is_role(word: str) -> bool:
    lower = word.lower()
    return lower in _ROLE_WORDS or lower.endswith(_ROLE_ENDINGS)


def is_role(word: str, *, more: bool = False) -> bool:
    """Whether ``word`` is a role or title noun, declined forms too ("Präsidenten").

    ``more`` adds the nouns that only count right before a name ("Sängerin", "Premier").
    """

    def role(form: str) -> bool:
        return _is_role(form) or (more and form.lower().endswith(_MORE_ROLE_ENDINGS))

    if role(word):
        return True
    for ending in ("en", "n", "innen"):
        if word.endswith(ending) and len(word) > len(ending) + 3 and role(word[: -len(ending)]):
            return True
    return False


def _compound_head(word: str, known: Mapping[str, str]) -> tuple[str, str] | None:
    """``(name, label)`` when ``word`` is a compound that starts with a known name."""
    match = _COMPOUND.match(word)
    if not match:
        return None
    first, rest = match.group(1), match.group(2)
    label = known.get(first)
    if label is None:
        return None
    # "Baden-Württemberg", "Mercedes-Benz": the whole word is itself a name.
    if word in known:
        return None
    if rest[:1].isupper() and rest in known:
        return None
    return first, label


def refine_spans(
    text: str, spans: Sequence[RawSpan], document_names: Mapping[str, str] | None = None
) -> list[RawSpan]:
    """Clean the model's spans for one sentence and add the ones German rules find.

    ``document_names`` maps names found elsewhere in the document to their label; they count
    as known when they start a hyphen compound.
    """
    known: dict[str, str] = dict(known_names())
    if document_names:
        known.update(document_names)
    out: list[RawSpan] = []
    for span in spans:
        trimmed = _trim(text, span)
        if trimmed is None:
            continue
        surface = text[trimmed.start : trimmed.end]
        # The model tagged a whole compound ("EU-weit", "Nvidia-Chips"): keep the name part.
        if " " not in surface:
            head = _compound_head(surface, known)
            if head is None and "-" in surface:
                first, _, rest = surface.partition("-")
                if rest[:1].islower() and first[:1].isupper():
                    head = (first, trimmed.label)
            # A place tagged whole with a place in front is a district or an airport
            # ("Berlin-Mitte", "Moskau-Scheremetjewo"), not a name inside a compound noun.
            district = trimmed.label == head[1] == "LOC" if head is not None else False
            if head is not None and not (district and surface.partition("-")[2][:1].isupper()):
                trimmed = RawSpan(trimmed.start, trimmed.start + len(head[0]), head[1])
        out.append(trimmed)
    taken = [(s.start, s.end) for s in out]

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for match in _WORD.finditer(text):
        word = match.group(0).rstrip(".")
        start = match.start()
        end = start + len(word)
        if not free(start, end):
            continue
        label = known_names().get(word)
        name = word
        if label is None:
            head = _compound_head(word, known)
            if head is not None:
                name, label = head
        if label is None:
            continue
        out.append(RawSpan(start, start + len(name), label))
        taken.append((start, start + len(name)))
    out.sort(key=lambda s: (s.start, s.end))
    return out


def _strip_genitive(word: str, label: str, known: Collection[str]) -> str:
    if word.endswith(("'", "’")) and len(word) > 2:
        return word[:-1]  # "Boris' Rede", "Habeck’ …"
    if len(word) < 4 or word in _S_NAMES or word in known:
        return word
    for ending in ("s", "es"):
        if word.endswith(ending) and word[: -len(ending)] in known:
            return word[: -len(ending)]
    if not word.endswith("s") or word.endswith(("ss", "ß", "x", "z", "us", "is", "os")):
        return word
    if label == "PER":
        return word[:-1]  # Merkels, Obamas, Bidens
    if label == "LOC" and word[-2] in "nldhkgmrt":
        return word[:-1]  # Deutschlands, Frankreichs, Berlins
    return word


def _is_adjective(word: str) -> bool:
    lower = word.lower()
    for ending in ("en", "em", "es"):
        if lower.endswith(ending) and len(lower) > len(ending) + 2:
            stem = lower[: -len(ending)]
            return stem in _ADJECTIVE_STEMS or stem.endswith(_ADJECTIVE_ENDINGS)
    return False


def entity_key(text: str, label: str, known: Collection[str] = ()) -> str:
    """A normalized name for grouping mentions of one entity.

    ``known`` holds other surface forms from the same document (and exonyms); a form that is
    one of them plus -s is taken as its genitive. Keys keep case; compare them as they are.
    """
    words = text.split()
    if not words:
        return ""
    head = _strip_genitive(words[-1], label, known)
    if label == "PER" or len(words) == 1:
        return " ".join([*words[:-1], head])
    adjectives = [_is_adjective(w) for w in words[:-1]]
    if not any(adjectives) or words[-1] in _PLURAL_HEADS:
        return " ".join([*words[:-1], head])
    # A declined adjective hints that the head is genitive too: "des Deutschen Bundestages".
    if head == words[-1] and head not in known:
        if head.endswith("es") and len(head) > 5:
            head = head[:-2]
        elif head.endswith("s") and head[-2] not in "sxzßu":
            head = head[:-1]
    front = [w[:-2] + "e" if adj else w for w, adj in zip(words[:-1], adjectives, strict=True)]
    return " ".join([*front, head])


def fold(text: str) -> str:
    """Case- and diacritic-insensitive form of a name ("Österreichs" -> "osterreichs")."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())
