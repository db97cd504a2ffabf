"""The real chain in the window: segmentation, the real engine with the tiny copying model,
streaming into the view. Also records the longest event-loop stall while a long document
is translated (printed and written to bench-results/; never asserted: timing is not a test).
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from reader.core.document.model import Block, BlockKind, Document
from tests.fixtures.model_builder import GERMAN_TEXT, expected_translation

REPO = Path(__file__).resolve().parents[2]


def long_document(paragraphs: int) -> Document:
    lines = [line for line in GERMAN_TEXT.splitlines() if line.strip()]
    blocks = [Block(0, BlockKind.HEADING, "Nachrichten aus der Stadt", level=1)]
    for number in range(paragraphs):
        chosen = [lines[(number * 3 + k) % len(lines)] for k in range(4)]
        blocks.append(Block(len(blocks), BlockKind.PARAGRAPH, " ".join(chosen)))
    return Document("Nachrichten", tuple(blocks), format="text")


class _NoNames:
    def recognize(self, _document, _sentences):  # type: ignore[no-untyped-def]
        return ()


def install(package_dir: Path, packages: Path) -> Path:
    target = packages / package_dir.name
    shutil.copytree(package_dir, target)
    return target


def test_the_tiny_model_translates_a_document_in_the_window(
    qtbot, make_window, reader_paths, tiny_package_dir
) -> None:
    installed = install(tiny_package_dir, reader_paths.packages)
    window = make_window(real_loading=True, real_engine=True)
    with qtbot.waitSignal(window.translation.translation_finished, timeout=60_000) as ended:
        window.show_document(long_document(6))
    assert ended.args == [False]
    ids = window.view.sentence_ids()
    assert len(ids) >= 20
    for sentence_id in ids[:5]:
        german = window.view.german_for(sentence_id)
        assert window.view.english_for(sentence_id) == expected_translation(installed, german)


@pytest.mark.parametrize("with_names", [False, True], ids=["translation", "translation+names"])
def test_longest_event_loop_stall_while_translating_a_long_document(
    qtbot, make_window, reader_paths, tiny_package_dir, with_names
) -> None:
    install(tiny_package_dir, reader_paths.packages)
    from reader.core.entities.recognizer import available_pipelines

    # With the real name recognizer too (when one ships), in its child process as in the app.
    if with_names and not available_pipelines():
        pytest.skip("no German NER pipeline shipped or installed")
    from reader.workers.entity_process import ProcessRecognizer

    recognizer = ProcessRecognizer() if with_names else _NoNames()
    window = make_window(real_loading=True, real_engine=True, recognizer=recognizer)
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    document = long_document(400)
    started = time.perf_counter()
    timer.start()
    with qtbot.waitSignal(window.translation.translation_finished, timeout=300_000) as ended:
        window.show_document(document)
    if with_names and not window.entities.entities:
        qtbot.waitSignal(window.entities.entities_changed, timeout=120_000).wait()
    qtbot.waitUntil(lambda: not window.entities.busy, timeout=60_000)
    elapsed = time.perf_counter() - started
    timer.stop()
    assert ended.args == [False]
    sentences = len(window.view.sentence_ids())
    assert all(window.view.english_for(i) is not None for i in window.view.sentence_ids())
    result = {
        "benchmark": "ui_event_loop_stall",
        "with_names": with_names,
        "sentences": sentences,
        "blocks": len(document.blocks),
        "seconds": round(elapsed, 3),
        "max_stall_ms": round(max(gaps) * 1000, 1),
        "p99_gap_ms": round(sorted(gaps)[int(len(gaps) * 0.99)] * 1000, 1),
        "ticks": len(gaps),
        "entities": len(window.entities.entities),
    }
    print(f"\nUI stall while translating: {json.dumps(result)}")
    out = REPO / "bench-results"
    out.mkdir(exist_ok=True)
    name = "ui_stall_names.json" if with_names else "ui_stall.json"
    (out / name).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
