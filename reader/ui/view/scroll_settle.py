"""When the reader has stopped scrolling: the moment to put the visible text first.

Scrolling by wheel or drag moves the view a little at a time: the signal waits until no move
has come for ``SCROLL_SETTLE_MS``, so a long scroll reorders the translation once, at its
end. A jump (Go to, a find hit, a chapter, Ctrl+End, a click far down the scroll bar) moves
it more than a page in one step and is where the reader stays: it is reported at once, since
a quarter of a second of the one-second budget for the English after a jump went to waiting
(benchmarks/first_screen_bench.py); the wait still follows, so a jump that starts a scroll
is reported again where the scroll ends.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QScrollBar

SCROLL_SETTLE_MS = 250


class ScrollSettle(QObject):
    """Watches a scroll bar.

    Signals:
        settled(): no move for ``SCROLL_SETTLE_MS``, or a jump of more than a page just now.
    """

    settled = Signal()

    def __init__(self, bar: QScrollBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bar = bar
        self._value = bar.value()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SCROLL_SETTLE_MS)
        self._timer.timeout.connect(self.settled)
        bar.valueChanged.connect(self._on_bar_value_changed)

    def _on_bar_value_changed(self, value: int) -> None:
        step, self._value = abs(value - self._value), value
        self._timer.start()
        if step > max(1, self._bar.pageStep()):
            self.settled.emit()
