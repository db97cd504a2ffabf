"""The one-click fix of a glossary finding: the English the German term became, replaced.

The model's word alignment says which English words came from the German term; those (from
the first to the last) are replaced by the glossary's English. Without an alignment link
for the term (in the reader's own English, a word they changed has none) no fix is offered.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.checks.model import CheckKind, Finding
from reader.core.document.model import AlignedSpan


def aligned_span(
    english: str, alignment: Sequence[AlignedSpan], start: int, end: int
) -> tuple[int, int] | None:
    """The English span aligned with the German ``[start, end)`` (None when nothing is)."""
    targets = [
        (link.target_start, link.target_end)
        for link in alignment
        if link.source_start < end and link.source_end > start
    ]
    if not targets:
        return None
    first = max(0, min(s for s, _e in targets))
    last = min(len(english), max(e for _s, e in targets))
    return (first, last) if first < last else None


def use_glossary_term(
    english: str, alignment: Sequence[AlignedSpan], finding: Finding
) -> str | None:
    """The English with the glossary term in place of what the German term became; None
    when the finding is no glossary finding or the term has no aligned English."""
    if finding.kind is not CheckKind.GLOSSARY:
        return None
    span = aligned_span(english, alignment, finding.de_start, finding.de_end)
    if span is None:
        return None
    start, end = span
    term = finding.expected
    if start == 0 and english[:1].isupper() and term[:1].islower():
        term = term[:1].upper() + term[1:]  # it begins the sentence
    return english[:start] + term + english[end:]
