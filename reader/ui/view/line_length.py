"""Comfortable line lengths: on wide windows the two columns stop growing and sit centred.

The longest line of the wider column is held to about ``max_chars`` characters of the
reading font; what the window has beyond that becomes equal margins left and right
(viewport margins, so the text, the mouse and the scroll bar keep working as before).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QFontMetricsF, QPalette

from reader.ui.view.block_formats import GAP

if TYPE_CHECKING:
    from reader.ui.view.bilingual_view import BilingualView

DEFAULT_MAX_CHARS = 75


def side_margin(
    available: int, char_width: float, max_chars: int, german_percent: int, page_margin: float
) -> int:
    """The margin each side for a view ``available`` px wide (0: the text fills it)."""
    if max_chars <= 0:
        return 0
    wider = max(german_percent, 100 - german_percent) / 100
    table = max_chars * char_width / wider + GAP
    content = table + 2 * page_margin
    return max(0, int((available - content) // 2))


class LineLength(QObject):
    """Keeps the view's columns at a readable width; watches the view's resizes.

    Signals:
        margin_changed(int): the margin each side is now this many pixels.
    """

    margin_changed = Signal(int)

    def __init__(self, view: BilingualView, max_chars: int = DEFAULT_MAX_CHARS) -> None:
        super().__init__(view)
        self.view = view
        self.max_chars = max_chars
        self.margin = 0
        self.reserved = 0  # pixels kept free at the right for the document-wide bar
        # The margins show the text's own background, not the window's.
        view.setBackgroundRole(QPalette.ColorRole.Base)
        view.setAutoFillBackground(True)
        view.installEventFilter(self)

    def set_max_chars(self, max_chars: int) -> None:
        self.max_chars = max_chars
        self.apply()
        self.view.width_settle.apply_now()  # a setting, not a drag: lay out at once

    def apply(self) -> None:
        """Set the margins for the view's current width, font and column split."""
        view = self.view
        frame = view.frameWidth() * 2
        bar = view.verticalScrollBar()
        reserved = view.row_window.reserved_width()  # a big document's own bar
        available = view.width() - frame - reserved
        available -= bar.sizeHint().width() if bar.isVisible() else 0
        font = view.document().defaultFont()
        margin = side_margin(
            available,
            QFontMetricsF(font).averageCharWidth(),
            self.max_chars,
            view.renderer.german_percent,
            view.document().documentMargin(),
        )
        if (margin, reserved) != (self.margin, self.reserved):
            changed = margin != self.margin
            self.margin, self.reserved = margin, reserved
            view.setViewportMargins(margin, 0, margin + reserved, 0)
            if changed:
                self.margin_changed.emit(margin)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Resize:
            self.apply()  # before the view lays its text out at the new width
        return False
