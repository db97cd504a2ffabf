"""The window's child process: calls answered elsewhere, restarts, and a final shutdown."""

from __future__ import annotations

import os
import threading
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from reader.workers.child_process import ChildProcess, ChildStopped
from tests.workers import child_functions


def _wait_for(path: Path) -> None:
    waiting = threading.Event()
    for _ in range(3000):  # up to 30 s for the child to start and pick the call up
        if path.exists() and path.read_text(encoding="utf-8"):
            return
        waiting.wait(0.01)
    raise AssertionError(f"{path} never appeared")


def test_calls_run_in_one_other_process_started_once() -> None:
    child = ChildProcess()
    try:
        first = child.run(child_functions.own_pid)
        assert child.running
        assert child.run(child_functions.own_pid) == first
    finally:
        child.close()
    assert first != os.getpid()
    assert not child.running


def test_the_child_runs_below_the_translation() -> None:
    child = ChildProcess(niceness=10)
    try:
        assert child.run(child_functions.own_niceness) >= 10
    finally:
        child.close()


def test_a_call_stopped_by_close_fails_or_runs_again_in_a_new_child(tmp_path: Path) -> None:
    child = ChildProcess()
    results: dict[str, object] = {}

    def call(key: str, marker: Path, retry: bool) -> None:
        try:
            results[key] = child.run(child_functions.waits_the_first_time, marker, retry=retry)
        except BrokenProcessPool as error:
            results[key] = error

    try:
        for key, retry in (("plain", False), ("retried", True)):
            marker = tmp_path / key
            thread = threading.Thread(target=call, args=(key, marker, retry))
            thread.start()
            _wait_for(marker)
            child.close()  # e.g. another name pipeline was chosen
            thread.join(timeout=60)
            assert not thread.is_alive()
            if retry:  # answered by a fresh child, not the one that was stopped
                assert results[key] != int(marker.read_text(encoding="utf-8"))
                assert isinstance(results[key], int)
            else:
                assert isinstance(results[key], BrokenProcessPool)
    finally:
        child.close()


def test_a_child_that_dies_is_replaced_on_the_next_call() -> None:
    child = ChildProcess()
    try:
        with pytest.raises(BrokenProcessPool):
            child.run(child_functions.dies)
        assert isinstance(child.run(child_functions.own_pid), int)
    finally:
        child.close()


def test_after_shutdown_no_child_starts_again() -> None:
    child = ChildProcess()
    child.run(child_functions.own_pid)
    child.shutdown()
    assert not child.running
    with pytest.raises(ChildStopped):
        child.run(child_functions.own_pid, retry=True)
    assert not child.running


def test_a_call_in_flight_at_shutdown_ends_as_stopped_not_broken(tmp_path: Path) -> None:
    child = ChildProcess()
    marker = tmp_path / "busy"
    outcome: list[BaseException] = []

    def call() -> None:
        try:
            child.run(child_functions.waits_the_first_time, marker, retry=True)
        except BaseException as error:
            outcome.append(error)

    thread = threading.Thread(target=call)
    thread.start()
    _wait_for(marker)
    child.shutdown()  # the window closes while a check waits for its answer
    thread.join(timeout=60)
    assert not thread.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], ChildStopped)
    assert not child.running
