"""Names highlighted in both columns: German from the recognizer, English by projection."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextCharFormat, QTextCursor

from reader.core.document.model import EntityLabel
from reader.ui.entities.highlights import LABELS
from reader.ui.settings import Settings
from reader.ui.view.document_renderer import Side
from reader.workers.entity_worker import EntityService
from tests.ui.window_helpers import install_fake_package

TEXT = "Der Rhein fließt durch Köln. Herr Müller arbeitet bei Siemens.\n\nNichts hier.\n"


def format_at(window, sentence_id: int, side: Side, word: str) -> QTextCharFormat:
    text = (
        window.view.german_for(sentence_id)
        if side is Side.GERMAN
        else window.view.english_for(sentence_id)
    )
    start, _end = window.view.renderer.span(sentence_id, side)
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(start + text.index(word) + 1)
    return cursor.charFormat()


def is_entity(char_format: QTextCharFormat, window, label: EntityLabel) -> bool:
    index = LABELS.index(label)
    return char_format.background().color() == window.view.colors.entity_backgrounds[index]


@pytest.fixture
def names_file(tmp_path: Path) -> Path:
    path = tmp_path / "namen.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_names_are_highlighted_in_german_then_in_english(
    qtbot, make_window, reader_paths, names_file
) -> None:
    install_fake_package(reader_paths.packages)
    window = make_window()
    with qtbot.waitSignal(window.entities.entities_changed, timeout=5000) as found:
        window.open_file(names_file)
    assert found.args == [4]
    qtbot.waitUntil(lambda: not window.entities.busy, timeout=5000)
    first, second = window.view.sentence_ids()[:2]
    koeln = format_at(window, first, Side.GERMAN, "Köln")
    assert is_entity(koeln, window, EntityLabel.LOC)
    assert koeln.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine  # not colour only
    assert is_entity(format_at(window, second, Side.GERMAN, "Müller"), window, EntityLabel.PER)
    assert not is_entity(
        format_at(window, second, Side.GERMAN, "arbeitet"), window, EntityLabel.PER
    )
    qtbot.waitUntil(lambda: window.view.english_for(second) is not None, timeout=5000)
    qtbot.waitUntil(lambda: second in window.entities.projected, timeout=5000)
    qtbot.waitUntil(lambda: not window.entities.busy, timeout=5000)
    english = format_at(window, second, Side.ENGLISH, "Siemens")
    assert is_entity(english, window, EntityLabel.ORG)
    assert english.underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline


def test_highlighting_can_be_switched_off_and_on(
    qtbot, make_window, reader_paths, names_file
) -> None:
    window = make_window()
    with qtbot.waitSignal(window.entities.entities_changed, timeout=5000):
        window.open_file(names_file)
    qtbot.waitUntil(lambda: not window.entities.busy, timeout=5000)
    first = window.view.sentence_ids()[0]
    window.main_menu.highlight_entities.trigger()
    assert not Settings.for_paths(reader_paths).highlight_entities
    assert not is_entity(format_at(window, first, Side.GERMAN, "Köln"), window, EntityLabel.LOC)
    window.main_menu.highlight_entities.trigger()
    assert is_entity(format_at(window, first, Side.GERMAN, "Köln"), window, EntityLabel.LOC)


def test_names_follow_the_theme(qtbot, make_window, names_file) -> None:
    window = make_window()
    with qtbot.waitSignal(window.entities.entities_changed, timeout=5000):
        window.open_file(names_file)
    qtbot.waitUntil(lambda: not window.entities.busy, timeout=5000)
    window.view_preferences.set_theme("dark")
    first = window.view.sentence_ids()[0]
    assert window.view.colors.dark
    assert is_entity(format_at(window, first, Side.GERMAN, "Köln"), window, EntityLabel.LOC)


def test_a_failing_recognizer_leaves_the_text_alone(qtbot, make_window, names_file) -> None:
    class Broken:
        def recognize(self, _document, _sentences):
            raise OSError("no pipeline")

    window = make_window(recognizer=Broken())
    with qtbot.waitSignal(window.entities.entities_changed, timeout=5000) as found:
        window.open_file(names_file)
    assert found.args == [0]
    assert "Köln" in window.view.toPlainText()


def test_the_shipped_pipeline_finds_names_in_the_sample(qtbot, make_window) -> None:
    from reader.core.entities.recognizer import available_pipelines
    from reader.ui.application import sample_document

    if not available_pipelines():
        pytest.skip("no German NER pipeline shipped or installed")
    from reader.core.entities.recognizer import EntityRecognizer

    window = make_window(real_loading=True, recognizer=EntityRecognizer())
    with qtbot.waitSignal(window.entities.entities_changed, timeout=60_000) as found:
        window.open_file(sample_document())
    assert found.args[0] > 3
    texts = {e.text for e in window.entities.entities}
    assert texts & {"München", "Wien", "Salzburg", "Deutsche Bahn", "Budapest"}


def test_entity_service_skips_jobs_for_documents_left_behind(qtbot) -> None:
    import threading

    from reader.core.document.model import Block, BlockKind, Document, Sentence

    calls: list[str] = []
    all_queued = threading.Event()

    class Slow:
        def recognize(self, document, _sentences):
            calls.append(document.title)
            if document.title == "d0":
                all_queued.wait(5)  # busy with the first while the user opens two more
            return ()

    service = EntityService(factory=Slow)
    try:
        block = (Block(0, BlockKind.PARAGRAPH, "Köln."),)
        sentence = (Sentence(0, 0, 0, 5, "Köln."),)
        ids = [service.recognize(Document("d0", block), sentence)]
        # Busy with the first for sure before the others are queued: otherwise the thread
        # could take d1 before d2 arrives, and d1 was then never left behind.
        qtbot.waitUntil(lambda: calls == ["d0"], timeout=5000)
        ids += [service.recognize(Document(f"d{i}", block), sentence) for i in (1, 2)]
        all_queued.set()
        with qtbot.waitSignal(
            service.entities_recognized,
            timeout=5000,
            check_params_cb=lambda job_id, _entities: job_id == ids[-1],
        ):
            pass
        assert calls == ["d0", "d2"]  # d1 was left behind before it ran
    finally:
        service.shutdown()


def test_names_from_the_child_process_reach_the_view(qtbot, make_window, names_file) -> None:
    from reader.workers.entity_process import ProcessRecognizer
    from tests.workers.child_functions import names_and_pid

    window = make_window(recognizer=ProcessRecognizer(names_and_pid))
    with qtbot.waitSignal(window.entities.entities_changed, timeout=60_000) as found:
        window.open_file(names_file)
    assert found.args[0] == len(window.view.sentence_ids())
    qtbot.waitUntil(lambda: not window.entities.busy, timeout=5000)
    first = window.view.sentence_ids()[0]
    assert is_entity(format_at(window, first, Side.GERMAN, "Der"), window, EntityLabel.LOC)


def test_closing_the_window_does_not_wait_for_a_busy_child(qtbot, make_window, names_file):
    import time

    from reader.workers.entity_process import ProcessRecognizer
    from tests.workers.child_functions import sleeps

    recognizer = ProcessRecognizer(sleeps)
    window = make_window(recognizer=recognizer)
    with qtbot.waitSignal(window.documents.document_loaded, timeout=5000):
        window.open_file(names_file)
    qtbot.waitUntil(lambda: recognizer.child.running, timeout=30_000)
    started = time.monotonic()
    window.close()
    assert time.monotonic() - started < 15  # the child sleeps 60 s; it was stopped instead


def test_names_still_being_found_when_the_window_closes_end_quietly(qtbot, caplog) -> None:
    import logging

    from reader.core.document.model import Block, BlockKind, Document, Sentence
    from reader.workers.entity_process import ProcessRecognizer
    from reader.workers.entity_worker import EntityService
    from tests.workers.child_functions import sleeps

    service = EntityService()  # as shipped: its own child, shared with the check
    assert service.child is not None
    child = service.child
    service._worker._factory = lambda: ProcessRecognizer(sleeps, child=child)
    failures: list[object] = []
    service.recognition_failed.connect(lambda _job, error: failures.append(error))
    block = (Block(0, BlockKind.PARAGRAPH, "Köln."),)
    service.recognize(Document("d", block), (Sentence(0, 0, 0, 5, "Köln."),))
    qtbot.waitUntil(lambda: child.running, timeout=30_000)
    with caplog.at_level(logging.INFO):
        service.shutdown()
    qtbot.wait(50)
    assert not failures
    assert "entity recognition failed" not in caplog.text
    assert not child.running


def test_a_long_documents_names_come_first_where_the_reader_is(
    qtbot, make_window, reader_paths, tmp_path: Path
) -> None:
    import threading

    from reader.core.document.model import Translation
    from reader.ui.entities.highlights import FIRST_LOOK
    from tests.ui.window_helpers import FakeEngine, FakeRecognizer

    asked: list[int] = []
    whole = threading.Event()

    class Gated(FakeRecognizer):
        """Answers at once for a few sentences; for the whole document only when let go."""

        def recognize(self, document, sentences):  # type: ignore[no-untyped-def]
            asked.append(len(sentences))
            if len(sentences) > FIRST_LOOK:
                whole.wait(10)
            return super().recognize(document, sentences)

    class Dropping(FakeEngine):
        """English that loses "Müller": the check flags it (its mark must outlive the
        first look's highlights)."""

        def translation_for(self, sentence_id: int, text: str) -> Translation:
            english = "He works in Cologne." if "Müller" in text else "It rains."
            return Translation(sentence_id, text, english)

    install_fake_package(reader_paths.packages)
    window = make_window(recognizer=Gated(), engine=Dropping())
    path = tmp_path / "lang.txt"
    path.write_text("Herr Müller arbeitet in Köln. Es regnet.\n\n" * 60, encoding="utf-8")
    counted: list[int] = []
    window.entities.entities_changed.connect(counted.append)
    try:
        window.open_file(path)
        qtbot.waitUntil(lambda: len(window.view.sentence_ids()) == 120, timeout=5000)
        ids = window.view.sentence_ids()
        # The first look: the sentences on screen, their names highlighted at once.
        qtbot.waitUntil(lambda: len(asked) == 2, timeout=5000)
        assert asked[0] <= FIRST_LOOK < asked[1] == 120
        qtbot.waitUntil(lambda: bool(window.entities.entities) and not window.entities.busy)
        shown = {e.sentence_id for e in window.entities.entities}
        assert ids[0] in shown and ids[-2] not in shown
        assert is_entity(format_at(window, ids[0], Side.GERMAN, "Köln"), window, EntityLabel.LOC)
        assert counted == []  # the names panel waits for the whole document
        # The check already flags the lost name on screen.
        qtbot.waitUntil(lambda: ids[0] in window.checks.controller.findings, timeout=5000)
        qtbot.waitUntil(lambda: _marked(window, ids[0]), timeout=5000)
    finally:
        whole.set()
    qtbot.waitUntil(lambda: counted == [120], timeout=5000)  # Müller, Köln: 60 times
    assert {e.sentence_id for e in window.entities.entities} == set(ids[::2])
    qtbot.waitUntil(lambda: not window.entities.busy, timeout=5000)
    assert is_entity(format_at(window, ids[0], Side.GERMAN, "Köln"), window, EntityLabel.LOC)
    window.view.finish_rendering()
    assert is_entity(format_at(window, ids[-2], Side.GERMAN, "Köln"), window, EntityLabel.LOC)
    # The check's marks are laid again over the document's names.
    qtbot.waitUntil(lambda: _marked(window, ids[0]), timeout=5000)


def _marked(window, sentence_id: int) -> bool:  # type: ignore[no-untyped-def]
    from reader.ui.checks.controller import MARK_COLOR

    return format_at(window, sentence_id, Side.GERMAN, "Müller").underlineColor() == MARK_COLOR


def test_a_short_document_is_recognized_in_one_pass(qtbot, make_window, names_file) -> None:
    from tests.ui.window_helpers import FakeRecognizer

    recognizer = FakeRecognizer()
    window = make_window(recognizer=recognizer)
    with qtbot.waitSignal(window.entities.entities_changed, timeout=5000):
        window.open_file(names_file)
    assert recognizer.calls == 1
