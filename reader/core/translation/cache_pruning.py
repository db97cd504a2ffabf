"""How the translation cache gives space back: delete least recently used rows, then vacuum.

Kept apart from the cache itself; works on the cache's open connection, under its lock.
"""

from __future__ import annotations

import contextlib
import math
import sqlite3

# Pruning goes down to this share of the cap, so it runs once per ~10 % of growth.
PRUNE_TARGET = 0.9
# Rows one prune() deletes at most (~100 MB): bounds one call's time and the log's growth.
PRUNE_MAX_ROWS = 100_000
PAGES_SQL = (
    "SELECT c.page_count * s.page_size, f.freelist_count, s.page_size "
    "FROM pragma_page_count() c, pragma_page_size() s, pragma_freelist_count() f"
)


def prune_rows(connection: sqlite3.Connection | None, cap: int, max_rows: int) -> int:
    """Delete least recently used rows until the rest fit ``PRUNE_TARGET`` of ``cap`` (at
    most ``max_rows``), give the space back and truncate the log; returns rows deleted.
    Database errors propagate (the cache turns them into log lines)."""
    if connection is None:
        return 0
    deleted = 0
    # The share-of-rows estimate is good on a packed file; a second or third round
    # only happens for tiny caps, where the fixed pages (schema, tables) weigh in.
    for attempt in range(3):
        size, free, page = connection.execute(PAGES_SQL).fetchone()
        if size <= cap:
            break
        rows = connection.execute("SELECT COUNT(*) FROM translations").fetchone()[0]
        in_use = size - free * page
        goal = PRUNE_TARGET * cap
        share = 1 - goal / in_use if in_use > goal else 0.0
        count = min(max_rows - deleted, rows, math.ceil(rows * share))
        if count <= 0 and attempt:
            break  # out of budget, or nothing left that deleting would help with
        if count > 0:
            with connection:
                connection.execute("BEGIN IMMEDIATE")
                connection.execute(
                    "DELETE FROM translations WHERE (model, settings, source) IN ("
                    "SELECT model, settings, source FROM translations "
                    "ORDER BY used, created LIMIT ?)",
                    (count,),
                )
            deleted += count
        _reclaim(connection, cap)
    return deleted


def _reclaim(connection: sqlite3.Connection, cap: int) -> None:
    """Give free space back to the file system, the cheap way when that suffices."""
    size, free, page = connection.execute(PAGES_SQL).fetchone()
    incremental = connection.execute("PRAGMA auto_vacuum").fetchone()[0] == 2
    # Enough when the freed pages take the file at least halfway from the cap down to the
    # target, as when the rows of a model no longer used go (their keys sit together).
    if incremental and size - free * page <= (1 + PRUNE_TARGET) / 2 * cap:
        # executescript: execute() would run this pragma for one page only.
        connection.executescript("PRAGMA incremental_vacuum;")
    else:
        # Deleted rows are scattered over the key order, so they mostly leave pages partly
        # empty rather than free; only VACUUM packs them (else the file would not shrink,
        # and later prunes would delete far more than needed).
        # In WAL mode it writes the new file through the log, hence the checkpoint.
        connection.execute("VACUUM")
    with contextlib.suppress(sqlite3.Error):
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
