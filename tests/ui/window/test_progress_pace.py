"""The progress bar is redrawn at most every PROGRESS_INTERVAL_MS, however often the count
changes; the first count, the last one and the end are never lost."""

from __future__ import annotations

import pytest

from reader.ui.window.translation_runner import PROGRESS_INTERVAL_MS


def test_counts_in_between_are_skipped_the_latest_and_the_end_shown(
    qtbot, make_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    shown: list[tuple[int, int]] = []
    monkeypatch.setattr(window.status_bar, "set_progress", lambda d, t, _work: shown.append((d, t)))
    for done in range(1, 50):  # a burst of rows applied one turn after another
        window.translation.progress_changed.emit(done, 100)
    assert shown == [(1, 100)]  # the first at once
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=2000)
    assert shown[-1] == (49, 100)  # then only the latest
    window.translation.progress_changed.emit(60, 100)
    window.translation.progress_changed.emit(100, 100)
    assert shown[-1] == (100, 100)  # the end at once, without waiting for the timer
    qtbot.wait(PROGRESS_INTERVAL_MS + 150)
    assert shown.count((100, 100)) == 1 and (60, 100) not in shown
