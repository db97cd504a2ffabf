"""Project German entities onto the English translation of their sentence.

For each entity, in order: the engine's word alignment, an exact string match, a normalized
match (case, diacritics and genitive -s ignored), then the shipped German→English exonym
table (München→Munich). When none finds it the entity stays unprojected (``None``): a
missing highlight is better than a wrong one.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import cache, lru_cache

from reader.core.bundled import resource_pairs
from reader.core.document.model import Entity, Sentence, Translation
from reader.core.entities.rules import entity_key, fold

_TRIM = " \t\n\"'„“”‚‘’«»‹›()[]{},.;:!?"


@cache
def exonyms() -> Mapping[str, str]:
    """German name -> English name, from ``resources/exonyms.tsv``."""
    table: dict[str, str] = {}
    for german, english in resource_pairs("exonyms.tsv"):
        if german.strip() and english.strip():
            table.setdefault(german.strip(), english.strip())
    return table


@cache
def _folded_exonyms() -> Mapping[str, str]:
    return {fold(german): english for german, english in exonyms().items()}


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """One character as ``fold`` writes it: ß as "ss", accents dropped, case folded, any
    space as " " (possibly several characters, possibly none)."""
    if ch.isspace():
        return " "
    piece = "ss" if ch == "ß" else unicodedata.normalize("NFKD", ch)
    return "".join(c for c in piece if not unicodedata.combining(c)).casefold()


_ASCII_SPACES = str.maketrans("\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f", " " * 9)


def _folded_with_map(text: str) -> tuple[str, list[int]]:
    """``fold(text)`` character by character, with each folded char's index in ``text``.

    Runs on the GUI thread for every English sentence with names: plain ASCII (most English)
    folds in one step, other text a cached character at a time."""
    if text.isascii():
        return text.lower().translate(_ASCII_SPACES), list(range(len(text)))
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        piece = _fold_char(ch)
        chars.append(piece)
        origin.extend([i] * len(piece))
    return "".join(chars), origin


def _is_word_edge(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def _occurrences(haystack: str, needle: str) -> list[int]:
    found: list[int] = []
    if not needle:
        return found
    at = haystack.find(needle)
    while at >= 0:
        if _is_word_edge(haystack, at, at + len(needle)):
            found.append(at)
        at = haystack.find(needle, at + 1)
    return found


class _Target:
    """One English sentence and the spans already given to entities of its sentence."""

    def __init__(self, translation: Translation):
        self.translation = translation
        self.text = translation.text
        self.folded, self.origin = _folded_with_map(self.text)
        self.taken: list[tuple[int, int]] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in self.taken)

    def pick(self, spans: Iterable[tuple[int, int]], position: float) -> tuple[int, int] | None:
        """The free span whose relative position is closest to the source entity's."""
        length = max(len(self.text), 1)
        choices = [s for s in spans if self.free(*s)]
        if not choices:
            return None
        return min(choices, key=lambda s: abs(s[0] / length - position))

    def exact(self, needle: str, position: float) -> tuple[int, int] | None:
        spans = [(at, at + len(needle)) for at in _occurrences(self.text, needle)]
        return self.pick(spans, position)

    def normalized(self, needle: str, position: float) -> tuple[int, int] | None:
        folded = fold(needle)
        spans = []
        for at in _occurrences(self.folded, folded):
            start = self.origin[at]
            end = self.origin[at + len(folded) - 1] + 1
            spans.append((start, end))
        return self.pick(spans, position)

    def aligned(self, start: int, end: int) -> tuple[int, int] | None:
        """Union of the target spans linked to any part of the source ``[start, end)``."""
        links = [
            a
            for a in self.translation.alignment
            if a.source_start < end and a.source_end > start and a.target_end > a.target_start
        ]
        if not links:
            return None
        t_start = max(0, min(a.target_start for a in links))
        t_end = min(len(self.text), max(a.target_end for a in links))
        # Alignment links are token-level: widen to whole words, then drop punctuation.
        while t_start > 0 and self.text[t_start - 1].isalnum():
            t_start -= 1
        while t_end < len(self.text) and self.text[t_end].isalnum():
            t_end += 1
        while t_start < t_end and self.text[t_start] in _TRIM:
            t_start += 1
        while t_end > t_start and self.text[t_end - 1] in _TRIM:
            t_end -= 1
        if t_end <= t_start:
            return None
        # An entity aligned to half the sentence is an attention failure, not a name.
        if t_end - t_start > 3 * (end - start) + 12:
            return None
        return t_start, t_end


def _candidates(entity: Entity) -> list[str]:
    """Surface forms to look for: the text, its key, genitive-free variants."""
    forms = [entity.text]
    key = entity.key or entity_key(entity.text, entity.label.value)
    for form in (key, entity_key(entity.text, entity.label.value)):
        if form and form not in forms:
            forms.append(form)
    for form in list(forms):
        for ending in ("s", "es"):
            if form.endswith(ending) and len(form) > len(ending) + 2:
                stripped = form[: -len(ending)]
                if stripped not in forms:
                    forms.append(stripped)
    return forms


def _in_hyphen_compound(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is one part of a hyphen compound ("UN" in "UN-Gipfel")."""
    joined_after = end + 1 < len(text) and text[end] == "-" and text[end + 1].isalnum()
    joined_before = start >= 2 and text[start - 1] == "-" and text[start - 2].isalnum()
    return joined_after or joined_before


def _name_inside(
    span: tuple[int, int], forms: Sequence[str], target: _Target
) -> tuple[int, int] | None:
    """The name's own span inside an aligned English compound ("UN" in "UN General
    Debate"), matched exactly then normalized; ``None`` when it is not in there."""
    start, end = span
    inside = target.text[start:end]
    for form in forms:
        at = _occurrences(inside, form)
        if at:
            return start + at[0], start + at[0] + len(form)
    folded_inside, origin = _folded_with_map(inside)
    for form in forms:
        folded = fold(form)
        at = _occurrences(folded_inside, folded)
        if at:
            return start + origin[at[0]], start + origin[at[0] + len(folded) - 1] + 1
    return None


def _project_one(entity: Entity, sentence: Sentence, target: _Target) -> tuple[int, int] | None:
    source_start = entity.start - sentence.start
    source_end = entity.end - sentence.start
    position = source_start / max(sentence.end - sentence.start, 1)
    forms = _candidates(entity)
    span = target.aligned(source_start, source_end)
    compound_span: tuple[int, int] | None = None
    if span is not None and _in_hyphen_compound(sentence.text, source_start, source_end):
        # The alignment links the whole German compound to the whole English one; the
        # highlight belongs on the name only, as on the German side.
        compound_span, span = span, _name_inside(span, forms, target)
    if span is not None and target.free(*span):
        return span
    for form in forms:
        span = target.exact(form, position)
        if span is not None:
            return span
    for form in forms:
        span = target.normalized(form, position)
        if span is not None:
            return span
    for form in forms:
        english = exonyms().get(form) or _folded_exonyms().get(fold(form))
        if english:
            span = target.exact(english, position) or target.normalized(english, position)
            if span is not None:
                return span
    if compound_span is not None and target.free(*compound_span):
        return compound_span
    return None


def project_entities(
    entities: Sequence[Entity],
    sentences: Sequence[Sentence],
    translations: Mapping[int, Translation] | Iterable[Translation],
) -> tuple[Entity, ...]:
    """Entities with ``target_start``/``target_end`` set to their span in the English of
    their sentence, or left ``None`` when no method finds them."""
    if isinstance(translations, Mapping):
        by_id: Mapping[int, Translation] = translations
    else:
        by_id = {t.sentence_id: t for t in translations}
    sentence_by_id = {s.id: s for s in sentences}
    targets: dict[int, _Target] = {}
    out: list[Entity] = []
    for entity in entities:
        sentence = sentence_by_id.get(entity.sentence_id)
        translation = by_id.get(entity.sentence_id)
        if sentence is None or translation is None or not translation.text:
            out.append(replace(entity, target_start=None, target_end=None))
            continue
        target = targets.get(entity.sentence_id)
        if target is None:
            target = targets[entity.sentence_id] = _Target(translation)
        span = _project_one(entity, sentence, target)
        if span is None:
            out.append(replace(entity, target_start=None, target_end=None))
            continue
        target.taken.append(span)
        out.append(replace(entity, target_start=span[0], target_end=span[1]))
    return tuple(out)
