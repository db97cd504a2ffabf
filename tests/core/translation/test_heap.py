"""Freed heap pages go back to the system after each model call (glibc's malloc_trim)."""

from __future__ import annotations

import sys

import pytest

from reader.core.packages.store import InstalledPackage
from reader.core.translation import heap, model_calls
from reader.core.translation.engine import TranslationEngine
from tests.core.translation.test_engine import GERMAN


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="malloc_trim is glibc's")
def test_freed_memory_is_released_on_linux() -> None:
    blocks = [bytearray(4000) for _ in range(20_000)]  # ~80 MB from malloc, not pymalloc
    del blocks[:-1]  # free all but the last, so the freed pages sit below a live block
    assert heap.release_free_memory() is True


def test_every_model_call_releases_once(
    tiny_package: InstalledPackage, monkeypatch: pytest.MonkeyPatch
) -> None:
    released: list[int] = []

    def release() -> bool:
        released.append(1)
        return True

    monkeypatch.setattr(model_calls, "release_free_memory", release)
    engine = TranslationEngine(
        tiny_package, threads=1, batch_tokens=40, first_batch_tokens=20, calls_in_flight=2
    )
    results = engine.translate(list(enumerate(GERMAN)))
    assert len(results) == len(GERMAN) and all(t.text for t in results)
    assert engine.model_calls > 1
    assert len(released) == engine.model_calls
