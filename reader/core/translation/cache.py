"""Persistent translation cache: SQLite in WAL mode, disposable by design.

A row is keyed by the model's identity (package code, version and a digest of its weights),
the decoding settings and the exact source sentence, and stores the English, its score and
its word alignment. The cache is only an accelerator: when the file is damaged it is moved
aside (``<name>.corrupt-<timestamp>``) and a fresh one is started, and any database error
later on turns into a miss, never a crash.

The cache is kept under a size cap by ``prune()``: every row remembers when it was last
used (written or read), and the least recently used rows go first. Files written before
the ``used`` column existed are migrated in place (``ALTER TABLE``; their rows count as
never read and go first, oldest written first). The default cap is 200 MB: a cached news
sentence takes about 1.1 KB on disk (German, English, alignment, key), so that holds some
180,000 sentences, ~7,000 articles, years of daily reading before anything is forgotten,
while costing no more disk than two translation models.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import math
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.bounded_json import JsonRejected, loads_bounded
from reader.core.document.model import AlignedSpan
from reader.core.paths import sqlite_file_bytes
from reader.core.translation.cache_pruning import PAGES_SQL, PRUNE_MAX_ROWS, prune_rows

log = logging.getLogger(__name__)

# A result row: its columns' types are the schema's, which sqlite3 does not tell the checker.
_Row = tuple[Any, ...]

SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    model TEXT NOT NULL,
    settings TEXT NOT NULL,
    source TEXT NOT NULL,
    text TEXT NOT NULL,
    score REAL NOT NULL,
    alignment TEXT NOT NULL,
    created REAL NOT NULL,
    used REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (model, settings, source)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS model_digests (
    path TEXT PRIMARY KEY,
    mtime_ns INTEGER NOT NULL,
    size INTEGER NOT NULL,
    digest TEXT NOT NULL
);
"""
# A stored alignment is ~25 bytes a word; 8 MiB covers a 300,000-word sentence.
MAX_ALIGNMENT_BYTES = 8 << 20
# SQLite limits host parameters per statement; stay well below it.
CHUNK = 400
# The default cap (why 200 MB: see the module's docstring).
DEFAULT_MAX_BYTES = 200 * 1024 * 1024
# A row read again within this time is not rewritten: a reopened document costs no writes.
REFRESH_AFTER = 3600.0

_digest_memo: dict[tuple[str, int, int], str] = {}
_digest_lock = threading.Lock()


@dataclass(frozen=True)
class PruneResult:
    """What one ``prune()`` did: rows deleted and the database's size before and after."""

    deleted: int
    size_before: int
    size_after: int


@dataclass(frozen=True)
class CachedTranslation:
    """One cached result for a source sentence."""

    text: str
    score: float
    alignment: tuple[AlignedSpan, ...]


def file_digest(path: Path, cache: TranslationCache | None = None) -> str:
    """SHA-256 of a (large) model file, memoized by (path, mtime, size).

    The memo lives in the process and, when a cache is given, in the cache database, so a
    reopened application does not re-read ~90 MB of weights.
    """
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    with _digest_lock:
        if key in _digest_memo:
            return _digest_memo[key]
    digest = cache.stored_digest(*key) if cache is not None else None
    if digest is None:
        hasher = hashlib.sha256()
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                hasher.update(block)
        digest = hasher.hexdigest()
        if cache is not None:
            cache.store_digest(*key, digest)
    with _digest_lock:
        _digest_memo[key] = digest
    return digest


class TranslationCache:
    """The cache database at ``path``; safe to share between threads (one lock).

    ``max_bytes``: the cap ``prune()`` keeps to; ``clock``: the time stamps of use (tests).
    """

    def __init__(
        self,
        path: Path,
        *,
        max_bytes: int | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = Path(path)
        self.max_bytes = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
        self._clock = clock
        self._lock = threading.RLock()
        self._connection: sqlite3.Connection | None = None
        with self._lock:
            self._open()

    # --- public ---------------------------------------------------------------------

    def get_many(
        self, model: str, settings: str, sources: Iterable[str]
    ) -> dict[str, CachedTranslation]:
        """Cached results for those of ``sources`` that have one; marks them as used now."""
        wanted = list(dict.fromkeys(sources))
        found: dict[str, CachedTranslation] = {}
        now = self._clock()
        stale: list[tuple[float, str, str, str]] = []
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self._run(
                "SELECT source, text, score, alignment, used FROM translations "
                f"WHERE model = ? AND settings = ? AND source IN ({marks})",
                (model, settings, *chunk),
            )
            for source, text, score, alignment, used in rows:
                if not isinstance(text, str):
                    continue  # a damaged row is a miss, translated again
                found[source] = CachedTranslation(text, _score(score), _load_alignment(alignment))
                if not isinstance(used, (int, float)) or used < now - REFRESH_AFTER:
                    stale.append((now, model, settings, source))
        if stale:  # one transaction; a failure here only loses the recency, never the hits
            self._run(
                "UPDATE translations SET used = ? WHERE model = ? AND settings = ? AND source = ?",
                stale,
                many=True,
            )
        return found

    def put_many(
        self, model: str, settings: str, entries: Sequence[tuple[str, CachedTranslation]]
    ) -> None:
        """Store results (replacing older ones for the same key) in one transaction."""
        if not entries:
            return
        now = self._clock()
        rows = [
            (model, settings, source, c.text, c.score, _dump_alignment(c.alignment), now, now)
            for source, c in entries
        ]
        self._run(
            "INSERT OR REPLACE INTO translations "
            "(model, settings, source, text, score, alignment, created, used) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
            many=True,
        )

    def size_bytes(self) -> int:
        """Bytes on disk, including the WAL and shared-memory files."""
        return sqlite_file_bytes(self.path)

    def database_bytes(self) -> int:
        """The database's own size (pages in use or free; not the write-ahead log)."""
        rows = self._run(PAGES_SQL, ())
        return int(rows[0][0]) if rows else 0

    def prune(self, max_bytes: int | None = None, *, max_rows: int = PRUNE_MAX_ROWS) -> PruneResult:
        """Keep the database under ``max_bytes`` (default: the cache's cap).

        Cheap under the cap (one query). Over it, the least recently used rows are deleted
        until the rest would fill about ``PRUNE_TARGET`` of the cap (at most ``max_rows``
        per call); then an incremental vacuum gives the space back when the freed pages
        suffice, otherwise one ``VACUUM`` (packs half-empty pages, converts an old file to
        incremental auto-vacuum; briefly needs the file's size again in temporary space and
        in the log), and the log is checkpointed and truncated. About 1 s for 50 MB: call
        it from a worker thread. Database errors are logged, never raised.
        """
        cap = self.max_bytes if max_bytes is None else max_bytes
        with self._lock:
            before = self.database_bytes()
            if before <= cap:
                return PruneResult(0, before, before)
            deleted = 0
            try:
                deleted = prune_rows(self._connection, cap, max_rows)
            except sqlite3.DatabaseError as error:
                log.warning("pruning the translation cache failed, ignored: %s", error)
                if _is_corruption(error):
                    self._move_aside()
            return PruneResult(deleted, before, self.database_bytes())

    def count(self) -> int:
        """Number of cached sentences."""
        rows = self._run("SELECT COUNT(*) FROM translations", ())
        return int(rows[0][0]) if rows else 0

    def clear(self) -> None:
        """Forget every cached translation and give the space back."""
        with self._lock:
            self._run("DELETE FROM translations", ())
            if self._connection is None:
                return
            with contextlib.suppress(sqlite3.Error):
                self._connection.execute("VACUUM")
                self._connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        """Close the database; the object must not be used afterwards."""
        with self._lock:
            if self._connection is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._connection.close()
                self._connection = None

    def stored_digest(self, path: str, mtime_ns: int, size: int) -> str | None:
        """A model digest remembered for this exact file state, if any."""
        rows = self._run(
            "SELECT digest FROM model_digests WHERE path = ? AND mtime_ns = ? AND size = ?",
            (path, mtime_ns, size),
        )
        return str(rows[0][0]) if rows else None

    def store_digest(self, path: str, mtime_ns: int, size: int, digest: str) -> None:
        """Remember a model digest for this file state."""
        self._run(
            "INSERT OR REPLACE INTO model_digests VALUES (?, ?, ?, ?)",
            (path, mtime_ns, size, digest),
        )

    # --- internals ------------------------------------------------------------------

    def _open(self) -> None:
        """Connect; a damaged file is moved aside and replaced. Never raises."""
        try:
            self._connect()
            return
        except sqlite3.DatabaseError as error:
            if not _is_corruption(error):
                log.warning("translation cache %s unavailable: %s", self.path, error)
                return
            log.warning("translation cache %s damaged (%s); starting anew", self.path, error)
        except OSError as error:
            log.warning("translation cache %s unavailable: %s", self.path, error)
            return
        self._move_aside()
        try:
            self._connect()
        except (sqlite3.Error, OSError) as error:
            log.warning("translation cache %s unavailable: %s", self.path, error)

    def _connect(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(
            self.path, timeout=5.0, check_same_thread=False, isolation_level=None
        )
        try:
            # Before any table exists, so that a new file can give pages back cheaply; on an
            # old file it takes effect at the next VACUUM.
            connection.execute("PRAGMA auto_vacuum=INCREMENTAL")
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            # Cleared or pruned translations are overwritten, not just unlinked: people read
            # documents here they would not want recovered from a disk image.
            connection.execute("PRAGMA secure_delete=ON")
            # A checkpoint after a big write (a prune) shrinks the log back to this size.
            connection.execute(f"PRAGMA journal_size_limit={8 * 1024 * 1024}")
            connection.executescript(SCHEMA)
            _add_used_column(connection)
        except sqlite3.DatabaseError:
            connection.close()
            raise
        self._connection = connection

    def _move_aside(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(sqlite3.Error):
                self._connection.close()
            self._connection = None
        stamp = time.strftime("%Y%m%d-%H%M%S")
        for suffix in ("", "-wal", "-shm"):
            current = Path(f"{self.path}{suffix}")
            if current.exists():
                target = Path(f"{self.path}{suffix}.corrupt-{stamp}")
                with contextlib.suppress(OSError):
                    os.replace(current, target)

    def _run(self, sql: str, params: object, *, many: bool = False) -> list[_Row]:
        """Run one statement; a damaged database is rebuilt once, then errors are misses."""
        with self._lock:
            for attempt in range(2):
                try:
                    if self._connection is None:
                        self._open()
                    if self._connection is None:
                        return []
                    if many:
                        with self._connection:
                            self._connection.execute("BEGIN")
                            self._connection.executemany(sql, params)  # type: ignore[arg-type]
                        return []
                    return self._connection.execute(sql, params).fetchall()  # type: ignore[arg-type]
                except sqlite3.DatabaseError as error:
                    if attempt == 1 or not _is_corruption(error):
                        log.warning("translation cache error, ignored: %s", error)
                        return []
                    log.warning("translation cache %s damaged (%s); rebuilding", self.path, error)
                    self._move_aside()
            return []


def _add_used_column(connection: sqlite3.Connection) -> None:
    """Migrate a file from before ``used`` existed, in place (a schema change only)."""
    columns = {row[1] for row in connection.execute("PRAGMA table_info(translations)")}
    if "used" in columns:
        return
    try:
        connection.execute("ALTER TABLE translations ADD COLUMN used REAL NOT NULL DEFAULT 0")
    except sqlite3.OperationalError as error:
        if "duplicate column" in str(error).lower():
            return  # another process (the CLI, a second window) migrated it just now
        raise


def _is_corruption(error: sqlite3.DatabaseError) -> bool:
    """Damage worth rebuilding for (not: locked, disk full, read-only)."""
    message = str(error).lower()
    return any(word in message for word in ("not a database", "malformed", "corrupt"))


def _dump_alignment(alignment: Sequence[AlignedSpan]) -> str:
    return json.dumps(
        [[a.source_start, a.source_end, a.target_start, a.target_end] for a in alignment],
        separators=(",", ":"),
    )


def _score(raw: object) -> float:
    """A stored score, or 0.0 when the row holds something that is not a finite number."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and math.isfinite(raw):
        return float(raw)
    return 0.0


def _load_alignment(raw: object) -> tuple[AlignedSpan, ...]:
    """A stored alignment; anything malformed is dropped (the sentence shows no links)."""
    if not isinstance(raw, str):
        return ()
    try:
        items = loads_bounded(raw, max_bytes=MAX_ALIGNMENT_BYTES, max_depth=2)
    except JsonRejected:
        return ()
    if not isinstance(items, list):
        return ()
    spans: list[AlignedSpan] = []
    for item in items:
        if (
            not isinstance(item, list)
            or len(item) != 4
            or not all(type(v) is int and v >= 0 for v in item)
        ):
            return ()
        spans.append(AlignedSpan(*item))
    return tuple(spans)
