"""Calls kept in flight (the window's streaming): same English, same order, cancel between."""

from __future__ import annotations

import pytest

from reader.core.document.model import Translation
from reader.core.errors import ModelLoadFailed
from reader.core.packages.store import InstalledPackage
from reader.core.translation.batching import padded_sub_batches
from reader.core.translation.engine import CancelToken, TranslationCancelled, TranslationEngine
from tests.core.translation.test_engine import GERMAN

ORDER = [5, 2, 0, 6, 1, 4, 3]  # e.g. the visible sentences first


def _engine(package: InstalledPackage, in_flight: int, threads: int = 2) -> TranslationEngine:
    return TranslationEngine(
        package, threads=threads, batch_tokens=40, first_batch_tokens=20, calls_in_flight=in_flight
    )


@pytest.mark.parametrize("threads", [1, 2])
def test_queued_calls_give_the_serial_english_in_the_given_order(
    tiny_package: InstalledPackage, threads: int
) -> None:
    serial = _engine(tiny_package, 1, threads).translate([(i, GERMAN[i]) for i in ORDER])
    engine = _engine(tiny_package, 3, threads)
    batches: list[list[Translation]] = []
    results = engine.translate([(i, GERMAN[i]) for i in ORDER], on_batch=batches.append)
    assert len(batches) > 2
    assert engine.model_calls == len(batches)
    assert [t.sentence_id for batch in batches for t in batch] == ORDER
    assert results == serial  # text, score and alignment


def test_cancel_stops_queueing_and_delivers_the_calls_already_queued(
    tiny_package: InstalledPackage,
) -> None:
    engine = _engine(tiny_package, 2)
    token = CancelToken()
    seen: list[Translation] = []

    def on_batch(batch: list[Translation]) -> None:
        seen.extend(batch)
        token.cancel()

    with pytest.raises(TranslationCancelled) as raised:
        engine.translate([(i, GERMAN[i]) for i in ORDER], on_batch=on_batch, cancel=token)
    # The first call was delivered; the one queued beside it still comes; no more.
    assert engine.model_calls == 2
    assert raised.value.completed == seen
    assert 0 < len(seen) < len(GERMAN)
    assert [t.sentence_id for t in seen] == ORDER[: len(seen)]


def test_a_model_failing_in_a_queued_call_is_a_model_error(
    tiny_package: InstalledPackage, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = _engine(tiny_package, 2)
    engine.load()
    translator = engine._translator
    calls: list[int] = []

    class SecondCallFails:
        def translate_batch(self, *args: object, **kwargs: object) -> object:
            calls.append(1)
            if len(calls) == 2:
                raise RuntimeError("broken weights")
            return translator.translate_batch(*args, **kwargs)  # type: ignore[union-attr]

    monkeypatch.setattr(engine, "_translator", SecondCallFails())
    seen: list[Translation] = []
    with pytest.raises(ModelLoadFailed):
        engine.translate([(i, GERMAN[i]) for i in ORDER], on_batch=seen.extend)
    assert seen == []  # the failure came while the first call was still queued


def test_each_queued_call_is_one_sub_batch_as_ctranslate2_counts_it(
    tiny_package: InstalledPackage, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CTranslate2 counts a sub-batch padded (sentences times the longest); given only the
    sum of a call's tokens it cut the call in two and decoded the small rest on its own."""
    import functools

    import reader.core.translation.engine as engine_module
    from reader.core.translation import batching

    # No first screen: every call comes from the sorted windows, whole on one decoder.
    monkeypatch.setattr(engine_module, "SCREEN_TOKENS", 0)
    plan = functools.partial(batching.plan_streaming, screen_tokens=0)
    monkeypatch.setattr(engine_module, "plan_streaming", plan)
    engine = TranslationEngine(tiny_package, threads=2, batch_tokens=128, calls_in_flight=2)
    engine.load()
    seen = _calls_for_24_sentences(engine, monkeypatch)
    assert len(seen) > 2
    assert any(min(lengths) < max(lengths) for _size, lengths in seen)  # padding matters
    for size, lengths in seen:
        assert size >= len(lengths) * max(lengths)


def _calls_for_24_sentences(
    engine: TranslationEngine, monkeypatch: pytest.MonkeyPatch
) -> list[tuple[int, list[int]]]:
    """Translate 24 sentences of mixed lengths; each model call's sub-batch size and the
    lengths of the sentences sent in it."""
    translator = engine._translator
    seen: list[tuple[int, list[int]]] = []

    class Recording:
        def translate_batch(self, source: list[list[str]], **kwargs: object) -> object:
            seen.append((int(kwargs["max_batch_size"]), [len(pieces) for pieces in source]))  # type: ignore[call-overload]
            return translator.translate_batch(source, **kwargs)  # type: ignore[union-attr]

    monkeypatch.setattr(engine, "_translator", Recording())
    sentences = [
        (i, f"{GERMAN[i % len(GERMAN)]} Nummer {i}" + " und mehr" * (i % 3)) for i in range(24)
    ]
    engine.translate(sentences)
    return seen


def test_first_screen_calls_are_shared_by_the_decoders_one_sub_batch_each(
    tiny_package: InstalledPackage, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.core.translation.engine as engine_module

    monkeypatch.setattr(engine_module, "SCREEN_TOKENS", 10_000)  # every call is "on screen"
    engine = TranslationEngine(tiny_package, threads=2, batch_tokens=160, calls_in_flight=2)
    engine.load()
    seen = _calls_for_24_sentences(engine, monkeypatch)
    shared = [(size, lengths) for size, lengths in seen if len(lengths) > 2]
    assert shared
    for size, lengths in shared:
        assert padded_sub_batches(lengths, size) == engine.parallel_batches == 2
