"""Choosing another name recognizer: the worker and the child process follow the setting."""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.document.model import Block, BlockKind, Document, Entity, Sentence
from reader.core.document.segmentation import segment_document
from reader.workers import child_process, entity_process
from reader.workers.entity_worker import EntityService


class _Recorder:
    """A recognizer that remembers the pipeline it was told to use, and whether it closed."""

    def __init__(self, made: list[_Recorder]) -> None:
        self.pipeline = ""
        self.closed = False
        made.append(self)

    def recognize(self, document: Document, sentences: Sequence[Sentence]) -> tuple[Entity, ...]:
        return ()

    def close(self) -> None:
        self.closed = True


def _document() -> tuple[Document, list[Sentence]]:
    document = Document("t", (Block(0, BlockKind.PARAGRAPH, "Köln liegt am Rhein."),))
    return document, segment_document(document)


def test_a_new_pipeline_replaces_the_recognizer_for_later_documents(qtbot) -> None:
    made: list[_Recorder] = []
    service = EntityService(factory=lambda: _Recorder(made))
    try:
        document, sentences = _document()
        with qtbot.waitSignal(service.entities_recognized):
            service.recognize(document, sentences)
        assert [r.pipeline for r in made] == [""]

        service.set_pipeline("de_core_news_lg")
        with qtbot.waitSignal(service.entities_recognized):
            service.recognize(document, sentences)
        assert [r.pipeline for r in made] == ["", "de_core_news_lg"]
        assert made[0].closed and not made[1].closed

        service.set_pipeline("de_core_news_lg")  # the same again: nothing is reloaded
        with qtbot.waitSignal(service.entities_recognized):
            service.recognize(document, sentences)
        assert len(made) == 2
    finally:
        service.shutdown()


def test_child_side_makes_a_recognizer_for_the_chosen_pipeline(monkeypatch) -> None:
    made: list[str | None] = []

    class FakeRecognizer:
        def __init__(self, *, prefer_installed: str | None = None) -> None:
            made.append(prefer_installed)

        def recognize(self, document, sentences):
            return []

    import reader.core.entities.recognizer

    monkeypatch.setattr(reader.core.entities.recognizer, "EntityRecognizer", FakeRecognizer)
    monkeypatch.setattr(entity_process, "_child_recognizer", None)
    document, sentences = _document()
    entity_process._recognize_in_child(document, sentences)
    entity_process._recognize_in_child(document, sentences)  # loaded once
    entity_process._recognize_in_child(document, sentences, "de_core_news_md")
    assert made == [None, "de_core_news_md"]
    monkeypatch.setattr(entity_process, "_child_recognizer", None)
    monkeypatch.setattr(entity_process, "_child_pipeline", "")


def test_process_recognizer_passes_its_pipeline_to_the_child(monkeypatch) -> None:
    calls: list[tuple] = []

    class FakeFuture:
        def result(self):
            return ()

    class FakeExecutor:
        def __init__(self, **_kwargs) -> None:
            pass

        def submit(self, function, *args):
            calls.append((function, args[2:]))
            return FakeFuture()

    monkeypatch.setattr(child_process, "ProcessPoolExecutor", FakeExecutor)
    recognizer = entity_process.ProcessRecognizer(pipeline="de_core_news_sm")
    document, sentences = _document()
    recognizer.recognize(document, sentences)
    assert calls == [(entity_process._recognize_in_child, ("de_core_news_sm",))]
