"""Which English words belong to which German word, shown only when the evidence agrees.

The engine's alignment (one attention head of the last layer: each English word points at
one German word) is exact on the copy model and noisy on real ones, above all where German
moves its verb to the end. So an attention link is shown only when something else backs it:

1. Anchors, links of their own: names found in the German and projected onto the English
   (``names``: every word of the name to every word of its projection — a name is one
   unit), words spelled the same on both sides (names, most numbers and loanwords; once per
   sentence on each side, function words excluded), numbers written the German or the
   English way (2.500 = 2,500; 3,5 = 3.5), exonyms (Köln = Cologne), and lexicon entries
   (``lexicon``: the model's glosses of looked-up words, installed dictionary entries) when
   exactly one English word fits.
2. Attention links that agree: the same word on both sides (the copy model), a lexicon entry,
   or a position between two anchors on both sides (German and English both inside the
   same bracket). Attention that contradicts an anchor is dropped.
3. One-to-many: English words next to an accepted one that attention links to the same
   German word join it (Tintenstrahldrucker = inkjet printer).

Everything else stays unlinked: no highlight is better than a wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from reader.core.document.model import AlignedSpan

Lexicon = Callable[[str], Iterable[str] | None]

GERMAN_STOP = frozenset(
    """der die das den dem des ein eine einer eines einem einen und oder aber zu zum zur im
    in an am auf aus bei mit nach von vom für über unter vor um bis es er sie wir ihr ich
    du man sich ist sind war waren hat haben hatte wird werden wurde wurden sein kann nicht
    auch noch so da als wie wenn dass ob""".split()  # noqa: SIM905
)
ENGLISH_STOP = frozenset(
    """the a an of to in on at by for with from and or but is are was were be been has
    have had will would it its he she they we you i this that these those as not""".split()  # noqa: SIM905
)
_NUMBER = re.compile(r"^\d[\d.,:]*$")
# Like the engine's words, but a number keeps its separators: 2.500, 9:30, 3,5.
_WORD = re.compile(r"\d+(?:[.,:]\d+)*|[^\W_]+(?:[-'’][^\W_]+)*|[^\w\s]")


def sentence_words(text: str) -> list[tuple[int, int]]:
    """The words of ``text`` as the links speak of them: (start, end) code points."""
    return [match.span() for match in _WORD.finditer(text)]


@dataclass(frozen=True)
class WordLink:
    """A German word span and an English word span (code points in each sentence) that
    belong together, and the evidence that linked them."""

    german: tuple[int, int]
    english: tuple[int, int]
    evidence: str  # "name", "same", "number", "exonym", "lexicon", "attention"


def _key(text: str) -> str:
    if _NUMBER.match(text):
        return "#" + re.sub(r"[.,]", "", text)  # 2.500 / 2,500; 3,5 / 3.5; 9:30 stays
    return text.casefold()


def _content(text: str, stop: frozenset[str]) -> bool:
    return any(ch.isalnum() for ch in text) and (
        _NUMBER.match(text) is not None or (len(text) > 1 and text.casefold() not in stop)
    )


def link_words(
    german: str,
    english: str,
    alignment: Sequence[AlignedSpan],
    *,
    lexicon: Lexicon | None = None,
    exonyms: Callable[[str], str | None] | None = None,
    names: Sequence[tuple[tuple[int, int], tuple[int, int]]] = (),
) -> tuple[WordLink, ...]:
    """The confident links between the words of a sentence pair (see the module's text);
    ``names`` are (German span, English span) pairs of projected names."""
    g_spans = sentence_words(german)
    e_spans = sentence_words(english)
    g_text = [german[s:e] for s, e in g_spans]
    e_text = [english[s:e] for s, e in e_spans]
    g_content = [_content(t, GERMAN_STOP) for t in g_text]
    e_content = [_content(t, ENGLISH_STOP) for t in e_text]
    links: dict[tuple[int, int], str] = {}
    g_linked: dict[int, set[int]] = {}
    e_linked: dict[int, set[int]] = {}

    def add(g: int, e: int, evidence: str) -> None:
        # An English word belongs to one German word, except inside a name (one unit); the
        # first evidence found for a pair is the one it keeps.
        if (g, e) in links or (e in e_linked and evidence != "name"):
            return
        links[(g, e)] = evidence
        g_linked.setdefault(g, set()).add(e)
        e_linked.setdefault(e, set()).add(g)

    # 1. anchors
    for (g_start, g_end), (e_start, e_end) in names:
        inside_g = [g for g, (s, e) in enumerate(g_spans) if g_start <= s and e <= g_end]
        inside_e = [e for e, (s, t) in enumerate(e_spans) if e_start <= s and t <= e_end]
        for g in inside_g:
            for e in inside_e:
                if g_content[g] == e_content[e]:  # "of" in a name is no partner of "Köln"
                    add(g, e, "name")
    e_keys: dict[str, list[int]] = {}
    for e, text in enumerate(e_text):
        if e_content[e]:
            e_keys.setdefault(_key(text), []).append(e)
    g_keys: dict[str, list[int]] = {}
    for g, text in enumerate(g_text):
        if g_content[g]:
            g_keys.setdefault(_key(text), []).append(g)
    for key, gs in g_keys.items():
        es = e_keys.get(key, [])
        if len(gs) == 1 and len(es) == 1:
            add(gs[0], es[0], "number" if key.startswith("#") else "same")
    for g, text in enumerate(g_text):
        if g in g_linked or not g_content[g]:
            continue
        candidates: list[tuple[str, str]] = []
        english_name = exonyms(text) if exonyms else None
        if english_name:
            candidates.append((english_name, "exonym"))
        if lexicon is not None:
            candidates += [(entry, "lexicon") for entry in lexicon(text) or ()]
        found = _unique_match(candidates, e_text, e_content, e_linked)
        if found is not None:
            for e in found[0]:
                add(g, e, found[1])

    # 2. attention that agrees
    anchors = sorted((g, min(es)) for g, es in g_linked.items())
    lexicon_words = _lexicon_words(g_text, lexicon)
    attention: dict[int, int] = {}
    for span in alignment:
        source = _index(g_spans, span.source_start)
        target = _index(e_spans, span.target_start)
        if source is not None and target is not None:
            attention[target] = source
    for e, g in sorted(attention.items()):
        if (g, e) in links or e in e_linked or not e_content[e]:
            continue
        if g in g_linked and not _adjacent(e, g_linked[g]):
            continue  # the German word is anchored elsewhere
        if _key(g_text[g]) == _key(e_text[e]):
            add(g, e, "same")
        elif not g_content[g]:
            continue
        elif any(_inflected(w, e_text[e].casefold()) for w in lexicon_words.get(g, ())):
            add(g, e, "lexicon")
        elif _bracketed(g, e, anchors):
            add(g, e, "attention")

    # 3. one-to-many: neighbours that attention gives to the same German word
    changed = True
    while changed:
        changed = False
        for e, g in sorted(attention.items()):
            if e in e_linked or not e_content[e] or g not in g_linked:
                continue
            if _adjacent(e, g_linked[g]):
                add(g, e, "attention")
                changed = True

    return tuple(
        WordLink(g_spans[g], e_spans[e], evidence)
        for (g, e), evidence in sorted(links.items(), key=lambda item: item[0])
    )


def _index(spans: Sequence[tuple[int, int]], start: int) -> int | None:
    for index, (s, e) in enumerate(spans):
        if s <= start < e:
            return index
    return None


def _adjacent(e: int, others: set[int]) -> bool:
    return (e - 1) in others or (e + 1) in others


def _bracketed(g: int, e: int, anchors: Sequence[tuple[int, int]]) -> bool:
    """True when anchors on both sides hold ``g`` and ``e`` in the same bracket."""
    before = [(ga, ea) for ga, ea in anchors if ga < g]
    after = [(ga, ea) for ga, ea in anchors if ga > g]
    if not before or not after:
        return False
    low, high = before[-1][1], after[0][1]
    return low < e < high


def _inflected(gloss: str, found: str) -> bool:
    """``found`` is ``gloss`` or its plural / third person (printer(s), box(es))."""
    return found == gloss or found in (gloss + "s", gloss + "es")


def _lexicon_words(g_text: Sequence[str], lexicon: Lexicon | None) -> dict[int, set[str]]:
    if lexicon is None:
        return {}
    words: dict[int, set[str]] = {}
    for g, text in enumerate(g_text):
        for entry in lexicon(text) or ():
            for word in re.findall(r"[^\W_]+", entry):
                if word.casefold() not in ENGLISH_STOP:
                    words.setdefault(g, set()).add(word.casefold())
    return words


def _unique_match(
    candidates: Sequence[tuple[str, str]],
    e_text: Sequence[str],
    e_content: Sequence[bool],
    e_linked: dict[int, set[int]],
) -> tuple[list[int], str] | None:
    """The English words one candidate (a word or phrase) spells, if exactly one place fits."""
    folded = [t.casefold() for t in e_text]
    for candidate, evidence in candidates:
        words = [w.casefold() for w in re.findall(r"[^\W_]+(?:[-'’][^\W_]+)*", candidate)]
        if not words or all(w in ENGLISH_STOP for w in words):
            continue
        places = [
            list(range(i, i + len(words)))
            for i in range(len(folded) - len(words) + 1)
            if all(_inflected(w, f) for w, f in zip(words, folded[i : i + len(words)], strict=True))
        ]
        places = [p for p in places if not any(e in e_linked for e in p)]
        if len(places) == 1 and any(e_content[e] for e in places[0]):
            return places[0], evidence
    return None
