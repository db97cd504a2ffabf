"""Fixtures for the main window: settings in a temp dir, fake workers, clean teardown."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.core.paths import DataPaths, resolve_paths
from tests.ui.window_helpers import FakeEngine, FakeRecognizer, simple_loader, simple_segmenter


@pytest.fixture
def reader_paths(data_dir: Path) -> DataPaths:
    return resolve_paths(data_dir).ensure()


@pytest.fixture
def make_window(qtbot, reader_paths: DataPaths) -> Iterator[Callable[..., object]]:
    """Build MainWindows with fake loader/engine by default; all are closed afterwards."""
    from reader.ui.application import create_application
    from reader.ui.settings import Settings
    from reader.ui.window.main_window import MainWindow
    from reader.workers.document_jobs import DocumentJobs
    from reader.workers.entity_worker import EntityService
    from reader.workers.translation_worker import TranslationService

    create_application()
    windows: list[MainWindow] = []

    def build(
        *,
        engine: FakeEngine | None = None,
        real_loading: bool = False,
        real_engine: bool = False,
        recognizer: object | None = None,
    ) -> MainWindow:
        documents = (
            DocumentJobs()
            if real_loading
            else DocumentJobs(loader=simple_loader, segmenter=simple_segmenter)
        )
        fake = engine or FakeEngine()
        service = TranslationService(
            cache_path=reader_paths.translation_cache,
            engine_factory=None if real_engine else (lambda _package: fake),
        )
        names = recognizer or FakeRecognizer()
        entities = EntityService(factory=lambda: names)  # real spaCy only where asked for
        window = MainWindow(
            reader_paths,
            Settings.for_paths(reader_paths),
            documents=documents,
            translations=service,
            entities=entities,
        )
        documents.setParent(window)
        service.setParent(window)
        entities.setParent(window)
        if window.settings.geometry is None:  # a test may be checking the restored size
            window.resize(1000, 700)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield build
    for window in windows:
        window.close()  # shuts the translation thread and the load pool down


@pytest.fixture
def gate() -> Iterator[threading.Semaphore]:
    semaphore = threading.Semaphore(0)
    yield semaphore
    for _ in range(1000):
        semaphore.release()  # let any waiting fake batch run out
