"""The whole check of one sentence pair, and of many."""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.checks.currencies import check_currencies
from reader.core.checks.dates import check_dates, date_spans, time_spans
from reader.core.checks.glossary import Term, check_glossary
from reader.core.checks.model import Finding
from reader.core.checks.names import check_names
from reader.core.checks.numbers import check_numbers


def check_pair(
    german: str,
    english: str,
    entities: Sequence[tuple[int, int, str]] = (),
    glossary: Sequence[Term] = (),
) -> list[Finding]:
    """Everything of ``german`` that ``english`` lost or changed, in German order.

    ``entities`` are the German sentence's names as ``(start, end, label)``; without them
    only numbers, currencies and dates are checked. ``glossary`` terms the German uses must
    appear in their chosen English.
    """
    findings = check_numbers(german, english, date_spans(german), time_spans(german))
    findings += check_currencies(german, english)
    findings += check_dates(german, english)
    findings += check_names(german, english, entities)
    findings += check_glossary(german, english, glossary)
    findings.sort(key=lambda finding: (finding.de_start, finding.de_end))
    return findings


# One pair as the window sends it: (sentence id, German, English, the German's names as
# ``(start, end, label)`` relative to the sentence).
NumberedPair = tuple[int, str, str, tuple[tuple[int, int, str], ...]]


def check_numbered(
    pairs: Sequence[NumberedPair], glossary: Sequence[Term] = ()
) -> dict[int, tuple[Finding, ...]]:
    """The findings of each pair by its sentence id (a plain function: it runs in the
    window's child process, or on a job thread)."""
    return {sid: tuple(check_pair(de, en, names, glossary)) for sid, de, en, names in pairs}
