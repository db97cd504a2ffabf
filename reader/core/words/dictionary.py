"""Entries from an offline German–English dictionary installed on the system.

The Ding list (Debian/Ubuntu package ``trans-de-en``, ``/usr/share/trans/de-en``) is GPL, so
it is read where the system keeps it and never bundled. A line holds parallel sub-entries::

    Haus {n}; Häuser {pl} | Häuschen {n} :: house; houses | small house

German and English are split on `` :: ``, sub-entries on `` | ``, alternatives on ``;``.
Every German alternative, with its annotations (``{n}``, ``[ugs.]``, ``(etw.)``) removed,
is a headword of its sub-entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

DING_PATH = Path("/usr/share/trans/de-en")
MAX_ENTRIES = 6
_ANNOTATION = re.compile(r"\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|/[^/]*/")


@dataclass(frozen=True)
class DictionaryEntry:
    """One sub-entry: the German as written in the dictionary and its English."""

    german: str
    english: str


def headword(text: str) -> str:
    """``text`` without annotations and extra spaces: "Haus {n}" → "Haus"."""
    return " ".join(_ANNOTATION.sub(" ", text).split())


class Dictionary:
    """A Ding-format file indexed by headword (read once; a few seconds for the full list)."""

    def __init__(self, entries: dict[str, list[DictionaryEntry]]) -> None:
        self._entries = entries

    @classmethod
    def load(cls, path: Path) -> Dictionary:
        entries: dict[str, list[DictionaryEntry]] = {}
        with path.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if line.startswith("#") or " :: " not in line:
                    continue
                german, english = line.rstrip("\n").split(" :: ", 1)
                for german_part, english_part in zip(
                    german.split(" | "), english.split(" | "), strict=False
                ):
                    entry = DictionaryEntry(german_part.strip(), english_part.strip())
                    for word in {headword(a) for a in german_part.split(";")}:
                        if word:
                            entries.setdefault(word, []).append(entry)
        return cls(entries)

    @classmethod
    def installed(cls, path: Path = DING_PATH) -> Dictionary | None:
        """The system's dictionary, or None when it is not installed or cannot be read."""
        try:
            return cls.load(path) if path.is_file() else None
        except OSError:
            return None

    def look_up(self, *words: str) -> tuple[DictionaryEntry, ...]:
        """Entries for the first of ``words`` that has any (the lemma, then the form)."""
        for word in words:
            found = self._entries.get(word)
            if found:
                return tuple(dict.fromkeys(found))[:MAX_ENTRIES]
        return ()
