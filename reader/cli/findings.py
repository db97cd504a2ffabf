"""A check's finding in words and as JSON fields, for every command that prints findings.

Apart from ``check.py`` so that printing a translation never imports the checks themselves
(name tables, fuzzy matching: ~0.1 s of start-up).
"""

from __future__ import annotations

from reader.core.checks.model import Finding


def message(finding: Finding) -> str:
    """What is wrong, in a few words: ``"20 → 2 (expected 20)"``."""
    if finding.found is None:
        return f"{finding.de}: not in the English (expected {finding.expected})"
    return f"{finding.de} → {finding.found} (expected {finding.expected})"


def finding_record(finding: Finding) -> dict[str, str | None]:
    """A finding as JSON-ready fields (without where it is)."""
    return {
        "kind": finding.kind.value,
        "de": finding.de,
        "en": finding.found,
        "message": message(finding),
    }
