"""The time-left estimate: no guess before the pace is known, then the rest at that pace."""

from __future__ import annotations

from reader.ui.window.time_left import MIN_SENTENCES, TimeLeft


class SteppedClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_model_loading_time_does_not_count_as_pace() -> None:
    clock = SteppedClock()
    estimate = TimeLeft(clock)
    assert estimate.update(0, 100) is None  # the first report only sets the clock going
    clock.now += 30  # thirty seconds of loading: the first batch arrives
    estimate.restart()
    assert estimate.update(4, 100) is None
    clock.now += 2
    assert estimate.update(4 + MIN_SENTENCES - 1, 100) is None  # too few to judge yet
    clock.now += 2
    # 20 sentences in 4 s since the first batch: 5 per second, 76 left.
    assert estimate.update(24, 100) == 76 / 5


def test_restart_forgets_the_last_run() -> None:
    clock = SteppedClock()
    estimate = TimeLeft(clock)
    estimate.update(0, 50)
    clock.now += 10
    assert estimate.update(10, 50) == 40  # 1 sentence per second
    estimate.restart()
    clock.now += 1
    assert estimate.update(10, 50) is None
    clock.now += 1
    assert estimate.update(30, 50) == 1  # 20 per second now


def test_no_time_passed_gives_no_estimate() -> None:
    clock = SteppedClock()
    estimate = TimeLeft(clock)
    estimate.update(0, 50)
    assert estimate.update(20, 50) is None


def test_the_status_bar_says_minutes_and_hours_left(qtbot) -> None:
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from reader.ui.theme import colors_for
    from reader.ui.window.status_bar import StatusBar

    colors = colors_for(QApplication.palette(), dark=False)
    thousand = QLocale().toString(1000)  # "1,000", "1.000" or "1000" by the locale
    bar = StatusBar(lambda: colors)
    qtbot.addWidget(bar)
    clock = SteppedClock()
    bar.time_left.clock = clock
    bar.begin_progress()
    bar.set_progress(0, 1000)
    assert bar.progress.text() == "Loading the model…"
    clock.now += 45
    bar.set_progress(10, 1000)  # the first batch: the pace is not known yet
    assert bar.progress.text() == f"10 / {thousand}"
    clock.now += 10
    bar.set_progress(20, 1000)  # one sentence a second, 980 left
    assert bar.progress.text() == f"20 / {thousand} · about 17 min left"
    clock.now += 3590
    bar.set_progress(30, 1000)  # 20 sentences in an hour: 970 left take 48.5 h
    assert bar.progress.text() == f"30 / {thousand} · about 48 h 30 min left"


def test_the_pace_goes_by_characters_when_sentences_come_shortest_first() -> None:
    clock = SteppedClock()
    estimate = TimeLeft(clock)
    # 100 sentences: 50 of 20 characters, then 50 of 180 (10,000 in all), at 500 characters
    # a second.
    assert estimate.update(0, 100, (0, 10_000)) is None
    clock.now += 2
    # 50 short ones took 2 s: by sentences the 50 long ones would take 2 s more.
    assert estimate.update(50, 100, (1_000, 10_000)) == 9_000 / 500
    clock.now += 9
    assert estimate.update(75, 100, (5_500, 10_000)) == 4_500 / 500
    # Still a few sentences first, however many characters they hold.
    estimate.restart()
    assert estimate.update(75, 100, (5_500, 10_000)) is None
    clock.now += 1
    assert estimate.update(75 + MIN_SENTENCES - 1, 100, (8_000, 10_000)) is None
