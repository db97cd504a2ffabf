"""The user's glossary: German terms and the English each must become, kept as CSV.

A pair is flagged when its German uses a glossary term (in any inflected form: "Vertrag",
"Vertrages", "Verträge" is not covered — list such forms separately) and its English does
not use the chosen English term (case and a plural -s ignored).
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.core.checks.model import CheckKind, Finding
from reader.core.errors import ReaderError

_INFLECTION = r"(?:e|s|es|n|en|er|ern|em)?"
MAX_GLOSSARY_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class Term:
    """One glossary entry: this German term is translated as this English term."""

    german: str
    english: str


@dataclass
class GlossaryError(ReaderError):
    """A glossary file that cannot be read or written (``reason``: what the system said)."""

    path: Path
    reason: str
    line: int = 0

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.reason}"


def parse_glossary(text: str, path: Path) -> list[Term]:
    """Terms of CSV text (``german,english``; a header line and blank lines are skipped)."""
    terms: dict[str, Term] = {}
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) < 2 or not row[0].strip() or not row[1].strip():
            raise GlossaryError(path, "expected: German term, English term", number)
        german, english = row[0].strip(), row[1].strip()
        if number == 1 and (german.lower(), english.lower()) == ("german", "english"):
            continue
        terms[german] = Term(german, english)  # a later line replaces an earlier one
    return sorted(terms.values(), key=lambda term: term.german.casefold())


def load_glossary(path: Path) -> list[Term]:
    """The terms in ``path``; none when the file does not exist."""
    try:
        if path.stat().st_size > MAX_GLOSSARY_BYTES:
            raise GlossaryError(path, f"larger than {MAX_GLOSSARY_BYTES:,} bytes")
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as error:
        raise GlossaryError(path, getattr(error, "strerror", None) or str(error)) from None
    return parse_glossary(text, path)


def save_glossary(path: Path, terms: Iterable[Term]) -> None:
    """Write the terms as CSV (with a header), replacing the file in one step."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["german", "english"])
    for term in sorted(terms, key=lambda t: t.german.casefold()):
        writer.writerow([term.german, term.english])
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".glossary-")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(out.getvalue())
        os.replace(temporary, path)
    except OSError as error:
        raise GlossaryError(path, error.strerror or str(error)) from None


def with_term(terms: Sequence[Term], term: Term) -> list[Term]:
    """The terms with ``term`` added (replacing one for the same German)."""
    return [t for t in terms if t.german != term.german] + [term]


def without_term(terms: Sequence[Term], german: str) -> list[Term]:
    """The terms without the one for ``german``."""
    return [t for t in terms if t.german != german]


def _german_pattern(term: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(term)}{_INFLECTION}(?!\w)", re.IGNORECASE)


def _english_pattern(term: str) -> re.Pattern[str]:
    stem = re.escape(term)
    if term.endswith("y") and len(term) > 2:  # "treaty", "treaties"
        stem = re.escape(term[:-1]) + "(?:y|ies)"
    return re.compile(rf"(?<!\w){stem}(?:s|es)?(?!\w)", re.IGNORECASE)


def check_glossary(german: str, english: str, terms: Sequence[Term]) -> list[Finding]:
    """Glossary terms the German uses whose English term the English does not."""
    findings = []
    for term in terms:
        match = _german_pattern(term.german).search(german)
        if match is None or _english_pattern(term.english).search(english):
            continue
        findings.append(
            Finding(CheckKind.GLOSSARY, match.start(), match.end(), match.group(), term.english)
        )
    return findings
