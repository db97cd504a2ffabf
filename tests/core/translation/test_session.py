"""The translation session: one engine per package, the beam chosen per call, the cache
opened, pruned and closed once; the one check of beam sizes."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.errors import InvalidBeamSize
from reader.core.packages.store import InstalledPackage
from reader.core.translation.cache import TranslationCache
from reader.core.translation.decoding import BEAM_SIZES, DEFAULT_BEAM_SIZE, check_beam_size
from reader.core.translation.engine import TranslationEngine
from reader.core.translation.session import TranslationSession
from tests.fixtures.model_builder import expected_translation

GERMAN = ["Die Stadt plant eine Brücke.", "Der Bürgermeister ist zufrieden."]


def test_switching_the_beam_keeps_the_same_loaded_engine(
    tiny_package: InstalledPackage, tiny_package_dir: Path, tmp_path: Path
) -> None:
    with TranslationSession.open(tiny_package, tmp_path / "cache.sqlite3", threads=1) as session:
        accurate = session.translate(list(enumerate(GERMAN)), beam_size=DEFAULT_BEAM_SIZE)
        engine = session.engine
        assert isinstance(engine, TranslationEngine) and engine.loaded
        fast = session.translate(list(enumerate(GERMAN)), beam_size=1)
        assert session.engine is engine  # not reloaded for the other beam
        assert engine.model_calls == 2  # beam 1 is not answered from beam 4's cache entries
        again = session.translate(list(enumerate(GERMAN)), beam_size=1)
        assert engine.model_calls == 2  # now it is cached, under beam 1
        expected = [expected_translation(tiny_package_dir, s) for s in GERMAN]
        assert [t.text for t in accurate] == [t.text for t in fast] == expected
        assert [t.text for t in again] == expected
        assert set(session.cached(GERMAN, beam_size=1)) == set(GERMAN)
    assert session.cache is None  # closed with the session
    cache = TranslationCache(tmp_path / "cache.sqlite3")
    try:
        assert cache.count() == 2 * len(GERMAN)  # one entry per sentence and beam
    finally:
        cache.close()


def test_a_session_without_a_cache_path_translates_without_one(
    tiny_package: InstalledPackage, tiny_package_dir: Path
) -> None:
    with TranslationSession.open(tiny_package, None, threads=1) as session:
        done = session.translate([(7, GERMAN[0])], align=False)
        assert session.cache is None
        assert session.cached(GERMAN) == {}
    assert [(t.sentence_id, t.text) for t in done] == [
        (7, expected_translation(tiny_package_dir, GERMAN[0]))
    ]


def test_close_frees_the_engine_but_not_a_cache_it_was_lent(
    tiny_package: InstalledPackage, tmp_path: Path
) -> None:
    closed: list[bool] = []

    class Engine:
        def translate(self, sentences, **options):  # type: ignore[no-untyped-def]
            return []

        def close(self) -> None:
            closed.append(True)

    cache = TranslationCache(tmp_path / "lent.sqlite3")
    try:
        session = TranslationSession(tiny_package, cache=cache, engine_factory=lambda _p: Engine())
        session.translate([(0, "Satz.")], beam_size=2)
        session.close()
        assert closed == [True]
        assert cache.count() == 0  # still open: the lender closes it
    finally:
        cache.close()


@pytest.mark.parametrize("value", ["1", "2", "4", 4, " 2 "])
def test_every_offered_beam_is_accepted(value: object) -> None:
    assert check_beam_size(value) in BEAM_SIZES


@pytest.mark.parametrize("value", ["3", "0", "-4", "vier", "", None, 8])
def test_other_beams_are_refused_with_the_allowed_ones(value: object) -> None:
    with pytest.raises(InvalidBeamSize) as refused:
        check_beam_size(value)
    assert refused.value.allowed == BEAM_SIZES
    assert refused.value.value == str(value)
