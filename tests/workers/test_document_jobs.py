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


def test_a_newer_load_stops_a_long_pdf_between_pages(qtbot, tmp_path: Path, monkeypatch) -> None:
    from reader.core.document import pdf_source
    from tests.fixtures.documents import pdf_bytes

    pages_read: list[int] = []
    real_finish = pdf_source._LineCollector.finish

    def counting_finish(self):  # type: ignore[no-untyped-def]
        pages_read.append(1)
        return real_finish(self)

    monkeypatch.setattr(pdf_source._LineCollector, "finish", counting_finish)

    long_pdf = tmp_path / "lang.pdf"
    long_pdf.write_bytes(pdf_bytes([[f"Seite {n}: ein Satz mit Text."] for n in range(900)]))
    short = tmp_path / "kurz.txt"
    short.write_text("Ein kurzer Text.\n", encoding="utf-8")
    jobs = DocumentJobs()
    errors: list[BaseException] = []
    jobs.load_failed.connect(lambda _job, error: errors.append(error))
    try:
        first = jobs.load(long_pdf)
        qtbot.waitUntil(lambda: len(pages_read) > 0, timeout=20_000)  # it is reading pages
        with qtbot.waitSignal(jobs.document_loaded, timeout=20_000) as loaded:
            second = jobs.load(short)
        assert loaded.args[0] == second != first
        assert [b.text for b in loaded.args[1].document.blocks] == ["Ein kurzer Text."]
        jobs.shutdown()  # waits for the first job: it ended (cancelled), not loaded
        assert not errors  # the older job's answer is dropped, never shown as an error
        assert 0 < len(pages_read) < 900  # it stopped between pages, not after the last
    finally:
        jobs.shutdown()
