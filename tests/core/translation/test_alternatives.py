"""The n-best alternatives of one sentence from the tiny copy model (a real CTranslate2 model)."""

from __future__ import annotations

from pathlib import Path

from reader.core.packages.store import InstalledPackage
from reader.core.translation.engine import TranslationEngine
from reader.core.translation.session import TranslationSession
from tests.fixtures.model_builder import expected_translation

SENTENCE = "Die Stadt Köln plant eine neue Brücke über den Rhein."


def test_best_alternative_is_the_translation_and_the_rest_differ(
    tiny_package: InstalledPackage, tiny_package_dir: Path
) -> None:
    engine = TranslationEngine(tiny_package, threads=1)
    found = engine.alternatives(SENTENCE, 4)
    assert 2 <= len(found) <= 4
    assert found[0].text == expected_translation(tiny_package_dir, SENTENCE)
    texts = [item.text for item in found]
    assert len(set(texts)) == len(texts)
    # Best first: each score is at most the one before it.
    scores = [item.score for item in found]
    assert scores == sorted(scores, reverse=True)
    assert found[0].alignment  # aligned like the engine's own output


def test_count_limits_and_blank_gives_none(tiny_package: InstalledPackage) -> None:
    engine = TranslationEngine(tiny_package, threads=1)
    assert len(engine.alternatives(SENTENCE, 1)) == 1
    assert engine.alternatives("   ", 4) == []


def test_session_passes_them_on_and_fakes_give_none(tiny_package: InstalledPackage) -> None:
    with TranslationSession(tiny_package) as session:
        assert session.alternatives(SENTENCE, 2)[0].text == SENTENCE

    class NoAlternatives:
        def translate(self, *_args: object, **_kwargs: object) -> list[object]:
            return []

        def close(self) -> None:
            pass

    fake = TranslationSession(tiny_package, engine_factory=lambda _p: NoAlternatives())  # type: ignore[arg-type,return-value]
    assert fake.alternatives(SENTENCE, 4) == []


def test_an_overlong_sentence_gets_none(tiny_package: InstalledPackage) -> None:
    from reader.core.translation.chunks import MAX_SOURCE_PIECES

    engine = TranslationEngine(tiny_package, threads=1)
    overlong = " ".join(["Brücke"] * (MAX_SOURCE_PIECES + 10))
    assert engine.alternatives(overlong, 4) == []
