"""The translation thread keeps the cache under its cap after a document, off the GUI."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from reader.core.document.model import AlignedSpan
from reader.core.packages.store import InstalledPackage
from reader.core.translation import cache as translation_cache
from reader.core.translation.cache import CachedTranslation, TranslationCache
from reader.workers.translation_worker import TranslationService

CAP = 96 * 1024
OLD = CachedTranslation("An old sentence, long read.", -0.5, (AlignedSpan(0, 3, 0, 2),))
SENTENCES = [(0, "Die Stadt plant eine Brücke."), (1, "Der Zug hat Verspätung.")]


def test_worker_prunes_the_cache_in_its_thread_after_a_document(
    qtbot, tiny_package: InstalledPackage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "translations.sqlite3"
    old = TranslationCache(path, clock=lambda: 1_000.0)
    old.put_many("old-model", "s", [(f"Ein alter Satz Nummer {i}.", OLD) for i in range(2000)])
    assert old.database_bytes() > CAP
    old.close()
    monkeypatch.setattr(translation_cache, "DEFAULT_MAX_BYTES", CAP)
    pruned_in: list[str] = []
    real_prune = TranslationCache.prune

    def spy(cache: TranslationCache, *args: object, **kwargs: object) -> object:
        pruned_in.append(threading.current_thread().name)
        return real_prune(cache, *args, **kwargs)

    monkeypatch.setattr(TranslationCache, "prune", spy)

    service = TranslationService(cache_path=path)
    try:
        with qtbot.waitSignal(service.translation_finished, timeout=30_000) as finished:
            service.translate(tiny_package, SENTENCES, 1)
        assert finished.args[1] is False
    finally:
        service.shutdown()  # the prune runs before the thread takes the close request

    assert pruned_in and threading.main_thread().name not in pruned_in
    cache = TranslationCache(path)
    assert cache.database_bytes() <= CAP
    assert 0 < cache.count() < 2002
    engine_rows = cache.count() - len(
        cache.get_many("old-model", "s", [f"Ein alter Satz Nummer {i}." for i in range(2000)])
    )
    assert engine_rows == len(SENTENCES)  # the document just translated is kept
    cache.close()
