"""The gloss lane: a card's words translated at once, beside a busy translation thread,
with a real model, and stored in the translation cache."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.packages.store import InstalledPackage
from reader.core.translation.cache import TranslationCache
from reader.workers.gloss_lane import GlossLane
from reader.workers.translation_worker import TranslationService
from tests.fixtures.model_builder import expected_translation
from tests.ui.window_helpers import FakeEngine, english_of

WORDS = ["Drucker", "Tinte", "Strahl"]


@pytest.fixture
def gate() -> Iterator[threading.Semaphore]:
    semaphore = threading.Semaphore(0)
    yield semaphore
    for _ in range(1000):
        semaphore.release()


def test_the_lane_translates_with_the_real_model_into_the_cache(
    qtbot, tiny_package: InstalledPackage, tiny_package_dir: Path, tmp_path: Path
) -> None:
    cache_path = tmp_path / "cache.sqlite3"
    lane = GlossLane(cache_path)
    with qtbot.waitSignal(lane.glosses_translated, timeout=60_000) as blocker:
        job = lane.translate(tiny_package, list(enumerate(WORDS)), 1)
    job_id, batch = blocker.args
    assert job_id == job
    assert [t.text for t in batch] == [expected_translation(tiny_package_dir, w) for w in WORDS]
    lane.close_now()
    cache = TranslationCache(cache_path)
    try:
        rows = cache._run("SELECT source FROM translations", ())
    finally:
        cache.close()
    assert set(WORDS) <= {row[0] for row in rows}


def test_the_lane_answers_while_the_translation_thread_is_stuck_in_a_batch(
    qtbot, gate: threading.Semaphore, tmp_path: Path
) -> None:
    package = InstalledPackage(tmp_path, "translate-de_en", "1.0", "de", "en")
    document_engine = FakeEngine(batch=2, gate=gate)
    service = TranslationService(engine_factory=lambda _package: document_engine)
    try:
        service.translate(package, [(i, f"Satz {i}.") for i in range(20)], 1)
        qtbot.waitUntil(lambda: bool(document_engine.calls), timeout=10_000)  # now blocked
        lane = GlossLane(None, lambda _package: FakeEngine(batch=8))
        with qtbot.waitSignal(lane.glosses_translated, timeout=10_000) as blocker:
            lane.translate(package, list(enumerate(WORDS)), 1)
        assert [t.text for t in blocker.args[1]] == [english_of(w) for w in WORDS]
        lane.close_now()
    finally:
        for _ in range(20):
            gate.release()
        service.shutdown()


def test_release_frees_the_engine_and_the_next_request_loads_it_again(
    qtbot, tmp_path: Path
) -> None:
    package = InstalledPackage(tmp_path, "translate-de_en", "1.0", "de", "en")
    engines: list[FakeEngine] = []

    def factory(_package: InstalledPackage) -> FakeEngine:
        engines.append(FakeEngine(batch=8))
        return engines[-1]

    lane = GlossLane(None, factory)
    with qtbot.waitSignal(lane.glosses_translated, timeout=10_000):
        lane.translate(package, [(0, "Drucker")], 1)
    lane.release()
    qtbot.waitUntil(lambda: engines[0].closed, timeout=10_000)
    with qtbot.waitSignal(lane.glosses_translated, timeout=10_000):
        lane.translate(package, [(0, "Tinte")], 1)
    assert len(engines) == 2 and not engines[1].closed
    lane.close_now()
    assert engines[1].closed
