"""Resizing without stalls: the text is laid out anew once the width has settled.

Each new wrap width lays out the whole document again (a 230 KB article takes ~300 ms, a
4 MB text seconds), so laying it out at every step of a drag freezes the window again and
again. The view therefore wraps at a fixed pixel width of its own: while the width keeps
changing the old layout stays (the text may be clipped or leave a margin for a moment), and
one layout at the new width follows once no resize has come for ``SETTLE_MS``. The reading
anchor taken before the first step of the drag is put back after that one layout.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QTextEdit

from reader.ui.view.reading_position import ReadingAnchor

if TYPE_CHECKING:
    from reader.ui.view.bilingual_view import BilingualView

SETTLE_MS = 150


class WidthSettle(QObject):
    """Holds the view's wrap width during a burst of resizes and lays out once after it.

    Signals:
        layout_settled(): the text was laid out at the view's current width.
    """

    layout_settled = Signal()

    def __init__(self, view: BilingualView) -> None:
        super().__init__(view)
        self.view = view
        self.layout_passes = 0  # wrap-width layouts done so far (tests count them)
        self._anchor: ReadingAnchor | None = None
        self._value = -1  # the scroll value the last resize of the burst left
        self._applying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self.apply_now)
        view.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)
        view.setLineWrapColumnOrWidth(max(1, view.viewport().width()))

    def set_settle_ms(self, ms: int) -> None:
        """How long the width must stay still before the one layout (a running wait restarts)."""
        self._timer.setInterval(ms)

    @property
    def pending(self) -> bool:
        """True while the text is still wrapped at an older width."""
        return self.view.lineWrapColumnOrWidth() != self.target_width()

    def target_width(self) -> int:
        return max(1, self.view.viewport().width())

    def before_resize(self) -> None:
        """The width is about to change: remember the place before the first step."""
        # A scroll bar that comes and goes while the text is rebuilt is no place to take.
        if self._anchor is None and not self._applying and not self.view.anchors.holding:
            self._anchor = self.view.anchors.capture()
        if not self._applying:
            # A horizontal bar would come and go with every step while the old width stays.
            self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def after_resize(self) -> None:
        """The width changed: lay out later (or now, where nobody watches a drag)."""
        if self._applying:
            return  # a scroll bar came or went with the new layout: ``apply_now`` follows up
        self._value = self.view.verticalScrollBar().value()
        if not self.view.isVisible():
            self.apply_now()
            return
        self._timer.start()

    def apply_now(self) -> None:
        """Lay the text out at the current width now (if it is not already)."""
        self._timer.stop()
        view = self.view
        anchor = self._anchor
        self._anchor = None
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        if not self.pending:
            return
        if anchor is None or view.verticalScrollBar().value() != self._value:
            anchor = view.anchors.capture()  # the reader scrolled during the drag
        self._applying = True
        try:
            # A second pass only when the layout brought or took away the scroll bar.
            for _ in range(2):
                if not self.pending:
                    break
                view.setLineWrapColumnOrWidth(self.target_width())
                self.layout_passes += 1
        finally:
            self._applying = False
        if anchor is not None:
            view.anchors.restore(anchor)
        view.update_highlights()
        self.layout_settled.emit()
