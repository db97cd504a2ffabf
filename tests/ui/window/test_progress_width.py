"""The translation progress bar is never narrower than its text (it wrapped when squeezed)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from reader.ui.theme import colors_for
from reader.ui.window.status_bar import PROGRESS_MAX_WIDTH, StatusBar


def make_bar(qtbot) -> StatusBar:
    colors = colors_for(QApplication.palette(), dark=False)
    bar = StatusBar(lambda: colors)
    qtbot.addWidget(bar)
    bar.resize(500, 30)  # a narrow window: the legend and the format label take the room
    bar.show()
    bar.show_progress(True)
    return bar


def test_the_bar_grows_to_show_counts_and_time_left(qtbot) -> None:
    bar = make_bar(qtbot)
    bar.begin_progress()
    loading = bar.progress.minimumWidth()
    assert loading >= bar.progress.fontMetrics().horizontalAdvance("Loading the model…")
    bar.time_left.update = lambda done, total, work=None: 30.0  # type: ignore[method-assign]
    bar.set_progress(0, 35933)
    bar.set_progress(19942, 35933)
    text = bar.progress.text()
    assert "19,942" in text or "19942" in text or "19.942" in text
    assert "left" in text
    width = bar.progress.fontMetrics().horizontalAdvance(text)
    assert bar.progress.minimumWidth() >= min(width, PROGRESS_MAX_WIDTH)
    assert bar.progress.minimumWidth() > loading


def test_a_new_run_starts_narrow_again(qtbot) -> None:
    bar = make_bar(qtbot)
    bar.begin_progress()
    bar.time_left.update = lambda done, total, work=None: 4000.0  # type: ignore[method-assign]
    bar.set_progress(0, 35933)
    bar.set_progress(20000, 35933)
    wide = bar.progress.minimumWidth()
    bar.begin_progress()
    assert bar.progress.minimumWidth() < wide
