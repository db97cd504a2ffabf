"""Context cues over the tagger's spans: what the words around a name say about it.

Run after ``rules.refine_spans`` on every sentence of a document, each lever on its own
(``LEVERS``; ``benchmarks/ner_eval.py`` measures them one by one):

- ``role``: a name right after a role or title noun is a person ("des iranischen
  Präsidenten Ruhani", "Sängerin Adele");
- ``org``: a legal form (AG, GmbH, e.V., Inc.) or an organisation head word (Partei,
  Verband, -bank, Universität, Group) makes the span an organisation; a form right after
  the span joins it ("Linz AG");
- ``inside``: a place right after an organisation head word is part of the organisation's
  name ("Verkehrsclub Deutschland", "Landesgericht Klagenfurt"), not a place of its own;
- ``vessel``: a name after "Tanker", "Schiff", "Frachter", "Teleskop" … is the vessel's
  name (MISC), not a person ("der Tanker Stena Impero");
- ``nonname``: currencies, units and sports events ("Euro", "Prozent", "WM"), and words the
  name lists know only as ordinary nouns ("Piraterie"), are not names;
- ``event``: a multi-word name that ends in an event noun ("Arabischer Frühling",
  "Dreißigjähriger Krieg") is Other, not a place or organisation;
- ``clause``: a span that runs across a finite verb ("Dabo ist der erste Held der WM") is
  not a name;
- ``acronym``: an acronym introduced with its expansion ("Human Rights Watch (HRW)") takes
  the expansion's label everywhere in the document;
- ``known``: a name in the shipped list of frequent names
  (``resources/ner/known_names.tsv``: "Zalando", "Yahoo", "Goldman Sachs") keeps the
  list's label;
- ``places``: multi-word geographic names ("Persischer Golf", "Straße von Hormus",
  "Bandar Abbas") become one place span (``places.mark_places``), the only lever that adds
  spans.

A name a cue decided (role, vessel, acronym) keeps that label in every mention of the
document. Apart from places, spans are relabelled, joined or dropped, never added.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from reader.core.entities.places import mark_places
from reader.core.entities.rules import RawSpan, is_role, known_names

LEVERS = (
    "role",
    "org",
    "inside",
    "vessel",
    "nonname",
    "event",
    "clause",
    "acronym",
    "known",
    "places",
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Legal forms that end a company's name ("Linz AG", "Zalando SE").
_LEGAL_FORMS = _words(
    """AG GmbH gGmbH mbH SE KG KGaA OHG eG e.V. e. V. Inc. Inc Ltd. Ltd plc PLC Corp. Corp
    LLC LLP S.A. SA SpA S.p.A. N.V. NV B.V. BV Co. Holding Group Gruppe"""
)
# Head words of organisation names, whole or as the end of a compound ("Bauernverband").
_ORG_HEADS = (
    "partei",
    "verband",
    "verein",
    "gewerkschaft",
    "konzern",
    "bank",
    "club",
    "klub",
    "institut",
    "stiftung",
    "ministerium",
    "universität",
    "hochschule",
    "gericht",
    "kommission",
    "agentur",
    "behörde",
    "gesellschaft",
    "bundesamt",
    "landesamt",
    "werke",
    "akademie",
)
_ORG_WORDS = _words(
    """Union Party Association Company Corporation Agency Council Institute University
    Foundation Bank Group Committee Organization Organisation Watch International Fund
    Service Society League Federation Alliance Airlines Airways Motors Records"""
)
# Nouns for a vessel or craft whose name follows ("der Tanker Stena Impero").
_VESSEL_ENDINGS = (
    "tanker",
    "schiff",
    "frachter",
    "fähre",
    "jacht",
    "yacht",
    "boot",
    "kreuzer",
    "träger",
    "fregatte",
    "zerstörer",
    "teleskop",
    "sonde",
    "satellit",
    "rakete",
    "raumschiff",
    "raumfähre",
    "kapsel",
)
# Not names: currencies, units and events (GermEval's own annotation tags "Euro" as OTH;
# readers do not want every price highlighted).
_NON_NAMES = _words(
    """Euro Euros Cent Dollar Dollars US-Dollar Pfund Yen Yuan Renminbi Rubel Rupie
    Rupien EUR USD CHF GBP Lira Krone Kronen Peso Pesos Rand Zloty Forint Dinar Dirham Rial Bitcoin
    Prozent Kilometer Meter Zentimeter Millimeter Kilogramm Gramm Tonnen Liter Grad Celsius
    Fahrenheit Stunden Minuten Sekunden Kilowatt Megawatt Gigawatt Watt Volt Hektar
    WM EM"""
)
# Head nouns of events; a name ending in one is Other ("des Arabischen Frühlings").
# "Olympische Spiele" is left out: GermEval annotates it as an organisation.
_EVENT_HEADS = _words(
    """Frühling Frühlings Revolution Krieg Krieges Kriegs Meisterschaft Meisterschaften
    Festival Festivals Festspiele Festspielen Aufstand Aufstands Aufstandes Krise Skandal
    Skandals Affäre"""
)
# Finite verbs that never stand inside a name; a span across one is a clause.
_FINITE_VERBS = _words(
    """ist sind war waren wird werden wurde wurden hat haben hatte hatten sei seien wäre
    wären hätte hätten würde würden kann können konnte konnten muss müssen musste mussten
    soll sollen sollte sollten will wollen wollte wollten darf dürfen durfte sagt sagte
    sagten gibt gab geht ging kommt kam steht stand liegt lag bleibt blieb macht machte
    zeigt zeigte gilt galt heißt hieß"""
)
_COMMON_ARTICLES = _words(
    """ein eine einen einem einer eines kein keine keinen keinem keiner keines dieser diese
    diesen diesem dieses jeder jede jeden jedem jedes mancher manche solche solchen"""
)
_CONTRACTIONS = _words("im ins am ans vom zum beim Im Am Vom Zum Beim")
# Lexicon codes of names; a word with only the common-noun code N is an ordinary noun.
_NAME_CODES = frozenset("PTCplowWVSE")
# The word before a span, across an opening quote ('das Teleskop "Cheops"').
_PREVIOUS = re.compile(r"([^\W\d_][\w.-]*)\s+[\"„“‚'»«]?$")
_ACRONYM_AFTER = re.compile(r"^\s*\(([A-ZÄÖÜ][A-Za-zÄÖÜäöü&]{1,9})\)")


def _previous_word(text: str, start: int) -> str:
    match = _PREVIOUS.search(text[:start])
    return match.group(1) if match else ""


def _is_org_head(word: str) -> bool:
    lower = word.lower()
    return word in _ORG_WORDS or (word[:1].isupper() and lower.endswith(_ORG_HEADS))


def _is_vessel(word: str) -> bool:
    return word[:1].isupper() and word.lower().endswith(_VESSEL_ENDINGS)


def _is_non_name(word: str, label: str, before: str, lexicon: Mapping[str, str]) -> bool:
    if word in _NON_NAMES:
        return True
    # A listed noun after an indefinite or demonstrative article: "in einem Wald".
    code = lexicon.get(word, "")
    if before.lower() in _COMMON_ARTICLES and "N" in code:
        return True
    # After "im", "am", "vom" …: a listed noun the lists do not also know as a country, a
    # Wiktionary place or an organisation ("im Wald", but "im Iran", "im Harz").
    if before in _CONTRACTIONS and "N" in code and not set(code) & set("CWo"):
        return word not in known_names()  # "im Bundestag"
    # An unlisted compound that ends in a listed noun, taken for a person ("Kilometergeld"):
    # surnames made of nouns ("Rosenberg") are in the lists themselves.
    if label == "PER" and not code and len(word) >= 9 and word.isalpha():
        # the longest listed tail of 4+ letters, 5+ for a genitive ("Schirachs": not "Achs")
        for i in range(3, len(word) - (4 if word.endswith("s") else 3)):
            tail = lexicon.get(word[i].upper() + word[i + 1 :], "")
            if tail:
                return "N" in tail and not set(tail) & _NAME_CODES
    # Only for Other: the lists call many real names nouns too ("Twitter", "Chinas").
    if label != "MISC":
        return False
    if not code and len(word) > 4 and word.endswith("s"):
        code = lexicon.get(word[:-1], "")
    return "N" in code and not (set(code) & _NAME_CODES)


def _sentence_cues(
    text: str, spans: Sequence[RawSpan], lexicon: Mapping[str, str], levers: Collection[str]
) -> tuple[list[RawSpan], dict[str, str]]:
    """Spans of one sentence after the local levers, and the labels cues decided by name."""
    out: list[RawSpan] = []
    decided: dict[str, str] = {}
    for span in spans:
        start, end, label = span.start, span.end, span.label
        surface = text[start:end]
        words = surface.split()
        before = _previous_word(text, start)
        if "clause" in levers and len(words) > 1 and any(w in _FINITE_VERBS for w in words):
            continue
        if (
            "nonname" in levers
            and len(words) == 1
            and _is_non_name(surface, label, before, lexicon)
        ):
            continue
        if "event" in levers and len(words) > 1 and words[-1] in _EVENT_HEADS:
            label = "MISC"
        if "known" in levers:
            listed = known_names().get(surface, "")
            if not listed and surface.endswith("s"):
                listed = known_names().get(surface[:-1], "")  # "Zalandos"
            label = listed or label
        # Only a country: "Amtsgericht Stockholm" is a court at a place (GermEval tags the
        # town), "Ölgesellschaft Petrobras" a noun before a name.
        if (
            "inside" in levers
            and label == "LOC"
            and _is_org_head(before)
            and "C" in lexicon.get(surface, "")
        ):
            start = text.rindex(before, 0, start)
            label = "ORG"
        elif "org" in levers:
            after = text[end:].split(maxsplit=1)
            following = after[0].rstrip(",;:") if after else ""
            if following in _LEGAL_FORMS and label in ("ORG", "PER", "LOC", "MISC"):
                end = text.index(following, end) + len(following)
                label = "ORG"
            elif words[-1] in _LEGAL_FORMS or (
                # a place whose last word is an organisation's ("Europäischen Zentralbank");
                # people ("Tyra Banks") and titles of works keep their label
                label == "LOC" and len(words) > 1 and _is_org_head(words[-1].rstrip("s"))
            ):
                label = "ORG"
        if label != "PER" and len(words) <= 3 and not surface.endswith(("s", "'", "’")):
            # A listed country or place stays one: "Börse-Vorstand Wien", "Präsident Chinas".
            place = label == "LOC" and bool(set(lexicon.get(surface, "")) & set("CW"))
            if "role" in levers and not place and is_role(before, more=True):
                label = decided[surface] = "PER"
            elif "vessel" in levers and _is_vessel(before):
                label = decided[surface] = "MISC"
        elif label == "PER" and "vessel" in levers and _is_vessel(before):
            label = decided[surface] = "MISC"
        out.append(RawSpan(start, end, label))
    # A span a lever widened may now cover another ("Verkehrsclub" tagged on its own).
    kept = [
        s for s in out if not any(o != s and o.start <= s.start and s.end <= o.end for o in out)
    ]
    return kept, decided


def _acronyms(texts: Sequence[str], spans: Sequence[Sequence[RawSpan]]) -> dict[str, str]:
    """Acronyms written in parentheses right after a labelled expansion whose initials they
    spell: ``{"HRW": "ORG"}`` for "Human Rights Watch (HRW)"."""
    found: dict[str, str] = {}
    for text, row in zip(texts, spans, strict=True):
        for span in row:
            match = _ACRONYM_AFTER.match(text[span.end :])
            if match is None or span.label == "PER":
                continue
            acronym = match.group(1)
            initials = "".join(w[0] for w in text[span.start : span.end].split() if w[0].isupper())
            capitals = "".join(ch for ch in acronym if ch.isupper())
            if initials and initials.upper() == capitals.upper():
                found[acronym] = span.label
    return found


def apply_cues(
    texts: Sequence[str],
    spans: Sequence[Sequence[RawSpan]],
    lexicon: Mapping[str, str],
    levers: Collection[str] = LEVERS,
) -> list[list[RawSpan]]:
    """The spans of every sentence of a document after the context cues in ``levers``.

    ``lexicon`` maps words to the tagger's list codes (``N`` = ordinary noun); an empty one
    turns the noun test off.
    """
    local: list[list[RawSpan]] = []
    decided: dict[str, str] = {}
    for text, row in zip(texts, spans, strict=True):
        kept, names = _sentence_cues(text, row, lexicon, levers)
        if "places" in levers:
            kept = mark_places(text, kept)
        local.append(kept)
        for name, label in names.items():
            decided.setdefault(name, label)
    if "acronym" in levers:
        for name, label in _acronyms(texts, local).items():
            decided.setdefault(name, label)
    if not decided:
        return local
    return [
        [RawSpan(s.start, s.end, decided.get(text[s.start : s.end], s.label)) for s in row]
        for text, row in zip(texts, local, strict=True)
    ]
