"""How long the rest of a translation will take, from the pace so far."""

from __future__ import annotations

import time
from collections.abc import Callable

# Sentences to wait for before guessing: the first batch alone says little about the pace.
MIN_SENTENCES = 5


class TimeLeft:
    """Estimates seconds left from the sentences done since the first ones arrived.

    The clock starts at the first report after ``restart`` that has more done than the one
    before it: the model's loading time, seconds and only once, must not count as pace.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._base: tuple[float, int] | None = None

    def restart(self) -> None:
        """A new run: forget the pace of the last one."""
        self._base = None

    def update(self, done: int, total: int) -> float | None:
        """Seconds left after ``done`` of ``total``; None until a few sentences are done."""
        now = self.clock()
        if self._base is None:
            self._base = (now, done)
            return None
        started, done_then = self._base
        finished = done - done_then
        if finished < MIN_SENTENCES or now <= started:
            return None
        pace = finished / (now - started)
        return max(0, total - done) / pace
