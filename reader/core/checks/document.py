"""Checking many sentence pairs at once, with the German names found by the recognizer."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from reader.core.checks.glossary import Term
from reader.core.checks.model import Finding
from reader.core.checks.pairs import check_pair
from reader.core.entities import rules as entity_rules


class SpanFinder(Protocol):
    """What the check needs of a recognizer (``EntityRecognizer`` is one)."""

    def spans(self, texts: Sequence[str]) -> list[list[entity_rules.RawSpan]]: ...


def german_names(finder: SpanFinder, texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
    """The names of each German sentence as ``(start, end, label)``, German rules applied."""
    raw = finder.spans(texts) if texts else []
    return [
        [(s.start, s.end, s.label) for s in entity_rules.refine_spans(text, spans)]
        for text, spans in zip(texts, raw, strict=True)
    ]


def check_pairs(
    pairs: Sequence[tuple[str, str]],
    finder: SpanFinder | None = None,
    glossary: Sequence[Term] = (),
) -> list[list[Finding]]:
    """The findings of each ``(German, English)`` pair; names only when ``finder`` is given."""
    germans = [german for german, _english in pairs]
    names = german_names(finder, germans) if finder is not None else [[] for _ in pairs]
    return [
        check_pair(german, english, entities, glossary)
        for (german, english), entities in zip(pairs, names, strict=True)
    ]
