"""The one job API: success and failure on the GUI thread, cancellation, stale answers
dropped, progress, one id sequence."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from reader.core.cancel import CancelToken
from reader.core.errors import FileMissing
from reader.workers.jobs import POOL_THREADS, JobCancelled, JobRunner, ProgressFn, new_job_id

WAIT_MS = 10_000


@pytest.fixture
def runner(qapp) -> Iterator[JobRunner]:
    made = JobRunner()
    yield made
    made.cancel_all()
    assert made.wait(WAIT_MS)


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    event = threading.Event()
    yield event
    event.set()  # let a waiting job run out


def test_success_is_delivered_on_the_gui_thread(qtbot, runner: JobRunner) -> None:
    results: list[tuple[int, bool]] = []
    worker_threads: list[threading.Thread] = []

    def work(_progress: ProgressFn, _cancel: CancelToken) -> int:
        worker_threads.append(threading.current_thread())
        return 6 * 7

    def success(value: int) -> None:
        results.append((value, threading.current_thread() is threading.main_thread()))

    job = runner.start(work, success=success, failure=pytest.fail)
    qtbot.waitUntil(lambda: results != [], timeout=WAIT_MS)
    assert results == [(42, True)]
    assert worker_threads and worker_threads[0] is not threading.main_thread()
    assert job.returned.wait(WAIT_MS / 1000)
    assert runner.active() == []


def test_a_typed_error_reaches_failure_unchanged(qtbot, runner: JobRunner, tmp_path) -> None:
    errors: list[BaseException] = []

    def work(_progress: ProgressFn, _cancel: CancelToken) -> None:
        raise FileMissing(tmp_path / "gone.md")

    runner.start(work, success=lambda _r: pytest.fail("no success"), failure=errors.append)
    qtbot.waitUntil(lambda: errors != [], timeout=WAIT_MS)
    assert isinstance(errors[0], FileMissing)
    assert errors[0].path == tmp_path / "gone.md"


def test_cancelling_stops_work_that_polls_the_token(
    qtbot, runner: JobRunner, gate: threading.Event
) -> None:
    started = threading.Event()
    steps: list[int] = []
    errors: list[BaseException] = []

    def work(_progress: ProgressFn, cancel: CancelToken) -> str:
        started.set()
        while not cancel.cancelled:
            steps.append(1)
            gate.wait(0.01)  # one step of work; a real job polls between chunks
        raise RuntimeError("interrupted mid-way")  # what core code may raise on cancel

    job = runner.start(work, success=lambda _r: pytest.fail("no success"), failure=errors.append)
    assert started.wait(WAIT_MS / 1000)
    job.cancel()
    qtbot.waitUntil(lambda: errors != [], timeout=WAIT_MS)
    assert isinstance(errors[0], JobCancelled)  # one outcome for every cancelled job
    assert job.cancelled and steps


def test_a_job_cancelled_before_it_runs_never_calls_its_work(qtbot, qapp) -> None:
    ran: list[str] = []
    errors: list[BaseException] = []
    blockers = JobRunner()
    gates = [threading.Event() for _ in range(POOL_THREADS)]
    try:
        # Fill the pool so the next job waits in its queue.
        for event in gates:
            blockers.start(lambda _p, _c, e=event: e.wait(WAIT_MS / 1000), success=lambda _r: None)
        runner = JobRunner()
        job = runner.start(
            lambda _p, _c: ran.append("ran"), success=lambda _r: None, failure=errors.append
        )
        job.cancel()
        for event in gates:
            event.set()
        qtbot.waitUntil(lambda: errors != [], timeout=WAIT_MS)
        assert isinstance(errors[0], JobCancelled)
        assert ran == []
    finally:
        for event in gates:
            event.set()
        assert blockers.wait(WAIT_MS)


def test_latest_only_drops_the_answer_of_an_older_job(qtbot, qapp, gate: threading.Event) -> None:
    runner = JobRunner(latest_only=True)
    answers: list[str] = []
    older_started = threading.Event()

    def slow(_progress: ProgressFn, _cancel: CancelToken) -> str:
        older_started.set()
        gate.wait(WAIT_MS / 1000)  # does not poll: its answer must be dropped anyway
        return "old"

    older = runner.start(slow, success=answers.append, failure=lambda e: answers.append("err"))
    assert older_started.wait(WAIT_MS / 1000)
    newer = runner.start(lambda _p, _c: "new", success=answers.append)
    assert newer.id > older.id
    assert older.cancelled and not newer.cancelled
    qtbot.waitUntil(lambda: answers == ["new"], timeout=WAIT_MS)
    gate.set()
    assert runner.wait(WAIT_MS)
    qtbot.waitUntil(lambda: runner.active() == [], timeout=WAIT_MS)  # its answer arrived
    assert answers == ["new"]


def test_progress_is_reported_on_the_gui_thread(qtbot, runner: JobRunner) -> None:
    reports: list[tuple[int, int, bool]] = []
    done: list[object] = []

    def work(progress: ProgressFn, _cancel: CancelToken) -> None:
        for step in range(1, 4):
            progress(step, 3)

    runner.start(
        work,
        success=done.append,
        progress=lambda d, t: reports.append(
            (d, t, threading.current_thread() is threading.main_thread())
        ),
    )
    qtbot.waitUntil(lambda: done != [], timeout=WAIT_MS)
    assert reports[-1] == (3, 3, True)  # the last step always reaches the GUI
    assert all(on_gui for _d, _t, on_gui in reports)


def test_job_ids_come_from_one_increasing_sequence(qtbot, runner: JobRunner) -> None:
    from reader.workers.translation_worker import TranslationService

    first = runner.start(lambda _p, _c: None, success=lambda _r: None).id
    service = TranslationService(engine_factory=lambda _package: pytest.fail("not used"))
    try:
        service_id = service.next_job_id()
    finally:
        service.shutdown()
    later = new_job_id()
    assert first < service_id < later
