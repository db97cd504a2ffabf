"""The whole-document scroll bar of a big document, and the window of rows following it.

A big document (see ``windowed_renderer``) holds only a window of rows, so the text view's
own scroll bar would span the window, not the text. For such documents that bar is hidden
and this scroll bar, one step per block, takes its place: dragging it, clicking it or
Ctrl+End puts any place of the text on screen at once (one window built, ~100 ms), not
after every row before it. Scrolling with the wheel or the keys scrolls inside the window;
near either end of it the window moves on, keeping the top sentence where it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QScrollBar

from reader.ui.view.geometry import visible_rows
from reader.ui.view.reading_position import ReadingAnchor

if TYPE_CHECKING:
    from reader.ui.view.bilingual_view import BilingualView


class RowWindow(QObject):
    """Shows the document-wide scroll bar for big documents and moves the window of rows."""

    def __init__(self, view: BilingualView) -> None:
        super().__init__(view)
        self.view = view
        self.bar = QScrollBar(Qt.Orientation.Vertical, view)
        self.bar.setAccessibleName(self.tr("Place in the document"))
        self.bar.hide()
        self.bar.valueChanged.connect(self._on_bar_value_changed)
        self.moves = 0  # windows built while scrolling (tests count them)
        self._busy = False  # moving the window or setting the bar ourselves
        self._follow_timer = QTimer(self)
        self._follow_timer.setSingleShot(True)
        self._follow_timer.setInterval(0)
        self._follow_timer.timeout.connect(self.follow)
        view.verticalScrollBar().valueChanged.connect(lambda _value: self._follow_timer.start())
        view.renderer.moved.append(self._on_window_moved)
        view.installEventFilter(self)

    @property
    def active(self) -> bool:
        return self.view.renderer.windowed

    def reserved_width(self) -> int:
        """Pixels the bar takes at the right edge (0: no bar)."""
        return self.bar.sizeHint().width() if self.active else 0

    def go_to_start(self) -> None:
        """Show the first row, scrolled to the very top."""
        ids = self.view.sentence_ids()
        if ids:
            self.view.renderer.ensure_sentence(ids[0])
        self.view.verticalScrollBar().setValue(0)
        self.follow()

    def go_to_end(self) -> None:
        """Show the last row, scrolled to the very bottom."""
        view = self.view
        ids = view.sentence_ids()
        if ids:
            view.renderer.ensure_sentence(ids[-1])
            view.finish_rendering()
            view.ensure_sentence_visible(ids[-1])
        bar = view.verticalScrollBar()
        bar.setValue(bar.maximum())
        self.follow()

    def follow(self) -> None:
        """After scrolling: move the window when the view nears one of its ends, and show
        the place on the document-wide bar."""
        self._follow_timer.stop()
        renderer = self.view.renderer
        if not self.active or self._busy:
            return
        top = self._top_block()
        if top is None:
            return
        inner = self.view.verticalScrollBar()
        screen = self.view.viewport().height()
        window_end = renderer.first_block + len(renderer.rows)
        if inner.value() < screen and renderer.first_block > 0:
            self._move(top - renderer.window_rows // 2)
        elif (
            renderer.complete
            and window_end < renderer.block_count
            and inner.value() > inner.maximum() - 2 * screen
        ):
            self._move(top - renderer.window_rows // 3)
        window_end = renderer.first_block + len(renderer.rows)
        shown = visible_rows(self.view)  # the last row on screen: the bar at its end
        last_shown = shown[1] if shown is not None else -1
        at_end = window_end >= renderer.block_count and last_shown >= len(renderer.rows) - 1
        top = self._top_block()  # again: a move changed the scroll values
        if top is not None:
            self._set_bar(self.bar.maximum() if at_end else top)

    def _top_block(self) -> int | None:
        """Where the block of the top visible sentence stands in the document."""
        anchor = self.view.anchors.capture()
        return None if anchor is None else self.view.renderer.block_position(anchor.sentence_id)

    def _move(self, first: int) -> None:
        view = self.view
        anchor = view.anchors.capture()
        self._busy = True
        try:
            view.renderer.move_window(first)
            if anchor is not None:
                view.anchors.restore(anchor)
        finally:
            self._busy = False
        # Only the reader's own scrolling moves the window: were the rows so short that the
        # place lands near an edge again, answering our own scroll would move it back and forth.
        self._follow_timer.stop()
        self.moves += 1
        view.update_highlights()

    def _set_bar(self, value: int) -> None:
        self._busy = True
        try:
            self.bar.setValue(value)
        finally:
            self._busy = False

    def _on_bar_value_changed(self, value: int) -> None:
        if self._busy or not self.active:
            return
        view = self.view
        self._busy = True
        try:
            if value >= self.bar.maximum():
                self.go_to_end()
            else:
                sentence_id = view.renderer.first_sentence_from(value)
                if sentence_id is not None:
                    view.scroll_to_anchor(ReadingAnchor(sentence_id))
        finally:
            self._busy = False
        view.update_highlights()

    def _on_window_moved(self) -> None:
        """A new document or window: show or hide the bar, set its range."""
        view = self.view
        view.anchors.forget()  # scroll values now mean other places
        view.clear_match()  # and positions other text
        active = self.active
        policy = (
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            if active
            else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        if view.verticalScrollBarPolicy() != policy:
            view.setVerticalScrollBarPolicy(policy)
        if active != self.bar.isVisibleTo(view):
            self.bar.setVisible(active)
            self._place()
            view.line_length.apply()
        self._busy = True
        try:
            self.bar.setRange(0, max(0, view.renderer.block_count - 1))
            self.bar.setPageStep(3)
        finally:
            self._busy = False

    def _place(self) -> None:
        view = self.view
        frame = view.frameWidth()
        width = self.bar.sizeHint().width()
        self.bar.setGeometry(view.width() - frame - width, frame, width, view.height() - 2 * frame)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Resize and self.active:
            self._place()
        return False
