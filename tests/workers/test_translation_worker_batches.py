"""The window's translation thread keeps its batches small, so a jump waits for little."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from reader.core.document.model import Translation
from reader.core.packages.store import InstalledPackage
from reader.core.translation.batching import DEFAULT_BATCH_TOKENS, WINDOW_BATCH_TOKENS
from reader.core.translation.engine import TranslationEngine
from reader.workers.translation_worker import TranslationService

# Distinct sentences (nothing shared), ~1,700 tokens in all: more than the first small
# batches and one window batch, less than one command-line batch.
SENTENCES = [
    (index, f"Die Stadt Nummer {index} plant im Sommer eine neue Brücke über den Rhein.")
    for index in range(50)
]


def test_window_batches_after_the_first_screen_stay_within_the_budget(
    qtbot: QtBot, tiny_package: InstalledPackage
) -> None:
    service = TranslationService()
    batches: list[list[Translation]] = []
    service.batch_translated.connect(lambda _job, batch: batches.append(list(batch)))
    try:
        with qtbot.waitSignal(service.translation_finished, timeout=60_000):
            service.translate(tiny_package, SENTENCES, 4)
        session = service._worker._session
        assert session is not None
        engine = session.engine
        assert isinstance(engine, TranslationEngine)
        assert engine.batch_tokens == WINDOW_BATCH_TOKENS < DEFAULT_BATCH_TOKENS
        tokenizer = engine._tokenizer
        assert tokenizer is not None
        sizes = [sum(len(tokenizer.encode(t.source)) for t in batch) for batch in batches]
        total = sum(sizes)
        assert total > 2 * WINDOW_BATCH_TOKENS  # enough text that big batches would show
        assert total < DEFAULT_BATCH_TOKENS
        # One on_batch per engine call; every call within the window's budget.
        assert engine.model_calls == len(batches)
        assert max(sizes) <= WINDOW_BATCH_TOKENS
        assert len(batches) >= total // WINDOW_BATCH_TOKENS
        assert sorted(t.sentence_id for batch in batches for t in batch) == list(range(50))
    finally:
        service.shutdown()
