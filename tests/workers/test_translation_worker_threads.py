"""The translation thread's thread count: chosen between jobs, honoured by the real engine."""

from __future__ import annotations

from reader.core.packages.store import InstalledPackage
from reader.core.translation.batching import WINDOW_CALLS_WAITING, WINDOW_SENTENCES_IN_FLIGHT
from reader.core.translation.engine import TranslationEngine
from reader.core.translation.threads import available_cores, sub_batch_budget
from reader.workers.translation_worker import TranslationService

SENTENCES = [(0, "Die Stadt Köln plant eine neue Brücke."), (1, "Der Rhein ist breit.")]


def engine_of(service: TranslationService) -> TranslationEngine:
    session = service._worker._session
    assert session is not None
    engine = session.engine
    assert isinstance(engine, TranslationEngine)
    return engine


def test_every_core_by_default_and_a_new_count_from_the_next_job(
    qtbot, tiny_package: InstalledPackage
) -> None:
    service = TranslationService()
    english: list[str] = []
    service.batch_translated.connect(lambda _job, batch: english.extend(t.text for t in batch))
    try:
        with qtbot.waitSignal(service.translation_finished, timeout=30_000):
            service.translate(tiny_package, SENTENCES, 4)
        first = engine_of(service)
        assert first.threads == available_cores()
        window_budget = sub_batch_budget(first.parallel_batches, 10**6, WINDOW_SENTENCES_IN_FLIGHT)
        assert first.budget.sentences == window_budget.sentences
        # One call a decoder and one waiting, so no decoder idles between calls.
        assert first.calls_in_flight == first.parallel_batches + WINDOW_CALLS_WAITING
        service.set_threads(1)
        with qtbot.waitSignal(service.translation_finished, timeout=30_000):
            service.translate(tiny_package, SENTENCES, 4)
        second = engine_of(service)
        assert second is not first  # the model was loaded again with the new count
        assert (second.threads, second.parallel_batches) == (1, 1)
        # The window (Qt and the document beside the model) decodes fewer sentences at once.
        command_line = TranslationEngine(tiny_package, threads=1)
        assert second.budget.sentences == WINDOW_SENTENCES_IN_FLIGHT
        assert second.calls_in_flight == 1 + WINDOW_CALLS_WAITING
        assert second.budget.sentences < command_line.budget.sentences
        service.set_threads(1)  # the same count again keeps the loaded model
        with qtbot.waitSignal(service.translation_finished, timeout=30_000):
            service.translate(tiny_package, SENTENCES, 4)
        assert engine_of(service) is second
        assert english == [text for _id, text in SENTENCES] * 3
    finally:
        service.shutdown()


def test_leaving_a_core_free_uses_one_core_less(qtbot, tiny_package: InstalledPackage) -> None:
    service = TranslationService()
    try:
        service.leave_core_free(True)
        with qtbot.waitSignal(service.translation_finished, timeout=30_000):
            service.translate(tiny_package, SENTENCES, 4)
        assert engine_of(service).threads == max(1, available_cores() - 1)
        service.leave_core_free(False)
        with qtbot.waitSignal(service.translation_finished, timeout=30_000):
            service.translate(tiny_package, SENTENCES, 4)
        assert engine_of(service).threads == available_cores()
    finally:
        service.shutdown()
