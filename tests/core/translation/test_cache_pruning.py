"""Keeping the translation cache under its cap: recency, pruning, old files, damage."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest

from reader.core.document.model import AlignedSpan
from reader.core.translation.cache import REFRESH_AFTER, CachedTranslation, TranslationCache

ENTRY = CachedTranslation(
    "The city council plans a new bridge over the river.",
    -0.5,
    tuple(AlignedSpan(i * 5, i * 5 + 4, i * 5, i * 5 + 4) for i in range(9)),
)
OLD_SCHEMA = """
CREATE TABLE translations (
    model TEXT NOT NULL, settings TEXT NOT NULL, source TEXT NOT NULL, text TEXT NOT NULL,
    score REAL NOT NULL, alignment TEXT NOT NULL, created REAL NOT NULL,
    PRIMARY KEY (model, settings, source)
) WITHOUT ROWID;
CREATE TABLE model_digests (
    path TEXT PRIMARY KEY, mtime_ns INTEGER NOT NULL, size INTEGER NOT NULL,
    digest TEXT NOT NULL
);
"""


class Clock:
    """A hand-moved clock: the cache's notion of now."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "translations.sqlite3"


def sources(group: str, count: int) -> list[str]:
    return [f"Der Stadtrat plant eine neue Brücke, Satz {group}-{i}." for i in range(count)]


def put(cache: TranslationCache, texts: list[str]) -> None:
    cache.put_many("m", "s", [(text, ENTRY) for text in texts])


def present(cache: TranslationCache, texts: list[str]) -> int:
    """How many of ``texts`` are cached (read without touching their recency)."""
    with sqlite3.connect(cache.path) as connection:
        marks = ",".join("?" * len(texts))
        query = f"SELECT COUNT(*) FROM translations WHERE source IN ({marks})"
        return int(connection.execute(query, texts).fetchone()[0])


def used_times(path: Path) -> list[float]:
    with sqlite3.connect(path) as connection:
        return [row[0] for row in connection.execute("SELECT used FROM translations")]


def test_a_row_read_recently_outlives_a_newer_row_read_earlier(path: Path, clock: Clock) -> None:
    cache = TranslationCache(path, clock=clock)
    older, newer, newest = sources("a", 200), sources("b", 500), sources("c", 200)
    put(cache, older)
    clock.now += 1_000
    put(cache, newer)
    clock.now += 10_000
    assert len(cache.get_many("m", "s", newer)) == 500  # newer is read first …
    clock.now += 10_000
    assert len(cache.get_many("m", "s", older)) == 200  # … older is read last
    clock.now += 10_000
    put(cache, newest)
    cap = int(cache.database_bytes() * 0.7)

    result = cache.prune(cap)

    assert 0 < result.deleted < 500
    assert present(cache, newer) == 500 - result.deleted  # least recently used went first
    assert present(cache, older) == 200
    assert present(cache, newest) == 200
    assert cache.database_bytes() <= cap
    cache.close()


def test_reading_again_soon_writes_nothing(path: Path, clock: Clock) -> None:
    cache = TranslationCache(path, clock=clock)
    put(cache, ["Satz."])
    written = clock.now
    clock.now += REFRESH_AFTER / 2
    assert cache.get_many("m", "s", ["Satz."])
    assert used_times(path) == [written]
    clock.now += REFRESH_AFTER
    assert cache.get_many("m", "s", ["Satz."])
    assert used_times(path) == [clock.now]
    cache.close()


def test_tiny_cap_is_kept_while_documents_keep_coming(path: Path, clock: Clock) -> None:
    cap = 128 * 1024
    cache = TranslationCache(path, max_bytes=cap, clock=clock)
    for document in range(40):
        texts = sources(f"doc{document}", 100)
        put(cache, texts)
        clock.now += 60
        cache.prune()
        assert cache.database_bytes() <= cap
        assert present(cache, texts) == 100  # the document just read is kept whole
    assert 0 < cache.count() < 40 * 100
    assert present(cache, sources("doc0", 100)) == 0
    assert cache.size_bytes() <= cap + 64 * 1024  # the log is truncated, -shm is 32 KB
    cache.close()


def test_one_big_put_is_pruned_under_the_cap_newest_kept(path: Path, clock: Clock) -> None:
    cache = TranslationCache(path, max_bytes=256 * 1024, clock=clock)
    old = sources("old", 3000)
    put(cache, old)
    clock.now += 60
    put(cache, sources("new", 100))
    assert cache.database_bytes() > 256 * 1024
    result = cache.prune()
    assert result.size_after == cache.database_bytes() <= 256 * 1024
    assert result.size_before > result.size_after
    assert present(cache, sources("new", 100)) == 100
    assert cache.count() == 3100 - result.deleted
    cache.close()


def test_under_the_cap_nothing_is_deleted(path: Path, clock: Clock) -> None:
    cache = TranslationCache(path, clock=clock)  # the default cap, far above a few rows
    put(cache, sources("x", 50))
    result = cache.prune()
    assert result.deleted == 0
    assert result.size_before == result.size_after
    assert cache.count() == 50
    cache.close()


def test_one_call_deletes_at_most_max_rows(path: Path, clock: Clock) -> None:
    cache = TranslationCache(path, clock=clock)
    put(cache, sources("x", 2000))
    assert cache.prune(32 * 1024, max_rows=300).deleted == 300
    assert cache.count() == 1700
    assert cache.prune(32 * 1024, max_rows=300).deleted == 300
    cache.close()


def test_new_file_can_give_pages_back_incrementally(path: Path) -> None:
    TranslationCache(path).close()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA auto_vacuum").fetchone()[0] == 2  # incremental
        columns = [row[1] for row in connection.execute("PRAGMA table_info(translations)")]
    assert "used" in columns


def make_old_file(path: Path, rows: list[tuple[str, float]]) -> None:
    """A cache file as written before the ``used`` column (no auto-vacuum either)."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.executescript(OLD_SCHEMA)
    with connection:
        connection.executemany(
            "INSERT INTO translations VALUES ('m', 's', ?, ?, -0.5, '[[0,3,0,3]]', ?)",
            [(source, f"English {source}", created) for source, created in rows],
        )
    connection.close()


def test_old_file_is_migrated_in_place_and_keeps_its_rows(path: Path, clock: Clock) -> None:
    make_old_file(path, [("Alter Satz.", 5.0)])
    cache = TranslationCache(path, clock=clock)
    found = cache.get_many("m", "s", ["Alter Satz."])
    assert found == {
        "Alter Satz.": CachedTranslation("English Alter Satz.", -0.5, (AlignedSpan(0, 3, 0, 3),))
    }
    put(cache, ["Neuer Satz."])
    assert cache.get_many("m", "s", ["Neuer Satz."]) == {"Neuer Satz.": ENTRY}
    assert sorted(used_times(path)) == [clock.now, clock.now]  # read, then written
    assert not list(path.parent.glob("*.corrupt-*"))
    cache.close()


def test_old_file_rows_go_first_oldest_first_and_file_converts(path: Path, clock: Clock) -> None:
    old = sources("old", 1500)
    make_old_file(path, [(source, float(i)) for i, source in enumerate(old)])
    cache = TranslationCache(path, clock=clock)
    fresh = sources("fresh", 300)
    put(cache, fresh)
    cap = int(cache.database_bytes() * 0.5)

    result = cache.prune(cap)

    assert cache.database_bytes() <= cap
    assert present(cache, fresh) == 300
    assert present(cache, old[: result.deleted]) == 0  # the earliest written went first
    assert present(cache, old[result.deleted :]) == 1500 - result.deleted
    with sqlite3.connect(path) as connection:  # the VACUUM turned incremental vacuum on
        assert connection.execute("PRAGMA auto_vacuum").fetchone()[0] == 2
    cache.close()


def test_corrupt_file_is_moved_aside_and_pruning_works_on_the_new_one(
    path: Path, clock: Clock
) -> None:
    path.write_bytes(b"\x00definitely not SQLite\xff" * 400)
    cache = TranslationCache(path, max_bytes=64 * 1024, clock=clock)
    assert cache.get_many("m", "s", ["Satz."]) == {}
    assert len(list(path.parent.glob("translations.sqlite3.corrupt-*"))) == 1
    put(cache, sources("x", 1000))
    cache.prune()
    assert 0 < cache.count() < 1000
    assert cache.database_bytes() <= 64 * 1024
    cache.close()


def forbid(path: Path, statement: str) -> None:
    """Make every ``statement`` (UPDATE, DELETE) on the table fail, as a broken disk would."""
    with sqlite3.connect(path) as connection:
        connection.execute(
            f"CREATE TRIGGER forbid_{statement} BEFORE {statement} ON translations "
            "BEGIN SELECT RAISE(ABORT, 'forbidden by the test'); END"
        )


def test_failing_recency_update_still_returns_the_hits(
    path: Path, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    cache = TranslationCache(path, clock=clock)
    put(cache, ["Satz."])
    forbid(path, "UPDATE")
    clock.now += 2 * REFRESH_AFTER
    with caplog.at_level(logging.WARNING, logger="reader.core.translation.cache"):
        assert cache.get_many("m", "s", ["Satz."]) == {"Satz.": ENTRY}
    assert "forbidden by the test" in caplog.text
    assert cache.count() == 1
    cache.close()


def test_failing_prune_is_logged_not_raised(
    path: Path, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    cache = TranslationCache(path, clock=clock)
    put(cache, sources("x", 500))
    forbid(path, "DELETE")
    with caplog.at_level(logging.WARNING, logger="reader.core.translation.cache"):
        result = cache.prune(16 * 1024)
    assert result.deleted == 0
    assert "forbidden by the test" in caplog.text
    assert cache.count() == 500  # nothing lost, nothing moved aside
    assert not list(path.parent.glob("*.corrupt-*"))
    cache.close()


def pruning_statements(cache: TranslationCache, cap: int) -> list[str]:
    statements: list[str] = []
    cache._connection.set_trace_callback(statements.append)  # white box: which vacuum ran
    cache.prune(cap)
    return [s.split("(")[0].strip() for s in statements if "vacuum" in s.lower()]


def test_rows_of_an_old_model_are_given_back_without_a_full_vacuum(
    path: Path, clock: Clock
) -> None:
    cache = TranslationCache(path, clock=clock)
    texts = sources("x", 2000)
    cache.put_many("retired-model", "s", [(text, ENTRY) for text in texts])
    clock.now += 60
    cache.put_many("current-model", "s", [(text, ENTRY) for text in texts[:200]])
    cap = cache.database_bytes() // 2
    statements = pruning_statements(cache, cap)
    assert "PRAGMA incremental_vacuum;" in statements
    assert "VACUUM" not in statements
    assert cache.database_bytes() <= cap
    assert len(cache.get_many("current-model", "s", texts[:200])) == 200
    cache.close()


def test_scattered_old_rows_are_packed_by_a_full_vacuum(path: Path, clock: Clock) -> None:
    cache = TranslationCache(path, clock=clock)
    texts = sources("x", 2000)
    for start in range(0, 2000, 100):  # documents over time, their keys interleaved
        put(cache, texts[start // 100 :: 20])
        clock.now += 60
    size = cache.database_bytes()
    assert "VACUUM" in pruning_statements(cache, int(size * 0.8))
    assert cache.database_bytes() <= 0.8 * 0.9 * size  # packed, not just under the cap
    cache.close()
