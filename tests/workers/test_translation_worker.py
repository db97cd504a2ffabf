"""The translation thread: jobs with ids, batches as signals, cancel, clean shutdown."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.packages.store import InstalledPackage
from reader.workers.translation_worker import TranslationService
from tests.ui.window_helpers import FakeEngine, english_of

PACKAGE = InstalledPackage(Path("/nonexistent"), "translate-de_en", "1.0", "de", "en")
SENTENCES = [(i, f"Satz Nummer {i}.") for i in range(6)]


@pytest.fixture
def gate() -> Iterator[threading.Semaphore]:
    semaphore = threading.Semaphore(0)
    yield semaphore
    for _ in range(100):
        semaphore.release()


def make_service(qtbot, engine: FakeEngine) -> TranslationService:
    service = TranslationService(engine_factory=lambda _package: engine)
    return service


def test_batches_arrive_in_order_then_finished(qtbot) -> None:
    engine = FakeEngine(batch=2)
    service = make_service(qtbot, engine)
    batches: list[tuple[int, list]] = []
    service.batch_translated.connect(lambda job, batch: batches.append((job, batch)))
    try:
        with qtbot.waitSignal(service.translation_finished, timeout=5000) as finished:
            job = service.translate(PACKAGE, SENTENCES, 4)
        assert finished.args == [job, False]
        assert [len(batch) for _job, batch in batches] == [2, 2, 2]
        assert {j for j, _batch in batches} == {job}
        texts = [t.text for _job, batch in batches for t in batch]
        assert texts == [english_of(text) for _id, text in SENTENCES]
    finally:
        service.shutdown()


def test_cancel_stops_between_batches(qtbot, gate: threading.Semaphore) -> None:
    engine = FakeEngine(batch=2, gate=gate)
    service = make_service(qtbot, engine)
    received: list = []
    service.batch_translated.connect(lambda _job, batch: received.extend(batch))
    try:
        job = service.translate(PACKAGE, SENTENCES, 4)
        gate.release()
        qtbot.waitUntil(lambda: len(received) == 2, timeout=5000)
        with qtbot.waitSignal(service.translation_finished, timeout=5000) as finished:
            service.cancel(job)
        assert finished.args == [job, True]
        assert len(received) == 2
    finally:
        service.shutdown()


def test_queued_jobs_are_cancelled_too_and_shutdown_joins(qtbot, gate) -> None:
    engine = FakeEngine(batch=2, gate=gate)
    service = make_service(qtbot, engine)
    ended: list = []
    service.translation_finished.connect(lambda job, cancelled: ended.append((job, cancelled)))
    first = service.translate(PACKAGE, SENTENCES, 4)
    second = service.translate(PACKAGE, SENTENCES, 4)
    service.cancel()
    qtbot.waitUntil(lambda: len(ended) == 2, timeout=5000)
    assert ended == [(first, True), (second, True)]
    service.shutdown()
    assert not service._thread.isRunning()


def test_a_failing_engine_reports_instead_of_crashing(qtbot) -> None:
    def broken(_package):
        raise RuntimeError("model.bin is damaged")

    service = TranslationService(engine_factory=broken)
    try:
        with qtbot.waitSignal(service.translation_failed, timeout=5000) as failed:
            job = service.translate(PACKAGE, SENTENCES, 4)
        assert failed.args[0] == job
        assert "damaged" in str(failed.args[1])
    finally:
        service.shutdown()


def test_switching_the_beam_reuses_the_engine(qtbot) -> None:
    made: list[FakeEngine] = []

    def factory(_package: InstalledPackage) -> FakeEngine:
        made.append(FakeEngine(batch=6))
        return made[-1]

    service = TranslationService(engine_factory=factory)
    try:
        for beam in (4, 1, 2):
            with qtbot.waitSignal(service.translation_finished, timeout=5000):
                service.translate(PACKAGE, SENTENCES, beam)
        assert len(made) == 1
        assert made[0].beams == [4, 1, 2]
        other = dataclasses.replace(PACKAGE, path=Path("/elsewhere"))
        with qtbot.waitSignal(service.translation_finished, timeout=5000):
            service.translate(other, SENTENCES, 4)
        assert len(made) == 2 and made[0].closed  # another package: a new engine
    finally:
        service.shutdown()
    assert made[1].closed  # freed in its thread at shutdown
