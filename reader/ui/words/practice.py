"""Practice layouts: View › Hide English and View › Interleaved.

*Hide English* covers the English of every sentence with a bar until the reader reveals it:
hovering the bar shows it while the pointer stays, a click keeps it shown (a second click
covers it again), and E shows or covers the current sentence's English. The bars are extra
selections over the view (text colour = bar colour), so nothing in the document changes and
the layout, the positions and the reading place stay as they are.

*Interleaved* puts each English paragraph under its German one in a single column; switching
rebuilds the rows and brings the sentence that was at the top back to the top. Both are
remembered in the settings.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QColor, QKeyEvent, QMouseEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from reader.ui.settings import Settings
from reader.ui.view.bilingual_view import BilingualView
from reader.ui.view.block_formats import Side
from reader.ui.view.geometry import span_rect

Overlay = Callable[[], list[QTextEdit.ExtraSelection]]


class PracticeLayouts(QObject):
    """Owns the two View actions and what they do to ``view`` (and the column ``headers``)."""

    def __init__(
        self,
        view: BilingualView,
        headers: QWidget,
        settings: Settings | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or view)
        self.view = view
        self.headers = headers
        self.settings = settings
        self.revealed: set[int] = set()
        self.hovered = -1
        self.hide_action = QAction(self.tr("&Hide English"), view)
        self.hide_action.setCheckable(True)
        self.hide_action.setShortcut("Ctrl+Shift+H")
        self.hide_action.setToolTip(
            self.tr("Cover the English until you reveal it: hover, click, or E for the current")
        )
        self.hide_action.toggled.connect(self.set_hide_english)
        self.interleave_action = QAction(self.tr("&Interleaved"), view)
        self.interleave_action.setCheckable(True)
        self.interleave_action.setShortcut("Ctrl+Shift+I")
        self.interleave_action.setToolTip(self.tr("Each English paragraph under its German one"))
        self.interleave_action.toggled.connect(self.set_interleaved)
        self._previous_overlay: Overlay | None = view.overlay
        view.overlay = self._overlay
        self._viewport = view.viewport()
        self._viewport.installEventFilter(self)
        view.installEventFilter(self)
        if settings is not None:  # as the reader left them
            self.hide_action.setChecked(settings.hide_english)
            self.interleave_action.setChecked(settings.interleaved)

    @property
    def hiding(self) -> bool:
        return self.hide_action.isChecked()

    def set_hide_english(self, hidden: bool) -> None:
        """Cover (True) or show (False) the English of every sentence."""
        if self.hide_action.isChecked() != hidden:
            self.hide_action.setChecked(hidden)  # comes back here through toggled
            return
        self.revealed.clear()
        self.hovered = -1
        if self.settings is not None:
            self.settings.hide_english = hidden
        self.view.update_highlights()

    def set_interleaved(self, interleaved: bool) -> None:
        """One column (True) or side by side (False), keeping the sentence at the top."""
        if self.interleave_action.isChecked() != interleaved:
            self.interleave_action.setChecked(interleaved)
            return
        view = self.view
        if self.settings is not None:
            self.settings.interleaved = interleaved
        if view.renderer.interleaved == interleaved:
            return
        top = self.first_sentence_in_view() if view.verticalScrollBar().value() > 0 else -1
        view.renderer.interleaved = interleaved
        self.headers.setVisible(not interleaved)
        view.relayout()
        if top >= 0:
            view.scroll_to_sentence(top)
        if view.current >= 0 and view.current in view.visible_sentence_ids():
            view.update_highlights()

    def first_sentence_in_view(self) -> int:
        """The first sentence whose German starts inside the view (-1: none): the reading
        place a layout switch keeps."""
        for sentence_id in self.view.visible_sentence_ids():
            rect = span_rect(self.view, sentence_id, Side.GERMAN)
            if rect is not None and rect.top() >= 0:
                return sentence_id
        return -1

    def toggle_revealed(self, sentence_id: int) -> None:
        """Show one sentence's English while hiding, or cover it again."""
        if sentence_id < 0:
            return
        self.revealed ^= {sentence_id}
        self.view.update_highlights()

    def is_covered(self, sentence_id: int) -> bool:
        return self.hiding and sentence_id not in self.revealed and sentence_id != self.hovered

    # --- events ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseMove and watched is self._viewport and self.hiding:
            assert isinstance(event, QMouseEvent)
            found = self.view.sentence_at(event.position().toPoint())
            hovered = found[0] if found and found[1] is Side.ENGLISH else -1
            if hovered != self.hovered:
                self.hovered = hovered
                self.view.update_highlights()
        elif kind == QEvent.Type.MouseButtonRelease and watched is self._viewport and self.hiding:
            assert isinstance(event, QMouseEvent)
            found = self.view.sentence_at(event.position().toPoint())
            if found and found[1] is Side.ENGLISH and event.button() == Qt.MouseButton.LeftButton:
                self.revealed ^= {found[0]}
                self.view.update_highlights()
        elif kind == QEvent.Type.KeyPress and watched is self.view and self.hiding:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_E and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                self.toggle_revealed(self.view.current)
                return True
        elif kind == QEvent.Type.Leave and watched is self._viewport and self.hovered >= 0:
            self.hovered = -1
            self.view.update_highlights()
        return super().eventFilter(watched, event)

    # --- drawing -----------------------------------------------------------------------

    def _overlay(self) -> list[QTextEdit.ExtraSelection]:
        selections = self._previous_overlay() if self._previous_overlay else []
        if not self.hiding:
            return selections
        bar = QColor(self.view.colors.rule)
        bar.setAlpha(255)
        cover = QTextCharFormat()
        cover.setBackground(bar)
        cover.setForeground(bar)
        cover.setUnderlineStyle(QTextCharFormat.UnderlineStyle.NoUnderline)
        renderer = self.view.renderer
        document = self.view.document()
        for row in renderer.rows:
            for sentence_id in row.sentence_ids:
                span = renderer.span(sentence_id, Side.ENGLISH)
                if span is None or span[0] >= span[1] or not self.is_covered(sentence_id):
                    continue
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(document)
                cursor.setPosition(span[0])
                cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                selection.format = cover
                selections.append(selection)
        return selections
