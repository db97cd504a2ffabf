"""The reader's own English for sentences, kept per document in the data folder.

An edit (or a chosen alternative) is stored apart from the model's output, keyed by the
document (its path) and the sentence's German, so it survives reopening the document, and
follows the sentence when the text around it changes. A store that cannot be opened or
written (read-only folder, damaged file) loses nothing on screen: the edits of the open
document stay in memory, and ``EditStoreError`` says why they are not kept.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from reader.core.document.model import Translation
from reader.core.edits.alignment import carry_alignment

_SCHEMA = """
CREATE TABLE IF NOT EXISTS edits (
    document TEXT NOT NULL,
    source TEXT NOT NULL,
    english TEXT NOT NULL,
    PRIMARY KEY (document, source)
)
"""


class EditStoreError(Exception):
    """The edits file could not be read or written; carries the path and the reason."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def document_key(path: Path) -> str:
    """The key of a document: its absolute path (symbolic links resolved when possible)."""
    try:
        return str(path.resolve())
    except OSError:
        return str(path.absolute())


def edited(translation: Translation, edits: Mapping[str, str]) -> Translation:
    """The translation with the reader's English (by German sentence) in place of the
    model's, if there is one; of the model's word alignment, the links of the words the
    reader kept stay."""
    english = edits.get(translation.source)
    if english is None:
        return translation
    words = carry_alignment(translation.text, translation.alignment, english)
    return replace(translation, text=english, alignment=words)


def with_edits(
    translations: Mapping[int, Translation], edits: Mapping[str, str]
) -> dict[int, Translation]:
    """The translations with the reader's English in place of the model's."""
    return {sid: edited(t, edits) for sid, t in translations.items()}


class EditStore:
    """User versions of sentences by (document, German sentence); opened on each call, so
    it holds no connection between calls and any thread may use it."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=5)
        connection.execute(_SCHEMA)
        return connection

    def _run(self, sql: str, parameters: tuple[str, ...]) -> list[tuple[str, str]]:
        try:
            connection = self._connect()
            try:
                with connection:
                    rows = connection.execute(sql, parameters).fetchall()
            finally:
                connection.close()
        except (OSError, sqlite3.Error) as error:
            raise EditStoreError(self.path, str(error)) from error
        return [(str(a), str(b)) for a, b in rows]

    def load(self, document: str) -> dict[str, str]:
        """The user's English of each edited German sentence of ``document``."""
        if not self.path.exists():
            return {}
        rows = self._run("SELECT source, english FROM edits WHERE document = ?", (document,))
        return dict(rows)

    def put(self, document: str, source: str, english: str) -> None:
        """Keep ``english`` as the user's version of ``source`` in ``document``."""
        self._run(
            "INSERT OR REPLACE INTO edits (document, source, english) VALUES (?, ?, ?)",
            (document, source, english),
        )

    def remove(self, document: str, source: str) -> None:
        """Forget the user's version: the model's English comes back."""
        if self.path.exists():
            self._run("DELETE FROM edits WHERE document = ? AND source = ?", (document, source))
