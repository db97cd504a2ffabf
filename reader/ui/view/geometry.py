"""Where sentences sit in the reading view: their rectangles, the rows on screen, the selection."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QTextCursor

from reader.ui.view.block_formats import Side
from reader.ui.view.cell_layout import side_of
from reader.ui.view.document_renderer import DocumentRenderer

if TYPE_CHECKING:
    from reader.ui.view.bilingual_view import BilingualView


def span_rect(view: BilingualView, sentence_id: int, side: Side) -> QRect | None:
    """The viewport rectangle from a sentence's start to its end on one side (None: unknown)."""
    span = view.renderer.span(sentence_id, side)
    if span is None:
        return None
    cursor = QTextCursor(view.document())
    cursor.setPosition(span[0])
    start = view.cursorRect(cursor)
    cursor.setPosition(max(span[0], span[1]))
    end = view.cursorRect(cursor)
    return start.united(end)


def scroll_into_view(view: BilingualView, sentence_id: int) -> None:
    """Scroll so that the German and the English of the sentence are both on screen."""
    rects = [r for side in Side if (r := span_rect(view, sentence_id, side)) is not None]
    if not rects:
        return
    top = min(r.top() for r in rects)
    bottom = max(r.bottom() for r in rects)
    height = view.viewport().height()
    bar = view.verticalScrollBar()
    margin = 24
    if top < margin:
        bar.setValue(bar.value() + top - margin)
    elif bottom > height - margin:
        shift = min(bottom - height + margin, top - margin)
        bar.setValue(bar.value() + shift)


def visible_rows(view: BilingualView) -> tuple[int, int] | None:
    """The first and last row that intersect the viewport (None: no rows yet)."""
    renderer = view.renderer
    if not renderer.rows:
        return None
    x = view.viewport().width() // 4
    top = renderer.row_at(view.cursorForPosition(QPoint(x, 0)).position())
    bottom = renderer.row_at(
        view.cursorForPosition(QPoint(x, view.viewport().height() - 1)).position()
    )
    return (top or 0, bottom if bottom is not None else len(renderer.rows) - 1)


def reading_order(pending: Sequence[int], visible: list[int], ids: list[int]) -> list[int]:
    """``pending`` ordered for translation: ``visible`` first, then on down, then up."""
    first = visible[0] if visible else -1
    shown = set(visible)
    order = {sid: n for n, sid in enumerate(ids)}
    anchor = order.get(first, 0)

    def key(sid: int) -> tuple[int, int]:
        if sid in shown:
            return (0, order.get(sid, 0))
        place = order.get(sid, 0)
        return (1, place) if place >= anchor else (2, -place)

    return sorted(pending, key=key)


def selected_sentence_ids(view: BilingualView) -> list[int]:
    """Sentences whose German or English the text selection touches, in document order."""
    cursor = view.textCursor()
    if not cursor.hasSelection():
        return []
    first, last = cursor.selectionStart(), cursor.selectionEnd()
    # Within a row only the column the selection started in counts; across rows Qt
    # selects whole cells, and every sentence of those rows is meant.
    side = _side_at(view.renderer, cursor.anchor())
    chosen = []
    for sid in view.renderer.sentence_ids():
        span = view.renderer.span(sid, side)
        if span is not None and span[0] < last and first < span[1]:
            chosen.append(sid)
    return chosen


def _side_at(renderer: DocumentRenderer, position: int) -> Side:
    index = renderer.row_at(position)
    if index is not None:
        table = renderer.rows[index].table
        cell = table.cellAt(position)
        if cell.isValid():
            return side_of(table, cell)
    return Side.GERMAN
