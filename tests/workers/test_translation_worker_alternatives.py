"""Alternatives through the translation thread: n-best from the real copy model, remembered."""

from __future__ import annotations

from reader.core.packages.store import InstalledPackage
from reader.workers.translation_worker import TranslationService
from tests.ui.window_helpers import FakeEngine

SENTENCE = "Der Bürgermeister sagte am Montag, die Arbeiten sollen beginnen."


def test_alternatives_come_back_for_the_sentence_and_are_remembered(
    qtbot, tiny_package: InstalledPackage
) -> None:
    service = TranslationService()
    try:
        with qtbot.waitSignal(service.alternatives_found, timeout=60_000) as first:
            job = service.alternatives(tiny_package, 7, SENTENCE, 3)
        found_job, found = first.args
        assert found_job == job
        assert 2 <= len(found) <= 3
        assert found[0].text == SENTENCE  # the copy model's best is its input
        assert {t.sentence_id for t in found} == {7}
        assert {t.source for t in found} == {SENTENCE}
        assert len({t.text for t in found}) == len(found)
        # Asked again (for another sentence with the same German): the same answer.
        with qtbot.waitSignal(service.alternatives_found, timeout=60_000) as second:
            service.alternatives(tiny_package, 9, SENTENCE, 3)
        assert [t.text for t in second.args[1]] == [t.text for t in found]
        assert {t.sentence_id for t in second.args[1]} == {9}
    finally:
        service.shutdown()


def test_an_engine_without_alternatives_answers_none(qtbot, tiny_package: InstalledPackage) -> None:
    service = TranslationService(engine_factory=lambda _package: FakeEngine())
    try:
        with qtbot.waitSignal(service.alternatives_found, timeout=10_000) as found:
            service.alternatives(tiny_package, 1, SENTENCE, 4)
        assert found.args[1] == ()
    finally:
        service.shutdown()
