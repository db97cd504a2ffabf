"""Big documents in the reading view: only a window of rows around the reader's place.

Building every row of a text at the 4 MB limit (~8,500 paragraphs, ~32,000 sentences) took
over a minute in slices, and each new wrap width laid the whole text out again (~1.4 s; a
225 KB article collection still stalled ~130 ms). Above ``WINDOWED_ABOVE`` characters the
QTextDocument therefore holds ``WINDOW_ROWS`` rows at most (measured on the 4 MB text:
~30 ms to build 150 rows, ~25 ms to lay them out at a new width); a jump to a sentence
outside the window builds the window around it instead of every row in between. Row
indexes stay relative to the window (``rows[0]`` is the block ``first_block``); sentence
ids, spans and formats work as before for the rows shown. ``row_window.RowWindow`` moves
the window as the reader scrolls.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QTextDocument

from reader.core.document.model import Document, Sentence
from reader.ui.theme import ReaderColors
from reader.ui.view.document_renderer import DocumentRenderer

WINDOW_ROWS = 120  # rows held at once in a big document
WINDOWED_ABOVE = 120_000  # characters of German: longer documents get a window of rows


class WindowedRenderer(DocumentRenderer):
    """A ``DocumentRenderer`` that keeps at most ``window_rows`` rows for big documents."""

    def __init__(self, document: QTextDocument, colors: ReaderColors) -> None:
        super().__init__(document, colors)
        self.window_rows = WINDOW_ROWS
        self.windowed_above = WINDOWED_ABOVE
        self.max_rows: int | None = None  # None: every row is built (small documents)
        self.moved: list[Callable[[], None]] = []  # called after a new document or window
        self._position_of_block: dict[int, int] = {}

    @property
    def windowed(self) -> bool:
        return self.max_rows is not None

    @property
    def block_count(self) -> int:
        return len(self.source.blocks) if self.source is not None else 0

    def render(
        self,
        source: Document,
        sentences: Sequence[Sentence],
        english: Mapping[int, str] | None = None,
    ) -> None:
        self.first_block = 0
        size = sum(len(block.text) for block in source.blocks)
        big = size > self.windowed_above and len(source.blocks) > self.window_rows
        self.max_rows = self.window_rows if big else None
        self._position_of_block = {block.index: n for n, block in enumerate(source.blocks)}
        super().render(source, sentences, english)
        self._notify()

    @property
    def complete(self) -> bool:
        """Every row of the window (or, for small documents, of the document) is built."""
        if super().complete:
            return True
        return self.max_rows is not None and len(self.rows) >= self.max_rows

    def render_more(self, count: int) -> bool:
        if self.max_rows is not None:
            count = min(count, self.max_rows - len(self.rows))
            if count <= 0:
                return False
        return super().render_more(count)

    def ensure_sentence(self, sentence_id: int) -> bool:
        """Build the rows up to ``sentence_id``; in a big document, move the window to it
        (a quarter of the window above it: Qt lays those out before it can show it) when it
        lies outside."""
        sentence = self.sentences.get(sentence_id)
        if sentence is None:
            return False
        if self.max_rows is not None and sentence_id not in self.row_of_sentence:
            position = self._position_of_block.get(sentence.block, 0)
            if not self.first_block <= position < self.first_block + self.max_rows:
                self.move_window(position - self.max_rows // 4)
        return super().ensure_sentence(sentence_id)

    def block_position(self, sentence_id: int) -> int | None:
        """Where the sentence's block stands in the document (None: unknown sentence)."""
        sentence = self.sentences.get(sentence_id)
        return None if sentence is None else self._position_of_block.get(sentence.block)

    def first_sentence_from(self, position: int) -> int | None:
        """The first sentence of the block at ``position`` or of the next one that has one."""
        blocks = self.source.blocks if self.source is not None else ()
        for block in blocks[max(0, position) :]:
            group = self._by_block.get(block.index)
            if group:
                return min(group, key=lambda s: s.start).id
        return self.order[-1] if self.order else None

    def move_window(self, first: int) -> None:
        """Show the window of rows starting at block position ``first``, built now (near the
        end of the text it is shorter: fewer rows to lay out before the last one shows)."""
        if self.max_rows is None or self.source is None:
            return
        first = max(0, min(first, self.block_count - 1))
        if first == self.first_block and self.rows:
            return
        self.first_block = first
        self.rows = []
        self.row_of_sentence = {}
        self._row_of_block = {}
        # With no page size Qt lays nothing out while the rows go in; setting it back lays
        # the window out lazily, from the top, in steps (measured: 15–20 ms to build instead
        # of ~50 ms with every row laid out at once).
        page = self.document.pageSize()
        self.document.setPageSize(QSizeF(0, 0))
        try:
            self.document.clear()
            self._next_block = first
            self.render_more(self.max_rows)
        finally:
            self.document.setPageSize(page)
        self._notify()

    def _notify(self) -> None:
        for callback in self.moved:
            callback()
