"""Keep what the reader looks at in place while the document under it changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor

from reader.ui.view.block_formats import Side

if TYPE_CHECKING:
    from reader.ui.view.bilingual_view import BilingualView


class KeepReadingPosition:
    """Keeps the text at the top of the view where it is while rows change height.

    The anchor is (row, offset in its German cell): absolute positions move as English
    streams into rows above, the German cells never change.
    """

    def __init__(self, view: BilingualView) -> None:
        self.view = view
        self.row = -1
        self.offset = 0
        self.y = 0

    def __enter__(self) -> KeepReadingPosition:
        view = self.view
        if view.verticalScrollBar().value() <= 0:
            return self
        cursor = view.cursorForPosition(QPoint(view.viewport().width() // 4, 0))
        row = view.renderer.row_at(cursor.position())
        if row is None:
            return self
        start = view.renderer.rows[row].cell_start(Side.GERMAN)
        self.row = row
        self.offset = max(0, cursor.position() - start)
        self.y = view.cursorRect(cursor).top()
        return self

    def __exit__(self, *exc: object) -> None:
        view = self.view
        if self.row < 0:
            return
        view.renderer.ensure_rows(self.row + 1)  # a rebuild may not have reached it yet
        if self.row >= len(view.renderer.rows):
            return
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.renderer.rows[self.row].cell_start(Side.GERMAN) + self.offset)
        shift = view.cursorRect(cursor).top() - self.y
        if shift:
            bar = view.verticalScrollBar()
            target = bar.value() + shift
            # After a rebuild Qt reports the new document height a turn later; widen the
            # range now so the value is not clamped (Qt sets the exact range itself).
            if target > bar.maximum():
                bar.setMaximum(target)
            bar.setValue(target)
