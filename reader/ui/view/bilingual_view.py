"""The reading view: German left, English right, one row per block, sentences linked.

One QTextBrowser shows one QTextDocument built by ``DocumentRenderer``. Hover, click and
keyboard move a highlight over a sentence *pair* (background plus underline, so it does not
rely on colour alone); highlights are ExtraSelections and never change the document.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence

from PySide6 import QtGui
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent, QTextDocument, QWheelEvent
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from reader.core.document.model import Document, Sentence, Translation
from reader.ui.theme import ReaderColors
from reader.ui.view.block_formats import Side
from reader.ui.view.document_images import load_image
from reader.ui.view.document_renderer import ExtraFormat
from reader.ui.view.geometry import (
    reading_order,
    scroll_into_view,
    selected_sentence_ids,
    span_rect,
    visible_rows,
)
from reader.ui.view.highlights import highlight_selections
from reader.ui.view.line_length import LineLength
from reader.ui.view.pair_copy import copy_selected_pairs
from reader.ui.view.reading_position import AnchorMemory, KeepReadingPosition, ReadingAnchor
from reader.ui.view.row_window import RowWindow
from reader.ui.view.scroll_settle import ScrollSettle
from reader.ui.view.view_keys import handle_key
from reader.ui.view.width_settle import WidthSettle
from reader.ui.view.windowed_renderer import WindowedRenderer

RENDER_CHUNK = 25  # rows appended per call when everything must be built now
RENDER_UNIT = 4  # rows appended between two looks at the clock while a document opens
RENDER_BUDGET_S = 0.012  # GUI time per event-loop turn spent building rows


class BilingualView(QTextBrowser):
    """Shows a document and its translation side by side and links sentence pairs.

    Signals:
        current_sentence_changed(int): the linked pair moved (-1: none).
        hovered_sentence_changed(int): the pointer is over another sentence (-1: none).
        pair_copied(int): Enter copied the current pair to the clipboard.
        visible_range_settled(): scrolling stopped; a good moment to reorder translation.
        link_activated(QUrl): the user clicked a link in the German text.
        rendering_finished(): the last rows of a long document were built.
        zoom_requested(int): Ctrl+wheel asked for one zoom step in (+1) or out (-1).
    """

    current_sentence_changed = Signal(int)
    hovered_sentence_changed = Signal(int)
    pair_copied = Signal(int)
    visible_range_settled = Signal()
    link_activated = Signal(QUrl)
    rendering_finished = Signal()
    zoom_requested = Signal(int)

    def __init__(self, colors: ReaderColors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAcceptDrops(False)  # the window takes dropped files
        self.setUndoRedoEnabled(False)
        self.document().setUndoRedoEnabled(False)
        self.document().setDocumentMargin(24)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.setAccessibleName(self.tr("German original and English translation"))
        self.setAccessibleDescription(
            self.tr(
                "Two columns, one row per paragraph: the left column is the German "
                "original, the right column its English translation, sentence by sentence. "
                "Use J and K or Alt+Down and Alt+Up to move between sentences, Enter to "
                "copy the German and English of the current sentence."
            )
        )
        self.viewport().setMouseTracking(True)
        self.base_dir: str | None = None
        self.pictures: dict[str, bytes] = {}
        self.renderer = WindowedRenderer(self.document(), colors)
        self.colors = colors
        self.current = -1
        self.hovered = -1
        self._match: tuple[int, int] | None = None
        # More selections drawn on top of the pair highlights (the names panel's mention).
        self.overlay: Callable[[], list[QTextEdit.ExtraSelection]] | None = None
        self.find_marks: Callable[[], list[QTextEdit.ExtraSelection]] | None = None  # under it
        self.scroll_settle = ScrollSettle(self.verticalScrollBar(), self)
        self.scroll_settle.settled.connect(self.visible_range_settled)
        self._render_timer = QTimer(self)
        self._render_timer.setInterval(0)
        self._render_timer.timeout.connect(self._on_render_timer_timeout)
        self.anchorClicked.connect(self.link_activated)
        self.anchors = AnchorMemory(self)
        self.row_window = RowWindow(self)  # big documents: a window of rows, its own bar
        self.line_length = LineLength(self)
        self.width_settle = WidthSettle(self)

    # --- content -----------------------------------------------------------------------

    def set_document(
        self,
        source: Document,
        sentences: Sequence[Sentence],
        english: Mapping[int, str] | None = None,
        *,
        placeholders: bool = True,
    ) -> None:
        """Show a new document (and any English already known), scrolled to the top."""
        self.base_dir = str(source.source.parent) if source.source else None
        self.pictures = dict(source.pictures)  # carried inside the file (EPUB)
        self.current = -1
        self.hovered = -1
        self._match = None
        self.anchors.forget()
        self.renderer.placeholders = placeholders
        self.renderer.render(source, sentences, english)
        self.width_settle.apply_now()  # cheap now: only the first rows exist
        self._update_selections()
        self.verticalScrollBar().setValue(0)
        self._continue_rendering()

    def set_translations(
        self, translations: Mapping[int, str], aligned: Mapping[int, Translation] | None = None
    ) -> None:
        """Fill in English for some sentences without moving what the reader looks at;
        ``aligned`` carries the German's bold, italic and links onto the English words."""
        with KeepReadingPosition(self):
            self.renderer.set_english(translations, aligned)
        self._update_selections()

    def set_placeholders(self, shown: bool) -> None:
        """Show "…" for sentences still waiting for English (off while no model exists)."""
        if self.renderer.placeholders == shown:
            return
        self.renderer.placeholders = shown
        with KeepReadingPosition(self):
            self.renderer.refresh_rows(range(len(self.renderer.rows)))
        self._update_selections()

    def set_colors(self, colors: ReaderColors) -> None:
        self.colors = colors
        self.renderer.colors = colors
        self.relayout()

    def set_german_percent(self, percent: int) -> None:
        self.renderer.german_percent = percent
        self.line_length.apply()
        self.width_settle.apply_now()
        self.relayout()

    def set_extra_formats(self, formats: Sequence[ExtraFormat]) -> None:
        """Lay extra formats (entity highlights) over German and English spans."""
        with KeepReadingPosition(self):
            self.renderer.set_extra_formats(formats)
        self._update_selections()
        self._continue_rendering()  # replacing formats rebuilds only the first rows

    def add_extra_formats(self, formats: Sequence[ExtraFormat]) -> None:
        """Lay more formats over the text without redrawing what is there."""
        if formats:
            self.renderer.add_extra_formats(formats)
            self._update_selections()

    def relayout(self) -> None:
        with KeepReadingPosition(self):
            self.renderer.rebuild()
            while not self.renderer.complete and self._needs_more_rows():
                self.renderer.render_more(RENDER_CHUNK)
        self._update_selections()
        self._continue_rendering()

    def finish_rendering(self) -> None:
        """Build every remaining row now (tests, export, screenshots)."""
        while self.renderer.render_more(RENDER_CHUNK):
            pass
        self._render_timer.stop()
        self._update_selections()

    def _needs_more_rows(self) -> bool:
        """True while the rows built so far end above the bottom of the view."""
        bar = self.verticalScrollBar()
        return bar.value() + 2 * self.viewport().height() > bar.maximum()

    def _continue_rendering(self) -> None:
        if not self.renderer.complete:
            self._render_timer.start()

    def _on_render_timer_timeout(self) -> None:
        # A few rows at a time until this turn's budget is spent (rows cost 1–3 ms each).
        started = time.perf_counter()
        more = True
        while more and time.perf_counter() - started < RENDER_BUDGET_S:
            more = self.renderer.render_more(RENDER_UNIT)
        if not more:
            self._render_timer.stop()
            self._update_selections()
            self.rendering_finished.emit()

    def set_reading_font(self, family: str, point_size: float) -> None:
        """The font of both columns (zoom multiplies ``point_size`` before it gets here)."""
        font = QFont(self.document().defaultFont())
        if family:
            font.setFamilies([family])
        font.setPointSizeF(point_size)
        with KeepReadingPosition(self):
            self.document().setDefaultFont(font)
            self.line_length.apply()
            self.width_settle.apply_now()
        self._update_selections()

    def sentence_ids(self) -> list[int]:
        return self.renderer.sentence_ids()

    def english_for(self, sentence_id: int) -> str | None:
        return self.renderer.english.get(sentence_id)

    def german_for(self, sentence_id: int) -> str | None:
        sentence = self.renderer.sentences.get(sentence_id)
        return sentence.text if sentence else None

    # --- linking -------------------------------------------------------------------------

    def set_current(self, sentence_id: int, *, ensure_visible: bool = True) -> None:
        """Highlight a sentence pair and (optionally) scroll both halves into view."""
        if not self.renderer.ensure_sentence(sentence_id):  # builds rows far ahead if needed
            sentence_id = -1
        changed = sentence_id != self.current
        self.current = sentence_id
        self._update_selections()
        if ensure_visible and sentence_id >= 0:
            self.ensure_sentence_visible(sentence_id)
        if changed:
            self.current_sentence_changed.emit(sentence_id)

    def move_current(self, step: int) -> None:
        """Next (+1) or previous (-1) sentence; from nothing, start at the top of the view."""
        ids = self.sentence_ids()
        if not ids:
            return
        if self.current < 0:
            visible = self.visible_sentence_ids()
            target = visible[0] if visible else ids[0]
        else:
            position = ids.index(self.current) + step
            target = ids[max(0, min(len(ids) - 1, position))]
        self.set_current(target)

    def ensure_sentence_visible(self, sentence_id: int) -> None:
        """Scroll so that the German and the English of the sentence are both on screen."""
        scroll_into_view(self, sentence_id)

    def highlight_match(self, sentence_id: int, side: Side, start: int, end: int) -> None:
        """Mark a find match (UTF-16 offsets inside the sentence on ``side``)."""
        self.renderer.ensure_sentence(sentence_id)  # a big document's window moves to it
        span = self.renderer.span(sentence_id, side)
        self._match = (span[0] + start, span[0] + end) if span else None
        self.set_current(sentence_id)

    def clear_match(self) -> None:
        self._match = None
        self._update_selections()

    def copy_current_pair(self) -> bool:
        """The selected pairs (or the current one) to the clipboard; see ``pair_copy``."""
        copied = copy_selected_pairs(self)
        if copied is not None:
            self.pair_copied.emit(copied)
        return copied is not None

    def selected_sentence_ids(self) -> list[int]:
        """Sentences whose German or English the text selection touches, in document order."""
        return selected_sentence_ids(self)

    # --- viewport ----------------------------------------------------------------------

    def visible_sentence_ids(self) -> list[int]:
        """Sentences of the rows that intersect the viewport, in reading order."""
        rows = visible_rows(self)
        if rows is None:
            return []
        first, last = rows
        return [sid for row in self.renderer.rows[first : last + 1] for sid in row.sentence_ids]

    def top_sentence_id(self) -> int:
        """The sentence at the top of the view (-1: none); see ``reading_position``."""
        anchor = self.anchors.capture()
        return anchor.sentence_id if anchor else -1

    def reading_anchor(self) -> ReadingAnchor | None:
        """The reader's place: the top sentence and how far into it the view starts."""
        return self.anchors.capture()

    def scroll_to_anchor(self, anchor: ReadingAnchor) -> None:
        """Put a place (from ``reading_anchor``, maybe of an earlier session) at the top."""
        self.anchors.restore(anchor)

    def scroll_to_sentence(self, sentence_id: int) -> None:
        """Put a sentence at the top of the view (used after a reload)."""
        self.anchors.restore(ReadingAnchor(sentence_id))

    def reading_order(self, pending: Sequence[int]) -> list[int]:
        """``pending`` ids ordered for translation: on screen first, then on down, then up."""
        return reading_order(pending, self.visible_sentence_ids(), self.sentence_ids())

    def sentence_at(self, point: QPoint) -> tuple[int, Side] | None:
        """The sentence under a viewport point, and its side."""
        return self.renderer.sentence_at(self.cursorForPosition(point).position())

    # --- events ------------------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        found = self.renderer.sentence_at(
            self.cursorForPosition(event.position().toPoint()).position()
        )
        hovered = found[0] if found else -1
        if hovered != self.hovered:
            self.hovered = hovered
            self._update_selections()
            self.hovered_sentence_changed.emit(hovered)

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        if self.hovered != -1:
            self.hovered = -1
            self._update_selections()
            self.hovered_sentence_changed.emit(-1)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return  # a drag selected text: leave the pair where it was
        found = self.renderer.sentence_at(
            self.cursorForPosition(event.position().toPoint()).position()
        )
        if found:
            self.set_current(found[0], ensure_visible=False)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        # The text wraps at a fixed width; ``width_settle`` lays it out once a drag settles.
        changed = event.size().width() != event.oldSize().width()
        if changed:
            self.width_settle.before_resize()
        super().resizeEvent(event)
        if changed:
            self.width_settle.after_resize()

    def wheelEvent(self, event: QWheelEvent) -> None:
        # QTextEdit would zoom the document font itself, past the window's zoom setting.
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom_requested.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not handle_key(self, event):
            super().keyPressEvent(event)

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        # QTextBrowser would read local files itself (``/dev/zero`` hangs or crashes it):
        # images come only through the core's checked reader, else a placeholder.
        if kind == int(QTextDocument.ResourceType.ImageResource.value):
            return load_image(self.base_dir, QUrl(url).toString(), self.pictures)
        return b""

    # --- internals -----------------------------------------------------------------------

    _span_rect = span_rect  # (sentence_id, side) -> viewport QRect | None

    def update_highlights(self) -> None:
        """Redraw the pair, match and overlay highlights (positions may have moved)."""
        self._update_selections()

    def _update_selections(self) -> None:
        selections = highlight_selections(
            self.document(), self.renderer, self.colors, self.current, self.hovered, self._match
        )
        for extra in (self.find_marks, self.overlay):
            selections += extra() if extra is not None else []
        self.setExtraSelections(selections)
