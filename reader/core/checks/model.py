"""What a check finds: one problem in one German/English sentence pair."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class CheckKind(StrEnum):
    NUMBER = "number"
    CURRENCY = "currency"
    DATE = "date"
    NAME = "name"
    GLOSSARY = "glossary"


@dataclass(frozen=True)
class Finding:
    """Something of the German sentence that the English lost or changed.

    ``de_start``/``de_end`` index the German sentence; ``expected`` is what the English
    should contain (in an English form); ``found`` is what the English has in its place, or
    ``None`` when it has nothing that looks like it.
    """

    kind: CheckKind
    de_start: int
    de_end: int
    de: str
    expected: str
    found: str | None = None
