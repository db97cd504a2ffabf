"""Name recognition in a child process gives what the in-process recognizer gives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.core.document.model import Block, BlockKind, Document
from reader.core.document.segmentation import segment_document
from reader.workers.entity_process import ProcessRecognizer


def test_child_process_recognizes_and_stops() -> None:
    from reader.core.entities.recognizer import EntityRecognizer, available_pipelines

    if not available_pipelines():
        pytest.skip("no German NER pipeline shipped or installed")
    text = "Angela Merkel traf am Montag in Berlin den Chef von Siemens."
    document = Document("t", (Block(0, BlockKind.PARAGRAPH, text),))
    sentences = segment_document(document)
    recognizer = ProcessRecognizer()
    try:
        found = recognizer.recognize(document, sentences)
        again = recognizer.recognize(document, sentences)  # the same child, loaded once
    finally:
        recognizer.close()
    assert found == again
    assert found == EntityRecognizer().recognize(document, sentences)
    assert any(e.text == "Berlin" for e in found)
    recognizer.close()  # closing twice is harmless


def test_the_child_is_one_process_loaded_once_and_not_this_one() -> None:
    from tests.workers.child_functions import names_and_pid

    document = Document("t", (Block(0, BlockKind.PARAGRAPH, "Köln liegt am Rhein."),))
    sentences = segment_document(document)
    recognizer = ProcessRecognizer(names_and_pid)
    try:
        first = recognizer.recognize(document, sentences)
        second = recognizer.recognize(document, sentences)
    finally:
        recognizer.close()
    assert first == second
    word, pid = first[0].text.split("@")
    assert word == "Köln"
    assert int(pid) != os.getpid()


def test_the_child_keeps_numpy_to_one_blas_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.workers.child_functions import blas_threads

    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    document = Document("t", (Block(0, BlockKind.PARAGRAPH, "Köln liegt am Rhein."),))
    recognizer = ProcessRecognizer(blas_threads)
    try:
        found = recognizer.recognize(document, segment_document(document))
    finally:
        recognizer.close()
    assert found[0].text == "1"


def test_closing_stops_a_busy_child_at_once(tmp_path: Path) -> None:
    import threading

    from tests.workers.child_functions import marks_then_waits

    picked_up = tmp_path / "picked-up"  # the child writes it once it runs the job
    document = Document("t", (Block(0, BlockKind.PARAGRAPH, "Köln."),), source=picked_up)
    recognizer = ProcessRecognizer(marks_then_waits)
    errors: list[BaseException] = []

    def run() -> None:
        try:
            recognizer.recognize(document, segment_document(document))
        except BaseException as error:  # the broken pool is the expected answer
            errors.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    waiting = threading.Event()
    for _ in range(3000):  # up to 30 s for the child to start and pick the job up
        if picked_up.exists():
            break
        waiting.wait(0.01)
    assert picked_up.exists()
    recognizer.close()
    thread.join(timeout=20)
    assert not thread.is_alive()
    assert errors


PARENT_THAT_DIES = """
import os, sys, threading, time
from pathlib import Path
from reader.core.document.model import Block, BlockKind, Document
from reader.core.document.segmentation import segment_document
from reader.workers.entity_process import ProcessRecognizer
from tests.workers.child_functions import marks_then_waits

marker = Path(sys.argv[1])
document = Document("t", (Block(0, BlockKind.PARAGRAPH, "Köln."),), source=marker)
recognizer = ProcessRecognizer(marks_then_waits)
threading.Thread(
    target=recognizer.recognize, args=(document, segment_document(document)), daemon=True
).start()
for _ in range(3000):  # up to 30 s for the child to start and pick the job up
    if marker.exists() and marker.read_text():
        break
    time.sleep(0.01)
os._exit(0)  # gone while the child is busy, as if killed
"""


def _running(pid: int) -> bool:
    """Alive and not a zombie waiting for whoever adopted it to reap it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"


def test_a_busy_child_ends_when_the_reader_dies_without_closing_it(tmp_path: Path) -> None:
    import subprocess
    import sys
    import time

    repo = Path(__file__).resolve().parents[2]
    marker = tmp_path / "child-pid"
    subprocess.run(
        [sys.executable, "-c", PARENT_THAT_DIES, str(marker)],
        cwd=repo,
        timeout=120,
        check=True,
    )
    child = int(marker.read_text(encoding="utf-8"))
    deadline = time.monotonic() + 15
    alive = True
    while alive and time.monotonic() < deadline:
        alive = _running(child)
        if alive:
            time.sleep(0.2)  # the child looks for its parent once a second
    if alive:
        os.kill(child, 9)
    assert not alive, f"child {child} outlived its parent"
