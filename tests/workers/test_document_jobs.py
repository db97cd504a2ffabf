"""Loading and segmenting in the pool: answers carry the job id, errors arrive as data."""

from __future__ import annotations

from pathlib import Path

from reader.core.errors import FileMissing
from reader.workers.document_jobs import DocumentJobs
from tests.ui.window_helpers import simple_loader, simple_segmenter


def test_a_file_loads_and_is_segmented(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Erster Satz. Zweiter Satz.\n\nDritter Satz.")
    jobs = DocumentJobs(loader=simple_loader, segmenter=simple_segmenter)
    try:
        with qtbot.waitSignal(jobs.document_loaded, timeout=5000) as loaded:
            job = jobs.load(path)
        assert loaded.args[0] == job
        assert [s.text for s in loaded.args[1].sentences] == [
            "Erster Satz.",
            "Zweiter Satz.",
            "Dritter Satz.",
        ]
    finally:
        jobs.shutdown()


def test_errors_arrive_as_the_typed_exception(qtbot, tmp_path: Path) -> None:
    def missing(path: Path):
        raise FileMissing(path)

    jobs = DocumentJobs(loader=missing, segmenter=simple_segmenter)
    try:
        with qtbot.waitSignal(jobs.load_failed, timeout=5000) as failed:
            job = jobs.load(tmp_path / "gone.md")
        assert failed.args[0] == job
        assert isinstance(failed.args[1], FileMissing)
    finally:
        jobs.shutdown()


def test_an_unexpected_exception_is_reported_too(qtbot, tmp_path: Path) -> None:
    def explode(_path: Path):
        raise ValueError("boom")

    jobs = DocumentJobs(loader=explode, segmenter=simple_segmenter)
    try:
        with qtbot.waitSignal(jobs.load_failed, timeout=5000) as failed:
            jobs.load(tmp_path / "x.md")
        assert isinstance(failed.args[1], ValueError)
    finally:
        jobs.shutdown()
