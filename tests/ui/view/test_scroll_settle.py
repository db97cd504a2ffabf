"""A scroll is reported once it stops; a jump of more than a page at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollBar

from reader.ui.view.scroll_settle import ScrollSettle


def _bar(qtbot) -> QScrollBar:
    bar = QScrollBar(Qt.Orientation.Vertical)
    qtbot.addWidget(bar)
    bar.setRange(0, 10_000)
    bar.setPageStep(500)
    return bar


def test_small_steps_are_reported_once_after_they_stop(qtbot) -> None:
    bar = _bar(qtbot)
    settle = ScrollSettle(bar)
    seen: list[int] = []
    settle.settled.connect(lambda: seen.append(bar.value()))
    for value in range(60, 600, 60):  # a wheel: a few lines a step, more than a page in all
        bar.setValue(value)
    assert seen == []
    qtbot.waitUntil(lambda: seen == [540], timeout=2000)


def test_a_jump_is_reported_at_once_and_again_where_a_scroll_after_it_ends(qtbot) -> None:
    bar = _bar(qtbot)
    settle = ScrollSettle(bar)
    seen: list[int] = []
    settle.settled.connect(lambda: seen.append(bar.value()))
    bar.setValue(6_000)  # Go to: far down in one step
    assert seen == [6_000]
    bar.setValue(6_060)
    qtbot.waitUntil(lambda: seen == [6_000, 6_060], timeout=2000)
