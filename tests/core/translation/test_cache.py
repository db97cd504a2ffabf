"""The persistent translation cache: round trips, keys, corruption, size, threads."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from reader.core.document.model import AlignedSpan
from reader.core.packages.store import InstalledPackage
from reader.core.translation.cache import CachedTranslation, TranslationCache, file_digest
from reader.core.translation.engine import TranslationEngine

ENTRY = CachedTranslation(
    "The city plans a bridge.", -0.25, (AlignedSpan(0, 3, 0, 3), AlignedSpan(4, 9, 4, 8))
)


@pytest.fixture
def cache(tmp_path: Path) -> TranslationCache:
    opened = TranslationCache(tmp_path / "cache" / "translations.sqlite3")
    yield opened
    opened.close()


def test_round_trip_keeps_text_score_and_alignment(cache: TranslationCache) -> None:
    cache.put_many("m1", "beam=4", [("Die Stadt plant eine Brücke.", ENTRY)])
    found = cache.get_many("m1", "beam=4", ["Die Stadt plant eine Brücke.", "Fehlt."])
    assert found == {"Die Stadt plant eine Brücke.": ENTRY}


def test_model_and_settings_are_part_of_the_key(cache: TranslationCache) -> None:
    cache.put_many("m1", "beam=4", [("Satz.", ENTRY)])
    assert cache.get_many("m2", "beam=4", ["Satz."]) == {}
    assert cache.get_many("m1", "beam=1", ["Satz."]) == {}
    assert cache.get_many("m1", "beam=4", ["Satz. "]) == {}  # exact source text only


def test_many_sources_in_one_lookup(cache: TranslationCache) -> None:
    sources = [f"Satz Nummer {i}." for i in range(1000)]
    cache.put_many("m", "s", [(s, ENTRY) for s in sources])
    assert len(cache.get_many("m", "s", sources)) == 1000
    assert cache.count() == 1000


def test_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite3"
    first = TranslationCache(path)
    first.put_many("m", "s", [("Satz.", ENTRY)])
    first.close()
    second = TranslationCache(path)
    assert second.get_many("m", "s", ["Satz."]) == {"Satz.": ENTRY}
    second.close()


def test_corrupt_file_is_moved_aside_and_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite3"
    path.write_bytes(b"\x00garbage, not SQLite\xff" * 500)
    cache = TranslationCache(path)
    assert cache.get_many("m", "s", ["Satz."]) == {}
    cache.put_many("m", "s", [("Satz.", ENTRY)])
    assert cache.get_many("m", "s", ["Satz."]) == {"Satz.": ENTRY}
    aside = list(tmp_path.glob("t.sqlite3.corrupt-*"))
    assert len(aside) == 1
    assert aside[0].read_bytes().startswith(b"\x00garbage")
    cache.close()


def test_file_damaged_while_open_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite3"
    cache = TranslationCache(path)
    cache.put_many("m", "s", [("Satz.", ENTRY)])
    cache.close()
    with path.open("r+b") as handle:  # wreck the header and the first pages
        handle.write(b"\xff" * 4096)
    cache = TranslationCache(path)
    assert cache.get_many("m", "s", ["Satz."]) == {}
    cache.put_many("m", "s", [("Satz.", ENTRY)])
    assert cache.count() == 1
    assert list(tmp_path.glob("t.sqlite3.corrupt-*"))
    cache.close()


def test_size_and_clear(cache: TranslationCache) -> None:
    cache.put_many("m", "s", [(f"Satz {i}.", ENTRY) for i in range(200)])
    assert cache.size_bytes() > 0
    cache.clear()
    assert cache.count() == 0
    assert cache.get_many("m", "s", ["Satz 1."]) == {}


def test_cleared_sentences_leave_no_trace_in_the_files(tmp_path: Path) -> None:
    path = tmp_path / "translations.sqlite3"
    cache = TranslationCache(path)
    secret = "Der Informant trifft sich am Dienstag mit Frau Quellwitz."
    cache.put_many("m", "s", [(secret, ENTRY)] + [(f"Satz {i}.", ENTRY) for i in range(50)])
    cache.clear()
    cache.close()
    files = [p for p in tmp_path.iterdir() if p.name.startswith(path.name)]
    assert files
    for file in files:
        assert b"Quellwitz" not in file.read_bytes(), file.name


def test_usable_from_a_worker_thread(cache: TranslationCache) -> None:
    errors: list[BaseException] = []

    def work() -> None:
        try:
            cache.put_many("m", "s", [("Satz.", ENTRY)])
            assert cache.get_many("m", "s", ["Satz."])
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert errors == []
    assert cache.get_many("m", "s", ["Satz."]) == {"Satz.": ENTRY}


def test_model_digest_is_remembered_and_follows_the_file(
    tmp_path: Path, cache: TranslationCache
) -> None:
    weights = tmp_path / "model.bin"
    weights.write_bytes(b"weights one")
    first = file_digest(weights, cache)
    stat = weights.stat()
    assert cache.stored_digest(str(weights.resolve()), stat.st_mtime_ns, stat.st_size) == first
    weights.write_bytes(b"other weights, longer")
    assert file_digest(weights, cache) != first


def test_reopened_document_translates_nothing(
    tiny_package: InstalledPackage, tmp_path: Path
) -> None:
    sentences = [(0, "Die Stadt plant eine Brücke."), (1, "Der Zug hat Verspätung.")]
    path = tmp_path / "translations.sqlite3"
    first_cache = TranslationCache(path)
    first = TranslationEngine(tiny_package, threads=1, cache=first_cache)
    translated = first.translate(sentences)
    assert first.model_calls == 1
    first_cache.close()

    second_cache = TranslationCache(path)
    second = TranslationEngine(tiny_package, threads=1, cache=second_cache)
    batches: list[list[object]] = []
    again = second.translate(sentences, on_batch=batches.append)
    assert second.model_calls == 0
    assert not second.loaded
    assert again == translated
    assert len(batches) == 1
    second_cache.close()


def test_unusable_location_means_no_cache_not_a_crash(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    cache = TranslationCache(blocker / "translations.sqlite3")
    cache.put_many("m", "s", [("Satz.", ENTRY)])
    assert cache.get_many("m", "s", ["Satz."]) == {}
    assert cache.count() == 0
    assert cache.size_bytes() == 0
    assert cache.prune(1).deleted == 0
    cache.clear()
    cache.close()
