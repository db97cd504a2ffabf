"""Saved words in a local SQLite database (WAL: a save is whole or absent, even after kill -9).

Unlike the translation cache the vocabulary is the reader's own work, so a database that
cannot be read is never deleted: it is moved aside (``<name>.corrupt-<timestamp>``, with its
``-wal`` and ``-shm`` files) and a fresh one is started; ``set_aside`` says where it went so
the interface can tell the reader.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS words (
    id INTEGER PRIMARY KEY,
    lemma TEXT NOT NULL,
    form TEXT NOT NULL,
    gloss TEXT NOT NULL,
    german TEXT NOT NULL,
    english TEXT NOT NULL,
    document TEXT NOT NULL,
    sentence_id INTEGER NOT NULL,
    created REAL NOT NULL,
    UNIQUE (lemma, form, german)
);
"""


@dataclass(frozen=True)
class NewWord:
    """A word to save: lemma, the form as found, its gloss, the sentence pair, where."""

    lemma: str
    form: str
    gloss: str
    german: str
    english: str
    document: str = ""
    sentence_id: int = -1


@dataclass(frozen=True)
class SavedWord:
    """A word in the vocabulary."""

    id: int
    lemma: str
    form: str
    gloss: str
    german: str
    english: str
    document: str
    sentence_id: int
    created: float


class VocabularyStore:
    """The vocabulary database at ``path``; one connection, safe to share between threads."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.set_aside: Path | None = None
        # Why the database cannot be used at all (its folder is a file, no permission, a
        # full disk): words then live in memory until the reader closes. None: all is well.
        self.unavailable: str | None = None
        self._lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self._connection = self._connect(str(self.path))
            except sqlite3.DatabaseError as error:
                if not self.path.is_file():
                    raise  # nothing there to be damaged: it cannot be opened at all
                log.warning("vocabulary %s unreadable (%s): set aside", self.path, error)
                self.set_aside = self._move_aside()
                self._connection = self._connect(str(self.path))
        except (OSError, sqlite3.Error) as error:
            log.warning("vocabulary %s unavailable: %s", self.path, error)
            self.unavailable = str(error)
            self._connection = self._connect(":memory:")

    def _connect(self, target: str) -> sqlite3.Connection:
        connection = sqlite3.connect(target, check_same_thread=False, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.executescript(SCHEMA)
            (status,) = connection.execute("PRAGMA quick_check").fetchone()
            if status != "ok":
                raise sqlite3.DatabaseError(f"quick_check: {status}")
        except sqlite3.DatabaseError:
            connection.close()
            raise
        return connection

    def _move_aside(self) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        for suffix in ("", "-wal", "-shm"):
            source = Path(f"{self.path}{suffix}")
            if source.exists():
                source.replace(Path(f"{target}{suffix}"))
        return target

    def add(self, word: NewWord) -> SavedWord:
        """Save ``word`` (one transaction); saving the same form in the same sentence again
        updates its gloss and keeps one entry."""
        now = time.time()
        with self._lock:
            connection = self._connection
            connection.execute("BEGIN IMMEDIATE")
            try:
                connection.execute(
                    "INSERT INTO words (lemma, form, gloss, german, english, document,"
                    " sentence_id, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (lemma, form, german) DO UPDATE SET gloss = excluded.gloss,"
                    " english = excluded.english",
                    (
                        word.lemma,
                        word.form,
                        word.gloss,
                        word.german,
                        word.english,
                        word.document,
                        word.sentence_id,
                        now,
                    ),
                )
                row = connection.execute(
                    "SELECT * FROM words WHERE lemma = ? AND form = ? AND german = ?",
                    (word.lemma, word.form, word.german),
                ).fetchone()
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
        return SavedWord(*row)

    def words(self, search: str = "") -> list[SavedWord]:
        """Every saved word, newest first; ``search`` keeps those whose lemma, form, gloss
        or sentences contain it (any case)."""
        query = "SELECT * FROM words"
        parameters: tuple[str, ...] = ()
        if search:
            pattern = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            pattern += "%"
            query += (
                " WHERE lemma LIKE ?1 ESCAPE '\\' OR form LIKE ?1 ESCAPE '\\'"
                " OR gloss LIKE ?1 ESCAPE '\\' OR german LIKE ?1 ESCAPE '\\'"
                " OR english LIKE ?1 ESCAPE '\\'"
            )
            parameters = (pattern,)
        with self._lock:
            rows = self._connection.execute(query + " ORDER BY created DESC, id DESC", parameters)
            return [SavedWord(*row) for row in rows.fetchall()]

    def delete(self, word_id: int) -> None:
        with self._lock:
            self._connection.execute("DELETE FROM words WHERE id = ?", (word_id,))

    def close(self) -> None:
        with self._lock, contextlib.suppress(sqlite3.Error):
            self._connection.close()


def vocabulary_path(data: Path) -> Path:
    """The vocabulary database in the data folder (``DataPaths.data``): not a cache."""
    return data / "vocabulary.sqlite3"
