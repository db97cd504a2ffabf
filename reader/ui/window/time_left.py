"""How long the rest of a translation will take, from the pace so far."""

from __future__ import annotations

import time
from collections.abc import Callable

# Sentences to wait for before guessing: the first batch alone says little about the pace.
MIN_SENTENCES = 5


class TimeLeft:
    """Estimates seconds left from the work done since the first sentences arrived.

    The clock starts at the first report after ``restart`` that has more done than the one
    before it: the model's loading time, seconds and only once, must not count as pace.
    The pace is taken in ``work`` (the German's characters) when given, not in sentences:
    the window sends sentences sorted by length, shortest first, so a pace in sentences ran
    fast early and the estimate grew as the long ones came.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._base: tuple[float, int, int] | None = None

    def restart(self) -> None:
        """A new run: forget the pace of the last one."""
        self._base = None

    def update(self, done: int, total: int, work: tuple[int, int] | None = None) -> float | None:
        """Seconds left after ``done`` of ``total`` sentences (``work``: characters done and
        in all); None until a few sentences are done."""
        now = self.clock()
        work_done, work_total = work if work is not None else (done, total)
        if self._base is None:
            self._base = (now, done, work_done)
            return None
        started, done_then, work_then = self._base
        if done - done_then < MIN_SENTENCES or now <= started or work_done <= work_then:
            return None
        pace = (work_done - work_then) / (now - started)
        return max(0, work_total - work_done) / pace
