"""The translation thread counts and erases the stored translations it owns."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from reader.core.document.model import AlignedSpan
from reader.core.paths import sqlite_file_bytes
from reader.core.translation.cache import CachedTranslation, TranslationCache
from reader.workers.translation_worker import TranslationService

ROW = CachedTranslation("The city plans a bridge.", -0.5, (AlignedSpan(0, 3, 0, 3),))


def fill(path: Path, rows: int) -> None:
    cache = TranslationCache(path)
    cache.put_many("model", "settings", [(f"Satz Nummer {i}.", ROW) for i in range(rows)])
    cache.close()


def test_count_reports_rows_and_bytes(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "translations.sqlite3"
    fill(path, 7)
    service = TranslationService(cache_path=path)
    try:
        with qtbot.waitSignal(service.cache_counted, timeout=10_000) as counted:
            service.count_cache()
    finally:
        service.shutdown()
    count, size = counted.args
    assert count == 7
    assert size >= sqlite_file_bytes(path) > 0  # the open database may also have a log


def test_count_of_a_missing_file_is_zero_and_creates_nothing(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "translations.sqlite3"
    service = TranslationService(cache_path=path)
    try:
        with qtbot.waitSignal(service.cache_counted, timeout=10_000) as counted:
            service.count_cache()
    finally:
        service.shutdown()
    assert counted.args == [0, 0]
    assert not path.exists()


def test_clear_runs_in_the_translation_thread_and_erases_every_row(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "translations.sqlite3"
    fill(path, 20)
    aside = tmp_path / "translations.sqlite3.corrupt-20260101-000000"
    aside.write_bytes(b"an old damaged copy with translations in it")
    cleared_in: list[str] = []
    real_clear = TranslationCache.clear

    def spy(cache: TranslationCache) -> None:
        cleared_in.append(threading.current_thread().name)
        real_clear(cache)

    monkeypatch.setattr(TranslationCache, "clear", spy)
    service = TranslationService(cache_path=path)
    try:
        with qtbot.waitSignal(service.cache_cleared, timeout=10_000):
            service.clear_cache()
    finally:
        service.shutdown()
    assert cleared_in and threading.main_thread().name not in cleared_in
    assert TranslationCache(path).count() == 0
    assert not aside.exists()


def test_clear_without_a_file_just_reports_done(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "translations.sqlite3"
    service = TranslationService(cache_path=path)
    try:
        with qtbot.waitSignal(service.cache_cleared, timeout=10_000):
            service.clear_cache()
    finally:
        service.shutdown()
    assert not path.exists()
