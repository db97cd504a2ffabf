"""The glossary's one-click fix: the aligned English of the German term is replaced."""

from __future__ import annotations

from reader.core.checks.glossary import Term, check_glossary
from reader.core.checks.glossary_fix import aligned_span, use_glossary_term
from reader.core.checks.model import CheckKind, Finding
from reader.core.document.model import AlignedSpan

GERMAN = "Der Vertrag wurde gestern unterzeichnet."
ENGLISH = "The contract was signed yesterday."
# Der→The, Vertrag→contract, wurde→was, unterzeichnet→signed, gestern→yesterday
ALIGNMENT = (
    AlignedSpan(0, 3, 0, 3),
    AlignedSpan(4, 11, 4, 12),
    AlignedSpan(12, 17, 13, 16),
    AlignedSpan(26, 39, 17, 23),
    AlignedSpan(18, 25, 24, 33),
)


def test_the_aligned_english_of_the_term_is_replaced() -> None:
    [finding] = check_glossary(GERMAN, ENGLISH, [Term("Vertrag", "treaty")])
    assert aligned_span(ENGLISH, ALIGNMENT, finding.de_start, finding.de_end) == (4, 12)
    fixed = use_glossary_term(ENGLISH, ALIGNMENT, finding)
    assert fixed == "The treaty was signed yesterday."
    assert check_glossary(GERMAN, fixed, [Term("Vertrag", "treaty")]) == []


def test_a_term_that_begins_the_sentence_is_capitalized() -> None:
    finding = Finding(CheckKind.GLOSSARY, 0, 3, "Der", "this")
    assert use_glossary_term(ENGLISH, ALIGNMENT, finding) == "This contract was signed yesterday."


def test_no_fix_without_alignment_or_for_other_kinds() -> None:
    [finding] = check_glossary(GERMAN, ENGLISH, [Term("Vertrag", "treaty")])
    assert use_glossary_term(ENGLISH, (), finding) is None
    assert use_glossary_term(ENGLISH, ALIGNMENT[2:], finding) is None  # term not aligned
    number = Finding(CheckKind.NUMBER, 4, 11, "Vertrag", "treaty")
    assert use_glossary_term(ENGLISH, ALIGNMENT, number) is None
    # Links past the end of the English (an older alignment) never reach outside it.
    assert aligned_span("The", (AlignedSpan(4, 11, 2, 40),), 4, 11) == (2, 3)
